"""Hostile input at the HTTP edge: whatever the text, never a 5xx; over-limit input refused at once.

A statement or draft is either answered (200, a well-formed verdict; unverified for garbage) or
refused with a 4xx problem+json, and bodies, statements, drafts and batches past their limits
are refused before any work is done.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import math
import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from werkzeug.test import TestResponse

from tests.conftest import WRITE_KEY, Server
from verifier import create_app

VERDICTS = {"supported", "contradicted", "unverified"}
REFUSALS = {400, 413, 415, 422}
AUTH = {"Authorization": f"Bearer {WRITE_KEY}"}
QUICK_S = 1.0  # a refusal does no work: it comes back well within this

# Pieces that have broken text pipelines before: numbers past float range, exponents, odd digits,
# control and bidirectional characters, quotes, full-text query syntax, very long words.
NUMBERS = [
    "10^400",
    "10**400",
    "1e309",
    "-1e309",
    "1e-400",
    "NaN",
    "Infinity",
    "9" * 300,
    "4,000,000,000,000,000,000,000",
    "0x1F",
    "1/0",
    "½",
    "٣٤٥",
    "\U0001d7d2\U0001d7ce\U0001d7ce\U0001d7ce",  # mathematical bold digits
    "\uff14\uff10\uff10\uff10",  # fullwidth digits
    "①②",
    "4k",
    "5,000",
    "60%",
]
MARKS = [
    "\u202e",
    "\u200f",
    "\u2066",
    "\u200b",
    "\ufeff",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\r\n",
    "\t",
    "\u00a0",
    "\u3000",
    "\ud800",
    "\udfff",
    "e\u0301",
]
QUOTES = ['"', "'", "\u201c", "\u201d", "«", "»", '"""', "\u201c\u2018\u201d\u2019", "\\", "{{"]
QUERY_SYNTAX = [
    "NEAR(troops",
    "troops*",
    "AND OR NOT",
    '"troops" OR',
    "^",
    "'; DROP TABLE claims; --",
]
WORDS = ["troops", "Iraq", "U.S.", "said", "not", "roughly", "Glynn", "🪖", "x" * 600, "Xy" * 300]

garbage = st.lists(st.sampled_from(NUMBERS + MARKS + QUOTES + ["", " ", "."]), max_size=12).map(
    "".join
)
piece = st.one_of(
    st.sampled_from(NUMBERS + MARKS + QUOTES + QUERY_SYNTAX + WORDS),
    st.text(max_size=20),
)
statements = st.lists(piece, max_size=14).flatmap(
    lambda pieces: st.sampled_from([" ", "", "\n"]).map(lambda sep: sep.join(pieces))
)
drafts = st.lists(statements, max_size=8).flatmap(
    lambda sentences: st.sampled_from([". ", "\n\n", "? ", "… "]).map(
        lambda sep: sep.join(sentences)
    )
)
fuzz = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def strict_json(response: TestResponse) -> Any:
    """Parse a body as JSON proper: Infinity and NaN are not JSON."""

    def refuse(constant: str) -> Any:
        raise ValueError(f"{constant} in a JSON body")

    return json.loads(response.get_data(as_text=True), parse_constant=refuse)


def assert_problem(response: TestResponse) -> dict[str, Any]:
    """Assert that a refusal is a 4xx application/problem+json with its four members."""
    assert response.status_code in REFUSALS, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/problem+json"
    body = strict_json(response)
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == response.status_code
    return body  # type: ignore[no-any-return]


def assert_verdict(verdict: dict[str, Any]) -> None:
    """Assert the shape of one verdict."""
    assert verdict["verdict"] in VERDICTS
    assert 0.0 <= verdict["confidence"] <= 1.0 and math.isfinite(verdict["confidence"])
    assert isinstance(verdict["explanation"], str) and verdict["explanation"]
    assert isinstance(verdict["reasons"], list) and isinstance(verdict["citations"], list)


@fuzz
@given(statement=statements)
def test_any_statement_gets_a_verdict_or_a_problem(client: FlaskClient, statement: str) -> None:
    response = client.post("/api/v1/verify", json={"statement": statement})
    if response.status_code != 200:
        assert_problem(response)
        return
    verdict = strict_json(response)
    assert_verdict(verdict)
    # what the server received: two joined pieces may form a surrogate pair, which JSON
    # carries as one character
    assert verdict["statement"] == json.loads(json.dumps(statement))


@fuzz
@given(statement=garbage)
def test_garbage_is_unverified(client: FlaskClient, statement: str) -> None:
    response = client.post("/api/v1/verify", json={"statement": statement})
    if response.status_code != 200:
        assert assert_problem(response)["status"] == 422  # empty or blank
        return
    assert strict_json(response)["verdict"] == "unverified"


