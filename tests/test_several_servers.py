"""Several app servers on one PostgreSQL database, and a server reading from a standby.

Real `verifier serve` processes on 127.0.0.1, each with two workers (each its own verdict
cache and term counts): what one server writes, the other verifies on its next request.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from tests import postgres
from tests.conftest import WRITE_KEY, Server, free_port, start_server
from verifier.engine.extract import claim_from_fields
from verifier.store import ClaimStore

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


# --- the README's section, run as written ------------------------------------------------------

README = Path(__file__).resolve().parents[1] / "README.md"


def _section_blocks(kind: str) -> list[str]:
    """The ```kind blocks of the README's "Running on several machines" section."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Running on several machines", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"^```{kind}\n(.*?)^```", section, re.MULTILINE | re.DOTALL)


def test_the_readmes_replay_lag_queries_run(replicated: tuple[str, str]) -> None:
    (sql,) = _section_blocks("sql")
    on_standby, on_primary = (
        part.split("\n", 1)[1] for part in sql.split("-- on the ")[1:]
    )  # each part starts with its "-- on the ..." line
    primary, standby = replicated
    with psycopg.connect(standby) as conn:
        _delay, caught_up = conn.execute(on_standby.encode()).fetchall()[0]
        assert isinstance(caught_up, bool)
    with psycopg.connect(primary) as conn:
        standbys = conn.execute(on_primary.encode()).fetchall()
        assert len(standbys) == 1 and standbys[0][1] == "streaming"


def test_the_readmes_migrate_and_backup_commands_run(empty_url: str, tmp_path: Path) -> None:
    migrate, backup = (b for b in _section_blocks("sh") if "compose" not in b)
    env = {**os.environ, "VERIFIER_DATABASE": empty_url, "PATH": _path()}
    subprocess.run(["bash", "-ec", migrate], env=env, cwd=tmp_path, check=True)
    store = ClaimStore(empty_url)
    assert store.count_claims() == 27
    store.save_claims([claim_from_fields({"text": STATEMENT})])
    dump, restore = backup.splitlines()
    subprocess.run(["bash", "-ec", dump], env=env, cwd=tmp_path, check=True)
    store.delete_claim(store.list_claims(query="Wexford ferry")[0].id)
    assert store.count_claims() == 27
    store.close()
    subprocess.run(["bash", "-ec", restore], env=env, cwd=tmp_path, check=True)
    restored = ClaimStore(empty_url)
    assert restored.count_claims() == 28
    assert restored.list_claims(query="Wexford ferry")[0].text == STATEMENT
    restored.close()


def _path() -> str:
    """PATH with this environment's `verifier` first."""
    return f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"


@pytest.fixture
def empty_url() -> Iterator[str]:
    url = postgres.create_database()
    yield url
    postgres.drop_database(url)


# --- concurrency: API writers, imports and readers at once --------------------------------------

MIXED_SECONDS = 30


def _write_for(base: str, writer: int, seconds: float, out: Any) -> None:
    """Post claims and articles alternately for `seconds`; report each answer."""
    from tests.test_concurrency import call

    results, stop_at, i = [], time.monotonic() + seconds, 0
    while time.monotonic() < stop_at:
        if i % 2 == 0:
            text = f"Pier {writer}-{i} moved {i + 10} containers in 2024, the port said."
            result = call(base, "POST", "/api/v1/claims", {"text": text, "speaker": "Port"})
            result["kind"] = "claims"
        else:
            text = f"Harbor {writer}-{i}\n\nThe harbor {writer}-{i} hired {i + 3} pilots in 2024."
            result = call(base, "POST", "/api/v1/articles", {"text": text})
            result["kind"] = "articles"
        results.append(result)
        i += 1
    out.put(results)


@pytest.mark.slow
def test_writers_imports_and_readers_for_thirty_seconds_lose_nothing(
    empty_url: str, tmp_path: Path
) -> None:
    from tests.test_concurrency import claim_ids, failures, verify

    server = start_server(empty_url, {"VERIFIER_API_KEYS": WRITE_KEY}, log=tmp_path / "log")
    context = multiprocessing.get_context("spawn")
    out, done = context.Queue(), context.Event()
    writers = [
        context.Process(target=_write_for, args=(server.base, w, MIXED_SECONDS, out))
        for w in range(4)
    ]
    readers = [context.Process(target=verify, args=(server.base, done, out)) for _ in range(2)]
    lines = 20_000  # each import runs for most of the thirty seconds
    imports = []
    try:
        for process in writers + readers:
            process.start()
        for n in range(2):
            source = tmp_path / f"import-{n}.jsonl"
            rows = (
                json.dumps({"text": f"Depot {n}-{i} shipped {i + 5} crates in 2023."}) + "\n"
                for i in range(lines)
            )
            source.write_text("".join(rows))
            command = [sys.executable, "-m", "verifier", "import-claims", "--database"]
            imports.append(
                subprocess.Popen(
                    [*command, empty_url, "--batch-size", "500", str(source)],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                )
            )
        written = [r for _ in writers for r in out.get(timeout=MIXED_SECONDS + 60)]
        errors = [p.communicate(timeout=120)[1].decode() for p in imports]
        done.set()
        read = [r for _ in readers for r in out.get(timeout=60)]
        for process in writers + readers:
            process.join(timeout=30)
        assert [p.returncode for p in imports] == [0, 0], errors
        assert failures(written, 201) == [] and failures(read, 200) == []
        ids = claim_ids(written)
        assert len(ids) > 100 and len(read) > 50
        store = ClaimStore(empty_url)
        held = {c.id for c in store.iter_claims()}
        assert set(ids) <= held, "an acknowledged write is missing"
        assert store.count_claims() == 27 + len(ids) + 2 * lines  # exactly: nothing extra
        store.close()
        print(
            f"\n4 writers ({len(ids)} claims), 2 imports ({2 * lines} claims), 2 readers"
            f" ({len(read)} verifications) for {MIXED_SECONDS} s: 0 lost, 0 failed"
        )
    finally:
        for process in imports:
            process.kill()
        stop(server)
