"""PostgreSQL for the tests: databases made on the server $VERIFIER_TEST_POSTGRES names.

`.ci/run` starts a throwaway cluster and sets it. Without it the PostgreSQL cases skip,
except under CI (CI=true), where they fail: CI must never pass by skipping them.
"""

from __future__ import annotations

import os
import re
import uuid
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
