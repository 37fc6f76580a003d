"""What a denial denies, from the parse: the words under a negation cue.

A denial of a thing denies that thing: "on the charge of 'education without permission'"
denies the permission, not the summons; "no permit was issued" the permit. A denial in a
side clause denies that clause and what it is said of: "Fawaz al-Rabeiee, who has yet to be
captured" says nothing against "Al-Bedawi was serving a death sentence". A statement that
speaks of none of the denied words is not turned around by such a denial. A denied main verb
("will not be conditions-based") stays the whole sentence's denial.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from verifier.language.parse import parse
from verifier.language.text import content_stems

if TYPE_CHECKING:
    from spacy.tokens import Token

# Words that deny whatever they stand for: a determiner ("no permit"), a pronoun standing
# as the subject ("none greater than 3.6"), a preposition ("without permission"); and "yet"
# of "has yet to be captured".
_CUES = frozenset("not n't never no none nobody nothing neither nor without cannot".split())
_DENYING_VERBS = frozenset("refuse decline fail deny".split())
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_NOMINALS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_MODIFIERS = frozenset({"advmod", "amod", "npadvmod", "aux", "auxpass", "xcomp"})
# Clauses said of something else in the sentence: a relative clause (of its noun), an
# adverbial clause (of its verb's event).
_SIDE_CLAUSES = frozenset({"relcl", "acl", "advcl"})
_REPORTED = frozenset({"ccomp", "xcomp"})


def denied_stems(text: str) -> frozenset[str] | None:
    """Return the content stems a text's denials govern; None when it has none, or denies
    its main verb (the caller then judges the text whole)."""
    doc = parse(text)
    cues = [t for t in doc if _is_cue(t)]
    if not cues:
        return None
    denied: set[str] = set()
    for cue in cues:
        scope = _scope(cue)
        if scope is None:
            return None
        kept = "".join(t.text_with_ws for t in scope if t.i != cue.i)  # "conditions-based"
        denied.update(content_stems(kept))
    return frozenset(denied)


def _is_cue(token: Token) -> bool:
    if token.dep_ == "neg" or token.lower_ in _CUES:
        return True
    following = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    if token.lower_ == "yet" and following == "to":
        return True
    return token.pos_ == "VERB" and token.lemma_ in _DENYING_VERBS


def _scope(cue: Token) -> list[Token] | None:
    head = cue.head
    if cue.pos_ in _NOMINALS:  # "none greater than 3.6", "nothing of the kind"
        return list(cue.subtree)
    if cue.dep_ == "prep" or cue.lower_ == "without":  # "without permission"
        return list(cue.subtree)
    if cue.dep_ == "det" and head.pos_ in _NOMINALS:  # "no permit"
        return list(head.subtree)
    verb = cue if cue.pos_ == "VERB" and cue.lemma_ in _DENYING_VERBS else head
    while verb.dep_ in _MODIFIERS and verb.head.i != verb.i:  # "has yet to be captured"
        verb = verb.head
    # a denial reported inside a side clause is that clause's ("..., as the Communists said
    # the government could not take their support for granted")
    while verb.dep_ in _REPORTED and verb.head.i != verb.i and verb.head.dep_ != "ROOT":
        verb = verb.head
    if verb.dep_ not in _SIDE_CLAUSES or _infinitive(verb):
        return None  # "not", "never", "no longer" of the main verb: the sentence's denial
    said_of = verb.head  # the noun a relative clause describes, with its compound names
    named = [t for t in said_of.lefts if t.dep_ == "compound"] + [said_of]
    return list(verb.subtree) + (named if verb.dep_ != "advcl" else [])


def _infinitive(verb: Token) -> bool:
    """A verb with "to" ("is taken to mean that ..."): the small model may call it a side
    clause, but what it says is the sentence's."""
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)
