"""The PostgreSQL backend against SQLite: the same rows, counts, rankings and verdicts."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import postgres
from tests.conftest import PROBE_PATH, SHARED
from tests.test_crash import unsound
from verifier.engine.bulk import import_claims
from verifier.engine.extract import claim_from_fields
from verifier.engine.service import Engine, ingest_article, open_store, verify
from verifier.language.number_tokens import number_terms
from verifier.language.text import content_stems
from verifier.measure import benchsets, synthetic
from verifier.models import Verdict
from verifier.store import ClaimStore
from verifier.store.postgres.schema import MIGRATIONS


@pytest.fixture
def empty_url() -> Iterator[str]:
    url = postgres.create_database()
    yield url
    postgres.drop_database(url)


@pytest.fixture(scope="module")
def synthetic_pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, Engine]]:
    """The same 3,000 synthetic claims, imported in the same batches, on both backends."""
    url = postgres.create_database()
    path = tmp_path_factory.mktemp("synthetic") / "synthetic.db"
    engines = (Engine(open_store(str(path), seed=False)), Engine(open_store(url, seed=False)))
    records = [synthetic.claim_record(f) for f in synthetic.facts(3000, seed=7)]
    for engine in engines:
        assert sum(import_claims(records, engine, batch_size=700)) == 3000
    yield engines
    engines[1].store.close()
    postgres.drop_database(url)


def _queries(count: int) -> list[list[str]]:
    sample = list(synthetic.facts(count, seed=7))
    made = synthetic.statements(random.Random(3).sample(sample, count // 2), seed=5)
    texts = [text for kind in made.values() for text in kind]
    return [content_stems(text, drop_numbers=False) for text in texts]


def test_both_backends_hold_the_same_index_counts(synthetic_pair: tuple[Engine, Engine]) -> None:
    sqlite, pg = (e.store for e in synthetic_pair)
    assert pg._index_totals() == sqlite._index_totals()
    assert pg._claim_total() == sqlite._claim_total()
    terms = sorted({t for stems in _queries(200) for t in stems if t.isalnum()})
    assert pg._count_documents(terms) == sqlite._count_documents(terms)
    rowids = list(range(1, 3001, 7))
    assert pg._lengths(rowids) == sqlite._lengths(rowids)


@pytest.mark.parametrize("budget", [2000, 300, 40], ids=["default", "tight", "paired"])
def test_both_backends_rank_the_same_claims(
    synthetic_pair: tuple[Engine, Engine], budget: int
) -> None:
    sqlite, pg = (e.store for e in synthetic_pair)
    for stems in _queries(300):
        mine, theirs = pg.ranked_rowids(stems, 10, budget), sqlite.ranked_rowids(stems, 10, budget)
        assert [r for r, _ in mine] == [r for r, _ in theirs], stems
        assert [s for _, s in mine] == pytest.approx([s for _, s in theirs], rel=1e-12)


def test_writes_and_deletes_keep_the_counts_as_fts5_keeps_them(
    synthetic_pair: tuple[Engine, Engine],
) -> None:
    sqlite, pg = (e.store for e in synthetic_pair)
    for store in (sqlite, pg):
        store.save_claims([claim_from_fields({"id": "syn-0000003", "text": "Ferries doubled."})])
        store.delete_claim("syn-0000010")
        store.delete_article("syn-a000002")
    assert pg._index_totals() == sqlite._index_totals()
    assert unsound(pg.url) == {}  # counts and postings recounted from the claims
    assert [c.id for c in pg.iter_claims()] == [c.id for c in sqlite.iter_claims()]
    for stems in _queries(60):
        mine, theirs = pg.ranked_rowids(stems, 10), sqlite.ranked_rowids(stems, 10)
        assert [r for r, _ in mine] == [r for r, _ in theirs], stems


def _verdicts(rows: list[tuple[str, str | None]], engine: Engine) -> list[Verdict]:
    """Verify each statement (against its own evidence sentence, when given), as eval does."""
    found = []
    for statement, evidence in rows:
        if evidence is not None:
            engine.store.save_claims([claim_from_fields({"id": "evidence", "text": evidence})])
        found.append(verify(statement, engine))
        if evidence is not None:
            engine.store.delete_claim("evidence")
    return found


@pytest.mark.parametrize("name", ["seed-dev", "articles-dev", "probe"])
def test_eval_sets_get_the_same_verdicts_and_citations(
    name: str, empty_url: str, tmp_path: Path
) -> None:
    if name == "probe":
        records = PROBE_PATH.read_text(encoding="utf-8").splitlines()
        rows = [(json.loads(line)["statement"], None) for line in records]
        documents: dict[str, str] = {}
    else:
        if not (SHARED / "bench").is_dir():
            pytest.skip(f"{SHARED} is not beside the checkout")
        loaded = benchsets.load(name, "all", SHARED / "bench")
        assert isinstance(loaded, benchsets.VerdictSet)
        rows = [(statement, evidence) for statement, evidence, _ in loaded.pairs]
        documents = loaded.documents
    engines = [Engine(open_store(str(tmp_path / "eval.db"))), Engine(open_store(empty_url))]
    for engine in engines:
        for document, text in documents.items():
            ingest_article(text, engine, id=document)
    sqlite, pg = (_verdicts(rows, engine) for engine in engines)
    assert len(rows) >= 40
    assert [_cited(v) for v in pg] == [_cited(v) for v in sqlite]
    assert pg == sqlite  # scores and explanations too
    engines[1].store.close()


def _cited(verdict: Verdict) -> tuple[str, list[tuple[str, str]]]:
    return verdict.verdict, [(c.claim_id, c.quote) for c in verdict.citations]


def test_two_servers_starting_together_migrate_once_and_seed_once(empty_url: str) -> None:
    script = (
        "import sys; from verifier.engine.service import open_store; "
        "s = open_store(sys.argv[1]); print(s.count_claims(), s.schema_version())"
    )
    starts = [
        subprocess.Popen([sys.executable, "-c", script, empty_url], stdout=subprocess.PIPE)
        for _ in range(4)
    ]
    outputs = [p.communicate(timeout=120)[0].decode().split() for p in starts]
    assert all(p.returncode == 0 for p in starts)
    assert {out[1] for out in outputs} == {str(len(MIGRATIONS))}
    store = ClaimStore(empty_url)
    assert store.count_claims() == 27  # the seed, once
    store.close()


def test_migrate_and_backup_commands_on_postgresql(empty_url: str) -> None:
    from click.testing import CliRunner

    from verifier.cli import main

    runner = CliRunner()
    done = runner.invoke(main, ["migrate", "--database", empty_url])
    assert done.exit_code == 0, done.output
    assert f"schema at version {len(MIGRATIONS)}" in done.output
    refused = runner.invoke(main, ["backup", "out.db", "--database", empty_url])
    assert refused.exit_code == 1 and "pg_dump" in refused.output
    assert "pg_restore" in refused.output


def test_a_password_is_never_shown() -> None:
    from verifier.store import display

    assert display("postgresql://app:s3cret@db:5432/v") == "postgresql://app:***@db:5432/v"
    assert display("postgresql://app@db/v") == "postgresql://app@db/v"
    assert display("/data/verifier.db") == "/data/verifier.db"


def test_number_terms_are_indexed_alike(synthetic_pair: tuple[Engine, Engine]) -> None:
    sqlite, pg = (e.store for e in synthetic_pair)
    claim = next(iter(sqlite.iter_claims()))
    terms = list(number_terms(claim.quantities))
    assert terms and pg._count_documents(terms) == sqlite._count_documents(terms)


def test_every_backend_implements_the_whole_interface() -> None:
    from verifier.store.claims import SQLiteStore
    from verifier.store.postgres import PostgresStore

    interface = {
        name
        for name, value in vars(ClaimStore).items()
        if callable(value) and not name.startswith("_")
    }
    assert len(interface) > 35
    for backend in (SQLiteStore, PostgresStore):
        missing = [n for n in interface if getattr(backend, n) is getattr(ClaimStore, n)]
        assert missing == [], backend


def test_reindex_on_postgresql_rebuilds_terms_and_counts(empty_url: str) -> None:
    import psycopg

    from verifier.engine.bulk import reindex

    engine = Engine(open_store(empty_url))
    before = {c.id: c for c in engine.store.iter_claims()}
    totals = engine.store._index_totals()
    with psycopg.connect(empty_url, autocommit=True) as conn:  # as an older release left it
        conn.execute("UPDATE claims SET stems = 'zzz', extra = '', terms = 'zzz:1', length = 1")
        conn.execute("DELETE FROM term_counts")
        conn.execute("INSERT INTO term_counts SELECT 'zzz', count(*) FROM claims")
        conn.execute(
            "UPDATE store_state SET index_version = 0, generation = generation + 1, "
            "terms = (SELECT count(*) FROM claims)"
        )
    assert engine.store.index_outdated()
    assert not engine.store.candidates(["troop"], 5)
    assert sum(reindex(engine, batch_size=10)) == len(before)
    assert not engine.store.index_outdated()
    assert {c.id: c for c in engine.store.iter_claims()} == before
    assert engine.store._index_totals() == totals
    assert unsound(empty_url) == {}
    assert engine.store._count_documents(["zzz"]) == {"zzz": 0}
    assert verify("About 5,000 U.S. troops will remain in Iraq.", engine).verdict == "contradicted"
    engine.store.close()


def test_commands_name_a_postgresql_database_as_they_name_a_file(empty_url: str) -> None:
    from click.testing import CliRunner

    from verifier.cli import main

    runner = CliRunner()
    refused = runner.invoke(main, ["verify", "Troops remain.", "--database", empty_url])
    assert refused.exit_code == 1 and "No database at" in refused.output  # not created by it
    created = runner.invoke(main, ["init", "--database", empty_url])
    assert created.exit_code == 0 and "Created postgresql://" in created.output
    again = runner.invoke(main, ["init", "--database", empty_url])
    assert "exists already" in again.output
    restore = runner.invoke(main, ["restore", "--yes", "README.md", "--database", empty_url])
    assert restore.exit_code == 1 and "pg_restore" in restore.output
    down = runner.invoke(main, ["init", "--database", "postgresql://verifier@127.0.0.1:1/none"])
    assert down.exit_code == 1 and "127.0.0.1" in down.output
    assert "Traceback" not in down.output


def test_a_store_made_by_an_older_release_is_migrated_on_open(empty_url: str) -> None:
    import psycopg

    from verifier.store.postgres import schema

    first = ClaimStore(empty_url)
    saved = schema.MIGRATIONS
    schema.MIGRATIONS = saved[:1]  # as release 1 left it
    try:
        assert first.create() is True
    finally:
        schema.MIGRATIONS = saved
    first.close()
    later = ClaimStore(empty_url)
    assert later.create() is False  # brought up to date, not new: no second seed
    assert later.schema_version() == len(MIGRATIONS)
    with psycopg.connect(empty_url) as conn:
        options = conn.execute(
            "SELECT reloptions FROM pg_class WHERE relname = 'claims_terms'"
        ).fetchall()[0][0]
    assert options == ["gin_pending_list_limit=256"]
    later.close()


def test_a_replica_out_of_reach_is_a_503_problem_not_a_crash(empty_url: str) -> None:
    from verifier import create_app

    dead = "postgresql://postgres@127.0.0.1:1/verifier"
    app = create_app({"DATABASE": empty_url, "READ_DATABASE": dead})
    response = app.test_client().post("/api/v1/verify", json={"statement": "Troops remain."})
    assert response.status_code == 503
    assert response.mimetype == "application/problem+json"
    assert response.headers["Retry-After"] == "5"
    assert "database cannot be reached" in response.get_json()["detail"]
    app.extensions["verifier"].store.close()


def test_a_read_cut_off_by_the_server_is_unavailable_not_a_crash(empty_url: str) -> None:
    # what a hot standby does to a query that conflicts with replay, or a restarting server
    # to any query: the read fails with an OperationalError, which must reach the caller as
    # DatabaseUnavailableError (a 503 problem with Retry-After), not as a 500
    import threading
    import time

    import psycopg

    from verifier.store import DatabaseUnavailableError

    store = ClaimStore(empty_url)
    outcome: list[BaseException | None] = []

    def slow_read() -> None:
        try:
            store._fetch("SELECT pg_sleep(5) /* verifier-cut-off */")
            outcome.append(None)
        except BaseException as error:  # the test reads which one
            outcome.append(error)

    reader = threading.Thread(target=slow_read)
    reader.start()
    with psycopg.connect(empty_url, autocommit=True) as admin:
        for _ in range(50):
            cut = admin.execute(
                "SELECT pg_cancel_backend(pid) FROM pg_stat_activity"
                " WHERE query LIKE '%verifier-cut-off%' AND pid <> pg_backend_pid()"
            ).fetchall()
            if cut:
                break
            time.sleep(0.1)
    reader.join(10)
    assert len(outcome) == 1 and isinstance(outcome[0], DatabaseUnavailableError), outcome
    assert store._fetch("SELECT 1") == [(1,)]  # the pool gives a sound connection after it
    store.close()


def test_the_quantities_view_shows_each_claims_figures_as_rows(empty_url: str) -> None:
    import math
    from dataclasses import replace

    import psycopg

    from verifier.engine.curated import curated
    from verifier.models import Quantity

    store = ClaimStore(empty_url)
    store.create()
    (article, claims), *_ = curated()
    store.save_article(article, claims)
    held = next(c for c in claims if c.quantities)
    store.save_claims([replace(held, quantities=(Quantity(math.inf, "unreadable", raw="1e999"),))])
    with psycopg.connect(empty_url) as conn:
        years = conn.execute(
            "SELECT claim_id FROM quantities WHERE kind = 'year' AND value = 2003"
        ).fetchall()
        shown = conn.execute(
            "SELECT kind, value, raw FROM quantities WHERE claim_id = %s", [held.id]
        ).fetchall()
    assert len(years) == 1 and shown == [("unreadable", None, "1e999")]
    assert store.get_claim(held.id).quantities[0].value == math.inf
    store.close()


def test_settings_never_show_a_databases_password() -> None:
    from click.testing import CliRunner

    from verifier.cli import main

    url = "postgresql://app:s3cret@db.internal:5432/verifier"
    env = {"VERIFIER_DATABASE": url, "VERIFIER_READ_DATABASE": url}
    shown = CliRunner().invoke(main, ["settings"], env=env)
    assert shown.exit_code == 0 and "s3cret" not in shown.output
    assert "VERIFIER_DATABASE=postgresql://app:***@db.internal:5432/verifier" in shown.output
