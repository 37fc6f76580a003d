"""What the candidate queries read of the index itself: its counts, lengths and terms."""

from __future__ import annotations

import sqlite3

from verifier.store.base import StoreBase
from verifier.store.bm25 import varints


class IndexStats(StoreBase):
    """The FTS5 records CandidateIndex ranks with: claim and term counts, claim lengths."""

    def _index_totals(self) -> tuple[int, int]:
        """Return the index's claim count and total term count (FTS5's averages record)."""
        row = self.db.execute("SELECT block FROM claims_fts_data WHERE id = 1").fetchone()
        numbers = varints(row[0]) if row else []
        return (numbers[0], sum(numbers[1:])) if numbers else (0, 0)

    def _lengths(self, rowids: list[int]) -> dict[int, int]:
        """Return how many terms each claim holds in the index (FTS5's docsize records)."""
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        try:
            cursor = self.db.execute(
                f"SELECT id, sz FROM claims_fts_docsize WHERE id IN ({marks})", rowids
            )
        except sqlite3.OperationalError:  # an index built without sizes (columnsize=0)
            return {}  # every claim then counts as of average length
        return {rowid: sum(varints(size)) for rowid, size in cursor}

    def _selective_terms(self, terms: list[str], max_terms: int) -> list[tuple[int, str]]:
        """Return (claim count, term) of the rarest terms that occur at all, rarest first."""
        if not terms:
            return []
        total = max(1, self._claim_total())
        found = self._document_frequencies(tuple(t for t in terms if t.isalnum()))
        # Terms the tokenizer splits ("u.s") are kept as phrases, after the rare single words.
        ranked = sorted((found.get(t, total if not t.isalnum() else 0), t) for t in terms)
        return [(df, t) for df, t in ranked if df > 0][:max_terms]

    def _document_frequencies(self, terms: tuple[str, ...]) -> dict[str, int]:
        """Return how many claims hold each term; cached, since fts5vocab reads whole lists.

        The cache is cleared on every write from this process; counts written by another
        process may lag, which only shifts which terms count as rare.
        """
        cache: dict[str, int] = self.__dict__.setdefault("_df_cache", {})
        counts = {t: cache.get(t) for t in terms}  # another thread may clear it meanwhile
        missing = [t for t, count in counts.items() if count is None]
        if missing:
            marks = ",".join("?" * len(missing))
            cursor = self.db.execute(
                f"SELECT term, doc FROM claims_fts_vocab WHERE term IN ({marks})", missing
            )
            found = dict(cursor.fetchall())
            fresh = {t: int(found.get(t, 0)) for t in missing}
            if len(cache) > 200_000:
                cache.clear()
            cache.update(fresh)
            counts.update(fresh)
        return {t: count for t, count in counts.items() if count}

    def _claim_total(self) -> int:
        # max(rowid) tracks the table's size without a full count on every query.
        row = self.db.execute("SELECT max(rowid) FROM claims").fetchone()
        return int(row[0] or 0)
