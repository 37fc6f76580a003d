"""An article's dateline ("Monday, February 5, 2007"): the day it was published, not a claim."""

from __future__ import annotations

import re
from datetime import date, timedelta

from verifier.language.dates import MONTH_NAMES
from verifier.language.number_words import WEEKDAYS
from verifier.language.numbers import extract_quantities
from verifier.models import Quantity

_MONTH = "|".join(MONTH_NAMES.values())
_WEEKDAY = f"(?:{'|'.join(WEEKDAYS)})"
# "Monday, February 5, 2007", "February 5, 2007", "Monday 5 February 2007", "5 Feb 2007"
_DATELINE = re.compile(
    rf"(?:{_WEEKDAY},?\s+)?(?:(?:the\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<m1>{_MONTH}|[a-z]{{3}}\.?)|(?P<m2>{_MONTH}|[a-z]{{3}}\.?)\s+(?P<d2>\d{{1,2}})"
    r"(?:st|nd|rd|th)?),?\s+(?P<year>\d{4})\.?",
    re.IGNORECASE,
)


def read_dateline(line: str) -> date | None:
    """Return the date a line states when the line is a date and nothing else."""
    line = line.strip()
    if len(line) > 40 or not line[:1].isalnum():
        return None
    found = _DATELINE.fullmatch(line)
    if found is None:
        return None
    name = (found.group("m1") or found.group("m2")).lower().rstrip(".")
    month = next((n for n, m in MONTH_NAMES.items() if m.startswith(name[:3])), None)
    day = int(found.group("d1") or found.group("d2"))
    try:
        return date(int(found.group("year")), month or 0, day)
    except ValueError:
        return None


# The qualifier of a date worked out from "yesterday" or "on Tuesday": it can bear out a
# statement's date, never contradict one (the sentence may date another event than it).
RELATIVE = "relative"
_RELATIVE = re.compile(
    r"\b(?P<word>yesterday|today|tonight|tomorrow|this (?:morning|afternoon|evening)"
    rf"|{_WEEKDAY})\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# What is still to come is dated forward: "will meet on Friday", "expected on Wednesday".
_FUTURE = re.compile(r"\b(?:will|shall|expected|forecast|scheduled|due|next|plans?\s+to)\b", re.I)


def resolve_relative(text: str, published: date) -> tuple[Quantity, ...]:
    """Return the dates a text gives relative to its article's day: day, month and year.

    "yesterday" is the day before, "tomorrow" the day after; "today", "this morning" the day
    itself; a weekday the last such day up to it (news reports what has happened), or the
    next one after it in a sentence about what is to come. A text that also names a month
    gives its dates itself.
    """
    if any(month in text.lower() for month in MONTH_NAMES.values()):
        return ()
    found: list[Quantity] = []
    for match in _RELATIVE.finditer(text):
        word = match.group("word").lower()
        if word == "yesterday":
            day = published - timedelta(days=1)
        elif word == "tomorrow":
            day = published + timedelta(days=1)
        elif word in WEEKDAYS and _FUTURE.search(text):
            ahead = (WEEKDAYS[word] - 1 - published.weekday()) % 7 or 7
            day = published + timedelta(days=ahead)
        elif word in WEEKDAYS:
            back = (published.weekday() - WEEKDAYS[word] + 1) % 7
            day = published - timedelta(days=back)
        else:
            day = published
        month = MONTH_NAMES[day.month]
        raw = f"{month.title()} {day.day}"
        found.append(Quantity(float(day.day), "day", month, RELATIVE, raw))
        found.append(Quantity(day.month, "month", None, RELATIVE, month.title()))
        if not _YEAR.search(text):  # "yesterday" is in the article's year, unless it says
            found.append(Quantity(day.year, "year", None, RELATIVE, str(day.year)))
    return tuple(dict.fromkeys(found))


def dated_quantities(text: str, published: date | None) -> tuple[Quantity, ...]:
    """A sentence's quantities, with "yesterday" or "on Tuesday" dated by its article."""
    found = extract_quantities(text, source=True)
    if published is None:
        return found
    return found + tuple(q for q in resolve_relative(text, published) if q not in found)


def publication_day(published: str | None) -> date | None:
    """The day an article's `published` (ISO) names, or None."""
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None
