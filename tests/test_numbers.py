from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import verdict_in
from verifier.language.comparison import compatible
from verifier.language.numbers import extract_quantities
from verifier.models import Quantity


def first(text: str) -> Quantity:
    found = extract_quantities(text)
    assert found, f"no quantity in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "kind", "qualifier"),
    [
        ("4,000 troops", 4000, "count", None),
        ("4k troops", 4000, "count", None),
        ("four thousand troops", 4000, "count", None),
        ("roughly 4,000 troops", 4000, "count", "approx"),
        ("roughly\u00a04,000 troops", 4000, "count", "approx"),
        ("some 4k troops", 4000, "count", "approx"),
        ("170 thousand troops", 170_000, "count", None),
        ("one hundred and seventy thousand troops", 170_000, "count", None),
        ("1.5 million people", 1_500_000, "count", None),
        ("$90 billion", 90e9, "count", None),
        ("60 percent", 60, "percent", None),
        ("60%", 60, "percent", None),
        ("sixty per cent", 60, "percent", None),
        ("a 60-percent cut", 60, "percent", None),
        ("6 in 10 troops", 60, "percent", None),
        ("one in five Americans", 20, "percent", None),
        ("three out of four voters", 75, "percent", None),
        ("about 4\u00a0000 troops", 4000, "count", "approx"),
        ("1 500 000 people", 1_500_000, "count", None),
        ("more than one in five Americans", 20, "percent", "more"),
        ("arrested 1800 over the weekend", 1800, "count", None),
        ("the complete 2011 withdrawal", 2011, "year", None),
        ("it was in two thousand three that it began", 2003, "year", None),
        ("in two thousand homes", 2000, "count", None),
        ("hired 1999 teachers", 1999, "count", None),
        ("drove 1800 km", 1800, "count", None),
        ("1 in 1,000 people", 0.1, "percent", None),
        ("a 3-per-cent rise", 3, "percent", None),
        ("Twenty percent", 20, "percent", None),
        ("fewer than half of them", 50, "percent", "less"),
        ("turnout was less than half.", 50, "percent", "less"),
        ("two-thirds of voters", 66.7, "percent", None),
        ("two-fifths of the troops", 40, "percent", None),
        ("three fifths of troops", 60, "percent", None),
        ("nearly two thirds of voters", 66.7, "percent", "nearly"),
        ("a tenth of the budget", 10, "percent", None),
        ("more than 3,000 troops", 3000, "count", "more"),
        ("at least 12 schools", 12, "count", "at_least"),
        ("nearly 40,000 troops", 40000, "count", "nearly"),
        ("in 2003", 2003, "year", None),
        ("since the 2014.", 2014, "year", None),
        ("Hush is a 2016 American horror film", 2016, "year", None),
        ("Hush (2016 film)", 2016, "year", None),
        ("it shipped 2016 units", 2016, "count", None),
        ("it hired 1999 people", 1999, "count", None),
        ("Bush's 2003 tax cuts", 2003, "year", None),
        ("About 2000 Americans", 2000, "count", "approx"),
        ("a road that runs 1900 km", 1900, "count", None),
        ("a January briefing", 1, "month", None),
        ("at a March press briefing", 3, "month", None),
        ("in early May", 5, "month", None),
        ("announced Monday", 1, "weekday", None),
        ("born 22 November 1948", 22, "day", None),
        ("in the 1990s", 1990, "year", "decade"),
        ("born in the fifties", 1950, "year", "decade"),
        ("back in the '80s", 1980, "year", "decade"),
    ],
    ids=lambda v: str(v),
)
def test_number_forms(text: str, value: float, kind: str, qualifier: str | None) -> None:
    quantity = first(text)
    assert quantity.value == pytest.approx(value, rel=1e-3)
    assert quantity.kind == kind
    assert quantity.qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1st Lt. William", []),
        ("September 11th", [("month", 9), ("day", 11)]),
        ("one of them", []),
        ("she may leave", []),
        ("1e309 troops", [("unreadable", math.inf)]),
        ("9" * 2000, [("unreadable", math.inf)]),
        ("", []),
        ("5G towers and COVID19 cases at 10am", [("clock", 600)]),  # a time of day
        ("On March 3 200 people left", [("month", 3), ("day", 3), ("count", 200)]),
        ("2 in 2011", [("count", 2), ("year", 2011)]),
        ("lost 2 in 4 minutes", [("count", 2), ("count", 4)]),
        ("Theresa May said", []),
        ("the Women's March drew crowds", []),
        ("The May government lost", []),
        ("the March on Washington", []),
        ("1 in 10 million", [("count", 1), ("count", 10_000_000)]),
    ],
    ids=[
        "ordinal",
        "ordinal-date",
        "one-of",
        "modal-may",
        "overflow",
        "digits",
        "empty",
        "codes",
        "spaced-day",
        "in-a-year",
        "a-rate",
        "a-scaled-whole",
        "a-name",
        "an-event",
        "a-government",
        "a-march",
    ],
)
def test_what_is_not_a_quantity(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(q.kind, q.value) for q in extract_quantities(text)] == expected


