"""Keys, backups and index upkeep: the operator's side of the store."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from verifier.keys import ApiKey
from verifier.store.base import StoreBase
from verifier.store.interface import NotFoundError

# Bumped whenever claim preparation changes the stored index terms (stems, topic words), so
# that a store indexed by an older release is known to need `verifier reindex`.
INDEX_VERSION = 8
# Every small write (an article, a claim, a delete) leaves a segment in the full-text index,
# and each query looks every term up in every segment. After such a write, one merge step of
# at most this many pages joins the segments that share a level ('usermerge' 2: two are
# enough), so they never pile up: 200 article ingests into a 100k store leave 3 segments
# instead of 8-15, and the candidate query costs ~30% less. The largest segment is only
# merged when another grows to its level, as in any log-structured index.
COMPACT_PAGES = 16


# What every verifier store has had, whatever its release: a backup without them is another
# file (an empty one passes SQLite's integrity check).
_STORE_TABLES = frozenset({"articles", "claims", "claims_fts"})


class StoreAdmin(StoreBase):
    """API keys (stored as hashes), online backups and restores, index upkeep of ClaimStore."""

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

    def backup_to(self, path: str | Path) -> int:
        """Copy the database consistently while it is in use (SQLite's online backup API);
        return how many claims the copy holds."""
        target = sqlite3.connect(str(path))
        try:
            self.db.conn.backup(target)
            return int(target.execute("SELECT count(*) FROM claims").fetchone()[0])
        finally:
            target.close()

    def restore_from(self, path: str | Path) -> None:
        """Replace the database's content with a backup, after checking that the backup is a
        sound verifier store (any SQLite file, even an empty one, would otherwise do)."""
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            _check_backup(source, path)
            source.backup(self.db.conn)
        finally:
            source.close()
        self._article_words.cache_clear()

    def index_outdated(self) -> bool:
        """Tell whether stored claims were indexed by an older release's text preparation."""
        version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
        held = self.db.execute("SELECT EXISTS (SELECT 1 FROM claims)").fetchone()[0]
        return version < INDEX_VERSION and bool(held)

    def mark_indexed(self) -> None:
        """Record that every claim is indexed the current way (a new store, a reindex)."""
        self.db.execute(f"PRAGMA user_version = {INDEX_VERSION}")

    def generation(self) -> tuple[int, int, int]:
        """Return a value that changes whenever any connection commits a change.

        Both counters belong to this thread's connection, so the connection is part of the
        value: another thread's connection may count the same numbers at another time.
        """
        conn = self.db.conn
        version = conn.execute("PRAGMA data_version").fetchone()[0]  # others' commits
        return id(conn), int(version), conn.total_changes  # ... and this connection's

    @contextlib.contextmanager
    def bulk_writes(self) -> Iterator[None]:
        """Give this connection a 256 MB page cache while a bulk import writes, then restore it.

        Each claim adds entries at scattered places of the indexes (its id, its article, the
        full-text segments); past a few hundred thousand claims SQLite's default 2 MB cache
        reads most of those pages again for every batch (writing 60k claims into a
        1M-claim store: 68-82 us per claim with the default, 59-65 with this).
        """
        previous = int(self.db.execute("PRAGMA cache_size").fetchone()[0])
        self.db.execute("PRAGMA cache_size = -262144")
        try:
            yield
        finally:
            self.db.execute(f"PRAGMA cache_size = {previous}")

    def compact_index(self) -> None:
        """Merge a few pages of the index's small segments: at the end of a small write, in
        its transaction (a merge of its own after the commit could find the store locked
        by another writer, and fail a write that is already stored)."""
        with self.write():
            self.db.execute(
                "INSERT INTO claims_fts (claims_fts, rank) VALUES ('merge', ?)", [COMPACT_PAGES]
            )

    def optimize_index(self, pages: int = 2000) -> None:
        """Merge the full-text index into one segment, after a bulk write.

        Batches written in a row leave the index in many segments, and every candidate query
        then looks each term up in each of them: at 100k claims that cost ~40% of a query.
        The merge runs as FTS5's incremental 'merge' command, `pages` index pages per
        transaction, until a step finds nothing left to merge (FTS5's documented way to
        optimize in steps): a writer in another process waits for one step, not for the
        whole merge (seconds at a million claims, more beyond). Later small writes add
        segments that compact_index keeps few.
        """
        if pages < 1:
            raise ValueError(f"Merge at least one page per step, not {pages}.")
        step = -pages  # negative: first put every segment on one level, then merge
        while True:
            with self.write():
                before = self.db.conn.total_changes
                self.db.execute(
                    "INSERT INTO claims_fts (claims_fts, rank) VALUES ('merge', ?)", [step]
                )
                merged = self.db.conn.total_changes - before >= 2  # less: nothing to merge
            if not merged:
                return
            step = pages  # go on with the merge begun, even if new segments arrive meanwhile

    def integrity(self) -> str:
        """Return SQLite's integrity check verdict ('ok' when sound)."""
        return str(self.db.execute("PRAGMA integrity_check").fetchone()[0])


def _check_backup(source: sqlite3.Connection, path: str | Path) -> None:
    """Raise ValueError unless `source` is a sound SQLite file holding a verifier store."""
    try:
        if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise ValueError(f"{path} fails SQLite's integrity check.")
        tables = {row[0] for row in source.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:  # not SQLite at all: "file is not a database"
        raise ValueError(f"{path} is no SQLite database ({error}).") from None
    if missing := sorted(_STORE_TABLES - tables):
        raise ValueError(f"{path} is no verifier store: it has no {', '.join(missing)} table.")
