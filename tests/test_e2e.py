"""End to end: `verifier serve` as a real process on 127.0.0.1, spoken to over HTTP."""

from __future__ import annotations

from tests.conftest import WRITE_KEY, Server, seed_dev_rows
from verifier.engine.service import Engine, verify

AUTH = {"Authorization": f"Bearer {WRITE_KEY}"}


def test_health_reports_the_seeded_claims(server: Server) -> None:
    status, body, _ = server.request("GET", "/health")
    assert status == 200 and body["claims"] >= 25


def test_verify_over_http(server: Server) -> None:
    status, body, headers = server.request(
        "POST", "/api/v1/verify", {"statement": "About 5,000 U.S. troops will remain in Iraq."}
    )
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    assert body["verdict"] == "contradicted"
    assert "roughly\u00a04,000 U.S. troops to remain" in body["citations"][0]["quote"]


def test_batch_over_http(server: Server) -> None:
    statements = ["The U.S. intervention in Iraq began in 2003.", "Oil prices fell 5 percent."]
    status, body, _ = server.request("POST", "/api/v1/verify/batch", {"statements": statements})
    assert status == 200
    assert [r["verdict"] for r in body["results"]] == ["supported", "unverified"]


def test_draft_offsets_slice_the_draft(server: Server) -> None:
    draft = (
        "Col. Ryan Dillon pledged continued support for Iraq\u2019s security forces.\n\n"
        "Some 4k American troops are set to remain in Iraq.  Oil prices fell 5 percent."
    )
    status, body, _ = server.request("POST", "/api/v1/check", {"text": draft})
    assert status == 200
    assert [draft[s["start"] : s["end"]] for s in body["sentences"]] == [
        s["text"] for s in body["sentences"]
    ]
    assert [s["verdict"]["verdict"] for s in body["sentences"]] == [
        "contradicted",
        "supported",
        "unverified",
    ]
    assert body["counts"] == {"supported": 1, "contradicted": 1, "unverified": 1}


def test_claim_and_article_crud_with_and_without_the_key(server: Server) -> None:
    claim = {
        "text": "The port handled 1.2 million containers in 2023.",
        "speaker": "Port Authority",
    }
    assert server.request("POST", "/api/v1/claims", claim)[0] == 401
    assert server.request("POST", "/api/v1/claims", claim, {"Authorization": "Bearer no"})[0] == 401
    status, created, _ = server.request("POST", "/api/v1/claims", claim, AUTH)
    assert status == 201
    status, fetched, _ = server.request("GET", f"/api/v1/claims/{created['id']}")
    assert status == 200 and fetched["text"] == claim["text"]
    status, verdict, _ = server.request(
        "POST", "/api/v1/verify", {"statement": "The port handled 2 million containers in 2023."}
    )
    assert verdict["verdict"] == "contradicted"
    assert server.request("DELETE", f"/api/v1/claims/{created['id']}")[0] == 401
    assert server.request("DELETE", f"/api/v1/claims/{created['id']}", None, AUTH)[0] == 204
    assert server.request("GET", f"/api/v1/claims/{created['id']}")[0] == 404

    article = {
        "text": "Library expands\n\nThe library added 5,000 books in March 2024.",
        "author": "Desk",
    }
    assert server.request("POST", "/api/v1/articles", article)[0] == 401
    status, stored, _ = server.request("POST", "/api/v1/articles", article, AUTH)
    assert status == 201 and stored["claims"]
    assert server.request("GET", f"/api/v1/articles/{stored['id']}")[0] == 200
    assert server.request("DELETE", f"/api/v1/articles/{stored['id']}", None, AUTH)[0] == 204
    assert server.request("GET", f"/api/v1/articles/{stored['id']}")[0] == 404


def test_errors_over_http_are_problem_json(server: Server) -> None:
    status, body, headers = server.request("POST", "/api/v1/verify", {"statement": ""})
    assert status == 422 and headers["Content-Type"] == "application/problem+json"
    assert body["errors"][0]["pointer"] == "/statement"


def test_seed_dev_gets_the_same_verdicts_over_http(server: Server, engine: Engine) -> None:
    rows = seed_dev_rows()
    status, body, _ = server.request(
        "POST", "/api/v1/verify/batch", {"statements": [r["statement"] for r in rows]}
    )
    assert status == 200
    over_http = [r["verdict"] for r in body["results"]]
    in_process = [verify(r["statement"], engine).verdict for r in rows]
    assert over_http == in_process
