"""Why a close claim is no claim about the statement: a name its passage never mentions,
another country, another name in the same place; and statements too short to check."""

from __future__ import annotations

from collections.abc import Callable

from verifier.engine.matching import Match, StatementFeatures, fuzzy_hit, is_light
from verifier.engine.opposites import antonym_flip, polarity_differs
from verifier.engine.people import opens_with_a_name, swapped_name
from verifier.language.article_words import ArticleWords
from verifier.language.entities import find_entities, missing_entities
from verifier.language.parse import parse_syntax
from verifier.language.places import countries, moved, nationalities, says_common_word
from verifier.language.text import content_stems, stem, words
from verifier.models import UNVERIFIED, Claim, Reason, Verdict


def credits_someone(claim: Claim) -> bool:
    """Tell whether a claim is credited to a speaker, not only to its article's author."""
    return claim.speaker is not None and claim.speaker_role != "author"


def uncheckable(statement: StatementFeatures) -> Reason | None:
    """Say why a statement cannot be checked at all, if it cannot."""
    unreadable = [q.raw for q in statement.quantities if q.kind == "unreadable"]
    if unreadable:
        return Reason(
            "unreadable_number", f"The number {unreadable[0]!r} cannot be read.", unreadable[0]
        )
    if len(statement.stems) + min(1, len(statement.quantities)) < 2:  # "The game ended 53-37."
        return Reason("too_short", "The statement says too little to be checked.")
    return None


def absent_names(statement: StatementFeatures, match: Match) -> list[str]:
    """Return the statement's names that the claim's passage never mentions.

    The word opening a statement may be a common word, capitalized ("Drawdown to cut
    ..."): the claim's passage saying it as one is enough (places.says_common_word).
    """
    names = statement.entities
    if statement.speaker and not credits_someone(match.claim):
        # the claim credits no one: the statement's speaker is one more name the claim's
        # passage must mention ("Cypriot officials say ..." of what the article says itself)
        names = (*names, *find_entities(statement.speaker))
    absent = missing_entities(names, match.context, statement.places)
    opening = statement.opening
    if opening in absent and (
        says_common_word(opening, match.context) or not opens_with_a_name(statement.text)
    ):
        absent = [name for name in absent if name != opening]
    return absent


def unstated(statement: StatementFeatures, match: Match) -> list[str]:
    """Return the statement's words, its names left out, when the claim says none of them.

    A claim naming the same people and places may still not state what the statement says
    of them: "Perth is the capital of Western Australia" of "the bush fires around Perth
    the Western Australian government ...", "Ethiopian Airlines is headquartered in Addis
    Ababa" of "bound for Addis Ababa". Only statements of what something is (_describes) are
    judged so: an event told in other words is a paraphrase. A figure is judged apart (the
    figures say which fact a statement is about), so statements with one are left to that.
    """
    if not statement.entities or statement.quantities:
        return []
    named = set(content_stems(" ".join(statement.entities))) | statement.speaker_stems
    rest = [s for s in statement.stems if s not in named and not is_light(s)]
    said = frozenset(match.candidate.stems)
    if not rest or any(s in said or fuzzy_hit(s, said) for s in rest):
        return []
    if antonym_flip(statement, match.claim) or polarity_differs(statement, match.claim):
        return []  # "oppose GayFest" of "supported by": a contradiction, not another fact
    return rest if _describes(statement.text) else []


def _describes(text: str) -> bool:
    """Tell whether a statement says what something is rather than what happened: its main
    verb is "be" ("Perth is the capital of ...") or a passive without an agent ("is
    headquartered in", "is based in"). An event in other words ("died" / "was killed",
    "closed" / "shut", "was carried out by") is a paraphrase the topic score judges."""
    root = next((t for t in parse_syntax(text) if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    if root.lemma_ == "be":
        return True
    kinds = {child.dep_ for child in root.children}
    return "auxpass" in kinds and "agent" not in kinds


def moved_country(statement: StatementFeatures, match: Match) -> tuple[list[str], list[str]] | None:
    """The statement's and the claim's countries, when it moves the claim to another one."""
    text = match.claim.text
    return moved(statement.countries, countries(text), nationalities(text))


def unverified(
    statement: StatementFeatures,
    strong: list[Match],
    matches: list[Match],
    article: Callable[[], ArticleWords] | None = None,
) -> Verdict:
    best = matches[0].score if matches else 0.0
    if strong and (places := moved_country(statement, strong[0])):
        said, source = (", ".join(p) for p in places)
        detail = f"The closest claim speaks of {source}, not {said}."
        reason = Reason("other_place", detail, said, source)
    elif strong and (swap := swapped_name(statement, strong[0], article)):
        said, source = swap
        detail = f"The closest claim speaks of {source}, not {said}."
        reason = Reason("other_entity", detail, said, source)
    elif (
        strong
        and not absent_names(statement, strong[0])
        and (told := set(unstated(statement, strong[0])))
    ):
        shown = ", ".join(dict.fromkeys(w for w in words(statement.text) if stem(w) in told))
        detail = f"The closest claim names the same, but says nothing of {shown}."
        reason = Reason("unstated", detail, shown)
    elif strong:
        absent = absent_names(statement, strong[0])
        names = ", ".join(dict.fromkeys(name.title() for name in absent))
        detail = f"The passages closest to the statement say nothing about {names}."
        reason = Reason("unknown_entity", detail, names)
    else:
        reason = Reason("no_match", "No claim in the claim base is close to this statement.")
    return Verdict(statement.text, UNVERIFIED, round(1 - best / 2, 3), reason.detail, (reason,))
