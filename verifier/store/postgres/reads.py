"""Reads, keys and upkeep of the PostgreSQL store; the class ClaimStore opens for a URL."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

from verifier.keys import ApiKey
from verifier.models import Article, ArticleRef, Claim
from verifier.store.databases import display
from verifier.store.interface import BackupUnsupportedError, NotFoundError
from verifier.store.postgres.index import CLAIM_COLUMNS_SQL
from verifier.store.postgres.schema import PgSchema
from verifier.store.postgres.terms import all_of
from verifier.store.postgres.writes import ARTICLE_FIELDS, PgWrites, storable
from verifier.store.rows import (
    CLAIM_FIELDS,
    article_vocabulary,
    claim_from_row,
    claim_page_filter,
    prepare_rows,
)

_ARTICLE_COLUMNS = ", ".join((*ARTICLE_FIELDS, "text"))
_BACKUP = (
    "The database is PostgreSQL: back it up with pg_dump (pg_dump -Fc -f verifier.dump "
    "'{url}') and restore with pg_restore (see README, Running on several machines)."
)


class PostgresStore(PgWrites, PgSchema):
    """Articles and claims in a PostgreSQL database that several app servers share."""

    def count_claims(self) -> int:
        """Return how many claims are stored."""
        return int(self._fetch("SELECT count(*) FROM claims")[0][0])

    def count_articles(self) -> int:
        """Return how many articles are stored."""
        return int(self._fetch("SELECT count(*) FROM articles")[0][0])

    def get_claim(self, claim_id: str) -> Claim:
        """Return one claim, or raise NotFoundError."""
        if not storable(claim_id):
            raise NotFoundError(f"No claim with id {claim_id!r}.")
        rows = self._fetch(f"SELECT {CLAIM_COLUMNS_SQL} FROM claims WHERE id = %s", [claim_id])
        if not rows:
            raise NotFoundError(f"No claim with id {claim_id!r}.")
        return _claim(rows[0])

    def get_article(self, article_id: str) -> Article:
        """Return one article, or raise NotFoundError."""
        if not storable(article_id):
            raise NotFoundError(f"No article with id {article_id!r}.")
        with self._primary() as conn:  # read before a delete: the primary's view
            rows = conn.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = %s", [article_id]
            ).fetchall()
        if not rows:
            raise NotFoundError(f"No article with id {article_id!r}.")
        return _article(rows[0])

    def list_claims(
        self,
        query: str | None = None,
        article_id: str | None = None,
        limit: int = 50,
        after: str | None = None,
    ) -> list[Claim]:
        """Page through claims by id (keyset), optionally filtered by words or article."""
        if not storable(article_id or ""):
            return []
        found = claim_page_filter(query, article_id, after, "%s", ("terms @@ %s::tsquery", all_of))
        if found is None:
            return []
        where, params = found
        rows = self._fetch(
            f"SELECT {CLAIM_COLUMNS_SQL} FROM claims WHERE {where} ORDER BY id LIMIT %s",
            [*params, limit],
        )
        return [_claim(row) for row in rows]

    def article_claims(
        self, article_id: str, limit: int = 50, after: tuple[int, str] | None = None
    ) -> list[Claim]:
        """Page through one article's claims in the order they stand in it (start, then id)."""
        start, last = after or (-1, "")
        if not storable(article_id) or not storable(last):
            return []
        rows = self._fetch(
            f"SELECT {CLAIM_COLUMNS_SQL} FROM claims WHERE article_id = %s "
            "AND (start, id) > (%s, %s) ORDER BY start, id LIMIT %s",
            [article_id, start, last, limit],
        )
        return [_claim(row) for row in rows]

    def list_articles(self, limit: int = 50, after: str | None = None) -> list[Article]:
        """Page through articles by id."""
        rows = self._fetch(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id > %s ORDER BY id LIMIT %s",
            [after or "", limit],
        )
        return [_article(row) for row in rows]

    def article_refs(self, ids: Iterable[str]) -> dict[str, ArticleRef]:
        """Return the citation fields of the given articles."""
        ids = list(set(ids))
        if not ids:
            return {}
        rows = self._fetch(
            "SELECT id, title, author, url, published FROM articles WHERE id = ANY(%s)", [ids]
        )
        return {row[0]: ArticleRef(*row) for row in rows}

    def vectors_at(self, rowids: list[int]) -> dict[int, bytes]:
        """Return the stored embeddings of the claims at these rowids (those that have one)."""
        if not rowids:
            return {}
        rows = self._fetch(
            "SELECT claims.rowid, vector FROM claims JOIN vectors ON vectors.claim_id = "
            "claims.id WHERE claims.rowid = ANY(%s)",
            [rowids],
        )
        return {int(rowid): bytes(vector) for rowid, vector in rows}

    def iter_claims(self, batch: int = 1000) -> Iterator[Claim]:
        """Yield every claim, in id order."""
        after = ""
        while page := self.list_claims(limit=batch, after=after):
            yield from page
            after = page[-1].id

    # --- upkeep ---------------------------------------------------------------------------

    def reindex_page(self, after: str, size: int) -> tuple[int, str]:
        """Recompute the index terms of `size` claims after id `after`, in one transaction."""
        with self.write() as conn:
            rows = conn.execute(
                f"SELECT {CLAIM_COLUMNS_SQL} FROM claims WHERE id > %s "
                "ORDER BY id LIMIT %s FOR UPDATE",
                [after, size],
            ).fetchall()
            page = [_claim(row) for row in rows]
            count = self._write_rows(conn, prepare_rows(page))
        return count, (page[-1].id if page else after)

    def reindex_articles(self) -> int:
        """Recompute every article's vocabulary (the words entity checks look for)."""
        with self.write() as conn, conn.cursor() as cursor:
            rows = conn.execute("SELECT id, title, text FROM articles").fetchall()
            cursor.executemany(
                "UPDATE articles SET vocabulary = %s WHERE id = %s",
                [
                    (article_vocabulary(title, text) if text else "", id_)
                    for id_, title, text in rows
                ],
            )
        return len(rows)

    def compact_index(self) -> None:
        """Nothing to do: a GIN index takes small writes without segments to merge."""

    def optimize_index(self, pages: int = 2000) -> None:
        """Merge the GIN index's pending entries into its tree, mark the postings' pages
        all-visible (so queries read the B-tree alone) and refresh the planner's statistics,
        after a bulk write."""
        with self._primary() as conn:  # autocommit: VACUUM runs outside a transaction
            conn.execute("SELECT gin_clean_pending_list('claims_terms')")
            conn.execute("ANALYZE claims")
            conn.execute("VACUUM (ANALYZE) postings")  # its pages all-visible: index-only

    def bulk_writes(self) -> AbstractContextManager[None]:
        """Nothing to tune: COPY already takes the bulk path."""
        return nullcontext()

    def backup_to(self, path: str | Path) -> int:
        """Refuse: pg_dump is the tool for a PostgreSQL database."""
        raise BackupUnsupportedError(_BACKUP.format(url=display(self.url)))

    def restore_from(self, path: str | Path) -> None:
        """Refuse: pg_restore is the tool for a PostgreSQL database."""
        raise BackupUnsupportedError(_BACKUP.format(url=display(self.url)))

    # --- keys -----------------------------------------------------------------------------

    def add_key(self, key: ApiKey, token_hash: str) -> None:
        """Store a new key by its hash."""
        with self.write() as conn:
            conn.execute(
                "INSERT INTO api_keys (id, hash, name, scope, created, revoked) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                [key.id, token_hash, key.name, key.scope, key.created, key.revoked],
            )

    def list_keys(self) -> list[ApiKey]:
        """Return every key, revoked ones included, oldest first."""
        rows = self._fetch(
            "SELECT id, name, scope, created, revoked FROM api_keys ORDER BY created, id"
        )
        return [ApiKey(*row) for row in rows]

    def revoke_key(self, key_id: str, when: str) -> None:
        """Mark a key revoked; it stops working at once, on every server."""
        with self.write() as conn:
            cursor = conn.execute(
                "UPDATE api_keys SET revoked = %s WHERE id = %s AND revoked IS NULL",
                [when, key_id],
            )
        if cursor.rowcount == 0:
            raise NotFoundError(f"No active key with id {key_id!r}.")

    def active_key_hashes(self) -> list[tuple[str, str]]:
        """Return (hash, scope) of every key that is not revoked (from the primary: a key
        revoked there stops working at once)."""
        with self._primary() as conn:
            rows = conn.execute("SELECT hash, scope FROM api_keys WHERE revoked IS NULL")
            return [(h, s) for h, s in rows.fetchall()]


def _article(row: tuple[Any, ...]) -> Article:
    return Article(**dict(zip((*ARTICLE_FIELDS, "text"), row, strict=True)))


def _claim(row: tuple[Any, ...]) -> Claim:
    return claim_from_row(dict(zip(CLAIM_FIELDS, row, strict=True)))
