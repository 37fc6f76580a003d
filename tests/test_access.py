"""Keys stored hashed and revocable; every write route refuses without a valid key; limits."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient

from verifier import create_app
from verifier.cli import main

K1, K2 = "k1" * 16, "k2" * 16
WRITES = [
    ("POST", "/api/v1/claims", {"text": "The port handled 1.2 million containers in 2023."}),
    ("DELETE", "/api/v1/claims/c-2614a1f7a3fd", None),
    ("POST", "/api/v1/articles", {"text": "Harbor news\n\nThe harbor handled 30 ships."}),
    ("DELETE", "/api/v1/articles/us-withdraws-troops-from-iraq", None),
]


def _cli(database: Path, *args: str) -> str:
    if not database.exists():
        CliRunner().invoke(main, ["init", "--database", str(database)])
    result = CliRunner().invoke(main, [*args, "--database", str(database)])
    assert result.exit_code == 0, result.output
    return result.stdout


def _client(database: Path, **settings: str) -> FlaskClient:
    return create_app({"DATABASE": str(database), **settings}).test_client()


def _token(output: str) -> str:
    return output.split("token (shown once, store it now): ")[1].strip()


def test_keys_are_stored_hashed_and_can_be_revoked(tmp_path: Path) -> None:
    database = tmp_path / "keys.db"
    created = _cli(database, "keys", "create", "--name", "newsdesk")
    token, key_id = _token(created), created.split()[0]
    _cli(database, "keys", "create", "--name", "another desk")
    raw = sqlite3.connect(database).execute("SELECT * FROM api_keys").fetchall()
    assert token not in repr(raw) and key_id in repr(raw)
    client = _client(database)
    auth = {"Authorization": f"Bearer {token}"}
    body = {"text": "The port handled 1.2 million containers in 2023."}
    assert client.post("/api/v1/claims", json=body, headers=auth).status_code == 201
    assert "active" in _cli(database, "keys", "list")
    _cli(database, "keys", "revoke", key_id)
    assert "revoked" in _cli(database, "keys", "list")
    refused = client.post("/api/v1/claims", json=body, headers=auth)
    assert refused.status_code == 401 and "revoked" in refused.get_json()["detail"]


@pytest.mark.parametrize(("method", "path", "body"), WRITES, ids=[f"{m} {p}" for m, p, _ in WRITES])
@pytest.mark.parametrize(
    "header",
    [None, "Bearer wrong-key", "Basic dXNlcjpwYXNz", "Bearer", "bearer  ", "Token x"],
    ids=["none", "wrong", "basic", "empty-bearer", "blank", "other-scheme"],
)
def test_every_write_route_refuses_without_a_valid_key(
    method: str, path: str, body: dict[str, str] | None, header: str | None, tmp_path: Path
) -> None:
    client = _client(tmp_path / "w.db", API_KEYS="the-real-key-" + "r" * 32)
    headers = {"Authorization": header} if header else {}
    response = client.open(path, method=method, json=body, headers=headers)
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert client.get("/health").get_json()["claims"] == 27


def test_a_read_key_cannot_write_and_locked_reads_need_one(tmp_path: Path) -> None:
    database = tmp_path / "r.db"
    reader = _token(_cli(database, "keys", "create", "--name", "cms", "--scope", "read"))
    client = _client(database, LOCK_READS="true")
    statement = {"statement": "The U.S. intervention in Iraq began in 2003."}
    assert client.post("/api/v1/verify", json=statement).status_code == 401
    auth = {"Authorization": f"Bearer {reader}"}
    assert client.post("/api/v1/verify", json=statement, headers=auth).status_code == 200
    write = client.post("/api/v1/claims", json={"text": "A new claim here."}, headers=auth)
    assert write.status_code == 401


def test_writes_are_rate_limited_per_key_with_retry_after(tmp_path: Path) -> None:
    client = _client(tmp_path / "l.db", API_KEYS=f"{K1},{K2}", WRITE_RATE_LIMIT="3 per minute")
    for n in range(3):
        body = {"text": f"The port handled {n + 1} million containers in 2023."}
        assert (
            client.post(
                "/api/v1/claims", json=body, headers={"Authorization": f"Bearer {K1}"}
            ).status_code
            == 201
        )
    limited = client.post(
        "/api/v1/claims",
        json={"text": "One more claim here."},
        headers={"Authorization": f"Bearer {K1}"},
    )
    assert limited.status_code == 429
    assert limited.mimetype == "application/problem+json"
    assert int(limited.headers["Retry-After"]) > 0
    other = client.post(
        "/api/v1/claims",
        json={"text": "Another key's claim here."},
        headers={"Authorization": f"Bearer {K2}"},
    )
    assert other.status_code == 201
    ok = client.post("/api/v1/verify", json={"statement": "The U.S. began in 2003 a war."})
    assert ok.status_code == 200


def test_reads_are_rate_limited_when_configured(tmp_path: Path) -> None:
    client = _client(tmp_path / "rl.db", RATE_LIMIT="2 per minute")
    statuses = [client.get("/api/v1/claims?limit=1").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert client.get("/health").status_code == 200


def test_backup_while_serving_and_restore(tmp_path: Path) -> None:
    from tests.conftest import WRITE_KEY, start_server

    database = tmp_path / "live.db"
    server = start_server(database, {"VERIFIER_API_KEYS": WRITE_KEY})
    try:
        auth = {"Authorization": f"Bearer {WRITE_KEY}"}
        status, claim, _ = server.request(
            "POST", "/api/v1/claims", {"text": "The ferry carried 900 riders in May 2024."}, auth
        )
        assert status == 201
        copy = tmp_path / "backups" / "copy.db"
        assert "Backed up 28 claims" in _cli(database, "backup", str(copy))
        server.request("DELETE", f"/api/v1/claims/{claim['id']}", None, auth)
        server.request("DELETE", "/api/v1/articles/us-withdraws-troops-from-iraq", None, auth)
        assert server.request("GET", "/health")[1]["claims"] == 0
        assert "Restored 28 claims" in _cli(database, "restore", str(copy), "--yes")
        assert server.request("GET", "/health")[1]["claims"] == 28
        assert server.request("GET", f"/api/v1/claims/{claim['id']}")[0] == 200
    finally:
        server.process.terminate()
        server.process.wait(timeout=15)
    assert sqlite3.connect(copy).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_refuses_a_broken_backup(tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a database at all" * 100)
    result = CliRunner().invoke(
        main, ["restore", str(broken), "--yes", "--database", str(tmp_path / "x.db")]
    )
    assert result.exit_code != 0
    assert _client(tmp_path / "x.db").get("/health").get_json()["claims"] == 27


def test_made_up_tokens_share_their_addresss_limit(tmp_path: Path) -> None:
    client = _client(tmp_path / "t.db", RATE_LIMIT="30 per minute", API_KEYS=K1)
    body = {"statement": "Troops remain in Iraq."}
    statuses = [
        client.post(
            "/api/v1/verify", json=body, headers={"Authorization": f"Bearer invented-{n}"}
        ).status_code
        for n in range(60)
    ]
    assert statuses.count(200) <= 30 and statuses[-1] == 429
    # a valid key has a bucket of its own, whatever the address spent
    valid = client.post("/api/v1/verify", json=body, headers={"Authorization": f"Bearer {K1}"})
    assert valid.status_code == 200


def test_key_guessing_is_limited_per_address(tmp_path: Path) -> None:
    client = _client(tmp_path / "g.db", API_KEYS=K1, AUTH_FAILURE_LIMIT="10 per minute")
    body = {"text": "The port handled 1.2 million containers in 2023."}
    statuses = [
        client.post(
            "/api/v1/claims", json=body, headers={"Authorization": f"Bearer guess-{n:04d}"}
        ).status_code
        for n in range(40)
    ]
    assert statuses[:10] == [401] * 10 and set(statuses[10:]) == {429}
    limited = client.post("/api/v1/claims", json=body, headers={"Authorization": "Bearer x"})
    assert limited.mimetype == "application/problem+json" and limited.headers["Retry-After"]
    # the holder of a valid key is not locked out by someone else's guesses
    ok = client.post("/api/v1/claims", json=body, headers={"Authorization": f"Bearer {K1}"})
    assert ok.status_code == 201


@pytest.mark.parametrize("setting", ["API_KEYS", "READ_KEYS"])
def test_a_configured_key_shorter_than_32_characters_is_refused_at_start(
    tmp_path: Path, setting: str
) -> None:
    from verifier.web.auth import WeakKeyError

    with pytest.raises(WeakKeyError, match=f"VERIFIER_{setting} holds a key of 31 characters"):
        _client(tmp_path / "s.db", **{setting: f"{K1},{'s' * 31}"})
    result = CliRunner().invoke(
        main,
        ["serve", "--database", str(tmp_path / "s.db")],
        env={f"VERIFIER_{setting}": "change-me"},
    )
    assert result.exit_code == 1 and "at least 32" in result.output
    _client(tmp_path / "s.db", **{setting: "s" * 32})  # 32 will do


def test_reposting_an_article_replaces_its_claims(tmp_path: Path) -> None:
    client = _client(tmp_path / "re.db", API_KEYS=K1)
    auth = {"Authorization": f"Bearer {K1}"}
    first = "Port news\n\nThe port handled 5,000 ships in 2023. The mayor said 40 cranes work."
    second = "Port news\n\nThe port handled 7,000 ships in 2024, the harbour master said."
    old = client.post("/api/v1/articles", json={"id": "a-port", "text": first}, headers=auth)
    new = client.post("/api/v1/articles", json={"id": "a-port", "text": second}, headers=auth)
    assert old.status_code == new.status_code == 201
    held = client.get("/api/v1/articles/a-port").get_json()["claims"]
    assert [c["id"] for c in held] == [c["id"] for c in new.get_json()["claims"]]
    for claim in held:
        assert second[claim["start"] : claim["end"]] == claim["quote"]
    for claim in old.get_json()["claims"]:
        assert client.get(f"/api/v1/claims/{claim['id']}").status_code == 404


def test_a_deleted_seed_article_stays_deleted(tmp_path: Path) -> None:
    database = tmp_path / "seeded.db"
    client = _client(database, API_KEYS=K1)
    assert client.get("/health").get_json()["claims"] == 27  # a new store is seeded
    gone = client.delete(
        "/api/v1/articles/us-withdraws-troops-from-iraq", headers={"Authorization": f"Bearer {K1}"}
    )
    assert gone.status_code == 204
    assert _client(database).get("/health").get_json()["claims"] == 0  # started again


@pytest.mark.parametrize("kind", ["empty file", "another SQLite database"])
def test_restore_refuses_a_file_that_is_no_verifier_store(tmp_path: Path, kind: str) -> None:
    other = tmp_path / "other.db"
    if kind == "empty file":
        other.write_bytes(b"")
    else:
        with sqlite3.connect(other) as foreign:
            foreign.execute("CREATE TABLE notes (body TEXT)")
    database = tmp_path / "live.db"
    result = CliRunner().invoke(main, ["restore", str(other), "--yes", "--database", str(database)])
    assert result.exit_code == 1 and "no verifier store" in result.output
    assert _client(database).get("/health").get_json()["claims"] == 27  # untouched


def test_backup_reports_the_copys_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from verifier.store import ClaimStore

    database, copy = tmp_path / "b.db", tmp_path / "copy.db"
    _client(database)  # created and seeded
    # were the live store read after the copy, this is what it would say
    monkeypatch.setattr(ClaimStore, "count_claims", lambda self: 999)
    assert "Backed up 27 claims" in _cli(database, "backup", str(copy))
