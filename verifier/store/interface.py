"""ClaimStore: what every backend of the store does, and the choice of backend by URL."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from verifier.keys import ApiKey
from verifier.language.article_words import ArticleWords
from verifier.models import Article, ArticleRef, Candidate, Claim
from verifier.store.databases import is_postgres, postgres_module

# Claim rows, in CLAIM_FIELDS order (rows.py).
PreparedRows = list[tuple[Any, ...]]
# How many postings (claim-term pairs) a candidate query reads by default (the setting
# VERIFIER_POSTINGS_BUDGET): its cost, whatever the size of the base. Tuned on the
# CheckThat! dev splits and `verifier bench`.
POSTINGS_BUDGET = 2_000


class NotFoundError(LookupError):
    """The article, claim or key asked for is not in the store."""


class BackupUnsupportedError(RuntimeError):
    """The backend is backed up by its own tools, not by `verifier backup` (the message
    says which)."""


@dataclass(frozen=True)
class WriteCounts:
    """What a batch write did: claims new to the store, claims changed, claims left as held."""

    stored: int
    replaced: int
    unchanged: int


class ClaimStore:
    """Articles, claims, vectors and keys, with a candidate index: the store's one interface.

    `ClaimStore(database)` opens the backend the setting names, as `pathlib.Path` gives the
    flavour of its system: a PostgreSQL URL opens the PostgreSQL backend, anything else (a
    path, `sqlite:///path`) a SQLite file. Nothing outside the store knows which it has.
    Every method here is one each backend implements (a test checks that none is missing).
    """

    def __new__(cls, database: str | Path, *args: Any, **kwargs: Any) -> ClaimStore:
        if cls is ClaimStore:
            cls = _backend(database)
        return super().__new__(cls)

    backend: str  # "sqlite" or "postgresql", for /health and the operator's messages

    def schema_version(self) -> int:
        """Return the version of the schema the store is at (after create())."""
        raise NotImplementedError

    def create(self) -> bool:
        """Create (or migrate) the schema; tell whether the store is new and needs the seed."""
        raise NotImplementedError

    def close(self) -> None:
        """Close this process's connections."""
        raise NotImplementedError

    # --- writes -----------------------------------------------------------------------
    def save_article(self, article: Article, claims: Iterable[Claim]) -> int:
        """Store an article with its claims in one transaction; return the claim count."""
        raise NotImplementedError

    def save_claims(self, claims: Iterable[Claim]) -> int:
        """Store claims in one transaction, replacing those with the same id."""
        raise NotImplementedError

    def ensure_article(self, article_id: str, title: str) -> None:
        """Create a bare article record for claims imported without their article."""
        raise NotImplementedError

    def save_prepared(self, rows: PreparedRows, articles: Mapping[str, str]) -> WriteCounts:
        """Store prepared rows and bare articles in one transaction; say what changed."""
        raise NotImplementedError

    def delete_article(self, article_id: str) -> int:
        """Delete an article and its claims; return how many claims went with it."""
        raise NotImplementedError

    def delete_claim(self, claim_id: str) -> None:
        """Delete one claim (and its bare article, if it was the last claim there)."""
        raise NotImplementedError

    def save_vectors(self, vectors: dict[str, bytes]) -> None:
        """Store the sentence embeddings of claims."""
        raise NotImplementedError

    def bulk_writes(self) -> AbstractContextManager[None]:
        """Tune the connection for a bulk import while the block runs."""
        raise NotImplementedError

    # --- reads --------------------------------------------------------------------------
    def count_claims(self) -> int:
        """Return how many claims are stored."""
        raise NotImplementedError

    def count_articles(self) -> int:
        """Return how many articles are stored."""
        raise NotImplementedError

    def get_claim(self, claim_id: str) -> Claim:
        """Return one claim, or raise NotFoundError."""
        raise NotImplementedError

    def get_article(self, article_id: str) -> Article:
        """Return one article, or raise NotFoundError."""
        raise NotImplementedError

    def list_claims(
        self,
        query: str | None = None,
        article_id: str | None = None,
        limit: int = 50,
        after: str | None = None,
    ) -> list[Claim]:
        """Page through claims by id, optionally filtered by words or article."""
        raise NotImplementedError

    def article_claims(
        self, article_id: str, limit: int = 50, after: tuple[int, str] | None = None
    ) -> list[Claim]:
        """Page through one article's claims in the order they stand in it."""
        raise NotImplementedError

    def list_articles(self, limit: int = 50, after: str | None = None) -> list[Article]:
        """Page through articles by id."""
        raise NotImplementedError

    def article_refs(self, ids: Iterable[str]) -> dict[str, ArticleRef]:
        """Return the citation fields of the given articles."""
        raise NotImplementedError

    def article_vocabulary(self, article_id: str) -> frozenset[str]:
        """Return every word an article writes."""
        raise NotImplementedError

    def article_words(self, article_id: str) -> ArticleWords:
        """Return an article's words as the entity checks read them: all of them, by
        sentence and paragraph, and the given names of each surname it writes."""
        raise NotImplementedError

    def vectors_at(self, rowids: list[int]) -> dict[int, bytes]:
        """Return the stored embeddings of the claims at these rowids."""
        raise NotImplementedError

    def iter_claims(self, batch: int = 1000) -> Iterator[Claim]:
        """Yield every claim, in id order."""
        raise NotImplementedError

    def ranked_rowids(
        self, stems: Iterable[str], limit: int, budget: int = POSTINGS_BUDGET, max_terms: int = 24
    ) -> list[tuple[int, float]]:
        """Return (rowid, BM25 score) of the `limit` claims sharing the most (rarest) stems."""
        raise NotImplementedError

    def candidates_at(self, ranked: list[tuple[int, float]]) -> list[Candidate]:
        """Load the claims at the given (rowid, score) pairs as candidates, in that order."""
        raise NotImplementedError

    def candidates(
        self, stems: Iterable[str], limit: int, budget: int = POSTINGS_BUDGET
    ) -> list[Candidate]:
        """Return up to `limit` claims sharing the most (rarest) stems, BM25 order."""
        raise NotImplementedError

    def generation(self) -> Any:
        """Return a value that changes whenever any writer commits a change."""
        raise NotImplementedError

    def disk_bytes(self) -> int:
        """Return how much disk the store takes (its files, or its database on the server)."""
        raise NotImplementedError

    def health(self) -> dict[str, Any]:
        """Describe the backend for /health: its name and, on a replica, its replay lag."""
        raise NotImplementedError

    # --- upkeep ---------------------------------------------------------------------------
    def reindex_page(self, after: str, size: int) -> tuple[int, str]:
        """Recompute the index terms of `size` claims after id `after`; return (count, last)."""
        raise NotImplementedError

    def reindex_articles(self) -> int:
        """Recompute every article's vocabulary."""
        raise NotImplementedError

    def index_outdated(self) -> bool:
        """Tell whether stored claims were indexed by an older release."""
        raise NotImplementedError

    def mark_indexed(self) -> None:
        """Record that every claim is indexed the current way."""
        raise NotImplementedError

    def compact_index(self) -> None:
        """Keep the index compact after a small write."""
        raise NotImplementedError

    def optimize_index(self, pages: int = 2000) -> None:
        """Bring the index into its fastest shape after a bulk write."""
        raise NotImplementedError

    def backup_to(self, path: str | Path) -> int:
        """Copy the store to a file; return the copy's claim count."""
        raise NotImplementedError

    def restore_from(self, path: str | Path) -> None:
        """Replace the store's content with a backup file."""
        raise NotImplementedError

    # --- keys -----------------------------------------------------------------------------
    def add_key(self, key: ApiKey, token_hash: str) -> None:
        """Store a new key by its hash."""
        raise NotImplementedError

    def list_keys(self) -> list[ApiKey]:
        """Return every key, revoked ones included, oldest first."""
        raise NotImplementedError

    def revoke_key(self, key_id: str, when: str) -> None:
        """Mark a key revoked."""
        raise NotImplementedError

    def active_key_hashes(self) -> list[tuple[str, str]]:
        """Return (hash, scope) of every key that is not revoked."""
        raise NotImplementedError


def _backend(database: str | Path) -> type[ClaimStore]:
    """The class of the backend a DATABASE setting names (imported by name: each backend
    imports this module, and PostgreSQL's driver is an optional extra)."""
    if is_postgres(database):
        module = postgres_module("verifier.store.postgres")
    else:
        module = importlib.import_module("verifier.store.claims")
    backend: type[ClaimStore] = module.BACKEND
    return backend
