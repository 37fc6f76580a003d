"""Frozen dataclasses that carry the domain between layers: no rows, no dicts."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

SUPPORTED = "supported"
CONTRADICTED = "contradicted"
UNVERIFIED = "unverified"


@dataclass(frozen=True)
class Quantity:
    """A number found in text: a count, a percentage, a year, a month or a weekday."""

    value: float
    # "count" | "percent" | "year" | "month" | "day" | "weekday" | "ordinal" | "tally" | "clock"
    kind: str
    unit: str | None = None  # what is counted ("troops"), stemmed; None when unknown
    qualifier: str | None = None  # "approx" | "more" | "less" | "at_least" | "at_most" | "nearly"
    raw: str = ""
    # the words naming what is counted when more than the unit does, its head last ("total
    # gold medals" of "six total gold medals"); not part of the figure's identity
    phrase: str | None = field(default=None, compare=False)

    def interval(self, tolerance: float) -> tuple[float, float]:
        """Return the closed range of values this quantity allows."""
        v = self.value
        slack = abs(v) * tolerance
        if self.qualifier == "approx":
            return v - slack, v + slack
        if self.qualifier == "nearly":
            return v - slack, v
        if self.qualifier == "more":
            return math.nextafter(v, math.inf), math.inf
        if self.qualifier == "at_least":
            return v, math.inf
        if self.qualifier == "less":
            return -math.inf, math.nextafter(v, -math.inf)
        if self.qualifier == "at_most":
            return -math.inf, v
        return v, v

    def describe(self) -> str:
        """Render the quantity as a journalist would read it."""
        if self.kind in ("month", "weekday", "tally", "clock", "label"):
            return self.raw or str(self.value)
        number = f"{self.value:,.0f}" if self.value == int(self.value) else f"{self.value:,g}"
        if self.kind == "year":
            number = str(int(self.value))
        prefix = {
            "approx": "about ",
            "nearly": "nearly ",
            "more": "more than ",
            "less": "fewer than ",
            "at_least": "at least ",
            "at_most": "at most ",
        }.get(self.qualifier or "", "")
        suffix = " percent" if self.kind == "percent" else ""
        return f"{prefix}{number}{suffix}"


@dataclass(frozen=True)
class Article:
    """A source article: its text and what is known of where it came from."""

    id: str
    title: str
    text: str
    author: str | None = None
    url: str | None = None
    published: str | None = None
    publisher: str | None = None
    photo_credit: str | None = None


@dataclass(frozen=True)
class Claim:
    """One checkable fact of an article, with the verbatim sentence it rests on."""

    id: str
    article_id: str
    text: str  # the fact itself, as matched against statements
    quote: str  # the verbatim source sentence
    start: int  # offsets of `quote` in the article text
    end: int
    speaker: str | None = None
    speaker_role: str | None = None
    attribution: tuple[str, ...] = ()  # the chain, innermost first: speaker, then who reported
    quantities: tuple[Quantity, ...] = ()
    negated: bool = False
    title: str | None = None  # a headline for the claim (a fact-check's title), searched too


@dataclass(frozen=True)
class ArticleRef:
    """The part of an article a citation names."""

    id: str
    title: str
    author: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Citation:
    """Where a verdict comes from: the claim, its verbatim sentence and its place."""

    claim_id: str
    quote: str
    speaker: str | None
    attribution: tuple[str, ...]
    article: ArticleRef
    start: int
    end: int
    similarity: float

    @classmethod
    def of(cls, claim: Claim, article: ArticleRef, similarity: float) -> Citation:
        """Cite a claim of an article."""
        return cls(
            claim.id,
            claim.quote,
            claim.speaker,
            claim.attribution,
            article,
            claim.start,
            claim.end,
            similarity,
        )


@dataclass(frozen=True)
class Reason:
    """Why a verdict was given, with the two values side by side where there are two."""

    code: str
    detail: str
    statement_value: str | None = None
    claim_value: str | None = None


@dataclass(frozen=True)
class Verdict:
    """The answer for one statement."""

    statement: str
    verdict: str
    confidence: float
    explanation: str
    reasons: tuple[Reason, ...] = ()
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class DraftSentence:
    """One sentence of a draft, where it sits in the draft, and its verdict."""

    start: int
    end: int
    text: str
    verdict: Verdict | None  # None when the sentence holds nothing checkable


@dataclass(frozen=True)
class DraftReport:
    """The verdicts of a whole draft."""

    sentences: tuple[DraftSentence, ...]
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Candidate:
    """A claim prepared for re-ranking: what scoring needs, the rest decoded on first use.

    Ten candidates are scored for every statement and few of them are close enough to be
    judged, so the claim itself and the words around it are only built when asked for.
    """

    claim_id: str
    stems: tuple[str, ...]  # content stems of the fact, numbers left out
    quantities: tuple[Quantity, ...]
    load: Callable[[], tuple[Claim, frozenset[str]]]  # the claim, and every word around it
    relevance: float = 0.0  # the index's own score (BM25, higher is better)
    topic: frozenset[str] = frozenset()  # stems of the fact and its sentence, for coverage
    text: str = ""  # the fact as written, for comparing wording

    @cached_property
    def _loaded(self) -> tuple[Claim, frozenset[str]]:
        return self.load()

    @property
    def claim(self) -> Claim:
        """The claim, decoded from its stored row."""
        return self._loaded[0]

    @property
    def context(self) -> frozenset[str]:
        """Words of the claim's sentence, attribution and article, for entity checks."""
        return self._loaded[1]


def claim_from_record(record: dict[str, Any]) -> Claim:
    """Build a claim from its JSON record."""
    return Claim(
        id=record["id"],
        article_id=record["article_id"],
        text=record["text"],
        quote=record["quote"],
        start=record["start"],
        end=record["end"],
        speaker=record.get("speaker"),
        speaker_role=record.get("speaker_role"),
        attribution=tuple(record.get("attribution") or ()),
        quantities=tuple(Quantity(**q) for q in record.get("quantities") or ()),
        negated=bool(record.get("negated", False)),
        title=record.get("title"),
    )
