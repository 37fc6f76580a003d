"""Comparing quantities: whether two speak of the same thing, and whether both can be true."""

from __future__ import annotations

import math
from dataclasses import replace

from verifier.language.measures import MEASURE_UNITS
from verifier.language.number_words import HEDGES
from verifier.language.scores import SCORE, SCORE_UNITS, tally_scores
from verifier.language.text import stem
from verifier.language.units import convert, convertible, same_unit
from verifier.models import Quantity


def compatible(statement: Quantity, claim: Quantity) -> bool:
    """Tell whether two quantities speak of the same thing (kind and unit)."""
    if statement.kind != claim.kind:
        return False
    if statement.kind in ("day", "clock", "label") and statement.unit and claim.unit:
        # the day of one month says nothing of another's, nor a time of one zone of another's,
        # nor the number of one name of another's ("Category 4", "Boeing 737")
        return statement.unit == claim.unit
    if statement.kind != "count":
        return True
    if statement.unit is None or claim.unit is None:
        return True
    if SCORE in (statement.unit, claim.unit):
        other = claim.unit if statement.unit == SCORE else statement.unit
        return other == SCORE or stem(other) in SCORE_UNITS
    if statement.unit in _AGES or claim.unit in _AGES:
        return claim.unit in _AGES.get(statement.unit, ()) or statement.unit in _AGES.get(
            claim.unit, ()
        )
    return (
        stem(statement.unit) == stem(claim.unit)
        or convertible(statement.unit, claim.unit)
        or count_relation(statement, claim) == "same"
    )


# What an age is held against (counted.AGE, counted.OLD): a person's age against ages; an
# age that may be a thing's ("a 20-year-old law") also against a span of years.
_AGES = {
    "years of age": frozenset({"years of age", "years old"}),
    "years old": frozenset({"years of age", "years old", "year", "years"}),
}
# Words that add nothing to what a count names: "six total gold medals" are gold medals.
_ADDING_NOTHING = frozenset({"total", "overall", "combined", "all"})


def count_relation(statement: Quantity, claim: Quantity) -> str | None:
    """How two counts named by words before one head noun relate: "same" (the same words,
    "five gold medals" and "six total gold medals"), "part" (the statement's names more:
    "15 mumps cases" of "five cases", "5 gold medals" of "12 medals"), "whole" (the claim's
    names more); None for other things ("gold medals" and "silver medals")."""
    if statement.kind != "count" or claim.kind != "count":
        return None
    mine = (statement.phrase or statement.unit or "").split()
    theirs = (claim.phrase or claim.unit or "").split()
    if not mine or not theirs:
        return None
    if stem(mine[-1]) != stem(theirs[-1]):
        return _among_people(mine[-1], theirs[-1])
    before = {stem(w) for w in mine[:-1] if w not in _ADDING_NOTHING}
    their_before = {stem(w) for w in theirs[:-1] if w not in _ADDING_NOTHING}
    if before == their_before:
        return "same"
    if their_before < before:
        return "part"
    return "whole" if before < their_before else None


# The words that count people as such: "eight people" are "the six individuals" counted
# otherwise. (A count of people of a kind, "passengers", is no part of a count of people:
# two counts of one sentence may be of different groups, "15 people were arrested" and
# "5,000 protesters marched".)
_PEOPLE = frozenset({"people", "persons", "individuals"})


def _among_people(mine: str, theirs: str) -> str | None:
    """ "same" for "people" against "individuals"; None for any other two nouns."""
    return "same" if mine in _PEOPLE and theirs in _PEOPLE else None


def same_count(statement: Quantity, claim: Quantity) -> bool:
    """Tell whether two counts of things named differently are one figure: "1,500 workers"
    for "1,500 employees", "seventy million people" for "70 million pilgrims". Only the
    very same value, qualified alike, and never money or a measure ("1,500 dollars", "a
    week" for "a month")."""
    return (
        statement.kind == claim.kind == "count"
        and statement.value == claim.value
        and statement.qualifier == claim.qualifier
        and statement.unit is not None
        and claim.unit is not None
        and statement.unit not in MEASURE_UNITS
        and claim.unit not in MEASURE_UNITS
        and not convertible(statement.unit, claim.unit)
    )


