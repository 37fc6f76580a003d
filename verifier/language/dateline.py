"""An article's dateline ("Monday, February 5, 2007"): the day it was published, not a claim."""

from __future__ import annotations

import re
from datetime import date

from verifier.language.dates import MONTH_NAMES

_MONTH = "|".join(MONTH_NAMES.values())
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
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
