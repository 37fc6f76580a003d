"""What the commands share: the store they open, the --database option, progress bars."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from verifier import store
from verifier.config import load_settings
from verifier.engine import service

# Where releases before 0.2 put the store: relative to the working directory.
OLD_DEFAULT = Path("data/verifier.db")


class NoDatabaseError(click.ClickException):
    """The database a command would read or write does not exist (and is not created)."""


def database_path(database: str | None) -> str:
    """The database a command uses: --database, else $VERIFIER_DATABASE, else the per-user one
    (a file's absolute path, or a server's URL)."""
    overrides = {"DATABASE": database} if database else None
    return store.locate(load_settings(overrides)["DATABASE"])


def database_exists(path: str) -> bool:
    """Tell whether the store at `path` exists, as a command's error when its server cannot
    be reached (or its driver is not installed)."""
    try:
        return store.exists(path)
    except (store.DatabaseUnavailableError, store.BackendMissingError) as error:
        raise click.ClickException(str(error)) from None


def open_engine(database: str | None, create: bool = False) -> service.Engine:
    """The engine of the store `open_database` opens."""
    path = open_database(database, create)
    return service.engine_from_settings(load_settings({"DATABASE": path}))


def open_database(database: str | None, create: bool = False) -> str:
    """Check the store at `database_path` (creating it when asked) and say which it is.

    Only `create` (serve, init) makes a missing store; any other command refuses it, so a
    command run from another folder, or with a mistyped path, never meets a second store.
    """
    path = database_path(database)
    _warn_about_old_default(database, path)
    exists = database_exists(path)
    if not exists and not create:
        raise NoDatabaseError(
            f"No database at {store.display(path)}.\n"
            "Create it with `verifier init` (or start `verifier serve` once, which creates it), "
            "or name the one you meant with --database or VERIFIER_DATABASE."
        )
    if not exists:
        click.echo(f"Creating database {store.display(path)} with the seed claims.", err=True)
    replica = load_settings()["READ_DATABASE"]
    try:
        # a store just created is counted on the primary: a replica may not have replayed
        # its tables yet ("relation articles does not exist" on a standby, found by CI)
        opened = service.open_store(path, replica=replica if exists else "")
        counts = (opened.count_articles(), opened.count_claims())  # from the replica, if any
    except (ValueError, store.BackendMissingError, store.DatabaseUnavailableError) as error:
        raise click.ClickException(str(error)) from None
    read = f", reading from {store.display(replica)}" if replica else ""
    click.echo(
        f"Database: {store.display(path)} ({_count(counts[0], 'article')}, "
        f"{_count(counts[1], 'claim')}{read})",
        err=True,
    )
    opened.close()
    return path


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _warn_about_old_default(database: str | None, path: str) -> None:
    """Point at a store left where releases before 0.2 kept it, when it is not the one used."""
    if database or not OLD_DEFAULT.exists() or str(OLD_DEFAULT.absolute()) == path:
        return
    click.echo(
        f"Note: {OLD_DEFAULT} (the default before 0.2) is not used; to use it, set "
        f"VERIFIER_DATABASE={OLD_DEFAULT} or pass --database {OLD_DEFAULT}.",
        err=True,
    )


database_option = click.option(
    "--database",
    envvar="VERIFIER_DATABASE",
    metavar="PATH|URL",
    help="SQLite file or postgresql:// URL (default: $VERIFIER_DATABASE, else verifier.db in "
    "the per-user data folder; see `verifier settings`).",
)


def print_json(value: Any) -> None:
    """Print a JSON document on standard output, as the API would send it."""
    click.echo(json.dumps(value, indent=2, ensure_ascii=False))


def count_batches(batches: Iterator[int], label: str, length: int) -> int:
    """Drive batch writes (each yielding its size) under a progress bar; return the total."""
    done = 0
    with progress_bar(label, length) as bar:
        for count in batches:
            done += count
            bar.update(count)
    return done


def progress_bar(label: str, length: int | None, items: Any = None) -> Any:
    """A progress bar on standard error; without a terminal, one line that ends in a newline.

    click draws nothing but the label when standard error is no terminal, and leaves that
    line open: whatever is printed next would be glued to it.
    """
    if sys.stderr.isatty():
        return click.progressbar(items, length=length or None, label=label, file=sys.stderr)
    return _PlainProgress(label, items)


class _PlainProgress:
    """What stands for a progress bar in a log: the label on a line of its own."""

    def __init__(self, label: str, items: Any) -> None:
        self.label = label
        self.items = items

    def __enter__(self) -> _PlainProgress:
        click.echo(f"{self.label}...", err=True)
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items)

    def update(self, count: int) -> None:
        pass


def progress(items: Any, label: str, length: int) -> Any:
    """Wrap an iterable in a progress bar on standard error."""
    with progress_bar(label, length, items) as bar:
        yield from bar
