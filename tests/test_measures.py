"""Currencies and units as news copy writes them, read one way."""

from __future__ import annotations

import pytest

from tests.conftest import verdict_in
from verifier.language.measures import normalize_measures
from verifier.language.numbers import extract_quantities


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("offered a $A200,000 reward", 200_000, "dollar"),
        ("offered an A$200,000 reward", 200_000, "dollar"),
        ("raised US$5 million", 5_000_000, "dollar"),
        ("a C$3 million grant", 3_000_000, "dollar"),
        ("AUD 200,000 in damages", 200_000, "dollar"),
        ("the SGD1.75-billion Terminal 3", 1_750_000_000, "dollar"),
        ("the Netherlands offers €6,000 to owners", 6_000, "euros"),
        ("EUR 6,000 for each car", 6_000, "euros"),
        ("a fine of £3 million", 3_000_000, "pounds"),
        ("temperatures of 40oC are expected", 40, "celsius"),
        ("temperatures of 40°C are expected", 40, "celsius"),
        ("expected 40C temperatures", 40, "celsius"),
        ("40 degrees Celsius on Wednesday", 40, "celsius"),
        ("104oF in the shade", 104, "fahrenheit"),
        ("the car gets 235 mpg", 235, "mpg"),
        ("more than 10,000 hectares", 10_000, "hectares"),
        ("sentenced to a decade in prison", 10, "years"),
        # a figure written close up to its unit
        ("Dire Dawa, 500km east of the capital", 500, "km"),
        ("the suitcase weighed 40kg", 40, "kg"),
    ],
    ids=lambda v: str(v)[:28],
)
def test_currencies_and_units(text: str, value: float, unit: str | None) -> None:
    (first, *_) = extract_quantities(text)
    assert (first.value, first.unit) == (value, unit)


@pytest.mark.parametrize(
    "text",
    ["40 of them left", "40 CEOs met", "Section C of the act", "the F-16 fleet", "A$ is a sign"],
)
def test_words_that_only_look_like_units_stay(text: str) -> None:
    assert normalize_measures(text) == text


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("More than 100 firefighters were called about 12:00 P.M. ET", [100]),
        ("the quake hit at 4:53 p.m. local time", []),
        ("for the first time in a dozen years", [12]),
    ],
)
def test_times_are_no_figures_and_a_dozen_is_twelve(text: str, values: list[float]) -> None:
    assert [q.value for q in extract_quantities(text) if q.kind == "count"] == values


def test_the_same_count_of_things_named_otherwise_is_one_figure() -> None:
    from verifier.language.comparison import same_count

    (workers,) = extract_quantities("1,500 workers fled")
    (employees,) = extract_quantities("1,500 employees fled")
    (dollars,) = extract_quantities("$1,500 was paid")
    assert same_count(workers, employees)
    assert not same_count(workers, dollars)


@pytest.mark.parametrize(
    ("text", "tallies"),
    [
        ("The council voted 7-2 to approve the plan.", ["7\u20132"]),
        ("The third quarter ended 35\u201323.", ["35\u201323"]),
        ("Spain won a 3-1 victory over Italy.", ["3\u20131"]),
        ("Between 10-15 people were hurt.", []),  # a range, not a tally
        ("Prices rose in 2003-2014.", []),
    ],
)
def test_tallies(text: str, tallies: list[str]) -> None:
    assert [q.raw for q in extract_quantities(text) if q.kind == "tally"] == tallies


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Under Article 263, running a school without a permit is a crime.", []),
        ("The new Terminal 3 will open in January.", []),
        ("On Monday 5 people died.", [5]),
    ],
)
def test_a_number_in_a_name_counts_nothing(text: str, counts: list[float]) -> None:
    assert [q.value for q in extract_quantities(text) if q.kind == "count"] == counts


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("gets about 235 mpg", [(235, "mpg")]),
        ("equalling to about 235 miles per gallon", [(235, "mpg")]),
        ("winds of up to 209 km/h", [(209, "kph")]),
        ("at 100 kilometres per hour", [(100, "kph")]),
        ("as high as 130 miles (209 km) per hour", [(130, "mph"), (209, "kph")]),
        ("50 miles an hour", [(50, "mph")]),
        ("10 miles per day", [(10, "miles")]),  # no rate we name
    ],
)
def test_rates_are_read_one_way(text: str, figures: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for q in extract_quantities(text)] == figures


@pytest.mark.parametrize(
    ("text", "labels", "counts"),
    [
        # the number of a name is a label, held only against the same name's
        ("It strengthened into a Category 4 hurricane.", ["Category 4"], []),
        ("The Boeing 737 vanished from radar screens.", ["Boeing 737"], []),
        ("A section of the Highway 15 overpass collapsed.", ["Highway 15"], []),
        # a count is of a plural, after an adjective too (found by review)
        ("A spokesman told Reuters 12 Iraqi soldiers died.", [], [12]),
        ("In Mosul 15 Iraqi policemen were killed.", [], [15]),
        ("It gave Turkmenistan 25 years of peace.", [], [25]),
    ],
)
def test_a_number_in_a_name_is_a_label(text: str, labels: list[str], counts: list[float]) -> None:
    found = extract_quantities(text)
    assert [q.raw for q in found if q.kind == "label"] == labels
    assert [q.value for q in found if q.kind == "count"] == counts


@pytest.mark.parametrize(
    ("claim", "statement", "verdict"),
    [
        (
            "The storm strengthened into a Category 4 hurricane on Monday.",
            "The storm strengthened into a Category 2 hurricane on Monday.",
            "contradicted",
        ),
        (
            "A Boeing 737 jet carrying 120 people vanished from radar.",
            "A Boeing 747 jet carrying 120 people vanished from radar.",
            "contradicted",
        ),
        (
            "The agency raised the alert to Level 3 status on Tuesday.",
            "The agency raised the alert to Level 3 status on Tuesday.",
            "supported",
        ),
        # a name's number the claim does not give is no missing figure
        (
            "The Boeing jet left Beirut at night. The passenger plane disappeared from radar"
            " five minutes after takeoff.",
            "The Boeing 737 disappeared from radar five minutes after takeoff.",
            "supported",
        ),
    ],
    ids=lambda v: str(v)[:30],
)
def test_labels_are_compared_with_the_same_names(claim: str, statement: str, verdict: str) -> None:
    assert verdict_in(f"Report\n\n{claim}", statement) == verdict


@pytest.mark.parametrize(
    "text",
    [
        "He visits once a week.",
        "The plan costs $100 a month.",
        "Twice a year the river floods.",
        "The factory makes 500 cars a day after the upgrade.",
        "Profit rose 20 percent from a year ago.",  # the base of a change, no span
    ],
)
def test_a_rate_is_no_span_of_time(text: str) -> None:
    assert [q for q in extract_quantities(text) if q.unit in ("week", "month", "year")] == []
