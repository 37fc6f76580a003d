"""Statements joining several facts: split into clauses, each checked alone, verdicts joined.

"The battle has ended, and troops dwindled to 4,000" states two facts. Checked whole, a
figure of one clause may be vouched for by the claim of the other (a 4,000 stated elsewhere),
and a "not" in one clause turns the other around. Checked clause by clause, each figure and
each negation meets the claim its own clause is about.
"""

from __future__ import annotations

import re
from functools import lru_cache

from verifier.language.parse import parse_syntax
from verifier.language.text import content_stems
from verifier.models import CONTRADICTED, SUPPORTED, UNVERIFIED, Citation, Verdict

# Where one clause ends and the next fact begins: ", and", ", but", ", though", "; " (kept by
# the split).
_JOINS = re.compile(r"(,\s+(?:and|but|though|although|whereas)\s+|;\s+)", re.IGNORECASE)
MIN_CLAUSE_STEMS = 3  # a shorter tail ("and again in 2014") leans on the clause before it
MAX_CLAUSES = 4
# A concessive side clause: inside a sentence (", though he spoke of a change,") or closing it
# (", though he did not say where"); group 2 holds the comma that ends one inside.
_CONCESSION = re.compile(
    r",[\"'\u201d\u2019]?\s+(?:even\s+)?(?:though|although|whereas)\s+([^,;]*)(,?)", re.IGNORECASE
)


def without_side_clauses(text: str) -> str:
    """Return a text without the concessive side clauses that state nothing to check alone.

    One inside the sentence ("The U.S., though it announced a drawdown, has not begun ...")
    goes, and so does a short one closing it ("..., though he did not say where"), so that
    neither's "not" turns the sentence around. A longer closing one states a fact of its own
    ("..., though the U.S. has not begun to withdraw") and stays: split_clauses checks it.
    """
    kept, last = [], 0
    for side in _CONCESSION.finditer(text):
        inside = bool(side.group(2)) and text[side.end() :].strip() != ""
        if inside or len(content_stems(side.group(1))) < MIN_CLAUSE_STEMS:
            kept.append(text[last : side.start()])
            last = side.end()
    if not kept:
        return text
    return " ".join(part.strip() for part in [*kept, text[last:]] if part.strip())


def split_clauses(statement: str) -> list[str]:
    """Split a statement at its joins into clauses that each state enough to be checked.

    Concessive side clauses that state nothing alone are left out first (so the one clause
    of a statement may be shorter than the statement); a part too short to check alone stays
    joined to the part before it; a statement with no such join, or more than MAX_CLAUSES
    parts, is one clause.
    """
    statement = without_side_clauses(statement)
    pieces = _JOINS.split(statement)  # clause, join, clause, join, ...
    if len(pieces) == 1:
        pieces = list(joined_by_and(statement))
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


@lru_cache(maxsize=2048)
def joined_by_and(statement: str) -> tuple[str, ...]:
    """Split a statement at an "and" without a comma that joins two clauses, each with a
    subject of its own named by a noun ("Bualao was killed and the gunman was arrested"; not
    "were arrested and deported", one subject, nor "and he said", a pronoun leaning on the
    clause before): (clause, join, clause), or the statement alone."""
    if " and " not in statement:
        return (statement,)
    doc = parse_syntax(statement)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return (statement,)
    # the main clause's verb, or the verb of what it reports ("Firefighters said the blaze
    # was not started deliberately and the building was evacuated")
    heads = [root, *(c for c in root.children if c.dep_ == "ccomp")]
    for head, verb in ((h, v) for h in heads for v in h.children):
        if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        join = next((c for c in head.children if c.dep_ == "cc" and c.i < verb.i), None)
        if subject is None or subject.pos_ == "PRON" or join is None or join.lower_ != "and":
            continue
        if any(c.dep_ == "mark" for c in verb.children):
            continue  # "stating that X and that Y": two things said, one clause saying them
        at = join.idx
        return (statement[:at].rstrip(), " and ", statement[at + len(join.text) :].lstrip())
    return (statement,)


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
