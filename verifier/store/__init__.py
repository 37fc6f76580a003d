"""The store: the only package that speaks SQL.

ClaimStore (claims.py) keeps articles, claims, vectors and keys in one SQLite file; it is
built from its connection (base.py), its tables (schema.py), the candidate index (index.py)
and the index records it reads (stats.py), keys, backups and index upkeep (admin.py), and
the pure conversion of claims to rows (rows.py); bm25.py is the scoring outside FTS5.
May import `verifier.language`, `verifier.models`, `verifier.keys` and `verifier.config`;
never the engine, the web edge, the CLI or measurement.
"""

from verifier.store.admin import NotFoundError
from verifier.store.claims import ClaimStore, WriteCounts
from verifier.store.index import POSTINGS_BUDGET
from verifier.store.rows import PreparedRows, prepare_rows

__all__ = [
    "POSTINGS_BUDGET",
    "ClaimStore",
    "NotFoundError",
    "PreparedRows",
    "WriteCounts",
    "prepare_rows",
]
