"""Statements joining several facts: clauses split at their joins, verdicts joined."""

from __future__ import annotations

import pytest

from verifier.language.compound import join_verdicts, split_clauses, without_side_clauses
from verifier.models import CONTRADICTED, SUPPORTED, UNVERIFIED, ArticleRef, Citation, Verdict


@pytest.mark.parametrize(
    ("statement", "clauses"),
    [
        ("The battle against Daesh has ended, and so the U.S. presence will be reduced.", 2),
        ("Glynn pledged support for the forces; Dillon said a release would follow.", 2),
        ("The AP could not say how many moved, but many troops have already left.", 2),
        ("The U.S. intervened in Iraq in 2003 and again in 2014.", 1),  # no join
        ("Troops left Iraq in 2011, and again in 2014.", 1),  # too short to stand alone
        ("Troops, and more troops, and still more troops, and yet more, and more.", 1),
        ("Iraq declared victory over the group, though the U.S. has not begun to withdraw.", 2),
        ("Raymond said troops would relocate in the coming month, though he did not say where.", 1),
        # a bare "and" between two clauses, each with a subject named by a noun
        ("Chartchai Bualao was killed and the gunman was later arrested.", 2),
        # the clauses of what a speaker said (found by review)
        ("Firefighters said the blaze was not set and the building was evacuated safely.", 2),
        ("Five fishermen were arrested and later deported to China.", 1),  # one subject
        ("Smith won the race and he said it had been hard.", 1),  # a pronoun leans back
        ("He said that the party deplores negativity and that no one should doubt it.", 1),
    ],
)
def test_a_statement_splits_only_into_clauses_that_stand_alone(
    statement: str, clauses: int
) -> None:
    parts = split_clauses(statement)
    assert len(parts) == clauses
    at = 0
    for part in parts:  # each clause as written, in order
        at = statement.index(part, at) + len(part)


@pytest.mark.parametrize(
    ("statement", "kept"),
    [
        # inside the sentence: the side clause goes
        (
            "The U.S., though it announced a drawdown, has not begun to withdraw troops.",
            "The U.S. has not begun to withdraw troops.",
        ),
        # closing it, too short to check alone: it goes
        (
            "Troops will relocate \u201cin the coming month,\u201d though he did not say where.",
            "Troops will relocate \u201cin the coming month",
        ),
        # closing it, a fact of its own: it stays (a clause of its own)
        (
            "Iraq declared victory, although the U.S. has not withdrawn troops from Iraq.",
            "Iraq declared victory, although the U.S. has not withdrawn troops from Iraq.",
        ),
        ("Glynn pledged continued support for Iraq's forces.", None),
    ],
)
def test_side_clauses_that_state_nothing_alone_are_left_out(
    statement: str, kept: str | None
) -> None:
    assert without_side_clauses(statement) == (kept or statement)


def _said(verdict: str, claim: str) -> Verdict:
    cited = Citation(claim, claim, None, (), ArticleRef("a", "A"), 0, len(claim), 1.0)
    return Verdict(claim, verdict, 0.9 if verdict == SUPPORTED else 0.7, verdict, (), (cited,))


def test_one_contradicted_clause_contradicts_and_all_must_be_supported() -> None:
    both = join_verdicts("x", [_said(SUPPORTED, "a"), _said(SUPPORTED, "b")])
    assert (both.verdict, [c.claim_id for c in both.citations]) == (SUPPORTED, ["a", "b"])
    turned = join_verdicts("x", [_said(SUPPORTED, "a"), _said(CONTRADICTED, "b")])
    assert (turned.verdict, [c.claim_id for c in turned.citations]) == (CONTRADICTED, ["b"])
    half = join_verdicts("x", [_said(SUPPORTED, "a"), _said(UNVERIFIED, "b")])
    assert (half.verdict, half.confidence, half.statement) == (UNVERIFIED, 0.7, "x")
