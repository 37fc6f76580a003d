"""Lexical relations from WordNet 3.0, compiled by scripts/build_lexicon.py into package data.

Opposites (antonyms, spread to derived adverbs, nouns and verbs) with the rank of the sense
they hold in, and compounds of the compass points ("southeast" / "northwest"); the nouns
one of whose two commonest senses is a person or a group; the words WordNet writes in lower
case only (never a name); adjectives of places; British and American spellings of a word; the
words that name a unit of measure.
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


def spellings() -> list[tuple[str, str]]:
    """Pairs of British and American spellings of one word ("defence", "defense")."""
    return [(str(a), str(b)) for a, b in _table()["spellings"]]


@lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    return frozenset(str(w) for w in _table()["units"])


def unit_words() -> frozenset[str]:
    """The nouns whose commonest sense is a unit of measure or a period of time."""
    return _units()


def is_unit_word(word: str) -> bool:
    """Tell whether a word's commonest sense is a unit of measure or a period of time
    ("millimeters", "mm", "hectares", "weeks"; not "points", "hands")."""
    units = _units()
    return word in units or (word.endswith("s") and word[:-1] in units)


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    return frozenset(str(w) for w in _table()["common"])


def is_own_word(word: str) -> bool:
    """Tell whether WordNet lists a lower-case word as it stands, not only a form of another
    ("mumps", "news"; "cases" is a form of "case")."""
    common = _common()
    return word in common and not any(f != word and f in common for f in base_forms(word))


@lru_cache(maxsize=8192)
def is_common_word(word: str) -> bool:
    """Tell whether WordNet knows a word in lower case only, never as a name: "Fighting",
    "Legalising", "Schoolchildren" (a compound of two such words) open a sentence naming
    nothing; "Providence", "Turkey" may name a place, "Borovik" is unknown."""
    common = _common()
    low = word.lower()
    if len(low) > MAX_WORD:
        return False
    if any(form in common for form in base_forms(low)):
        return True
    return any(
        low[:k] in common and any(form in common for form in base_forms(low[k:]))
        for k in range(3, len(low) - 2)
    )


@lru_cache(maxsize=1)
def _agents() -> frozenset[str]:
    return frozenset(str(w) for w in _table()["agents"])


@lru_cache(maxsize=1)
def _exceptions() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for form, base in _table()["exceptions"]:
        found.setdefault(str(form), set()).add(str(base))
    return {form: frozenset(bases) for form, bases in found.items()}


# WordNet's morphy: the endings each part of speech inflects with, and what they stand for.
_DETACHMENTS = (
    ("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
    ("men", "man"), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
    ("ing", "e"), ("ing", ""), ("er", ""), ("est", ""), ("er", "e"), ("est", "e"),
)  # fmt: skip


@lru_cache(maxsize=65536)
def base_forms(word: str) -> frozenset[str]:
    """Return the word and the base forms it may inflect ('acquitted' -> 'acquit'), each
    in its other spelling too ('decentralising' -> 'decentralise', 'decentralize')."""
    word = word.lower()
    forms = {word, *_exceptions().get(word, ())}
    for ending, base in _DETACHMENTS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.add(word[: -len(ending)] + base)
    other = _other_spelling()
    return frozenset(forms | {other[form] for form in forms if form in other})


@lru_cache(maxsize=1)
def _other_spelling() -> dict[str, str]:
    pairs = spellings()
    return {a: b for a, b in pairs} | {b: a for a, b in pairs}


@lru_cache(maxsize=65536)
def opposite_of(word: str, other: str) -> bool:
    """Tell whether two words are opposites in the common senses of some base form of each,
    or compounds of such words ("southeast" / "northwest", "southeastern" / "southwestern")."""
    if _opposed(word, other):
        return True
    mine, their_parts = _compound(word.lower()), _compound(other.lower())
    if not mine or not their_parts:
        return False
    pairs = list(zip(mine, their_parts, strict=True))
    return all(a == b or _opposed(a, b) for a, b in pairs) and any(a != b for a, b in pairs)


def _opposed(word: str, other: str) -> bool:
    """Opposites in the common senses of some base form of each (no compounds)."""
    theirs = base_forms(other)
    return any(not theirs.isdisjoint(opposites(form)) for form in base_forms(word))


@lru_cache(maxsize=65536)
def _compound(word: str) -> tuple[str, str] | None:
    """Split a word into two points of the compass ("south" + "east", "north" + "western"),
    if it is such a compound: WordNet's cardinal points, the only parts that compose so
    ("therefore" is no "there" + "fore")."""
    if len(word) > MAX_WORD:
        return None
    points = _compass()
    for k in range(4, len(word) - 3):
        head, tail = word[:k], word[k:]
        if head in points and any(form in points for form in base_forms(tail)):
            return head, tail
    return None


# Longer "words" are no words a lookup by parts should try (linear time on any token).
MAX_WORD = 40


@lru_cache(maxsize=1)
def _compass() -> frozenset[str]:
    """The cardinal points and the adjectives WordNet derives from them ("eastern")."""
    return frozenset(str(w) for w in _table()["compass"])


@lru_cache(maxsize=65536)
def opposites(lemma: str, pos: str | None = None) -> frozenset[str]:
    """Return the words opposite to a lemma in its common senses (of one part of speech)."""
    return frozenset(o for o, p in _opposites().get(lemma.lower(), ()) if pos in (None, p))


def is_agent(lemma: str) -> bool:
    """Tell whether a noun names a person or a group of people, who can be said to speak."""
    return lemma.lower() in _agents()


def aligned_opposites(
    said: list[str], source: list[str], stopwords: frozenset[str], window: int = 3
) -> tuple[str, str] | None:
    """Find a word of `said` whose opposite stands in `source` in the same place.

    The same place: a content word on one side of one (within `window` words) is on the
    same side of the other, so that an opposite elsewhere in a long sentence turns nothing.
    A word the source says in the same place is no opposition (elsewhere it may be: "20 km
    southeast of Borrego Springs" against "20 km Northwest of Borrego Springs; 23 km
    Southeast of Anza").
    """
    said_words = set(said)
    for i, word in enumerate(said):
        if not _has_any_opposite(word):
            continue
        left, right = (side - stopwords for side in neighbours(said, i, window))
        if not (left or right):
            continue  # nothing to tell its place by
        # the source saying the word itself, as much in its place, is no opposition
        itself = max((_fit(left, right, source, j, window) for j in _at(source, word)), default=0)
        for j, other in enumerate(source):
            if other in said_words or not _same_form(word, other):
                continue  # "defeated" against "victory": a verb against a noun, no pair
            if not opposite_of(word, other):
                continue
            if _passive(said, i) != _passive(source, j):
                continue  # "was followed by violence" is "led to violence": a converse
            fit = _fit(left, right, source, j, window)
            if fit > 0 and fit >= itself + (2 if itself else 1):  # clearly its place
                return word, other
    return None


def _at(tokens: list[str], word: str) -> list[int]:
    return [j for j, token in enumerate(tokens) if token == word]


def _fit(left: set[str], right: set[str], tokens: list[str], at: int, window: int) -> int:
    """How many of a word's content neighbours stand on the same side of a place in tokens."""
    their_left, their_right = neighbours(tokens, at, window)
    return len(left & their_left) + len(right & their_right)


def _ending(word: str) -> str:
    """The inflection a word shows: a participle, past or present, regular or irregular
    ("soared", "fallen", "decentralising"), against none."""
    if word.endswith(("ed", "ing")):
        return "verb"
    # an irregular form may be a participle or not ("fallen"; "left" of "turned left")
    return "any" if word in _exceptions() and not word.endswith("s") else ""


def _same_form(word: str, other: str) -> bool:
    mine, theirs = _ending(word), _ending(other)
    return mine == theirs or "any" in (mine, theirs)


_BE = frozenset("is are was were be been being".split())


def _passive(tokens: list[str], at: int) -> bool:
    """A verb in the passive with its agent: 'was followed by'."""
    return 0 < at < len(tokens) - 1 and tokens[at - 1] in _BE and tokens[at + 1] == "by"


@lru_cache(maxsize=65536)
def _has_opposite(word: str) -> bool:
    return any(opposites(form) for form in base_forms(word))


def _has_any_opposite(word: str) -> bool:
    """A word with an opposite of its own, or a compound of two such words."""
    return _has_opposite(word) or _compound(word.lower()) is not None


def neighbours(tokens: list[str], at: int, window: int) -> tuple[set[str], set[str]]:
    """The words just before and just after a position: an opposite keeps its side of them
    ("strong westerly winds" / "strong easterly winds"), a converse swaps them ("violence
    followed the withdrawal" / "the withdrawal led to violence")."""
    return set(tokens[max(0, at - window) : at]), set(tokens[at + 1 : at + 1 + window])


@lru_cache(maxsize=1)
def _places() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for adjective, place in _table()["places"]:
        found.setdefault(str(adjective), set()).add(str(place))
        found.setdefault(str(place), set()).add(str(adjective))
    return {word: frozenset(others) for word, others in found.items()}


def place_forms(name: str) -> frozenset[str]:
    """Return the place an adjective pertains to, or the adjectives of a place, lower-cased:
    'turkish' <-> 'turkey', 'swiss' <-> 'switzerland' (WordNet's pertainyms)."""
    return _places().get(name.lower(), frozenset())
