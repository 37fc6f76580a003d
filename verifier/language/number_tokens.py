"""A text's tokens as number extraction sees them, and the reading of digit and word numbers."""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from verifier.language.lexicon import is_unit_word
from verifier.language.number_words import (
    IRREGULAR_PLURALS,
    MONTHS,
    QUALIFIER_ENDINGS,
    QUALIFIERS_BY_LAST,
    SCALES,
    SMALL,
    SUFFIX_SCALES,
    WEEKDAYS,
)
from verifier.models import Quantity

_STOP_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DIGITS = re.compile(r"([\d.eE+-]+?)(k|K|m|bn|mn|tn|b)?")
# Words first: most tokens are words, and no other branch can match where a letter starts (the
# lookaheads let re go straight to the branch a token's first character can take).
_TOKEN = re.compile(
    r"(?=[A-Za-z])[A-Za-z][A-Za-z0-9]*(?:[.'][A-Za-z]+)*\.?(?:-[A-Za-z]+)*"
    r"|(?=[^A-Za-z\s])(?:\d+(?:\^|\*\*)\d+|\d{1,3}(?:,\d{3})+(?:[sS][tT]|[nN][dD]|[rR][dD]|[tT][hH])\b|\d+(?:[sS][tT]|[nN][dD]|[rR][dD]|[tT][hH])\b|'?\d*0[sS]\b|'\d\d(?![\w'])(?![.,]\d)|\$?\d{1,3}(?:\.\d{3}){2,}(?!\w|\.\d)|\$?\d+(?:,\d{3})*(?:\.\d+)?(?:[eE][+-]?\d+)?(?:k|K|m|bn|mn|tn|b)?(?![\w])%?"
    r"|\d+[A-Za-z_]\w*|%|~|\S)"
)


class Tokens(NamedTuple):
    """A text's tokens as two lists, as written and lower-cased (one list, not an object
    per token: extraction runs on every imported claim)."""

    raw: list[str]
    low: list[str]


def tokenize(text: str) -> Tokens:
    """Split cleaned text into tokens (raw and lower-cased)."""
    raw = _TOKEN.findall(text)
    return Tokens(raw, [token.lower() for token in raw])


def parse_number(raw: str) -> float | None:
    """Parse a digit form such as '4,000', '4k', '1.5m' or '$90'; None if it is not finite.

    Stops grouping thousands as in much of Europe ('1.500.000') are read so where they
    cannot be a decimal: two groups or more ('1.500' is 1.5; see numbers.py for '4.000').
    """
    body = raw.lstrip("$").rstrip("%").replace(",", "")
    if body.count(".") > 1 and _STOP_GROUPED.fullmatch(body):
        body = body.replace(".", "")
    scale = 1.0
    match = _DIGITS.fullmatch(body)
    if not match:
        return None
    if match.group(2):
        scale = SUFFIX_SCALES[match.group(2).lower()]
    digits = match.group(1)
    if len(digits) > 30:
        return None
    try:
        value = float(digits) * scale
    except ValueError:
        return None
    return value if math.isfinite(value) and abs(value) < 1e15 else None


def parse_words(tokens: Tokens, i: int) -> tuple[float, int] | None:
    """Parse number words from tokens[i]: 'four thousand', 'one hundred and seventy', 'three
    and a half million'."""
    total, current, j, seen = 0.0, 0.0, i, False
    while j < len(tokens.low):
        word = tokens.low[j].removesuffix(".")  # "rose to forty thousand."
        parts = word.split("-")
        if all(p in SMALL for p in parts):
            current += sum(SMALL[p] for p in parts)
        elif parts[-3:] == ["and", "a", "half"] and all(p in SMALL for p in parts[:-3]):
            current += sum(SMALL[p] for p in parts[:-3]) + 0.5  # "three-and-a-half km"
        elif word == "hundred" and seen:
            current = max(current, 1) * 100
        elif word in SCALES and seen:
            total += max(current, 1) * SCALES[word]
            current = 0
        elif (
            word == "and"
            and seen
            and j + 1 < len(tokens.low)
            and (tokens.low[j + 1].removesuffix(".").split("-")[0] in SMALL)
        ):
            pass
        elif (
            word == "and"
            and seen
            and [t.removesuffix(".") for t in tokens.low[j + 1 : j + 3]]
            == [
                "a",
                "half",
            ]
        ):  # "three and a half million"
            current += 0.5
            j += 2
        else:
            break
        seen = True
        j += 1
        if word != tokens.low[j - 1]:  # the sentence ended with it
            break
    if not seen:
        return None
    return total + current, j


