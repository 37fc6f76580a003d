"""Statement features, and how closely each candidate claim speaks of a statement's topic."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from verifier.engine.extract import statement_speaker
from verifier.language.comparison import SCORES, agree, compatible, margin_agrees
from verifier.language.denials import is_negated
from verifier.language.entities import capitals_as_places, find_entities
from verifier.language.numbers import extract_quantities
from verifier.language.places import countries_among
from verifier.language.quoting import quoted_passages
from verifier.language.text import (
    content_stems,
    stem,
    stems_of,
    words,
)
from verifier.language.units import is_measure
from verifier.models import Candidate, Claim, Quantity

# Words that say little about a topic: they count less toward coverage.
_LIGHT = frozenset(
    stem(w)
    for w in [
        "set",
        "expected",
        "part",
        "include",
        "includes",
        "including",
        "make",
        "made",
        "take",
        "taken",
        "get",
        "got",
        "going",
        "go",
        "goes",
        "new",
        "now",
        "year",
        "years",
        "time",
        "times",
        "like",
        "well",
        "way",
        "according",
        "report",
        "reported",
        "people",
        "number",
        "first",
        "last",
    ]
)
# A label a draft puts before a line ("Photo caption: ...", "Update: ..."): no name in it.
_LABEL = re.compile(
    r"^\W*(?:photo|picture|image|caption|photo caption|headline|update|correction|breaking"
    r"|editor's note|analysis|fact check)\s*:\s*",
    re.IGNORECASE,
)
# Topic score added when every count and percentage of a statement is in the claim.
FIGURE_BONUS = 0.05


@dataclass(frozen=True)
class StatementFeatures:
    """What verification needs to know about a statement, computed once."""

    text: str
    stems: tuple[str, ...]
    quantities: tuple[Quantity, ...]
    negated: bool
    speaker: str | None
    entities: tuple[str, ...]
    words: frozenset[str]
    speaker_stems: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()  # ISO codes of the countries it names
    opening: str | None = None  # its first word, when counted among its names (may be common)
    places: frozenset[str] = frozenset()  # capitals it names as places ("from Baghdad")
    quotes: tuple[str, ...] = ()  # the words it quotes, each passage's words joined by spaces


@dataclass(frozen=True)
class Match:
    """A candidate claim and how close it is to the statement, in [0, 1]."""

    candidate: Candidate
    score: float

    @property
    def claim(self) -> Claim:
        """The matched claim."""
        return self.candidate.claim

    @property
    def context(self) -> frozenset[str]:
        """Every word around the matched claim."""
        return self.candidate.context


def prepare_statement(text: str) -> StatementFeatures:
    """Compute the features of a statement once, for every candidate to use."""
    credited = statement_speaker(text)
    speaker = credited.name if credited is not None else None
    # a speaker's name and role are judged as a speaker; a country or a body known by its
    # initials ("Germany announced", "the U.N. said") is also a name the claim must speak of
    speaker_words = (
        set(words(f"{speaker} {credited.role or ''}")) | set(credited.setting)
        if credited is not None and speaker
        else set()
    )
    text_words = words(text)
    body = _LABEL.sub("", text, count=1)  # the line after a label ("Update: ...")
    body_words = text_words if body == text else words(body)
    named = find_entities(body)
    return StatementFeatures(
        text=text,
        stems=tuple(dict.fromkeys(stems_of(text_words))),
        quantities=extract_quantities(text),
        negated=is_negated(text),
        speaker=speaker,
        entities=tuple(e for e in named if e not in speaker_words or countries_among([e])),
        words=frozenset(text_words),
        speaker_stems=frozenset(content_stems(speaker)) if speaker else frozenset(),
        countries=countries_among(named),
        opening=body_words[0] if body_words and body_words[0] in named else None,
        places=capitals_as_places(text),
        quotes=tuple(" ".join(words(q)) for q in quoted_passages(text)),
    )


def topic_score(statement: StatementFeatures, candidate: Candidate) -> float:
    """Score how closely a claim speaks of the statement's topic, numbers left out."""
    said, fact = statement.stems, candidate.stems
    if not said or not fact:
        return 0.0
    context = candidate.topic or frozenset(fact)
    weights, said_set, said_text = _statement_side(said, statement.speaker_stems)
    covered = sum(
        w * (1.0 if s in context else fuzzy_hit(s, context))
        for s, w in zip(said, weights, strict=True)
    )
    coverage = covered / sum(weights)
    precision = sum(1 for s in fact if s in said_set) / len(fact)
    ratio = fuzz.token_set_ratio(said_text, " ".join(fact)) / 100
    topic = 0.45 * coverage + 0.2 * precision + 0.15 * ratio + 0.2 * _bigram_overlap(said, fact)
    said_figures, source = statement.quantities, candidate.quantities
    return min(
        1.0,
        topic
        + 0.1 * _slot_overlap(said_figures, source)
        + FIGURE_BONUS * _same_figures(said_figures, source)
        + QUOTE_BONUS * _same_quotes(statement.quotes, candidate.text)
        + MEASURE_BONUS * _same_measures(said_figures, source)
        + MEASURE_BONUS * _same_scores(said_figures, source),
    )


