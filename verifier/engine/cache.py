"""Recent verdicts, kept until the claim base changes."""

from __future__ import annotations

import threading
from collections import OrderedDict

from verifier.models import Verdict


class VerdictCache:
    """Recent verdicts by statement text, all dropped as soon as the claim base changes.

    A draft is re-checked on every pause in typing, nearly always with the same sentences;
    a verdict only depends on the statement and the stored claims, so it can be reused
    until any connection (this worker's or another's) commits a write.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._verdicts: OrderedDict[str, Verdict] = OrderedDict()
        self._generation: object = None
        self._lock = threading.Lock()

    def get(self, statement: str, generation: object) -> Verdict | None:
        """Return the cached verdict of a statement for this state of the store, if any."""
        with self._lock:
            if generation != self._generation:
                self._verdicts.clear()
                self._generation = generation
                return None
            verdict = self._verdicts.get(statement)
            if verdict is not None:
                self._verdicts.move_to_end(statement)
            return verdict

    def put(self, statement: str, generation: object, verdict: Verdict) -> None:
        """Remember a verdict reached on this state of the store."""
        with self._lock:
            if generation != self._generation:
                return
            self._verdicts[statement] = verdict
            if len(self._verdicts) > self.size:
                self._verdicts.popitem(last=False)
