"""Lexical relations from WordNet 3.0, compiled by scripts/build_lexicon.py into package data.

Opposites (antonyms, spread to derived adverbs, nouns and verbs) with the rank of the sense
they hold in, and the nouns whose commonest sense is a person or a group of people.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

# A pair holds when it is among the commonest senses of both words: "westerly"/"easterly",
# "acquit"/"convict"; not "clear"/"cloudy" (the weather is the eleventh sense of "clear").
COMMON_SENSES = 2


@lru_cache(maxsize=1)
def _table() -> dict[str, list[list[str | int]]]:
    text = resources.files("verifier.language").joinpath("data/lexicon.json").read_text()
    table: dict[str, list[list[str | int]]] = json.loads(text)
    return table


@lru_cache(maxsize=1)
def _opposites() -> dict[str, frozenset[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = {}
    for pos, word, other, rank, other_rank in _table()["antonyms"]:
        if int(rank) < COMMON_SENSES and int(other_rank) < COMMON_SENSES:
            found.setdefault(str(word), set()).add((str(other), str(pos)))
    return {word: frozenset(pairs) for word, pairs in found.items()}


@lru_cache(maxsize=1)
def _agents() -> frozenset[str]:
    return frozenset(str(w) for w in _table()["agents"])


def opposites(lemma: str, pos: str | None = None) -> frozenset[str]:
    """Return the words opposite to a lemma in its common senses (of one part of speech)."""
    return frozenset(o for o, p in _opposites().get(lemma.lower(), ()) if pos in (None, p))


def is_agent(lemma: str) -> bool:
    """Tell whether a noun names a person or a group of people, who can be said to speak."""
    return lemma.lower() in _agents()