# Topic score added when the claim gives each of the statement's measures ("235 mpg", "370
# mm", "3.5 km"): a figure in a unit of measure is specific enough to tell the passage it
# comes from, however the rest is worded ("Swiss car gets about 235 mpg" of a long sentence
# ending "equalling to about 235 miles per gallon").
MEASURE_BONUS = 0.2


def _same_measures(said: tuple[Quantity, ...], source: tuple[Quantity, ...]) -> float:
    measures = [q for q in said if q.kind == "count" and q.unit and is_measure(q.unit)]
    if not measures:
        return 0.0
    return sum(
        1 for q in measures if any(c.unit and compatible(q, c) and agree(q, c, 0.0) for c in source)
    ) / len(measures)


def _same_scores(said: tuple[Quantity, ...], source: tuple[Quantity, ...]) -> float:
    """Share of the statement's scores ("58-44") the claim gives, either way round: as
    specific to a passage as a measure ("The Australians lost to Germany, 44-58 in front of
    a capacity crowd" for "Germany beat the Gliders 58-44")."""
    scores = [q for q in said if q.kind == "tally"]
    if not scores:
        return 0.0
    return sum(
        1 for q in scores if any(c.kind == "tally" and c.value == q.value for c in source)
    ) / len(scores)


# Topic score added when the claim holds, word for word, what the statement quotes: a
# speaker's own words tell which passage a statement is about, whoever it credits them to.
QUOTE_BONUS = 0.2


def _same_quotes(quotes: tuple[str, ...], text: str) -> float:
    if not quotes:
        return 0.0
    written = f" {' '.join(words(text))} "
    return sum(1 for q in quotes if f" {q} " in written) / len(quotes)


@lru_cache(maxsize=64)
def _statement_side(
    said: tuple[str, ...], speaker_stems: frozenset[str]
) -> tuple[tuple[float, ...], frozenset[str], str]:
    """What topic scoring needs of a statement's stems, the same for each of its candidates:
    each stem's weight, the stems as a set, and as text."""
    # Who is speaking is judged apart (speaker_matches); a different name must not also
    # make the claim look off-topic.
    weights = tuple(0.0 if s in speaker_stems else _weight(s) for s in said)
    if not any(weights):
        weights = (1.0,) * len(said)
    return weights, frozenset(said), " ".join(said)


def _slot_overlap(said: tuple[Quantity, ...], source: tuple[Quantity, ...]) -> float:
    """Share of the statement's quantities for which the claim has one of the same kind.

    Values are not compared here (that is the verdict's job); only whether the claim speaks
    of the same sort of figure, which tells "170,000 troops in 2007" from "60 percent".
    """
    # a rank, or the number of a name ("Boeing 737"), is no sort of figure
    said = tuple(q for q in said if q.kind not in ("ordinal", "label"))
    if not said:
        return 0.0
    return sum(
        1 for q in said if any(compatible(q, c) or _score_and_margin(q, c) for c in source)
    ) / len(said)


def _score_and_margin(said: Quantity, source: Quantity) -> bool:
    """A winning margin and a score: the same sort of figure ("a two-point win" / "52-50")."""
    return said.kind != source.kind and {said.kind, source.kind} == SCORES


def _same_figures(said: tuple[Quantity, ...], source: tuple[Quantity, ...]) -> float:
    """Share of the statement's counts, percentages, tallies, times of day and days of a month
    that the claim states with the same value.

    An exact figure tells which of several close claims a statement is about ("40,000 troops
    before 2011" is the 40,000 claim, not "roughly 4,000 to remain"; "as soon as the 30th of
    June" is "as early as June 30"). Years, months and weekdays are left out: many facts
    share one.
    """
    figures = [q for q in said if q.kind in ("count", "percent", "tally", "clock", "day", "margin")]
    if not figures:
        return 0.0
    return sum(
        1
        for q in figures
        if any(c.value == q.value and compatible(q, c) for c in source)
        or margin_agrees(q, source, 0.0)
    ) / len(figures)


def _weight(stem: str) -> float:
    return 0.4 if is_light(stem) else 1.0


def is_light(stem: str) -> bool:
    """Tell whether a stem says little about a topic ("make", "year", "report")."""
    return stem in _LIGHT


def _bigram_overlap(said: tuple[str, ...], fact: tuple[str, ...]) -> float:
    """Share of the statement's adjacent stem pairs that the claim also has, in order."""
    if len(said) < 2:
        return 1.0 if said and said[0] in fact else 0.0
    theirs = set(itertools.pairwise(fact))
    mine = list(itertools.pairwise(said))
    return sum(1 for pair in mine if pair in theirs) / len(mine)


def fuzzy_hit(stem: str, context: frozenset[str]) -> float:
    """Give partial credit to a stem that is a near spelling of one in the claim."""
    if len(stem) < 5:
        return 0.0
    found = process.extractOne(stem, context, scorer=fuzz.ratio, score_cutoff=85)
    return 0.7 if found else 0.0


def rank(statement: StatementFeatures, candidates: list[Candidate]) -> list[Match]:
    """Score each candidate for topic, keeping the retrieval order (verdicts re-sort)."""
    return [Match(c, topic_score(statement, c)) for c in candidates]
