"""The REST API in-process: endpoints, auth, pagination and the one error shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import WRITE_KEY
from verifier import create_app

AUTH = {"Authorization": f"Bearer {WRITE_KEY}"}
GOLDEN = Path(__file__).parent / "golden"
READER = "reader-" + "r" * 32


def _boom_app(tmp_path: Path) -> Flask:
    app = create_app(
        {"DATABASE": str(tmp_path / "boom.db"), "API_KEYS": WRITE_KEY, "MAX_BODY_BYTES": 2048}
    )

    @app.route("/api/v1/boom", methods=["POST"])
    def boom() -> None:
        raise RuntimeError("secret internals /etc/passwd SELECT * FROM claims")

    return app


ERROR_CASES = [
    (
        400,
        dict(
            path="/api/v1/verify", method="POST", data="{not json", content_type="application/json"
        ),
    ),
    (401, dict(path="/api/v1/claims", method="POST", json={"text": "A claim."})),
    (404, dict(path="/api/v1/nowhere", method="GET")),
    (404, dict(path="/api/v1/claims/c-missing", method="GET")),
    (405, dict(path="/api/v1/verify", method="GET")),
    (413, dict(path="/api/v1/verify", method="POST", json={"statement": "x" * 5000})),
    (
        415,
        dict(
            path="/api/v1/verify",
            method="POST",
            data="statement=x",
            content_type="application/x-www-form-urlencoded",
        ),
    ),
    (422, dict(path="/api/v1/verify", method="POST", json={"statment": "typo"})),
    (422, dict(path="/api/v1/verify/batch", method="POST", json={"statements": ["a b"] * 101})),
    (500, dict(path="/api/v1/boom", method="POST", json={})),
]


@pytest.mark.parametrize(
    ("status", "request_args"), ERROR_CASES, ids=[f"{s}-{a['path']}" for s, a in ERROR_CASES]
)
def test_every_error_is_problem_json(
    status: int, request_args: dict[str, Any], tmp_path: Path
) -> None:
    client = _boom_app(tmp_path).test_client()
    response = client.open(**request_args)
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    body = response.get_json(force=True)
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert body["title"] and body["detail"]
    text = json.dumps(body)
    for leak in ("Traceback", "SELECT", "/etc/passwd", "secret internals", ".py"):
        assert leak not in text
    if status == 422:
        assert body["errors"] and all(e["pointer"].startswith("/") for e in body["errors"])
    if status == 401:
        assert response.headers["WWW-Authenticate"] == "Bearer"
    if status == 405:
        assert "POST" in response.headers["Allow"]


def test_a_validation_error_points_at_the_field(client: FlaskClient) -> None:
    response = client.post("/api/v1/verify/batch", json={"statements": ["ok statement", ""]})
    assert response.status_code == 422
    assert response.get_json()["errors"] == [
        {"pointer": "/statements/1", "detail": "The statement is empty."}
    ]


def test_health(client: FlaskClient, backend: str) -> None:
    body = client.get("/health").get_json()
    assert body["status"] == "ok" and body["claims"] == 27 and body["articles"] == 1
    assert body["backend"] == backend


def test_golden_verify_body(client: FlaskClient) -> None:
    response = client.post(
        "/api/v1/verify", json={"statement": "About 5,000 U.S. troops will remain in Iraq."}
    )
    assert response.status_code == 200
    assert response.get_json() == json.loads((GOLDEN / "verify.json").read_text())


def test_golden_check_body(client: FlaskClient) -> None:
    draft = (
        "Roughly 3,000 U.S. troops will remain in Iraq. Oil prices fell 5 percent on "
        "Monday. The U.S. intervention in Iraq began in 2003."
    )
    response = client.post("/api/v1/check", json={"text": draft})
    assert response.status_code == 200
    assert response.get_json() == json.loads((GOLDEN / "check.json").read_text())


def test_batch_keeps_order(client: FlaskClient) -> None:
    statements = [
        "The U.S. intervention in Iraq began in 2005.",
        "Britain has 600 troops in Iraq.",
        "The U.S. intervention in Iraq began in 2003.",
    ]
    results = client.post("/api/v1/verify/batch", json={"statements": statements}).get_json()
    assert [r["statement"] for r in results["results"]] == statements
    assert [r["verdict"] for r in results["results"]] == ["contradicted", "unverified", "supported"]


def test_claims_pagination_visits_every_claim_once(client: FlaskClient) -> None:
    seen, cursor = [], None
    while True:
        query = "limit=7" + (f"&cursor={cursor}" if cursor else "")
        page = client.get(f"/api/v1/claims?{query}").get_json()
        seen += [c["id"] for c in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 27


def test_claims_search(client: FlaskClient) -> None:
    items = client.get("/api/v1/claims?q=cellular structure").get_json()["items"]
    assert "cellular structure" in items[0]["text"]


def test_claims_search_ranks_as_verification_and_pages(client: FlaskClient) -> None:
    # Not every word has to match ("casualties" is in no claim); the best claim comes first.
    first = client.get("/api/v1/claims?q=troops remain casualties&limit=4").get_json()
    assert first["items"][0]["id"] == "c-2614a1f7a3fd" and first["next_cursor"]
    seen, cursor = [c["id"] for c in first["items"]], first["next_cursor"]
    while cursor:
        page = client.get(f"/api/v1/claims?q=troops remain casualties&limit=4&cursor={cursor}")
        body = page.get_json()
        seen += [c["id"] for c in body["items"]]
        cursor = body["next_cursor"]
    assert len(seen) == len(set(seen)) > 4
    assert client.get("/api/v1/claims?q=xylophone quorum").get_json()["items"] == []


def test_an_articles_claims_page_in_the_order_of_its_text(client: FlaskClient) -> None:
    seen, cursor = [], ""
    while True:
        url = f"/api/v1/claims?article_id=us-withdraws-troops-from-iraq&limit=5{cursor}"
        page = client.get(url).get_json()
        seen += [(c["start"], c["id"]) for c in page["items"]]
        if not page["next_cursor"]:
            break
        cursor = f"&cursor={page['next_cursor']}"
    assert len(seen) == 27 and seen == sorted(seen)


CURSORS = [
    ("q=troops&", "not-base64!"),
    ("q=troops&", "ImMtMSI="),  # an id listing's cursor given to a search
    ("article_id=x&", "MTA="),  # a search's offset given to an article listing
    ("", "WzEsICJhIl0="),  # an article listing's cursor given to the id listing
    ("q=troops&", "LTE="),  # a negative offset
]


@pytest.mark.parametrize(("query", "cursor"), CURSORS, ids=[f"{q}{c}" for q, c in CURSORS])
def test_a_cursor_from_elsewhere_is_a_problem(client: FlaskClient, query: str, cursor: str) -> None:
    response = client.get(f"/api/v1/claims?{query}cursor={cursor}")
    assert response.status_code == 422 and response.mimetype == "application/problem+json"
    assert response.get_json()["errors"] == [{"pointer": "/cursor", "detail": "Unknown cursor."}]


JUNK_ARTICLES = [
    ({"text": ""}, "empty"),
    ({"text": "  \n\n "}, "empty"),
    ({"text": "Council meets on Monday"}, "only a headline"),
    ({"text": "Council meets on Monday\n\n"}, "only a headline"),
]


@pytest.mark.parametrize(("body", "said"), JUNK_ARTICLES, ids=["empty", "blank", "title", "title+"])
def test_an_empty_or_headline_only_article_is_refused(
    client: FlaskClient, body: dict[str, str], said: str
) -> None:
    response = client.post("/api/v1/articles", json=body, headers=AUTH)
    assert response.status_code == 422
    [error] = response.get_json()["errors"]
    assert error["pointer"] == "/text" and said in error["detail"]
    assert client.get("/health").get_json()["articles"] == 1


def test_one_line_of_text_with_a_title_is_an_article(client: FlaskClient) -> None:
    body = {"title": "Ferry", "text": "The ferry carried 1,200 passengers in May, Lee said."}
    assert client.post("/api/v1/articles", json=body, headers=AUTH).status_code == 201


def test_the_imported_pseudo_article_goes_with_its_last_claim(client: FlaskClient) -> None:
    texts = ["The port handled 1.2 million containers in 2023.", "The port hired 40 pilots."]
    ids = [
        client.post("/api/v1/claims", json={"text": t}, headers=AUTH).get_json()["id"]
        for t in texts
    ]
    articles = lambda: [a["id"] for a in client.get("/api/v1/articles").get_json()["items"]]  # noqa: E731
    assert "imported" in articles() and client.get("/health").get_json()["articles"] == 2
    client.delete(f"/api/v1/claims/{ids[0]}", headers=AUTH)
    assert "imported" in articles()  # one claim is still there
    client.delete(f"/api/v1/claims/{ids[1]}", headers=AUTH)
    assert "imported" not in articles() and client.get("/health").get_json()["articles"] == 1
    seed = client.get("/api/v1/claims?article_id=us-withdraws-troops-from-iraq&limit=500")
    for claim in seed.get_json()["items"]:  # an article with text stays, even emptied
        client.delete(f"/api/v1/claims/{claim['id']}", headers=AUTH)
    assert articles() == ["us-withdraws-troops-from-iraq"]


def test_openapi_offers_the_api_key_for_writes(client: FlaskClient) -> None:
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "An API key: `verifier keys create`, or one of VERIFIER_API_KEYS.",
    }
    assert spec["paths"]["/api/v1/claims"]["post"]["security"] == [{"bearerAuth": []}]
    assert spec["paths"]["/api/v1/articles/{article_id}"]["delete"]["security"] == [
        {"bearerAuth": []}
    ]
    assert spec["security"] == [{}, {"bearerAuth": []}]  # reads: a key only when locked


def test_the_docs_page_has_the_sites_navigation(client: FlaskClient) -> None:
    html = client.get("/api/v1/docs").get_data(as_text=True)
    assert '<a href="/">Editor' in html and '<a href="/claims">Claims browser</a>' in html
    assert '<a href="/api/v1/docs" aria-current="page">API docs</a>' in html


def test_article_with_its_claims(client: FlaskClient) -> None:
    article = client.get("/api/v1/articles/us-withdraws-troops-from-iraq").get_json()
    assert article["author"] == "Kevin Joseph Ryan" and len(article["claims"]) == 27
    for claim in article["claims"]:
        assert article["text"][claim["start"] : claim["end"]] == claim["quote"]


def test_writes_need_the_key(client: FlaskClient) -> None:
    body = {"text": "The council approved 14 new bus lines in 2024."}
    assert client.post("/api/v1/claims", json=body).status_code == 401
    bad = {"Authorization": "Bearer wrong"}
    assert client.post("/api/v1/claims", json=body, headers=bad).status_code == 401
    malformed = {"Authorization": f"Token {WRITE_KEY}"}
    assert client.post("/api/v1/claims", json=body, headers=malformed).status_code == 401
    created = client.post("/api/v1/claims", json=body, headers=AUTH)
    assert created.status_code == 201
    claim_id = created.get_json()["id"]
    assert client.delete(f"/api/v1/claims/{claim_id}").status_code == 401
    assert client.delete(f"/api/v1/claims/{claim_id}", headers=AUTH).status_code == 204
    assert client.get(f"/api/v1/claims/{claim_id}").status_code == 404


def test_no_configured_key_refuses_every_write(tmp_path: Path) -> None:
    client = create_app({"DATABASE": str(tmp_path / "k.db")}).test_client()
    response = client.post(
        "/api/v1/claims", json={"text": "x y z"}, headers={"Authorization": "Bearer anything"}
    )
    assert response.status_code == 401
    assert "no API key" in response.get_json()["detail"]


def test_reads_can_be_locked(tmp_path: Path) -> None:
    client = create_app({"DATABASE": str(tmp_path / "r.db"), "READ_KEYS": READER}).test_client()
    body = {"statement": "The U.S. intervention in Iraq began in 2003."}
    assert client.post("/api/v1/verify", json=body).status_code == 401
    ok = client.post("/api/v1/verify", json=body, headers={"Authorization": f"Bearer {READER}"})
    assert ok.status_code == 200


def test_article_create_and_delete(client: FlaskClient) -> None:
    text = "Bridge reopens\n\nThe city said the bridge carries 30,000 cars a day."
    created = client.post("/api/v1/articles", json={"text": text, "author": "Desk"}, headers=AUTH)
    assert created.status_code == 201
    article = created.get_json()
    assert article["title"] == "Bridge reopens" and article["claims"]
    verdict = client.post(
        "/api/v1/verify", json={"statement": "The bridge carries 50,000 cars a day."}
    ).get_json()
    assert verdict["verdict"] == "contradicted"
    assert client.delete(f"/api/v1/articles/{article['id']}", headers=AUTH).status_code == 204
    assert client.get(f"/api/v1/articles/{article['id']}").status_code == 404
    assert client.get("/health").get_json()["claims"] == 27


def test_cors_is_off_by_default_and_follows_the_setting(tmp_path: Path) -> None:
    closed = create_app({"DATABASE": str(tmp_path / "c1.db")}).test_client()
    origin = {"Origin": "https://cms.example"}
    assert "Access-Control-Allow-Origin" not in closed.get("/api/v1/claims", headers=origin).headers
    open_ = create_app(
        {"DATABASE": str(tmp_path / "c2.db"), "CORS_ORIGINS": "https://cms.example"}
    ).test_client()
    allowed = open_.get("/api/v1/claims", headers=origin).headers
    assert allowed["Access-Control-Allow-Origin"] == "https://cms.example"
    other = open_.get("/api/v1/claims", headers={"Origin": "https://evil.example"}).headers
    assert "Access-Control-Allow-Origin" not in other


def test_openapi_is_generated_from_the_schemas(client: FlaskClient) -> None:
    spec = client.get("/api/v1/openapi.json").get_json()
    assert {
        "/api/v1/verify",
        "/api/v1/verify/batch",
        "/api/v1/check",
        "/api/v1/claims",
        "/api/v1/claims/{claim_id}",
        "/api/v1/articles",
        "/health",
    } <= set(spec["paths"])
    assert "VerdictSchema" in json.dumps(spec) or "Verdict" in spec["components"]["schemas"]
    assert client.get("/api/v1/docs").status_code == 200
    with client.get("/api/v1/docs/static/swagger-ui-bundle.js") as script:
        assert script.status_code == 200


def test_an_articles_claims_come_in_pages(client: FlaskClient) -> None:
    path = "/api/v1/articles/us-withdraws-troops-from-iraq"
    seen: list[str] = []
    cursor = None
    for _ in range(10):
        page = client.get(
            path, query_string={"limit": 10, **({"cursor": cursor} if cursor else {})}
        )
        body = page.get_json()
        assert page.status_code == 200 and len(body["claims"]) <= 10 and body["text"]
        seen += [c["id"] for c in body["claims"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 27
    first = client.get(path).get_json()
    assert len(first["claims"]) == 27 and first["next_cursor"] is None  # 50 a page by default
    assert client.get(path, query_string={"limit": 501}).status_code == 422
