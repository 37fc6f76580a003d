"""Comparing quantities: same thing counted, and values that can both be true."""

from __future__ import annotations

import pytest

from tests.conftest import verdict_in
from verifier.engine.figures import compare_quantities
from verifier.language.comparison import agree, compatible, count_relation, within_bound
from verifier.language.numbers import extract_quantities
from verifier.models import Quantity


def first(text: str) -> Quantity:
    return extract_quantities(text)[0]


@pytest.mark.parametrize(
    ("said", "source", "agrees"),
    [
        ("about 5,000 troops", "roughly 4,000 troops", False),
        ("about 4,200 troops", "roughly 4,000 troops", True),
        ("more than 3,000 troops", "roughly 4,000 troops", True),
        ("more than 5,000 troops", "roughly 4,000 troops", False),
        ("fewer than half of them", "60 percent", False),
        ("more than half of them", "60 percent", True),
        ("30 percent", "60 percent", False),
        ("60%", "sixty percent", True),
        ("in 2005", "in 2003", False),
        ("in the fifties", "in 1947", False),
        ("in the 1940s", "in 1947", True),
        ("2,000 troops", "4,000 troops", False),
        ("about 150,000 troops", "about 170,000 troops", False),
        ("about 160,000 troops", "about 170,000 troops", True),
        ("nearly 160,000 troops", "about 170,000 troops", True),
        ("for 30 years", "for three decades", True),  # a decade counts ten years
        ("for 40 years", "for three decades", False),
        # "up to" states the cap itself; "fewer than" only a bound
        ("tax breaks worth up to $5,000", "tax breaks worth up to $3,000", False),
        ("tax breaks worth up to $3,000", "tax breaks of up to $3,000", True),
        ("fewer than 200 deaths", "fewer than 150 deaths", True),
        ("fewer than 100 deaths", "fewer than 150 deaths", False),
    ],
)
def test_agreement(said: str, source: str, agrees: bool) -> None:
    a, b = first(said), first(source)
    assert compatible(a, b)
    assert agree(a, b, tolerance=0.1) is agrees


def test_different_units_are_not_compared() -> None:
    assert not compatible(first("4,000 troops"), first("4,000 dollars"))
    assert not compatible(first("60 percent"), first("in 2003"))


def test_a_day_is_compared_only_with_a_day_of_its_month() -> None:
    born, elsewhere, same = (
        next(q for q in extract_quantities(text) if q.kind == "day")
        for text in ("born February 10, 1894", "from 10 January 1957", "(20 February 1894")
    )
    assert (born.unit, elsewhere.unit, same.unit) == ("february", "january", "february")
    assert not compatible(born, elsewhere)  # the 10th of January says nothing of February's
    assert compatible(born, same) and not agree(born, same, tolerance=0.1)
    assert compatible(born, Quantity(10, "day"))  # a day stored before days had months


@pytest.mark.parametrize(
    ("said", "source", "relation"),
    [
        # the words before a count's head qualify it ("total" adds nothing)
        ("Austria has five gold medals.", "Austria earned six total gold medals.", "same"),
        ("Iowa averages 15 mumps cases a year.", "the state average of five cases a year", "part"),
        ("Austria won 12 medals.", "Austria won 5 gold medals.", "whole"),
        ("Twelve hot flow anomaly events were seen.", "Seven events were observed.", "part"),
        # other words before the same head name another thing
        ("France won five gold medals.", "France won two silver medals.", None),
        # a part of them is not their number
        ("1,000 of the departing troops left.", "4,000 troops will leave.", None),
        # a plural heads what is counted: the verb and object after it name nothing of it
        ("Four countries sent troops to Mali.", "France sent 4,000 troops to Mali.", None),
        ("Three teams won medals.", "Norway won 10 medals.", None),
        # a participle after the count is no part of its name
        ("300 people killed", "300 buildings destroyed", None),
        # people of a kind are no part of people: one sentence may count two groups
        ("Police said 15 people were arrested.", "About 5,000 protesters marched.", None),
        ("Eight people were on the boat.", "six individuals on the boat", "same"),
    ],
    ids=lambda v: str(v)[:28],
)
def test_how_counts_named_with_words_before_one_head_relate(
    said: str, source: str, relation: str | None
) -> None:
    mine, theirs = extract_quantities(said)[0], extract_quantities(source)[0]
    assert count_relation(mine, theirs) == relation


