"""How a DATABASE setting names a store: a SQLite file or a PostgreSQL URL, shown without its
password, there or not, made fresh for measurements."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

# URL schemes of PostgreSQL (libpq's); anything else names a SQLite file.
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


class DatabaseUnavailableError(RuntimeError):
    """The database server named cannot be reached (or refuses the connection)."""


class BackendMissingError(RuntimeError):
    """The database named needs a driver that is not installed (an optional extra)."""


def is_postgres(database: str | Path) -> bool:
    """Tell whether a DATABASE setting names a PostgreSQL server rather than a SQLite file."""
    return str(database).startswith(POSTGRES_SCHEMES)


def locate(database: str | Path) -> str:
    """Return the setting in the form every process understands: a URL as given, a file
    path made absolute (`sqlite:///` dropped)."""
    if is_postgres(database):
        return str(database)
    path = str(database).removeprefix("sqlite:///")
    return path if path == ":memory:" else str(Path(path).expanduser().absolute())


def exists(database: str | Path) -> bool:
    """Tell whether the store is there: a SQLite file exists, a PostgreSQL database holds
    the store's tables; raise DatabaseUnavailableError when the server cannot be reached."""
    if not is_postgres(database):
        return Path(locate(database)).exists()
    module = postgres_module("verifier.store.postgres.schema")
    try:
        return bool(module.has_schema(str(database)))
    except module.psycopg.OperationalError as error:
        raise DatabaseUnavailableError(f"{display(database)}: {error}".strip()) from None


def display(database: str | Path) -> str:
    """Return the setting as it may be shown or logged: a URL's password masked."""
    text = str(database)
    scheme, sep, rest = text.partition("://")
    userinfo, at, host = rest.rpartition("@")
    if not sep or not at or ":" not in userinfo:
        return text
    return f"{scheme}://{userinfo.split(':', 1)[0]}:***@{host}"


def postgres_module(name: str) -> Any:
    """Import a module of the PostgreSQL backend, whose driver is an optional extra."""
    try:
        return importlib.import_module(name)
    except ImportError as error:
        raise BackendMissingError(
            f"{error}: PostgreSQL needs the postgres extra (pip install 'verifier[postgres]')."
        ) from None


def fresh_database(beside: str | Path, name: str) -> str:
    """Return a new, empty database called `name` beside another: a SQLite file `name.db`
    in the folder `beside` names, or a database on the server of the PostgreSQL URL `beside`
    (either removed first if it exists): for measurements, never for a newsroom's data."""
    if not is_postgres(beside):
        path = Path(beside) / f"{name}.db"
        for stale in path.parent.glob(path.name + "*"):
            stale.unlink()
        return str(path)
    module = postgres_module("verifier.store.postgres.schema")
    url: str = module.create_database(str(beside), name)
    return url


def drop_database(database: str | Path) -> None:
    """Remove a database made by fresh_database."""
    if not is_postgres(database):
        for stale in Path(database).parent.glob(Path(database).name + "*"):
            stale.unlink()
        return
    postgres_module("verifier.store.postgres.schema").drop_database(str(database))
