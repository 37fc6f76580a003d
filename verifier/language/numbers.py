"""Quantity extraction: digits, words, k/million, percent, shares, years, months, weekdays."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from verifier.language.clock import find_clocks
from verifier.language.counted import age_unit, counted_phrase, dimension_unit, unit_at
from verifier.language.dates import (
    MONTH_NAMES,
    decade,
    is_month,
    is_year,
    ordinal_day,
    short_year,
    slash_date,
)
from verifier.language.marks import join_designations, separate_glued_units
from verifier.language.measures import normalize_measures
from verifier.language.number_tokens import (
    Tokens,
    join_spaced_thousands,
    name_label,
    names_a_thing,
    parse_number,
    parse_words,
    qualifier_span,
    tokenize,
)
from verifier.language.number_words import (
    DECADE_WORDS,
    FRACTIONS,
    MONTHS,
    ORDINALS,
    PERCENT_WORDS,
    SCALES,
    SMALL,
    WEEKDAYS,
)
from verifier.language.ranks import digit_rank, top_ranks, word_compound, word_rank
from verifier.language.scores import read_scores, score_counts
from verifier.language.shares import read_fraction, read_proportion
from verifier.language.text import clean, is_mostly_upper
from verifier.language.units import restates
from verifier.models import Quantity

_NUMERIC = re.compile(r"\$?\d+(?:,\d{3})*(?:\.\d+)?(?:[eE][+-]?\d+)?(?:k|K|m|bn|mn|tn|b)?%?")
_ORDINAL = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(st|nd|rd|th)")
_POWER = re.compile(r"(\d+)(?:\^|\*\*)(\d+)")
_CODE = re.compile(r"\d+[A-Za-z_]\w*")
_STOP_THOUSANDS = re.compile(r"\$?\d{1,3}\.000")  # thousands grouped by a stop: "4.000"


# Spans counted in years under another name.
_IN_YEARS = {"decade": 10, "decades": 10, "century": 100, "centuries": 100}


def _is_capitalized(raw: str, all_caps: bool) -> bool:
    return all_caps or raw[:1].isupper()


def extract_quantities(text: str, source: bool = False) -> tuple[Quantity, ...]:
    """Return every quantity, year, month and weekday a text states (a `source`, a claim,
    also counts what it calls "both")."""
    clocks, text = find_clocks(clean(text))
    text = normalize_measures(text, both=source)
    text = separate_glued_units(text)
    text = join_designations(text)
    # one score either way round ("Canada won 57-50" is "Australia lost 50-57"); a margin
    tallies, margins, text = read_scores(text)
    # a tally's numbers are counts too ("223-202" / "233 to 202"), of what a score counts
    counted = score_counts(_counted(text), tallies)
    return counted + tallies + margins + tuple(clocks)


def _counted(text: str) -> tuple[Quantity, ...]:
    """The quantities of a text whose money and measures are read and tallies taken out."""
    if " 000" in text:  # thousands grouped by (non-breaking) spaces: "4 000", "1 500 000"
        text = join_spaced_thousands(text)
    tokens = tokenize(text)
    starts = [  # lower() leaves "$", "'" and digits as they are
        i
        for i, low in enumerate(tokens.low)
        if low[0] in "$'0123456789"
        or low in _WORD_STARTS
        or ("-" in low and _may_start(low))
        or _weekday(low) in WEEKDAYS
    ]
    if not starts:
        return ()
    # Case only matters to tell months and weekdays from words ("may", "march", "sun").
    calendar = any(tokens.low[i].rstrip(".").removesuffix("'s") in _CALENDAR for i in starts)
    all_caps = calendar and is_mostly_upper(text)
    found: list[Quantity] = []
    after = 0
    last = -9  # where the last quantity read began
    for i in starts:
        if i < after:  # inside the quantity just read ("four thousand")
            continue
        if (date := slash_date(tokens, i)) is not None:
            found.extend(date[0])
            after = date[1]
            continue
        quantity, after = _read_quantity(tokens, i, all_caps)
        if quantity is not None and quantity.kind == "count":
            if names_a_thing(tokens, i, quantity):
                continue
            if (label := name_label(tokens, i, quantity)) is not None:
                found.append(label)
                continue
            quantity, after = read_proportion(tokens, quantity, after)
            if quantity.kind == "count" and (age := age_unit(tokens, i, quantity.unit, after)):
                quantity = replace(quantity, unit=age)
        if quantity is not None:
            if found and last == i - 3 and tokens.raw[i - 1] == "(":
                quantity = restated(found[-1], quantity)
            found.append(quantity)
            last = i
    return tuple(found)


def restated(first: Quantity, again: Quantity) -> Quantity:
    """A figure given again in another unit, in brackets after the first, is bounded as the
    first is: "over 100 kilograms (220 pounds)" says more than 220 pounds too."""
    if again.qualifier or not first.qualifier or not (first.unit and again.unit):
        return again
    if not restates(first.unit, again.unit):
        return again
    words = first.raw.split()
    bound = " ".join(words[: -len(again.raw.split()) or None]) if len(words) > 1 else ""
    return replace(again, qualifier=first.qualifier, raw=f"{bound} {again.raw}".strip())


def _may_start(low: str) -> bool:
    """Tell whether a quantity could begin at a hyphenated word ("two-thirds", "forty-five")."""
    parts = low.rstrip(".").split("-")
    return parts[-1] in FRACTIONS or all(p in SMALL for p in parts) or parts[0] in SMALL


def _read_quantity(tokens: Tokens, i: int, all_caps: bool) -> tuple[Quantity | None, int]:
    text, low = tokens.raw[i], tokens.low[i].rstrip(".")
    if low in MONTHS and _is_capitalized(text, all_caps) and is_month(tokens, i, low, all_caps):
        return Quantity(MONTHS[low], "month", raw=text.rstrip(".")), i + 1
    digits = text[0].isdecimal()  # what the patterns below start with (a regex's \d)
    if digits and _ORDINAL.fullmatch(tokens.low[i]):
        # beside a month an ordinal is the day; else a rank ("tied for 14th"), unless it
        # begins a name ("1st Lt.", "82nd Airborne")
        return ordinal_day(tokens, i) or digit_rank(tokens, i), i + 1
    if digits and (power := _POWER.fullmatch(text)):
        base, exponent = int(power.group(1)), int(power.group(2))
        if exponent > 15 or len(power.group(1)) > 15 or base**exponent >= 1e15:
            return Quantity(math.inf, "unreadable", raw=text[:40]), i + 1
        return _finish(tokens, i, i + 1, float(base**exponent)), i + 1
    may_be_decade = digits or text[0] == "'" or tokens.low[i] in DECADE_WORDS
    if may_be_decade and (found := decade(tokens, i)) is not None:
        return found, i + 1
    if digits and _CODE.fullmatch(text) and not _NUMERIC.fullmatch(text):
        return None, i + 1  # a code or name with digits ("5G", "COVID19", "10am")
    if text[0] == "'" and text[1:].isdecimal():  # "in '03", or a quotation opens: "'50 people"
        found = short_year(tokens, i)
        return found or _finish(tokens, i, i + 1, float(text[1:])), i + 1
    day = _weekday(low)  # "Wednesday's expected heat"
    if day in WEEKDAYS and _is_capitalized(text, all_caps):
        return Quantity(WEEKDAYS[day], "weekday", raw=text.rstrip(".")[: len(day)]), i + 1
    if text[0] in "$0123456789":
        value, j = parse_number(text), i + 1
    elif low in FRACTIONS or (
        "-" in low and low.split("-")[-1] in FRACTIONS and not low.endswith("-and-a-half")
    ):
        fraction = read_fraction(tokens, i)
        if fraction[0] is None and low in ORDINALS:  # "the third time", not "a third of"
            return word_rank(tokens, i, all_caps), i + 1
        return fraction
    elif low in ORDINALS:
        return word_rank(tokens, i, all_caps), i + 1
    elif (compound := word_compound(low, text)) is not None:
        return compound, i + 1
    else:
        parsed = parse_words(tokens, i)
        if parsed is None:
            return None, i + 1
        value, j = parsed
        if j < len(tokens.low) and tokens.low[j].rstrip(".") in FRACTIONS:
            return None, j  # "two thirds": the fraction read next takes it as its numerator
    if value is None:  # digits we cannot read as a finite number: flag, never guess
        return Quantity(math.inf, "unreadable", raw=text[:40]), j
    return _finish(tokens, i, j, value), j


_CALENDAR = frozenset([*MONTHS, *WEEKDAYS])
_POSSESSIVES = ("'s", "\u2019s")


def _weekday(low: str) -> str:
    """A lower-cased word without the possessive a weekday may carry ("wednesday's")."""
    return low[:-2] if low.endswith(_POSSESSIVES) else low


# Words a quantity may begin with, also as written at the end of a sentence ("in May.").
_WORD_STARTS = frozenset(
    word + end
    for word in (*_CALENDAR, *DECADE_WORDS, *FRACTIONS, *SMALL, *ORDINALS)
    for end in ("", ".")
)


# A whole number with a bare "m" and nothing counted after it: metres, not millions ("the
# 100m final", "Bolt won the 200m"); "100m people", "$100m", "1.5m" stay millions.
_BARE_M = re.compile(r"\d{1,5}m")


def _metres(tokens: Tokens, i: int, j: int) -> bool:
    if j != i + 1 or not _BARE_M.fullmatch(tokens.raw[i].removesuffix(".")):
        return False
    following = tokens.low[j] if j < len(tokens.low) and not tokens.raw[i].endswith(".") else ""
    plural = following.endswith("s") or following in _IRREGULAR_PLURALS
    return not (plural and following.isalpha())


_IRREGULAR_PLURALS = frozenset("people children men women feet teeth mice geese".split())


def _finish(tokens: Tokens, i: int, j: int, value: float) -> Quantity | None:
    """Turn a parsed number at tokens[i:j] into a quantity, reading its scale and unit."""
    first_raw = tokens.raw[i]
    ended = tokens.low[j - 1].endswith(".")  # its last word closed the sentence: "forty."
    while not ended and j < len(tokens.low) and tokens.low[j].removesuffix(".") in SCALES:
        value *= SCALES[tokens.low[j].removesuffix(".")]
        j += 1
        ended = tokens.low[j - 1].endswith(".")  # "$2 billion."
    if not ended and j < len(tokens.low) and tokens.low[j].removesuffix(".") == "dozen":
        value, j = value * 12, j + 1
        ended = tokens.low[j - 1].endswith(".")
    span = qualifier_span(tokens, i)
    qualifier = span[0] if span else None
    first = i - span[1] if span else i
    raw = " ".join(tokens.low[first:i] + tokens.raw[i:j]).removesuffix(".")
    if _metres(tokens, i, j):  # "the 100m final", "a 400m runner" (not "100m people")
        return Quantity(value / 1e6, "count", "metres", qualifier, raw)
    if first_raw.endswith("%"):
        return Quantity(value, "percent", "percent", qualifier, raw)
    # Once the sentence has ended ("the only one."), nothing after it says what it counts.
    k = j + 1 if j < len(tokens.low) and tokens.low[j] == "-" else j  # "a 60-percent cut"
    said = [] if ended else [word.removesuffix(".") for word in tokens.low[k : k + 2]]
    if (said and said[0] in PERCENT_WORDS) or said == ["per", "cent"]:  # "60 percent."
        return Quantity(value, "percent", "percent", qualifier, raw + " percent")
    if is_year(tokens, i, j, value):
        return Quantity(value, "year", None, None, raw)
    following = tokens.low[j].rstrip(".") if j < len(tokens.low) else ""
    previous = tokens.low[i - 1].rstrip(".") if i > 0 else ""
    month = MONTHS.get(previous) or MONTHS.get(following)
    if month and not ended and 1 <= value <= 31 and j == i + 1:
        return Quantity(value, "day", MONTH_NAMES[month], None, raw)
    unit, at = (
        ("dollar", j)
        if first_raw.startswith("$")
        else (None, j)
        if ended
        else _sized(tokens, j) or unit_at(tokens, j)
    )
    if unit in _IN_YEARS:  # "five decades" is "50 years"
        value = value * _IN_YEARS[unit]
        raw, unit = f"{raw} {unit} ({value:g} years)", "years"
    if unit and value < 1000 and _STOP_THOUSANDS.fullmatch(first_raw):
        value *= 1000  # "4.000 troops": a count of things is no decimal ("batting 1.000" is)
    if previous == "top" and top_ranks(tokens, i, first_raw, unit):  # "the top five"
        return Quantity(value, "ordinal", None, "at_most", f"top {raw}")
    follows_of = j < len(tokens.low) and tokens.low[j] == "of"
    written = tokens.low[at].rstrip(",;:.") if at < len(tokens.low) else None
    # "1,000 of the departing troops" are some of them, not their number: no phrase
    phrase = None
    if unit is not None and unit == written and not follows_of:
        phrase = counted_phrase(tokens, unit, at)
    quantity = Quantity(value, "count", unit, qualifier, raw, phrase)
    if value == 1 and first_raw[0].isalpha() and (unit is None or follows_of):
        # "one of", "one day": too loose to count as a number, unless a share ("one in five")
        return None if read_proportion(tokens, quantity, j)[0] is quantity else quantity
    return quantity


def _sized(tokens: Tokens, j: int) -> tuple[str, int] | None:
    """The unit of a figure joined by a hyphen to a measure of size: "a 9-metre-long
    section", "10-metre-high waves"."""
    if tokens.low[j : j + 1] != ["-"] or j + 1 >= len(tokens.low):
        return None
    unit = dimension_unit(tokens.low[j + 1])
    return (unit, j + 1) if unit is not None else None
