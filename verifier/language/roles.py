"""Who does what in a sentence, from its parse: one event told from its two sides.

"Canada won 57-50" and "Australia lost to Canada 50-57" say the same: the winner of one is
in the loser's verb phrase of the other. Opposite verbs said of two different subjects so
are no contradiction.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from verifier.language.hand_pairs import ANTONYM_SETS
from verifier.language.parse import parse, parse_syntax, token_of
from verifier.language.speakers import PERSON_LABELS
from verifier.language.text import words
from verifier.language.vocabulary import STOPWORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

_CLAUSES = frozenset({"advcl", "acl", "xcomp", "conj"})  # "..., winning 57-50": its head's subject
_NAMING = frozenset({"PROPN", "NOUN"})


def told_from_the_other_side(said: str, word: str, source: str, other: str) -> bool:
    """Tell whether `word` in `said` and its opposite `other` in `source` tell one event from
    its two sides: their subjects differ, and the subject of one stands in the verb phrase of
    the other ("lost ... to Canada", "lost the vote to the Greens")."""
    mine, theirs = token_of(said, word), token_of(source, other)
    if mine is None or theirs is None:
        return False
    my_subject, their_subject = _subject(mine), _subject(theirs)
    if not my_subject or not their_subject or my_subject & their_subject:
        return False
    return bool(my_subject & _phrase(theirs, their_subject)) or bool(
        their_subject & _phrase(mine, my_subject)
    )


def reversed_roles(said: str, source: str) -> tuple[str, str] | None:
    """Return (doer, done-to) as the statement has them, when the source has the same verb
    with the two the other way round: "The Czech Republic beat Norway" of "Norway beat the
    Czech Republic", "Tory was defeated by Wynne" of "Tory defeated Wynne". Only names
    (proper nouns) are read as the two sides."""
    mine = [r for r in _roles(said) if r[0] not in _RECIPROCAL]
    written = set(words(source))
    # the source is parsed only when it names both sides of one of the statement's verbs
    if not any(doer & written and done_to & written for _, doer, done_to in mine):
        return None
    theirs = _roles(source)
    for lemma, doer, done_to in mine:
        alike = [(d, t) for their, d, t in theirs if _same_verb(lemma, their)]
        if any(doer & d and done_to & t for d, t in alike):
            continue  # the source also says it this way round ("A sued B after B sued A")
        if any(doer & t and done_to & d and not (doer & d or done_to & t) for d, t in alike):
            return " ".join(sorted(doer)), " ".join(sorted(done_to))
    return None


# Verbs whose two sides may be named either way round for one fact (reciprocal verbs):
# "Putin met Obama" is "Obama met Putin", "Spain played Italy" is "Italy played Spain".
_RECIPROCAL = frozenset(
    """meet play face debate fight battle marry divorce date tie draw match equal resemble
    join merge partner border neighbour neighbor kiss hug""".split()
)


def _same_verb(lemma: str, other: str) -> bool:
    """One verb, or two on the same side of a hand-written pair ("beat", "defeat")."""
    return lemma == other or any(
        lemma in side and other in side for pair in ANTONYM_SETS for side in pair
    )


def _roles(text: str) -> list[tuple[str, frozenset[str], frozenset[str]]]:
    """(verb lemma, doer's names, done-to's names) of each verb of a text that has both, by
    name: its subject and object, or in the passive its agent and subject. "A lost to B" is
    read as "B beat A" (the converse the hand pair beat / lose stands for)."""
    found = []
    for verb in parse_syntax(text):
        if verb.pos_ != "VERB":
            continue
        doer: frozenset[str] = frozenset()
        done_to: frozenset[str] = frozenset()
        winner: frozenset[str] = frozenset()
        for child in verb.children:
            if child.dep_ == "nsubj":
                doer = doer or _names(child)
            elif child.dep_ in ("dobj", "nsubjpass"):
                done_to = done_to or _names(child)  # "beat Norway 3-1": the score names no one
            elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "to"):
                named = frozenset(n for c in child.children if c.dep_ == "pobj" for n in _names(c))
                if child.dep_ == "agent":
                    doer = doer or named
                else:
                    winner = winner or named
        lemma = verb.lemma_.lower()
        if lemma == "lose" and winner and doer and winner.isdisjoint(doer):
            found.append(("beat", winner, doer))
        elif doer and done_to and doer.isdisjoint(done_to):
            found.append((lemma, doer, done_to))
    return found


def _names(head: Token) -> frozenset[str]:
    """The proper nouns naming a noun phrase's head ("the Czech Republic": czech, republic);
    not a possessor's or a prepositional phrase's ("Jones's record" names no one beaten)."""
    found = set()
    stack = [head]
    while stack:
        token = stack.pop()
        if token.pos_ == "PROPN":
            found.add(token.lower_)
        stack.extend(c for c in token.children if c.dep_ in _NAME_PARTS)
    return frozenset(found)


_NAME_PARTS = frozenset({"compound", "amod", "nmod", "flat"})


def _phrase(verb: Token, subject: set[str]) -> set[str]:
    """The naming words of a verb's phrase, its subject left out ("to Canada")."""
    return {t.lower_ for t in verb.subtree if t.pos_ in _NAMING} - subject


