"""PostgreSQL for the tests: databases made on the server $VERIFIER_TEST_POSTGRES names.

`.ci/run` starts a throwaway cluster and sets it. Without it the PostgreSQL cases skip,
except under CI (CI=true), where they fail: CI must never pass by skipping them.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ENV = "VERIFIER_TEST_POSTGRES"


def server_url() -> str:
    """Return the test server's URL, or skip (fail under CI) when none is set."""
    url = os.environ.get(ENV, "")
    if not url:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {ENV} is not set: .ci/run starts PostgreSQL and sets it")
        pytest.skip(f"{ENV} is not set (a PostgreSQL server to test against)")
    return url


def database_url(name: str) -> str:
    """Return the URL of database `name` on the test server."""
    parts = urlsplit(server_url())
    return urlunsplit(parts._replace(path=f"/{name}"))


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(server_url(), autocommit=True) as conn:
        conn.execute(sql.encode())


def create_database(template: str | None = None, prefix: str = "t") -> str:
    """Create an empty database (or a copy of `template`); return its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    _admin(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
    return database_url(name)


def drop_database(url: str) -> None:
    """Drop a database made by create_database, closing whatever still uses it."""
    name = urlsplit(url).path.lstrip("/")
    assert re.fullmatch(r"\w+", name), name
    _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _binaries() -> Path:
    """Return the newest PostgreSQL bin folder Debian installed, or skip (fail under CI)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: p.parts[-3])
    if not found:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true but PostgreSQL's binaries are not installed")
        pytest.skip("PostgreSQL's binaries (Debian's postgresql package) are not installed")
    return found[-1].parent


def _as_postgres(command: list[str]) -> list[str]:
    """Run a PostgreSQL binary as the postgres user when running as root (initdb refuses root)."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class Cluster:
    """A PostgreSQL cluster of a test's own on 127.0.0.1: a primary, or a streaming standby
    made with `pg_basebackup -R` from one."""

    def __init__(self, folder: Path, port: int) -> None:
        self.folder, self.port, self.bin = folder, port, _binaries()
        self.data = folder / "data"

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def database(self, name: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def _run(self, *command: str) -> None:
        subprocess.run(
            _as_postgres([str(self.bin / command[0]), *command[1:]]),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def _own(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:  # the folder above must let postgres in (pytest's do not)
            shutil.chown(self.folder, "postgres", "postgres")
            self.folder.parent.chmod(0o755)

    def init(self) -> Cluster:
        """Make a new primary's data folder."""
        self._own()
        self._run(
            "initdb",
            "-D",
            str(self.data),
            *"-U postgres -A trust --no-locale".split(),
            *"-E UTF8 --no-sync".split(),
        )
        return self

    def standby_of(self, primary: Cluster) -> Cluster:
        """Copy a running primary with pg_basebackup -R (it then follows the primary); a
        fast checkpoint, or the copy waits for the next one."""
        self._own()
        self._run(
            "pg_basebackup",
            "-h",
            "127.0.0.1",
            "-p",
            str(primary.port),
            "-D",
            str(self.data),
            *"-U postgres -R -X stream -c fast --no-sync".split(),
        )
        return self

    def start(self) -> Cluster:
        options = f"-h 127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off"
        log = str(self.folder / "log")
        self._run("pg_ctl", "-D", str(self.data), "-l", log, "-w", "-o", options, "start")
        return self

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