@fuzz
@given(draft=drafts)
@example(draft="\ud800\udfff")  # found by CI: a surrogate pair arrives as one character
def test_any_draft_gets_a_report_or_a_problem(client: FlaskClient, draft: str) -> None:
    response = client.post("/api/v1/check", json={"text": draft})
    if response.status_code != 200:
        assert_problem(response)
        return
    report = strict_json(response)
    # Offsets count the text the service received: JSON joins a Python string's high and
    # low surrogate ("\ud800\udfff") into one character (U+103FF).
    received = json.loads(json.dumps(draft))
    tally = dict.fromkeys(VERDICTS, 0)
    for sentence in report["sentences"]:
        assert received[sentence["start"] : sentence["end"]] == sentence["text"]
        assert sentence["checkable"] == (sentence["verdict"] is not None)
        if sentence["verdict"]:
            assert_verdict(sentence["verdict"])
            tally[sentence["verdict"]["verdict"]] += 1
    assert report["counts"] == tally


def _body(size: int) -> bytes:
    """Return a JSON body of `size` + 12 bytes."""
    return b'{"text": "' + b"a" * size + b'"}'


# (what, path, body, status, JSON pointer of the refused field or None)
OVER_LIMIT: list[tuple[str, str, Callable[[], Any], int, str | None]] = [
    (
        "statement 2001 chars",
        "/api/v1/verify",
        lambda: {"statement": "a" * 2001},
        422,
        "/statement",
    ),
    (
        "statement of blanks",
        "/api/v1/verify",
        lambda: {"statement": " \t\n" * 9},
        422,
        "/statement",
    ),
    ("statement not a string", "/api/v1/verify", lambda: {"statement": ["a"]}, 422, "/statement"),
    ("draft 100001 chars", "/api/v1/check", lambda: {"text": "a " * 50_000 + "b"}, 422, "/text"),
    (
        "batch of 101",
        "/api/v1/verify/batch",
        lambda: {"statements": ["a b"] * 101},
        422,
        "/statements",
    ),
    ("batch of nothing", "/api/v1/verify/batch", lambda: {"statements": []}, 422, "/statements"),
    (
        "batch with a long one",
        "/api/v1/verify/batch",
        lambda: {"statements": ["a b", "a" * 2001]},
        422,
        "/statements/1",
    ),
    ("body 1 MiB + 1", "/api/v1/check", lambda: _body((1 << 20) - 11), 413, None),
    ("body 8 MiB", "/api/v1/verify", lambda: _body(8 << 20), 413, None),
    ("article 100001 chars", "/api/v1/articles", lambda: {"text": "a" * 100_001}, 422, "/text"),
]


@pytest.mark.parametrize(
    ("path", "make_body", "status", "pointer"),
    [case[1:] for case in OVER_LIMIT],
    ids=[case[0] for case in OVER_LIMIT],
)
def test_over_limit_input_is_refused_at_once(
    client: FlaskClient,
    path: str,
    make_body: Callable[[], Any],
    status: int,
    pointer: str | None,
) -> None:
    body = make_body()
    started = time.perf_counter()
    if isinstance(body, bytes):
        response = client.post(path, data=body, content_type="application/json", headers=AUTH)
    else:
        response = client.post(path, json=body, headers=AUTH)
    elapsed = time.perf_counter() - started
    problem = assert_problem(response)
    assert response.status_code == status
    if pointer:
        assert pointer in [e["pointer"] for e in problem["errors"]]
    assert elapsed < QUICK_S, f"refused only after {elapsed:.2f} s"


AT_LIMIT: list[tuple[str, str, Callable[[], Any]]] = [
    ("statement 2000 chars", "/api/v1/verify", lambda: {"statement": "troops " * 285 + "Iraq."}),
    ("draft 100000 chars", "/api/v1/check", lambda: {"text": "a " * 50_000}),
    ("batch of 100", "/api/v1/verify/batch", lambda: {"statements": ["troops in Iraq"] * 100}),
]


@pytest.mark.parametrize(
    ("path", "make_body"), [c[1:] for c in AT_LIMIT], ids=[c[0] for c in AT_LIMIT]
)
def test_input_at_the_limit_is_answered(
    client: FlaskClient, path: str, make_body: Callable[[], Any]
) -> None:
    response = client.post(path, json=make_body())
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    strict_json(response)