def names_a_thing(tokens: Tokens, i: int, quantity: Quantity) -> bool:
    """Tell whether a bare number is part of a name ("Article 263", "Terminal 3", "Flight
    409", "HD 39091"): it follows a capitalized word that is no month or weekday, and counts
    nothing. A number a dash joins to another is a score or a range ("to Canada 50-57"), no
    name."""
    if i == 0 or quantity.qualifier or quantity.unit or not tokens.raw[i].isdigit():
        return False
    if tokens.raw[i + 1 : i + 2] in (["-"], ["\u2013"], ["\u2014"]):
        return False
    before = tokens.raw[i - 1]
    return (
        before[:1].isupper()
        and before.isalpha()
        and tokens.low[i - 1] not in MONTHS
        and tokens.low[i - 1] not in WEEKDAYS
        # a catalogue's initials name any number ("HD 39091", "NGC 1300"); a word, a short one.
        # Three capitals may be a currency's code the money reader does not know ("SEK 500000")
        and (len(tokens.raw[i]) <= 4 or (before.isupper() and len(before) in (2, 4, 5, 6)))
        and not (len(tokens.raw[i]) == 4 and tokens.raw[i][:2] in ("19", "20"))  # a year
    )


def name_label(tokens: Tokens, i: int, quantity: Quantity) -> Quantity | None:
    """Read a number that is part of a name as the label it is, held only against the same
    name's: "a Category 4 hurricane", "the Boeing 737 vanished", "the Highway 15 overpass".
    It follows a capitalized word and what it would count is no plural and no unit (a count
    is of a plural: "told Reuters 12 Iraqi soldiers died")."""
    if i == 0 or quantity.qualifier or not tokens.raw[i].isdigit() or not quantity.unit:
        return None
    before, unit = tokens.raw[i - 1], quantity.unit
    if not (before[:1].isupper() and before.isalpha()) or tokens.low[i - 1] in CALENDAR_WORDS:
        return None
    if len(tokens.raw[i]) > 4 or (len(tokens.raw[i]) == 4 and tokens.raw[i][:2] in ("19", "20")):
        return None
    if quantity.value == 1 or looks_plural(unit) or is_unit_word(unit) or not unit.isalpha():
        return None
    if not tokens.raw[i + 1 : i + 2] or not tokens.raw[i + 1][:1].islower():
        return None  # what it names stands right after it: "In Mosul 15 Iraqi policemen" counts
    return Quantity(quantity.value, "label", tokens.low[i - 1], None, f"{before} {tokens.raw[i]}")


def looks_plural(word: str) -> bool:
    """Tell whether a word reads as a plural noun, what a count is usually followed by."""
    if word in IRREGULAR_PLURALS:
        return True
    if word.endswith(("men", "people", "children")):  # "policemen", "townspeople"
        return True
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


CALENDAR_WORDS = frozenset([*MONTHS, *WEEKDAYS])


def number_terms(quantities: tuple[Quantity, ...]) -> list[str]:
    """Return index terms for figures ("n4300", "n2011"), so shared numbers help retrieval."""
    return [
        f"n{q.value:.0f}"
        for q in quantities
        if q.kind in ("count", "percent", "year") and q.value == q.value // 1
    ]


# Digits in groups of three after a space ("4 000", "123 456 000"), taken whole (possessive):
# a pattern ending in " 000" after the repeated group backtracked over every group at every
# group ("123 123 ... troops 000": quadratic time). _comma_thousands picks the part to join.
_DIGIT_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})++")
_DECIMAL_NEXT = re.compile(r"[\d,.]\d")


def _comma_thousands(match: re.Match[str]) -> str:
    """Join spaced thousands with commas, up to the last group that is " 000" and is not
    followed by a decimal part: what `\\d{1,3}(?: \\d{3})* 000(?![\\d,.]\\d)` matches."""
    run = match.group()
    end = len(run)
    while (cut := run.rfind(" 000", 0, end)) > 0:
        joined = cut + 4
        if joined < len(run) or not _DECIMAL_NEXT.match(match.string, match.start() + joined):
            return run[:joined].replace(" ", ",") + run[joined:]
        end = cut + 3  # the last group is followed by a decimal part: an earlier " 000"
    return run


def join_spaced_thousands(text: str) -> str:
    """Write thousands grouped by spaces ("4 000", "1 500 000") with commas, in linear time."""
    return _DIGIT_GROUPS.sub(_comma_thousands, text)


def qualifier(tokens: Tokens, i: int) -> str | None:
    """Find an approximation or comparison qualifier just before tokens[i]."""
    found = qualifier_span(tokens, i)
    return found[0] if found else None


def qualifier_span(tokens: Tokens, i: int) -> tuple[str, int] | None:
    """Return the qualifier before tokens[i] and how many tokens it takes."""
    if i == 0 or tokens.low[i - 1] not in QUALIFIER_ENDINGS:
        return None
    for words, name in QUALIFIERS_BY_LAST[tokens.low[i - 1]]:
        n = len(words)
        if i - n >= 0 and tuple(tokens.low[i - n : i]) == words:
            return name, n
    return None
