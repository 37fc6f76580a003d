"""Figures in units of measure: one unit written for another, and words that are no unit."""

import pytest

from verifier.engine.figures import compare_quantities
from verifier.language.comparison import agree, compatible
from verifier.language.numbers import extract_quantities
from verifier.language.units import convert


def _pair(said: str, source: str) -> tuple[bool, bool]:
    (statement,), (claim,) = extract_quantities(said), extract_quantities(source)
    fits = compatible(statement, claim)
    return fits, fits and agree(statement, claim, 0.1)


@pytest.mark.parametrize(
    ("said", "source", "same_thing", "both_true"),
    [
        # the symbol and the name of one unit
        ("at least 370 mm of rain fell", "At least 370 millimeters were reported", True, True),
        ("Turbat recorded 139 millimetres", "63 mm in Turbat", True, False),
        # the same distance in another unit, rounded as the writer saw fit
        ("able to travel 62 miles", "able to travel 100 kilometres", True, True),
        ("the wreck lies 3.5 km west of Na'ameh", "three-and-a-half km west", True, True),
        ("the wreck lies 35 miles west", "three-and-a-half km west", True, False),
        # a cap converted is the same cap
        ("gusts of up to 209 km/h", "gusts of up to 130 mph", True, True),
        ("gusts of up to 250 km/h", "gusts of up to 130 mph", True, False),
        # one unit spelled two ways: no rounding allowed (found by review)
        ("the border is 96 km away", "the border is 100 kilometres away", True, False),
        # a converted figure rounded by more than 2% is another figure (found by review)
        ("able to travel 60 miles", "able to travel 100 kilometres", True, False),
        ("temperatures reached 101F", "temperatures reached 40oC", True, False),
        ("talks lasted 115 minutes", "talks lasted two hours", True, False),
        # a ton of cargo is a tonne in news copy (pint's ton is the short ton)
        ("10 tons of cocaine", "10 tonnes of cocaine", True, True),
        # periods of time
        ("seven days of mourning", "Nigeria will observe a week of mourning", True, True),
        ("a month of mourning", "Nigeria will observe a week of mourning", True, False),
        ("questioned for 180 minutes", "held for questioning for three hours", True, True),
        # a span before or after something ("a month after", "a year ago")
        ("died a month after the fall", "after a fall two weeks ago", True, False),
        ("reopened a week later", "reopened seven days later", True, True),
        ("He left a month later", "He left four weeks later", True, True),  # loosely
        (
            "Smith resigned a day after the vote",
            "Smith resigned the day after the vote",
            True,
            True,
        ),
        # temperatures, converted with their offset
        ("temperatures reached 104F", "temperatures reached 40oC", True, True),
        # money is never a measure, and words that are no unit stay apart
        ("5 pounds", "5 kg", False, False),
        ("10 points", "10 inches", False, False),
    ],
)
def test_a_figure_is_read_in_the_claims_unit(
    said: str, source: str, same_thing: bool, both_true: bool
) -> None:
    assert _pair(said, source) == (same_thing, both_true)


def test_conversion_needs_two_units_of_one_dimension() -> None:
    assert convert(1, "week", "days") == pytest.approx(7)
    assert convert(1, "km", "hours") is None
    assert convert(1, "quire", "km") is None  # WordNet's unit, unknown to pint


@pytest.mark.parametrize(
    ("said", "source", "conflict"),
    [
        # two spans of time of one count are two figures, not one count of two things
        ("Nigeria will observe a month of mourning", "a week of mourning", "1 week"),
        # years are what a span counts, even after a name ("gave Turkmenistan 25 years")
        ("His rule gave Turkmenistan 25 years of peace", "led to 21 years of peace", "21 years"),
        ("can bring up to 3 years in jail", "can bring up to 3 months in jail", "up to 3 months"),
        ("The outbreak is the worst in 20 years", "the worst outbreak in 20 years", None),
        # a figure given again in brackets is bounded as the first is
        ("weighed more than 220 pounds", "weighing over 100 kilograms (220 pounds)", None),
        ("weighed more than 220 pounds", "weighing 100 kilograms (220 pounds)", "220 pounds"),
        ("winds of up to 130 mph", "winds of up to 209 km/h (130 mph)", None),
    ],
)
def test_spans_and_restated_figures(said: str, source: str, conflict: str | None) -> None:
    covered, conflicts = compare_quantities(
        extract_quantities(said), extract_quantities(source), 0.1
    )
    assert [reason.claim_value for reason in conflicts][:1] == ([conflict] if conflict else [])
    if conflict is None:
        assert covered


def test_a_bracketed_figure_takes_the_bound_of_the_one_it_restates() -> None:
    *_, kilos, pounds = extract_quantities("weighing over 100 kilograms (220 pounds)")
    assert (kilos.qualifier, pounds.qualifier, pounds.raw) == ("more", "more", "over 220")
    *_, money = extract_quantities("cost over 100 euros (85 pounds)")
    assert money.qualifier is None  # money is no weight: nothing restated


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a word no dictionary knows, one letter from a long unit of measure, is that unit
        ("139 milimeters in Pasni", "millimeters"),
        ("a 12 kilomters stretch", "kilometers"),
        ("some 40 centimetrs of snow", "centimeters"),  # either spelling: one unit
        # a word WordNet lists is itself, however close to a unit; a short word too (found
        # by review: "rebels" / "rubels", "bushes" / "bushels", "inches" / "inchs")
        ("three litters of puppies", "litters"),
        ("eight villages", "villages"),
        ("300 rebels", "rebels"),
        ("40 bushes", "bushes"),
        ("12 inches", "inches"),
        ("worth 300 dolars", "dolars"),
    ],
)
def test_a_misspelt_unit_is_read_as_its_unit(text: str, unit: str) -> None:
    assert extract_quantities(text)[0].unit == unit
