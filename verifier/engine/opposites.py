"""Word pairs that turn a statement around without a negation word ("rose" / "fell")."""

from __future__ import annotations

import re

from verifier.engine.matching import StatementFeatures
from verifier.language.compound import joined_by_and
from verifier.language.denials import is_negated
from verifier.language.hand_pairs import ANTONYM_SETS, ANTONYM_WORDS, TRENDS, in_sense
from verifier.language.lexicon import aligned_opposites
from verifier.language.roles import told_from_the_other_side
from verifier.language.scope import denied_stems
from verifier.language.text import content_stems, words
from verifier.language.vocabulary import STOPWORDS
from verifier.models import Claim

_AHEAD_WORDS = frozenset("next coming upcoming".split())


# What a statement turns down: "rather than withdrawing", "instead of sending".
_ALTERNATIVE = re.compile(r"\b(?:rather\s+than|instead\s+of)\s+(\w+)", re.IGNORECASE)
# "in the coming month" is not "in the coming year": the periods a time ahead is counted in.
_AHEAD = re.compile(r"\b(?:next|coming|upcoming)\s+(day|week|month|year|decade)s?\b", re.I)


def antonym_flip(statement: StatementFeatures, claim: Claim) -> tuple[str, str] | None:
    """Return a (statement word, claim word) pair of opposites, when the two disagree so.

    Words with a sense of their own (hand_pairs.in_sense) count only in that sense, and the
    alternative a statement turns down ("rather than withdrawing them") is not what it says.
    Opposite verbs said of the two sides of one event ("Canada won" / "Australia lost to
    Canada") are no disagreement.
    """
    flip = _flip(statement, claim)
    if flip and told_from_the_other_side(statement.text, flip[0], claim.text, flip[1]):
        return None
    if flip and _converse(statement.text, flip[0], claim.text, flip[1]):
        return None
    return flip


# Words that relate two things, each the other's converse: "A before B" is "B after A".
_RELATIONS = frozenset("before after above below ahead behind".split())
_OBJECT = re.compile(r"[^,;:.!?()]{0,80}")


def _converse(text: str, word: str, other_text: str, other: str) -> bool:
    """Tell whether two relation words speak of different things after them, each sentence
    then saying the same the other way round: "Before ruling Turkmenistan, he spent years
    in the party" is "His rule came after years in the party"; "before the debate" against
    "after the debate" is an opposition."""
    if word.lower() not in _RELATIONS or other.lower() not in _RELATIONS:
        return False
    mine, theirs = _object_of(text, word), _object_of(other_text, other)
    return bool(mine and theirs) and mine.isdisjoint(theirs)


def _object_of(text: str, word: str) -> frozenset[str]:
    """The content words after a relation word, up to a mark that ends its phrase."""
    found = re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE)
    if found is None:
        return frozenset()
    after = _OBJECT.match(text, found.end())
    return frozenset(content_stems(after.group(0) if after else ""))


def _flip(statement: StatementFeatures, claim: Claim) -> tuple[str, str] | None:
    if not statement.words.isdisjoint(_AHEAD_WORDS):
        ahead, before = _AHEAD.search(statement.text), _AHEAD.search(claim.text)
        if ahead and before and ahead.group(1).lower() != before.group(1).lower():
            return ahead.group(0), before.group(0)
    if statement.words.isdisjoint(ANTONYM_WORDS):  # most statements: none of the hand pairs
        return _lexical_flip(statement, claim)
    claim_words = set(words(claim.text))
    stated = statement.words - _turned_down(statement)
    for a, b in ANTONYM_SETS:
        for mine, theirs in ((a, b), (b, a)):
            said, source = mine & stated, theirs & claim_words
            if not (said and source) or mine & claim_words:
                continue
            if theirs & stated and (a | b) & TRENDS:  # "rose to 170,000 before dwindling"
                continue
            if in_sense(mine, statement.text) and in_sense(theirs, claim.text):
                return min(said), min(source)
    return _lexical_flip(statement, claim)


def _lexical_flip(statement: StatementFeatures, claim: Claim) -> tuple[str, str] | None:
    """Opposites WordNet knows, in the same place of both sentences."""
    turned_down = _turned_down(statement)
    said = [w for w in words(statement.text) if w not in turned_down]
    return aligned_opposites(said, words(claim.text), STOPWORDS)


