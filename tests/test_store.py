"""ClaimStore: round trips, candidates, deletes and idempotent writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from verifier.curated import curated
from verifier.store import ClaimStore, NotFoundError
from verifier.text import content_stems


@pytest.fixture
def store(tmp_path: Path) -> ClaimStore:
    store = ClaimStore(tmp_path / "s.db")
    store.create()
    for article, claims in curated():
        store.save_article(article, claims)
    return store


def test_claims_round_trip_unchanged(store: ClaimStore) -> None:
    for _, claims in curated():
        for claim in claims:
            assert store.get_claim(claim.id) == claim


def test_saving_again_does_not_duplicate(store: ClaimStore) -> None:
    for article, claims in curated():
        store.save_article(article, claims)
    assert store.count_claims() == 25
    assert store.db.execute("SELECT count(*) FROM quantities").fetchone()[0] == sum(
        len(c.quantities) for _, cs in curated() for c in cs
    )


def test_candidates_come_from_the_index(store: ClaimStore) -> None:
    found = store.candidates(content_stems("cellular structure"), limit=5)
    assert found and "cellular structure" in found[0].claim.text
    assert store.candidates([], limit=5) == []


def test_quantities_are_queryable(store: ClaimStore) -> None:
    rows = store.db.execute(
        "SELECT claim_id FROM quantities WHERE kind = 'year' AND value = 2003"
    ).fetchall()
    assert len(rows) == 1


def test_delete_article_takes_its_claims(store: ClaimStore) -> None:
    assert store.delete_article("us-withdraws-troops-from-iraq") == 25
    assert store.count_claims() == 0
    assert store.db.execute("SELECT count(*) FROM claims_fts").fetchone()[0] == 0
    with pytest.raises(NotFoundError):
        store.get_article("us-withdraws-troops-from-iraq")


def test_missing_things_raise_not_found(store: ClaimStore) -> None:
    with pytest.raises(NotFoundError):
        store.get_claim("c-nope")
    with pytest.raises(NotFoundError):
        store.delete_claim("c-nope")


def test_wal_mode(store: ClaimStore) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
