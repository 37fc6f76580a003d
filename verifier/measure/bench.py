"""`verifier bench`: time import, verify, drafts and HTTP serving on synthetic claim stores."""

from __future__ import annotations

import json
import os
import platform
import random
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import click
from rapidfuzz import fuzz, process

from verifier import store
from verifier.engine import bulk, service
from verifier.engine.cache import VerdictCache
from verifier.engine.matching import prepare_statement
from verifier.language.number_tokens import number_terms
from verifier.measure import synthetic
from verifier.measure.benchreport import EXPECTED, check_targets, format_table
from verifier.measure.loadtest import measure_http
from verifier.measure.metrics import percentiles

SEED = 20240611


def timed(fn: Callable[[Any], object], items: list[Any]) -> list[float]:
    """Return the wall time of fn on each item, in seconds."""
    out = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        out.append(time.perf_counter() - start)
    return out


def build_store(
    size: int, database: str
) -> tuple[service.Engine, list[synthetic.Fact], dict[str, Any]]:
    """Generate `size` claims and bulk-import them into the fresh database `database`."""
    start = time.perf_counter()
    facts = list(synthetic.facts(size, SEED))
    records = [synthetic.claim_record(f) for f in facts]
    generated = time.perf_counter()
    engine = service.Engine(service.open_store(database, seed=True))
    imported = sum(bulk.import_claims(records, engine, workers=os.cpu_count() or 1))
    build = time.perf_counter() - generated
    megabytes = engine.store.disk_bytes() / 2**20
    stats = {"claims": imported, "generate_s": round(generated - start, 2)}
    stats |= {
        "build_s": round(build, 2),
        "rate": round(imported / build),
        "db_mb": round(megabytes),
    }
    return engine, facts, stats


def measure_ingest(engine: service.Engine, count: int) -> dict[str, Any]:
    """Ingest generated multi-sentence articles one by one through the article path."""
    texts = synthetic.articles(count, SEED + 1)
    start = time.perf_counter()
    claims = sum(len(service.ingest_article(t, engine, author="Staff")[1]) for t in texts)
    seconds = time.perf_counter() - start
    return {"articles": len(texts), "claims": claims, "rate": round(len(texts) / seconds, 1)}


def measure_verify(engine: service.Engine, kinds: dict[str, list[str]]) -> dict[str, Any]:
    """Time verify on each kind of statement; count how often the verdict is the expected one."""
    out: dict[str, Any] = {"as_expected": {}}
    everything: list[float] = []
    for kind, items in kinds.items():
        verdicts: Counter[str] = Counter()
        seconds = []
        for item in items:
            start = time.perf_counter()
            verdicts[service.verify(item, engine).verdict] += 1
            seconds.append(time.perf_counter() - start)
        everything += seconds
        out[kind] = percentiles(seconds) | {"verdicts": dict(verdicts)}
        out["as_expected"][kind] = round(verdicts[EXPECTED[kind]] / max(1, len(items)), 3)
    out["all"] = percentiles(everything)
    return out


def measure_floor(engine: service.Engine, statements: list[str]) -> dict[str, Any]:
    """Time the bare candidate query (FTS5 BM25) on the statements' stems: the floor."""
    features = [prepare_statement(s) for s in statements]
    terms = [[*f.stems, *number_terms(f.quantities)] for f in features]
    query = lambda t: engine.store.ranked_rowids(  # noqa: E731
        t, engine.index_limit, engine.postings_budget
    )
    return percentiles(timed(query, terms))


def measure_brute(texts: list[str], statements: list[str]) -> dict[str, Any]:
    """Time rapidfuzz over every claim text: the reference an index must beat."""
    scan = lambda q: process.extractOne(q, texts, scorer=fuzz.token_set_ratio)  # noqa: E731
    return percentiles(timed(scan, statements))


def measure_draft(engine: service.Engine, sample: list[synthetic.Fact]) -> dict[str, Any]:
    """Time the check of a ~1,000-word draft mixing every kind of sentence, five times.

    Then the re-check the plugin makes as an editor types: the same draft with one sentence
    changed, on an engine with the service's verdict cache (every other sentence is reused).
    """
    text = synthetic.draft(sample, SEED + 2)
    sentences = len(service.check_draft(text, engine).sentences)
    seconds = timed(lambda t: service.check_draft(t, engine), [text] * 5)
    cached = replace(engine, cache=VerdictCache(4096))
    service.check_draft(text, cached)
    edits = [text.replace(". ", f" in {year}. ", 1) for year in range(1990, 1995)]
    recheck = percentiles(timed(lambda t: service.check_draft(t, cached), edits))["p50_ms"]
    return percentiles(seconds) | {
        "words": len(text.split()),
        "sentences": sentences,
        "recheck_p50_ms": recheck,
    }


