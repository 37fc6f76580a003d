"""The connection every part of the store shares: one per thread, WAL, BEGIN IMMEDIATE."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import sqlite_utils
from sqlite_utils.db import Table

from verifier.language.article_words import ArticleWords, article_words
from verifier.store.index import CandidateIndex

SQLITE_SCHEME = "sqlite:///"


class StoreBase(CandidateIndex):
    """A SQLite file and this thread's connection to it (SQLiteStore is built on it)."""

    backend = "sqlite"

    def __init__(
        self, path: str | Path, busy_timeout_ms: int = 10_000, read_database: str | None = None
    ) -> None:
        if read_database:
            raise ValueError("A read replica (VERIFIER_READ_DATABASE) needs PostgreSQL.")
        self.path = str(path).removeprefix(SQLITE_SCHEME)
        self.busy_timeout_ms = busy_timeout_ms
        self._local = threading.local()
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._article_words = lru_cache(maxsize=4096)(self._load_article_words)

    @property
    def db(self) -> sqlite_utils.Database:
        """Return this thread's connection, opened once and reused."""
        db = getattr(self._local, "db", None)
        if db is None:
            conn = sqlite3.connect(
                self.path,
                timeout=self.busy_timeout_ms / 1000,
                check_same_thread=False,
                isolation_level=None,
            )
            db = sqlite_utils.Database(conn)
            if self.path != ":memory:":
                db.enable_wal()
            db.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
            db.execute("PRAGMA synchronous = NORMAL")
            self._local.db = db
        return db

    @contextmanager
    def write(self) -> Iterator[None]:
        """Run writes in one transaction taken with BEGIN IMMEDIATE.

        IMMEDIATE takes the write lock up front, so a concurrent writer waits for the busy
        timeout instead of failing with "database is locked" when a deferred transaction
        tries to upgrade; sqlite-utils' own atomic() blocks nest inside as savepoints.
        """
        db = self.db
        if db.conn.in_transaction:
            yield
            return
        db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if db.conn.in_transaction:
                db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def close(self) -> None:
        """Close this thread's connection."""
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None

    def table(self, name: str) -> Table:
        """Return a table of this store (never a view)."""
        return self.db.table(name)

    def _row(self, row: tuple[Any, ...], table: str) -> dict[str, Any]:
        columns = self._columns(table)
        return dict(zip(columns, row, strict=False))

    def _columns(self, table: str) -> list[str]:
        cache: dict[str, list[str]] = self.__dict__.setdefault("_column_cache", {})
        if table not in cache:
            cache[table] = [c.name for c in self.db[table].columns]
        return cache[table]

    def article_vocabulary(self, article_id: str) -> frozenset[str]:
        """Return every word an article writes (for names it gives anywhere)."""
        return self._article_words(article_id).everything

    def article_words(self, article_id: str) -> ArticleWords:
        """Return an article's words as the entity checks read them (cached)."""
        return self._article_words(article_id)

    def _load_article_words(self, article_id: str) -> ArticleWords:
        row = self.db.execute(
            "SELECT title, text, vocabulary FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        return article_words(*(value or "" for value in row)) if row else article_words("", "", "")

    def disk_bytes(self) -> int:
        """Return the size of the database file with its write-ahead log."""
        path = Path(self.path)
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())

    def health(self) -> dict[str, Any]:
        """Name the backend (a SQLite file has no replicas)."""
        return {"backend": self.backend}
