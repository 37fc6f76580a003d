"""SQLiteStore: round trips, candidates, deletes and idempotent writes."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from verifier.engine.curated import curated
from verifier.language.text import content_stems
from verifier.models import Quantity
from verifier.store import ClaimStore, NotFoundError
from verifier.store.claims import SQLiteStore


@pytest.fixture
def store(database: str) -> Iterator[Any]:
    """The seed's store, on each backend (typed Any: SQLite's own tests read its records)."""
    store = ClaimStore(database)
    store.create()
    for article, claims in curated():
        store.save_article(article, claims)
    yield store
    store.close()


def test_claims_round_trip_unchanged(store: Any) -> None:
    for _, claims in curated():
        for claim in claims:
            assert store.get_claim(claim.id) == claim


@pytest.mark.sqlite_only
def test_saving_again_does_not_duplicate(store: Any) -> None:
    for article, claims in curated():
        store.save_article(article, claims)
    assert store.count_claims() == 27
    assert store.db.execute("SELECT count(*) FROM quantities").fetchone()[0] == sum(
        len(c.quantities) for _, cs in curated() for c in cs
    )


@pytest.mark.sqlite_only
def test_replacing_a_claim_reindexes_it(store: Any) -> None:
    from dataclasses import replace

    claim = next(c for _, cs in curated() for c in cs if "cellular structure" in c.text)
    store.save_claims([replace(claim, text="Zanzibar ferries carried record cargo.")])
    assert store.count_claims() == 27
    assert not any(c.claim.id == claim.id for c in store.candidates(content_stems("cellular"), 50))
    assert [c.claim.id for c in store.candidates(content_stems("Zanzibar"), 5)] == [claim.id]
    integrity = store.db.execute("INSERT INTO claims_fts(claims_fts) VALUES('integrity-check')")
    assert integrity is not None  # raises sqlite3.DatabaseError when the index is out of step


def test_candidates_come_from_the_index(store: Any) -> None:
    found = store.candidates(content_stems("cellular structure"), limit=5)
    assert found and "cellular structure" in found[0].claim.text
    assert store.candidates([], limit=5) == []


@pytest.mark.sqlite_only
def test_quantities_are_queryable(store: Any) -> None:
    rows = store.db.execute(
        "SELECT claim_id FROM quantities WHERE kind = 'year' AND value = 2003"
    ).fetchall()
    assert len(rows) == 1


@pytest.mark.sqlite_only
def test_an_unreadable_figure_is_stored_and_shown_without_a_value(store: Any) -> None:
    claim = next(c for _, cs in curated() for c in cs if c.quantities)
    unreadable = Quantity(math.inf, "unreadable", raw="1e999")
    store.save_claims([replace(claim, quantities=(unreadable,))])
    assert store.get_claim(claim.id).quantities == (unreadable,)
    rows = store.db.execute(
        "SELECT kind, value, raw FROM quantities WHERE claim_id = ?", [claim.id]
    ).fetchall()
    assert rows == [("unreadable", None, "1e999")]


def test_a_store_from_before_the_quantities_view_is_brought_up_to_it(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = SQLiteStore(path)
    old.create()
    ((article, claims),) = list(curated())
    old.save_article(article, claims)
    with old.write():  # as releases before kept them: a table, and json's infinities
        old.db.execute("DROP VIEW quantities")
        old.db.execute("CREATE TABLE quantities (claim_id TEXT, kind TEXT, value FLOAT)")
        old.db.execute("INSERT INTO quantities VALUES ('stale', 'year', 2003)")
        old.db.execute(
            "UPDATE claims SET quantities = ? WHERE id = ?",
            [
                '[{"value": Infinity, "kind": "unreadable", "unit": null, "qualifier": null, '
                '"raw": "1e999"}]',
                claims[0].id,
            ],
        )
    old.close()
    store = SQLiteStore(path)
    store.create()
    kind = store.db.execute("SELECT type FROM sqlite_master WHERE name = 'quantities'")
    assert kind.fetchone() == ("view",)
    assert store.get_claim(claims[0].id).quantities[0].value == math.inf
    years = store.db.execute("SELECT claim_id FROM quantities WHERE value = 2003").fetchall()
    assert [c.id for c in claims if any(q.value == 2003 for q in c.quantities)] == [
        row[0] for row in years
    ]


def test_two_processes_bringing_a_store_up_at_once_both_open_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    old = SQLiteStore(path)
    old.create()
    with old.write():
        old.db.execute("DROP VIEW quantities")
        old.db.execute("CREATE TABLE quantities (claim_id TEXT, kind TEXT, value FLOAT)")
    old.close()
    first, second = SQLiteStore(path), SQLiteStore(path)
    real = SQLiteStore._quantities_kind
    looked: list[SQLiteStore] = []

    def stale(store: Any) -> str | None:  # `second` looks before `first` migrates
        if store is second and not looked:
            looked.append(store)
            return "table"
        return real(store)

    monkeypatch.setattr(SQLiteStore, "_quantities_kind", stale)
    first.create()
    second.create()  # raised "use DROP VIEW to delete view quantities" before
    assert looked and real(second) == "view"


@pytest.mark.sqlite_only
def test_delete_article_takes_its_claims(store: Any) -> None:
    assert store.delete_article("us-withdraws-troops-from-iraq") == 27
    assert store.count_claims() == 0
    assert store.db.execute("SELECT count(*) FROM claims_fts").fetchone()[0] == 0
    with pytest.raises(NotFoundError):
        store.get_article("us-withdraws-troops-from-iraq")


def test_missing_things_raise_not_found(store: Any) -> None:
    with pytest.raises(NotFoundError):
        store.get_claim("c-nope")
    with pytest.raises(NotFoundError):
        store.delete_claim("c-nope")


@pytest.mark.sqlite_only
def test_wal_mode(store: Any) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_candidate_query_keeps_to_its_postings_budget(tmp_path: Path) -> None:
    from verifier.engine.bulk import import_claims
    from verifier.engine.service import Engine

    store = SQLiteStore(tmp_path / "large.db")
    store.create()
    towns = ["Ashford", "Belmont", "Carver", "Dover", "Easton", "Fulton", "Garland", "Hudson"]
    records = [
        {"text": f"The {town} council approved {n} new {thing} this spring."}
        for town in towns
        for n, thing in enumerate(["bus lines", "parks", "clinics"], 2)
    ]
    list(import_claims(records, Engine(store)))
    # Only "garland" (3 claims) fits the budget, too few terms to rank its claims: claims
    # holding the anchor "garland" and another rare term, so Garland's clinics lead.
    found = store.candidates(content_stems("Did Garland approve new clinics this spring?"), 5, 6)
    assert found[0].claim.text.startswith("The Garland council approved 4 new clinics")
    assert sorted(c.claim.text.split()[1] for c in found) == ["Garland"] * 3
    # Two terms, the second over the budget: both are asked for together, not the first alone.
    two = store.candidates(content_stems("Garland clinics"), 5, 2)
    assert two[0].claim.text.startswith("The Garland council approved 4 new clinics")
    # Every term is over the budget: claims holding two of the rarest terms, best first.
    common = store.candidates(content_stems("council approved clinics spring"), 50, 6)
    assert all("clinics" in c.claim.text for c in common[: len(towns)])
    only_one = store.candidates(content_stems("Hudson zebras"), 5, 6)
    assert only_one and all("Hudson" in c.claim.text for c in only_one)


@pytest.mark.sqlite_only
def test_pairs_are_ranked_by_the_same_bm25_as_the_index(store: Any) -> None:
    from verifier.store.stats import quote_term

    terms = ["troop", "iraq"]
    query = " AND ".join(quote_term(t) for t in terms)
    by_index = store.db.execute(  # FTS5's own bm25, the terms held in the claim text only
        "SELECT rowid, bm25(claims_fts, 1.0, 0.0) FROM claims_fts WHERE claims_fts MATCH ? "
        "ORDER BY 2, rowid",
        [query],
    ).fetchall()
    assert len(by_index) >= 2
    counts = dict(
        store.db.execute("SELECT term, doc FROM claims_fts_vocab WHERE term IN (?, ?)", terms)
    )
    ours = store._bm25([(terms, [rowid for rowid, _ in by_index])], counts, 50)
    assert [rowid for rowid, _ in ours] == [rowid for rowid, _ in by_index]
    assert [score for _, score in ours] == pytest.approx([score for _, score in by_index])


def test_common_terms_left_out_of_the_query_still_rank_its_claims(empty_database: str) -> None:
    from verifier.engine.bulk import import_claims
    from verifier.engine.service import Engine

    store = ClaimStore(empty_database)
    store.create()
    records = [
        {"text": "Ferries, lighthouses, quarries and orchards got grants."},  # shorter: BM25's pick
        {"text": "Ferries, lighthouses, quarries and orchards got council grants."},
        *({"text": f"The council met on day {n} to discuss roads and budgets."} for n in range(20)),
        *({"text": f"Harbour pilots logged shift {n} of the winter season."} for n in range(200)),
    ]
    list(import_claims(records, Engine(store)))
    statement = content_stems("The council gave ferries, lighthouses, quarries and orchards")
    # "council" (21 claims) is over a budget of 10: the query asks only for the four rare
    # words, and the claim that also names the council is scored up again.
    found = store.candidates(statement, 5, budget=10)
    assert found[0].claim.text.endswith("got council grants.")
    assert store.candidates(content_stems("ferries lighthouses quarries orchards"), 5, 10)[
        0
    ].claim.text.endswith("got grants.")


def test_claims_filled_in_after_pairs_never_outrank_them(empty_database: str) -> None:
    from verifier.engine.bulk import import_claims
    from verifier.engine.service import Engine

    store = ClaimStore(empty_database)
    store.create()
    records = [
        {"text": "Quinczy ferries ran late all through the long wet winter months."},
        {"text": "Quinczy ferries were sold to a company from the mainland last year."},
        *({"text": f"Quinczy voted {n}."} for n in range(3)),  # short: BM25 likes them
        *({"text": f"Ferries number {n} crossed the bay."} for n in range(30)),
    ]
    list(import_claims(records, Engine(store)))
    # "quinczy" (5 claims) fits a budget of 6, "ferries" (32) does not: the pair finds two
    # claims, the budget's query fills in the three short ones after them.
    ranked = store.ranked_rowids(content_stems("Quinczy ferries"), 5, budget=6)
    texts = [store.candidates_at([r])[0].claim.text for r in ranked]
    assert [t.startswith("Quinczy ferries") for t in texts] == [True, True, False, False, False]
    scores = [score for _, score in ranked]  # BM25 as FTS5 gives it: lower is better
    assert scores == sorted(scores)


def test_bulk_writes_keep_the_index_in_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import verifier.store.claims as store_module
    from verifier.engine.bulk import import_claims
    from verifier.engine.service import Engine

    monkeypatch.setattr(store_module, "BULK_ROWS", 2)
    store = SQLiteStore(tmp_path / "bulk.db")
    store.create()
    first = [{"id": f"c{n}", "text": f"Harbor {n} moved {n} thousand crates."} for n in range(6)]
    again = [  # two new, two replaced, and one id given twice in the same batch
        {"id": "c6", "text": "Quarry six closed."},
        {"id": "c1", "text": "Lighthouse one reopened."},
        {"id": "c7", "text": "Quarry seven opened."},
        {"id": "c2", "text": "Lighthouse two stayed shut."},
        {"id": "c7", "text": "Quarry seven flooded."},
    ]
    engine = Engine(store)
    assert sum(import_claims(first, engine, batch_size=3)) == 6
    assert sum(import_claims(again, engine, batch_size=5)) == 4
    assert store.count_claims() == 8
    store.db.execute("INSERT INTO claims_fts(claims_fts) VALUES('integrity-check')")
    found = {c.claim.id for c in store.candidates(content_stems("lighthouse quarry"), 10)}
    assert found == {"c1", "c2", "c6", "c7"}
    assert store.get_claim("c7").text == "Quarry seven flooded."
    harbors = {c.claim.id for c in store.candidates(content_stems("harbor crates"), 10)}
    assert harbors == {"c0", "c3", "c4", "c5"}  # the replaced ones left the index
    triggers = store.db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    assert "claims_ai" in {name for (name,) in triggers}
