"""Scores and winning margins: "won 57-50", "a 52-50 defeat", "tied 19-19", "a two-point win",
"edged Germany by two points". A score is one figure either way round, a margin its
difference; a score's own numbers count points (or goals, votes, seats), never people or days.
Each pattern reads a bounded stretch, so the pass is linear in the text's length.
"""

from __future__ import annotations

import re
from dataclasses import replace

from verifier.language.number_words import MONTHS, QUALIFIERS, SMALL
from verifier.models import Quantity

# A tally ("voted 7-2", "ended 35-23", "a 3-1 win"): two numbers that are one figure. Read only
# beside a word that makes it one, so that a range ("10-15 people") stays a range.
_TALLY_CUES = (
    r"won|wins|winning|lost|loses|losing|beat|beats|beaten|beating|defeated|defeats|defeating|"
    r"led|leads|leading|trailed|trails|trailing|ended|ends|ending|finished|finishing|drew|"
    r"drawing|voted|votes|voting|vote|score|scored|scores|scoring|ahead|behind|final|margin|"
    r"victory|win|defeat|loss|draw|lead|tied|level(?=\s+at\b)"
)
# Words after a score that make it one ("a 3-1 win", "a 7-2 vote").
_AFTER_CUES = "vote|decision|victory|win|defeat|loss"
_TALLY = re.compile(
    rf"\b(?P<before>(?:{_TALLY_CUES})\s+(?:(?:by|at|a|an|the|of)\s+)?)?"
    r"(?<![\d.,$])(?P<a>\d{1,3})\s?[-\u2013\u2014]\s?(?P<b>\d{1,3})(?!\d|,\d|%|\.\d|\s?percent)"
    rf"(?P<after>\s+(?:{_TALLY_CUES}|{_AFTER_CUES}))?",
    re.IGNORECASE,
)


# The unit of a score's numbers: what a score counts ("48-46": points, goals, votes, seats),
# never people or days ("some 2,000 spectators", "six weeks").
SCORE = "score"
SCORE_UNITS = frozenset("point goal run vote seat stroke shot".split())  # stems
# The words beside which two numbers are a score: a score's own numbers may read one as the
# thing they count ("a 52-50 defeat").
TALLY_WORDS = frozenset(w for w in f"{_TALLY_CUES}|{_AFTER_CUES}".split("|") if w.isalpha())


def tally_value(a: int, b: int) -> float:
    """One number for a score, either way round ("57-50" and "50-57": 57.05)."""
    return max(a, b) + min(a, b) / 1000


def tally_scores(value: float) -> tuple[int, int]:
    """The two scores of a tally_value, higher first."""
    high = int(value)
    return high, round((value - high) * 1000)


def find_tallies(text: str) -> list[tuple[int, int, str]]:
    """Return each tally of a text as (first, second, as written)."""
    found = []
    if "-" in text or "\u2013" in text or "\u2014" in text:
        found = [
            (int(m.group("a")), int(m.group("b")), f"{m.group('a')}\u2013{m.group('b')}")
            for m in _TALLY.finditer(text)
            if m.group("before") or m.group("after") or _result_before(text, m)
        ]
    if " to " in text:
        found += [
            (a, b, f"{a}\u2013{b}")
            for m in _TALLY_TO.finditer(text)
            for a, b in [(int(m.group("a")), int(m.group("b")))]
            if a > b and not _counted_next(text, m.end())
        ]
    return found


# A score written with "to" after the word that makes it one: "led 30 to 29", "ahead, 30 to
# 29", "voted 7 to 2". Only higher first: a range counts up ("10 to 15 people"), and one
# followed by what it counts is no score ("won 15 to 10 seats").
_TALLY_TO = re.compile(
    rf"\b(?:{_TALLY_CUES}),?\s+(?:(?:by|at|of)\s+)?(?P<a>\d{{1,3}})\s+to\s+(?P<b>\d{{1,3}})(?!\d|[.,]\d|%)",
    re.IGNORECASE,
)


# A result told earlier in the clause, its score after the side it names: "beat the German
# team 48-46 in the final", "lost to Germany, 44-58". A number pair followed by what it
# counts is a range ("won 10-15 seats", "lost 2-3 of its players"), and one with no side named
# before it is no score ("the final death toll could reach 20-30").
_RESULT = re.compile(
    r"\b(?i:won|wins|beat|beats|beaten|defeated|defeats|lost|loses|loss|defeat|victory|win"
    r"|drew|draw)\b[^.;:!?]*?\b[A-Z][^.;:!?]*$"
)
_COUNTED_NEXT = re.compile(r"\s*[A-Za-z]")
_FUNCTION_NEXT = re.compile(
    r"\s*(?:in|at|on|to|for|against|over|with|and|but|as|after|before|when|while|during"
    r"|the|a|an|from|by|thanks|despite|under)\b",
    re.IGNORECASE,
)
_CLAUSE_REACH = 80  # characters a result word may stand before its score


# What makes a pair a range or a span of days: "aged 18-24", "between 10-15", "January 3-5".
_RANGE_BEFORE = re.compile(
    rf"\b(?:aged?|ages|between|from|{'|'.join(MONTHS)})\.?\s*$", re.IGNORECASE
)


