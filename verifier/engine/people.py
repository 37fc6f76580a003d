"""A fact credited to the wrong person: someone the article names, but not for this."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from verifier.engine.matching import Match, StatementFeatures
from verifier.language.article_words import ArticleWords, initials
from verifier.language.entities import (
    NOT_NAMES,
    claim_context,
    find_entities,
    missing_entities,
)
from verifier.language.lexicon import is_agent, is_common_word, neighbours
from verifier.language.parse import parse
from verifier.language.speakers import PERSON_LABELS
from verifier.language.text import words
from verifier.language.vocabulary import STOPWORDS
from verifier.models import Reason


def other_person(
    statement: StatementFeatures, match: Match, article: Callable[[str], ArticleWords]
) -> Reason | None:
    """Say who the claim credits, when the statement credits the same fact to another person.

    The statement names a person the claim's sentence does not, but whom its article names
    (in the same paragraph or elsewhere), while the claim names a person the statement does
    not: "Ali Nesin arranged a petition" against "Borovik arranged a petition", both men in
    the story. A name the article never gives stays unverified (entity check).
    """
    claim = match.claim
    names = [*statement.entities, *words(statement.speaker or "")]
    words_of = article(claim.article_id)
    # the claim's own sentence (its paragraph may name both), with the given names its article
    # writes with a surname the sentence has ("Saddam" for "the fall of Hussein")
    own = claim_context(claim)
    own |= {name for surname in own & words_of.given.keys() for name in words_of.given[surname]}
    absent = missing_entities(tuple(names), own, statement.places)
    if not absent or missing_entities(tuple(absent), words_of.everything):
        return None
    said = _people(statement.text)
    if not said or not all(any(a in words(p) for p in said) for a in absent):
        return None  # an absent name that is no person (a place, a body): not this rule
    if any(set(words(p)) & own for p in said if set(words(p)) & set(absent)):
        return None  # "John Smith" of "Smith was charged": the same person, named in part
    theirs = [
        p
        for p in ([claim.speaker] if claim.speaker and claim.speaker_role != "author" else [])
        or _people(claim.text)
        if not set(words(p)) & set(statement.words)
    ] or _surnames(claim.text, words_of, statement.words)
    if not theirs:
        return None
    mine = said[0]
    detail = f"The source attributes this to {theirs[0]}, not {mine}."
    return Reason("speaker_mismatch", detail, mine, theirs[0])


def _surnames(text: str, article: ArticleWords, said: frozenset[str]) -> list[str]:
    """The people a sentence names by a surname alone, one its article gives with a first
    name, when the recognizer finds no person in it ("Borovik arrange a petition", its verb
    misspelt, of "Alexandre Borovik's blog"): the full name, for an explanation. A name the
    sentence writes whole is no surname alone ("Goldman Sachs", "Hong Kong", "Abu Dhabi")."""
    if _people(text):
        return []
    tokens = words(text)
    found = []
    for i, word in enumerate(tokens):
        if word in said or word not in article.given or is_common_word(word):
            continue
        first = sorted(w for w in article.given[word] if not is_common_word(w))
        if first and (i == 0 or tokens[i - 1] not in article.given[word]):
            found.append(f"{first[0]} {word}".title())  # not "United Nations"
    return found


def _people(text: str) -> list[str]:
    """The people a sentence names."""
    return [e.text for e in parse(text).ents if e.label_ in PERSON_LABELS]


def opens_with_a_name(text: str) -> bool:
    """Tell whether a sentence's capitalized first word may be a name, not a word capitalized
    for opening it ("Tall buildings swayed", "Running a school without a permit ..."). A noun
    may be either ("Providence will pay", "Turkey culls"): it counts as a name, unless WordNet
    writes it in lower case only."""
    doc = parse(text)
    if len(doc) == 0:
        return False
    first = doc[0]
    if first.ent_type_ != "":
        # a person's title the recognizer takes into the name: a noun for a person that
        # WordNet writes in lower case only, before a full name ("Backbencher Jelleke
        # Veenendaal won ...", "Spokesman Ima Niboro said"; not the company "Target", nor
        # "Police Federation", nor a first name such as "Tucker" in "Tucker Carlson")
        titled = len(doc) > 2 and all(
            t.ent_iob_ == "I" and not is_common_word(t.text) for t in doc[1:3]
        )
        return not (titled and is_common_word(first.text) and is_agent(first.lower_))
    # a word WordNet never writes as a name ("Schoolchildren on a field trip", "Legalising
    # same-sex unions", which the small model takes for a proper noun) is none
    return first.pos_ in ("PROPN", "NOUN") and not is_common_word(first.text)


def swapped_name(
    statement: StatementFeatures,
    match: Match,
    article: Callable[[], ArticleWords] | None = None,
) -> tuple[str, str] | None:
    """Return (the statement's name, the claim's) when the statement puts another name in the
    place the claim's sentence gives one: "east of Amherstburg" for "east of Boisbriand",
    "Cypriot officials" for "Lebanese officials". A name the claim's sentence also gives, one
    with nothing beside it in common, or another part of one full name the article gives
    ("Hu" of "Hu Jintao" for "Jintao"), or the name of what the claim calls back by its
    common noun ("Labor" for "The party", of "the Australian Labor Party" before), is no
    swap: the claim's `article` tells (read only when a swap is in sight)."""
    said_words, fact = words(statement.text), words(match.claim.text)
    # a name is held against the claim's names, not its common words: "South Australia" is
    # not "the south west of Western Australia"
    claim_names = frozenset(find_entities(match.claim.text)) | initials(match.claim.text)
    mine = [
        w
        for w in statement.entities
        if _title_cased(w, statement.text)
        and missing_entities((w,), claim_names)
        # a word capitalized for opening the statement: "Fighting ..." for "fighting",
        # "Federal government gives go-ahead" (an adjective, no name)
        and not (w == said_words[0] and (w in fact or not opens_with_a_name(statement.text)))
    ]
    if not mine:
        return None
    theirs = [
        w
        for w in find_entities(match.claim.text)
        if _title_cased(w, match.claim.text)
        and missing_entities((w,), statement.words | initials(statement.text))
    ]
    if not theirs:
        return None
    words_of = article() if article is not None else None
    claim = match.claim
    if words_of is not None and words_of.text[claim.start : claim.end] == claim.quote:
        called = words_of.called_back(claim.quote, claim.start)
        mine = [w for w in mine if w not in called]
    for name in mine:
        left, right = _beside(said_words, name)
        for other in theirs:
            if words_of is not None and _one_name(name, other, words_of):
                continue  # one person: "Hu" and "Jintao" of "Chinese President Hu Jintao"
            their_left, their_right = _beside(fact, other)
            if left & their_left or right & their_right:
                return _written(name, statement.text), _written(other, match.claim.text)
    return None


