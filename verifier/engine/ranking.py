"""Orders of candidate claims: by index relevance and wording, and fused rankings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from typing import TypeVar

from rapidfuzz import fuzz

from verifier.engine.extract import MAX_CLAIM_CHARS
from verifier.engine.matching import Match, StatementFeatures
from verifier.models import Candidate

T = TypeVar("T", bound=Hashable)
# Reciprocal rank fusion's k: tuned on the CheckThat! train and dev splits (see fuse).
RRF_K = 5


def reciprocal_rank(position: int) -> float:
    """An item's share of reciprocal rank fusion at a 0-based position (k = RRF_K)."""
    return 1 / (RRF_K + position)


def fuse(orders: list[list[T]]) -> list[T]:
    """Merge several rankings of the same items by reciprocal rank fusion (k = RRF_K).

    Measured on the CheckThat! train and dev splits, the index's BM25 order and the
    sentence embeddings' order each rank worse alone than fused, equally weighted (k 5
    over 10-40: +0.001-0.003 MAP@5 on all three sets); the word-coverage topic score (made
    for verdicts) ranks long noisy queries worse still, so it stays out.
    """
    fused: dict[T, float] = {}
    for order in orders:
        for position, item in enumerate(order):
            fused[item] = fused.get(item, 0.0) + reciprocal_rank(position)
    return sorted(fused, key=lambda item: -fused[item])


# BM25 points a claim gains per unit of wording shared with the statement (rapidfuzz's
# partial_ratio / 100). Tuned on the CheckThat! train and dev splits: a claim often repeats
# the very words a speaker used (PolitiFact's "Says ..." quotes), which bag-of-words misses.
WORDING_WEIGHT = 10.0


# The same for the fused order of index and embeddings: a claim's reciprocal rank there
# (reciprocal_rank(position), 0.2 at the top) gains this much per unit of wording. Tuned on the
# train and dev splits: PolitiFact dev MAP@5 0.421 -> 0.431 (train 0.531 -> 0.537), the
# tweet sets within 0.001 either way (they lose from 0.3 on).
FUSED_WORDING_WEIGHT = 0.2


def by_wording(statement: StatementFeatures, candidates: list[Candidate]) -> list[Candidate]:
    """Order candidates by index relevance plus how closely the statement repeats the
    wording of the claim's best-matching stretch: the lexical order, when no embeddings fuse.
    """
    said = statement.text.lower()
    score = {id(c): _lexical(said, c) for c in candidates}
    return sorted(candidates, key=lambda c: -score[id(c)])


def fused_with_wording(
    statement: StatementFeatures, candidates: list[Candidate]
) -> list[Candidate]:
    """Order candidates, given in the fused order of index and embeddings, by their
    reciprocal rank there plus how closely the statement repeats their wording."""
    said = statement.text.lower()
    score = {
        id(c): reciprocal_rank(position) + FUSED_WORDING_WEIGHT * _wording(said, c)
        for position, c in enumerate(candidates)
    }
    return sorted(candidates, key=lambda c: -score[id(c)])


def _lexical(said: str, candidate: Candidate) -> float:
    """by_wording's score: index relevance plus the weighed wording."""
    return candidate.relevance + WORDING_WEIGHT * _wording(said, candidate)


# partial_ratio's cost grows with the product of the lengths (2,000 against 5,000 characters:
# 0.36 s a candidate): the statement's wording is looked for in its first WORDING_CHARS, and
# in as many of the claim's as a claim may hold.
WORDING_CHARS = 500


def _wording(said: str, candidate: Candidate) -> float:
    """How closely a (lower-cased) statement repeats the claim's best-matching stretch, 0-1."""
    claim = candidate.text[:MAX_CLAIM_CHARS].lower()
    return fuzz.partial_ratio(said[:WORDING_CHARS], claim) / 100


def ties_by_wording(statement: StatementFeatures, matches: list[Match]) -> list[Match]:
    """Order matches by topic score, equal scores in by_wording's order.

    What a verdict sees of search()'s order (it weighs matches by score, so the wording
    order only tells equal scores apart), comparing wording only among equal scores (about
    half the bench's statements have some: a score is capped at 1.0, "not" has no stem).
    """
    said = statement.text.lower()
    counts = Counter(m.score for m in matches)
    keys = [
        (-m.score, -_lexical(said, m.candidate) if counts[m.score] > 1 else 0.0) for m in matches
    ]
    return [matches[i] for i in sorted(range(len(matches)), key=keys.__getitem__)]
