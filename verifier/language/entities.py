"""Who and what a text names: proper nouns, speakers, and the words around a claim."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from verifier.language.lexicon import is_agent, is_common_word, place_forms
from verifier.language.measures import normalize_measures
from verifier.language.number_words import MONTHS, WEEKDAYS
from verifier.language.text import (
    _MULTIWORD,
    NUMBER_WORDS,
    clean,
    content_stems,
    is_mostly_upper,
    words,
)
from verifier.language.vocabulary import ALIASES, STOPWORDS
from verifier.models import Claim

# Words that open a sentence without naming anything: a capital there is no proper noun.
_COMMON_OPENERS = frozenset(
    """some many most few several all both each every none roughly about around nearly almost
    approximately more fewer less over under only just reportedly according after before
    since during while although though because following despite however meanwhile now today
    yesterday last next officials troops there here up any another other such either
    neither""".split()
)
_TITLES = frozenset(
    """col lt gen brig maj capt sgt adm mr mrs ms dr sen rep gov president""".split()
)
# Unnamed groups a statement may credit for an official fact ("Officials said"): they
# cannot be told from the named official a claim credits. Not critics, experts or
# witnesses: a fact put in their mouths is misattributed.
_GROUPS = frozenset("officials sources authorities reports".split())
_ROLE_WORDS = (
    frozenset(
        """spokesman spokeswoman spokesperson official officials president minister secretary
    commander general chief director analyst reporter anonymous unnamed government army""".split()
    )
    | _GROUPS
)
_NOT_NAMES = _ROLE_WORDS | _TITLES | STOPWORDS
NOT_NAMES = _NOT_NAMES  # capitalized words that name no one: titles, roles, openers
_CAPITAL = re.compile(r"(?<![\w.'-])([A-Z][\w'-]*(?:\.[A-Z])*\.?)")


def _alias(match: re.Match[str]) -> str:
    alias = ALIASES[match.group(1).lower()]
    return "U.S." if alias == "u.s." else alias.title()


def find_entities(text: str) -> list[str]:
    """Return the lower-cased proper-noun words of a text (names, places, organisations)."""
    # "the United States" is "U.S.", "the U.K." Britain; "$A250,000" names no "A250"
    text = _MULTIWORD.sub(_alias, normalize_measures(clean(text)))
    if is_mostly_upper(text) or text.islower():
        return []
    found = []
    for match in _CAPITAL.finditer(text):
        low_words = _name_words(match.group(1))
        if not low_words:
            continue
        low = _named_part(match.group(1), low_words[0])
        if not low:
            continue
        at_start = match.start() == 0 or text[: match.start()].rstrip()[-1:] in ".!?\"'(:"
        if low in STOPWORDS or low in _TITLES or all(p in NUMBER_WORDS for p in low.split("-")):
            continue
        if low.rstrip(".") in MONTHS or low in WEEKDAYS:
            continue
        if at_start and low in _COMMON_OPENERS:
            continue
        found.append(low)
    return found


def _named_part(written: str, low: str) -> str:
    """The name in a hyphenated word: "US-backed" names the U.S., "Kurdish-led" the Kurds;
    "Thirteen-year-old" names nothing."""
    if "-" not in low:
        return low
    head, _, tail = written.partition("-")
    if head.lower() in NUMBER_WORDS:
        return ""
    if tail[:1].islower() and tail.endswith("ed"):  # not "Blu-ray"
        return ALIASES.get(head.lower(), head.lower())
    return low


def with_named_parts(found: Iterable[str]) -> frozenset[str]:
    """Words, with the names inside hyphenated ones ("us-based" also says "u.s.")."""
    found = frozenset(found)
    heads = {
        ALIASES.get(head, head)
        for word in found
        if "-" in word
        for head, _, tail in [word.partition("-")]
        if tail.endswith("ed")
    }
    return found | heads if heads else found


def claim_context(claim: Claim, text_words: list[str] | None = None) -> frozenset[str]:
    """Return every word a claim's sentence and attribution contain, for entity checks."""
    found = set(with_named_parts(words(claim.text) if text_words is None else text_words))
    if claim.quote != claim.text:
        found.update(words(claim.quote))
    for name in (claim.speaker, claim.speaker_role, *claim.attribution):
        if name:
            found.update(_name_words(name))
    found.update(_acronym(name) for name in claim.attribution if " " in name)
    return frozenset(found)


def _names_someone(speaker: str) -> bool:
    """Tell whether a speaker holds a proper name or adjective ("American", "Dillon")."""
    return any(w[:1].isupper() and w.lower().strip(".,") not in _NOT_NAMES for w in speaker.split())


@lru_cache(maxsize=8192)
def _name_words(name: str) -> tuple[str, ...]:
    """Words of a name, a role or a capitalized word: few distinct ones, met again and again."""
    return tuple(words(name))


@lru_cache(maxsize=8192)
def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper()).lower()


def missing_entities(
    entities: tuple[str, ...], context: frozenset[str], places: frozenset[str] = frozenset()
) -> list[str]:
    """Return the proper nouns (of a statement) that a claim's context never mentions.

    A place counts as mentioned by its people and the other way round ("Iraqi" for "Iraq",
    "Syrian" for "Syria"), not by any word it starts with ("Niger" is not "Nigeria"). A
    capital stands for its country ("Baghdad said"), except among the statement's `places`
    (capitals_as_places: "from Baghdad").
    """
    return [e for e in entities if not _mentioned(e.rstrip("."), context, e in places)]


