"""What the candidate queries read of the FTS5 index: counts, lengths, terms and postings."""

from __future__ import annotations

import itertools
import sqlite3
from typing import Any

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

    def _count_documents(self, terms: list[str]) -> dict[str, int]:
        """Return how many claims hold each term (fts5vocab reads each term's whole list)."""
        marks = ",".join("?" * len(terms))
        cursor = self.db.execute(
            f"SELECT term, doc FROM claims_fts_vocab WHERE term IN ({marks})", terms
        )
        return {term: int(doc) for term, doc in cursor.fetchall()}

    def _claim_total(self) -> int:
        # max(rowid) tracks the table's size without a full count on every query.
        row = self.db.execute("SELECT max(rowid) FROM claims").fetchone()
        return int(row[0] or 0)

    def _heaviest(self, weights: list[tuple[str, float]], limit: int) -> dict[int, float]:
        """Sum each claim's term weights over one unscored FTS5 query per term."""
        params: list[object] = []
        for term, weight in weights:
            params += [weight, quote_term(term)]
        hits = " UNION ALL ".join(
            ["SELECT rowid, ? FROM claims_fts WHERE claims_fts MATCH ?"] * len(weights)
        )
        cursor = self.db.execute(
            f"WITH hits(id, weight) AS ({hits}) SELECT id, sum(weight) AS held FROM hits "
            "GROUP BY id ORDER BY held DESC, id LIMIT ?",
            [*params, limit],
        )
        return dict(cursor.fetchall())

    def _holding_both(self, a: str, b: str) -> set[int]:
        cursor = self.db.execute(
            "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?",
            [f"{quote_term(a)} AND {quote_term(b)}"],
        )
        return set(itertools.chain.from_iterable(cursor.fetchall()))

    def _holding(self, term: str, limit: int) -> list[int]:
        cursor = self.db.execute(
            "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? LIMIT ?",
            [quote_term(term), limit],
        )
        return [int(r[0]) for r in cursor.fetchall()]

    def _indexed_columns(self, rowids: list[int]) -> list[tuple[int, str, str]]:
        marks = ",".join("?" * len(rowids))
        rows = self.db.execute(
            f"SELECT rowid, stems, extra FROM claims WHERE rowid IN ({marks})", rowids
        ).fetchall()
        return [(int(rowid), stems, extra) for rowid, stems, extra in rows]

    def _claim_records(self, rowids: list[int]) -> dict[int, dict[str, Any]]:
        marks = ",".join("?" * len(rowids))
        rows = self.db.execute(
            f"SELECT rowid, * FROM claims WHERE rowid IN ({marks})", rowids
        ).fetchall()
        return {r[0]: self._row(r[1:], "claims") for r in rows}


def quote_term(term: str) -> str:
    """Quote a term as an FTS5 string (a phrase, when the tokenizer splits it)."""
    return '"' + term.replace('"', '""') + '"'
