"""What a number counts: the noun after it, and the words naming the thing counted."""

from __future__ import annotations

from verifier.language.lexicon import is_own_word
from verifier.language.measures import CURRENCY_UNITS
from verifier.language.number_tokens import Tokens, looks_plural
from verifier.language.number_words import NO_UNIT_AFTER, UNIT_SKIP
from verifier.language.units import correct_unit, is_measure
from verifier.language.vocabulary import ALIASES, STOPWORDS

# What a count of troops is also called ("a 4,000-strong force", "3,000 personnel").
_UNIT_ALIASES = {"force": "troops", "forces": "troops", "personnel": "troops"}


def unit_at(tokens: Tokens, j: int) -> tuple[str | None, int]:
    """What the number ending before tokens[j] counts, the first plain noun within a few
    tokens after it, and where that word stands."""
    window = zip(tokens.raw[j : j + 4], tokens.low[j : j + 4], strict=True)
    for k, (raw, low) in enumerate(window, j):
        low = low.rstrip(".") if low.count(".") == 1 else low
        if low in UNIT_SKIP or (raw[:1].isupper() and low not in ALIASES):
            continue
        if not low.isalpha() or low in NO_UNIT_AFTER:
            return None, k
        if low == "service" and tokens.low[k + 1 : k + 2] in (["members"], ["member"]):
            return "troops", k
        return _UNIT_ALIASES.get(low) or ALIASES.get(low) or correct_unit(low) or low, k
    return None, j


# How many words after the unit may still name what is counted ("gold medals").
_PHRASE_WORDS = 3


def counted_phrase(tokens: Tokens, unit: str, k: int) -> str | None:
    """The plain words from the unit on that name what a number counts, when the unit only
    qualifies the last of them: "total gold medals" of "six total gold medals across four
    days", "mumps cases" of "15 mumps cases a year". It ends at a word that is no plain
    lower-case word (a name, a figure, a mark), a function word ("a", "were", "across"), or
    a participle after the count ("300 people killed"); a plural is the head and ends it
    ("Four countries sent troops"); a unit of measure is a unit alone."""
    if is_measure(unit) or unit in CURRENCY_UNITS:  # "two million dollar homes" count dollars
        return None
    if _heads(unit):
        return None
    named = [unit]
    for raw, low in zip(
        tokens.raw[k + 1 : k + 1 + _PHRASE_WORDS],
        tokens.low[k + 1 : k + 1 + _PHRASE_WORDS],
        strict=True,
    ):
        word = low.rstrip(",;:.")
        if (
            not raw[:1].islower()
            or not word.isalpha()
            or word in NO_UNIT_AFTER
            or word in STOPWORDS
            or word.endswith(("ed", "ing"))
            or tokens.low[k].endswith((",", ";", ":", "."))
        ):
            break
        named.append(word)
        k += 1
        if _heads(word):
            break
    return " ".join(named) if len(named) > 1 else None


def _heads(word: str) -> bool:
    """A plural noun heads what a number counts: nothing after it names more of it."""
    return looks_plural(word) and not (word.endswith("s") and is_own_word(word))


# The adjectives of size a unit of measure makes with a number: "a nine-meter-long section",
# "10-metre-high waves", "a 100-metre-wide crater" give a length in that unit.
_DIMENSIONS = frozenset("long high wide deep tall thick".split())


def dimension_unit(word: str) -> str | None:
    """The unit of a measure written as one adjective with its dimension ("meter-long",
    "mile-long"), or None ("year-old" counts nothing: no measure of size; "foot-high" neither,
    as WordNet's commonest "foot" is no unit)."""
    unit, _, dimension = word.rstrip(".").partition("-")
    if dimension not in _DIMENSIONS or not unit.isalpha():
        return None
    # the singular the compound takes ("metre-long"), where WordNet knows the plural a unit
    plural = unit + "s"
    return unit if is_measure(unit) else plural if is_measure(plural) else None


# The units of an age. "at the age of 66", "aged 66", "12 years of age" are a person's age,
# held against ages only, not against a span of years ("ruled for two decades"); "a
# 66-year-old", "45 years old" may be a thing's age too ("a 20-year-old law": passed 20
# years ago), held against either (comparison.compatible).
AGE = "years of age"
OLD = "years old"
_AGE_BEFORE = (("age", "of"), ("aged",), ("age",))


def age_unit(tokens: Tokens, i: int, unit: str | None, after: int) -> str | None:
    """The age unit of the count read at i (its unit, and where its reading ended), if any."""
    low = tokens.low
    if unit in ("year", "years"):  # "45 years old", "12 years of age"
        at = after + (after < len(low) and low[after].rstrip(".") == unit)
        rest = [w.rstrip(".,") for w in low[at : at + 2]]
        return OLD if rest[:1] == ["old"] else AGE if rest == ["of", "age"] else None
    if unit is not None:
        return None
    if low[i + 1 : i + 3] in (["-", "year-old"], ["-", "years-old"]):  # "66-year-old"
        return OLD
    return AGE if any(tuple(low[max(0, i - len(b)) : i]) == b for b in _AGE_BEFORE) else None
