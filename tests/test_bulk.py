"""Bulk import: batches prepared in worker processes store exactly what one process stores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from verifier.engine.bulk import import_claims, prepare_batch
from verifier.engine.extract import article_id
from verifier.engine.service import Engine, ingest_article, open_store, verify

RECORDS = [
    {
        "text": f"The {town} council approved {n} new bus lines in {year}.",
        "speaker": f"Mayor {town}",
        "article_id": f"a-{town.lower()}",
        "article_title": f"{town} transport plan",
    }
    for n, (town, year) in enumerate(
        [(t, y) for t in ("Ashford", "Belmont", "Carver", "Dover") for y in (2019, 2020, 2021)], 2
    )
]


def _stored(engine: Engine) -> list[tuple[Any, ...]]:
    store = engine.store
    return [(c, store.get_article(c.article_id).title) for c in store.iter_claims()]


def test_worker_processes_store_what_one_process_stores(
    fresh_engine: Engine, tmp_path: Path
) -> None:
    pooled = Engine(open_store(str(tmp_path / "pooled.db")))
    assert sum(import_claims(RECORDS, fresh_engine, batch_size=3, workers=1)) == len(RECORDS)
    assert sum(import_claims(RECORDS, pooled, batch_size=3, workers=2)) == len(RECORDS)
    assert _stored(pooled) == _stored(fresh_engine)
    statement = "The Dover council approved 13 new bus lines in 2021."
    assert verify(statement, pooled).verdict == "supported"


@pytest.mark.parametrize(
    ("good", "workers", "batch"),
    # in the first batches, read before any process starts; past them, with processes running
    [(8, 2, 4), (6, 2, 4), (6, 1, 4), (2, 2, 4), (11, 2, 2)],
)
def test_a_bad_record_stops_the_import_after_the_batches_before_it(
    fresh_engine: Engine, good: int, workers: int, batch: int
) -> None:
    before = fresh_engine.store.count_claims()

    def records() -> Iterator[dict[str, Any]]:
        yield from RECORDS[:good]
        raise ValueError(f"line {good + 1}: not JSON")

    with pytest.raises(ValueError, match="not JSON"):
        for _ in import_claims(records(), fresh_engine, batch_size=batch, workers=workers):
            pass
    whole_batches = good // batch * batch
    assert fresh_engine.store.count_claims() == before + whole_batches


def test_prepared_batches_name_their_articles_once() -> None:
    batch = prepare_batch(RECORDS[:6], embed=True)
    assert batch.articles == {
        "a-ashford": "Ashford transport plan",
        "a-belmont": "Belmont transport plan",
    }
    assert len(batch.rows) == 6 and batch.texts[0][1].startswith("The Ashford")


@pytest.mark.sqlite_only
def test_reindex_rebuilds_index_terms_and_keeps_the_claims(fresh_engine: Engine) -> None:
    from verifier.engine.bulk import reindex

    store = fresh_engine.store
    before = {c.id: c for c in store.iter_claims()}
    assert not store.index_outdated()  # a new store is indexed the current way
    with store.write():  # as an older version would have indexed it: no folded accents
        store.db.execute("UPDATE claims SET stems = 'zzz', context = '', topic = ''")
    store.db.execute("PRAGMA user_version = 0")  # stores made before versions were kept
    assert store.index_outdated()
    assert not store.candidates(["troop"], 5)
    assert sum(reindex(fresh_engine, batch_size=10)) == len(before)
    assert not store.index_outdated()
    assert {c.id: c for c in store.iter_claims()} == before
    store.db.execute("INSERT INTO claims_fts(claims_fts) VALUES('integrity-check')")
    assert verify("About 5,000 U.S. troops will remain in Iraq.", fresh_engine).verdict == (
        "contradicted"
    )


def _index_structure(engine: Engine) -> bytes:
    """FTS5's structure record: which segments the index is made of."""
    row = engine.store.db.execute("SELECT block FROM claims_fts_data WHERE id = 10").fetchone()
    return bytes(row[0])


def test_a_bulk_load_leaves_the_index_merged(tmp_path: Path) -> None:
    engine = Engine(open_store(str(tmp_path / "bulk.db"), seed=False))
    assert sum(import_claims(RECORDS, engine, batch_size=4)) == len(RECORDS)
    merged = _index_structure(engine)
    engine.store.optimize_index()  # nothing left to merge
    assert _index_structure(engine) == merged
    engine.store.db.execute("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')")
    statement = "The Carver council approved 9 new bus lines in 2020."
    assert verify(statement, engine).verdict == "supported"