def _subject(verb: Token) -> set[str]:
    """The words naming who does what a verb says ("Canada", "the Chinese team"): its
    subject, or in the passive its agent ("supported by the Government"); its head clause's
    for a participle or a joined verb."""
    for _ in range(3):
        for child in verb.children:
            if child.dep_ == "agent":  # the passive's doer; its subject is the done-to
                return {t.lower_ for t in child.subtree if t.pos_ in _NAMING}
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                return set()  # done to, by no one named
            if child.dep_ == "nsubj":
                return {t.lower_ for t in child.subtree if t.pos_ in _NAMING}
        if verb.dep_ not in _CLAUSES or verb.head.i == verb.i:
            return set()
        verb = verb.head
    return set()


def report_setting(verb: Token, quoted: set[int]) -> tuple[str, ...]:
    """The words of where and when a reporting verb says it was said ("said in Miami", "told
    reporters at a news conference in Paris"): about the report, not the fact it reports.
    Words inside quotation marks (`quoted`, by position) are the fact's."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "dative"))]
    found: list[str] = []
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ != "according" and not brings_a_clause(child):
                found.extend(t.lower_ for t in child.subtree if t.i not in quoted and t.is_alpha)
    return tuple(found)


def brings_a_clause(child: Token) -> bool:
    """A preposition bringing in what was said: "admitted to having spent", "warned against
    raising" (a clause, not where or when it was said)."""
    return child.dep_ == "prep" and any(c.dep_ == "pcomp" for c in child.children)


def swapped_titles(said: str, source: str) -> tuple[str, str] | None:
    """Return (the statement's title and name, the source's), when the statement gives a
    person the title the source gives another of its people: "Commander John Phillips and
    flight engineer Sergei Krikalev" of "Commander Sergei Krikalev and flight engineer John
    Phillips", each with the other's title. A title is the nouns written just before a name
    ("flight engineer", "Prime Minister"), read only where the source names two of the
    statement's people, and only where a word before a name differs (no parse otherwise:
    most sentences write their names after the same words)."""
    if not _retitled(said, source):
        return None
    mine = _titled(said)
    low = set(words(source))
    if not mine or sum(1 for surname in mine if surname in low) < 2:
        return None
    theirs = _titled(source)
    for surname, (title, name) in mine.items():
        their_title = theirs.get(surname, ("", ""))[0]
        if not their_title or their_title.lower() == title.lower():
            continue
        for other, (other_title, _) in theirs.items():
            # both ways round: the other has this one's title in the source, and this one's
            # source title in the statement (not a synonym or an honorific for one of them:
            # "boss" for "manager", "Mr" for "Prime Minister")
            if (
                other != surname
                and other_title.lower() == title.lower()
                and mine.get(other, ("", ""))[0].lower() == their_title.lower()
            ):
                return f"{title} {name}", f"{their_title} {name}"
    return None


# A name, and the word written before it.
_BEFORE_NAME = re.compile(r"\b([A-Za-z]+)\s+(?=([A-Z][a-z]+)\b)")


def _retitled(said: str, source: str) -> bool:
    """Tell whether some capitalized word both texts write comes after one word in the
    statement and another in the source: two titled names swapped have that, a paraphrase
    with its names as the source writes them has not."""
    theirs: dict[str, set[str]] = {}
    for m in _BEFORE_NAME.finditer(source):
        theirs.setdefault(m.group(2), set()).add(m.group(1).lower())
    shifted = set()
    for m in _BEFORE_NAME.finditer(said):
        before, word = theirs.get(m.group(2)), m.group(1).lower()
        if before and word not in before and word not in STOPWORDS:  # not "the"/"in Detroit"
            shifted.add(m.group(2))
    return len(shifted) >= 2


_TITLE_WORDS = frozenset({"NOUN", "PROPN"})
_TITLE_LENGTH = 3  # words of a title before a name, at most ("U.S. Army 1st Lt." aside)


def _titled(text: str) -> dict[str, tuple[str, str]]:
    """Each person a sentence names after a title: surname (lower-cased) -> (title, name)."""
    doc = parse(text)
    starts = {e.start for e in doc.ents}
    found: dict[str, tuple[str, str]] = {}
    for entity in doc.ents:
        if entity.label_ not in PERSON_LABELS:
            continue
        title: list[str] = []
        i = entity.start - 1
        while i >= 0 and len(title) < _TITLE_LENGTH and doc[i].pos_ in _TITLE_WORDS:
            if doc[i].ent_type_ and i + 1 not in starts:
                break  # the end of another name
            title.insert(0, doc[i].text)
            i -= 1
        if title and title[-1].lower().rstrip(".") not in _HONORIFICS:
            found[entity[-1].lower_] = (" ".join(title), entity.text)
    return found


# Forms of address, no post: "Dr John Smith" may be "Professor John Smith".
_HONORIFICS = frozenset("mr mrs ms miss dr doctor sir dame lord lady rev reverend".split())