def _turned_down(statement: StatementFeatures) -> set[str]:
    """The alternatives a statement turns down ("rather than withdrawing"): not what it says."""
    return {m.group(1).lower() for m in _ALTERNATIVE.finditer(statement.text)}


# Telling a detail ("said how many", "did not indicate where"): what a denial of it denies is
# the telling, not the fact ("The AP was not able to say how many troops were re-located"
# does not deny that troops were). Not "whether": not saying whether X assumes nothing of X.
_TELL_VERBS = (
    r"(?:say|said|says|tell|told|tells|report\w*|indicat\w*|specif\w*|disclos\w*|confirm\w*"
    r"|know|knew|known|reveal\w*)"
)
_WH = r"(?:how|where|when|who|why|what|which)\b(?!\s+(?:to|asked|pressed|questioned)\b)"
_TELLING = re.compile(rf"\b{_TELL_VERBS}\s+(?:\w+\s+){{0,2}}?{_WH}", re.IGNORECASE)
# The denial that governs the telling verb itself: "did not say when", "was not able to say how".
_DENIED_TELLING = re.compile(
    rf"(?:\b(?:not|never|cannot|unable)\b|n't)\s+(?:\w+\s+){{0,3}}?{_TELL_VERBS}\s+"
    rf"(?:\w+\s+){{0,2}}?{_WH}",
    re.IGNORECASE,
)
# Verbs of telling that are no mere attribution: a text using one speaks of the telling.
_TELLING_ITSELF = re.compile(r"\b(?:confirm|disclos|reveal|specif|announc)\w*", re.IGNORECASE)


def fact_polarity(negated: bool, text: str, other: str) -> bool:
    """Return whether a text denies the fact itself, against another that tells no detail:
    a text whose only denial is of telling a detail ("was not able to say how many ...")
    affirms the fact, unless the other text speaks of telling too ("said how many",
    "confirmed ...")."""
    if not negated or _TELLING.search(other) or _TELLING_ITSELF.search(other):
        return negated
    denial = _DENIED_TELLING.search(text)
    if denial is None:
        return negated
    return is_negated(text[: denial.start()] + " " + text[denial.end() :])


# Where a sentence's propositions part: a join between clauses, or the comma closing a
# fronted side clause ("While Labour supported it, the National Party did not"). A " but "
# is looked for only where a run of spaces starts: tried inside a long run, it backtracked
# over the rest of the run at each space (quadratic time).
_PARTS = re.compile(
    r",\s+(?:and|but|while|whereas|though|although|yet|as|however)\s+|;\s+|(?<!\s)\s++but\s+"
    r"|,\s+(?=(?:none|neither|nor|not)\b)",  # "two dozen aftershocks, none greater than 3.6"
    re.IGNORECASE,
)
# A fronted side clause, up to its comma: a part of its own ("While the party of 22 were
# looking for fossils, they did not expect ..." affirms the party of 22).
_FRONTED = re.compile(
    r"^((?:while|although|though|whereas|after|before|when|as|if)\s+[^,]{3,200}?),\s+",
    re.IGNORECASE,
)


# A condition ("if it is not cleaned", "even if", "unless"), up to the comma or stop that
# ends it: what it denies is the condition, not the statement.
_CONDITION = re.compile(r"\b(?:even\s+)?(?:if|unless)\b[^,;.]{0,200}", re.IGNORECASE)


