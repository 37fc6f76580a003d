"""What the ranking reads of a backend's index: the reads each backend implements (FTS5's
records in SQLite, the postings and counts PostgreSQL keeps), and the term counts it caches."""

from __future__ import annotations

import functools
from abc import abstractmethod
from typing import Any

from verifier.language.article_words import ArticleWords
from verifier.store.interface import ClaimStore


class IndexLookups(ClaimStore):
    """The index reads CandidateIndex ranks with."""

    _article_words: functools._lru_cache_wrapper[ArticleWords]  # per article, by the backend

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
        """Return how many claims hold each term; cached, since counting reads whole lists.

        The cache is cleared on every write from this process, and by `_refresh_caches` where
        the backend sees others' writes cheaply; elsewhere counts written by another process
        may lag, which only shifts which terms count as rare.
        """
        cache: dict[str, int] = self.__dict__.setdefault("_df_cache", {})
        counts = {t: cache.get(t) for t in terms}  # another thread may clear it meanwhile
        missing = [t for t, count in counts.items() if count is None]
        if missing:
            found = self._count_documents(missing)
            fresh = {t: int(found.get(t, 0)) for t in missing}
            if len(cache) > 200_000:
                cache.clear()
            cache.update(fresh)
            counts.update(fresh)
        return {t: count for t, count in counts.items() if count}

    def _refresh_caches(self) -> None:
        """Drop cached counts when another writer has changed the index (if the backend can
        tell at little cost)."""

    @abstractmethod
    def _index_totals(self) -> tuple[int, int]:
        """Return the index's claim count and total term count."""

    @abstractmethod
    def _lengths(self, rowids: list[int]) -> dict[int, int]:
        """Return how many terms each claim holds in the index."""

    @abstractmethod
    def _claim_total(self) -> int:
        """Return the largest rowid (the table's size, without a count on every query)."""

    @abstractmethod
    def _count_documents(self, terms: list[str]) -> dict[str, int]:
        """Return how many claims hold each of `terms` (single tokens), uncached."""

    @abstractmethod
    def _heaviest(self, weights: list[tuple[str, float]], limit: int) -> dict[int, float]:
        """Return the `limit` claims holding any of the terms with the heaviest sums of their
        terms' weights (ties by rowid), each with that sum."""

    @abstractmethod
    def _holding_both(self, a: str, b: str) -> set[int]:
        """Return the rowids of the claims holding both terms (a term may be a phrase)."""

    @abstractmethod
    def _holding(self, term: str, limit: int) -> list[int]:
        """Return the first `limit` rowids (in rowid order) of claims holding a term."""

    @abstractmethod
    def _indexed_columns(self, rowids: list[int]) -> list[tuple[int, str, str]]:
        """Return (rowid, stems, extra) of the claims at these rowids."""

    @abstractmethod
    def _claim_records(self, rowids: list[int]) -> dict[int, dict[str, Any]]:
        """Return the stored records (column -> value) of the claims at these rowids."""