@pytest.mark.parametrize(
    ("said", "source", "covered", "conflict"),
    [
        ("Austria has five gold medals.", "Austria earned six total gold medals.", False, True),
        # a part larger than its whole is contradicted; the same number vouches for it
        ("Iowa sees 15 mumps cases a year.", "Iowa averages five cases a year.", False, True),
        ("Iowa sees five mumps cases a year.", "Iowa averages five cases a year.", True, False),
        # a part smaller than its whole, a whole larger than its part: nothing to say
        ("Austria won 5 gold medals.", "Austria won 12 medals.", False, False),
        ("Austria won 12 medals.", "Austria won 5 gold medals.", False, False),
        ("Austria won 3 medals.", "Austria won 5 gold medals.", False, True),
    ],
    ids=lambda v: str(v)[:28],
)
def test_a_count_of_a_part_is_held_against_its_whole_only_where_it_cannot_be(
    said: str, source: str, covered: bool, conflict: bool
) -> None:
    found, conflicts = compare_quantities(extract_quantities(said), extract_quantities(source), 0.0)
    assert (bool(found), bool(conflicts)) == (covered, conflict)


@pytest.mark.parametrize(
    ("said", "source", "within"),
    [
        # a figure a bound allows without stating it: another claim must give it
        ("killed 61 people", "killing at least 48 people", True),
        ("about 300,000 people", "at least 300,000 people", True),  # LABELING.md: no support
        ("a jail term of two years", "a jail term of up to three years", True),
        ("close to 50,000 barrels", "up to one million barrels", True),
        # the bound's own figure, stated outright, is what it states
        ("killed 48 people", "killing at least 48 people", False),
        ("a jail term of three years", "a jail term of up to three years", False),
        # two bounds, or a figure outside the bound, are judged by agree()
        ("more than 250,000 people", "at least 300,000 people", False),
        ("60 percent", "more than 60 percent", True),
    ],
)
def test_a_figure_a_bound_allows_without_stating_it(said: str, source: str, within: bool) -> None:
    assert within_bound(first(said), first(source)) is within


@pytest.mark.parametrize(
    ("article", "statement", "verdict"),
    [
        # the bound, then the figure: the figure's sentence supports it (found by review)
        (
            "At least 30 people were killed when the bridge collapsed. Officials later said"
            " 35 people were killed in the collapse.",
            "35 people were killed when the bridge collapsed.",
            "supported",
        ),
        # the bound alone says nothing of 61, nor does another figure of the claim
        (
            "The floods killed at least 48 people in Bihar.",
            "The floods killed 61 people in Bihar.",
            "unverified",
        ),
        (
            "The floods killed at least 48 people and left 200 people injured in Bihar.",
            "The floods killed 61 people in Bihar.",
            "unverified",
        ),
        (
            "The floods killed at least 48 people in Bihar.",
            "The floods killed 48 people in Bihar.",
            "supported",
        ),
        (
            "The floods killed at least 48 people in Bihar.",
            "The floods killed 20 people in Bihar.",
            "contradicted",
        ),
    ],
    ids=lambda v: str(v)[:28],
)
def test_a_figure_within_a_bound_needs_a_claim_that_states_it(
    article: str, statement: str, verdict: str
) -> None:
    assert (
        verdict_in(f"Floods and collapses\n\nMonday, March 3, 2008\n\n{article}", statement)
        == verdict
    )
