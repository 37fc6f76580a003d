"""assess(statement, match) -> Assessment: one claim held against a statement, for its
polarity, its opposites, who does what to whom, its speaker and every figure."""

from __future__ import annotations

from dataclasses import dataclass

from verifier.engine.attachment import given_for_another
from verifier.engine.cancelling import denial_apart_from, denial_is_the_opposite, opposed_anywhere
from verifier.engine.figures import compare_quantities, mismatch
from verifier.engine.matching import Match, StatementFeatures
from verifier.engine.opposites import antonym_flip, polarity_differs
from verifier.engine.unrelated import credits_someone
from verifier.language.entities import speaker_matches
from verifier.language.roles import reversed_roles, swapped_titles
from verifier.models import Reason


@dataclass(frozen=True)
class Assessment:
    """One claim held against the statement."""

    match: Match
    conflicts: tuple[Reason, ...]
    covered: frozenset[int]  # indices of the statement's quantities this claim agrees with


def assess(statement: StatementFeatures, match: Match, tolerance: float) -> Assessment:
    """Compare a statement with one claim: polarity, speaker and every quantity."""
    claim = match.claim
    conflicts: list[Reason] = []
    # a denial and an opposite cancel: "lacks the features" is "has none of the features"
    denied, flip = polarity_differs(statement, claim), antonym_flip(statement, claim)
    if (
        denied
        and flip is not None
        and (
            denial_is_the_opposite(statement.text, claim.text, flip)
            or denial_apart_from(statement.text, claim.text, flip)
        )
    ):
        # one opposition, not two that cancel: "refused to" / "agreed to"; or a denial of
        # something else than the opposites ("longer ... without symptoms" / "shorter ...")
        denied = False
    if denied and flip is None and not opposed_anywhere(statement, claim):
        conflicts.append(_negation_reason(statement, match))
    elif flip is not None and not denied:
        conflicts.append(
            Reason("antonym", f"The source says {flip[1]!r}, not {flip[0]!r}.", flip[0], flip[1])
        )
    elif (
        not denied
        and not (statement.negated or claim.negated)  # "A did not beat B" / "B did not beat A"
        and (swap := reversed_roles(statement.text, claim.text))
    ):
        doer, done_to = (name.title() for name in swap)
        detail = f"The source has it the other way round: {done_to} did it to {doer}."
        conflicts.append(
            Reason("reversed_roles", detail, f"{doer} / {done_to}", f"{done_to} / {doer}")
        )
    if not denied and (titles := swapped_titles(statement.text, claim.text)):
        mine, theirs = titles
        conflicts.append(
            Reason("other_role", f"The source says {theirs}, not {mine}.", mine, theirs)
        )
    if (
        statement.speaker
        and credits_someone(claim)
        and not speaker_matches(statement.speaker, claim)
    ):
        conflicts.append(
            Reason(
                "speaker_mismatch",
                f"The source attributes this to {claim.speaker}, not {statement.speaker}.",
                statement.speaker,
                claim.speaker,
            )
        )
    covered, value_conflicts = compare_quantities(
        statement.quantities, claim.quantities, tolerance, (statement.text, claim.text)
    )
    for said, source in given_for_another(
        statement.text, statement.quantities, claim.text, claim.quantities, covered, tolerance
    ):
        covered.discard(statement.quantities.index(said))
        value_conflicts.append(mismatch(said, source))
    return Assessment(match, tuple(conflicts + value_conflicts), frozenset(covered))


def _negation_reason(statement: StatementFeatures, match: Match) -> Reason:
    said = "negated" if statement.negated else "affirmed"
    source = "negated" if match.claim.negated else "affirmed"
    fact = match.claim.text.rstrip(".")
    turn = "denies it" if statement.negated else "asserts the opposite"
    detail = f"The source says \u201c{fact}\u201d; the statement {turn}."
    return Reason("negation", detail, said, source)
