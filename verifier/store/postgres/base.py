"""The connections every part of the PostgreSQL store shares: a pool to the primary, one to
a read replica when configured, and the write transaction."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from verifier.language.article_words import ArticleWords, article_words
from verifier.store.databases import DatabaseUnavailableError, display
from verifier.store.index import CandidateIndex

# Every writer takes this transaction-level advisory lock first: writes are serialized as in
# SQLite (BEGIN IMMEDIATE), so the index counts each keeps stay exact and new rowids follow
# each other as SQLite's do.
WRITE_LOCK = 0x7665_7269_6669_6572 & 0x7FFF_FFFF_FFFF_FFFF  # "verifier"
POOL_SIZE = 4  # connections per process; a worker thread holds one only for a query or two
# How long a request waits for a connection before it is answered 503 (a database out of
# reach, or every connection busy).
CONNECT_TIMEOUT_S = 10.0


class PgBase(CandidateIndex):
    """A PostgreSQL database (and a replica to read from) through this process's pools."""

    backend = "postgresql"

    def __init__(self, url: str, read_database: str | None = None) -> None:
        self.url = url
        self.read_url = read_database or None
        self._local = threading.local()
        self._pools: dict[str, ConnectionPool[psycopg.Connection[Any]]] = {}
        self._pid = os.getpid()
        self._seen_generation: int | None = None
        self._article_words = lru_cache(maxsize=4096)(self._load_article_words)

    def _pool(self, url: str) -> ConnectionPool[psycopg.Connection[Any]]:
        """Return this process's pool for `url`, opened on first use (a forked worker opens
        its own: connections are never shared across processes)."""
        if self._pid != os.getpid():
            self._pools, self._pid = {}, os.getpid()
        pool = self._pools.get(url)
        if pool is None:
            pool = ConnectionPool(
                url,
                min_size=1,
                max_size=POOL_SIZE,
                kwargs={"autocommit": True, "connect_timeout": int(CONNECT_TIMEOUT_S)},
                timeout=CONNECT_TIMEOUT_S,
                open=True,
                name=f"verifier-{os.getpid()}",
            )
            self._pools[url] = pool
        return pool

    @contextmanager
    def _connection(self, url: str) -> Iterator[psycopg.Connection[Any]]:
        """Yield a pooled connection to `url`; DatabaseUnavailableError when none comes."""
        pool = self._pool(url)
        try:
            conn = pool.getconn()
        except PoolTimeout:
            raise DatabaseUnavailableError(
                f"{display(url)}: no connection within {CONNECT_TIMEOUT_S:g} s"
            ) from None
        try:
            yield conn
        except psycopg.OperationalError as error:
            # the server went away, or cancelled the query (on a hot standby: a conflict with
            # the replay of the primary's changes): the caller may retry, nothing was lost
            raise DatabaseUnavailableError(f"{display(url)}: {error}".strip()) from None
        finally:
            pool.putconn(conn)

    @contextmanager
    def _primary(self) -> Iterator[psycopg.Connection[Any]]:
        """Yield a connection to the primary: this thread's write transaction, if open."""
        held = getattr(self._local, "conn", None)
        if held is not None:
            yield held
            return
        with self._connection(self.url) as conn:
            yield conn

    @contextmanager
    def _reader(self) -> Iterator[psycopg.Connection[Any]]:
        """Yield a connection to read from: the replica when one is set, outside a write."""
        if self.read_url is None or getattr(self._local, "conn", None) is not None:
            with self._primary() as conn:
                yield conn
            return
        with self._connection(self.read_url) as conn:
            yield conn

    def _fetch(self, sql: str, params: Any = None) -> list[tuple[Any, ...]]:
        """Run a read and return its rows."""
        with self._reader() as conn:
            return conn.execute(sql.encode(), params).fetchall()

    @contextmanager
    def write(self) -> Iterator[psycopg.Connection[Any]]:
        """Run writes in one transaction on the primary, after the store's write lock.

        Nested calls join the open transaction. The change counter moves in every write, so
        every app server sees that its caches are stale on its next request.
        """
        held = getattr(self._local, "conn", None)
        if held is not None:
            yield held
            return
        with self._connection(self.url) as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
            self._local.conn = conn
            try:
                yield conn
                conn.execute("UPDATE store_state SET generation = generation + 1")
            finally:
                self._local.conn = None
        self._clear_caches()

    def _clear_caches(self) -> None:
        self.__dict__.pop("_df_cache", None)
        self._article_words.cache_clear()

    def generation(self) -> tuple[int, int]:
        """Return the database's change counter (moved by every write of any server)."""
        rows = self._fetch("SELECT generation FROM store_state")
        return id(self), int(rows[0][0]) if rows else 0

    def _refresh_caches(self) -> None:
        """Drop cached term counts and article words when any server has written since."""
        seen = self.generation()[1]
        if seen != self._seen_generation:
            self._clear_caches()
            self._seen_generation = seen

    def close(self) -> None:
        """Close this process's pools."""
        if self._pid == os.getpid():
            for pool in self._pools.values():
                pool.close()
        self._pools = {}

    def health(self) -> dict[str, Any]:
        """Name the backend; on a replica, say how far its replay is behind the primary."""
        if self.read_url is None:
            return {"backend": self.backend, "replica": False}
        rows = self._fetch(
            "SELECT pg_is_in_recovery(), CASE WHEN pg_last_wal_receive_lsn() = "
            "pg_last_wal_replay_lsn() THEN 0 ELSE "
            "extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END"
        )
        recovering, lag = rows[0]
        return {
            "backend": self.backend,
            "replica": bool(recovering),
            "replica_lag_seconds": float(lag) if recovering and lag is not None else 0.0,
        }

    def disk_bytes(self) -> int:
        """Return the size of the database on the server."""
        return int(self._fetch("SELECT pg_database_size(current_database())")[0][0])

    def article_vocabulary(self, article_id: str) -> frozenset[str]:
        """Return every word an article writes (for names it gives anywhere)."""
        return self._article_words(article_id).everything

    def article_words(self, article_id: str) -> ArticleWords:
        """Return an article's words as the entity checks read them (cached)."""
        return self._article_words(article_id)

    def _load_article_words(self, article_id: str) -> ArticleWords:
        rows = self._fetch(
            "SELECT title, text, vocabulary FROM articles WHERE id = %s", [article_id]
        )
        if not rows:
            return article_words("", "", "")
        return article_words(*(value or "" for value in rows[0]))
