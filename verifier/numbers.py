"""Quantity extraction and comparison: digits, words, k/million, percent, years, months."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from verifier.models import Quantity
from verifier.number_words import (
    DECADE_WORDS,
    FRACTIONS,
    IRREGULAR_PLURALS,
    MONTHS,
    NOT_UNITS,
    QUALIFIER_ENDINGS,
    QUALIFIERS_BY_LAST,
    SCALES,
    SMALL,
    SUFFIX_SCALES,
    UNIT_SKIP,
    WEEKDAYS,
    YEAR_CUES,
)
from verifier.text import ALIASES, clean, is_mostly_upper, stem

_NUMERIC = re.compile(r"\$?\d+(?:,\d{3})*(?:\.\d+)?(?:[eE][+-]?\d+)?(?:k|K|m|bn|mn|tn|b)?%?")
_DIGITS = re.compile(r"([\d.eE+-]+?)(k|K|m|bn|mn|tn|b)?")
_ORDINAL = re.compile(r"\d+(st|nd|rd|th)")
_POWER = re.compile(r"(\d+)(?:\^|\*\*)(\d+)")
_DECADE = re.compile(r"'?(\d{2}|\d{4})0?s")
_YEAR = re.compile(r"(1[6-9]|20)\d\d")
_CODE = re.compile(r"\d+[A-Za-z_]\w*")
# Words first: most tokens are words, and no other branch can match where a letter starts.
_TOKEN = re.compile(
    r"[A-Za-z][A-Za-z0-9]*(?:[.'][A-Za-z]+)*\.?(?:-[A-Za-z]+)*"
    r"|\d+(?:\^|\*\*)\d+|\d+(?:[sS][tT]|[nN][dD]|[rR][dD]|[tT][hH])\b|'?\d*0[sS]\b|\$?\d+(?:,\d{3})*(?:\.\d+)?(?:[eE][+-]?\d+)?(?:k|K|m|bn|mn|tn|b)?(?![\w])%?"
    r"|\d+[A-Za-z_]\w*|%|~|\S"
)


@dataclass(slots=True)
class _Token:
    text: str
    low: str


def tokenize(text: str) -> list[_Token]:
    """Split cleaned text into tokens (raw and lower-cased)."""
    return [_Token(raw, raw.lower()) for raw in _TOKEN.findall(text)]


def parse_number(raw: str) -> float | None:
    """Parse a digit form such as '4,000', '4k', '1.5m' or '$90'; None if it is not finite."""
    body = raw.lstrip("$").rstrip("%").replace(",", "")
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


def _parse_words(tokens: list[_Token], i: int) -> tuple[float, int] | None:
    """Parse number words from tokens[i]: 'four thousand', 'one hundred and seventy'."""
    total, current, j, seen = 0.0, 0.0, i, False
    while j < len(tokens):
        parts = tokens[j].low.split("-")
        if all(p in SMALL for p in parts):
            current += sum(SMALL[p] for p in parts)
        elif tokens[j].low == "hundred" and seen:
            current = max(current, 1) * 100
        elif tokens[j].low in SCALES and seen:
            total += max(current, 1) * SCALES[tokens[j].low]
            current = 0
        elif (
            tokens[j].low == "and"
            and seen
            and j + 1 < len(tokens)
            and (tokens[j + 1].low.split("-")[0] in SMALL)
        ):
            pass
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    return total + current, j


def _qualifier(tokens: list[_Token], i: int) -> str | None:
    """Find an approximation or comparison qualifier just before tokens[i]."""
    found = _qualifier_span(tokens, i)
    return found[0] if found else None


def _qualifier_span(tokens: list[_Token], i: int) -> tuple[str, int] | None:
    """Return the qualifier before tokens[i] and how many tokens it takes."""
    if i == 0 or tokens[i - 1].low not in QUALIFIER_ENDINGS:
        return None
    for words, name in QUALIFIERS_BY_LAST[tokens[i - 1].low]:
        n = len(words)
        if i - n >= 0 and tuple(t.low for t in tokens[i - n : i]) == words:
            return name, n
    return None


def _unit(tokens: list[_Token], j: int) -> str | None:
    """Find what a number counts: the first plain noun within a few tokens after it."""
    for token in tokens[j : j + 4]:
        low = token.low.rstrip(".") if token.low.count(".") == 1 else token.low
        if low in UNIT_SKIP or (token.text[:1].isupper() and low not in ALIASES):
            continue
        if not low.isalpha() or low in NOT_UNITS:
            return None
        return ALIASES.get(low, low)
    return None


def _is_capitalized(token: _Token, all_caps: bool) -> bool:
    return all_caps or token.text[:1].isupper()


def extract_quantities(text: str) -> tuple[Quantity, ...]:
    """Return every quantity, year, month and weekday a text states."""
    text = clean(text)
    tokens = tokenize(text)
    starts = [i for i, token in enumerate(tokens) if _may_start(token)]
    if not starts:
        return ()
    # Case only matters to tell months and weekdays from words ("may", "march", "sun").
    calendar = any(tokens[i].low.rstrip(".") in _CALENDAR for i in starts)
    all_caps = calendar and is_mostly_upper(text)
    found: list[Quantity] = []
    after = 0
    for i in starts:
        if i < after:  # inside the quantity just read ("four thousand")
            continue
        quantity, after = _read_quantity(tokens, i, all_caps)
        if quantity is not None:
            found.append(quantity)
    return tuple(found)


def _may_start(token: _Token) -> bool:
    """Tell cheaply whether a quantity could begin at a token (most words cannot)."""
    if token.text[0] in "$'0123456789":
        return True
    low = token.low.rstrip(".")
    if low in _WORD_STARTS:
        return True
    if "-" not in low:
        return False
    parts = low.split("-")
    return parts[-1] in FRACTIONS or all(p in SMALL for p in parts)


def _read_quantity(tokens: list[_Token], i: int, all_caps: bool) -> tuple[Quantity | None, int]:
    token = tokens[i]
    low = token.low.rstrip(".")
    if low in MONTHS and _is_capitalized(token, all_caps) and _is_month(tokens, i, low):
        return Quantity(MONTHS[low], "month", raw=token.text.rstrip(".")), i + 1
    if _ORDINAL.fullmatch(token.low):
        return None, i + 1  # an ordinal ("1st Lt.", "September 11th") counts nothing
    if power := _POWER.fullmatch(token.text):
        base, exponent = int(power.group(1)), int(power.group(2))
        if exponent > 15 or len(power.group(1)) > 15 or base**exponent >= 1e15:
            return Quantity(math.inf, "unreadable", raw=token.text[:40]), i + 1
        return _finish(tokens, i, i + 1, float(base**exponent)), i + 1
    if (decade := _decade(tokens, i)) is not None:
        return decade, i + 1
    if _CODE.fullmatch(token.text) and not _NUMERIC.fullmatch(token.text):
        return None, i + 1  # a code or name with digits ("5G", "COVID19", "10am")
    if low in WEEKDAYS and _is_capitalized(token, all_caps):
        return Quantity(WEEKDAYS[low], "weekday", raw=token.text.rstrip(".")), i + 1
    if token.text[0] in "$0123456789":
        value, j = parse_number(token.text), i + 1
    elif low in FRACTIONS or ("-" in low and low.split("-")[-1] in FRACTIONS):
        return _read_fraction(tokens, i)
    else:
        parsed = _parse_words(tokens, i)
        if parsed is None:
            return None, i + 1
        value, j = parsed
    if value is None:  # digits we cannot read as a finite number: flag, never guess
        return Quantity(math.inf, "unreadable", raw=token.text[:40]), j
    return _finish(tokens, i, j, value), j


_CALENDAR = frozenset([*MONTHS, *WEEKDAYS])
_WORD_STARTS = _CALENDAR | frozenset([*DECADE_WORDS, *FRACTIONS, *SMALL])


def _decade(tokens: list[_Token], i: int) -> Quantity | None:
    """Read '1990s', "'90s", '90s' and 'the nineties' as a span of ten years."""
    low = tokens[i].low
    match = _DECADE.fullmatch(low)
    if match and low.endswith("0s"):
        digits = low.strip("'")[:-1]
        start = int(digits) if len(digits) == 4 else 1900 + int(digits)
        return Quantity(float(start), "year", None, "decade", tokens[i].text)
    previous = tokens[i - 1].low if i > 0 else ""
    if low in DECADE_WORDS and previous == "the":
        return Quantity(float(DECADE_WORDS[low]), "year", None, "decade", f"the {low}")
    return None


def _finish(tokens: list[_Token], i: int, j: int, value: float) -> Quantity | None:
    """Turn a parsed number at tokens[i:j] into a quantity, reading its scale and unit."""
    raw_start = tokens[i]
    while j < len(tokens) and tokens[j].low in SCALES:
        value *= SCALES[tokens[j].low]
        j += 1
    if j < len(tokens) and tokens[j].low == "dozen":
        value, j = value * 12, j + 1
    span = _qualifier_span(tokens, i)
    qualifier = span[0] if span else None
    first = i - span[1] if span else i
    raw = " ".join([t.low for t in tokens[first:i]] + [t.text for t in tokens[i:j]])
    if raw_start.text.endswith("%"):
        return Quantity(value, "percent", "percent", qualifier, raw)
    if j < len(tokens) and tokens[j].low in ("percent", "%", "pct", "pct."):
        return Quantity(value, "percent", "percent", qualifier, raw + " percent")
    if j + 1 < len(tokens) and (tokens[j].low, tokens[j + 1].low) == ("per", "cent"):
        return Quantity(value, "percent", "percent", qualifier, raw + " percent")
    if _is_year(tokens, i, j, value):
        return Quantity(value, "year", None, None, raw)
    following = tokens[j].low.rstrip(".") if j < len(tokens) else ""
    beside_month = (i > 0 and tokens[i - 1].low.rstrip(".") in MONTHS) or following in MONTHS
    if beside_month and 1 <= value <= 31 and j == i + 1:
        return Quantity(value, "day", None, None, raw)
    unit = "dollar" if raw_start.text.startswith("$") else _unit(tokens, j)
    follows_of = j < len(tokens) and tokens[j].low == "of"
    if value == 1 and raw_start.text[0].isalpha() and (unit is None or follows_of):
        return None  # "one of", "one day": too loose to count as a number
    return Quantity(value, "count", unit, qualifier, raw)


def _read_fraction(tokens: list[_Token], i: int) -> tuple[Quantity | None, int]:
    """Read 'half', 'a third', 'two-thirds', 'three quarters' as percentages."""
    low = tokens[i].low.rstrip(".")
    parts = low.split("-")
    numerator = float(SMALL.get(parts[0], 1)) if len(parts) == 2 else 1.0
    if len(parts) == 1 and i > 0 and tokens[i - 1].low.split("-")[0] in SMALL:
        numerator = float(SMALL[tokens[i - 1].low.split("-")[0]])
    following = tokens[i + 1].low if i + 1 < len(tokens) else ""
    if (
        following != "of"
        and _qualifier(tokens, i - 1 if i and tokens[i - 1].low in ("a", "one") else i) is None
    ):
        return None, i + 1
    start = i - 1 if i > 0 and tokens[i - 1].low in ("a", "one") else i
    span = _qualifier_span(tokens, start)
    first = start - span[1] if span else start
    value = round(numerator * FRACTIONS[parts[-1]], 1)
    raw = " ".join(t.low for t in tokens[first : i + 1])
    return Quantity(value, "percent", "percent", span[0] if span else None, raw), i + 1


def _is_month(tokens: list[_Token], i: int, low: str) -> bool:
    """Tell a month from a homograph ('may', 'march') by its neighbours."""
    if low not in ("may", "march", "mar"):
        return True
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    prev = tokens[i - 1].low if i > 0 else ""
    return nxt[:1].isdigit() or prev in ("in", "since", "of", "until", "by", "last", "next")


def _is_year(tokens: list[_Token], i: int, j: int, value: float) -> bool:
    text = tokens[i].text
    if j != i + 1 or not _YEAR.fullmatch(text):
        return False
    prev = tokens[i - 1].low.rstrip(".") if i > 0 else ""
    if prev in YEAR_CUES or prev in MONTHS or prev == ",":
        return True
    nxt = tokens[j].low if j < len(tokens) else ""
    if not nxt.isalpha() or nxt in NOT_UNITS:
        return True  # "in 2011.", "2011 and 2012"
    if prev in _ADJECTIVE_CUES or prev.endswith("'s"):
        # "a 2016 American film", "Hush (2016 film)", "Bush's 2003 tax cuts" are years;
        # "a 2016 votes" is not English, "2000 people" (no cue) stays a count.
        return tokens[j].text[:1].isupper() or not _looks_plural(nxt)
    return False


# Words after which a bare four-digit number is a year used as an adjective.
_ADJECTIVE_CUES = frozenset("a an ( his her their its our my your this that".split())


def _looks_plural(word: str) -> bool:
    """Tell whether a word reads as a plural noun, what a count is usually followed by."""
    if word in IRREGULAR_PLURALS:
        return True
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def compatible(statement: Quantity, claim: Quantity) -> bool:
    """Tell whether two quantities speak of the same thing (kind and unit)."""
    if statement.kind != claim.kind:
        return False
    if statement.kind != "count":
        return True
    if statement.unit is None or claim.unit is None:
        return True
    return stem(statement.unit) == stem(claim.unit)


def agree(statement: Quantity, claim: Quantity, tolerance: float) -> bool:
    """Tell whether two compatible quantities can both be true."""
    if "decade" in (statement.qualifier, claim.qualifier):
        s_end = statement.value + (9 if statement.qualifier == "decade" else 0)
        c_end = claim.value + (9 if claim.qualifier == "decade" else 0)
        return statement.value <= c_end and claim.value <= s_end
    if statement.kind in ("year", "month", "weekday", "day"):
        return statement.value == claim.value
    s_lo, s_hi = statement.interval(tolerance)
    c_lo, c_hi = claim.interval(tolerance)
    if claim.qualifier is None and statement.qualifier is None:
        return math.isclose(statement.value, claim.value, rel_tol=1e-6)
    return s_lo <= c_hi and c_lo <= s_hi
