"""verifier bench on a tiny store: it runs and reports every measurement (not how fast)."""

from __future__ import annotations

import json
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from verifier.cli import main
from verifier.measure import synthetic
from verifier.measure.benchreport import EXPECTED, format_table
from verifier.measure.metrics import percentiles

TINY = ["bench", "--sizes", "300", "--queries", "10", "--articles", "5", "--json"]


def run_bench(tmp_path: Path, *extra: str) -> dict[str, Any]:
    result = CliRunner().invoke(main, [*TINY, "--keep", str(tmp_path), *extra])
    assert result.exit_code == 0, result.output
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def assert_latencies(part: dict[str, Any], n: int) -> None:
    assert part["n"] == n
    assert 0 < part["p50_ms"] <= part["p95_ms"] <= part["p99_ms"]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return run_bench(tmp_path_factory.mktemp("bench"), "--no-http")


def test_bench_builds_a_store_and_times_every_kind_of_statement(report: dict[str, Any]) -> None:
    (size,) = report["sizes"]
    assert size["size"] == 300
    assert size["import"]["claims"] == 300
    assert size["import"]["rate"] > 0 and size["import"]["build_s"] > 0
    assert size["ingest"]["articles"] == 5 and size["ingest"]["claims"] >= 30
    # 300 synthetic + 27 seed claims + the ingested articles' claims.
    assert size["stored_claims"] == 327 + size["ingest"]["claims"]
    for kind in (*EXPECTED, "all"):
        assert_latencies(size["verify"][kind], 30 if kind == "all" else 10)
    assert_latencies(size["floor"], 30)
    assert size["brute"]["n"] >= 3
    assert size["ratios"]["brute_over_verify"] > 0 and size["ratios"]["verify_over_floor"] > 0
    assert size["draft"]["words"] >= 1000 and size["draft"]["sentences"] >= 30
    assert "http" not in size


def test_bench_statements_get_the_verdicts_they_were_made_for(report: dict[str, Any]) -> None:
    """The generator is sound: paraphrases hold, changed figures fail, unrelated text is unknown."""
    shares = report["sizes"][0]["verify"]["as_expected"]
    assert set(shares) == set(EXPECTED)
    assert min(shares.values()) >= 0.7


def test_bench_holds_the_results_against_the_targets(report: dict[str, Any]) -> None:
    # Only the size-independent targets apply to a 300-claim store.
    draft, bulk = report["targets"]
    assert draft["target"] == "1,000-word draft p50 (ms) at 300"
    assert draft["ok"] == (draft["value"] <= 1000)
    assert bulk["target"] == "bulk import (claims/s) at 300"
    assert bulk["ok"] == (bulk["value"] >= 10_000)


def test_bench_table_has_a_row_per_measurement(report: dict[str, Any]) -> None:
    table = format_table(report)
    for label in ("bulk import", "verify all p50/p95/p99", "floor", "brute force", "draft check"):
        assert label in table
    assert "targets:" in table
    for target in report["targets"]:
        verdict = "[PASS]" if target["ok"] else "[FAIL]"
        assert f"{verdict} {target['target']}" in table


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="worker RSS is read from /proc")
@pytest.mark.parametrize("client", ["python", "wrk"])
def test_bench_loads_a_real_server_and_reads_its_workers_memory(
    tmp_path: Path, client: str
) -> None:
    if client == "wrk" and shutil.which("wrk") is None:
        pytest.skip("wrk is not installed (apt-get install wrk)")
    (size,) = run_bench(tmp_path, "--http-seconds", "2", "--http-client", client)["sizes"]
    served = size["http"]
    assert served["client"] == client
    assert served["n"] > 0 and served["seconds"] > 0
    assert served["errors"] == 0 and served["rps"] > 0
    assert 0 < served["p50_ms"] <= served["p99_ms"]
    assert len(served["worker_rss_mb"]) == served["workers"] == 2
    assert all(20 < mb < 2000 for mb in served["worker_rss_mb"])


def test_synthetic_claims_are_the_same_for_the_same_seed() -> None:
    first = [f.render() for f in synthetic.facts(50, seed=7)]
    assert first == [f.render() for f in synthetic.facts(50, seed=7)]
    assert first != [f.render() for f in synthetic.facts(50, seed=8)]
    assert len(set(first)) > 45


def test_synthetic_statements_differ_from_the_claims_they_come_from() -> None:
    facts = list(synthetic.facts(40, seed=3))
    rng = random.Random(1)
    for fact in facts:
        assert fact.render(paraphrase=True) != fact.render()
        assert synthetic.number_change(fact, rng) != fact.render()
    assert all(t.count("\n") >= 2 for t in synthetic.articles(3, seed=1))


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        ([0.001] * 100, {"p50_ms": 1.0, "p95_ms": 1.0, "p99_ms": 1.0}),
        ([i / 1000 for i in range(1, 101)], {"p50_ms": 50.0, "p95_ms": 95.0, "p99_ms": 99.0}),
        ([0.002, 0.001], {"p50_ms": 1.0, "p95_ms": 2.0, "p99_ms": 2.0}),
    ],
    ids=["flat", "one-to-hundred", "two"],
)
def test_percentiles_are_nearest_rank(seconds: list[float], expected: dict[str, float]) -> None:
    summary = percentiles(seconds)
    assert {k: summary[k] for k in expected} == expected
    assert summary["n"] == len(seconds)


def test_bench_on_postgresql_builds_its_store_in_a_database_of_its_own(tmp_path: Path) -> None:
    from tests import postgres
    from verifier.store import ClaimStore

    postgres.server_url()  # skips without a server (fails under CI)
    url = postgres.database_url("verifier_bench")
    dropped = CliRunner().invoke(main, [*TINY, "--no-http", "--database", url])
    assert dropped.exit_code == 0, dropped.output
    report = json.loads(dropped.stdout)
    (size,) = report["sizes"]
    assert report["backend"] == "postgresql" and size["import"]["claims"] == 300
    assert size["import"]["db_mb"] >= 1
    shares = size["verify"]["as_expected"]
    assert shares["paraphrase"] >= 0.8 and shares["unrelated"] >= 0.8
    kept = run_bench(tmp_path, "--no-http", "--database", url)  # --keep: the database stays
    built = ClaimStore(postgres.database_url("verifier_bench_300"))
    assert built.count_claims() == kept["sizes"][0]["stored_claims"]
    built.close()
    postgres.drop_database(postgres.database_url("verifier_bench_300"))
