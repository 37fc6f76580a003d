"""Crashes: `kill -9` an import or the whole server mid-write, then reopen the database.

A crash may lose the write in flight, never one that was acknowledged; the database must open
sound (integrity check, full-text index), with whole batches and whole writes only, and a
rerun of the same import must complete it exactly.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests import postgres
from tests.conftest import WRITE_KEY, start_server
from verifier.engine.service import open_store
from verifier.store import is_postgres

BATCH = 2000
LINES = 24_000  # twelve batches: a kill lands inside one
KILL_ROUNDS = 3
AUTH = {"Authorization": f"Bearer {WRITE_KEY}"}


def write_claims_file(path: Path, count: int) -> None:
    """Write `count` distinct claims, each with figures, as JSON lines."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            record = {
                "text": f"Harbor district {i} hired {i % 900 + 10} teachers in {1990 + i % 30}.",
                "speaker": f"Official {i % 50}",
                "article_id": f"bulk-{i // 5000}",
            }
            out.write(json.dumps(record) + "\n")


def claim_count(database: Path | str) -> int:
    """Count the claims through a connection of our own, as another process sees them."""
    if is_postgres(database):
        import psycopg

        with psycopg.connect(str(database)) as pg:
            return int(pg.execute("SELECT count(*) FROM claims").fetchall()[0][0])
    with contextlib.closing(sqlite3.connect(database, timeout=10)) as conn:
        return int(conn.execute("SELECT count(*) FROM claims").fetchone()[0])


# PostgreSQL keeps its own tables sound; what a crash could leave wrong is the index counts
# the store keeps beside them (totals, claims per term): recounted here from the claims.
_PG_CHECKS = {
    "claim total": "SELECT claims = (SELECT count(*) FROM claims) FROM store_state",
    "term total": "SELECT terms = (SELECT coalesce(sum(length), 0) FROM claims) FROM store_state",
    "claims per term": "SELECT NOT EXISTS (SELECT word, ndoc FROM ts_stat('SELECT terms FROM "
    "claims') EXCEPT SELECT term, claims FROM term_counts WHERE claims > 0) AND NOT EXISTS "
    "(SELECT term, claims FROM term_counts WHERE claims > 0 EXCEPT SELECT word, ndoc FROM "
    "ts_stat('SELECT terms FROM claims'))",
    "postings": "SELECT NOT EXISTS (SELECT t.lexeme, c.rowid FROM claims c, unnest(c.terms) t "
    "EXCEPT SELECT term, rowid FROM postings) AND NOT EXISTS (SELECT term, rowid FROM postings "
    "EXCEPT SELECT t.lexeme, c.rowid FROM claims c, unnest(c.terms) t)",
}


def unsound(database: Path | str) -> dict[str, Any]:
    """Return what the database's own checks find wrong after a crash: nothing, when sound."""
    if is_postgres(database):
        import psycopg

        with psycopg.connect(str(database)) as pg:
            checked = {name: pg.execute(sql).fetchall()[0][0] for name, sql in _PG_CHECKS.items()}
        return {name: "wrong" for name, right in checked.items() if not right}
    with contextlib.closing(sqlite3.connect(database, timeout=10)) as conn:
        found: dict[str, Any] = {}
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            found["integrity_check"] = integrity
        try:
            conn.execute("INSERT INTO claims_fts(claims_fts) VALUES('integrity-check')")
        except sqlite3.DatabaseError as error:
            found["full-text index"] = str(error)
        return found


