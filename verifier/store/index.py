"""Candidate retrieval: the FTS5 query that finds the claims a statement may be about."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from verifier.matching import Candidate
from verifier.models import Claim
from verifier.store.base import StoreBase
from verifier.store.rows import claim_from_row, quantities_from_row

# How many postings (claim-term pairs) a candidate query reads by default (the setting
# VERIFIER_POSTINGS_BUDGET): its cost, whatever the size of the base. Tuned on the
# CheckThat! dev splits and `verifier bench`.
POSTINGS_BUDGET = 2_000
# Pairs of rare terms that found at least this many claims need no filling in.
ENOUGH_PAIRS = 10


class CandidateIndex(StoreBase):
    """The candidate queries of ClaimStore."""

    def candidates(
        self, stems: Iterable[str], limit: int, budget: int = POSTINGS_BUDGET
    ) -> list[Candidate]:
        """Return up to `limit` claims sharing the most (rarest) stems, BM25 order."""
        return self.candidates_at(self.ranked_rowids(stems, limit, budget))

    def candidates_at(self, ranked: list[tuple[int, float]]) -> list[Candidate]:
        """Load the claims at the given (rowid, BM25 score) pairs as candidates, in that order."""
        if not ranked:
            return []
        marks = ",".join("?" * len(ranked))
        rows = self.db.execute(
            f"SELECT rowid, * FROM claims WHERE rowid IN ({marks})", [r[0] for r in ranked]
        ).fetchall()
        by_rowid = {r[0]: r[1:] for r in rows}
        return [
            self._candidate(self._row(by_rowid[rowid], "claims"), -score)
            for rowid, score in ranked
            if rowid in by_rowid
        ]

    def ranked_rowids(
        self, stems: Iterable[str], limit: int, budget: int = POSTINGS_BUDGET, max_terms: int = 24
    ) -> list[tuple[int, float]]:
        """Return (rowid, BM25 score) of the `limit` claims sharing the most (rarest) stems.

        A query's cost is mostly the rows it scores, so it keeps to a budget whatever the size
        of the base. It takes the rarest terms while their claim counts add up to at most
        `budget`. When that leaves fewer than four terms (a large base), one or two
        terms cannot tell their many claims apart: it asks instead for claims holding an
        anchor (the rarest word, and any other word within the budget) together with one of
        the five rarest terms, which scores at most the anchors' claims. Figures are never
        anchors: a changed number must still find its claim. The budget's terms fill in
        when few claims come back.
        """
        counted = self._selective_terms(list(dict.fromkeys(stems)), max_terms)
        chosen: list[str] = []
        postings = 0
        for count, term in counted:
            if chosen and postings + count > budget:
                break
            chosen.append(term)
            postings += count
        if not chosen:
            return []
        either = " OR ".join(quote_term(t) for t in chosen)
        named = [(count, t) for count, t in counted if not _is_number_term(t)]
        if len(chosen) >= 4 or len(chosen) == len(counted) or not named:
            return self._ranked(either, limit)
        anchors = [named[0][1]] + [t for count, t in named[1:4] if count <= budget]
        pairs = {tuple(sorted((a, b))) for a in anchors for _, b in counted[:5] if a != b}
        query = " OR ".join(f"({quote_term(a)} AND {quote_term(b)})" for a, b in sorted(pairs))
        ranked = self._ranked(query, limit)
        if len(ranked) < min(limit, ENOUGH_PAIRS):
            seen = {rowid for rowid, _ in ranked}
            more = self._ranked(either, limit)
            ranked += [r for r in more if r[0] not in seen][: limit - len(ranked)]
        return ranked

    def _ranked(self, query: str, limit: int) -> list[tuple[int, float]]:
        """Rank inside the index (BM25) and return (rowid, score) of the best `limit`."""
        cursor = self.db.execute(
            "SELECT rowid, bm25(claims_fts, 1.0, 0.6) AS relevance FROM claims_fts "
            "WHERE claims_fts MATCH ? ORDER BY relevance LIMIT ?",
            [query, limit],
        )
        return [(int(r[0]), float(r[1])) for r in cursor.fetchall()]

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
        missing = [t for t in terms if t not in cache]
        if missing:
            marks = ",".join("?" * len(missing))
            cursor = self.db.execute(
                f"SELECT term, doc FROM claims_fts_vocab WHERE term IN ({marks})", missing
            )
            found = dict(cursor.fetchall())
            if len(cache) > 200_000:
                cache.clear()
            cache.update({t: int(found.get(t, 0)) for t in missing})
        return {t: cache[t] for t in terms if cache.get(t)}

    def _claim_total(self) -> int:
        # max(rowid) tracks the table's size without a full count on every query.
        row = self.db.execute("SELECT max(rowid) FROM claims").fetchone()
        return int(row[0] or 0)

    def _candidate(self, record: dict[str, Any], relevance: float) -> Candidate:
        return Candidate(
            claim_id=record["id"],
            stems=tuple(record["stems"].split()),
            quantities=quantities_from_row(record),
            load=functools.partial(self._decode, record),
            relevance=relevance,
            topic=frozenset(record["topic"].split()),
        )

    def _decode(self, record: dict[str, Any]) -> tuple[Claim, frozenset[str]]:
        claim = claim_from_row(record)
        context = frozenset(record["context"].split()) | self._article_words(claim.article_id)
        return claim, context


def _is_number_term(term: str) -> bool:
    """Tell a figure's index term ("n4000", from number_terms) from a word's stem."""
    return term[:1] == "n" and term[1:].isdigit()


def quote_term(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'
