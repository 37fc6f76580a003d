"""Dates among a text's tokens: months, days of a month, slash dates, short years, decades."""

from __future__ import annotations

import re

from verifier.language.number_tokens import Tokens, looks_plural
from verifier.language.number_words import (
    DECADE_WORDS,
    MONTHS,
    NOT_UNITS,
    YEAR_CUES,
)
from verifier.models import Quantity

# A day's unit is its month ("10 January" is no match for "February 10").
_MONTHS_IN_ORDER = """january february march april may june july august september october
    november december"""
MONTH_NAMES = dict(enumerate(_MONTHS_IN_ORDER.split(), start=1))
# Before these, "9/11" or "3/4" is a date (month/day); elsewhere only with a year after it
# ("rose by 1/3", "up from 1/2" are fractions).
_DATE_CUES = frozenset("on since before after until till".split())
_NAMED_DATES = frozenset({("9", "11")})  # "9/11" names its date wherever it stands
# Before these, an apostrophe and two digits is a year ("in '03", "from '12 to '15").
_SHORT_YEAR_CUES = YEAR_CUES | {"to", "and", "or", "through", "-"}
_SHORT_YEAR = re.compile(r"'\d\d")
_DECADE = re.compile(r"'?(\d{2}|\d{4})0?s")
_MONTH_ARTICLES = frozenset("a an early late mid this each every".split())  # not "the March on"


def full_year(two: int) -> int:
    """Read a two-digit year: this century's up to '30, the last one's after."""
    return two + (2000 if two <= 30 else 1900)


def ordinal_day(tokens: Tokens, i: int) -> Quantity | None:
    """Read "September 11th", "the 11th of September" and "11th September" as a day."""
    low = tokens.low
    previous = low[i - 1].rstrip(".") if i > 0 else ""
    of_month = low[i + 1 : i + 2] == ["of"] and i + 2 < len(low) and low[i + 2] in MONTHS
    following = low[i + 1].rstrip(".,") if i + 1 < len(low) else ""
    digits = low[i][:-2]
    if not digits.isdigit() or len(digits) > 2:  # "1,000th", a long run of digits: no day
        return None
    day = int(digits)
    if not 1 <= day <= 31:
        return None
    if previous in MONTHS:
        month = MONTHS[previous]
    elif of_month:
        month = MONTHS[low[i + 2]]
    elif following in MONTHS and tokens.raw[i + 1][:1].isupper():  # "10th August 2007"
        month = MONTHS[following]
    else:
        return None
    return Quantity(float(day), "day", MONTH_NAMES[month], None, tokens.raw[i])


def slash_date(tokens: Tokens, i: int) -> tuple[list[Quantity], int] | None:
    """Read a U.S. date written with slashes ("8/27/2017", "before 9/11") as month, day, year."""
    low = tokens.low
    if low[i + 1 : i + 2] != ["/"] or i + 2 >= len(low) or not low[i].isdecimal():
        return None
    month, day = low[i], low[i + 2]
    if not day.isdecimal() or not 1 <= int(month) <= 12 or not 1 <= int(day) <= 31:
        return None
    year = low[i + 4] if low[i + 3 : i + 4] == ["/"] and i + 4 < len(low) else ""
    year = year if year.isdecimal() and len(year) in (2, 4) else ""
    cue = i > 0 and low[i - 1] in _DATE_CUES and low[i + 3 : i + 4] != ["of"]  # "1/3 of"
    if not year and not cue and (month, day) not in _NAMED_DATES:
        return None
    raw = "/".join(tokens.raw[i : i + (5 if year else 3) : 2])
    found = [
        Quantity(float(month), "month", raw=raw),
        Quantity(float(day), "day", MONTH_NAMES[int(month)], None, raw),
    ]
    if not year:
        return found, i + 3
    value = int(year) if len(year) == 4 else full_year(int(year))
    return [*found, Quantity(float(value), "year", None, None, raw)], i + 5


def short_year(tokens: Tokens, i: int) -> Quantity | None:
    """Read "'03" after a year word ("in '03") as a year; None when it is no such token."""
    if not _SHORT_YEAR.fullmatch(tokens.raw[i]):
        return None
    if i and tokens.low[i - 1] in _SHORT_YEAR_CUES:
        return Quantity(float(full_year(int(tokens.raw[i][1:]))), "year", raw=tokens.raw[i])
    return None


def decade(tokens: Tokens, i: int) -> Quantity | None:
    """Read '1990s', "'90s", '90s' and 'the nineties' as a span of ten years."""
    low = tokens.low[i]
    match = _DECADE.fullmatch(low)
    if match and low.endswith("0s"):
        digits = low.strip("'")[:-1]
        start = int(digits) if len(digits) == 4 else 1900 + int(digits)
        return Quantity(float(start), "year", None, "decade", tokens.raw[i])
    previous = tokens.low[i - 1] if i > 0 else ""
    if low in DECADE_WORDS and previous == "the":
        return Quantity(float(DECADE_WORDS[low]), "year", None, "decade", f"the {low}")
    return None


def is_month(tokens: Tokens, i: int, low: str, all_caps: bool) -> bool:
    """Tell a month from a homograph ('may', 'march') by its neighbours."""
    if low not in ("may", "march", "mar"):
        return True
    nxt = tokens.low[i + 1] if i + 1 < len(tokens.low) else ""
    prev = tokens.low[i - 1] if i > 0 else ""
    if nxt[:1].isdigit() or prev in ("in", "since", "of", "until", "by", "last", "next"):
        return True
    # Capitalized after "a" or a time word: "at a March briefing", "in early May"
    # ("Theresa May", "the March on Washington" and sentence starts stay words).
    return not all_caps and prev in _MONTH_ARTICLES


_YEAR = re.compile(r"(1[6-9]|20)\d\d")


def is_year(tokens: Tokens, i: int, j: int, value: float) -> bool:
    """Tell whether the number read at tokens[i:j] is a year ("in 2011.", "the 2011
    withdrawal", "in two thousand three") rather than a count ("2000 people")."""
    text = tokens.raw[i]
    nxt = tokens.low[j] if j < len(tokens.low) else ""
    if text[:1].isalpha():  # "in two thousand three", not "in two thousand homes"
        after_cue = i > 0 and tokens.low[i - 1] in ("in", "since", "until", "by", "from")
        return after_cue and value % 1 == 0 and 1600 <= value < 2100 and not looks_plural(nxt)
    if j != i + 1 or not _YEAR.fullmatch(text):
        return False
    prev = tokens.low[i - 1].rstrip(".") if i > 0 else ""
    if prev in YEAR_CUES or prev in MONTHS or prev == ",":
        return True
    if not nxt.isalpha() or nxt in NOT_UNITS:
        return True  # "in 2011.", "2011 and 2012"
    if prev in _ADJECTIVE_CUES or prev.endswith("'s"):
        # "a 2016 American film", "Hush (2016 film)", "Bush's 2003 tax cuts" are years;
        # "a 2016 votes" is not English, "2000 people" (no cue) stays a count.
        return tokens.raw[j][:1].isupper() or not looks_plural(nxt)
    # "the complete 2011 withdrawal": counts are of plural nouns, units are short ("km")
    return len(nxt) >= 5 and not looks_plural(nxt)


# Words after which a bare four-digit number is a year used as an adjective.
_ADJECTIVE_CUES = frozenset("a an ( his her their its our my your this that".split())
