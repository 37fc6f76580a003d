"""When a denial and a pair of opposites cancel ("lacks the features" / "has none of the
features"), and when they are one opposition ("refused to support" / "agreed to support",
"deemed unlikely to" / "likely to") or two apart ("a longer incubation period without
symptoms" / "a shorter symptom-free incubation period")."""

from __future__ import annotations

import re

from verifier.engine.matching import StatementFeatures
from verifier.language.denials import is_negated
from verifier.language.lexicon import opposite_of
from verifier.language.scope import denied_stems, is_denying_word, undenied_clause
from verifier.language.text import stem, words
from verifier.language.vocabulary import STOPWORDS
from verifier.models import Claim


def opposed_anywhere(statement: StatementFeatures, claim: Claim) -> bool:
    """Tell whether a word of one side has its common-sense opposite on the other, next to
    the other side's denial: the two then say the same ("lacks the features" / "has none of
    the features"; not "improved" / "fell apart ... could not make baskets")."""
    said, source = words(statement.text), words(claim.text)
    return _cancels(said, source) or _cancels(source, said)


def _cancels(plain: list[str], denying: list[str]) -> bool:
    """A word of `plain` whose opposite stands by a denial in `denying` (two words before it,
    three after)."""
    denied = _by_denials(denying)
    return any(opposite_of(word, other) for word in set(plain) - set(denying) for other in denied)


def _by_denials(tokens: list[str]) -> set[str]:
    """The words that stand by a denial (two words before it, three after): "has none", "not
    make", "without symptoms"."""
    return {
        w
        for i, cue in enumerate(tokens)
        if cue in _DENIALS or cue.endswith("n't")
        for w in tokens[max(0, i - 2) : i] + tokens[i + 1 : i + 4]
        if w not in STOPWORDS or w in ("have", "has", "had")
    }


def denial_apart_from(said: str, source: str, flip: tuple[str, str]) -> bool:
    """Tell whether the denials of two texts stand apart from their pair of opposites, so the
    two do not cancel: "a longer incubation period without symptoms" against "a shorter
    symptom-free incubation period" (the denial governs the symptoms alone). A denial of the
    whole sentence ("failed to win a set", "a sentence longer than 10 years is unlikely", "no
    bank stock ended higher") or one that governs the opposite is no denial apart."""
    if flip[0] in _DENIALS or flip[1] in _DENIALS:
        return False  # the denial is one of the opposites ("ever" / "never")
    for text, word in ((said, flip[0]), (source, flip[1])):
        if not is_negated(text):
            continue
        denied = denied_stems(text)
        if denied is None and undenied_clause(text, word):
            continue  # the opposite stands in a side clause the denial does not govern
        if denied is None or stem(word.lower()) in denied:
            return False
    return True


_DENIALS = frozenset("not no none never cannot nor neither n't without".split())


def _denies(word: str) -> bool:
    """A denying verb ("refused"), or a word read as a denial on its own ("unlikely"); not a
    bare denial ("never" of "had never seen a worse flood" is no opposite of "ever")."""
    return is_denying_word(word) or (word.lower() not in _DENIALS and is_negated(word))


def denial_is_the_opposite(said: str, source: str, flip: tuple[str, str]) -> bool:
    """Tell whether the one denial between two texts is the denying verb of an opposite pair
    ("refused to support" / "agreed to support"), or a word that is itself a denial ("deemed
    unlikely to" / "likely to"), with no other denial ("never refused")."""
    mine, theirs = _denies(flip[0]), _denies(flip[1])
    if mine == theirs:
        return False
    text, word = (said, flip[0]) if mine else (source, flip[1])
    rest = re.sub(rf"\b{re.escape(word)}\b", " ", text, flags=re.IGNORECASE)
    return not is_negated(rest)
