"""Scores and winning margins: a score is one figure, a margin is its difference, and neither
is held against a count of anything else (spectators, days)."""

from __future__ import annotations

import pytest

from verifier.engine.service import Engine, ingest_article, open_store, verify
from verifier.language.numbers import extract_quantities


@pytest.mark.parametrize(
    ("text", "tallies"),
    [
        # the result told earlier in the clause, the side it names between
        ("Australia beat the German team 48-46 in the final.", ["48\u201346"]),
        ("The Australians lost to Germany, 44\u201358, in London.", ["44\u201358"]),
        (
            "Australia lost to Canada 50\u201357, but bounced back to beat Mexico, 58\u201349.",
            ["50\u201357", "58\u201349"],
        ),
        # a level score
        ("The teams were level at 19-19 at half-time.", ["19\u201319"]),
        ("The second quarter ended tied 19-19.", ["19\u201319"]),
        ("Parking is on level 3-4 of the car park.", []),
        # a score written with "to", higher first, after the word that makes it one
        ("They went into half-time one point ahead, 30 to 29.", ["30\u201329"]),
        ("The council voted 7 to 2 in favour.", ["7\u20132"]),
        ("Australia took a one point lead of 30\u201329 into the half.", ["30\u201329"]),
        ("Turnout rose from 10 to 15 percent.", []),
        ("The party won 15 to 10 seats.", []),
        ("They led 2 to 7 at one stage.", []),  # counting up: a range
        # a pair followed by what it counts is a range, whatever came before
        ("After the win, 10-15 people gathered outside.", []),
        ("The victory came in the 1914-18 war.", []),
    ],
)
def test_a_score_after_the_result_it_tells(text: str, tallies: list[str]) -> None:
    assert [q.raw for q in extract_quantities(text) if q.kind == "tally"] == tallies


@pytest.mark.parametrize(
    ("text", "margin", "bound"),
    [
        ("The campaign began with a two-point win over Brazil.", 2, None),
        ("Spain secured a 3-goal victory in Madrid.", 3, None),
        ("Australia's women edged Germany by two points in Sydney.", 2, None),
        ("Earlier, Australia had beaten Britain by more than 25 points.", 25, "more"),
        ("The incumbent won the seat by 300 votes.", 300, None),
        ("The incumbent won the seat by 1,300 votes.", 1300, None),
        ("They won by fewer than five points.", 5, "less"),
        ("The Senate passed the bill by 39 votes.", 39, None),  # a vote's margin
        ("They lost by a single point.", 1, None),
    ],
)
def test_a_winning_margin_is_read_and_counts_nothing_else(
    text: str, margin: int, bound: str | None
) -> None:
    found = extract_quantities(text)
    assert [(q.value, q.qualifier) for q in found if q.kind == "margin"] == [(margin, bound)]
    assert [q for q in found if q.kind == "count"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The index rose by 5 points on Monday.",  # a change, not a win
        "Brazil led by 10 points at half-time.",  # a lead at some moment, not the result
        "The bill passed by a show of hands.",
        # found by review: a player's points, a tally written out, an index, a clause apart
        "The Warriors beat the Lakers 120-100 on Friday, powered by 35 points from Curry.",
        "The government's motion was defeated by 306 votes to 242.",
        "The Senate defeated the amendment by a vote of 51 to 49.",
        "Labour lost the seat as its share of the vote fell by 12 points.",
    ],
)
def test_what_is_no_winning_margin(text: str) -> None:
    assert [q for q in extract_quantities(text) if q.kind == "margin"] == []


def test_only_a_scores_own_numbers_count_points() -> None:
    found = extract_quantities("Arsenal beat Chelsea 3-1 on Saturday, and 3 players were booked.")
    assert [(q.value, q.unit) for q in found if q.kind == "count"] == [
        (3, "score"),
        (1, "score"),
        (3, "players"),
    ]


def _engine_with(article: str) -> Engine:
    """An engine holding one article and nothing else (no seed)."""
    engine = Engine(open_store(":memory:", seed=False))
    ingest_article(article, engine)
    return engine