def test_counted_noun_is_found_past_adjectives() -> None:
    assert first("4,000 U.S. troops").unit == "troops"
    assert first("an additional 4,000 troops").unit == "troops"
    assert first("4,000 American soldiers").unit == "troops"
    assert first("a 4,000-strong force").unit == "troops"  # a force counts troops
    assert first("3,000 personnel").unit == "troops"


def test_a_function_word_after_a_number_is_no_unit() -> None:
    # "dwindled to 40,000 before the withdrawal" counts nothing called "before"
    assert first("dwindled to 40,000 before the withdrawal").unit is None
    assert compatible(first("dwindled to 40,000 before 2011"), first("40,000 troops"))


@given(st.integers(min_value=1, max_value=10**9))
def test_digits_with_commas_round_trip(n: int) -> None:
    assert first(f"{n:,} troops").value == n


@given(st.text())
def test_extraction_never_raises(text: str) -> None:
    extract_quantities(text)


def test_a_hyphenated_number_word_before_a_fraction_reads() -> None:
    # "four-year" before "third" was once a KeyError (an API 500); "four-year" reads as
    # "4-year" does, and "third" is no figure here.
    found = extract_quantities("He began a four-year third term.")
    assert [(q.value, q.kind, q.unit) for q in found] == [(4, "count", "year")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("just as happened before 9/11", [("month", 9), ("day", 11)]),
        ("the 9/11 attacks", [("month", 9), ("day", 11)]),
        ("photographed 8/27/2017", [("month", 8), ("day", 27), ("year", 2017)]),
        ("filed 1/5/99", [("month", 1), ("day", 5), ("year", 1999)]),
        ("on 3/4 we met", [("month", 3), ("day", 4)]),
        ("the 11th of September", [("day", 11), ("month", 9)]),
        ("3/4 of voters", [("count", 3), ("count", 4)]),  # not March 4 (nor yet 75 percent)
        ("sales rose by 1/3", [("count", 1), ("count", 3)]),
        ("up from 1/2 of that", [("count", 1), ("count", 2)]),
        ("from '12 to '15", [("year", 2012), ("year", 2015)]),
        ("in '45", [("year", 1945)]),
        ("'40,000 troops stayed", [("count", 40000)]),  # a quotation opening a number
        ("'10.5 percent", [("percent", 10.5)]),
        ("news 24/7", [("count", 24), ("count", 7)]),
        # a figure closing the sentence: its scale word carries the full stop
        ("the war cost $2 billion.", [("count", 2e9)]),
        ("troop numbers had shrunk to forty thousand.", [("count", 40_000)]),
        ("it rose to forty.", [("count", 40)]),
        ("He was the only one. Soldiers died.", []),  # the next sentence counts nothing
        ("The panel chose three. In five cases it refused.", [("count", 3), ("count", 5)]),
        ("They numbered ten. Million people watched.", [("count", 10)]),
        ("one hundred and five.", [("count", 105)]),
        ("the reduction will include 60 percent.", [("percent", 60)]),
        # thousands grouped by stops, as in much of Europe, where no decimal can be meant
        ("roughly 4.000 troops", [("count", 4000)]),
        ("a budget of 1.500.000 euros", [("count", 1_500_000)]),
        ("it rose 1.500 points", [("count", 1.5)]),
        ("the 4th infantry", [("ordinal", 4)]),  # a rank, weighed only against a rank
        ("intervened in '03", [("year", 2003)]),
        ("the class of '98", [("year", 1998)]),
        ("he said '50 people died'", [("count", 50)]),  # a quotation opening, not a year
    ],
)
def test_dates_in_short_forms(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(q.kind, q.value) for q in extract_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the first since 2014", [("ordinal", 1), ("year", 2014)]),
        ("for a second time", [("ordinal", 2)]),
        ("the third time", [("ordinal", 3)]),
        ("a third of voters", [("percent", 33.3)]),  # a fraction, not a rank
        ("30 seconds", [("count", 30)]),
        ("at first glance", []),
        ("the drawdown, first reported Monday,", [("weekday", 1)]),
        ("wait a second.", []),
        ("at the end of the first quarter.", [("ordinal", 1)]),  # the word after may end it
        ("under the First Amendment", []),
        ("the U.S. first intervened", []),
        ("finished in a tie for 14th in last year's bee", [("ordinal", 14)]),
        ("win the 80th annual bee", [("ordinal", 80)]),
        ("the 3rd Infantry Division", []),  # a rank that begins a name
        ("among the top five sellers", [("ordinal", 5)]),  # ranks, not five of anything
        ("he finished in the top 10", [("ordinal", 10)]),
        ("on 7th August", [("day", 7), ("month", 8)]),
    ],
)
def test_ranks(text: str, expected: list[tuple[str, float]]) -> None:
    found = [(q.kind, q.value) for q in extract_quantities(text)]
    assert found == [(kind, pytest.approx(value, rel=1e-3)) for kind, value in expected]


