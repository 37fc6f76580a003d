"""Ranking: candidates ordered by wording, and fused rankings."""

from __future__ import annotations

from verifier.engine.matching import prepare_statement
from verifier.engine.ranking import by_wording, fuse, fused_with_wording
from verifier.models import Candidate


def candidate(claim_id: str, text: str, relevance: float) -> Candidate:
    def never() -> tuple[object, frozenset[str]]:
        raise AssertionError("ordering by wording must not decode the claim")

    return Candidate(claim_id, (), (), never, relevance, text=text)  # type: ignore[arg-type]


def test_a_claim_repeating_the_statements_words_moves_up() -> None:
    statement = prepare_statement("We have the highest taxes of any country in the world.")
    found = [
        candidate("loose", "Taxes rose in the world's richest country, a study found.", 12.0),
        candidate("quoted", "Says the US has the highest taxes of any country in the world.", 11.0),
        candidate("other", "A new bridge opened in the capital.", 2.0),
    ]
    assert [c.claim_id for c in by_wording(statement, found)] == ["quoted", "loose", "other"]


def test_wording_does_not_outweigh_a_far_better_index_score() -> None:
    statement = prepare_statement("The mayor opened the new bridge.")
    found = [
        candidate("relevant", "The mayor opened a bridge over the river on Monday.", 30.0),
        candidate("echo", "The new bridge.", 5.0),
    ]
    assert [c.claim_id for c in by_wording(statement, found)] == ["relevant", "echo"]


def test_in_the_fused_order_a_claim_quoting_the_statement_moves_up_a_place() -> None:
    statement = prepare_statement("We have the highest taxes of any country in the world.")
    fused = [  # relevance plays no part here: the fused position does
        candidate("loose", "Taxes rose in the world's richest country, a study found.", 0.0),
        candidate("quoted", "Says the US has the highest taxes of any country in the world.", 0.0),
        candidate("other", "A new bridge opened in the capital.", 0.0),
    ]
    order = [c.claim_id for c in fused_with_wording(statement, fused)]
    assert order == ["quoted", "loose", "other"]


def test_in_the_fused_order_wording_does_not_lift_a_claim_from_far_down() -> None:
    statement = prepare_statement("The mayor opened the new bridge.")
    fused = [candidate("first", "The mayor opened a bridge over the river on Monday.", 0.0)]
    fused += [candidate(f"filler-{i}", f"Unrelated report number {i}.", 0.0) for i in range(8)]
    fused.append(candidate("echo", "The mayor opened the new bridge.", 0.0))
    order = [c.claim_id for c in fused_with_wording(statement, fused)]
    assert order[0] == "first" and order.index("echo") < 9  # up, but not past the first


def test_fusion_rewards_items_both_rankings_place_high() -> None:
    assert fuse([["a", "b", "c"], ["b", "c", "a"]])[0] == "b"
    assert set(fuse([["a"], ["z"]])) == {"a", "z"}
