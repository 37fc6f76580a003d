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
        ["checkthat2020", "snopes", "politifact", "fever-symmetric", "climate-fever", "seed-dev"]
    ),
)
@click.option("--split", help="Split to run (default: the held-out test split).")
@click.option(
    "--data",
    type=click.Path(file_okay=False, path_type=Path),
    help="The shared/bench folder (default: found beside the working directory).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--limit", type=int, help="Only the first N queries or pairs (a quick look).")
def eval_command(
    name: str, split: str | None, data: Path | None, as_json: bool, limit: int | None
) -> None:
    """Score the engine on a public benchmark, in a temporary store (never your database).

    \b
    Examples:
      verifier eval seed-dev
      verifier eval checkthat2020 --split dev
      verifier eval fever-symmetric --split test --json
    """
    from verifier.measure import benchsets, evaluate

    try:
        folder = data or benchsets.find_data_dir()
        loaded = benchsets.load(name, split or benchsets.default_split(name), folder)
    except (benchsets.BenchmarkError, OSError) as error:
        raise click.ClickException(str(error)) from None
    if isinstance(loaded, benchsets.RetrievalSet):
        if limit:
            loaded.queries = loaded.queries[:limit]
        from verifier.engine.semantic import load_embedder

        wanted = str(load_settings()["SEMANTIC"]).lower() != "off"
        report = evaluate.evaluate_retrieval(
            loaded, progress=progress, embedder=load_embedder(wanted)
        )
    else:
        if limit:
            loaded.pairs = loaded.pairs[:limit]
            loaded.cites = loaded.cites[:limit]
        # seed-dev is judged against the shipped claim base, in a store of its own.
        engine = service.Engine(service.open_store(":memory:")) if name == "seed-dev" else None
        report = evaluate.evaluate_verdicts(loaded, engine, progress=progress)
    report["split"] = split or benchsets.default_split(name)
    click.echo(json.dumps(report, indent=2) if as_json else evaluate.format_report(report))


COMMANDS = (eval_command,)