def test_a_rank_word_closing_a_sentence_reads_no_rank() -> None:
    found = extract_quantities("It took a fraction of a second. Then 5 more.")  # raised KeyError
    assert not [q for q in found if q.kind == "ordinal"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a three-day strike", [(3, "day")]),
        ("a 3-day strike", [(3, "day")]),
        ("a two-tiered Internet", [(2, "tiered")]),
        ("the previous four-pack restriction", [(4, "pack")]),
        ("forty-five people", [(45, "people")]),
        ("a one-off payment", []),  # a word, not a count
        ("a two-year-old boy", []),  # an age names nothing counted
    ],
)
def test_a_number_word_joined_to_what_it_counts(
    text: str, expected: list[tuple[float, str]]
) -> None:
    found = extract_quantities(text)
    assert [(q.value, q.unit) for q in found if q.kind == "count"] == expected


@pytest.mark.parametrize(
    ("text", "weekday"),
    [
        ("ahead of Wednesday's expected heat", 3),
        ("ahead of Thursday\u2019s expected heat", 4),
        ("the council met on tuesday's agenda", None),  # not capitalized: not read as a day
    ],
)
def test_a_weekday_in_the_possessive_is_the_day(text: str, weekday: int | None) -> None:
    days = [q.value for q in extract_quantities(text) if q.kind == "weekday"]
    assert days == ([weekday] if weekday else [])


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("The car is three-quarters lighter than a family car.", 75.0),
        ("two-thirds voted yes", 66.7),
        ("the forty-third president", None),  # a rank, not forty thirds
        ("in the third quarter", None),
    ],
)
def test_a_fraction_written_whole_is_a_share(text: str, share: float | None) -> None:
    found = [q.value for q in extract_quantities(text) if q.kind == "percent"]
    assert found == ([pytest.approx(share, abs=0.1)] if share else [])


def test_a_score_is_one_figure_either_way_round() -> None:
    won = [
        q for q in extract_quantities("Canada won the final, winning 57-50.") if q.kind == "tally"
    ]
    lost = [q for q in extract_quantities("Australia lost the final 50-57.") if q.kind == "tally"]
    assert [q.value for q in won] == [q.value for q in lost] != []
    assert [q.raw for q in lost] == ["50\u201357"]  # written as the article writes it


def test_a_number_a_dash_joins_to_another_is_no_name() -> None:
    found = extract_quantities("Australia lost Sunday night to Canada 50-57.")
    assert [q.value for q in found if q.kind == "count"] == [50, 57]
    assert [q.value for q in extract_quantities("a trial under Article 263.")] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("peaked at three and a half million barrels a day", 3_500_000),
        ("one and a half hours", 1.5),
        ("four and a half thousand people", 4_500),
        ("the crash site has been identified three-and-a-half km west", 3.5),
    ],
)
def test_and_a_half(text: str, value: float) -> None:
    assert [q.value for q in extract_quantities(text)] == [value]


