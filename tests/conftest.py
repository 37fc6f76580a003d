"""Fixtures: an app on a temporary database, its client and CLI runner, an engine, a server."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests import postgres
from verifier import create_app
from verifier.engine.bulk import import_claims
from verifier.engine.semantic import Embedder
from verifier.engine.service import Engine, ingest_article, open_store, verify

BACKENDS = ("sqlite", "postgresql")

# The suite pins lexical ranking so that it behaves the same with or without the optional
# [semantic] extra installed; tests/test_semantic.py covers the embeddings on their own.
os.environ["VERIFIER_SEMANTIC"] = "off"
# Writes are rate-limited by default; tests that hammer the API would trip it, so the suite
# turns it off and tests/test_limits.py turns it on where it is the subject.
os.environ["VERIFIER_WRITE_RATE_LIMIT"] = ""
# The per-user default database lives under XDG_DATA_HOME: a folder of the test run's own,
# so that no test reads or writes the store of whoever runs the suite.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="verifier-tests-xdg-")
os.environ.pop("VERIFIER_DATABASE", None)
os.environ["VERIFIER_AUTH_FAILURE_LIMIT"] = ""  # likewise: tests/test_access.py turns it on

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED_DEV = SHARED / "eval" / "seed_dev.jsonl"
# 1,015 statements about the seed article the team wrote (tests/test_service.py says more).
PROBE_PATH = Path(__file__).parent / "data" / "seed_probe.jsonl"
WRITE_KEY = "test-write-key-" + "0123456789abcdef" * 2  # 47 characters: keys need 32


# Two claims that score the same topic for either statement ("not" carries no stem): the
# verdict must follow the one the statement repeats, whichever was stored first.
TIED_CLAIMS = (
    "The Carver council did not approve the harbour plan.",
    "The Carver council approved the harbour plan.",
)


def tied_engine(path: Path, negated_first: bool, embedder: Embedder | None = None) -> Engine:
    """A store of just TIED_CLAIMS (one article each), in the order asked for."""
    engine = Engine(open_store(str(path), seed=False), embedder=embedder)
    records = [{"text": text, "article_id": f"a-{i}"} for i, text in enumerate(TIED_CLAIMS)]
    assert sum(import_claims(records if negated_first else records[::-1], engine)) == 2
    return engine


def verdict_in(article: str, statement: str) -> str:
    """The verdict on a statement in a store of one article ("Headline\n\nbody"), no seed."""
    engine = Engine(open_store(":memory:", seed=False))
    ingest_article(article, engine, id="a")
    return verify(statement, engine).verdict


def seed_dev_rows() -> list[dict[str, Any]]:
    """Return the labelled dev statements, or skip when shared/ is not beside the checkout."""
    if not SEED_DEV.exists():
        pytest.skip(f"{SEED_DEV} is not there")
    return [json.loads(line) for line in SEED_DEV.read_text().splitlines() if line.strip()]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: reads SQLite's own files or records (not run on PostgreSQL)"
    )
    config.addinivalue_line(
        "markers", "slow: runs for half a minute or more (CI runs it; -m 'not slow' skips it)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run a test marked sqlite_only on SQLite alone (its PostgreSQL case is deselected)."""
    kept, dropped = [], []
    for item in items:
        params = getattr(item, "callspec", None)
        on_postgres = params is not None and params.params.get("backend") == "postgresql"
        (dropped if on_postgres and item.get_closest_marker("sqlite_only") else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Each store-touching test runs on both backends."""
    return str(request.param)


@pytest.fixture(scope="session")
def seeded_template() -> Iterator[str]:
    """A PostgreSQL database holding the seed, that each test's database is copied from."""
    url = postgres.create_database(prefix="seeded")
    open_store(url).close()
    yield url.rsplit("/", 1)[1]
    postgres.drop_database(url)


@pytest.fixture
def database(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A seeded database of this test's own: a SQLite file, or a PostgreSQL database."""
    if backend == "sqlite":
        yield str(tmp_path / "verifier.db")
        return
    url = postgres.create_database(request.getfixturevalue("seeded_template"))
    yield url
    postgres.drop_database(url)


@pytest.fixture
def empty_database(backend: str, tmp_path: Path) -> Iterator[str]:
    """An empty database of this test's own (no tables, no seed), on each backend."""
    if backend == "sqlite":
        yield str(tmp_path / "empty.db")
        return
    url = postgres.create_database()
    yield url
    postgres.drop_database(url)


@pytest.fixture
def app(database: str) -> Iterator[Flask]:
    made = create_app({"DATABASE": database, "API_KEYS": WRITE_KEY})
    yield made
    made.extensions["verifier"].store.close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> Any:
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def engine(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A seeded engine shared by read-only tests."""
    if backend == "sqlite":
        yield Engine(open_store(str(tmp_path_factory.mktemp("engine") / "seed.db")))
        return
    url = postgres.create_database(prefix="shared")
    shared = Engine(open_store(url))
    yield shared
    shared.store.close()
    postgres.drop_database(url)


@pytest.fixture
def fresh_engine(database: str) -> Iterator[Engine]:
    """A seeded engine of one's own, for tests that write."""
    own = Engine(open_store(database))
    yield own
    own.store.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """A real `verifier serve` process on 127.0.0.1."""

    def __init__(self, base: str, process: subprocess.Popen[bytes]) -> None:
        self.base = base
        self.process = process

    def request(
        self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
    ) -> tuple[int, Any, dict[str, str]]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                raw = response.read()
                return response.status, json.loads(raw) if raw else None, dict(response.headers)
        except urllib.error.HTTPError as error:
            raw = error.read()
            return error.code, json.loads(raw) if raw else None, dict(error.headers)


def start_server(
    database: Path | str,
    env: dict[str, str] | None = None,
    workers: int = 2,
    log: Path | None = None,
) -> Server:
    """Start `verifier serve` on a free port, in a session of its own (so its whole process
    group can be killed), logging to `log` when given; wait until /health answers."""
    port = free_port()
    environment = {**os.environ, "VERIFIER_DATABASE": str(database), **(env or {})}
    out = log.open("ab") if log else subprocess.DEVNULL
    try:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "verifier",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                str(workers),
            ],
            env=environment,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    finally:
        if log:
            out.close()  # type: ignore[union-attr]
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/health", timeout=2):
                return Server(base, process)
        except OSError:
            if process.poll() is not None:
                tail = log.read_text()[-3000:] if log else ""
                raise RuntimeError(f"verifier serve exited early\n{tail}") from None
            time.sleep(0.1)
    os.killpg(process.pid, 9)
    raise RuntimeError("verifier serve did not come up in 30 s")


@pytest.fixture(scope="session")
def server(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A real server on a free port with a write key configured (on each backend)."""
    served = tmp_path_factory.mktemp("server") / "served.db"
    database = str(served) if backend == "sqlite" else postgres.create_database(prefix="served")
    running = start_server(database, {"VERIFIER_API_KEYS": WRITE_KEY})
    yield running
    running.process.terminate()
    running.process.wait(timeout=15)
    if backend != "sqlite":
        postgres.drop_database(database)
