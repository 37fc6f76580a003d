"""ClaimStore over sqlite_utils.Database: the only module that speaks SQL."""

from __future__ import annotations

import functools
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import sqlite_utils
from sqlite_utils.db import Table

from verifier.curated import claim_from_record
from verifier.keys import ApiKey
from verifier.matching import Candidate, claim_context, number_terms
from verifier.models import Article, ArticleRef, Claim, Quantity
from verifier.text import content_stems, stems_of, words

# How many postings (claim-term pairs) a candidate query reads by default (the setting
# VERIFIER_POSTINGS_BUDGET): its cost, whatever the size of the base. Tuned on the
# CheckThat! dev splits and `verifier bench`.
POSTINGS_BUDGET = 2_000
# Batches of at least this many claims are indexed in one statement rather than row by row.
BULK_ROWS = 1_000
# Pairs of rare terms that found at least this many claims need no filling in.
ENOUGH_PAIRS = 10
_CLAIM_FIELDS = (
    "id",
    "article_id",
    "text",
    "quote",
    "start",
    "end",
    "speaker",
    "speaker_role",
    "attribution",
    "negated",
    "quantities",
    "stems",
    "context",
    "topic",
    "title",
    "extra",
)
# An upsert that updates in place, so the full-text index's update trigger keeps it in step
# (INSERT OR REPLACE would delete without firing the delete trigger).
_UPSERT_CLAIM = (
    f"INSERT INTO claims ({', '.join(f'[{f}]' for f in _CLAIM_FIELDS)}) "
    f"VALUES ({', '.join('?' * len(_CLAIM_FIELDS))}) ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"[{f}] = excluded.[{f}]" for f in _CLAIM_FIELDS[1:])
)
# Claim rows in _CLAIM_FIELDS order, and (claim id, kind, value, unit, qualifier, raw) rows.
PreparedRows = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]
_ARTICLE_FIELDS = ("id", "title", "author", "url", "published", "publisher", "photo_credit")


class NotFoundError(LookupError):
    """The article or claim asked for is not in the store."""


