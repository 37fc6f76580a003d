"""Figures held against figures: which of a statement's quantities a claim vouches for,
which it contradicts, and how each is written in an explanation."""

from __future__ import annotations

from verifier.engine.attachment import closest
from verifier.language.comparison import (
    SCORES,
    agree,
    as_counts,
    compatible,
    count_relation,
    margin_agrees,
    same_count,
    within_bound,
)
from verifier.language.dateline import RELATIVE
from verifier.language.scores import SCORE, tally_scores
from verifier.models import Quantity, Reason

VALUE_CODES = {
    "year": "year_mismatch",
    "month": "date_mismatch",
    "weekday": "date_mismatch",
    "day": "date_mismatch",
    "count": "number_mismatch",
    "percent": "number_mismatch",
    "ordinal": "number_mismatch",
    "tally": "number_mismatch",
    "margin": "number_mismatch",
    "clock": "time_mismatch",
    "label": "number_mismatch",
}


def compare_quantities(
    said: tuple[Quantity, ...],
    source: tuple[Quantity, ...],
    tolerance: float,
    texts: tuple[str, str] | None = None,
) -> tuple[set[int], list[Reason]]:
    """Align quantities by what they count; a value with no agreeing peer is a conflict.

    A bound is held against the claim's bound of the same sort when it gives one: "as high
    as 170" against "as high as 140", not against "at least 70" in the same sentence. Of
    several rivals, the one given for what the statement's figure is given for is shown,
    when the `texts` (statement, claim) tell it ("the Greens took four" against "the Greens
    two", not against "the Liberals have won seven").
    """
    said, source = as_counts(said, source), as_counts(source, said)
    # a margin against the source's scores ("a two-point win" / "52-50"), and the other way
    margins = {
        i: margin_agrees(s, source, tolerance) for i, s in enumerate(said) if s.kind in SCORES
    }
    covered = {
        i
        for i, s in enumerate(said)
        if any(
            (compatible(s, c) and agree(s, c, tolerance) and not within_bound(s, c))
            or same_count(s, c)
            or (count_relation(s, c) in _NESTED and agree(s, c, tolerance))
            for c in _peers(s, source)
        )
        or _tally_in_counts(s, source)
        or margins.get(i) is True
    }
    used = {
        j
        for j, c in enumerate(source)
        if any(compatible(s, c) and agree(s, c, tolerance) for s in said)
    }
    conflicts = []
    for i, s in enumerate(said):
        if i in covered or any(
            compatible(s, c) and agree(s, c, tolerance) and within_bound(s, c) for c in source
        ):
            # a figure a bound allows without stating it is neither vouched for nor
            # contradicted there ("61 killed" of "killing at least 48 and injuring 200")
            continue
        if margins.get(i) is False:  # shown against the source's score, else its margin
            scores = sorted(
                (c for c in source if c.kind in SCORES), key=lambda c: c.kind != "tally"
            )
            conflicts.append(mismatch(s, scores[0]))
            continue
        rivals = [
            c
            for j, c in enumerate(source)
            if j not in used
            and (compatible(s, c) or _more_than_its_whole(s, c))
            and c.qualifier != RELATIVE
        ]
        if rivals:
            rival = closest(texts[0], s, texts[1], rivals) if texts else rivals[0]
            conflicts.append(mismatch(s, rival))
    return covered, conflicts


# A count of a part of what the other counts ("15 mumps cases" of "five cases a year"): the
# same number vouches for it (the passage counts just those), a part larger than its whole
# is contradicted, any other says nothing ("5 gold medals" of "12 medals").
_NESTED = frozenset({"part", "whole"})


def _more_than_its_whole(said: Quantity, source: Quantity) -> bool:
    relation = count_relation(said, source)
    if relation == "part":
        return said.value > source.value
    return relation == "whole" and said.value < source.value


def mismatch(said: Quantity, source: Quantity) -> Reason:
    """The reason a statement's figure is not the claim's, both written as they are."""
    return Reason(
        VALUE_CODES[said.kind],
        f"The source says {show(source)}, not {show(said)}.",
        show(said),
        show(source),
    )


def _tally_in_counts(said: Quantity, source: tuple[Quantity, ...]) -> bool:
    """A score the claim writes with no word that makes it one ("lost to Canada 50-57"):
    both its numbers among the claim's counts."""
    if said.kind != "tally":
        return False
    high, low = tally_scores(said.value)
    counts = {c.value for c in source if c.kind == "count" and c.qualifier is None}
    return high in counts and low in counts


def _peers(said: Quantity, source: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
    """The claim's figures a statement's figure is held against: those bounded alike, when
    the figure is a bound and the claim gives such a bound of the same thing."""
    if said.qualifier not in _BOUNDS:
        return source
    alike = tuple(c for c in source if c.qualifier == said.qualifier and compatible(said, c))
    return alike or source


_BOUNDS = frozenset({"at_most", "at_least"})


def show(q: Quantity) -> str:
    """Render a quantity as written, with what it counts: 'roughly 4,000 troops'."""
    text = " ".join(q.raw.split()) or q.describe()
    if q.kind == "percent" and not any(ch.isdigit() for ch in text):
        text += f" ({q.value:g} percent)"
    elif q.kind == "percent" and "percent" not in text.lower() and "%" not in text:
        text += " percent"
    if (
        q.kind == "count"
        and q.unit
        and q.unit != SCORE
        and q.unit not in text
        and not (q.unit == "dollar" and "$" in text)
    ):
        text += f" {q.phrase or q.unit}"  # "six total gold medals", not "six total"
    if q.kind == "day" and q.unit and text.isdigit():  # "27" of "Aug. 27": "August 27"
        text = f"{q.unit.title()} {text}"
    return text


def not_in_source(figures: list[Quantity]) -> Reason:
    shown = ", ".join(dict.fromkeys(show(q) for q in figures))
    return Reason("not_in_source", f"The source gives no figure for {shown}.", shown)
