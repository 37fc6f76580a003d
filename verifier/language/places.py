"""Which countries a text names, so a statement that moves a fact to another one is caught.

"Glynn pledged support for Afghanistan's forces" shares every other word with "Glynn pledged
support for Iraq's forces", and the article names Afghanistan elsewhere, so neither the
topic score nor the entity check tells them apart. Country names come from pycountry (ISO
3166), read once; a people counts for its country ("Iraqi" for Iraq).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import pycountry

from verifier.language.entities import CAPITALS, DEMONYM_ENDINGS, find_entities
from verifier.language.lexicon import place_forms
from verifier.language.vocabulary import SAME_MEANING

# Names our text layer writes its own way ("U.S.", "Britain"), or that ISO writes formally.
_SHORT_NAMES = {"u.s.": "US", "britain": "GB", "russia": "RU", "vietnam": "VN", "turkey": "TR"}
# The country most copy is written from: "U.S." names the actor or a modifier ("U.S. Marine
# Corps Brig. Gen. Glynn", "Washington's second intervention in Iraq" against "the U.S.
# intervened again"), far more often than where a fact took place, so it moves nothing.
_ACTORS = frozenset({"US"})
# Country names that are as often a person's name or a common word, when capitalized.
_AMBIGUOUS = frozenset({"jordan", "chad", "georgia", "jersey", "man", "guernsey"})


@lru_cache(maxsize=1)
def _country_names() -> dict[tuple[str, ...], str]:
    """Map each country's name, as a tuple of lower-case words, to its ISO code."""
    names: dict[tuple[str, ...], str] = {}
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", None)):
            if name:
                key = tuple(name.split(",")[0].lower().split())  # "Iran, Islamic Republic of"
                if key and not (len(key) == 1 and key[0] in _AMBIGUOUS):
                    names.setdefault(key, country.alpha_2)
    names.update({(name,): code for name, code in _SHORT_NAMES.items()})
    return names


@lru_cache(maxsize=4096)
def countries(text: str) -> frozenset[str]:
    """Return the ISO codes of the countries a text names, by name or by its people.

    Cached: a verdict asks it of each close claim's text, the closest one twice when the
    statement ends unverified, and the same claims come back for statement after statement.
    """
    return countries_among(find_entities(text))


# A capitalized word not before another: "the German team", "Dutch officials"; not "French
# President Emmanuel Macron", "Greek Cypriot".
_ADJECTIVE = re.compile(r"\b([A-Z][a-z]{2,30})\b(?!-)(?!\s+[A-Z])")


@lru_cache(maxsize=4096)
def nationalities(text: str) -> frozenset[str]:
    """The countries a text names only by the adjectives WordNet ties to them ("the German
    team", "a Thai court", "French business leaders"), which the people's endings miss. Most
    often who acts, not where ("The French foreign ministry called for restraint" of a West
    Bank story): such a country matches a statement that names it, and is never a place the
    statement moved a fact away from."""
    names = _country_names()
    return frozenset(
        code
        for m in _ADJECTIVE.finditer(text)
        for place in place_forms(m.group(1))
        if (code := names.get((place,)))
    )


@lru_cache(maxsize=4096)
def _countries_of(entities: tuple[str, ...]) -> frozenset[str]:
    names = _country_names()
    found = set()
    for i, word in enumerate(entities):
        for size in (3, 2):
            code = names.get(entities[i : i + size])
            if code:
                found.add(code)
        code = names.get((word,)) or _by_people(word, names)
        if code:
            found.add(code)
    return frozenset(found)


def countries_among(entities: Iterable[str]) -> frozenset[str]:
    """Return the countries named among proper-noun words (find_entities' output)."""
    return _countries_of(tuple(entities))


def _by_people(word: str, names: dict[tuple[str, ...], str]) -> str | None:
    """Read "Iraqi" as Iraq, "Syrian" as Syria, "Iranian" as Iran."""
    for ending in DEMONYM_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            code = names.get((word[: -len(ending)],))
            if code:
                return code
    return None


def moved(
    said: frozenset[str], source: frozenset[str], by_adjective: frozenset[str] = frozenset()
) -> tuple[list[str], list[str]] | None:
    """Return (the statement's countries, the claim's) when the statement moves the claim
    to another country: each names one the other does not. None when they agree. The
    claim's countries named `by_adjective` only (its `nationalities`) match the statement's
    but are no place of the claim's."""
    only_said, only_source = said - source - by_adjective - _ACTORS, source - said - _ACTORS
    if not only_said or not only_source:
        return None
    return [name_of(c) for c in sorted(only_said)], [name_of(c) for c in sorted(only_source)]


def name_of(code: str) -> str:
    """A country's short name, for an explanation."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name.split(",")[0])


_INFLECTIONS = ("s", "es", "ed", "d", "ing")
_CAPITAL_OF = frozenset(CAPITALS.values())  # the countries news copy names by capital
# Each word of a SAME_MEANING group, with the others of its group.
_PARTNERS = {word: set(group.split()) for group in SAME_MEANING for word in group.split()}


def says_common_word(word: str, context: frozenset[str]) -> bool:
    """Tell whether words hold a capitalized opening word as the common word it may be:
    itself, a plain inflection ("reductions"), or a word newsrooms swap for it ("reduction"
    for "drawdown"). Never a country or a capital ("Turkey" is not "turkeys"), nor a word
    that only shares a shortened stem ("Providence" is not "provide")."""
    if word in CAPITALS or word in _CAPITAL_OF or countries_among([word]):
        return False
    forms = {word, *(word + end for end in _INFLECTIONS), *_PARTNERS.get(word, ())}
    forms |= {word[: -len(end)] for end in _INFLECTIONS if word.endswith(end)}
    return not forms.isdisjoint(context)
