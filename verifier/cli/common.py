"""What the commands share: the store they open, the --database option, progress bars."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import click

from verifier.config import load_settings
from verifier.engine import service


def open_engine(database: str | None) -> service.Engine:
    """The engine of the configured store, or of DATABASE when given."""
    overrides = {"DATABASE": database} if database else None
    return service.engine_from_settings(load_settings(overrides))


database_option = click.option(
    "--database",
    envvar="VERIFIER_DATABASE",
    metavar="PATH",
    help="SQLite file (default: $VERIFIER_DATABASE or data/verifier.db).",
)


def count_batches(batches: Iterator[int], label: str, length: int) -> int:
    """Drive batch writes (each yielding its size) under a progress bar; return the total."""
    done = 0
    with click.progressbar(length=length, label=label, file=sys.stderr) as bar:
        for count in batches:
            done += count
            bar.update(count)
    return done


def progress(items: Any, label: str, length: int) -> Any:
    """Wrap an iterable in a progress bar on standard error."""
    with click.progressbar(items, label=label, length=length or None, file=sys.stderr) as bar:
        yield from bar