@pytest.mark.parametrize(
    ("setting", "limit", "path", "body"),
    [
        ("MAX_STATEMENT_CHARS", 10, "/api/v1/verify", {"statement": "troops in Iraq"}),
        ("MAX_DRAFT_CHARS", 10, "/api/v1/check", {"text": "Troops stay. In Iraq."}),
        ("MAX_BATCH", 2, "/api/v1/verify/batch", {"statements": ["a b", "c d", "e f"]}),
        ("MAX_BODY_BYTES", 64, "/api/v1/verify", {"statement": "troops " * 20}),
    ],
)
def test_limits_follow_their_settings(
    tmp_path: Any, setting: str, limit: int, path: str, body: Any
) -> None:
    app: Flask = create_app({"DATABASE": str(tmp_path / "limits.db"), setting: limit})
    response = app.test_client().post(path, json=body)
    assert assert_problem(response)["status"] in (413, 422)


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/claims", {"text": "The city hired 5 \ud800 teachers."}),
        ("/api/v1/articles", {"text": "Head \udfff\n\nThe city hired 5 teachers, Ann Lee said."}),
    ],
    ids=["claim", "article"],
)
def test_lone_surrogates_in_writes_are_refused_not_crashed(
    client: FlaskClient, path: str, body: dict[str, str]
) -> None:
    response = client.post(path, json=body, headers=AUTH)
    assert response.status_code < 500


@pytest.mark.parametrize(
    "text",
    ["troops remain " + "ab" * 6000 + " iraq", "Troops remain in Iraq " + "9" * 12_000 + " times."],
    ids=["long word", "long number"],
)
def test_a_long_word_in_a_draft_costs_linear_time(client: FlaskClient, text: str) -> None:
    started = time.perf_counter()
    response = client.post("/api/v1/check", json={"text": text})
    elapsed = time.perf_counter() - started
    assert response.status_code == 200
    assert elapsed < 0.5, f"{len(text)} chars took {elapsed:.1f} s"


def test_an_unreadable_figure_in_a_claim_is_still_json(client: FlaskClient) -> None:
    text = "The city hired " + "9" * 40 + " teachers in 2024."
    created = client.post("/api/v1/claims", json={"text": text}, headers=AUTH)
    assert created.status_code == 201
    claim_id = json.loads(created.get_data(as_text=True))["id"]
    for response in (created, client.get(f"/api/v1/claims/{claim_id}")):
        strict_json(response)


@pytest.mark.parametrize("number", ["10^400", "10**400"])
def test_exponent_numbers_are_not_misread(client: FlaskClient, number: str) -> None:
    statement = f"About {number} U.S. troops will remain in Iraq."
    verdict = strict_json(client.post("/api/v1/verify", json={"statement": statement}))
    assert verdict["verdict"] == "unverified", verdict["explanation"]