def capitals_as_places(text: str) -> frozenset[str]:
    """Return the capitals a text names as places, not governments ("from Baghdad")."""
    return frozenset(m.group(1).lower() for m in _AT_A_PLACE.finditer(text))


# Capitals that stand for their governments in news copy ("Washington said", "Baghdad
# asked"): a claim about the country mentions them.
CAPITALS = {
    "washington": "u.s.", "baghdad": "iraq", "london": "britain", "moscow": "russia",
    "beijing": "china", "paris": "france", "tehran": "iran", "damascus": "syria",
    "kabul": "afghanistan", "ankara": "turkey", "berlin": "germany", "tokyo": "japan",
    "kyiv": "ukraine", "kiev": "ukraine", "jerusalem": "israel", "ottawa": "canada",
    "riyadh": "saudi", "cairo": "egypt", "pyongyang": "korea", "seoul": "korea",
    "islamabad": "pakistan", "canberra": "australia", "rome": "italy", "madrid": "spain",
}  # fmt: skip


# A capital named as the place something comes from or goes into: the city, not its
# government ("reported from Baghdad"; "support to Baghdad", "officials in Washington" are).
_AT_A_PLACE = re.compile(
    rf"\b(?:from|near|outside|around|into)\s+({'|'.join(CAPITALS)})\b", re.IGNORECASE
)


def _mentioned(name: str, context: frozenset[str], as_place: bool = False) -> bool:
    if name in context or name + "." in context:
        return True
    if name in CAPITALS and not as_place:
        return _mentioned(CAPITALS[name], context)
    if not place_forms(name).isdisjoint(context):  # "Turkish" for "Turkey"
        return True
    if "-" in name.strip("-"):  # a route or a pairing of two named places ("Beirut-Addis")
        parts = [part for part in name.split("-") if part]
        if all(_mentioned(part, context, as_place) for part in parts):
            return True
    if len(name) < 4:
        return False
    if any("-" in word and word.replace("-", "") == name for word in context):
        return True  # a name written with a hyphen or without: "Kao-hsiung", "Kaohsiung"
    if name.endswith("s") and name[:-1] in context:  # "Paralympics", "Iraqis" (not the other
        return True  # way: "Turkey" is not "turkeys")
    forms = [name + end for end in DEMONYM_ENDINGS]
    forms += [name[: -len(end)] for end in DEMONYM_ENDINGS if name.endswith(end)]
    return any(form in context for form in forms) or _misspelt(name, context)


# A long name one letter off a word of the context (one more, one fewer, one other, inside
# the word) is that name misspelt by one of the two writers: "Prime Minster" for "Prime
# Minister", "Hussain" for "Hussein". Shorter names differing so are other names ("Iran",
# "Iraq"; "Gambia", "Zambia"), and so are places ("Iceland", "Ireland") and a name with a
# letter more at its end ("Holland", "Hollande"; "Dominica", "Dominican").
MISSPELT_LENGTH = 7


def _misspelt(name: str, context: frozenset[str]) -> bool:
    if len(name) < MISSPELT_LENGTH or _a_place(name):
        return False
    near = process.extract(
        name, context, scorer=Levenshtein.distance, score_cutoff=1, limit=None
    )  # in C: a whole article's words cost no Python step each
    return any(
        word[:1] == name[:1]
        and word[-1:] == name[-1:]
        and not word.startswith(name)
        and not name.startswith(word)
        and not _a_place(word)
        for word, _, _ in near
    )


def _a_place(name: str) -> bool:
    return bool(place_forms(name)) or name in CAPITALS


# What turns a place into its people ("Iraq" - "Iraqi", "Syria" - "Syrian", "Iran" - "Iranian").
DEMONYM_ENDINGS = ("i", "n", "an", "ian")


def _speaker_words(speaker: str) -> list[str]:
    return [w for w in words(speaker) if w not in STOPWORDS and w not in _TITLES]


def speaker_matches(speaker: str, claim: Claim) -> bool:
    """Tell whether a statement's speaker is the claim's speaker or someone in its chain.

    A group with no name ("officials", "experts") cannot be told apart, so it matches.
    """
    tokens = _speaker_words(speaker)
    names = [w for w in tokens if w not in _ROLE_WORDS]
    credited = " ".join((claim.speaker or "", claim.speaker_role or "", *claim.attribution))
    if names and len(names) < len(tokens) and _names_someone(speaker):
        # a role with a proper qualifier ("an American official", "Iraqi government
        # spokesman Saad al-Hadithi"): the qualifier must be in whom the claim credits, not
        # merely in its sentence ("U.S. troops" does not make an Iraqi official American;
        # "a coalition spokesman" is still checked against the sentence, below)
        given = {*words(credited), *(_acronym(a) for a in claim.attribution)}
        # its place's adjective is the same qualifier: "Police in Ireland", "Irish police"
        return names[-1] in given or not place_forms(names[-1]).isdisjoint(given)
    if names:  # the family name decides: "Ryan Dillon" is not "Kevin Joseph Ryan"
        context = claim_context(claim)
        if names[-1] in context:
            return True
        # a group by its place ("Police in Ireland", "Irish police"), not a surname
        # ("Michael Jordan" is no Jordanian)
        group = is_agent(tokens[0]) and is_common_word(tokens[0])  # "police", not "Michael"
        return group and not place_forms(names[-1]).isdisjoint(context)
    if all(w in _GROUPS for w in tokens):
        return True
    attribution = set(content_stems(credited))
    return all(stem in attribution for stem in content_stems(" ".join(tokens)))