def _one_name(name: str, other: str, article: ArticleWords) -> bool:
    """Tell whether two words are parts of one full name the article's body writes, side by
    side ("Hu Jintao"; not the headline's "Chelsea Beat Arsenal", title case throughout)."""
    given = article.given
    if name not in given.get(other, ()) and other not in given.get(name, ()):
        return False
    body = article.text.split("\n", 1)[-1]
    a, b = re.escape(name), re.escape(other)
    return re.search(rf"\b(?:{a}\s+{b}|{b}\s+{a})\b", body, re.IGNORECASE) is not None


def _written(name: str, text: str) -> str:
    """A name as the text writes it, with the capitalized words it stands among: "south"
    in "the south-east of South Australia" is "South Australia"."""
    tokens = text.split()
    bare = [_bare(t) for t in tokens]
    at = next((i for i, t in enumerate(bare) if t.lower() == name and t[:1].isupper()), None)
    if at is None:
        return name.title()
    start, end = at, at + 1
    while start > 0 and _joins(bare[start - 1], tokens[start - 1]):
        start -= 1
    while end < len(bare) and _joins(bare[end], tokens[end - 1]):
        end += 1
    return " ".join(bare[start:end])


def _joins(word: str, before: str) -> bool:
    """A capitalized word that is part of the same name: no opener ("In", "The"), no title
    ("Gov.", "President"), nothing after a comma."""
    low = word.lower().rstrip(".")
    return word[:1].isupper() and before[-1:] not in ",;:" and low not in NOT_NAMES


def _bare(token: str) -> str:
    """A token without the marks around it; an abbreviation keeps its stop ("U.S.")."""
    bare = token.strip(_PUNCTUATION)
    return bare + "." if "." in bare and token.rstrip(_QUOTES).endswith(".") else bare


_QUOTES = "'\"()\u201c\u201d\u2018\u2019"
_PUNCTUATION = ".,;:'\"()\u201c\u201d\u2018\u2019"


def _beside(tokens: list[str], name: str) -> tuple[set[str], set[str]]:
    """The content words just before and after a name's first place among tokens."""
    if name not in tokens:
        return set(), set()
    before, after = neighbours(tokens, tokens.index(name), 2)
    return before - STOPWORDS, after - STOPWORDS


def _title_cased(name: str, text: str) -> bool:
    """A name written as a name ("Boisbriand"), not in capitals ("DVD", "FEMA")."""
    return name in _title_cased_words(text)


@lru_cache(maxsize=64)
def _title_cased_words(text: str) -> frozenset[str]:
    """The words a text writes as names, lower-cased: read once per text, for all its names
    (a statement of thousands of names is read in linear time)."""
    return frozenset(
        w.lower().strip(".,;:'\"") for w in text.split() if w[:1].isupper() and not w.isupper()
    )
