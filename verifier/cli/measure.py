"""`verifier eval`: the engine scored on public benchmarks (`verifier bench` lives in bench.py)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from verifier.cli.common import progress
from verifier.config import load_settings
from verifier.engine import service


@click.command("eval")
@click.argument(
    "name",
    type=click.Choice(
        [
            "checkthat2020",
            "snopes",
            "politifact",
            "fever-symmetric",
            "climate-fever",
            "seed-dev",
            "articles-dev",
            "articles",
            "self-consistency",
        ]
    ),
)
@click.option("--split", help="Split to run (default: the held-out test split).")
@click.option(
    "--data",
    type=click.Path(file_okay=False, path_type=Path),
    help="The shared/bench folder (default: found beside the working directory).",
)
@click.option(
    "--statements",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="With 'articles': labelled statements (JSON lines, as ../shared/eval/LABELING.md).",
)
@click.option(
    "--articles",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="With 'articles': the folder of the article texts they name (NAME.txt); with "
    "'self-consistency': the articles to ingest and check against themselves.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--limit", type=int, help="Only the first N queries or pairs (a quick look).")
def eval_command(
    name: str,
    split: str | None,
    data: Path | None,
    statements: Path | None,
    articles: Path | None,
    as_json: bool,
    limit: int | None,
) -> None:
    """Score the engine on a public benchmark, in a temporary store (never your database).

    \b
    Examples:
      verifier eval seed-dev
      verifier eval articles-dev
      verifier eval articles --statements mine.jsonl --articles my-articles/
      verifier eval self-consistency --articles my-articles/
      verifier eval checkthat2020 --split dev
      verifier eval fever-symmetric --split test --json
    """
    from verifier.measure import benchsets, evaluate

    if name == "self-consistency":
        if articles is None:
            raise click.UsageError("'self-consistency' needs --articles DIR.")
        from verifier.measure.consistency import check_articles

        report = check_articles(articles).report()
        click.echo(json.dumps(report, indent=2) if as_json else evaluate.format_report(report))
        return
    try:
        if name == "articles":
            if statements is None or articles is None:
                raise click.UsageError("'articles' needs --statements FILE and --articles DIR.")
            loaded: benchsets.RetrievalSet | benchsets.VerdictSet = benchsets.load_articles_set(
                statements, articles
            )
        else:
            folder = data or benchsets.find_data_dir()
            loaded = benchsets.load(name, split or benchsets.default_split(name), folder)
    except (benchsets.BenchmarkError, OSError) as error:
        raise click.ClickException(str(error)) from None
    from verifier.engine.semantic import load_embedder

    # The service's own setting: with the [semantic] extra, sentence embeddings rank and
    # decide here as they do behind the API (VERIFIER_SEMANTIC=off scores the lexical path).
    embedder = load_embedder(str(load_settings()["SEMANTIC"]).lower() != "off")
    if isinstance(loaded, benchsets.RetrievalSet):
        if limit:
            loaded.queries = loaded.queries[:limit]
        report = evaluate.evaluate_retrieval(loaded, progress=progress, embedder=embedder)
    else:
        if limit:
            loaded.pairs = loaded.pairs[:limit]
            loaded.cites = loaded.cites[:limit]
            loaded.articles = loaded.articles[:limit]
        # The newsroom sets are judged against the shipped claim base (and their own articles,
        # ingested), in a store of their own.
        newsroom = name in ("seed-dev", "articles-dev", "articles")
        store = service.open_store(":memory:", seed=newsroom)
        engine = service.Engine(store, embedder=embedder)
        service.embed_claims(list(store.iter_claims()), engine)
        report = evaluate.evaluate_verdicts(loaded, engine, progress=progress)
        report["semantic"] = embedder is not None
    report["split"] = split or benchsets.default_split(name)
    click.echo(json.dumps(report, indent=2) if as_json else evaluate.format_report(report))


COMMANDS = (eval_command,)
