"""ClaimReview JSON-LD: the schema.org vocabulary's required and recommended properties."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from flask.testing import FlaskClient

# From schema.org ClaimReview and the fact-check structured data guidelines that read it:
# required on the review, recommended on the review, and expected of each nested type.
REVIEW_REQUIRED = {"@context", "@type", "claimReviewed", "reviewRating", "url", "author"}
REVIEW_RECOMMENDED = {"datePublished", "itemReviewed"}
RATING_PROPERTIES = {"@type", "ratingValue", "alternateName", "bestRating", "worstRating"}


def _check(review: dict[str, Any], label: str) -> None:
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert set(review) >= REVIEW_REQUIRED | REVIEW_RECOMMENDED
    assert review["author"]["@type"] == "Organization" and review["author"]["name"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", review["datePublished"])
    assert review["url"].startswith("http")
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and set(rating) >= RATING_PROPERTIES
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert rating["alternateName"] == label
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"]["@type"] in ("Person", "Organization") and claim["author"]["name"]
    assert claim["appearance"] and all(
        a["@type"] == "CreativeWork" and a["headline"] for a in claim["appearance"]
    )


@pytest.mark.parametrize(
    ("statement", "label"),
    [
        ("About 5,000 U.S. troops will remain in Iraq.", "Contradicted"),
        ("The U.S. intervention in Iraq began in 2003.", "Supported"),
    ],
)
def test_verify_as_claimreview(client: FlaskClient, statement: str, label: str) -> None:
    response = client.post("/api/v1/verify?format=claimreview", json={"statement": statement})
    assert response.status_code == 200 and response.mimetype == "application/ld+json"
    review = response.get_json(force=True)
    _check(review, label)
    assert review["claimReviewed"] == statement


def test_an_unverified_statement_is_rated_in_the_middle(client: FlaskClient) -> None:
    response = client.post(
        "/api/v1/verify?format=claimreview",
        json={"statement": "Oil prices fell 5 percent on Monday."},
    )
    review = response.get_json(force=True)
    assert review["reviewRating"]["alternateName"] == "Unverified"
    assert review["reviewRating"]["ratingValue"] == 3


def test_a_stored_claim_as_claimreview(client: FlaskClient) -> None:
    response = client.get("/api/v1/claims/c-2614a1f7a3fd/claimreview")
    assert response.status_code == 200 and response.mimetype == "application/ld+json"
    review = response.get_json(force=True)
    _check(review, "Supported")
    assert review["itemReviewed"]["author"]["name"] == "anonymous Iraqi official"
    assert "Associated Press" in review["reviewBody"]


def test_the_publisher_comes_from_settings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from verifier import create_app

    client = create_app(
        {"DATABASE": str(tmp_path / "p.db"), "PUBLISHER": "Daily Example"}
    ).test_client()
    review = client.get("/api/v1/claims/c-2614a1f7a3fd/claimreview").get_json(force=True)
    assert review["author"] == {"@type": "Organization", "name": "Daily Example"}


HOSTILE = "</script><script>alert(1)</script><!-- & -->"


def test_claimreview_can_be_embedded_in_a_script_element(client: FlaskClient) -> None:
    from tests.conftest import WRITE_KEY

    claim = {
        "id": "c-hostile",
        "text": f"The port handled 5,000 boxes in 2023 {HOSTILE}.",
        "speaker": f"Ann {HOSTILE}",
        "title": f"Port {HOSTILE}",
    }
    auth = {"Authorization": f"Bearer {WRITE_KEY}"}
    assert client.post("/api/v1/claims", json=claim, headers=auth).status_code == 201
    responses = [
        client.get(f"/api/v1/claims/c-hostile/claimreview?x={HOSTILE}"),
        client.post(
            f"/api/v1/verify?format=claimreview&x={HOSTILE}",
            json={"statement": f"The port handled 5,000 boxes in 2023 {HOSTILE}, Ann said."},
        ),
    ]
    for response in responses:
        raw = response.get_data(as_text=True)
        assert response.status_code == 200
        assert not set("<>&") & set(raw), raw[:300]
        review = json.loads(raw)
        assert HOSTILE in review["claimReviewed"]  # the same text, escaped only in the JSON
        assert "x=" not in review["url"] and "script" not in review["url"]


def test_claimreview_url_comes_from_settings(tmp_path: Any) -> None:
    from verifier import create_app

    app = create_app({"DATABASE": str(tmp_path / "u.db"), "PUBLIC_URL": "https://news.example/"})
    client = app.test_client()
    review = client.get(
        "/api/v1/claims/c-2614a1f7a3fd/claimreview", headers={"Host": "evil.example"}
    ).get_json()
    assert review["url"] == "https://news.example/api/v1/claims/c-2614a1f7a3fd/claimreview"
    verdict = client.post(
        "/api/v1/verify?format=claimreview",
        json={"statement": "Troops remain in Iraq."},
        headers={"Host": "evil.example"},
    )
    assert json.loads(verdict.get_data(as_text=True))["url"] == "https://news.example/api/v1/verify"
