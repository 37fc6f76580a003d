"""Who a sentence credits, read from its dependency parse.

The speaker is the subject of a reporting verb ("said", "told", "warned", "according to"),
never an appositive or a relative clause beside it; a title or role is split from a person's
name ("Mayor", "spokesman for the Department of ..."), an organisation stays whole, and a
group keeps its qualifier ("Lebanese officials"). Pure functions over a spaCy `Doc`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from verifier.language.lexicon import is_agent
from verifier.language.quoting import still_quoting
from verifier.language.roles import brings_a_clause, report_setting
from verifier.language.speakers import (
    ORG_LABELS,
    PERSON_LABELS,
    PRONOUNS,
    Speaker,
    entity_at,
    fronted_role,
    noun_phrase,
    speaker_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Reporting verbs, by lemma: the general class of verbs that introduce what someone said.
REPORTING = frozenset(
    """say tell add state estimate pledge acknowledge warn claim announce report note argue
    insist explain write confirm deny promise predict suggest admit reveal stress emphasise
    emphasize urge testify conclude allege assert comment concede caution indicate maintain
    recall reply respond describe declare tweet post remark observe point told said""".split()
)
# Verbs whose object is what was said or decided ("pledged support", "denied the charges"):
# a person doing so is credited with it, as with a quote ("declared victory" is an act).
COMMITTING = frozenset(
    "pledge promise vow announce deny confirm estimate predict acknowledge admit".split()
)


def _forms(verbs: frozenset[str]) -> set[str]:
    """The regular inflections of verbs: say/says, note/noted/noting, deny/denies/denied,
    admit/admitted (a final consonant after one vowel may double: both forms are kept)."""
    found = set()
    for verb in verbs:
        stem = verb[:-1] if verb.endswith("e") else verb
        found |= {verb, verb + "s", stem + "ed", stem + "ing"}
        if re.search(r"[^aeiou][aeiou][b-df-hj-np-tvz]$", verb):
            found |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
        if verb.endswith("y"):
            found |= {verb[:-1] + "ies", verb[:-1] + "ied"}
        if verb.endswith(("s", "sh", "ch")):
            found.add(verb + "es")
    return found


# A sentence with none of these words needs no parse to know it credits no one: the forms of
# the reporting verbs (regular inflections, and the irregular said/told/wrote).
_IRREGULAR = "said told wrote written"
CUE = re.compile(
    r"\b(?:according to|" + "|".join(sorted(_forms(REPORTING) | set(_IRREGULAR.split()))) + r")\b",
    re.IGNORECASE,
)
# What a reporting verb reports: a clause ("said that ...", "'...,' he said").
_REPORTED = frozenset({"ccomp", "parataxis", "xcomp"})
_QUOTES = frozenset('"\u201c\u201d')
_CLOSING_QUOTES = frozenset('"\u201d')


def find_speaker(doc: Doc | Span, inside: bool | None = None) -> Speaker | None:
    """Return whom a parsed sentence credits, or None when no one is reported speaking.

    `inside`: whether a quotation is open before the sentence, when its text tells (an
    article's sentence after one that opens a quotation); else what is quoted however the
    sentence began is set aside."""
    for token in doc:
        if token.lower_ == "according" and (to := _child(token, "prep", "to")) is not None:
            for obj in to.children:
                if obj.dep_ == "pobj" and _can_speak(obj):
                    return speaker_of(obj, None)
    # The reporting must be what the sentence says ("X said ...", "'...,' X said"), not a
    # side clause of it ("After Baghdad declared it had won, troops left"), nor the words of
    # a quotation ('"Relatives are reporting that 300 are missing," he said').
    quoted = _surely_quoted(doc) if inside is None else _quoted(doc, inside)
    verbs = [
        t
        for t in doc
        if t.i not in quoted
        and t.pos_ in ("VERB", "AUX")
        and t.lemma_.lower() in REPORTING
        and (
            t.dep_ == "ROOT"
            or (t.dep_ in ("conj", "parataxis") and t.head.dep_ == "ROOT")
            or (t.dep_ == "ccomp" and t.head.dep_ == "ROOT" and t.i < t.head.i)  # "said: '..."
            or _after_a_quote(t)
        )
    ]
    verbs.sort(key=lambda t: (t.dep_ != "ROOT", t.i))
    for verb in verbs:
        # "X pledged support but acknowledged that ...": the second verb shares the subject,
        # unless it has its own ("Haia sent 50 men and its spokesman denied they ...")
        own = any(c.dep_ == "nsubj" and c.lower_ not in PRONOUNS for c in verb.children)
        owner = verb.head if verb.dep_ == "conj" and not own else verb
        subjects = [c for c in owner.children if c.dep_ == "nsubj" and _can_speak(c)]
        if _after_a_quote(verb):
            # '"...," said Pelosi', '"...," Pelosi said': the speaker stands beside the verb
            subjects = _beside(verb) or [s for s in subjects if s.i > verb.i - 3]
        if not subjects:
            continue
        if (
            any(c.dep_ in _REPORTED or brings_a_clause(c) for c in verb.children)
            or _after_a_quote(verb)
            or (
                verb.lemma_.lower() in COMMITTING
                and subjects[0].pos_ == "PROPN"
                and _entity_label(subjects[0]) not in ORG_LABELS
            )
        ):
            speaker = speaker_of(subjects[0], fronted_role(verb, subjects[0]))
            return replace(speaker, setting=report_setting(verb, quoted))
    return _quoting_subject(doc, quoted, inside is True)


def speaker_stretch(doc: Doc | Span) -> int:
    """How many tokens from the start hold the names `find_speaker` may read the entity
    type of: a reporting verb's subject or what "according to" names (the main verb's
    subject, too), without the appositives and clauses beside them that it never types; 0
    when no proper noun is among them. `parse.with_entities` reads entities that far."""
    ends = [0]
    for token in doc:
        reporting = token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in REPORTING
        owners = [token, token.head] if token.dep_ == "conj" else [token]
        if reporting or token.dep_ == "ROOT":  # the main clause's subject: _quoting_subject
            ends += [_typed(c) for o in owners for c in o.children if c.dep_ == "nsubj"]
        if reporting and _after_a_quote(token):  # '"...," the official told John Smith'
            ends += [_typed(t) for t in _beside(token)]
        if token.lower_ == "according":
            ends += [_typed(o) for to in token.children for o in to.children if o.dep_ == "pobj"]
    end = max(ends)
    # entity types matter for names only: "officials said", "he said" need none read
    return end if any(t.pos_ == "PROPN" for t in doc[:end]) else 0


def _typed(head: Token) -> int:
    """One past the last token whose entity type `_speaker_of` reads for this subject: its
    phrase's, or its appositive's when that is the name ("the minister, Ghazi Aridi")."""
    tokens = noun_phrase(head)
    if head.pos_ == "NOUN":
        tokens += [t for c in head.children if c.dep_ == "appos" for t in noun_phrase(c)]
    return max(t.i for t in tokens) + 1


def _after_a_quote(verb: Token) -> bool:
    """A reporting verb right after a closing quotation: '"...," said Pelosi', '"...," he said'."""
    before = [t for t in verb.doc[max(0, verb.i - 3) : verb.i]]
    return any(t.text in _CLOSING_QUOTES for t in before)


def _surely_quoted(doc: Doc | Span) -> set[int]:
    """The positions of the tokens inside quotation marks, however the sentence began: a
    sentence of straight marks, an odd number of them, may go on with a quotation opened
    before it ('This is a truly exciting discovery," said Mary Dawson')."""
    found = _quoted(doc)
    if sum(1 for t in doc if t.text == '"') % 2:
        found &= _quoted(doc, inside=True)
    return found


def _quoted(doc: Doc | Span, inside: bool = False) -> set[int]:
    """The positions of the tokens inside quotation marks (`inside`: one is open before)."""
    found = set()
    for token in doc:
        if token.text in _QUOTES:
            inside = still_quoting(token.text, inside)
        elif inside:
            found.add(token.i)
    return found


def _beside(verb: Token) -> list[Token]:
    """The name or pronoun right after a verb that follows a quotation, or between them."""
    doc = verb.doc
    for at in (verb.i + 1, verb.i - 1):
        if 0 <= at < len(doc) and (doc[at].pos_ == "PROPN" or doc[at].lower_ in PRONOUNS):
            token = doc[at]
            while token.dep_ == "compound" and token.head.pos_ == "PROPN":
                token = token.head
            return [token]
    return []


def _quoting_subject(doc: Doc | Span, quoted: set[int], opened: bool = False) -> Speaker | None:
    """The subject of a sentence that quotes someone's words without a reporting verb: "She
    finished her speech by calling the children to the microphone: '...'"."""
    if not any(t.text in _QUOTES for t in doc):
        return None
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or (opened and root.i in quoted):
        return None  # a quotation opened before goes on: its own words, not who quotes them
    subjects = [
        c for c in root.children if c.dep_ == "nsubj" and _can_speak(c) and c.i not in quoted
    ]
    person = subjects and (
        subjects[0].lower_ in ("he", "she", "they")
        or _entity_label(subjects[0]) == "PERSON"
        or subjects[0].pos_ == "NOUN"  # _can_speak: a noun for people ("officials")
    )
    return speaker_of(subjects[0], None) if person else None


def people(doc: Doc | Span) -> list[Speaker]:
    """Return the people a sentence names in full, with their titles (for a later surname)."""
    return [
        speaker_of(e.root, None)
        for e in doc.ents
        if e.label_ in PERSON_LABELS and " " in e.text.strip()
    ]


def _entity_label(token: Token) -> str:
    entity = entity_at(token)
    return entity.label_ if entity is not None else ""


def _can_speak(head: Token) -> bool:
    """A name, a pronoun, or a noun for people ("officials"; not "the article says")."""
    if head.pos_ == "PROPN" or head.lower_ in PRONOUNS:
        return True
    return head.pos_ == "NOUN" and is_agent(head.lemma_)


def _child(token: Token, dep: str, lower: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep and c.lower_ == lower), None)
