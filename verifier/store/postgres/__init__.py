"""The PostgreSQL backend: a store several app servers share, with reads from a replica.

PostgresStore (reads.py) is built from its pools and write transaction (base.py), its
migrations (schema.py), the index it ranks with (index.py: a GIN-indexed tsvector of FTS5's
terms, terms.py) and its writes (writes.py). Needs the `postgres` extra (psycopg 3, its pool).
"""

from verifier.store.postgres.reads import PostgresStore

BACKEND = PostgresStore

__all__ = ["BACKEND", "PostgresStore"]
