"""What a denial of a thing denies: the words under a nominal negation cue in a parse.

"on the charge of 'education without permission'" denies the permission, not the summons; "no
permit was issued" the permit. A statement that speaks of none of the denied words is not
turned around by such a denial. A denied verb ("will not be conditions-based") stays the
whole sentence's denial: what it denies is the sentence's own predicate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from verifier.language.parse import parse
from verifier.language.text import content_stems

if TYPE_CHECKING:
    from spacy.tokens import Token

# Words that deny whatever they stand for: a determiner ("no permit"), a pronoun standing
# as the subject ("none greater than 3.6"), a preposition ("without permission").
_CUES = frozenset("not n't never no none nobody nothing neither nor without cannot".split())
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_NOMINALS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def denied_stems(text: str) -> frozenset[str] | None:
    """Return the content stems a text's denials of things govern; None when it has none, or
    denies a verb (the caller then judges the text whole)."""
    doc = parse(text)
    cues = [t for t in doc if t.dep_ == "neg" or t.lower_ in _CUES]
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


def _scope(cue: Token) -> list[Token] | None:
    head = cue.head
    if cue.dep_ in _SUBJECTS and cue.pos_ in _NOMINALS:  # "none greater than 3.6"
        return list(cue.subtree)
    if cue.dep_ == "prep" or cue.lower_ == "without":  # "without permission"
        return list(cue.subtree)
    if cue.dep_ == "det" and head.pos_ in _NOMINALS:  # "no permit"
        return list(head.subtree)
    return None  # "not", "never", "no longer": the verb's
