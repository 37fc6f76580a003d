"""SQLiteStore: articles and claims in one SQLite file, with an FTS5 index for candidates."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from verifier.models import Article, ArticleRef, Claim
from verifier.store.interface import NotFoundError, PreparedRows, WriteCounts
from verifier.store.rows import (
    CLAIM_FIELDS,
    article_vocabulary,
    claim_from_row,
    claim_page_filter,
    id_chunks,
    prepare_rows,
)
from verifier.store.schema import StoreSchema
from verifier.store.stats import IndexStats, quote_term

# A claim holding every stem, by the full-text index (FTS5 MATCH of quoted terms).
_FTS_MATCH = (
    "rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)",
    lambda stems: " ".join(quote_term(s) for s in stems),
)

# Batches of at least this many claims are indexed in one statement rather than row by row.
BULK_ROWS = 1_000
# An upsert that updates in place, so the full-text index's update trigger keeps it in step
# (INSERT OR REPLACE would delete without firing the delete trigger).
_UPSERT_CLAIM = (
    f"INSERT INTO claims ({', '.join(f'[{f}]' for f in CLAIM_FIELDS)}) "
    f"VALUES ({', '.join('?' * len(CLAIM_FIELDS))}) ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"[{f}] = excluded.[{f}]" for f in CLAIM_FIELDS[1:])
)
_ARTICLE_FIELDS = ("id", "title", "author", "url", "published", "publisher", "photo_credit")


class SQLiteStore(IndexStats, StoreSchema):
    """Articles and claims in one SQLite file, with an FTS5 index for candidates."""

    # --- writes -------------------------------------------------------------------------

    def save_article(self, article: Article, claims: Iterable[Claim]) -> int:
        """Store an article with its claims in one transaction, replacing the claims an
        article of that id had (their spans point into its old text); return the count."""
        record = {f: getattr(article, f) for f in _ARTICLE_FIELDS}
        record["text"] = article.text
        record["vocabulary"] = article_vocabulary(article.title, article.text)
        claims = list(claims)
        kept = {claim.id for claim in claims}
        with self.write():
            held = self.db.execute("SELECT id FROM claims WHERE article_id = ?", [article.id])
            self._delete_claims([row[0] for row in held.fetchall() if row[0] not in kept])
            self.table("articles").upsert(record, pk="id")
            count = self._write_claims(claims)
            self.compact_index()
        self._article_words.cache_clear()
        return count

    def save_claims(self, claims: Iterable[Claim]) -> int:
        """Store claims in one transaction, replacing those with the same id."""
        with self.write():
            count = self._write_claims(list(claims))
            self.compact_index()
        return count

    def ensure_article(self, article_id: str, title: str) -> None:
        """Create a bare article record for claims imported without their article."""
        with self.write():
            self._insert_bare_articles({article_id: title})

    def _write_claims(self, claims: list[Claim]) -> int:
        return self._write_rows(prepare_rows(claims))

    def save_prepared(self, rows: PreparedRows, articles: Mapping[str, str]) -> WriteCounts:
        """Store rows made by prepare_rows(), and bare records for articles not held yet.

        One transaction: a batch is stored whole or not at all. A row identical to the one
        held under its id is not written again.
        """
        with self.write():
            self._insert_bare_articles(articles)
            held = self._held_rows([row[0] for row in rows])
            changed = [row for row in rows if held.get(row[0]) != row]
            self._write_rows(changed)
            replaced = sum(1 for row in changed if row[0] in held)
            return WriteCounts(len(changed) - replaced, replaced, len(rows) - len(changed))

    def _held_rows(self, ids: list[str]) -> dict[str, tuple[Any, ...]]:
        """The stored rows (in CLAIM_FIELDS order) of those of `ids` held already."""
        columns = ", ".join(f"[{f}]" for f in CLAIM_FIELDS)
        held: dict[str, tuple[Any, ...]] = {}
        for chunk, marks in id_chunks(ids):
            cursor = self.db.execute(f"SELECT {columns} FROM claims WHERE id IN ({marks})", chunk)
            held.update((row[0], tuple(row)) for row in cursor)
        return held

    def _insert_bare_articles(self, articles: Mapping[str, str]) -> None:
        """Create (id -> title) article records with no text, keeping those already held."""
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO articles (id, title, text, vocabulary) VALUES (?, ?, '', '')",
            articles.items(),
        )

    def _write_rows(self, rows: PreparedRows) -> int:
        self.__dict__.pop("_df_cache", None)
        if not rows:
            return 0
        if len(rows) >= BULK_ROWS:
            self._bulk_upsert(rows)
        else:
            self.db.conn.executemany(_UPSERT_CLAIM, rows)
        return len(rows)

    def _bulk_upsert(self, claims: list[tuple[Any, ...]]) -> None:
        """Upsert many claims, indexing the new ones in one statement instead of a trigger each.

        Inside the caller's transaction, which holds the write lock: the full-text insert
        trigger is dropped, the rows are written (replaced rows still go through the update
        trigger), the new rows (those past the old largest rowid) are indexed at once, and
        the trigger is put back. A rollback restores it; no other writer can come between.
        """
        db = self.db
        trigger = db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'claims_ai'"
        ).fetchone()
        if trigger is None:  # not the schema this was written for: take the plain path
            db.conn.executemany(_UPSERT_CLAIM, claims)
            return
        before = db.execute("SELECT coalesce(max(rowid), 0) FROM claims").fetchone()[0]
        db.execute("DROP TRIGGER claims_ai")
        db.conn.executemany(_UPSERT_CLAIM, claims)
        db.execute(
            "INSERT INTO claims_fts (rowid, stems, extra) "
            "SELECT rowid, stems, extra FROM claims WHERE rowid > ?",
            [before],
        )
        db.execute(trigger[0])

    def delete_article(self, article_id: str) -> int:
        """Delete an article and its claims; return how many claims went with it."""
        self.get_article(article_id)
        with self.write():
            ids = [
                r[0]
                for r in self.db.execute("SELECT id FROM claims WHERE article_id = ?", [article_id])
            ]
            self._delete_claims(ids)
            self.db.execute("DELETE FROM articles WHERE id = ?", [article_id])
            self.compact_index()
        self._article_words.cache_clear()
        return len(ids)

    def delete_claim(self, claim_id: str) -> None:
        """Delete one claim, and the bare article record it was imported into if it was the
        last claim there (an article with text stays)."""
        article_id = self.get_claim(claim_id).article_id
        with self.write():
            self._delete_claims([claim_id])
            self.db.execute(
                "DELETE FROM articles WHERE id = ? AND text = '' "
                "AND NOT EXISTS (SELECT 1 FROM claims WHERE article_id = ?)",
                [article_id, article_id],
            )
            self.compact_index()
        self._article_words.cache_clear()

    def save_vectors(self, vectors: dict[str, bytes]) -> None:
        """Store the sentence embeddings of claims (only when semantic ranking is on)."""
        with self.write():
            self.table("vectors").upsert_all(
                ({"claim_id": k, "vector": v} for k, v in vectors.items()), pk="claim_id"
            )

    def vectors_at(self, rowids: list[int]) -> dict[int, bytes]:
        """Return the stored embeddings of the claims at these rowids (those that have one)."""
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        cursor = self.db.execute(
            "SELECT claims.rowid, vector FROM claims JOIN vectors ON vectors.claim_id = claims.id "
            f"WHERE claims.rowid IN ({marks})",
            rowids,
        )
        return dict(cursor.fetchall())

    def _delete_claims(self, ids: list[str]) -> None:
        self.__dict__.pop("_df_cache", None)
        for chunk, marks in id_chunks(ids):
            self.db.execute(f"DELETE FROM vectors WHERE claim_id IN ({marks})", chunk)
            self.db.execute(f"DELETE FROM claims WHERE id IN ({marks})", chunk)

    # --- reads --------------------------------------------------------------------------

    def count_claims(self) -> int:
        """Return how many claims are stored."""
        return int(self.db.execute("SELECT count(*) FROM claims").fetchone()[0])

    def count_articles(self) -> int:
        """Return how many articles are stored."""
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def get_claim(self, claim_id: str) -> Claim:
        """Return one claim, or raise NotFoundError."""
        row = self.db.execute("SELECT * FROM claims WHERE id = ?", [claim_id]).fetchone()
        if row is None:
            raise NotFoundError(f"No claim with id {claim_id!r}.")
        return claim_from_row(self._row(row, "claims"))

    def get_article(self, article_id: str) -> Article:
        """Return one article, or raise NotFoundError."""
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise NotFoundError(f"No article with id {article_id!r}.")
        record = self._row(row, "articles")
        return Article(**{k: record[k] for k in (*_ARTICLE_FIELDS, "text")})

    def list_claims(
        self,
        query: str | None = None,
        article_id: str | None = None,
        limit: int = 50,
        after: str | None = None,
    ) -> list[Claim]:
        """Page through claims by id, optionally filtered by words or article."""
        found = claim_page_filter(query, article_id, after, "?", _FTS_MATCH)
        if found is None:
            return []
        where, params = found
        sql = f"SELECT * FROM claims WHERE {where} ORDER BY id LIMIT ?"
        cursor = self.db.execute(sql, [*params, limit])
        return [claim_from_row(self._row(r, "claims")) for r in cursor.fetchall()]

    def article_claims(
        self, article_id: str, limit: int = 50, after: tuple[int, str] | None = None
    ) -> list[Claim]:
        """Page through one article's claims in the order they stand in it (start, then id)."""
        start, last = after or (-1, "")
        cursor = self.db.execute(
            "SELECT * FROM claims WHERE article_id = ? AND (start, id) > (?, ?) "
            "ORDER BY start, id LIMIT ?",
            [article_id, start, last, limit],
        )
        return [claim_from_row(self._row(r, "claims")) for r in cursor.fetchall()]

    def list_articles(self, limit: int = 50, after: str | None = None) -> list[Article]:
        """Page through articles by id."""
        cursor = self.db.execute(
            "SELECT * FROM articles WHERE id > ? ORDER BY id LIMIT ?", [after or "", limit]
        )
        rows = [self._row(r, "articles") for r in cursor.fetchall()]
        return [Article(**{k: r[k] for k in (*_ARTICLE_FIELDS, "text")}) for r in rows]

    def article_refs(self, ids: Iterable[str]) -> dict[str, ArticleRef]:
        """Return the citation fields of the given articles."""
        ids = list(set(ids))
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        cursor = self.db.execute(
            f"SELECT id, title, author, url, published FROM articles WHERE id IN ({marks})", ids
        )
        return {r[0]: ArticleRef(*r) for r in cursor.fetchall()}

    def reindex_page(self, after: str, size: int) -> tuple[int, str]:
        """Recompute the index terms of the `size` claims after id `after`; return (count, last id).

        Read and rewritten in one write transaction, so a claim deleted or edited meanwhile
        by another connection is never brought back or overwritten.
        """
        with self.write():
            page = self.list_claims(limit=size, after=after)
            count = self._write_claims(page)
        return count, (page[-1].id if page else after)

    def reindex_articles(self) -> int:
        """Recompute every article's vocabulary (the words entity checks look for)."""
        with self.write():
            rows = self.db.execute("SELECT id, title, text FROM articles").fetchall()
            self.db.conn.executemany(
                "UPDATE articles SET vocabulary = ? WHERE id = ?",
                (
                    (article_vocabulary(title, text) if text else "", id_)
                    for id_, title, text in rows
                ),
            )
        self._article_words.cache_clear()
        return len(rows)

    def iter_claims(self, batch: int = 1000) -> Iterator[Claim]:
        """Yield every claim, in id order."""
        after = ""
        while page := self.list_claims(limit=batch, after=after):
            yield from page
            after = page[-1].id


BACKEND = SQLiteStore
