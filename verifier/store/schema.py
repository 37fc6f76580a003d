"""The store's tables and full-text index, created when missing."""

from __future__ import annotations

from verifier.store.admin import StoreAdmin
from verifier.store.rows import CLAIM_COLUMNS


class StoreSchema(StoreAdmin):
    """Creates what ClaimStore keeps: articles, claims (and a view of their quantities), keys,
    vectors, FTS5."""

    def create(self) -> bool:
        """Create the tables and the full-text index if they are missing; tell whether the
        store is new (it had no tables: a store emptied by deletes is not)."""
        db = self.db
        with self.write():
            new = not self.table("articles").exists()
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
                CLAIM_COLUMNS,
                pk="id",
                if_not_exists=True,
                not_null={"text", "quote", "stems"},
            )
            self.table("claims").create_index(["article_id"], if_not_exists=True)
            self.table("api_keys").create(
                {"id": str, "hash": str, "name": str, "scope": str, "created": str, "revoked": str},
                pk="id",
                if_not_exists=True,
            )
            self.table("vectors").create(
                {"claim_id": str, "vector": bytes}, pk="claim_id", if_not_exists=True
            )
        self._create_quantities_view()
        if not db["claims_fts"].exists():
            self.table("claims").enable_fts(
                ["stems", "extra"], create_triggers=True, tokenize="unicode61"
            )
        db.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts_vocab USING fts5vocab(claims_fts, 'row')"
        )
        merge = db.execute("SELECT v FROM claims_fts_config WHERE k = 'usermerge'").fetchone()
        if merge is None or merge[0] != 2:  # two segments on a level are enough to merge
            with self.write():
                db.execute("INSERT INTO claims_fts (claims_fts, rank) VALUES ('usermerge', 2)")
        if not db.execute("SELECT EXISTS (SELECT 1 FROM claims)").fetchone()[0]:
            self.mark_indexed()  # a new or empty store: nothing indexed by an older release
        return new

    def schema_version(self) -> int:
        """Return 1: a SQLite store has one schema, brought up to date in place by create()."""
        return 1

    def _create_quantities_view(self) -> None:
        """Show every claim's quantities as rows, for SQL (`SELECT claim_id FROM quantities
        WHERE kind = 'year' AND value = 2003`): a view of the JSON each claim holds.

        Releases before kept them in a table of their own as well, written with every claim
        (half the cost of writing one) and read by nothing: it is dropped, and the JSON's
        non-standard infinities (unreadable figures) become null, which SQLite can read.
        """
        if self._quantities_kind() == "view":
            return
        with self.write():  # looked at again under the write lock: another process may
            kind = self._quantities_kind()  # have just brought the store up to the view
            if kind == "view":
                return
            if kind:
                self.db.execute("DROP TABLE quantities")
                self.db.execute(
                    "UPDATE claims SET quantities = "
                    "replace(quantities, '\"value\": Infinity', '\"value\": null') "
                    "WHERE quantities LIKE '%Infinity%'"
                )
            self.db.execute(_QUANTITIES_VIEW)

    def _quantities_kind(self) -> str | None:
        found = self.db.execute("SELECT type FROM sqlite_master WHERE name = 'quantities'")
        row = found.fetchone()
        return str(row[0]) if row else None


_QUANTITIES_VIEW = """CREATE VIEW IF NOT EXISTS quantities AS
SELECT c.id AS claim_id, json_extract(q.value, '$.kind') AS kind,
    json_extract(q.value, '$.value') AS value, json_extract(q.value, '$.unit') AS unit,
    json_extract(q.value, '$.qualifier') AS qualifier, json_extract(q.value, '$.raw') AS raw
FROM claims AS c,
    json_each(CASE WHEN json_valid(c.quantities) THEN c.quantities ELSE '[]' END) AS q"""
