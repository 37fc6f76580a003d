"""Why a close claim is no claim about the statement: a name its passage never mentions,
another country, another name in the same place; and statements too short to check."""

from __future__ import annotations

from verifier.engine.matching import Match, StatementFeatures
from verifier.engine.people import opens_with_a_name, swapped_name
from verifier.language.entities import find_entities, missing_entities
from verifier.language.places import countries, moved, says_common_word
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


def moved_country(statement: StatementFeatures, match: Match) -> tuple[list[str], list[str]] | None:
    """The statement's and the claim's countries, when it moves the claim to another one."""
    return moved(statement.countries, countries(match.claim.text))


def unverified(statement: StatementFeatures, strong: list[Match], matches: list[Match]) -> Verdict:
    best = matches[0].score if matches else 0.0
    if strong and (places := moved_country(statement, strong[0])):
        said, source = (", ".join(p) for p in places)
        detail = f"The closest claim speaks of {source}, not {said}."
        reason = Reason("other_place", detail, said, source)
    elif strong and (swap := swapped_name(statement, strong[0])):
        said, source = swap
        detail = f"The closest claim speaks of {source}, not {said}."
        reason = Reason("other_entity", detail, said, source)
    elif strong:
        absent = absent_names(statement, strong[0])
        names = ", ".join(dict.fromkeys(name.title() for name in absent))
        detail = f"The passages closest to the statement say nothing about {names}."
        reason = Reason("unknown_entity", detail, names)
    else:
        reason = Reason("no_match", "No claim in the claim base is close to this statement.")
    return Verdict(statement.text, UNVERIFIED, round(1 - best / 2, 3), reason.detail, (reason,))
