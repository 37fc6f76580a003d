"""Statements joining several facts: split into clauses, each checked alone, verdicts joined.

"The battle has ended, and troops dwindled to 4,000" states two facts. Checked whole, a
figure of one clause may be vouched for by the claim of the other (a 4,000 stated elsewhere),
and a "not" in one clause turns the other around. Checked clause by clause, each figure and
each negation meets the claim its own clause is about.
"""

from __future__ import annotations

import re

from verifier.models import CONTRADICTED, SUPPORTED, UNVERIFIED, Citation, Verdict
from verifier.text import content_stems

# Where one clause ends and the next fact begins: ", and", ", but", "; " (kept by the split).
_JOINS = re.compile(r"(,\s+(?:and|but)\s+|;\s+)", re.IGNORECASE)
MIN_CLAUSE_STEMS = 3  # a shorter tail ("and again in 2014") leans on the clause before it
MAX_CLAUSES = 4


def split_clauses(statement: str) -> list[str]:
    """Split a statement at its joins into clauses that each state enough to be checked.

    A part too short to check alone stays joined to the part before it; a statement with no
    such join, or more than MAX_CLAUSES parts, is one clause.
    """
    pieces = _JOINS.split(statement)  # clause, join, clause, join, ...
    if len(pieces) == 1 or len(pieces) > 2 * MAX_CLAUSES - 1:
        return [statement]
    clauses = [pieces[0]]
    for join, part in zip(pieces[1::2], pieces[2::2], strict=True):
        if len(content_stems(part)) < MIN_CLAUSE_STEMS:
            clauses[-1] += join + part  # keeps a short tail with the fact it finishes
        else:
            clauses.append(part)
    if len(clauses) > 1 and len(content_stems(clauses[0])) < MIN_CLAUSE_STEMS:
        return [statement]
    return clauses


def join_verdicts(statement: str, parts: list[Verdict]) -> Verdict:
    """Join the verdicts of a statement's clauses: contradicted if any clause is, supported
    if every clause is, else unverified; reasons from the clauses that decide it."""
    for outcome in (CONTRADICTED, UNVERIFIED):
        deciding = [v for v in parts if v.verdict == outcome]
        if deciding:
            break
    else:
        outcome, deciding = SUPPORTED, parts
    return Verdict(
        statement,
        outcome,
        min(v.confidence for v in deciding),
        " ".join(dict.fromkeys(v.explanation for v in deciding)),
        tuple(r for v in deciding for r in v.reasons),
        _cited(deciding if outcome == CONTRADICTED else parts),
    )


def _cited(parts: list[Verdict]) -> tuple[Citation, ...]:
    """Every claim the clauses cite, once, in the order first cited."""
    seen: dict[str, Citation] = {}
    for verdict in parts:
        for citation in verdict.citations:
            seen.setdefault(citation.claim_id, citation)
    return tuple(seen.values())
