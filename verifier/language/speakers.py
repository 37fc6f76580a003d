"""A speaker as a sentence names one: the noun phrase of a reporting verb's subject split
into a name and a role ("Mayor Linda Okafor", "spokesman for the Department of ..."), an
organisation whole, a group with its qualifier. Pure functions over a spaCy parse."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PERSON_LABELS = frozenset({"PERSON"})
ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})
PRONOUNS = frozenset("he she they it we i you him her them".split())
_SEPARATORS = frozenset(",;:()\"'\u201c\u201d\u2018\u2019")
_SKIPPED = frozenset({"appos", "relcl", "acl", "punct", "advcl", "cc", "conj", "det", "poss"})


@dataclass(frozen=True)
class Speaker:
    """Whom a sentence credits: a name, the role given with it, and what sort of speaker."""

    name: str
    role: str | None = None
    kind: str = "person"  # person | organisation | name (not typed) | group | pronoun
    setting: tuple[str, ...] = ()  # where and when it was said ("said in Miami")
    # for a pronoun, the one person its sentence names before it ("After Lula's release, he
    # described ..."): whom it stands for, before anyone named in earlier sentences
    named_before: str | None = None


def fronted_role(verb: Token, subject: Token) -> str | None:
    """A role set before the name by a comma: 'Spokesman for the Department, Murray Mitchel'."""
    for child in verb.children:
        if child.dep_ in ("dep", "npadvmod") and child.pos_ == "NOUN" and child.i < subject.i:
            return _text(child)
    return None


def speaker_of(head: Token, fronted: str | None) -> Speaker:
    """Split the noun phrase headed by a verb's subject into name and role."""
    if head.lower_ in PRONOUNS:
        people = {e.text for e in head.doc.ents if e.label_ in PERSON_LABELS and e.end <= head.i}
        antecedent = _strip_possessive(people.pop()) if len(people) == 1 else None
        return Speaker(head.text, None, "pronoun", named_before=antecedent)
    named = _named(head)
    if named is not None:  # "a sadhu named Hari Chaitanaya Brahmachari"
        return Speaker(_join(noun_phrase(named)), _text_without(head, named), "person")
    appositive = next((c for c in head.children if c.dep_ == "appos"), None)
    if head.pos_ == "NOUN" and appositive is not None and appositive.pos_ == "PROPN":
        # "the transport minister, Ghazi Aridi, said": the appositive is the name
        head, appositive = appositive, head
    role = fronted or (_text(appositive) if appositive is not None else None)
    tokens = noun_phrase(head)
    entity = entity_at(head)
    if entity is not None and entity.label_ in PERSON_LABELS:
        before = [t for t in tokens if t.i < entity.start and t.dep_ != "det"]
        after = [t for t in tokens if t.i >= entity.end]  # "Smith of the ministry"
        titles = _join(before) or None
        rest = _join(after) or None
        role = ", ".join(r for r in (titles, role, rest) if r) or None
        return Speaker(entity.text, role, "person")
    if entity is not None and entity.label_ in ORG_LABELS and entity.start <= tokens[0].i:
        return Speaker(_strip_article(entity.text), role, "organisation")
    phrase = _strip_article(_join(tokens))
    kind = "name" if head.pos_ == "PROPN" else "group"
    return Speaker(phrase, role, kind)


def _strip_possessive(name: str) -> str:
    return name.removesuffix("'s").removesuffix("\u2019s")


def _named(head: Token) -> Token | None:
    """The name given by "named" or "called" after a common noun."""
    if head.pos_ != "NOUN":
        return None
    for clause in head.children:
        if clause.dep_ == "acl" and clause.lemma_.lower() in ("name", "call"):
            for name in clause.children:
                if name.dep_ in ("oprd", "attr", "dobj", "npadvmod") and name.pos_ == "PROPN":
                    return name
    return None


def _text_without(head: Token, inner: Token) -> str:
    """The words of a phrase without a clause inside it: 'a sadhu' of 'a sadhu named X'."""
    skipped = {t.i for t in inner.head.subtree} if inner.head is not head else set()
    return _strip_article(_join([t for t in head.subtree if t.i not in skipped]))


def noun_phrase(head: Token) -> list[Token]:
    """The head's noun phrase without appositives, relative clauses or punctuation."""
    kept = [head]
    for child in head.children:
        if child.dep_ == "punct" and child.text not in _SEPARATORS:
            kept.append(child)  # the hyphen of "Al-Hadithi"
        elif child.dep_ in _SKIPPED and not (child.dep_ == "det" and child.i > head.i):
            continue
        else:
            kept.extend(child.subtree)
    return sorted(kept, key=lambda t: t.i)


def entity_at(token: Token) -> Span | None:
    doc = token.doc
    for entity in doc.ents:
        if entity.start <= token.i < entity.end:
            return entity
    return None


def _text(head: Token) -> str:
    """The text of a role phrase: the head's subtree without commas at its edges."""
    skipped = {t.i for c in head.children if c.dep_ in ("relcl", "appos") for t in c.subtree}
    return _strip_article(_join([t for t in head.subtree if t.i not in skipped]))


def _join(tokens: list[Token]) -> str:
    """Write tokens as the text wrote them, without commas or spaces at the edges."""
    return " ".join("".join(t.text_with_ws for t in tokens).split()).strip(" ,")


def _strip_article(text: str) -> str:
    for article in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(article):
            return text[len(article) :]
    return text
