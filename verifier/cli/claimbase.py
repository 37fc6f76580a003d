"""Commands on the claim base: verify, check, ingest, import-claims, claims."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from verifier.cli.common import count_batches, database_option, open_engine
from verifier.engine import bulk, service
from verifier.models import Verdict

_COLOURS = {"supported": "green", "contradicted": "red", "unverified": "yellow"}


@click.command()
@click.argument("statement")
@click.option("--json", "as_json", is_flag=True, help="Print the verdict as JSON (the API form).")
@database_option
def verify(statement: str, as_json: bool, database: str | None) -> None:
    """Verify one STATEMENT: supported, contradicted or unverified, with citations.

    \b
    Example:
      verifier verify "Roughly 4,000 U.S. troops will remain in Iraq."
    """
    verdict = service.verify(statement, open_engine(database))
    if as_json:
        from verifier.web.schemas import VerdictSchema

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


@click.command()
@click.argument("draft", type=click.File("r", encoding="utf-8"))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (the API form).")
@database_option
def check(draft: TextIO, as_json: bool, database: str | None) -> None:
    """Check a whole DRAFT file sentence by sentence ('-' reads standard input).

    \b
    Example:
      echo "Roughly 3,000 U.S. troops will remain in Iraq." | verifier check -
    """
    report = service.check_draft(draft.read(), open_engine(database))
    if as_json:
        from verifier.web.schemas import DraftReportSchema

        click.echo(json.dumps(DraftReportSchema().dump(report), indent=2, ensure_ascii=False))
        return
    for sentence in report.sentences:
        click.echo(f"[{sentence.start}:{sentence.end}] {sentence.text}")
        if sentence.verdict:
            _print_verdict(sentence.verdict, indent="    ")
        else:
            click.echo("    (nothing to check)")
    click.echo(", ".join(f"{n} {k}" for k, n in report.counts.items()))


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--author", help="Author to credit where nobody else is quoted.")
@database_option
def ingest(files: tuple[str, ...], author: str | None, database: str | None) -> None:
    """Extract claims from article text FILES and store them (first line: the headline).

    \b
    Example:
      verifier ingest stories/*.txt --author "Newsroom staff"
    """
    engine = open_engine(database)
    total = 0
    with click.progressbar(files, label="Ingesting articles", file=sys.stderr) as bar:
        for name in bar:
            text = Path(name).read_text(encoding="utf-8")
            _, claims = service.ingest_article(text, engine, author=author)
            total += len(claims)
    click.echo(f"Stored {len(files)} article(s) with {total} claim(s).")


@click.command("import-claims")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--batch-size", default=5000, show_default=True, help="Claims per transaction.")
@click.option(
    "--workers",
    default=min(4, os.cpu_count() or 1),
    show_default="CPUs, at most 4",
    help="Processes preparing claims (stems, numbers) while one writes.",
)
@database_option
def import_claims(file: TextIO, batch_size: int, workers: int, database: str | None) -> None:
    """Bulk-import claims from a JSON-lines FILE, atomically per batch.

    Each line is an object with at least "text"; optional: id, quote, speaker, speaker_role,
    attribution, article_id, article_title. Re-running an import replaces, never duplicates.

    \b
    Example:
      verifier import-claims claims.jsonl
    """
    engine = open_engine(database)
    batches = bulk.import_claims(_records(file), engine, batch_size, workers)
    done = count_batches(batches, "Importing claims", 0)
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


@click.command()
@click.argument("query", required=False)
@click.option("--article", "article_id", help="Only claims of this article id.")
@click.option("--limit", default=50, show_default=True)
@database_option
def claims(query: str | None, article_id: str | None, limit: int, database: str | None) -> None:
    """List claims, or search them for the words of QUERY.

    \b
    Example:
      verifier claims "troops remain"
    """
    for claim in open_engine(database).store.list_claims(query, article_id, limit):
        speaker = claim.speaker or "unattributed"
        click.echo(f"{claim.id}  {speaker}: {claim.text}")


COMMANDS = (verify, check, ingest, import_claims, claims)
