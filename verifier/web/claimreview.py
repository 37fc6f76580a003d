"""schema.org ClaimReview JSON-LD for verdicts and stored claims."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from verifier.models import CONTRADICTED, SUPPORTED, ArticleRef, Citation, Claim, Verdict

# schema.org Rating: 1 (worst) to 5 (best); alternateName is the label people read.
_RATINGS = {SUPPORTED: (5, "Supported"), CONTRADICTED: (1, "Contradicted")}
_UNRATED = (3, "Unverified")
CONTEXT = "https://schema.org"
# Inside <script type="application/ld+json"> a "</script>" or "<!--" in any stored text would
# end the script or change how it is read; as \u escapes the JSON means the same.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_safe_json(document: dict[str, Any]) -> str:
    """Serialize JSON-LD so it can be embedded in an HTML script element as it is."""
    return json.dumps(document, ensure_ascii=False).translate(_SCRIPT_SAFE)


def _organisation(name: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": name}


def _rating(verdict: str) -> dict[str, Any]:
    value, label = _RATINGS.get(verdict, _UNRATED)
    return {
        "@type": "Rating",
        "ratingValue": value,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": label,
    }


def _appearance(article: ArticleRef) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": article.title}
    if article.url:
        work["url"] = article.url
    if article.author:
        work["author"] = {"@type": "Person", "name": article.author}
    if article.published:
        work["datePublished"] = article.published
    return work


def _today() -> str:
    return datetime.now(UTC).date().isoformat()


def review_verdict(
    verdict: Verdict, url: str, publisher: str, speaker: str | None = None
) -> dict[str, Any]:
    """Describe a verdict on a statement as a ClaimReview."""
    cited = {c.article.id: c.article for c in verdict.citations}
    claim: dict[str, Any] = {
        "@type": "Claim",
        "author": {"@type": "Person", "name": speaker} if speaker else _organisation("Unknown"),
        "appearance": [_appearance(a) for a in cited.values()],
    }
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": verdict.statement,
        "datePublished": _today(),
        "author": _organisation(publisher),
        "reviewBody": verdict.explanation,
        "reviewRating": _rating(verdict.verdict),
        "itemReviewed": claim,
    }


def review_claim(claim: Claim, article: ArticleRef, url: str, publisher: str) -> dict[str, Any]:
    """Describe a stored claim as a ClaimReview: the statement as its source reported it."""
    citation = Citation.of(claim, article, 1.0)
    chain = " via ".join(claim.attribution) or "the source"
    verdict = Verdict(
        claim.text,
        SUPPORTED,
        1.0,
        f"Reported in \u201c{article.title}\u201d ({chain}).",
        (),
        (citation,),
    )
    review = review_verdict(verdict, url, publisher, claim.speaker)
    if article.published:
        review["itemReviewed"]["datePublished"] = article.published
    return review