@pytest.mark.parametrize(
    ("text", "found"),
    [  # found by review
        ("First-quarter profits rose 5 percent.", [("percent", 5)]),  # a period, not 25%
        ("Losses could top $1 billion.", [("count", 1e9)]),  # the verb "top"
        ("Attendance is expected to top 50,000.", [("count", 50_000)]),
        ("Three-fourths of voters agreed.", [("percent", 75)]),
        ("the twenty-fifth anniversary", []),  # a rank, no count of "fifth"
    ],
)
def test_words_the_new_readings_must_leave_alone(text: str, found: list[tuple[str, float]]) -> None:
    assert [(q.kind, q.value) for q in extract_quantities(text)] == found


@pytest.mark.parametrize(
    ("text", "rank"),
    [("The 1,000th visitor", 1000), ("The 2,000th visitor", 2000), ("the 12345th", 12345)],
)
def test_a_rank_with_thousands_grouped(text: str, rank: int) -> None:
    # "1,000th" was read as "000th", rank 0 (found by review); "1,000th August" raised
    assert [(q.kind, q.value) for q in extract_quantities(text)] == [("ordinal", rank)]
    assert extract_quantities(f"{text.split()[-1]} August") is not None


def test_a_rank_of_thousands_of_digits_reads_without_error() -> None:
    # int() refuses more than 4,300 digits: "999...9th" (4,400 of them) in a claim of 5,000
    # characters raised ValueError, an API 500, before any of this session's changes
    for text in ("9" * 4400 + "th", "9" * 4400 + "th August", "1" + ",000" * 1200 + "th"):
        assert [q for q in extract_quantities(text) if q.kind == "ordinal"] == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # a whole number with a bare "m" and nothing counted after it is a distance
        ("Bolt smashes 100m world record with 9.69 run", 100, "metres"),
        ("Tyson Gay did not make it into the 100m final.", 100, "metres"),
        ("Bolt also won the 200m.", 200, "metres"),
        # with a currency, a decimal or a plural noun after it, millions
        ("a $100m deal", 100_000_000, "dollar"),
        ("1.5m people", 1_500_000, "people"),
        ("100m people live there", 100_000_000, "people"),
        ("10m barrels a day", 10_000_000, "barrels"),
    ],
)
def test_a_bare_m_is_metres_or_millions(text: str, value: float, unit: str) -> None:
    first = extract_quantities(text)[0]
    assert (first.value, first.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("The Tu-154 crash killed all 150 people on board.", [(150.0, "people")]),
        ("The COVID-19 pandemic has killed 5 people in the town.", [(5.0, "people")]),
        ("Two F-16 jets crashed on Monday.", [(2.0, "jets")]),
        ("Flight MH-17 was shot down over Ukraine.", []),
        # a common word before the hyphen is read as before: an age group counts
        ("The Under-21 team won.", [(21.0, "team")]),
        # results side by side are figures; a month before a day is a date
        ("The referendum ended Yes-52, No-48.", [(52.0, None), (48.0, None)]),
        ("The deadline is Sept-30.", [(30.0, None)]),
    ],
    ids=lambda v: str(v)[:24],
)
def test_a_name_hyphened_to_a_number_designates_a_thing_and_counts_nothing(
    text: str, figures: list[tuple[float, str]]
) -> None:
    found = [(q.value, q.unit) for q in extract_quantities(text) if q.kind == "count"]
    assert found == figures


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # a number, a unit and a dimension written as one adjective: a size in that unit
        ("A nine-meter-long section of the canal broke.", (9.0, "meter")),
        ("A 9-metre-long section of the canal broke.", (9.0, "metre")),
        ("The blast left a 100-metre-wide crater.", (100.0, "metre")),
        ("Drivers sat in a 2-mile-long queue.", (2.0, "mile")),
    ],
    ids=lambda v: str(v)[:24],
)
def test_a_size_written_as_one_adjective_is_a_measure(text: str, figure: tuple[float, str]) -> None:
    assert [(q.value, q.unit) for q in extract_quantities(text)] == [figure]


