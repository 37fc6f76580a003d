"""The `verifier` command: serve, ingest, import-claims, verify, check, claims."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from verifier import bulk, service
from verifier.config import SETTINGS, load_settings
from verifier.models import Verdict

_COLOURS = {"supported": "green", "contradicted": "red", "unverified": "yellow"}


def _engine(database: str | None) -> service.Engine:
    overrides = {"DATABASE": database} if database else None
    return service.engine_from_settings(load_settings(overrides))


_database = click.option(
    "--database",
    envvar="VERIFIER_DATABASE",
    metavar="PATH",
    help="SQLite file (default: $VERIFIER_DATABASE or data/verifier.db).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="verifier")
def main() -> None:
    """Verify statements against a newsroom's claim base, with citations.

    \b
    Examples:
      verifier verify "About 5,000 U.S. troops will remain in Iraq."
      verifier check draft.txt
      verifier ingest articles/*.txt
      verifier serve --port 8000 --workers 2
    """


@main.command()
@click.argument("statement")
@click.option("--json", "as_json", is_flag=True, help="Print the verdict as JSON (the API form).")
@_database
def verify(statement: str, as_json: bool, database: str | None) -> None:
    """Verify one STATEMENT: supported, contradicted or unverified, with citations.

    \b
    Example:
      verifier verify "Roughly 4,000 U.S. troops will remain in Iraq."
    """
    verdict = service.verify(statement, _engine(database))
    if as_json:
        from verifier.schemas import VerdictSchema

        click.echo(json.dumps(VerdictSchema().dump(verdict), indent=2, ensure_ascii=False))
    else:
        _print_verdict(verdict)


def _print_verdict(verdict: Verdict, indent: str = "") -> None:
    label = click.style(verdict.verdict.upper(), fg=_COLOURS[verdict.verdict], bold=True)
    click.echo(f"{indent}{label} (confidence {verdict.confidence:.2f})")
    click.echo(f"{indent}{verdict.explanation}")
    for reason in verdict.reasons:
        if reason.statement_value or reason.claim_value:
            click.echo(
                f"{indent}  {reason.code}: statement {reason.statement_value!s} | "
                f"source {reason.claim_value!s}"
            )
    for citation in verdict.citations:
        chain = " <- ".join(citation.attribution) or "unattributed"
        quote = " ".join(citation.quote.split())
        click.echo(f"{indent}  [{citation.claim_id}] \u201c{quote}\u201d")
        click.echo(f"{indent}    speaker: {citation.speaker} (chain: {chain})")
        click.echo(
            f"{indent}    article: {citation.article.title} \u2014 "
            f"{citation.article.author or 'unknown author'}, "
            f"chars {citation.start}-{citation.end}, "
            f"similarity {citation.similarity:.2f}"
        )


@main.command()
@click.argument("draft", type=click.File("r", encoding="utf-8"))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (the API form).")
@_database
def check(draft: TextIO, as_json: bool, database: str | None) -> None:
    """Check a whole DRAFT file sentence by sentence ('-' reads standard input).

    \b
    Example:
      echo "Roughly 3,000 U.S. troops will remain in Iraq." | verifier check -
    """
    report = service.check_draft(draft.read(), _engine(database))
    if as_json:
        from verifier.schemas import DraftReportSchema

        click.echo(json.dumps(DraftReportSchema().dump(report), indent=2, ensure_ascii=False))
        return
    for sentence in report.sentences:
        click.echo(f"[{sentence.start}:{sentence.end}] {sentence.text}")
        if sentence.verdict:
            _print_verdict(sentence.verdict, indent="    ")
        else:
            click.echo("    (nothing to check)")
    click.echo(", ".join(f"{n} {k}" for k, n in report.counts.items()))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--author", help="Author to credit where nobody else is quoted.")
@_database
def ingest(files: tuple[str, ...], author: str | None, database: str | None) -> None:
    """Extract claims from article text FILES and store them (first line: the headline).

    \b
    Example:
      verifier ingest stories/*.txt --author "Newsroom staff"
    """
    engine = _engine(database)
    total = 0
    with click.progressbar(files, label="Ingesting articles", file=sys.stderr) as bar:
        for name in bar:
            text = Path(name).read_text(encoding="utf-8")
            _, claims = service.ingest_article(text, engine, author=author)
            total += len(claims)
    click.echo(f"Stored {len(files)} article(s) with {total} claim(s).")


@main.command("import-claims")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--batch-size", default=5000, show_default=True, help="Claims per transaction.")
@click.option(
    "--workers",
    default=min(4, os.cpu_count() or 1),
    show_default="CPUs, at most 4",
    help="Processes preparing claims (stems, numbers) while one writes.",
)
@_database
def import_claims(file: TextIO, batch_size: int, workers: int, database: str | None) -> None:
    """Bulk-import claims from a JSON-lines FILE, atomically per batch.

    Each line is an object with at least "text"; optional: id, quote, speaker, speaker_role,
    attribution, article_id, article_title. Re-running an import replaces, never duplicates.

    \b
    Example:
      verifier import-claims claims.jsonl
    """
    engine = _engine(database)
    batches = bulk.import_claims(_records(file), engine, batch_size, workers)
    done = _count_batches(batches, "Importing claims", 0)
    click.echo(f"Imported {done} claim(s).")


def _records(file: TextIO) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(file, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise click.ClickException(f"line {number}: not JSON ({error.msg})") from None
        if not isinstance(record, dict) or not str(record.get("text", "")).strip():
            raise click.ClickException(f'line {number}: needs an object with a "text" field')
        yield record


@main.command()
@click.argument("query", required=False)
@click.option("--article", "article_id", help="Only claims of this article id.")
@click.option("--limit", default=50, show_default=True)
@_database
def claims(query: str | None, article_id: str | None, limit: int, database: str | None) -> None:
    """List claims, or search them for the words of QUERY.

    \b
    Example:
      verifier claims "troops remain"
    """
    for claim in _engine(database).store.list_claims(query, article_id, limit):
        speaker = claim.speaker or "unattributed"
        click.echo(f"{claim.id}  {speaker}: {claim.text}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--workers",
    default=2,
    show_default=True,
    envvar="VERIFIER_WORKERS",
    help="Worker processes (env VERIFIER_WORKERS).",
)
@_database
def serve(host: str, port: int, workers: int, database: str | None) -> None:
    """Serve the REST API under gunicorn, logging requests to stdout.

    \b
    Example:
      VERIFIER_API_KEYS=change-me verifier serve --host 0.0.0.0 --port 8000
    """
    from verifier.server import run

    overrides = {"DATABASE": database} if database else {}
    settings = load_settings(overrides)
    service.open_store(settings["DATABASE"]).close()  # create and seed once, before workers
    run(host, port, workers, overrides)


@main.command()
def settings() -> None:
    """List every VERIFIER_* setting with its default and current value."""
    current = load_settings()
    for setting in SETTINGS:
        secret = "KEYS" in setting.name and current[setting.name]
        value = "(set)" if secret else current[setting.name]
        click.echo(
            f"VERIFIER_{setting.name}={value}\n    {setting.help} Default: {setting.default!r}."
        )


@main.group()
def keys() -> None:
    """Create, list and revoke API keys (stored hashed; a token is shown only once).

    \b
    Examples:
      verifier keys create --name cms-plugin --scope read
      verifier keys create --name newsdesk
      verifier keys list
      verifier keys revoke k-3fa94c01d2
    """


@keys.command("create")
@click.option("--name", required=True, help="Who or what the key is for.")
@click.option(
    "--scope",
    type=click.Choice(["write", "read"]),
    default="write",
    show_default=True,
    help="write keys may also read; read keys only matter with VERIFIER_LOCK_READS.",
)
@_database
def keys_create(name: str, scope: str, database: str | None) -> None:
    """Create a key and print its token once."""
    key, token = service.create_key(_engine(database), name, scope)
    click.echo(f"{key.id}  {key.scope}  {key.name}")
    click.echo(f"token (shown once, store it now): {token}")


@keys.command("list")
@_database
def keys_list(database: str | None) -> None:
    """List keys: id, scope, name, created, and when revoked."""
    for key in _engine(database).store.list_keys():
        state = f"revoked {key.revoked}" if key.revoked else "active"
        click.echo(f"{key.id}  {key.scope:<5}  {key.name}  created {key.created}  {state}")


@keys.command("revoke")
@click.argument("key_id")
@_database
def keys_revoke(key_id: str, database: str | None) -> None:
    """Revoke the key KEY_ID: it stops working at once."""
    from verifier.store import NotFoundError

    try:
        service.revoke_key(_engine(database), key_id)
    except NotFoundError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Revoked {key_id}.")


@main.command()
@_database
def reindex(database: str | None) -> None:
    """Recompute every claim's index terms with this version's text processing.

    Run it once after an upgrade that changed tokenizing (this one folds accents: "Noël"
    meets "Noel" only in claims indexed or reindexed by it). Stored claims, quantities and
    embeddings are kept; the server may keep running.

    \b
    Example:
      verifier reindex
    """
    engine = _engine(database)
    done = _count_batches(bulk.reindex(engine), "Reindexing", engine.store.count_claims())
    click.echo(f"Reindexed {done} claim(s).")


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@_database
def backup(path: Path, database: str | None) -> None:
    """Copy the database to PATH, consistently, even while the server is running.

    \b
    Example:
      verifier backup backups/verifier-$(date +%F).db
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = _engine(database)
    engine.store.backup_to(path)
    click.echo(f"Backed up {engine.store.count_claims()} claims to {path}.")


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask before replacing the database.")
@_database
def restore(path: Path, yes: bool, database: str | None) -> None:
    """Replace the database's content with the backup at PATH (checked first).

    Safe while the server runs: SQLite locks the database for the copy; requests wait.
    """
    if not yes:
        click.confirm(f"Replace the database with {path}?", abort=True)
    engine = _engine(database)
    try:
        engine.store.restore_from(path)
    except (ValueError, OSError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Restored {engine.store.count_claims()} claims from {path}.")


@main.command("eval")
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
    from verifier import benchsets, evaluate

    try:
        folder = data or benchsets.find_data_dir()
        loaded = benchsets.load(name, split or benchsets.default_split(name), folder)
    except (benchsets.BenchmarkError, OSError) as error:
        raise click.ClickException(str(error)) from None
    if isinstance(loaded, benchsets.RetrievalSet):
        if limit:
            loaded.queries = loaded.queries[:limit]
        from verifier.semantic import load_embedder

        wanted = str(load_settings()["SEMANTIC"]).lower() != "off"
        report = evaluate.evaluate_retrieval(
            loaded, progress=_progress, embedder=load_embedder(wanted)
        )
    else:
        if limit:
            loaded.pairs = loaded.pairs[:limit]
            loaded.cites = loaded.cites[:limit]
        # seed-dev is judged against the shipped claim base, in a store of its own.
        engine = service.Engine(service.open_store(":memory:")) if name == "seed-dev" else None
        report = evaluate.evaluate_verdicts(loaded, engine, progress=_progress)
    report["split"] = split or benchsets.default_split(name)
    click.echo(json.dumps(report, indent=2) if as_json else evaluate.format_report(report))


def _count_batches(batches: Iterator[int], label: str, length: int) -> int:
    """Drive batch writes (each yielding its size) under a progress bar; return the total."""
    done = 0
    with click.progressbar(length=length, label=label, file=sys.stderr) as bar:
        for count in batches:
            done += count
            bar.update(count)
    return done


def _progress(items: Any, label: str, length: int) -> Any:
    """Wrap an iterable in a progress bar on standard error."""
    with click.progressbar(items, label=label, length=length or None, file=sys.stderr) as bar:
        yield from bar


from verifier.bench import bench  # noqa: E402  (registered last, after every other command)

main.add_command(bench)
