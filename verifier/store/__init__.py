"""The store: the only package that speaks SQL.

ClaimStore (interface.py) is what every backend does; `ClaimStore(database)` opens the one
the DATABASE setting names (databases.py: paths and URLs, shown without passwords). SQLite,
the default, keeps articles, claims, vectors and keys in one file: SQLiteStore (claims.py) is
built from its connection (base.py), its tables (schema.py), the FTS5 records it ranks with
(stats.py), keys, backups and index upkeep (admin.py). PostgreSQL (postgres/, the optional
`postgres` extra) is the store that several app servers share. Both rank candidates with one
algorithm (index.py over lookups.py; bm25.py) and store the same rows (rows.py). May import
`verifier.language`, `verifier.models`, `verifier.keys` and `verifier.config`; never the
engine, the web edge, the CLI or measurement.
"""

from verifier.store.databases import (
    BackendMissingError,
    DatabaseUnavailableError,
    display,
    drop_database,
    exists,
    fresh_database,
    is_postgres,
    locate,
)
from verifier.store.interface import (
    POSTINGS_BUDGET,
    BackupUnsupportedError,
    ClaimStore,
    NotFoundError,
    PreparedRows,
    WriteCounts,
)
from verifier.store.rows import prepare_rows

__all__ = [
    "POSTINGS_BUDGET",
    "BackendMissingError",
    "BackupUnsupportedError",
    "ClaimStore",
    "DatabaseUnavailableError",
    "NotFoundError",
    "PreparedRows",
    "WriteCounts",
    "display",
    "drop_database",
    "exists",
    "fresh_database",
    "is_postgres",
    "locate",
    "prepare_rows",
]