def _counted_next(text: str, at: int) -> bool:
    """A word after a pair of numbers that they count ("10-15 seats"; not "in", "at")."""
    return bool(_COUNTED_NEXT.match(text, at)) and not _FUNCTION_NEXT.match(text, at)


def _result_before(text: str, match: re.Match[str]) -> bool:
    after = match.end("b")
    if _counted_next(text, after):
        return False
    if _RANGE_BEFORE.search(text, max(0, match.start("a") - 12), match.start("a")):
        return False
    start = max(0, match.start("a") - _CLAUSE_REACH)
    return _RESULT.search(text, start, match.start("a")) is not None


# A winning margin: "a two-point win", "a 3-goal victory", "edged Germany by two points",
# "won by more than 25 points". The difference of a score, held against a score the source
# gives ("a narrow 52-50 defeat of Brazil"), never against a count. Only "by" in the result's
# own clause, with no comma or joining word between ("beat the Lakers on Friday, powered by
# 35 points from Curry", "lost the seat as its share fell by 12 points" are no margins), and
# not a tally written out ("by 306 votes to 242", "by a vote of 51 to 49"). "A 500-point loss"
# may be an index's: a margin against a source with no score is held as the count it is.
_MARGIN_NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}}){{0,4}}(?![\d,])|{'|'.join(sorted(SMALL, key=len, reverse=True))})"
)
_MARGIN_UNITS = r"(?:points?|goals?|runs?|strokes?|shots?|votes?|seats?)"
_GAP = r"(?:(?!\b(?:as|while|when|after|before|because|and|but|since|then)\b)[^.;:!?,]){0,40}?"
_MARGIN = re.compile(
    rf"\b(?P<n>{_MARGIN_NUMBER})[-\s](?P<unit>{_MARGIN_UNITS})\s+"
    r"(?:win|victory|margin|triumph|defeat|loss)\b"
    r"|\b(?:won|beat|beats|beaten|edged|edges|defeated|defeats|lost|loses|triumphed|passed"
    rf"|approved|rejected|carried){_GAP}"
    r"\bby\s+(?:(?P<bound>more\s+than|over|fewer\s+than|less\s+than|under|at\s+least)\s+)?"
    rf"(?:just\s+|only\s+)?(?P<by>{_MARGIN_NUMBER}|a|a\s+single)\s+(?P<by_unit>{_MARGIN_UNITS})\b"
    r"(?!\s+(?:to\s+\d|of\b|from\b))",
    re.IGNORECASE,
)
_HAS_MARGIN_WORD = re.compile(r"\b(?:win|victory|margin|triumph|defeat|loss)\b", re.IGNORECASE)
# The bound a margin's words set ("more than", "under"), as the number reader names it.
_MARGIN_BOUNDS = {" ".join(words): bound for words, bound in QUALIFIERS}


def find_margins(text: str) -> list[tuple[int, str | None, tuple[int, int], str, str]]:
    """Return each winning margin of a text: (its size, its bound, the span of its number
    and unit, which are no count of their own, the margin as written, and its unit)."""
    if " by " not in text and not _HAS_MARGIN_WORD.search(text):
        return []
    found = []
    for m in _MARGIN.finditer(text):
        number = (m.group("n") or m.group("by")).lower().replace(",", "")
        size = int(number) if number.isdigit() else SMALL.get(number, 1)
        qualifier = _MARGIN_BOUNDS.get(" ".join((m.group("bound") or "").lower().split()))
        if m.group("n"):  # "a two-point win"
            span, raw = (m.start("n"), m.end("unit")), f"a {m.group(0)}"
        else:  # "by two points"
            first = m.start("bound") if m.group("bound") else m.start("by")
            span, raw = (m.start("by"), m.end("by_unit")), f"by {text[first : m.end()]}"
        found.append((size, qualifier, span, raw, (m.group("unit") or m.group("by_unit")).lower()))
    return found


def read_scores(text: str) -> tuple[tuple[Quantity, ...], tuple[Quantity, ...], str]:
    """Return a text's scores, its winning margins, and the text with each margin's number and
    unit blanked (no count of their own)."""
    tallies = tuple(
        Quantity(tally_value(a, b), "tally", None, None, raw) for a, b, raw in find_tallies(text)
    )
    found = find_margins(text)
    if found:
        pieces, last = [], 0
        for _, _, (start, end), _, _ in found:
            pieces += [text[last:start], " " * (end - start)]
            last = end
        text = "".join([*pieces, text[last:]])
    margins = tuple(
        Quantity(float(n), "margin", unit, bound, raw) for n, bound, _, raw, unit in found
    )
    return tallies, margins, text


def score_counts(
    counted: tuple[Quantity, ...], tallies: tuple[Quantity, ...]
) -> tuple[Quantity, ...]:
    """The counts, a score's own numbers among them given the unit SCORE."""
    if not tallies:
        return counted
    scores = {float(n) for t in tallies for n in tally_scores(t.value)}
    return tuple(replace(q, unit=SCORE) if _of_the_score(q, scores) else q for q in counted)


def _of_the_score(count: Quantity, scores: set[float]) -> bool:
    """A count that is one of a score's own numbers ("52" and "50" of "a 52-50 defeat"), not
    another count of the same value ("3 players were booked" beside "beat Chelsea 3-1")."""
    return (
        count.value in scores
        and count.raw.isdigit()
        and (count.unit is None or count.unit in TALLY_WORDS)
    )
