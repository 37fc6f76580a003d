"""`verifier import-claims`: claims from JSON lines, each checked by the API's schema."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any, BinaryIO

import click
from marshmallow import ValidationError

from verifier.cli.common import database_option, open_engine, progress_bar
from verifier.engine import bulk


@click.command("import-claims")
@click.argument("file", type=click.File("rb"))
@click.option("--batch-size", default=5000, show_default=True, help="Claims per transaction.")
@click.option(
    "--workers",
    default=min(4, os.cpu_count() or 1),
    show_default="CPUs, at most 4",
    help="Processes preparing claims (stems, numbers) while one writes.",
)
@click.option(
    "--bad-lines",
    type=click.Choice(["stop", "skip"]),
    default="stop",
    show_default=True,
    help="At a line that is not a valid claim: stop there, or report it and go on.",
)
@database_option
def import_claims(
    file: BinaryIO, batch_size: int, workers: int, bad_lines: str, database: str | None
) -> None:
    """Bulk-import claims from a JSON-lines FILE, atomically per batch.

    Each line is an object with at least "text"; optional: id, quote, speaker, speaker_role,
    attribution (a list), article_id, article_title, title, start, end, negated (true or
    false). Lines are checked as the API checks a claim; a bad line is reported with its
    number and never stored. Re-running an import replaces, never duplicates.

    \b
    Example:
      verifier import-claims claims.jsonl
      verifier import-claims --bad-lines skip claims.jsonl
    """
    engine = open_engine(database)
    bad: list[str] = []
    tally = bulk.ImportTally()
    batches = bulk.import_claims(
        _records(file, bad, stop=bad_lines == "stop"),
        engine,
        batch_size,
        workers,
        tally,
        lambda note: click.echo(note, err=True),
    )
    shown = 0
    try:
        with progress_bar("Importing claims", _count_lines(file)) as bar:
            for _ in batches:  # each batch, once committed
                bar.update(tally.read - shown)
                shown = tally.read
    except BadLineError as error:
        raise click.ClickException(
            f"{error}\nStopped there: the batches before it are stored, that line never is. "
            "Fix it and run the import again (claims already stored are replaced, not "
            "duplicated), or pass --bad-lines skip."
        ) from None
    for message in bad[:_SHOWN]:
        click.echo(message, err=True)
    if len(bad) > _SHOWN:
        click.echo(f"... and {len(bad) - _SHOWN} more bad line(s).", err=True)
    left_out = f" {len(bad):,} bad line(s) left out." if bad else ""
    click.echo(
        f"Read {tally.read:,} claim(s): {tally.stored:,} stored, {tally.replaced:,} replaced, "
        f"{tally.skipped:,} skipped (held already as they are, or repeated in the file).{left_out}"
    )


def _count_lines(file: BinaryIO) -> int | None:
    """The non-blank lines of a file that can be read twice (not a pipe), for the bar."""
    if not file.seekable():
        return None
    count = sum(1 for line in file if line.strip())
    file.seek(0)
    return count


_SHOWN = 100  # bad lines listed one by one


class BadLineError(ValueError):
    """A line of an import is not a claim the API would take."""


def _records(file: BinaryIO, bad: list[str], stop: bool) -> Iterator[dict[str, Any]]:
    """Yield each line's claim, checked by the API's schema; report the others."""
    from verifier.web.archive_schemas import ClaimImportSchema

    schema = ClaimImportSchema()
    for number, line in enumerate(file, 1):
        if not line.strip():
            continue
        try:
            yield schema.load(_parsed(line))
        except (BadLineError, ValidationError) as error:
            message = f"line {number}: {_why(error)}"
            if stop:
                raise BadLineError(message) from None
            bad.append(message)


def _parsed(line: bytes) -> Any:
    try:
        return json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        raise BadLineError("not UTF-8") from None
    except json.JSONDecodeError as error:
        raise BadLineError(f"not JSON ({error.msg})") from None
    except (ValueError, RecursionError) as error:  # an integer of 4,300+ digits, deep nesting
        raise BadLineError(f"not JSON this service reads ({type(error).__name__})") from None


def _why(error: Exception) -> str:
    if not isinstance(error, ValidationError):
        return str(error)
    from verifier.web.problems import error_pointers

    return "; ".join(
        f"{e['pointer'] or '/'}: {e['detail']}" for e in error_pointers(error.messages)
    )


COMMANDS = (import_claims,)
