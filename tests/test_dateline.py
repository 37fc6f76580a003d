"""Datelines: an article's date, never a claim; the headline is one."""

from __future__ import annotations

from datetime import date

import pytest

from verifier.engine.service import Engine, ingest_article, is_checkable, open_store, verify
from verifier.language.dateline import read_dateline
from verifier.models import SUPPORTED


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Monday, February 5, 2007", date(2007, 2, 5)),
        ("Saturday, October 29, 2005", date(2005, 10, 29)),
        ("5 February 2007", date(2007, 2, 5)),
        ("Tuesday 24 March 2009", date(2009, 3, 24)),
        ("Feb. 5, 2007", date(2007, 2, 5)),
        ("February 5, 2007, was a Monday", None),  # a sentence about a date
        ("Monday, February 31, 2007", None),  # no such day
        ("The war began in 2003.", None),
        ("On Monday, 4,000 troops left.", None),
    ],
)
def test_read_dateline(line: str, day: date | None) -> None:
    assert read_dateline(line) == day


def test_an_ingested_article_takes_its_date_from_the_dateline_and_its_headline_is_a_claim() -> None:
    engine = Engine(open_store(":memory:", seed=False))
    text = (
        "Storm closes Harbour Bridge for two days\n\nMonday, February 5, 2007\n\n"
        "The Harbour Bridge was closed on Sunday after winds reached 120 km/h."
    )
    article, claims = ingest_article(text, engine, id="storm")
    assert article.published == "2007-02-05"
    assert [c.quote for c in claims] == [
        "Storm closes Harbour Bridge for two days",
        "The Harbour Bridge was closed on Sunday after winds reached 120 km/h.",
    ]
    assert not is_checkable("Monday, February 5, 2007")
    headline = verify("A storm closed the Harbour Bridge for two days.", engine)
    assert headline.verdict == SUPPORTED


@pytest.mark.parametrize(
    ("text", "day", "month"),
    [("On 10th August 2007 police left", 10, "august"), ("on 7th August, he was", 7, "august")],
)
def test_an_ordinal_day_before_its_month(text: str, day: int, month: str) -> None:
    from verifier.language.numbers import extract_quantities

    days = [q for q in extract_quantities(text) if q.kind == "day"]
    assert [(q.value, q.unit) for q in days] == [(day, month)]


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        ("Further fires were lit yesterday near Yanchep.", (4, "february")),
        ("Further fires were lit today near Yanchep.", (5, "february")),
        ("Norway is scheduled to play Canada tomorrow.", (6, "february")),
        ("The fire was lit on Saturday near Yanchep.", (3, "february")),
        ("Temperatures of 40C are expected on Wednesday.", (7, "february")),  # to come
        ("The fire was lit on Saturday, February 3, near Yanchep.", None),  # dated already
    ],
)
def test_relative_dates_resolve_against_the_dateline(
    sentence: str, dated: tuple[int, str] | None
) -> None:
    from verifier.language.dateline import resolve_relative

    days = [
        (q.value, q.unit) for q in resolve_relative(sentence, date(2007, 2, 5)) if q.kind == "day"
    ]
    assert days == ([dated] if dated else [])


def test_a_relative_date_bears_out_a_statements_date() -> None:
    engine = Engine(open_store(":memory:", seed=False))
    ingest_article(
        "Fires near Perth\n\nMonday, February 5, 2007\n\nFurther fires were lit yesterday near"
        " Yanchep, police said.",
        engine,
    )
    assert verify("Fires were lit near Yanchep on February 4.", engine).verdict == SUPPORTED
    # the article's year too
    assert verify("Fires were lit near Yanchep on February 4, 2007.", engine).verdict == SUPPORTED
    assert verify("Fires were lit near Yanchep in 2006.", engine).verdict != SUPPORTED