class ClaimStore:
    """Articles and claims in one SQLite file, with an FTS5 index for candidates."""

    def __init__(self, path: str | Path, busy_timeout_ms: int = 10_000) -> None:
        self.path = str(path)
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

    # --- schema -------------------------------------------------------------------------

    def create(self) -> None:
        """Create the tables and the full-text index if they are missing."""
        db = self.db
        with self.write():
            self.table("articles").create(
                {
                    "id": str,
                    "title": str,
                    "author": str,
                    "url": str,
                    "published": str,
                    "publisher": str,
                    "photo_credit": str,
                    "text": str,
                    "vocabulary": str,
                },
                pk="id",
                if_not_exists=True,
                not_null={"title", "text"},
            )
            self.table("claims").create(
                {
                    "id": str,
                    "article_id": str,
                    "text": str,
                    "quote": str,
                    "start": int,
                    "end": int,
                    "speaker": str,
                    "speaker_role": str,
                    "attribution": str,
                    "negated": int,
                    "quantities": str,
                    "stems": str,
                    "context": str,
                    "topic": str,
                    "title": str,
                    "extra": str,
                },
                pk="id",
                if_not_exists=True,
                not_null={"text", "quote", "stems"},
            )
            self.table("claims").create_index(["article_id"], if_not_exists=True)
            self.table("quantities").create(
                {
                    "claim_id": str,
                    "kind": str,
                    "value": float,
                    "unit": str,
                    "qualifier": str,
                    "raw": str,
                },
                if_not_exists=True,
            )
            self.table("quantities").create_index(["claim_id"], if_not_exists=True)
            self.table("quantities").create_index(["kind", "value"], if_not_exists=True)
            self.table("api_keys").create(
                {"id": str, "hash": str, "name": str, "scope": str, "created": str, "revoked": str},
                pk="id",
                if_not_exists=True,
            )
            self.table("vectors").create(
                {"claim_id": str, "vector": bytes}, pk="claim_id", if_not_exists=True
            )
        if not db["claims_fts"].exists():
            self.table("claims").enable_fts(
                ["stems", "extra"], create_triggers=True, tokenize="unicode61"
            )
        db.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts_vocab USING fts5vocab(claims_fts, 'row')"
        )

    # --- writes -------------------------------------------------------------------------

    def save_article(self, article: Article, claims: Iterable[Claim]) -> int:
        """Store an article with its claims in one transaction; return the claim count."""
        record = {f: getattr(article, f) for f in _ARTICLE_FIELDS}
        record["text"] = article.text
        record["vocabulary"] = " ".join(sorted(set(words(f"{article.title} {article.text}"))))
        with self.write():
            self.table("articles").upsert(record, pk="id")
            count = self._write_claims(list(claims))
        self._article_words.cache_clear()
        return count

    def save_claims(self, claims: Iterable[Claim]) -> int:
        """Store claims in one transaction, replacing those with the same id."""
        with self.write():
            return self._write_claims(list(claims))

    def ensure_article(self, article_id: str, title: str) -> None:
        """Create a bare article record for claims imported without their article."""
        with self.write():
            self.table("articles").insert(
                {"id": article_id, "title": title, "text": "", "vocabulary": ""},
                pk="id",
                ignore=True,
            )

    def _write_claims(self, claims: list[Claim]) -> int:
        return self._write_rows(prepare_rows(claims))

    def save_prepared(self, rows: PreparedRows, articles: Mapping[str, str]) -> int:
        """Store rows made by prepare_rows(), and bare records for articles not held yet.

        One transaction: a batch is stored whole or not at all.
        """
        with self.write():
            self.db.conn.executemany(
                "INSERT OR IGNORE INTO articles (id, title, text, vocabulary) "
                "VALUES (?, ?, '', '')",
                articles.items(),
            )
            return self._write_rows(rows)

    def _write_rows(self, rows: PreparedRows) -> int:
        self.__dict__.pop("_df_cache", None)
        claims, quantities = rows
        if not claims:
            return 0
        ids = [c[0] for c in claims]
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            self.db.execute(f"DELETE FROM quantities WHERE claim_id IN ({marks})", chunk)
        if len(claims) >= BULK_ROWS:
            self._bulk_upsert(claims)
        else:
            self.db.conn.executemany(_UPSERT_CLAIM, claims)
        self.db.conn.executemany(
            "INSERT INTO quantities (claim_id, kind, value, unit, qualifier, raw) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            quantities,
        )
        return len(claims)

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
        self._article_words.cache_clear()
        return len(ids)

    def delete_claim(self, claim_id: str) -> None:
        """Delete one claim."""
        self.get_claim(claim_id)
        with self.write():
            self._delete_claims([claim_id])

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
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            self.db.execute(f"DELETE FROM vectors WHERE claim_id IN ({marks})", chunk)
            self.db.execute(f"DELETE FROM quantities WHERE claim_id IN ({marks})", chunk)
            self.db.execute(f"DELETE FROM claims WHERE id IN ({marks})", chunk)

    # --- keys -------------------------------------------------------------------------

    def add_key(self, key: ApiKey, token_hash: str) -> None:
        """Store a new key by its hash."""
        with self.write():
            self.table("api_keys").insert({**key.__dict__, "hash": token_hash}, pk="id")

    def list_keys(self) -> list[ApiKey]:
        """Return every key, revoked ones included, oldest first."""
        cursor = self.db.execute(
            "SELECT id, name, scope, created, revoked FROM api_keys ORDER BY created, id"
        )
        return [ApiKey(*row) for row in cursor.fetchall()]

    def revoke_key(self, key_id: str, when: str) -> None:
        """Mark a key revoked; it stops working at once, in every worker."""
        with self.write():
            cursor = self.db.execute(
                "UPDATE api_keys SET revoked = ? WHERE id = ? AND revoked IS NULL", [when, key_id]
            )
        if cursor.rowcount == 0:
            raise NotFoundError(f"No active key with id {key_id!r}.")

    def active_key_hashes(self) -> list[tuple[str, str]]:
        """Return (hash, scope) of every key that is not revoked."""
        return list(
            self.db.execute("SELECT hash, scope FROM api_keys WHERE revoked IS NULL").fetchall()
        )

    # --- backups ------------------------------------------------------------------------

    def backup_to(self, path: str | Path) -> None:
        """Copy the database consistently while it is in use (SQLite's online backup API)."""
        target = sqlite3.connect(str(path))
        try:
            self.db.conn.backup(target)
        finally:
            target.close()

    def restore_from(self, path: str | Path) -> None:
        """Replace the database's content with a backup, after checking the backup is sound."""
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise ValueError(f"{path} fails SQLite's integrity check.")
            source.backup(self.db.conn)
        finally:
            source.close()
        self._article_words.cache_clear()

    def generation(self) -> tuple[int, int]:
        """Return a value that changes whenever any connection commits a change."""
        version = self.db.execute("PRAGMA data_version").fetchone()[0]  # others' commits
        return int(version), self.db.conn.total_changes  # ... and this connection's

    def integrity(self) -> str:
        """Return SQLite's integrity check verdict ('ok' when sound)."""
        return str(self.db.execute("PRAGMA integrity_check").fetchone()[0])

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
        return _claim(self._row(row, "claims"))

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
        where, params = ["1 = 1"], []
        if article_id:
            where.append("article_id = ?")
            params.append(article_id)
        if after:
            where.append("id > ?")
            params.append(after)
        if query:
            stems = content_stems(query, drop_numbers=False)
            if not stems:
                return []
            where.append("rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)")
            params.append(" ".join(_quote(s) for s in stems))
        sql = f"SELECT * FROM claims WHERE {' AND '.join(where)} ORDER BY id LIMIT ?"
        cursor = self.db.execute(sql, [*params, limit])
        return [_claim(self._row(r, "claims")) for r in cursor.fetchall()]

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

    def candidates(
        self, stems: Iterable[str], limit: int, budget: int = POSTINGS_BUDGET
    ) -> list[Candidate]:
        """Return up to `limit` claims sharing the most (rarest) stems, BM25 order."""
        return self.candidates_at(self.ranked_rowids(stems, limit, budget))

    def candidates_at(self, ranked: list[tuple[int, float]]) -> list[Candidate]:
        """Load the claims at the given (rowid, BM25 score) pairs as candidates, in that order."""
        if not ranked:
            return []
        marks = ",".join("?" * len(ranked))
        rows = self.db.execute(
            f"SELECT rowid, * FROM claims WHERE rowid IN ({marks})", [r[0] for r in ranked]
        ).fetchall()
        by_rowid = {r[0]: r[1:] for r in rows}
        return [
            self._candidate(self._row(by_rowid[rowid], "claims"), -score)
            for rowid, score in ranked
            if rowid in by_rowid
        ]

    def ranked_rowids(
        self, stems: Iterable[str], limit: int, budget: int = POSTINGS_BUDGET, max_terms: int = 24
    ) -> list[tuple[int, float]]:
        """Return (rowid, BM25 score) of the `limit` claims sharing the most (rarest) stems.

        A query's cost is mostly the rows it scores, so it keeps to a budget whatever the size
        of the base. It takes the rarest terms while their claim counts add up to at most
        `budget`. When that leaves fewer than four terms (a large base), one or two
        terms cannot tell their many claims apart: it asks instead for claims holding an
        anchor (the rarest word, and any other word within the budget) together with one of
        the five rarest terms, which scores at most the anchors' claims. Figures are never
        anchors: a changed number must still find its claim. The budget's terms fill in
        when few claims come back.
        """
        counted = self._selective_terms(list(dict.fromkeys(stems)), max_terms)
        chosen: list[str] = []
        postings = 0
        for count, term in counted:
            if chosen and postings + count > budget:
                break
            chosen.append(term)
            postings += count
        if not chosen:
            return []
        either = " OR ".join(_quote(t) for t in chosen)
        named = [(count, t) for count, t in counted if not _is_number_term(t)]
        if len(chosen) >= 4 or len(counted) < 3 or not named:
            return self._ranked(either, limit)
        anchors = [named[0][1]] + [t for count, t in named[1:4] if count <= budget]
        pairs = {tuple(sorted((a, b))) for a in anchors for _, b in counted[:5] if a != b}
        query = " OR ".join(f"({_quote(a)} AND {_quote(b)})" for a, b in sorted(pairs))
        ranked = self._ranked(query, limit)
        if len(ranked) < min(limit, ENOUGH_PAIRS):
            seen = {rowid for rowid, _ in ranked}
            more = self._ranked(either, limit)
            ranked += [r for r in more if r[0] not in seen][: limit - len(ranked)]
        return ranked

    def _ranked(self, query: str, limit: int) -> list[tuple[int, float]]:
        """Rank inside the index (BM25) and return (rowid, score) of the best `limit`."""
        cursor = self.db.execute(
            "SELECT rowid, bm25(claims_fts, 1.0, 0.6) AS relevance FROM claims_fts "
            "WHERE claims_fts MATCH ? ORDER BY relevance LIMIT ?",
            [query, limit],
        )
        return [(int(r[0]), float(r[1])) for r in cursor.fetchall()]

    def _selective_terms(self, terms: list[str], max_terms: int) -> list[tuple[int, str]]:
        """Return (claim count, term) of the rarest terms that occur at all, rarest first."""
        if not terms:
            return []
        total = max(1, self._claim_total())
        found = self._document_frequencies(tuple(t for t in terms if t.isalnum()))
        # Terms the tokenizer splits ("u.s") are kept as phrases, after the rare single words.
        ranked = sorted((found.get(t, total if not t.isalnum() else 0), t) for t in terms)
        return [(df, t) for df, t in ranked if df > 0][:max_terms]

    def _document_frequencies(self, terms: tuple[str, ...]) -> dict[str, int]:
        """Return how many claims hold each term; cached, since fts5vocab reads whole lists.

        The cache is cleared on every write from this process; counts written by another
        process may lag, which only shifts which terms count as rare.
        """
        cache: dict[str, int] = self.__dict__.setdefault("_df_cache", {})
        missing = [t for t in terms if t not in cache]
        if missing:
            marks = ",".join("?" * len(missing))
            cursor = self.db.execute(
                f"SELECT term, doc FROM claims_fts_vocab WHERE term IN ({marks})", missing
            )
            found = dict(cursor.fetchall())
            if len(cache) > 200_000:
                cache.clear()
            cache.update({t: int(found.get(t, 0)) for t in missing})
        return {t: cache[t] for t in terms if cache.get(t)}

    def _claim_total(self) -> int:
        # max(rowid) tracks the table's size without a full count on every query.
        row = self.db.execute("SELECT max(rowid) FROM claims").fetchone()
        return int(row[0] or 0)

    def _candidate(self, record: dict[str, Any], relevance: float) -> Candidate:
        quantities = tuple(Quantity(**q) for q in json.loads(record["quantities"] or "[]"))
        return Candidate(
            claim_id=record["id"],
            stems=tuple(record["stems"].split()),
            quantities=quantities,
            load=functools.partial(self._decode, record),
            relevance=relevance,
            topic=frozenset(record["topic"].split()),
        )

    def _decode(self, record: dict[str, Any]) -> tuple[Claim, frozenset[str]]:
        claim = _claim(record)
        context = frozenset(record["context"].split()) | self._article_words(claim.article_id)
        return claim, context

    def _load_article_words(self, article_id: str) -> frozenset[str]:
        row = self.db.execute(
            "SELECT vocabulary FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        return frozenset((row[0] or "").split()) if row else frozenset()

    def _row(self, row: tuple[Any, ...], table: str) -> dict[str, Any]:
        columns = self._columns(table)
        return dict(zip(columns, row, strict=False))

    def _columns(self, table: str) -> list[str]:
        cache: dict[str, list[str]] = self.__dict__.setdefault("_column_cache", {})
        if table not in cache:
            cache[table] = [c.name for c in self.db[table].columns]
        return cache[table]

    def iter_claims(self, batch: int = 1000) -> Iterator[Claim]:
        """Yield every claim, in id order."""
        after = ""
        while page := self.list_claims(limit=batch, after=after):
            yield from page
            after = page[-1].id


def _is_number_term(term: str) -> bool:
    """Tell a figure's index term ("n4000", from number_terms) from a word's stem."""
    return term[:1] == "n" and term[1:].isdigit()


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _quantity_record(q: Quantity) -> dict[str, Any]:
    return {
        "kind": q.kind,
        "value": q.value,
        "unit": q.unit,
        "qualifier": q.qualifier,
        "raw": q.raw,
    }


def prepare_rows(claims: Iterable[Claim]) -> PreparedRows:
    """Compute what the store keeps for each claim (stems, context, index terms) as rows.

    A pure function, so bulk imports can run it in worker processes.
    """
    claim_rows: list[tuple[Any, ...]] = []
    quantity_rows: list[tuple[Any, ...]] = []
    latest = {claim.id: claim for claim in claims}  # an id given twice: the last one wins
    for claim in latest.values():
        record = _claim_record(claim)
        claim_rows.append(tuple(record[f] for f in _CLAIM_FIELDS))
        quantity_rows.extend(
            (claim.id, q.kind, q.value, q.unit, q.qualifier, q.raw) for q in claim.quantities
        )
    return claim_rows, quantity_rows


def _claim_record(claim: Claim) -> dict[str, Any]:
    text_words = words(claim.text)
    fact = stems_of(text_words)
    sentence = fact if claim.quote == claim.text else content_stems(claim.quote)
    return {
        "id": claim.id,
        "article_id": claim.article_id,
        "text": claim.text,
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "speaker": claim.speaker,
        "speaker_role": claim.speaker_role,
        "attribution": json.dumps(list(claim.attribution)),
        "negated": int(claim.negated),
        "quantities": json.dumps([_quantity_record(q) for q in claim.quantities]),
        "stems": " ".join(dict.fromkeys(fact)),
        "context": " ".join(sorted(claim_context(claim, text_words))),
        "topic": " ".join(sorted(set(fact) | set(sentence))),
        "title": claim.title,
        "extra": " ".join(
            [*_label_terms(claim.title, claim.speaker), *number_terms(claim.quantities)]
        ),
    }


@lru_cache(maxsize=4096)
def _label_terms(title: str | None, speaker: str | None) -> tuple[str, ...]:
    """Index terms of a claim's title and speaker (shared by many claims, so cached)."""
    return tuple(content_stems(f"{title or ''} {speaker or ''}"))


def _claim(record: dict[str, Any]) -> Claim:
    return claim_from_record(
        {
            **record,
            "attribution": json.loads(record["attribution"] or "[]"),
            "quantities": json.loads(record["quantities"] or "[]"),
        }
    )
