"""Several app servers on one PostgreSQL database, and a server reading from a standby.

Real `verifier serve` processes on 127.0.0.1, each with two workers (each its own verdict
cache and term counts): what one server writes, the other verifies on its next request.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from tests import postgres
from tests.conftest import WRITE_KEY, Server, free_port, start_server

AUTH = {"Authorization": f"Bearer {WRITE_KEY}"}
STATEMENT = "The Wexford ferry carried 7,300 passengers on its first day."
CLAIM = {"text": STATEMENT, "speaker": "the port authority"}


def verdicts(server: Server, statement: str, times: int = 4) -> set[str]:
    """Verify a statement a few times (so both workers answer); return the verdicts given."""
    found = set()
    for _ in range(times):
        status, body, _ = server.request("POST", "/api/v1/verify", {"statement": statement})
        assert status == 200, body
        found.add(body["verdict"])
    return found


def stop(*servers: Server) -> None:
    for server in servers:
        server.process.terminate()
    for server in servers:
        server.process.wait(timeout=15)


@pytest.fixture
def two_servers(tmp_path: Path) -> Iterator[tuple[Server, Server]]:
    url = postgres.create_database()
    first = start_server(url, {"VERIFIER_API_KEYS": WRITE_KEY}, log=tmp_path / "first.log")
    second = start_server(url, {"VERIFIER_API_KEYS": WRITE_KEY}, log=tmp_path / "second.log")
    yield first, second
    stop(first, second)
    postgres.drop_database(url)


def test_a_claim_written_through_one_server_is_verified_through_the_other(
    two_servers: tuple[Server, Server],
) -> None:
    first, second = two_servers
    assert first.base != second.base
    assert verdicts(second, STATEMENT) == {"unverified"}  # now cached in second's workers
    status, created, _ = first.request("POST", "/api/v1/claims", CLAIM, AUTH)
    assert status == 201, created
    assert verdicts(second, STATEMENT) == {"supported"}  # the very next requests
    assert verdicts(second, STATEMENT.replace("7,300", "9,100")) == {"contradicted"}
    assert first.request("DELETE", f"/api/v1/claims/{created['id']}", None, AUTH)[0] == 204
    assert verdicts(second, STATEMENT) == {"unverified"}
    assert second.request("GET", f"/api/v1/claims/{created['id']}")[0] == 404


def test_an_article_and_its_deletion_reach_the_other_server(
    two_servers: tuple[Server, Server],
) -> None:
    first, second = two_servers
    article = {
        "id": "wexford-harbour",
        "title": "Wexford harbour report",
        "text": "Wexford harbour hired 37 pilots in 2024, director Ana Ruiz said.",
    }
    statement = "Wexford harbour hired 37 pilots in 2024."
    assert verdicts(second, statement) == {"unverified"}
    assert first.request("POST", "/api/v1/articles", article, AUTH)[0] == 201
    assert verdicts(second, statement) == {"supported"}
    assert second.request("GET", "/api/v1/articles/wexford-harbour")[0] == 200
    assert second.request("DELETE", "/api/v1/articles/wexford-harbour", None, AUTH)[0] == 204
    assert verdicts(first, statement) == {"unverified"}
    _, health, _ = first.request("GET", "/health")
    assert health["claims"] == 27 and health["backend"] == "postgresql"


@pytest.fixture(scope="module")
def replicated() -> Iterator[tuple[str, str]]:
    """A primary of the test's own and a hot standby streaming from it (pg_basebackup -R);
    yield the URLs of one database on each."""
    folder = Path(tempfile.mkdtemp(prefix="verifier-replication-"))  # postgres must reach it
    primary = postgres.Cluster(folder / "primary", free_port()).init().start()
    try:
        with psycopg.connect(primary.url, autocommit=True) as conn:
            conn.execute("CREATE DATABASE verifier")
        standby = postgres.Cluster(folder / "standby", free_port()).standby_of(primary).start()
        try:
            yield primary.database("verifier"), standby.database("verifier")
        finally:
            standby.stop()
    finally:
        primary.stop()
        shutil.rmtree(folder, ignore_errors=True)


def _replay(standby: str, paused: bool) -> None:
    with psycopg.connect(standby, autocommit=True) as conn:
        conn.execute(f"SELECT pg_wal_replay_{'pause' if paused else 'resume'}()".encode())


def _until(check: object, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, "not replayed in time"
        time.sleep(0.1)


def test_a_server_reading_from_a_standby_verifies_what_the_primary_replayed(
    replicated: tuple[str, str], tmp_path: Path
) -> None:
    primary, standby = replicated
    env = {"VERIFIER_API_KEYS": WRITE_KEY, "VERIFIER_READ_DATABASE": standby}
    server = start_server(primary, env, log=tmp_path / "server.log")
    try:
        _, health, _ = server.request("GET", "/health")
        assert health["backend"] == "postgresql" and health["replica"] is True
        assert health["replica_lag_seconds"] >= 0
        _until(lambda: server.request("GET", "/health")[1]["claims"] == 27)  # the seed, replayed
        _replay(standby, paused=True)
        status, created, _ = server.request("POST", "/api/v1/claims", CLAIM, AUTH)
        assert status == 201  # written to the primary while the standby stands still
        assert verdicts(server, STATEMENT) == {"unverified"}  # reads come from the standby
        _until(lambda: server.request("GET", "/health")[1]["replica_lag_seconds"] > 0)
        _replay(standby, paused=False)
        _until(lambda: verdicts(server, STATEMENT, times=1) == {"supported"})
        assert verdicts(server, STATEMENT) == {"supported"}
        assert server.request("GET", f"/api/v1/claims/{created['id']}")[0] == 200
    finally:
        stop(server)
