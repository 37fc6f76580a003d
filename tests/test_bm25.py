"""BM25 outside FTS5: the formula, scores of a later query, and FTS5's count records."""

from __future__ import annotations

import pytest

from verifier.store.bm25 import after, idf, term_score, varints


def test_varints_decode_as_sqlite_writes_them() -> None:
    assert varints(bytes([0x19, 0x03])) == [25, 3]
    assert varints(bytes([0x82, 0x2C, 0x01])) == [300, 1]
    assert varints(bytes([0xFF] * 8 + [0x01])) == [(2**56 - 1) << 8 | 1]


def test_idf_is_never_zero_or_below() -> None:
    assert idf(1000, 10) > idf(1000, 100) > 0
    assert idf(10, 9) == 1e-6  # held by nearly every claim: FTS5's floor
    assert idf(10, 12) == 1e-6  # a count read elsewhere than the total may exceed it


def test_a_longer_claim_scores_a_term_lower_and_repeats_saturate() -> None:
    assert term_score(2.0, 1.0, 10, 10) == pytest.approx(2.0)  # average length, once
    assert term_score(2.0, 1.0, 20, 10) < term_score(2.0, 1.0, 10, 10)
    assert term_score(2.0, 2.0, 10, 10) < 2 * term_score(2.0, 1.0, 10, 10)


def test_claims_of_a_later_query_rank_after_the_first_ones_in_their_own_order() -> None:
    head = [(1, -9.0), (2, -5.0)]
    tail = [(3, -8.0), (4, -6.0)]  # better scores, from another query
    shifted = after(head, tail)
    assert [r for r, _ in shifted] == [3, 4]
    assert shifted[0][1] >= head[-1][1] and shifted[0][1] < shifted[1][1]
    assert after(head, [(5, -1.0)]) == [(5, -1.0)]  # already after: unchanged
    assert after([], tail) == tail