_ARTICLE = (
    "Gliders win silver\n\nThe Gliders' campaign began last week with a narrow 52-50 defeat of"
    " Brazil.\n\nIn the final, Australia beat Germany 48\u201346 at the North Greenwich Arena."
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("The Gliders' campaign began with a two-point win over Brazil.", "supported"),
        ("The Gliders' campaign began with a five-point win over Brazil.", "contradicted"),
        ("In the final, Australia edged Germany by two points.", "supported"),
        ("In the final, Australia beat Germany by more than ten points.", "contradicted"),
        # a score's numbers are points, never spectators or days
        ("Some 2,000 spectators watched the final at the North Greenwich Arena.", "unverified"),
    ],
)
def test_margins_and_scores_against_an_article(statement: str, verdict: str) -> None:
    result = verify(statement, _engine_with(_ARTICLE))
    assert result.verdict == verdict, result.explanation


def test_a_wrong_margin_is_explained_against_the_score() -> None:
    engine = _engine_with(_ARTICLE)
    result = verify("The Gliders' campaign began with a five-point win over Brazil.", engine)
    assert "52\u201350" in result.explanation and "five-point win" in result.explanation


def test_a_score_tells_which_game_a_statement_is_about() -> None:
    engine = Engine(open_store(":memory:", seed=False))
    ingest_article(
        "Gliders win London Paralympic silver\n\nThe Australian women's national wheelchair"
        " basketball team, the Gliders, won silver on Friday night.\n\nAustralia beat Germany"
        " twice in Sydney before coming to London.\n\nThe Australians lost to Germany, 44\u201358"
        " in front of a capacity crowd of 12,985 at the North Greenwich Arena.",
        engine,
    )
    ingest_article(
        "Gliders beat Germany\n\nYesterday, the Australian Gliders beat the German women's"
        " national wheelchair basketball team 48\u201346 in the first place match.",
        engine,
    )
    result = verify("Germany beat the Gliders 58\u201344.", engine)
    assert result.verdict == "supported", result.explanation
    assert "44\u201358" in result.citations[0].quote


@pytest.mark.parametrize(
    ("source", "statement", "verdict"),
    [
        # a margin of a defeat, against the score
        (
            "Ireland lost to France 23-13 in Paris on Saturday.",
            "Ireland suffered a 10-point defeat to France in Paris on Saturday.",
            "supported",
        ),
        (
            "Ireland lost to France 23-13 in Paris on Saturday.",
            "Ireland suffered a 12-point defeat to France in Paris on Saturday.",
            "contradicted",
        ),
        (
            "France beat Ireland 23-20 in Paris on Saturday.",
            "Ireland lost by three points to France in Paris on Saturday.",
            "supported",
        ),
        # "a 500-point loss" of an index, with no score to hold it against: 500 points
        (
            "The Dow Jones suffered a 500-point loss on Monday as oil prices fell.",
            "The Dow Jones fell 500 points on Monday as oil prices fell.",
            "supported",
        ),
        (
            "The Dow Jones suffered a 500-point loss on Monday as oil prices fell.",
            "The Dow Jones fell 400 points on Monday as oil prices fell.",
            "contradicted",
        ),
        # an age range is no score, though a result and a name come before it
        (
            "Biden won Pennsylvania, carrying voters aged 18-24 in the state by 20 points,"
            " according to exit polls.",
            "Biden won voters aged 18 to 24 in Pennsylvania by 20 points, according to exit polls.",
            "supported",
        ),
        # a vote's margin against its tally (found by review)
        (
            "The Senate voted 69-30 on Tuesday to pass the bill.",
            "The Senate passed the bill by 39 votes on Tuesday.",
            "supported",
        ),
        # a player's points are no margin
        (
            "The Warriors beat the Lakers 120-100 on Friday, powered by 35 points from Stephen"
            " Curry.",
            "Stephen Curry scored 35 points as the Warriors beat the Lakers.",
            "supported",
        ),
    ],
    ids=lambda v: str(v)[:40],
)
def test_margins_found_by_review(source: str, statement: str, verdict: str) -> None:
    result = verify(statement, _engine_with(f"Headline\n\n{source}"))
    assert result.verdict == verdict, result.explanation


def test_a_margin_with_a_huge_number_is_no_error() -> None:
    text = "The team won by " + ",".join(["1"] + ["000"] * 2000) + " points."
    assert extract_quantities(text) is not None
