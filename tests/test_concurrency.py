"""Concurrency: client processes write and verify at once through one server and one database.

Every write the server acknowledges must be there afterwards, the counts must add up exactly,
and no request may fail, however the writers and readers interleave: SQLite's locks make
writers wait (busy timeout), never fail with "database is locked". Each test runs on SQLite
and on PostgreSQL (where writers queue on the store's advisory lock).
"""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from tests.conftest import WRITE_KEY, Server, start_server

WRITERS, WRITES, VERIFIERS = 4, 50, 2
IMPORTS, IMPORT_LINES, IMPORT_BATCH = 2, 3000, 500
DEADLINE_S = 90  # every client stops by then, finished or not
STATEMENTS = (
    "About 5,000 U.S. troops will remain in Iraq.",
    "Roughly 4,000 U.S. troops will remain in Iraq.",
    "The U.S. intervention in Iraq began in 2003.",
    "Pier 3 moved 40 containers in 2024.",
)

Result = dict[str, Any]


class LockedDatabaseError(AssertionError):
    """Requests failed on SQLite's write lock instead of waiting for it."""


# Seen about one run in six: each worker's first write to the full-text index reads its config
# inside a deferred transaction (BEGIN, not BEGIN IMMEDIATE); when the other worker commits
# meanwhile, the upgrade to a write lock fails at once, busy timeout or not.