def polarity_differs(statement: StatementFeatures, claim: Claim) -> bool:
    """Tell whether a statement denies what the claim affirms, or the other way round.

    A denial counts for the proposition it belongs to: each part of the statement is held
    against the part of the claim it shares the most words with ("the National Party did not
    support it, and it was defeated" denies the support, not the defeat).
    """
    said_negated, claim_negated = statement.negated, claim.negated
    if said_negated and claim_negated and _deny_the_same(statement.text, claim.text):
        return False  # "drivers who do not pay their fines" / "if the fines are not paid"
    if (said_negated or claim_negated) and (
        _CONDITION.search(statement.text) or _CONDITION.search(claim.text)
    ):
        # a denial inside a condition is not the statement's: "I will fast if it is not
        # cleaned" affirms the fast
        said_negated = is_negated(_CONDITION.sub(" ", statement.text))
        claim_negated = is_negated(_CONDITION.sub(" ", claim.text))
    said = fact_polarity(said_negated, statement.text, claim.text)
    if said == fact_polarity(claim_negated, claim.text, statement.text):
        # both deny something: a claim of several parts may deny another part than the
        # statement's ("no reports of damage, but buildings in Taipei shook" against
        # "buildings in Taipei did not shake")
        theirs = _parts(claim.text) if said else []
        denials = [stems for text, stems in theirs if is_negated(text)]
        return len(theirs) > 1 and any(
            _part_differs(p, theirs) and all(p[1].isdisjoint(d) for d in denials)
            for p in _parts(statement.text)
        )  # a part speaking of what the claim denies too denies the same ("no one injured")
    denying, other = (statement.text, claim.text) if said else (claim.text, statement.text)
    denied = denied_stems(denying)
    if denied and denied.isdisjoint(content_stems(other)):
        return False  # it denies what the other never speaks of ("without permission")
    mine, theirs = _parts(statement.text), _parts(claim.text)
    if len(mine) == 1 and len(theirs) == 1:
        return True
    return any(_part_differs(part, theirs) for part in mine)


def _deny_the_same(text: str, other: str) -> bool:
    """Tell whether two texts that each deny something in a side clause or a condition deny
    the same thing: every word one denial governs, the other governs too ("who do not pay
    their fines" / "if the fines are not paid"; not "who do not join the union" / "if they
    do not leave the union")."""
    mine, theirs = denied_stems(text), denied_stems(other)
    return bool(mine and theirs and (mine <= theirs or theirs <= mine))


# A clause of a subject, an auxiliary and a denial only ("..., but they are not"): its verb
# phrase is the clause's before it, which it denies.
_ELLIPSIS = re.compile(
    r"^\W*\w+\s+(?:is|are|was|were|am|do|does|did|has|have|had|can|could|will|would|should"
    r"|may|might|must)(?:\s+not|n't)\s*(?:[,.;:!?\"\u201d']|$)",
    re.IGNORECASE,
)


def _parts(text: str) -> list[tuple[str, frozenset[str]]]:
    fronted = _FRONTED.match(text)
    split = _PARTS.split(text[fronted.end() :] if fronted else text)
    if len(split) == 1:  # two clauses joined by a bare "and", each with its own subject
        split = list(joined_by_and(split[0])[::2])
    for i in range(len(split) - 1, 0, -1):
        if _ELLIPSIS.match(split[i]):  # "they think they are better, but they are not"
            split[i - 1 : i + 1] = [f"{split[i - 1]}, but {split[i]}"]
    side = [fronted.group(1)] if fronted else []
    pieces = [p for p in [*side, *split] if len(content_stems(p)) >= 2]
    # a part's figures in digits count among its words: they tell which part a statement
    # speaks of ("53 of its 163 workers by the end of 2009, while the remaining 110 jobs ...")
    parts = [(p, frozenset(content_stems(p)) | _digits(p)) for p in pieces] or [(text, frozenset())]
    # a part that opens on its verb says it of the part before's subject ("The paper was
    # submitted but had yet to be published"): it speaks of that subject's words too
    for i in range(1, len(parts)):
        if _NO_SUBJECT.match(parts[i][0]):
            parts[i] = (parts[i][0], parts[i][1] | parts[i - 1][1])
    return parts


def _digits(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text) if any(ch.isdigit() for ch in w))


# A clause with no subject of its own: it opens on an auxiliary or modal verb.
_NO_SUBJECT = re.compile(
    r"^\W*(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|may|might|must"
    r"|should)\b(?!\s+(?:it|he|she|they|we|you|i|there|the|a|an|this|that|these|those)\b)",
    re.IGNORECASE,
)


def _part_differs(
    part: tuple[str, frozenset[str]], theirs: list[tuple[str, frozenset[str]]]
) -> bool:
    text, stems = part
    # the part sharing the most words; of two sharing as many, the one they fill more of
    overlap, _, best = max(
        ((len(stems & s), len(stems & s) / max(1, len(s)), t) for t, s in theirs),
        key=lambda x: x[:2],
    )
    if overlap == 0:
        return False  # nothing of the claim is about this part
    return fact_polarity(is_negated(text), text, best) != fact_polarity(
        is_negated(best), best, text
    )
