"""The PostgreSQL schema as numbered migrations, applied in order under an advisory lock."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

import psycopg

from verifier.store.postgres.base import PgBase
from verifier.store.rows import CLAIM_COLUMNS

# Held while migrations run, so app servers starting together apply each one once.
MIGRATION_LOCK = 0x7665_7269_6669_6D69  # "verimi"
# Bumped whenever claim preparation changes the stored index terms (as admin.INDEX_VERSION).
INDEX_VERSION = 8

# Ids and article ids compare byte by byte, as in SQLite: keyset pages follow that order
# whatever the database's locale.
_TYPES = {str: "text", int: "bigint"}
_CLAIM_TABLE = ",\n    ".join(
    f'"{name}" {_TYPES[kind]}'
    + (' COLLATE "C"' if name == "article_id" else "")
    + (" NOT NULL" if name in {"text", "quote", "stems"} else "")
    for name, kind in CLAIM_COLUMNS.items()
    if name != "id"
)

# Each migration is (version, statements). Append; never edit one that has shipped.
MIGRATIONS: tuple[tuple[int, str], ...] = (
    (
        1,
        f"""
CREATE TABLE articles (
    id text COLLATE "C" PRIMARY KEY, title text NOT NULL, author text, url text, published text,
    publisher text, photo_credit text, text text NOT NULL, vocabulary text);
CREATE TABLE claims (
    id text COLLATE "C" PRIMARY KEY,
    {_CLAIM_TABLE},
    rowid bigint NOT NULL UNIQUE,
    terms tsvector NOT NULL,
    length integer NOT NULL);
CREATE INDEX claims_article ON claims (article_id, start, id);
CREATE INDEX claims_terms ON claims USING gin (terms);
CREATE TABLE term_counts (term text PRIMARY KEY, claims bigint NOT NULL);
CREATE TABLE store_state (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    generation bigint NOT NULL DEFAULT 0,
    claims bigint NOT NULL DEFAULT 0,
    terms bigint NOT NULL DEFAULT 0,
    index_version integer NOT NULL DEFAULT {INDEX_VERSION});
INSERT INTO store_state DEFAULT VALUES;
CREATE TABLE api_keys (
    id text PRIMARY KEY, hash text, name text, scope text, created text, revoked text);
CREATE TABLE vectors (claim_id text PRIMARY KEY, vector bytea);
CREATE VIEW quantities AS
SELECT c.id AS claim_id, q ->> 'kind' AS kind, (q ->> 'value')::float8 AS value,
    q ->> 'unit' AS unit, q ->> 'qualifier' AS qualifier, q ->> 'raw' AS raw
FROM claims AS c, jsonb_array_elements(c.quantities::jsonb) AS q;
""",
    ),
    # Every query scans the GIN index's whole pending list (entries not yet merged into its
    # tree): after a 100k import it held 365 pages and a two-term lookup took 4.2 ms instead
    # of 0.07. A list of at most 256 kB stays cheap to scan; bulk imports empty it.
    (2, "ALTER INDEX claims_terms SET (gin_pending_list_limit = 256);"),
    # Each term's claims, in a B-tree the candidate queries read without visiting the claims
    # (index-only scans): through the GIN index, every claim found cost a read of its row,
    # ~500 pages for a statement at 100k claims. The tsvector stays for phrases ("u.s").
    (
        3,
        """
CREATE TABLE postings (
    term text COLLATE "C" NOT NULL, rowid bigint NOT NULL, PRIMARY KEY (term, rowid));
INSERT INTO postings SELECT DISTINCT t.lexeme, c.rowid FROM claims AS c, unnest(c.terms) AS t;
""",
    ),
)


class PgSchema(PgBase):
    """Creates and migrates what the PostgreSQL store keeps."""

    def create(self) -> bool:
        """Apply the migrations not applied yet, one transaction each, under an advisory
        lock; tell whether this call created the schema (then it, and no other server,
        loads the seed)."""
        with self._connection(self.url) as conn:
            conn.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK])
            try:
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations ("
                    "version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())"
                )
                done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
                for version, statements in MIGRATIONS:
                    if version in done:
                        continue
                    with conn.transaction():
                        conn.execute(statements.encode())
                        conn.execute(
                            "INSERT INTO schema_migrations (version) VALUES (%s)", [version]
                        )
            finally:
                conn.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK])
        self._clear_caches()
        return 1 not in done

    def schema_version(self) -> int:
        """Return the latest migration applied."""
        rows = self._fetch("SELECT coalesce(max(version), 0) FROM schema_migrations")
        return int(rows[0][0])

    def index_outdated(self) -> bool:
        """Tell whether stored claims were indexed by an older release's text preparation
        (asked of the primary: it is a check at start, and a replica may lag)."""
        with self._primary() as conn:
            rows = conn.execute(
                "SELECT index_version < %s AND EXISTS (SELECT 1 FROM claims) FROM store_state",
                [INDEX_VERSION],
            ).fetchall()
        return bool(rows and rows[0][0])

    def mark_indexed(self) -> None:
        """Record that every claim is indexed the current way (a new store, a reindex)."""
        with self.write() as conn:
            conn.execute("UPDATE store_state SET index_version = %s", [INDEX_VERSION])


def _database_url(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def create_database(server: str, name: str) -> str:
    """Create database `name` (dropped first if held) on the server `server` names; return
    its URL. Needs the CREATEDB privilege; works from the maintenance database, `postgres`,
    as createdb does."""
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
        raise ValueError(f"Not a plain database name: {name!r}.")
    with psycopg.connect(_database_url(server, "postgres"), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)".encode())
        conn.execute(f"CREATE DATABASE {name}".encode())
    return _database_url(server, name)


def drop_database(url: str) -> None:
    """Drop the database a URL names, from the server's maintenance database."""
    name = urlsplit(url).path.lstrip("/")
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
        raise ValueError(f"Not a plain database name: {name!r}.")
    with psycopg.connect(_database_url(url, "postgres"), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)".encode())


def has_schema(url: str) -> bool:
    """Tell whether the database holds a verifier store (its migrations table)."""
    with psycopg.connect(url, connect_timeout=10) as conn:
        found = conn.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchall()
        return bool(found[0][0])
