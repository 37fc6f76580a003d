"""Writes to the PostgreSQL store: one transaction each, keeping the index counts exact."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import psycopg

from verifier.models import Article, Claim
from verifier.store.interface import NotFoundError, PreparedRows, WriteCounts
from verifier.store.postgres.index import CLAIM_COLUMNS_SQL, PgIndex
from verifier.store.postgres.terms import claim_terms, document_deltas, tokens
from verifier.store.rows import CLAIM_FIELDS, article_vocabulary, prepare_rows

# Batches of at least this many claims go in with COPY rather than one INSERT each.
COPY_ROWS = 500
_STEMS, _EXTRA = CLAIM_FIELDS.index("stems"), CLAIM_FIELDS.index("extra")
_ALL_COLUMNS = f"{CLAIM_COLUMNS_SQL}, rowid, terms, length"
_UPDATES = ", ".join(f'"{f}" = excluded."{f}"' for f in (*CLAIM_FIELDS[1:], "terms", "length"))
_UPSERT = (
    f"INSERT INTO claims ({_ALL_COLUMNS}) VALUES "
    f"({', '.join(['%s'] * (len(CLAIM_FIELDS) + 3))}) ON CONFLICT (id) DO UPDATE SET {_UPDATES}"
)
ARTICLE_FIELDS = ("id", "title", "author", "url", "published", "publisher", "photo_credit")


class PgWrites(PgIndex):
    """Articles and claims written, replaced and deleted."""

    def save_article(self, article: Article, claims: Iterable[Claim]) -> int:
        """Store an article with its claims in one transaction, replacing the claims an
        article of that id had; return the count."""
        values = [getattr(article, f) for f in ARTICLE_FIELDS]
        values += [article.text, article_vocabulary(article.title, article.text)]
        claims = list(claims)
        kept = {claim.id for claim in claims}
        with self.write() as conn:
            held = conn.execute("SELECT id FROM claims WHERE article_id = %s", [article.id])
            self._delete_claims(conn, [row[0] for row in held.fetchall() if row[0] not in kept])
            conn.execute(
                "INSERT INTO articles (id, title, author, url, published, publisher, "
                "photo_credit, text, vocabulary) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (id) DO UPDATE SET title = excluded.title, author = excluded.author, "
                "url = excluded.url, published = excluded.published, "
                "publisher = excluded.publisher, photo_credit = excluded.photo_credit, "
                "text = excluded.text, vocabulary = excluded.vocabulary",
                values,
            )
            return self._write_rows(conn, prepare_rows(claims))

    def save_claims(self, claims: Iterable[Claim]) -> int:
        """Store claims in one transaction, replacing those with the same id."""
        with self.write() as conn:
            return self._write_rows(conn, prepare_rows(claims))

    def ensure_article(self, article_id: str, title: str) -> None:
        """Create a bare article record for claims imported without their article."""
        with self.write() as conn:
            _insert_bare_articles(conn, {article_id: title})

    def save_prepared(self, rows: PreparedRows, articles: Mapping[str, str]) -> WriteCounts:
        """Store rows made by prepare_rows() and bare articles in one transaction; a row
        identical to the one held under its id is not written again."""
        with self.write() as conn:
            _insert_bare_articles(conn, articles)
            cursor = conn.execute(
                f"SELECT {CLAIM_COLUMNS_SQL} FROM claims WHERE id = ANY(%s)",
                [[row[0] for row in rows]],
            )
            held = {row[0]: tuple(row) for row in cursor}
            changed = [row for row in rows if held.get(row[0]) != row]
            self._write_rows(conn, changed)
            replaced = sum(1 for row in changed if row[0] in held)
            return WriteCounts(len(changed) - replaced, replaced, len(rows) - len(changed))

    def _write_rows(self, conn: psycopg.Connection[Any], rows: PreparedRows) -> int:
        """Upsert claim rows with their terms, and move the index counts by what changed."""
        if not rows:
            return 0
        cursor = conn.execute(
            "SELECT id, rowid, stems, extra FROM claims WHERE id = ANY(%s)",
            [[row[0] for row in rows]],
        )
        held = {row[0]: row[1:] for row in cursor}
        if held:
            conn.execute(
                "DELETE FROM postings WHERE rowid = ANY(%s)", [[h[0] for h in held.values()]]
            )
        top = conn.execute("SELECT coalesce(max(rowid), 0) FROM claims").fetchone()
        next_rowid = int(top[0]) + 1 if top else 1
        full, added, removed, postings = [], [], [], []
        length_change = 0
        for row in rows:
            literal, length, distinct = claim_terms(row[_STEMS], row[_EXTRA])
            added.append(distinct)
            length_change += length
            if row[0] in held:
                rowid, stems, extra = held[row[0]]
                old = tokens(stems) + tokens(extra)
                removed.append(list(dict.fromkeys(old)))
                length_change -= len(old)
            else:
                rowid, next_rowid = next_rowid, next_rowid + 1
            full.append((*row, rowid, literal, length))
            postings += [(term, rowid) for term in distinct]
        if len(full) >= COPY_ROWS:
            _copy_upsert(conn, full)
        else:
            with conn.cursor() as many:
                many.executemany(_UPSERT, full)
        with conn.cursor() as cursor, cursor.copy("COPY postings (term, rowid) FROM STDIN") as copy:
            for posting in postings:
                copy.write_row(posting)
        _move_counts(conn, document_deltas(added, removed), len(rows) - len(held), length_change)
        return len(rows)

    def _delete_claims(self, conn: psycopg.Connection[Any], ids: list[str]) -> None:
        if not ids:
            return
        conn.execute("DELETE FROM vectors WHERE claim_id = ANY(%s)", [ids])
        gone = conn.execute(
            "DELETE FROM claims WHERE id = ANY(%s) RETURNING rowid, stems, extra", [ids]
        ).fetchall()
        conn.execute("DELETE FROM postings WHERE rowid = ANY(%s)", [[row[0] for row in gone]])
        held = [tokens(stems) + tokens(extra) for _, stems, extra in gone]
        deltas = document_deltas([], (list(dict.fromkeys(t)) for t in held))
        _move_counts(conn, deltas, -len(gone), -sum(map(len, held)))

    def delete_article(self, article_id: str) -> int:
        """Delete an article and its claims; return how many claims went with it."""
        if not storable(article_id):
            raise NotFoundError(f"No article with id {article_id!r}.")
        with self.write() as conn:
            if not conn.execute("SELECT 1 FROM articles WHERE id = %s", [article_id]).fetchall():
                raise NotFoundError(f"No article with id {article_id!r}.")
            rows = conn.execute("SELECT id FROM claims WHERE article_id = %s", [article_id])
            ids = [row[0] for row in rows.fetchall()]
            self._delete_claims(conn, ids)
            conn.execute("DELETE FROM articles WHERE id = %s", [article_id])
        return len(ids)

    def delete_claim(self, claim_id: str) -> None:
        """Delete one claim, and the bare article record it was imported into if it was the
        last claim there (an article with text stays)."""
        if not storable(claim_id):
            raise NotFoundError(f"No claim with id {claim_id!r}.")
        with self.write() as conn:
            found = conn.execute("SELECT article_id FROM claims WHERE id = %s", [claim_id])
            row = found.fetchone()
            if row is None:
                raise NotFoundError(f"No claim with id {claim_id!r}.")
            article_id = row[0]
            self._delete_claims(conn, [claim_id])
            conn.execute(
                "DELETE FROM articles WHERE id = %s AND text = '' "
                "AND NOT EXISTS (SELECT 1 FROM claims WHERE article_id = %s)",
                [article_id, article_id],
            )

    def save_vectors(self, vectors: dict[str, bytes]) -> None:
        """Store the sentence embeddings of claims (only when semantic ranking is on)."""
        with self.write() as conn, conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO vectors (claim_id, vector) VALUES (%s, %s) "
                "ON CONFLICT (claim_id) DO UPDATE SET vector = excluded.vector",
                list(vectors.items()),
            )


def storable(key: str) -> bool:
    """Tell whether a key could be stored at all (PostgreSQL's text holds no NUL): a key
    that could not is simply not found."""
    return "\x00" not in key


def _copy_upsert(conn: psycopg.Connection[Any], rows: list[tuple[Any, ...]]) -> None:
    """Upsert many claims through COPY into a temporary table (the fast bulk path)."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS incoming (LIKE claims) ON COMMIT DELETE ROWS")
    with conn.cursor() as cursor:
        with cursor.copy(f"COPY incoming ({_ALL_COLUMNS}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(
            f"INSERT INTO claims ({_ALL_COLUMNS}) SELECT {_ALL_COLUMNS} FROM incoming "
            f"ON CONFLICT (id) DO UPDATE SET {_UPDATES}"
        )
        cursor.execute("TRUNCATE incoming")


def _move_counts(conn: psycopg.Connection[Any], deltas: Any, claims: int, terms: int) -> None:
    """Add what a write changed to the term counts and the index totals."""
    moved = sorted((term, count) for term, count in deltas.items() if count)
    if moved:
        conn.execute(
            "INSERT INTO term_counts (term, claims) SELECT * FROM unnest(%s::text[], "
            "%s::bigint[]) ON CONFLICT (term) DO UPDATE SET claims = term_counts.claims + "
            "excluded.claims",
            [[t for t, _ in moved], [c for _, c in moved]],
        )
    if claims or terms:
        conn.execute(
            "UPDATE store_state SET claims = claims + %s, terms = terms + %s", [claims, terms]
        )


def _insert_bare_articles(conn: psycopg.Connection[Any], articles: Mapping[str, str]) -> None:
    """Create (id -> title) article records with no text, keeping those already held."""
    if articles:
        with conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO articles (id, title, text, vocabulary) VALUES (%s, %s, '', '') "
                "ON CONFLICT (id) DO NOTHING",
                list(articles.items()),
            )
