"""Times of day: read in each way news copy writes them, compared as one time."""

import pytest

from verifier.engine.service import Engine, ingest_article, open_store, verify
from verifier.language.numbers import extract_quantities
from verifier.models import CONTRADICTED, SUPPORTED


def _clocks(text: str) -> list[tuple[float, str | None]]:
    return [(q.value, q.unit) for q in extract_quantities(text) if q.kind == "clock"]


@pytest.mark.parametrize(
    ("text", "clocks"),
    [
        ("The quake struck at 4:53 p.m. on Sunday.", [(16 * 60 + 53, None)]),
        ("He died between 9 pm and 10 pm local time.", [(21 * 60, None), (22 * 60, "local")]),
        (
            "He died between 21.00 and 22.00 local time (20.00 to 21.00 UTC).",
            [(21 * 60, None), (22 * 60, "local"), (20 * 60, None), (21 * 60, "utc")],
        ),
        ("A raid occurred at 0600 local time (0900 GMT).", [(360, "local"), (540, "utc")]),
        ("Officers raided the house at 6 a.m. local time.", [(360, "local")]),
        ("The flight was delayed until 2:35.", [(155, None)]),
        ("The rally began at noon.", [(720, None)]),
        # found by review
        ("The polls close at 4.30pm.", [(16 * 60 + 30, None)]),
        ("Midnight is the deadline.", [(0, None)]),
        ("The rally began at 12 noon.", [(720, None)]),
        ("She finished in 2:01:40.", [(2 * 60 + 1 + 40 / 60, None)]),
        # the part of the day says a.m. or p.m.
        ("People phoned 911 at around 9.30 in the morning.", [(9 * 60 + 30, None)]),
        ("The ferry left at 7:15 in the evening.", [(19 * 60 + 15, None)]),
        ("The bar closed by 10.45 at night.", [(22 * 60 + 45, None)]),
        ("The blast came at 12.30 at night.", [(30, None)]),  # the small hours
        ("The blast came at 2.30 at night.", [(2 * 60 + 30, None)]),
        # no time of day: a year and a count, a score, a price change in the morning
        ("Shares fell 2.50 in the morning session.", []),
        ("The index closed at 2.50 in the morning session.", []),
        ("In 1999, 2300 people were killed.", []),
        ("Japan won 6-4.", []),
        ("Prices rose 5 percent a month.", []),
    ],
)
def test_times_of_day(text: str, clocks: list[tuple[float, str | None]]) -> None:
    assert _clocks(text) == clocks


def test_a_time_is_a_figure_that_can_disagree() -> None:
    engine = Engine(open_store(":memory:", seed=False))
    ingest_article(
        "Ethiopian airliner crashes\n\nMonday, January 25, 2010\n\nFlight ET409, a Boeing 737,"
        " was set to leave at 2:10 am local time, but was delayed until 2:35.",
        engine,
    )
    said = "Flight ET409 was set to leave at 3:10 am local time."
    found = verify(said, engine)
    assert found.verdict == CONTRADICTED, found.explanation
    assert [r.code for r in found.reasons] == ["time_mismatch"]
    same = verify("Flight ET409 was set to leave at 02:10 local time.", engine)
    assert same.verdict == SUPPORTED, same.explanation