def call(base: str, method: str, path: str, body: Any = None) -> Result:
    """Send one request with urllib; return its status, body text and any transport error."""
    request = urllib.request.Request(
        base + path,
        data=None if body is None else json.dumps(body).encode(),
        method=method,
        headers={"Authorization": f"Bearer {WRITE_KEY}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return {"status": response.status, "text": response.read().decode()}
    except urllib.error.HTTPError as error:
        return {"status": error.code, "text": error.read().decode(errors="replace")}
    except OSError as error:
        return {"status": None, "text": f"{type(error).__name__}: {error}"}


def write(base: str, writer: int, start: Any, out: Any) -> None:
    """Post WRITES distinct claims and articles, alternately; report each answer."""
    start.wait(timeout=60)  # every writer's first write at the same moment
    results = []
    stop = time.monotonic() + DEADLINE_S
    for i in range(WRITES):
        if time.monotonic() > stop:
            break
        if i % 2 == 0:
            text = f"Pier {writer}-{i} moved {i + 10} containers in 2024, the port said."
            result = call(base, "POST", "/api/v1/claims", {"text": text, "speaker": "Port"})
            result["kind"] = "claims"
        else:
            text = (
                f"Harbor report {writer}-{i}\n\nThe harbor {writer}-{i} hired {i + 3} pilots in"
                f" 2024, director Ana Ruiz said. Crane {writer}-{i} lifted {i + 40} tonnes."
            )
            result = call(base, "POST", "/api/v1/articles", {"text": text})
            result["kind"] = "articles"
        results.append(result)
    out.put(results)


def verify(base: str, done: Any, out: Any) -> None:
    """Verify statements and check a draft until the writers are done (or time is up)."""
    results = []
    stop = time.monotonic() + DEADLINE_S
    for i in range(10_000):
        if done.is_set() or time.monotonic() > stop:
            break
        if i % 5 == 4:
            result = call(base, "POST", "/api/v1/check", {"text": " ".join(STATEMENTS)})
        else:
            result = call(base, "POST", "/api/v1/verify", {"statement": STATEMENTS[i % 4]})
        result["kind"] = "verify"
        results.append(result)
    out.put(results)


def failures(results: list[Result], expected: int) -> list[str]:
    """Return every answer that is not the expected status, or that mentions a locked database."""
    return [
        f"{r['kind']}: {r['status']} {r['text'][:300]}"
        for r in results
        if r["status"] != expected or "database is locked" in r["text"]
    ]


def raise_lock_failures(failed: list[str]) -> None:
    """Raise LockedDatabaseError for requests that failed on the lock (a generic 500)."""
    locked = [f for f in failed if ": 500 " in f or "database is locked" in f]
    if locked:
        raise LockedDatabaseError(f"{len(locked)} requests failed on the lock: {locked[:3]}")


def claim_ids(results: list[Result]) -> list[str]:
    """Return the ids of the claims that acknowledged writes stored."""
    ids = []
    for result in results:
        if result["status"] != 201:
            continue
        body = json.loads(result["text"])
        ids += [c["id"] for c in body["claims"]] if result["kind"] == "articles" else [body["id"]]
    return ids


def health_claims(server: Server) -> int:
    status, body, _ = server.request("GET", "/health")
    assert status == 200
    return int(body["claims"])


def test_writers_and_verifiers_at_once_lose_nothing(database: str) -> None:
    server = start_server(database, {"VERIFIER_API_KEYS": WRITE_KEY}, workers=2)
    try:
        seed = health_claims(server)
        context = multiprocessing.get_context("spawn")
        out, done, start = context.Queue(), context.Event(), context.Barrier(WRITERS + 1)
        writers = [
            context.Process(target=write, args=(server.base, w, start, out)) for w in range(WRITERS)
        ]
        readers = [
            context.Process(target=verify, args=(server.base, done, out)) for _ in range(VERIFIERS)
        ]
        started = time.monotonic()
        for process in writers + readers:
            process.start()
        start.wait(timeout=60)
        written = [r for _ in writers for r in out.get(timeout=DEADLINE_S + 60)]
        done.set()
        verified = [r for _ in readers for r in out.get(timeout=60)]
        for process in writers + readers:
            process.join(timeout=30)
        elapsed = time.monotonic() - started

        assert len(written) == WRITERS * WRITES
        assert failures(verified, 200) == []
        ids = claim_ids(written)
        assert len(set(ids)) == len(ids), "two writes were given the same claim id"
        missing = [i for i in ids if server.request("GET", f"/api/v1/claims/{i}")[0] != 200]
        assert missing == [], f"acknowledged claims lost: {missing[:10]}"
        articles = [
            json.loads(r["text"])["id"]
            for r in written
            if r["kind"] == "articles" and r["status"] == 201
        ]
        assert all(server.request("GET", f"/api/v1/articles/{a}")[0] == 200 for a in articles)
        raise_lock_failures(failures(written, 201))
        assert failures(written, 201) == []
        assert health_claims(server) == seed + len(ids)
        print(
            f"\n{WRITERS} writers x {WRITES} writes ({len(ids)} claims) with {len(verified)}"
            f" verifications alongside in {elapsed:.1f} s: 0 lost, 0 failed"
        )
    finally:
        server.process.terminate()
        server.process.wait(timeout=15)


def test_two_imports_into_one_database_while_the_server_verifies(
    database: str, tmp_path: Path
) -> None:
    server = start_server(database, {"VERIFIER_API_KEYS": WRITE_KEY}, workers=2)
    try:
        seed = health_claims(server)
        context = multiprocessing.get_context("spawn")
        out, done = context.Queue(), context.Event()
        readers = [
            context.Process(target=verify, args=(server.base, done, out)) for _ in range(VERIFIERS)
        ]
        for process in readers:
            process.start()
        imports = []
        for n in range(IMPORTS):
            source = tmp_path / f"import-{n}.jsonl"
            source.write_text(
                "".join(
                    json.dumps({"text": f"Depot {n}-{i} shipped {i + 5} crates in 2023."}) + "\n"
                    for i in range(IMPORT_LINES)
                )
            )
            imports.append(
                subprocess.Popen(
                    [
                        *(sys.executable, "-m", "verifier", "import-claims"),
                        *("--database", str(database), "--batch-size", str(IMPORT_BATCH)),
                        str(source),
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                )
            )
        errors = [p.communicate(timeout=DEADLINE_S)[1].decode() for p in imports]
        done.set()
        verified = [r for _ in readers for r in out.get(timeout=60)]
        for process in readers:
            process.join(timeout=30)

        assert failures(verified, 200) == []
        raise_lock_failures([e[-500:] for e in errors if "database is locked" in e])
        assert [p.returncode for p in imports] == [0] * IMPORTS, errors
        assert health_claims(server) == seed + IMPORTS * IMPORT_LINES
        print(
            f"\n{IMPORTS} imports x {IMPORT_LINES} claims into one database with"
            f" {len(verified)} verifications alongside: counts exact, 0 failed"
        )
    finally:
        server.process.terminate()
        server.process.wait(timeout=15)
