"""What a denial denies, from the parse: the words under a negation cue.

A denial of a thing denies that thing: "on the charge of 'education without permission'"
denies the permission, not the summons; "no permit was issued" the permit. A denial in a
side clause denies that clause: "Fawaz al-Rabeiee, who has yet to be captured" says nothing
against "Al-Bedawi was serving a death sentence", nor "The mayor, who did not resign, was
re-elected" against "The mayor was re-elected"; a denial of the second of two joined verbs
denies that one ("declared himself President For Life and had not selected a successor"). A
statement that speaks of none of the
denied words is not turned around by such a denial. A denied main verb ("will not be
conditions-based"), or a denied subject of the sentence ("No passengers were injured"),
stays the whole sentence's denial.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from verifier.language.lexicon import base_forms
from verifier.language.parse import parse_syntax, token_of
from verifier.language.text import content_stems

if TYPE_CHECKING:
    from spacy.tokens import Token

# Words that deny whatever they stand for: a determiner ("no permit"), a pronoun standing
# as the subject ("none greater than 3.6"), a preposition ("without permission"); and "yet"
# of "has yet to be captured".
_CUES = frozenset(
    "not n't never no none nobody nothing neither nor without cannot unlikely".split()
)
_DENYING_VERBS = frozenset("refuse decline fail deny".split())
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_NOMINALS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_MODIFIERS = frozenset({"advmod", "amod", "npadvmod", "aux", "auxpass", "xcomp"})
# Clauses said of something else in the sentence: a relative clause (of its noun), an
# adverbial clause (of its verb's event).
_SIDE_CLAUSES = frozenset({"relcl", "acl", "advcl"})
_REPORTED = frozenset({"ccomp", "xcomp"})


def is_denying_word(word: str) -> bool:
    """Tell whether a word is a verb that denies what follows it ("refused to support")."""
    return any(form in _DENYING_VERBS for form in base_forms(word))


@lru_cache(maxsize=2048)
def denied_stems(text: str) -> frozenset[str] | None:
    """Return the content stems a text's denials govern; None when it has none, or denies
    its main verb (the caller then judges the text whole). Cached: a claim's text is asked
    twice when both it and the statement deny something."""
    doc = parse_syntax(text)
    cues = [t for t in doc if _is_cue(t)]
    if not cues:
        return None
    denied: set[str] = set()
    scoped: set[int] = set()
    for cue in cues:
        scope = _scope(cue)
        if scope is None:
            return None
        denied.update(content_stems(_written(t for t in scope if t.i != cue.i)))
        scoped.update(t.i for t in scope)
    # a word the text also affirms outside its denials is not what it denies ("gliding to
    # make a water landing and ... could see no light or land" denies the light, the land)
    affirmed = content_stems(_written(t for t in doc if t.i not in scoped))
    return frozenset(denied.difference(affirmed) or denied)


def _is_cue(token: Token) -> bool:
    if token.dep_ == "neg" or token.lower_ in _CUES:
        return True
    following = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    if token.lower_ in ("yet", "unable") and following == "to":  # "has yet to", "unable to"
        return True
    return _denying_verb(token)


def _denying_verb(token: Token) -> bool:
    """A verb that denies what follows: "refused", "denied"."""
    return token.pos_ == "VERB" and token.lemma_ in _DENYING_VERBS


def _written(tokens: Iterable[Token]) -> str:
    """Tokens as written, in order: joined as they stand ("conditions-based"), with a space
    where the run breaks ("who did not resign" + "The mayor")."""
    out, last = [], None
    for token in sorted(tokens, key=lambda t: t.i):
        if last is not None and token.i != last + 1:
            out.append(" ")
        out.append(token.text_with_ws)
        last = token.i
    return "".join(out)


def _scope(cue: Token) -> list[Token] | None:
    head = cue.head
    thing = cue if cue.pos_ in _NOMINALS else head if cue.dep_ == "det" else None
    if thing is not None and thing.pos_ in _NOMINALS and _subject_of_main_clause(thing):
        return None  # "No passengers were injured": what the sentence says is denied
    if cue.pos_ in _NOMINALS:  # "none greater than 3.6", "nothing of the kind"
        return list(cue.subtree)
    if cue.dep_ == "prep" or cue.lower_ == "without":  # "without permission"
        return list(cue.subtree)
    if cue.dep_ == "det" and head.pos_ in _NOMINALS:  # "no permit"
        return list(head.subtree)
    verb = cue if _denying_verb(cue) else head
    while verb.dep_ in _MODIFIERS and verb.head.i != verb.i:  # "has yet to be captured"
        verb = verb.head
    # a denial reported inside a side clause is that clause's ("..., as the Communists said
    # the government could not take their support for granted")
    while verb.dep_ in _REPORTED and verb.head.i != verb.i and verb.head.dep_ != "ROOT":
        verb = verb.head
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # the second of two verbs joined by "and": "had declared himself President For Life
        # in 1999 ... and had not selected a successor" denies the choice, not the declaring
        return list(verb.subtree)
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return list(verb.subtree)  # a condition: "if the fines are not paid"
    joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    joins = [c for c in verb.children if c.dep_ == "cc"]
    if joined and verb.dep_ not in _SIDE_CLAUSES and [c.lower_ for c in joins] == ["and"]:
        # the first of two verbs joined by "and" denies that one: "was unable to afford an
        # investigator and would appeal" says nothing against the appeal (nor its subject,
        # which both verbs share); "has not raised prices or cut output" denies both
        dropped = {t.i for c in joined for t in c.subtree} | {c.i for c in joins}
        dropped |= {t.i for c in verb.children if c.dep_ in _SUBJECTS for t in c.subtree}
        return [t for t in verb.subtree if t.i not in dropped]
    if verb.dep_ not in _SIDE_CLAUSES or _infinitive(verb):
        return None  # "not", "never", "no longer" of the main verb: the sentence's denial
    return list(verb.subtree)


def _infinitive(verb: Token) -> bool:
    """A verb with "to" ("is taken to mean that ..."): the small model may call it a side
    clause, but what it says is the sentence's."""
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)


def _subject_of_main_clause(noun: Token) -> bool:
    """A noun that is the subject of the sentence's own clause, or of one it reports ("police
    said no permit was issued"), not of a side clause."""
    if noun.dep_ not in _SUBJECTS:
        return False
    verb = noun.head
    while verb.dep_ in _REPORTED | _MODIFIERS and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ not in _SIDE_CLAUSES


def undenied_clause(text: str, word: str) -> bool:
    """Tell whether a word stands in a side clause that holds no denial of its own, in a text
    whose denial is elsewhere: "stocks" / "halved" of "Aid agencies failed to deliver food to
    the district, where stocks had halved in a week" (the failure is of the delivery)."""
    token = token_of(text, word)
    if token is None:
        return False
    clause = token
    while clause.dep_ not in _SIDE_CLAUSES and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ not in _SIDE_CLAUSES:
        return False  # in the main clause, with the denial
    return not any(_is_cue(t) for t in clause.subtree)