def measure_size(size: int, beside: str, opts: Mapping[str, Any]) -> dict[str, Any]:
    """Build one store (a database beside `beside`: in its folder, or on its server) and take
    every measurement on it."""

    def say(message: str) -> None:
        click.echo(f"[{size:,}] {message}", err=True)

    path = store.fresh_database(beside, f"{opts['name']}_{size}")
    engine, facts, imported = build_store(size, path)
    say(f"built: {imported['claims']:,} claims in {imported['build_s']} s")
    result: dict[str, Any] = {"size": size, "import": imported}
    result["ingest"] = measure_ingest(engine, opts["articles"])
    result["stored_claims"] = engine.store.count_claims()
    texts = [f.render() for f in facts]
    picked = random.Random(SEED + size).sample(facts, min(len(facts), opts["queries"] + 10))
    del facts
    kinds = synthetic.statements(picked[10:], SEED + 3)
    for warm in synthetic.statements(picked[:10], SEED + 4).values():
        timed(lambda s: service.verify(s, engine), warm)
    say("timing verify, the floor and brute force")
    result["verify"] = measure_verify(engine, kinds)
    mixed = [s for trio in zip(*kinds.values(), strict=True) for s in trio]
    result["floor"] = measure_floor(engine, mixed)
    result["brute"] = measure_brute(texts, mixed[: max(3, min(21, 2_000_000 // size))])
    del texts
    verify_p50 = result["verify"]["all"]["p50_ms"]
    result["ratios"] = {
        "brute_over_verify": round(result["brute"]["p50_ms"] / verify_p50, 2),
        "verify_over_floor": round(verify_p50 / max(1e-6, result["floor"]["p50_ms"]), 2),
    }
    result["draft"] = measure_draft(engine, picked[10:])
    result["load_average"] = round(os.getloadavg()[0], 2)  # ~1: the bench alone
    engine.store.close()
    if opts["http"]:
        say("load-testing verifier serve")
        result["http"] = measure_http(path, mixed, opts["http_seconds"], opts["http_client"])
    if store.is_postgres(path) and not opts["keep_database"]:
        store.drop_database(path)
    return result


@click.command()
@click.option("--sizes", default="10000,100000,1000000", show_default=True, help="Claim counts.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--http/--no-http", default=True, show_default=True, help="Load-test the server.")
@click.option("--queries", default=300, show_default=True, help="Statements of each kind timed.")
@click.option("--articles", default=200, show_default=True, help="Articles ingested per size.")
@click.option("--http-seconds", default=10.0, show_default=True, help="Length of the HTTP load.")
@click.option(
    "--http-client",
    type=click.Choice(["auto", "wrk", "python"]),
    default="auto",
    show_default=True,
    help="Load generator: wrk (Debian's package; auto uses it when installed) or Python threads.",
)
@click.option(
    "--keep",
    type=click.Path(file_okay=False, path_type=Path),
    help="Build the stores in DIR and keep them (default: a temporary folder, removed).",
)
@click.option(
    "--database",
    metavar="URL",
    help="Build each store on this PostgreSQL server instead, as a new database named after "
    "the URL's and the size (e.g. verifier_bench_100000), dropped afterwards unless --keep "
    "is given. Needs the CREATEDB privilege.",
)
def bench(sizes: str, as_json: bool, keep: Path | None, database: str | None, **opts: Any) -> None:
    """Measure bulk import, verify latency, draft checks and HTTP serving on synthetic stores.

    Each size is a fresh store of that many generated newsroom claims plus the seed claims.
    verify is timed on paraphrases of stored claims, stored claims with a changed figure and
    unrelated statements, beside brute-force rapidfuzz and the bare candidate query; the HTTP
    load runs `verifier serve --workers 2` on 127.0.0.1. Progress goes to standard error.

    \b
    Examples:
      verifier bench --sizes 10000 --no-http
      verifier bench --json --keep /tmp/verifier-bench > bench.json
      verifier bench --sizes 100000 --database postgresql://verifier@127.0.0.1/verifier_bench
    """
    counts = [int(s.replace("_", "")) for s in sizes.split(",") if s.strip()]
    if database and not store.is_postgres(database):
        raise click.UsageError("--database takes a postgresql:// URL (SQLite stores: --keep).")
    opts["name"] = database.rsplit("/", 1)[1].split("?")[0] if database else "claims"
    opts["keep_database"] = keep is not None
    with tempfile.TemporaryDirectory(prefix="verifier-bench-") as scratch:
        folder = keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        results = [measure_size(n, database or str(folder), opts) for n in counts]
    del opts["name"], opts["keep_database"]
    report: dict[str, Any] = {"seed": SEED, "semantic": False, "cpus": os.cpu_count()}
    report["backend"] = "postgresql" if database else "sqlite"
    report |= {"python": platform.python_version(), **opts, "sizes": results}
    report["targets"] = check_targets(results)
    click.echo(json.dumps(report, indent=2) if as_json else format_table(report))
