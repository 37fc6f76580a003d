"""Candidate retrieval: which claims a statement may be about, ranked by BM25.

The ranking is written once, over a few reads of the index (the hooks at the end), which
each backend answers from its own index: FTS5 in SQLite, a GIN-indexed tsvector in
PostgreSQL. Both hold the same terms and counts, so both rank alike.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from typing import Any

from verifier.models import Candidate, Claim
from verifier.store.bm25 import Ranked, after, idf, term_score
from verifier.store.interface import POSTINGS_BUDGET
from verifier.store.lookups import IndexLookups
from verifier.store.rows import claim_from_row, quantities_from_row

# Pairs of rare terms that found at least this many claims need no filling in.
ENOUGH_PAIRS = 10
# An anchor word held by more claims than this many budgets costs more than it narrows.
ANCHOR_LIMIT = 25
# How many of the claims found are scored again on every term of the statement.
RESCORED = 20
# How FTS5's unicode61 tokenizer cuts text into tokens.
_TOKEN = re.compile(r"[^\W_]+")


class CandidateIndex(IndexLookups):
    """The candidate queries of ClaimStore, over the index reads a backend provides."""

    def candidates(
        self, stems: Iterable[str], limit: int, budget: int = POSTINGS_BUDGET
    ) -> list[Candidate]:
        """Return up to `limit` claims sharing the most (rarest) stems, BM25 order."""
        return self.candidates_at(self.ranked_rowids(stems, limit, budget))

    def candidates_at(self, ranked: list[tuple[int, float]]) -> list[Candidate]:
        """Load the claims at the given (rowid, BM25 score) pairs as candidates, in that order."""
        if not ranked:
            return []
        by_rowid = self._claim_records([r[0] for r in ranked])
        return [
            self._candidate(by_rowid[rowid], -score) for rowid, score in ranked if rowid in by_rowid
        ]

    def ranked_rowids(
        self, stems: Iterable[str], limit: int, budget: int = POSTINGS_BUDGET, max_terms: int = 24
    ) -> list[tuple[int, float]]:
        """Return (rowid, BM25 score) of the `limit` claims sharing the most (rarest) stems.

        A query's cost is the postings it reads, so it keeps to a budget whatever the size of
        the base. It takes the rarest terms while their claim counts add up to at most
        `budget`, and ranks their claims by BM25 (`_summed`). When that leaves fewer than
        four terms (a large base), one or two terms cannot tell their many claims apart: it
        looks instead for claims holding an anchor (the rarest word, and any other word within
        the budget) together with one of the five rarest terms (`_paired`). Figures are never
        anchors: a changed number must still find its claim. The budget's terms fill in when
        few claims come back; a statement with no term inside the budget gets claims holding
        its rarest term, unranked, rather than a query that would score them all. The first
        RESCORED claims of the budget's query are scored again on every term of the
        statement (`_rescored`); pairs need not be, as they hold the common terms already.
        """
        self._refresh_caches()
        counted = self._selective_terms(list(dict.fromkeys(stems)), max_terms)
        chosen: list[str] = []
        postings = 0
        for count, term in counted:
            if postings + count > budget:
                break
            chosen.append(term)
            postings += count
        named = [(count, t) for count, t in counted if not _is_number_term(t)]
        counts = {t: count for count, t in counted}
        if chosen and (len(chosen) >= 4 or len(chosen) == len(counted) or not named):
            found = self._summed(chosen, counts, max(limit, RESCORED))
            return self._rescored(found, counted)[:limit]
        ranked = self._paired(counted, named, limit, budget) if named else []
        if counted and len(ranked) < min(limit, ENOUGH_PAIRS):
            seen = {rowid for rowid, _ in ranked}
            if chosen:
                more = self._summed(chosen, counts, limit)
            else:
                more = self._unranked(counted[0][1], limit + len(seen))
            ranked += after(ranked, [r for r in more if r[0] not in seen])[: limit - len(ranked)]
        return ranked

    def _paired(
        self,
        counted: list[tuple[int, str]],
        named: list[tuple[int, str]],
        limit: int,
        budget: int,
    ) -> list[tuple[int, float]]:
        """Rank the claims holding an anchor word together with one of the rarest terms.

        Each pair is one unscored query (FTS5 merges the two lists); the claims found are
        ranked here by BM25 over the terms they were found with. Letting FTS5 rank the OR of
        all pairs costs more: its bm25() first counts the claims of every pair's terms,
        common ones included, for every query. Unlike the budget's query, a term counts
        once whichever column holds it (the pairs do not say which; reading the claims to
        find out costs ~1 ms at a million): a claim naming its speaker as one of the terms
        gains what a claim saying the word does.
        """
        anchors = [t for count, t in named[:4] if count <= budget or t == named[0][1]]
        if named[0][0] > ANCHOR_LIMIT * budget:
            anchors = anchors[1:]
        pairs = {tuple(sorted((a, b))) for a in anchors for _, b in counted[:5] if a != b}
        terms = sorted({t for pair in pairs for t in pair})
        bits = {t: 1 << i for i, t in enumerate(terms)}
        found: dict[int, int] = {}  # rowid -> the terms it was found with, as bits
        for a, b in sorted(pairs):
            both = bits[a] | bits[b]
            rows = self._holding_both(a, b)
            again = rows & found.keys()  # set operations: a pair can find thousands
            found.update(dict.fromkeys(rows - again, both))
            for rowid in again:
                found[rowid] |= both
        by_terms: dict[int, list[int]] = {}
        for rowid, held in found.items():
            by_terms.setdefault(held, []).append(rowid)
        groups = [
            ([t for t in terms if held & bits[t]], rowids) for held, rowids in by_terms.items()
        ]
        return self._bm25(groups, {t: count for count, t in counted}, limit)

    def _rescored(
        self, ranked: list[tuple[int, float]], counted: list[tuple[int, str]]
    ) -> list[tuple[int, float]]:
        """Score the first RESCORED claims again with BM25 on every term of the statement.

        The budget leaves the common terms out of the query, yet they still tell its claims
        apart ("tax", "cut", "state"); reading them for a few claims costs little (their
        counts are cached, the claims' columns short). FTS5's formula, both columns weighing
        1.0 (measured on the CheckThat! train and dev splits), over whole stems, so a stem
        FTS5 splits ("u.s") counts as one token; the scores compare with the index's.
        """
        ranked, rest = ranked[:RESCORED], ranked[RESCORED:]
        claims, total_length = self._index_totals()
        if len(ranked) < 2 or not claims or not total_length:
            return ranked + rest
        average = total_length / claims
        words: dict[str, float] = {}
        phrases: list[tuple[float, str]] = []  # a name of several words ("islamic state")
        for count, term in counted:
            if not term.isalnum():  # the tokenizer splits it: count its rarest part
                parts = _TOKEN.findall(term.lower())
                count = min([count, *self._document_frequencies(tuple(parts)).values()])
            if " " in term:
                phrases.append((idf(claims, count), f" {term} "))
            else:
                words[term] = idf(claims, count)
        rows = self._indexed_columns([rowid for rowid, _ in ranked])
        scores: dict[int, float] = {}
        for rowid, stems, extra in rows:
            columns = (stems or "", extra or "")
            tokens = [column.split() for column in columns]
            length = sum(map(len, tokens))
            held: dict[str, float] = {}
            for token in itertools.chain.from_iterable(tokens):
                if token in words:
                    held[token] = held.get(token, 0.0) + 1.0
            score = sum(term_score(words[t], f, length, average) for t, f in held.items())
            for weight, phrase in phrases:
                if freq := sum(f" {column} ".count(phrase) for column in columns):
                    score += term_score(weight, freq, length, average)
            scores[rowid] = -score
        order = sorted(ranked, key=lambda r: scores.get(r[0], r[1]))
        rescored = [(rowid, scores.get(rowid, score)) for rowid, score in order]
        return rescored + after(rescored, rest)

    def _bm25(
        self, groups: list[tuple[list[str], list[int]]], counts: dict[str, int], limit: int
    ) -> list[tuple[int, float]]:
        """Rank claims by FTS5's BM25 formula (k1 1.2, b 0.75) over the terms they hold,
        each held once with weight 1 (FTS5's bm25() exactly, for terms in the claim text).

        `groups` pairs the terms held with the claims holding just those. Only the
        `2 * limit` claims holding the weightiest terms are ranked (their lengths decide
        among them), so the cost stays small when a pair finds thousands of claims.
        """
        totals = self._index_totals()
        weights = {t: idf(totals[0], count) for t, count in counts.items()}
        weighted = [(sum(weights[t] for t in held), rowids) for held, rowids in groups]
        weight: dict[int, float] = {}
        for held_weight, rowids in sorted(weighted, key=lambda g: -g[0]):
            if len(weight) >= 2 * limit:
                break
            for rowid in sorted(rowids)[: 2 * limit - len(weight)]:
                weight[rowid] = held_weight
        return self._by_length(weight, limit, totals)

    def _summed(self, terms: list[str], counts: dict[str, int], limit: int) -> Ranked:
        """Rank the claims holding any of `terms` by BM25, each term held once (as `_bm25`).

        SQLite adds up each claim's term weights over one unscored query per term, and only
        the `2 * limit` claims with the heaviest sums have their lengths read. FTS5's own
        bm25() over the same OR cost twice as much (2.1 against 1.0 ms at 100k claims): it
        reads the length and the positions of every claim found. A term counts once whichever
        column holds it, as in the re-scoring that follows (`_rescored`).
        """
        totals = self._index_totals()
        weights = [(term, idf(totals[0], counts[term])) for term in terms]
        return self._by_length(self._heaviest(weights, 2 * limit), limit, totals)

    def _by_length(self, weight: dict[int, float], limit: int, totals: tuple[int, int]) -> Ranked:
        """Finish BM25 for claims whose held terms' weights are summed: lengths decide.

        `totals` is the index's claim count and term count, as the weights were taken with.
        """
        claims, total_length = totals
        lengths = self._lengths(list(weight))
        average = total_length / claims if claims else 1.0
        score = {
            rowid: term_score(held_weight, 1.0, lengths.get(rowid, average), average)
            for rowid, held_weight in weight.items()
        }
        best = sorted(score, key=lambda rowid: (-score[rowid], rowid))[:limit]
        return [(rowid, -score[rowid]) for rowid in best]

    def _unranked(self, term: str, limit: int) -> list[tuple[int, float]]:
        """Return up to `limit` claims holding a term, unscored: all share just that word."""
        return [(rowid, 0.0) for rowid in self._holding(term, limit)]

    def _candidate(self, record: dict[str, Any], relevance: float) -> Candidate:
        return Candidate(
            claim_id=record["id"],
            stems=tuple(record["stems"].split()),
            quantities=quantities_from_row(record),
            load=functools.partial(self._decode, record),
            relevance=relevance,
            topic=frozenset(record["topic"].split()),
            text=record["text"] or "",
        )

    def _decode(self, record: dict[str, Any]) -> tuple[Claim, frozenset[str]]:
        claim = claim_from_row(record)
        context = frozenset(record["context"].split()) | self._article_words(
            claim.article_id
        ).around(claim)
        return claim, context


def _is_number_term(term: str) -> bool:
    """Tell a figure's index term ("n4000", from number_terms) from a word's stem."""
    return term[:1] == "n" and term[1:].isdigit()