def import_claims(
    database: Path | str, source: Path, log: Path, workers: int = 1
) -> subprocess.Popen[bytes]:
    """Start `verifier import-claims` in batches of BATCH, its output going to `log`."""
    command = [sys.executable, "-m", "verifier", "import-claims", "--database", str(database)]
    with log.open("wb") as out:
        return subprocess.Popen(
            [*command, "--batch-size", str(BATCH), "--workers", str(workers), str(source)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def children(pid: int) -> list[int]:
    """The processes a process started (Linux /proc), e.g. an import's workers."""
    found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in found]


def still_running(pids: list[int], within: float) -> list[int]:
    """Those of `pids` still alive (not gone, not a zombie) after waiting up to `within` s."""

    def alive(pid: int) -> bool:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return False
        return state != "Z"

    deadline = time.monotonic() + within
    while (running := [pid for pid in pids if alive(pid)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return running


@dataclass
class KilledImport:
    """The database as a killed import left it, and after the same import was rerun."""

    seed: int
    workers: list[int]  # the killed import's worker processes
    orphans: list[int]  # those still running 10 s after the kill
    imported: int  # claims stored when the import was killed, the seed not counted
    unsound: dict[str, Any]
    rerun_code: int
    rerun_log: str
    rerun_imported: int
    rerun_unsound: dict[str, Any]


@pytest.fixture(scope="module")
def killed_import(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[KilledImport]:
    """Kill -9 an import of LINES claims in the middle of a batch, then rerun it (on each
    backend)."""
    folder = tmp_path_factory.mktemp("import")
    source = folder / "claims.jsonl"
    database = str(folder / "crash.db") if backend == "sqlite" else postgres.create_database()
    write_claims_file(source, LINES)
    open_store(str(database)).close()  # created and seeded before the import starts
    seed = claim_count(database)

    process = import_claims(database, source, folder / "killed.log", workers=2)
    deadline = time.monotonic() + 40
    try:
        # Kill once the first batch is in: the import is then in the middle of another one.
        while (seen := claim_count(database)) <= seed + BATCH // 2:
            assert process.poll() is None, "the import ended before it could be killed"
            assert time.monotonic() < deadline, f"only {seen - seed} claims after 40 s"
            time.sleep(0.02)
        workers = children(process.pid)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL
    orphans = still_running(workers, within=10.0)
    imported = claim_count(database) - seed
    print(f"\nimport killed with {imported} of {LINES} claims stored (batches of {BATCH})")
    after_kill = unsound(database)

    rerun = import_claims(database, source, folder / "rerun.log")
    code = rerun.wait(timeout=90)
    yield KilledImport(
        seed,
        workers,
        orphans,
        imported,
        after_kill,
        code,
        (folder / "rerun.log").read_text(errors="replace")[-2000:],
        claim_count(database) - seed,
        unsound(database),
    )
    if backend != "sqlite":
        postgres.drop_database(database)


def test_killed_import_leaves_a_sound_database(killed_import: KilledImport) -> None:
    assert 0 < killed_import.imported < LINES
    assert killed_import.unsound == {}


def test_a_killed_imports_workers_exit_with_it(killed_import: KilledImport) -> None:
    assert len(killed_import.workers) >= 2  # the pool, and its resource tracker
    assert killed_import.orphans == []


def test_killed_import_leaves_whole_batches_only(killed_import: KilledImport) -> None:
    assert killed_import.imported % BATCH == 0, "a batch was left half-written"


def test_rerun_completes_the_import_exactly(killed_import: KilledImport) -> None:
    assert killed_import.rerun_code == 0, killed_import.rerun_log
    assert killed_import.rerun_imported == LINES  # replaced, never duplicated
    assert killed_import.rerun_unsound == {}


@dataclass
class Writer:
    """A client that posts claims and articles, alternately, until its server dies."""

    base: str
    round: int
    acknowledged: list[str] = field(default_factory=list)  # claim ids the server answered 201
    claims_per_article: set[int] = field(default_factory=set)
    in_flight: tuple[str, str] | None = None  # (kind, id) of the write that got no answer
    errors: list[str] = field(default_factory=list)

    def body(self, i: int) -> tuple[str, dict[str, Any]]:
        name = f"crash-{self.round}-{i}"
        if i % 2 == 0:
            return "claims", {"id": name, "text": f"Pier {name} moved {i + 10} containers."}
        text = (
            f"Harbor report {name}\n\nThe harbor {name} hired {i + 3} pilots in 2024,"
            f" director Ana Ruiz said. Its crane {i} lifted {i + 40} tonnes."
        )
        return "articles", {"id": name, "title": f"Harbor report {name}", "text": text}

    def run(self, stop: threading.Event) -> None:
        for i in range(5000):
            if stop.is_set():
                return
            kind, body = self.body(i)
            request = urllib.request.Request(
                f"{self.base}/api/v1/{kind}",
                data=json.dumps(body).encode(),
                method="POST",
                headers={**AUTH, "Content-Type": "application/json"},
            )
            self.in_flight = (kind, body["id"])
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    answer = json.loads(response.read())
            except urllib.error.HTTPError as error:
                self.errors.append(f"{error.code} {error.read()[:300]!r}")
                return
            except (OSError, http.client.HTTPException):  # the server died under this request
                return
            self.in_flight = None
            claims = answer["claims"] if kind == "articles" else [answer]
            self.acknowledged += [c["id"] for c in claims]
            if kind == "articles":
                self.claims_per_article.add(len(claims))

    def leftovers(self, base: str) -> tuple[set[str], bool]:
        """Return the claims the write in flight left, and whether it landed whole or not at all."""
        if self.in_flight is None:
            return set(), True
        kind, name = self.in_flight
        status, stored = get(base, f"/api/v1/{kind}/{name}")
        if status != 200:
            return set(), True
        if kind == "claims":
            return {stored["id"]}, True
        claims = {c["id"] for c in stored["claims"]}
        return claims, len(claims) in self.claims_per_article


def serve(database: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start `verifier serve` with a write key, in a session of its own, logging to `log`."""
    running = start_server(database, {"VERIFIER_API_KEYS": WRITE_KEY}, log=log)
    return running.process, running.base


def kill_group(process: subprocess.Popen[bytes]) -> None:
    """kill -9 the gunicorn master and its workers at once, and wait until they are gone."""
    with contextlib.suppress(ProcessLookupError):  # already gone
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    raise AssertionError("workers outlived their master")


def get(base: str, path: str) -> tuple[int, Any]:
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, None


def all_claim_ids(base: str) -> set[str]:
    """Page through every stored claim id over HTTP."""
    ids: set[str] = set()
    cursor = ""
    for _ in range(1000):
        status, page = get(base, f"/api/v1/claims?limit=500{cursor}")
        assert status == 200
        ids |= {c["id"] for c in page["items"]}
        if not page["next_cursor"]:
            return ids
        cursor = f"&cursor={page['next_cursor']}"
    raise AssertionError("the claims never ended")


@dataclass
class KillRound:
    """One kill -9 of the whole server under a writing client, and the restart after it."""

    acknowledged: int
    in_flight: tuple[str, str] | None
    errors: list[str]
    unsound: dict[str, Any]
    lost: set[str]  # acknowledged claims missing after the restart
    unexpected: set[str]  # claims nobody wrote
    whole: bool  # the write in flight landed whole or not at all


@pytest.fixture(scope="module")
def kill_rounds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[KillRound]]:
    """Kill the server KILL_ROUNDS times under a writing client, restarting it on the same file."""
    folder = tmp_path_factory.mktemp("server")
    database, log = folder / "served.db", folder / "server.log"
    process, base = serve(database, log)
    expected, rounds = all_claim_ids(base), []
    try:
        for number in range(KILL_ROUNDS):
            stop, writer = threading.Event(), Writer(base, number)
            thread = threading.Thread(target=writer.run, args=(stop,))
            thread.start()
            deadline = time.monotonic() + 20
            while len(writer.acknowledged) < 30 and time.monotonic() < deadline:
                time.sleep(0.01)
            kill_group(process)
            stop.set()
            thread.join(timeout=35)
            found = unsound(database)
            process, base = serve(database, log)
            expected |= set(writer.acknowledged)
            stored = all_claim_ids(base)
            leftovers, whole = writer.leftovers(base)
            rounds.append(
                KillRound(
                    len(writer.acknowledged),
                    writer.in_flight,
                    writer.errors,
                    found,
                    expected - stored,
                    stored - expected - leftovers,
                    whole,
                )
            )
            print(
                f"\nkill -9 round {number + 1}: {len(writer.acknowledged)} claims acknowledged, "
                f"{len(expected - stored)} lost, write in flight {writer.in_flight} "
                f"{'whole or absent' if whole else 'HALF-LANDED'}, unsound: {found or 'nothing'}"
            )
            expected = stored
        status, health = get(base, "/health")
        assert status == 200 and health["claims"] == len(expected)
        yield rounds
    finally:
        kill_group(process)


def test_server_killed_mid_write_keeps_every_acknowledged_write(
    kill_rounds: list[KillRound],
) -> None:
    assert len(kill_rounds) == KILL_ROUNDS
    for killed in kill_rounds:
        assert killed.errors == []
        assert killed.acknowledged >= 30, "writes stalled"
        assert killed.unsound == {}
        assert killed.lost == set(), "acknowledged writes were lost"
        assert killed.unexpected == set(), "claims nobody wrote appeared"


def test_server_killed_mid_write_leaves_no_partial_write(kill_rounds: list[KillRound]) -> None:
    assert [k.whole for k in kill_rounds] == [True] * KILL_ROUNDS