def agree(statement: Quantity, claim: Quantity, tolerance: float) -> bool:
    """Tell whether two compatible quantities can both be true."""
    if "decade" in (statement.qualifier, claim.qualifier):
        s_end = statement.value + (9 if statement.qualifier == "decade" else 0)
        c_end = claim.value + (9 if claim.qualifier == "decade" else 0)
        return statement.value <= c_end and claim.value <= s_end
    if statement.kind in ("year", "month", "weekday", "day", "clock", "label"):
        return statement.value == claim.value
    converted = in_claims_unit(statement, claim)
    if converted is not statement and converted.value != statement.value:
        # a figure converted is rounded as the writer saw fit ("100 kilometres (around 62
        # miles)", "209 km/h" of "130 mph"): within CONVERSION_SLACK of the claim's it is the
        # same figure
        if math.isclose(converted.value, claim.value, rel_tol=CONVERSION_SLACK):
            converted = replace(converted, value=claim.value)
        statement = converted
    s_lo, s_hi = statement.interval(tolerance)
    c_lo, c_hi = claim.interval(tolerance)
    if claim.qualifier is None and statement.qualifier is None:
        return math.isclose(statement.value, claim.value, rel_tol=1e-6)
    if statement.qualifier in HEDGES and claim.qualifier in HEDGES:
        # Two hedged figures: one must fall within the other's slack. Overlapping slacks
        # would let "about 150,000" pass for "about 170,000".
        return s_lo <= claim.value <= s_hi or c_lo <= statement.value <= c_hi
    if statement.qualifier in _FLOORS and claim.qualifier in _FLOORS:
        # both say "at least": the statement may claim less than the source, never more
        # ("more than 250,000" for "at least 300,000"; not "at least six" for "at least four")
        return s_lo <= c_lo
    if statement.qualifier == claim.qualifier == "at_most":
        # "up to $3,000" states the cap itself: "up to $5,000" is another cap, not a looser one
        return math.isclose(statement.value, claim.value, rel_tol=1e-6)
    if statement.qualifier in _CEILINGS and claim.qualifier in _CEILINGS:
        return c_hi <= s_hi
    return s_lo <= c_hi and c_lo <= s_hi


def within_bound(statement: Quantity, claim: Quantity) -> bool:
    """Tell whether a figure stated outright or hedged is one a claim's bound allows without
    stating it: "61 killed" of "killing at least 48", "about 300,000" of "at least 300,000"
    (which LABELING.md calls no support). The bound's own figure stated outright is what it
    states ("48 killed" of "at least 48")."""
    if claim.qualifier not in _BOUNDS or statement.qualifier in _BOUNDS:
        return False
    return not (
        statement.qualifier is None
        and claim.qualifier in _INCLUSIVE
        and math.isclose(statement.value, claim.value, rel_tol=1e-6)
    )


# How far a figure converted into another unit may be from the claim's and still be it.
CONVERSION_SLACK = 0.02


def in_claims_unit(statement: Quantity, claim: Quantity) -> Quantity:
    """The statement's figure written in the claim's unit, when the two units differ and
    measure one thing ("3.5 km" as 2.17 miles); the figure itself otherwise."""
    if not (statement.unit and claim.unit) or stem(statement.unit) == stem(claim.unit):
        return statement
    if same_unit(statement.unit, claim.unit):  # "96 km" of "100 kilometres": no rounding
        return replace(statement, unit=claim.unit)
    value = convert(statement.value, statement.unit, claim.unit)
    return statement if value is None else replace(statement, value=value, unit=claim.unit)


_FLOORS = frozenset({"more", "at_least"})
_CEILINGS = frozenset({"less", "at_most"})
_BOUNDS = _FLOORS | _CEILINGS
_INCLUSIVE = frozenset({"at_least", "at_most"})


# A score and a winning margin: the one's difference is the other ("52-50" / "a two-point win").
SCORES = frozenset({"tally", "margin"})


def margin_agrees(said: Quantity, source: tuple[Quantity, ...], tolerance: float) -> bool | None:
    """Whether a margin agrees with a score or margin of the source, or a score with a margin:
    True when one does, False when the source gives only others, None when it gives none."""
    if said.kind not in SCORES or (said.kind == "tally" and any(c.kind == "tally" for c in source)):
        return None  # a score against a score is compared as it is
    theirs = [as_margin(c) for c in source if c.kind in SCORES and c.kind != said.kind]
    theirs += [c for c in source if said.kind == c.kind == "margin"]
    if not theirs:
        return None
    mine = as_margin(said)
    return any(agree(mine, c, tolerance) for c in theirs)


def as_margin(q: Quantity) -> Quantity:
    if q.kind != "tally":
        return q
    high, low = tally_scores(q.value)
    return Quantity(float(high - low), "margin", None, None, q.raw)


def as_counts(figures: tuple[Quantity, ...], others: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
    """The figures, a margin among them read as the count it also is ("a 500-point loss":
    500 points) when the other side gives no score or margin to hold it against."""
    if any(q.kind in SCORES for q in others) or not any(q.kind == "margin" for q in figures):
        return figures
    return tuple(replace(q, kind="count") if q.kind == "margin" else q for q in figures)
