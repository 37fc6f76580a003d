"""What the candidate queries read of the PostgreSQL index: the GIN-indexed tsvector, the
term counts and the totals each write keeps."""

from __future__ import annotations

import math
from typing import Any

from verifier.store.postgres.base import PgBase
from verifier.store.postgres.terms import all_of, term_query
from verifier.store.rows import CLAIM_FIELDS

CLAIM_COLUMNS_SQL = ", ".join(f'"{f}"' for f in CLAIM_FIELDS)


class PgIndex(PgBase):
    """The index records CandidateIndex ranks with, as FTS5 would give them."""

    def _index_totals(self) -> tuple[int, int]:
        rows = self._fetch("SELECT claims, terms FROM store_state")
        return (int(rows[0][0]), int(rows[0][1])) if rows else (0, 0)

    def _lengths(self, rowids: list[int]) -> dict[int, int]:
        if not rowids:
            return {}
        rows = self._fetch("SELECT rowid, length FROM claims WHERE rowid = ANY(%s)", [rowids])
        return {int(rowid): int(length) for rowid, length in rows}

    def _count_documents(self, terms: list[str]) -> dict[str, int]:
        rows = self._fetch("SELECT term, claims FROM term_counts WHERE term = ANY(%s)", [terms])
        return {term: int(count) for term, count in rows}

    def _claim_total(self) -> int:
        rows = self._fetch("SELECT max(rowid) FROM claims")
        return int(rows[0][0] or 0)

    def _heaviest(self, weights: list[tuple[str, float]], limit: int) -> dict[int, float]:
        """Sum each claim's term weights over one GIN lookup per term (summed here, exactly
        rounded, in the terms' order as SQLite sums them)."""
        if not weights:
            return {}
        hits = " UNION ALL ".join(
            ["SELECT rowid, %s::int FROM claims WHERE terms @@ %s::tsquery"] * len(weights)
        )
        params: list[object] = []
        for i, (term, _) in enumerate(weights):
            params += [i, term_query(term)]
        held: dict[int, list[float]] = {}
        for rowid, i in self._fetch(hits, params):
            held.setdefault(int(rowid), []).append(weights[i][1])
        sums = {rowid: math.fsum(found) for rowid, found in held.items()}
        best = sorted(sums, key=lambda rowid: (-sums[rowid], rowid))[:limit]
        return {rowid: sums[rowid] for rowid in best}

    def _holding_both(self, a: str, b: str) -> set[int]:
        rows = self._fetch("SELECT rowid FROM claims WHERE terms @@ %s::tsquery", [all_of((a, b))])
        return {int(row[0]) for row in rows}

    def _holding(self, term: str, limit: int) -> list[int]:
        rows = self._fetch(
            "SELECT rowid FROM claims WHERE terms @@ %s::tsquery ORDER BY rowid LIMIT %s",
            [term_query(term), limit],
        )
        return [int(row[0]) for row in rows]

    def _indexed_columns(self, rowids: list[int]) -> list[tuple[int, str, str]]:
        rows = self._fetch("SELECT rowid, stems, extra FROM claims WHERE rowid = ANY(%s)", [rowids])
        return [(int(rowid), stems, extra) for rowid, stems, extra in rows]

    def _claim_records(self, rowids: list[int]) -> dict[int, dict[str, Any]]:
        rows = self._fetch(
            f"SELECT rowid, {CLAIM_COLUMNS_SQL} FROM claims WHERE rowid = ANY(%s)", [rowids]
        )
        return {int(row[0]): dict(zip(CLAIM_FIELDS, row[1:], strict=True)) for row in rows}
