"""The store's tables and full-text index, created when missing."""

from __future__ import annotations

from verifier.store.admin import StoreAdmin
from verifier.store.rows import CLAIM_COLUMNS


class StoreSchema(StoreAdmin):
    """Creates what ClaimStore keeps: articles, claims, quantities, keys, vectors, FTS5."""

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
                CLAIM_COLUMNS,
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
        merge = db.execute("SELECT v FROM claims_fts_config WHERE k = 'usermerge'").fetchone()
        if merge is None or merge[0] != 2:  # two segments on a level are enough to merge
            with self.write():
                db.execute("INSERT INTO claims_fts (claims_fts, rank) VALUES ('usermerge', 2)")
        if not db.execute("SELECT EXISTS (SELECT 1 FROM claims)").fetchone()[0]:
            self.mark_indexed()  # a new or empty store: nothing indexed by an older release