def _chunks(size: int) -> Iterator[bytes]:
    yield b'{"text": "'
    for _ in range(size // 65536):
        yield b"a" * 65536
    yield b'"}'


def test_chunked_body_over_the_limit_gets_413(server: Server) -> None:
    address = urlsplit(server.base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    started = time.perf_counter()
    try:
        # the server may answer 413 and close before the body ends: read the answer anyway
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            connection.request(
                "POST",
                "/api/v1/check",
                body=_chunks(2 << 20),
                headers={"Content-Type": "application/json"},
                encode_chunked=True,
            )
        response = connection.getresponse()
        status, ctype = response.status, response.getheader("Content-Type")
        response.read()
    finally:
        connection.close()
    assert ctype == "application/problem+json"
    assert time.perf_counter() - started < 5
    assert status == 413


def test_a_chunked_body_under_the_limit_is_read_whole(server: Server) -> None:
    address = urlsplit(server.base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    parts = [b'{"statement": "About 5,000 U.S. troops ', b'will remain in Iraq."}']
    try:
        connection.request(
            "POST",
            "/api/v1/verify",
            body=iter(parts),
            headers={"Content-Type": "application/json"},
            encode_chunked=True,
        )
        response = connection.getresponse()
        status, body = response.status, json.loads(response.read())
    finally:
        connection.close()
    assert status == 200 and body["verdict"] == "contradicted"


# --- JSON Python's decoder raises on, besides syntax errors ---------------------------------

BIG_INTEGER = b'{"statement": "troops remain", "x": 1' + b"0" * 5000 + b"}"
DEEP = b'{"statement": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
JSON_ROUTES = ["/api/v1/verify", "/api/v1/verify/batch", "/api/v1/check", "/api/v1/claims"]


@pytest.mark.parametrize("path", [*JSON_ROUTES, "/api/v1/articles"])
@pytest.mark.parametrize("body", [BIG_INTEGER, DEEP], ids=["integer of 5,001 digits", "deep"])
def test_json_the_decoder_cannot_read_is_a_400_problem(
    client: FlaskClient, path: str, body: bytes
) -> None:
    response = client.post(path, data=body, content_type="application/json", headers=AUTH)
    assert assert_problem(response)["status"] == 400


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/\ud800",
        "http://example.com/?q=\udfff",
        "http://ex\ud800ample.com/",
        "https://example.com/#\ud800",
    ],
)
def test_a_lone_surrogate_in_an_article_url_is_a_422(client: FlaskClient, url: str) -> None:
    body = {"text": "Port news\n\nThe port handled 5,000 boxes in 2023, Ann Lee said.", "url": url}
    response = client.post("/api/v1/articles", json=body, headers=AUTH)
    assert "/url" in [e["pointer"] for e in assert_problem(response)["errors"]]


# --- ids go in URLs ------------------------------------------------------------------------


@pytest.mark.parametrize("bad_id", ["a/b", ".", "..", "a b", "a?b", "a#b", "%2F", "é"])
@pytest.mark.parametrize(
    ("path", "field"),
    [("/api/v1/claims", "id"), ("/api/v1/claims", "article_id"), ("/api/v1/articles", "id")],
)
def test_an_id_that_cannot_go_in_a_url_is_refused(
    client: FlaskClient, bad_id: str, path: str, field: str
) -> None:
    body = {
        "text": "Port news\n\nThe port handled 5,000 boxes in 2023, Ann Lee said.",
        field: bad_id,
    }
    response = client.post(path, json=body, headers=AUTH)
    assert f"/{field}" in [e["pointer"] for e in assert_problem(response)["errors"]]


@pytest.mark.parametrize("good_id", ["c-1", "a.b", "x_y~z", "A-9"])
def test_a_url_safe_id_can_be_fetched_and_deleted(client: FlaskClient, good_id: str) -> None:
    body = {"text": "The port handled 5,000 boxes in 2023.", "id": good_id}
    assert client.post("/api/v1/claims", json=body, headers=AUTH).status_code == 201
    assert client.get(f"/api/v1/claims/{good_id}").status_code == 200
    assert client.delete(f"/api/v1/claims/{good_id}", headers=AUTH).status_code == 204


# --- long claims ---------------------------------------------------------------------------

WORDS = "troops iraq withdraw remain forces security official pentagon army drawdown".split()


def _long_text(chars: int, seed: int) -> str:
    picked = [WORDS[(i * 7 + seed * 3 + i // 5) % len(WORDS)] for i in range(chars // 4)]
    return " ".join(picked)[:chars]


def test_an_article_sentence_longer_than_a_claim_is_refused_with_its_place(
    client: FlaskClient,
) -> None:
    before = client.get("/health").get_json()
    text = "Headline\n\nA short first sentence is here. Troops " + _long_text(6000, 1) + "."
    response = client.post("/api/v1/articles", json={"text": text}, headers=AUTH)
    problem = assert_problem(response)
    assert response.status_code == 422 and problem["errors"][0]["pointer"] == "/text"
    assert "at most 5000" in problem["detail"] and "characters 42-" in problem["detail"]
    assert client.get("/health").get_json() == before  # nothing of it was stored


def test_long_stored_claims_keep_verifies_fast(client: FlaskClient) -> None:
    base = _long_text(4990, 2)
    for i in range(6):  # near-duplicates, as long as a claim may be
        body = {"text": base[:-10] + f" item{i} x", "id": f"c-long-{i}"}
        assert client.post("/api/v1/claims", json=body, headers=AUTH).status_code == 201
    statements = [_long_text(2000, seed) for seed in range(20)]
    started = time.perf_counter()
    response = client.post("/api/v1/verify/batch", json={"statements": statements})
    elapsed = time.perf_counter() - started
    assert response.status_code == 200
    assert elapsed < 4.0, f"20 verifies of 2,000 characters took {elapsed:.1f} s"


# --- every route, hostile input: an answer or a 4xx problem, within 2 s, never a 5xx -------

LONG_RUNS = {
    "stops": "." * 100_000,
    "?!": "!?" * 50_000,
    "ellipses": "... " * 25_000,
    "spaced groups": "123 " * 24_990 + "troops 000",
    "u.s.": "u.s. The " * 11_000,
    "surrogate": "Troops \ud800 remain",
    "nul and bidi": "Troops\x00 \u202e remain",
}
RAW_BODIES = {
    "integer of 5,001 digits": b'{"text": 1' + b"0" * 5000 + b"}",
    "deep": b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "not JSON": b'{"text": "unterminated',
    "body 1 MiB + 1": b'{"text": "' + b"a" * ((1 << 20) - 10) + b'"}',
    "not UTF-8": b'{"text": "caf\xe9"}',
}
ANSWERS = {200, 201, 204}
ANSWER_S = 2.0


def _json_bodies(text: str) -> dict[str, Any]:
    """Each JSON route's body with `text` in its string fields."""
    return {
        "/api/v1/verify": {"statement": text},
        "/api/v1/verify?format=claimreview": {"statement": text},
        "/api/v1/verify/batch": {"statements": [text, text]},
        "/api/v1/check": {"text": text},
        "/api/v1/claims": {"text": text, "speaker": text, "title": text},
        "/api/v1/articles": {"text": text, "title": text[:500], "author": text[:300]},
    }


def _assert_answered(response: TestResponse, elapsed: float) -> None:
    status = response.status_code
    assert status in ANSWERS or 400 <= status < 500, response.get_data(as_text=True)[:300]
    if status not in ANSWERS:
        assert response.mimetype == "application/problem+json"
        assert strict_json(response)["status"] == status
    assert elapsed < ANSWER_S, f"answered after {elapsed:.1f} s"


def _timed(call: Callable[[], TestResponse]) -> tuple[TestResponse, float]:
    started = time.perf_counter()
    response = call()
    response.get_data()  # read whole (a static file streams), then let its file go
    response.close()
    return response, time.perf_counter() - started


@pytest.mark.parametrize("text", LONG_RUNS.values(), ids=LONG_RUNS.keys())
@pytest.mark.parametrize("path", list(_json_bodies("")))
def test_every_json_route_answers_long_runs_in_time(
    client: FlaskClient, path: str, text: str
) -> None:
    body = _json_bodies(text)[path]
    response, elapsed = _timed(lambda: client.post(path, json=body, headers=AUTH))
    _assert_answered(response, elapsed)


@pytest.mark.parametrize("body", RAW_BODIES.values(), ids=RAW_BODIES.keys())
@pytest.mark.parametrize("path", list(_json_bodies("")))
def test_every_json_route_refuses_malformed_bodies(
    client: FlaskClient, path: str, body: bytes
) -> None:
    response, elapsed = _timed(
        lambda: client.post(path, data=body, content_type="application/json", headers=AUTH)
    )
    _assert_answered(response, elapsed)
    assert response.status_code in REFUSALS


HOSTILE_PATHS = [
    "/health",
    "/",
    "/claims",
    "/plugin/verifier.js",
    "/api/v1/openapi.json",
    "/api/v1/claims?q=" + "troops%20" * 500,
    "/api/v1/claims?q=NEAR(troops*%20AND%20%22",
    "/api/v1/claims?q=%ED%A0%80&article_id=%ED%A0%80",
    "/api/v1/claims?limit=99999999999999999999999",
    "/api/v1/claims?cursor=%25%25%25",
    "/api/v1/claims?cursor=" + "A" * 5000,
    "/api/v1/claims/" + "x" * 5000,
    "/api/v1/claims/..%2F..%2Fetc",
    "/api/v1/claims/%ED%A0%80",
    "/api/v1/claims/c-2614a1f7a3fd/claimreview?x=%3C/script%3E",
    "/api/v1/articles?limit=0",
    "/api/v1/articles?cursor=%ff",
    "/api/v1/articles/us-withdraws-troops-from-iraq?limit=-1",
    "/api/v1/articles/us-withdraws-troops-from-iraq?cursor=" + "%00" * 100,
    "/api/v1/articles/" + "%2e" * 2,
    # NUL in a key: PostgreSQL's text cannot hold it, so no such key is stored anywhere
    "/api/v1/claims/c-%00",
    "/api/v1/claims?article_id=a%00b",
    "/api/v1/articles/a%00b",
    "/api/v1/articles/a%00b/claims",
]


@pytest.mark.parametrize("method", ["GET", "DELETE"])
@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_every_path_answers_hostile_urls_in_time(
    client: FlaskClient, method: str, path: str
) -> None:
    response, elapsed = _timed(lambda: client.open(path, method=method, headers=AUTH))
    _assert_answered(response, elapsed)


def test_a_draft_sentence_longer_than_a_claim_is_not_checked(client: FlaskClient) -> None:
    long = "Troops " + "123 " * 1300 + "remain in Iraq."  # 5,222 characters, one sentence
    report = client.post("/api/v1/check", json={"text": f"{long} About 5,000 troops remain."})
    sentences = report.get_json()["sentences"]
    assert [s["checkable"] for s in sentences] == [False, True]