@pytest.mark.sqlite_only
def test_a_small_import_into_a_large_store_takes_one_merge_step(fresh_engine: Engine) -> None:
    assert fresh_engine.store.count_claims() > 20  # ten times what is imported
    assert sum(import_claims(RECORDS[:2], fresh_engine, batch_size=1)) == 2
    assert _segments(fresh_engine) <= 2  # its two batches' segments joined the others
    fresh_engine.store.db.execute("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')")
    assert verify(RECORDS[1]["text"], fresh_engine).verdict == "supported"


@pytest.mark.parametrize("compacted", [True, False], ids=["compacted", "automerge-only"])
def test_small_writes_leave_few_index_segments(tmp_path: Path, compacted: bool) -> None:
    engine = Engine(open_store(str(tmp_path / "small.db"), seed=False))
    if not compacted:  # a merge step then needs 16 segments on a level: FTS5's automerge alone
        engine.store.db.execute(
            "INSERT INTO claims_fts (claims_fts, rank) VALUES ('usermerge', 16)"
        )
    texts = [f"Depot {n}\n\nThe Carver{n} depot bought {n + 2} buses in 2020." for n in range(40)]
    for text in texts:
        ingest_article(text, engine)
    for text in texts[::4]:
        engine.store.delete_article(article_id(text))
    engine.store.db.execute("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')")
    assert (_segments(engine) <= 3) == compacted
    assert verify("The Carver7 depot bought 9 buses in 2020.", engine).verdict == "supported"


def _cache_size(engine: Engine) -> int:
    """SQLite's page cache setting of the engine's connection (negative: KiB)."""
    return int(engine.store.db.execute("PRAGMA cache_size").fetchone()[0])


@pytest.mark.sqlite_only
def test_an_import_writes_with_a_larger_cache_and_gives_it_back(fresh_engine: Engine) -> None:
    before = _cache_size(fresh_engine)
    during = [_cache_size(fresh_engine) for _ in import_claims(RECORDS, fresh_engine, batch_size=4)]
    assert len(during) == 3 and all(size < before < 0 for size in during)  # more KiB
    assert _cache_size(fresh_engine) == before

    def records() -> Iterator[dict[str, Any]]:
        yield from RECORDS
        raise ValueError("line 13: not JSON")

    with pytest.raises(ValueError, match="not JSON"):
        for _ in import_claims(records(), fresh_engine, batch_size=4):
            pass
    assert _cache_size(fresh_engine) == before


def _segments(engine: Engine) -> int:
    """How many segments the full-text index is made of."""
    row = engine.store.db.execute("SELECT count(DISTINCT segid) FROM claims_fts_idx").fetchone()
    return int(row[0])


def test_the_merge_goes_on_step_by_step_until_one_segment_is_left(tmp_path: Path) -> None:
    engine = Engine(open_store(str(tmp_path / "steps.db"), seed=False))
    engine.store.db.execute("INSERT INTO claims_fts (claims_fts, rank) VALUES ('automerge', 0)")
    engine.store.db.execute("INSERT INTO claims_fts (claims_fts, rank) VALUES ('usermerge', 16)")
    records = [
        {"text": f"The {town}{n % 40} depot {verb} {n} buses and {n + 3} trams in {year}."}
        for n, (town, verb, year) in enumerate(
            (t, v, y)
            for t in ("Ashford", "Belmont", "Carver", "Dover", "Elgin")
            for v in ("bought", "sold", "repaired", "retired", "leased", "painted")
            for y in range(1990, 2030)
        )
    ]
    for start in range(0, len(records), 100):  # one small import each: no merge of its own
        assert sum(import_claims(records[start : start + 100], engine)) == 100
    assert _segments(engine) > 5
    merged: list[int] = []
    store = engine.store
    step = store.db.execute

    def counting(sql: str, *args: Any) -> Any:
        if "'merge'" in sql:
            merged.append(1)
        return step(sql, *args)

    store.db.execute = counting  # type: ignore[method-assign]
    store.optimize_index(pages=1)
    store.db.execute = step  # type: ignore[method-assign]
    assert len(merged) > 2  # a first step, more to finish the merge it began, a last no-op
    assert _segments(engine) == 1
    store.db.execute("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')")
    statement = "The Dover26 depot sold 786 buses and 789 trams in 2016."
    assert verify(statement, engine).verdict == "supported"
    with pytest.raises(ValueError, match="at least one page"):
        store.optimize_index(pages=0)
