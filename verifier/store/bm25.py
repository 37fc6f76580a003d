"""FTS5's BM25 (k1 1.2, b 0.75) for ranking done outside FTS5, and FTS5's count records.

Pure functions: the candidate queries (`index.py`) rank some claims themselves, where
FTS5's `bm25()` would cost more, and their scores must compare with FTS5's.
"""

from __future__ import annotations

import math

K1, B = 1.2, 0.75  # FTS5's bm25() constants

Ranked = list[tuple[int, float]]  # (rowid, score), FTS5's sign: lower is better


def idf(claims: int, count: int) -> float:
    """FTS5's inverse document frequency, never zero or below, as in its bm25().

    A count above the claims is floored too: counts come from other records than the total
    (a split word counts as every claim, `max(rowid)` outruns the rows after deletes).
    """
    return max(1e-6, math.log((max(0, claims - count) + 0.5) / (count + 0.5)))


def term_score(weight: float, frequency: float, length: float, average: float) -> float:
    """A term's share of a claim's BM25: its idf `weight`, its (column-weighted)
    `frequency` in the claim, saturated, and the claim's `length` against the `average`."""
    return weight * frequency * (K1 + 1) / (frequency + K1 * (1 - B + B * length / average))


def after(head: Ranked, tail: Ranked) -> Ranked:
    """Shift the scores of claims ranked after `head` (another query, another scale) so
    that none looks better than head's last one; their own order is kept."""
    if not head or not tail:
        return tail
    shift = max(0.0, head[-1][1] - min(score for _, score in tail))
    return [(rowid, score + shift) for rowid, score in tail]


def varints(blob: bytes) -> list[int]:
    """Decode SQLite's varints (FTS5 keeps its counts so), at most nine bytes each."""
    numbers, value, size = [], 0, 0
    for byte in blob:
        size += 1
        if size == 9:
            numbers.append((value << 8) | byte)
            value, size = 0, 0
        elif byte & 0x80:
            value = (value << 7) | (byte & 0x7F)
        else:
            numbers.append((value << 7) | byte)
            value, size = 0, 0
    return numbers
