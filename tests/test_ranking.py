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


def test_a_measure_the_claim_gives_lifts_its_topic_score() -> None:
    # a figure in a unit of measure tells the passage a headline-style statement sums up
    from verifier.engine.matching import topic_score
    from verifier.language.numbers import extract_quantities
    from verifier.language.text import content_stems

    statement = prepare_statement("Swiss 'one-litre car' gets about 235 mpg")
    source = (
        "Professors in Zurich presented a car able to travel 100 kilometres on 1 litre,"
        " equalling to about {} miles per gallon."
    )

    def score(figure: int) -> float:
        text = source.format(figure)
        stems = tuple(content_stems(text))
        fact = Candidate("c", stems, extract_quantities(text), lambda: None, text=text)  # type: ignore[arg-type,return-value]
        return topic_score(statement, fact)

    assert score(235) >= score(300) + 0.2
