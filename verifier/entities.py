"""Who and what a text names: proper nouns, speakers, and the words around a claim."""

from __future__ import annotations

import re
from functools import lru_cache

from verifier.models import Claim
from verifier.number_words import MONTHS, WEEKDAYS
from verifier.text import (
    _MULTIWORD,
    NUMBER_WORDS,
    STOPWORDS,
    clean,
    content_stems,
    is_mostly_upper,
    words,
)

# Words that open a sentence without naming anything: a capital there is no proper noun.
_COMMON_OPENERS = frozenset(
    """some many most few several all both each every none roughly about around nearly almost
    approximately more fewer less over under only just reportedly according after before
    since during while although though because following despite however meanwhile now today
    yesterday last next officials troops there here""".split()
)
_TITLES = frozenset(
    """col lt gen brig maj capt sgt adm mr mrs ms dr sen rep gov president""".split()
)
_ROLE_WORDS = frozenset(
    """spokesman spokeswoman spokesperson official officials president minister secretary
    commander general chief director analyst reporter anonymous unnamed government army""".split()
)
_CAPITAL = re.compile(r"(?<![\w.'-])([A-Z][\w'-]*(?:\.[A-Z])*\.?)")


def find_entities(text: str) -> list[str]:
    """Return the lower-cased proper-noun words of a text (names, places, organisations)."""
    text = _MULTIWORD.sub("U.S.", clean(text))
    if is_mostly_upper(text) or text.islower():
        return []
    found = []
    for match in _CAPITAL.finditer(text):
        low_words = _name_words(match.group(1))
        if not low_words:
            continue
        low = low_words[0]
        at_start = match.start() == 0 or text[: match.start()].rstrip()[-1:] in ".!?\"'(:"
        if low in STOPWORDS or low in _TITLES or low in NUMBER_WORDS:
            continue
        if low.rstrip(".") in MONTHS or low in WEEKDAYS:
            continue
        if at_start and low in _COMMON_OPENERS:
            continue
        found.append(low)
    return found


def claim_context(claim: Claim, text_words: list[str] | None = None) -> frozenset[str]:
    """Return every word a claim's sentence and attribution contain, for entity checks."""
    found = set(words(claim.text) if text_words is None else text_words)
    if claim.quote != claim.text:
        found.update(words(claim.quote))
    for name in (claim.speaker, claim.speaker_role, *claim.attribution):
        if name:
            found.update(_name_words(name))
    found.update(_acronym(name) for name in claim.attribution if " " in name)
    return frozenset(found)


@lru_cache(maxsize=8192)
def _name_words(name: str) -> tuple[str, ...]:
    """Words of a name, a role or a capitalized word: few distinct ones, met again and again."""
    return tuple(words(name))


@lru_cache(maxsize=8192)
def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper()).lower()


def missing_entities(entities: tuple[str, ...], context: frozenset[str]) -> list[str]:
    """Return the proper nouns (of a statement) that a claim's context never mentions."""
    return [e for e in entities if e not in context and e.rstrip(".") not in context]


def speaker_matches(speaker: str, claim: Claim) -> bool:
    """Tell whether a statement's speaker is the claim's speaker or someone in its chain."""
    tokens = [w for w in words(speaker) if w not in STOPWORDS and w not in _TITLES]
    names = [w for w in tokens if w not in _ROLE_WORDS]
    if names:  # the family name decides: "Ryan Dillon" is not "Kevin Joseph Ryan"
        return names[-1] in claim_context(claim)
    attribution = set(
        content_stems(" ".join((claim.speaker or "", claim.speaker_role or "", *claim.attribution)))
    )
    return all(stem in attribution for stem in content_stems(" ".join(tokens)))
