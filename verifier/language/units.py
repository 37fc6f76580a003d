"""Units of measure: which words name one, and a figure in one unit written in another.

WordNet says which words are units (a noun whose commonest sense is a quantity or a period
of time: "millimetres", "mm", "hectares", "weeks"; not "points" or "hands"); pint knows
what each measures and converts between them, so "3.5 km" can be read against "2.2 miles"
and "seven days" against "a week". Money is left out: which currency a sum is in is the
story's business, and no rate converts one into another.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pint
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from verifier.language.lexicon import is_common_word, is_unit_word, unit_words
from verifier.language.measures import CURRENCY_UNITS, MEASURE_UNITS


@lru_cache(maxsize=1)
def _registry() -> pint.UnitRegistry[Any]:
    registry: pint.UnitRegistry[Any] = pint.UnitRegistry(cache_folder=None)
    registry.define("mpg = mile / gallon")  # the number reader writes "235 mpg"
    return registry


# Words news copy uses for another unit than pint's: a "ton" of cargo is a metric tonne more
# often than a short ton, and no story's figure is that precise.
_NEWS_UNITS = {"ton": "tonne", "tons": "tonnes"}


def same_unit(unit: str, other: str) -> bool:
    """Tell whether two words name one unit ("km", "kilometres")."""
    mine, theirs = _unit(unit), _unit(other)
    return mine is not None and mine == theirs


@lru_cache(maxsize=4096)
def _unit(word: str) -> pint.Unit | None:
    """The unit a word names, if it names one pint knows."""
    if word in CURRENCY_UNITS or not (word in MEASURE_UNITS or is_unit_word(word)):
        return None
    try:
        unit = _registry().parse_units(_NEWS_UNITS.get(word, word))
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, SyntaxError):
        return None  # a word WordNet knows as a unit and pint does not ("quire")
    return None if unit.dimensionless else unit


def is_measure(unit: str) -> bool:
    """Tell whether a unit is one of measure ("mm", "miles", "weeks"), not a thing counted."""
    return _unit(unit) is not None


def convertible(unit: str, other: str) -> bool:
    """Tell whether two units measure the same thing ("mm" and "inches")."""
    mine, theirs = _unit(unit), _unit(other)
    return mine is not None and theirs is not None and mine.dimensionality == theirs.dimensionality


def restates(unit: str, other: str) -> bool:
    """Tell whether a figure in `other` may give again one in `unit`: both measure one thing,
    and "pounds" after a weight is one ("100 kilograms (220 pounds)"), not money."""
    if other in ("pound", "pounds") and (mine := _unit(unit)) is not None:
        return bool(mine.dimensionality == _registry().parse_units("pound").dimensionality)
    return convertible(unit, other)


def convert(value: float, unit: str, into: str) -> float | None:
    """A figure in `unit` written in `into`, or None when the two measure different things."""
    if not convertible(unit, into):
        return None
    return float(_registry().Quantity(value, _unit(unit)).to(_unit(into)).magnitude)


# The shortest unit word (in the singular) a misspelling is read for: shorter words are a
# letter from too many others ("rebels" / "rubels", "bushes" / "bushels", "inches" / "inchs").
MISSPELT_LENGTH = 8


@lru_cache(maxsize=1024)
def correct_unit(word: str) -> str | None:
    """Return the unit of measure a word is a one-letter slip from ("milimeters" for
    "millimeters", "kilomters" for "kilometers"), when it is one unit only (in whichever
    spelling: "centimetrs"); None for a word WordNet lists, a short word, or a unit."""
    plural = word.endswith("s") and not word.endswith("ss")
    single = word[:-1] if plural else word
    if len(single) < MISSPELT_LENGTH or not single.isalpha() or is_unit_word(word):
        return None
    if is_common_word(single) or is_common_word(word):
        return None
    near = [
        str(unit)
        for unit, _, _ in process.extract(
            single, _long_units(), scorer=Levenshtein.distance, score_cutoff=1
        )
    ]
    if not near or len({_unit(unit) for unit in near}) != 1:  # "centimetre", "centimeter"
        return None
    return f"{near[0]}s" if plural else near[0]


@lru_cache(maxsize=1)
def _long_units() -> tuple[str, ...]:
    return tuple(
        sorted(w for w in unit_words() if len(w) >= MISSPELT_LENGTH and _unit(w) is not None)
    )