def test_an_age_written_as_one_adjective_counts_nothing_named() -> None:
    assert extract_quantities("A two-year-old boy was found.") == ()


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a person's age is counted in years of age, held against ages only
        ("Niyazov died at the age of 66.", "years of age"),
        ("He was aged 66 when he died.", "years of age"),
        # "years old" may be a thing's age as well ("a 20-year-old law")
        ("The 81-year-old Castro handed over control.", "years old"),
        ("The victim was 45 years old.", "years old"),
        ("The boy, who was 12 years of age, died.", "years of age"),
        ("Niyazov ruled for 20 years.", "years"),  # a span of years, no age
        ("Niyazov, 66, died on Thursday.", None),  # an age left to its context
    ],
    ids=lambda v: str(v)[:24],
)
def test_an_age_is_a_figure_of_its_own(text: str, unit: str | None) -> None:
    assert [q.unit for q in extract_quantities(text) if q.kind == "count"] == [unit]


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("Niyazov died at the age of 66.", "unverified"),  # the claim's years are his rule
        ("Niyazov, who ruled for two decades, died.", "supported"),
        ("Niyazov was 66 years old.", "unverified"),
    ],
)
def test_an_age_is_not_held_against_a_span_of_years(statement: str, verdict: str) -> None:
    article = (
        "Turkmenistan President Niyazov dies\n\nOpponents left the country over the last two"
        " decades as President Niyazov, who ruled for two decades, centralized his authority."
    )
    assert verdict_in(article, statement) == verdict


@pytest.mark.parametrize(
    ("statement", "claim", "verdict"),
    [
        # a thing's age meets the span of years it has lasted (found by review)
        (
            "Parliament repealed a 20-year-old law.",
            "Parliament repealed the law, which was passed 20 years ago.",
            "supported",
        ),
        # a person's age meets an age however written
        ("The victim was aged 45.", "The 45-year-old victim died in hospital.", "supported"),
        ("The victim was aged 46.", "The victim was 45 years old.", "contradicted"),
    ],
)
def test_ages_meet_ages_and_a_thing_s_age_its_years(
    statement: str, claim: str, verdict: str
) -> None:
    assert verdict_in(f"Report\n\n{claim}", statement) == verdict


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("They were found an hour and a half after the crash.", [("count", 1.5, "hour")]),
        ("He spent a year and a half in prison.", [("count", 1.5, "year")]),
        ("The village lies half a mile from the river.", [("count", 0.5, "mile")]),
        ("He had half a chance to score.", []),  # no unit: no figure
        ("Rescuers reached both climbers on the ridge.", [("count", 2, "climbers")]),
        ("Both China and Japan sent ships.", []),  # "both ... and" joins two names
        ("Both of them were hurt.", []),
        ("The star Pi Mensae (HD 39091) is bright.", []),  # a catalogue's number names it
        ("A hailstone an inch and a half wide fell.", [("count", 1.5, "inch")]),
        # three capitals may be a currency's code (found by review)
        ("Regulators fined the team SEK 500000.", [("count", 500_000, None)]),
    ],
)
def test_halves_both_and_catalogue_numbers(text: str, found: list[tuple[str, float, str]]) -> None:
    assert [(q.kind, q.value, q.unit) for q in extract_quantities(text, source=True)] == found


def test_a_statement_s_both_counts_nothing() -> None:
    # "both" presupposes the two: a statement's "both sets" asks no count of the source
    assert extract_quantities("Federer lost both sets.") == ()
    assert [q.value for q in extract_quantities("Federer lost both sets.", source=True)] == [2]


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("The climbers were rescued about ninety minutes after the fall.", "supported"),
        ("The climbers were rescued about three hours after the fall.", "contradicted"),
        ("Two climbers were rescued after the fall.", "supported"),
        ("Three climbers were rescued after the fall.", "contradicted"),
    ],
)
def test_an_hour_and_a_half_and_both_are_figures(statement: str, verdict: str) -> None:
    claim = "Rescuers reached both climbers an hour and a half after the fall."
    assert verdict_in(f"Report\n\n{claim}", statement) == verdict
