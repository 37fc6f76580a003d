"""Commands for running the service: serve, settings, keys, reindex, backup, restore."""

from __future__ import annotations

from pathlib import Path

import click

from verifier import store
from verifier.cli.common import (
    count_batches,
    database_exists,
    database_option,
    database_path,
    open_database,
    open_engine,
    print_json,
)
from verifier.config import SETTINGS, load_settings
from verifier.engine import bulk, service


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--workers",
    type=int,
    help="Worker processes (default: $VERIFIER_WORKERS, else 2).",
)
@database_option
def serve(host: str, port: int, workers: int | None, database: str | None) -> None:
    """Serve the REST API under gunicorn (threaded workers), logging requests to stdout.

    Creates the database and loads the seed claims on the first start. Keep the default
    loopback address and put a TLS-terminating reverse proxy in front to serve further.

    \b
    Examples:
      verifier serve --port 8000 --workers 2
      verifier keys create --name newsdesk    # a key for writes, shown once
    """
    from verifier.web.auth import WeakKeyError, check_configured_keys
    from verifier.web.server import run

    settings = load_settings()
    try:
        check_configured_keys(settings)
    except WeakKeyError as error:
        raise click.ClickException(str(error)) from None
    path = open_database(database, create=True)  # create and seed once, before the workers
    workers = workers or settings["WORKERS"]
    run(host, port, workers, {"DATABASE": path}, settings["READ_TIMEOUT"])


@click.command()
@database_option
def init(database: str | None) -> None:
    """Create the database with the seed claims; a database that exists is left as it is.

    \b
    Examples:
      verifier init
      verifier init --database newsroom.db
    """
    existed = database_exists(database_path(database))
    path = store.display(open_database(database, create=True))
    click.echo(f"{path} exists already: left as it is." if existed else f"Created {path}.")


@click.command()
@database_option
def migrate(database: str | None) -> None:
    """Bring the database's schema up to date (a new one is created with the seed claims).

    Servers migrate on start too, one at a time (PostgreSQL: under an advisory lock); run
    this before rolling out a release to many servers, so that none waits on the others.

    \b
    Example:
      verifier migrate --database postgresql://verifier@db.internal/verifier
    """
    path = open_database(database, create=True)
    opened = service.open_store(path)
    click.echo(f"{store.display(path)}: schema at version {opened.schema_version()}.")
    opened.close()


@click.command()
def settings() -> None:
    """List every VERIFIER_* setting with its default and current value."""
    current = load_settings()
    for setting in SETTINGS:
        secret = "KEYS" in setting.name and current[setting.name]
        value = "(set)" if secret else current[setting.name]
        if setting.name.endswith("DATABASE"):  # a URL's password is never shown
            value = store.display(value)
        click.echo(
            f"VERIFIER_{setting.name}={value}\n    {setting.help} Default: {setting.default!r}."
        )


@click.group()
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
@database_option
def keys_create(name: str, scope: str, database: str | None) -> None:
    """Create a key and print its token once."""
    key, token = service.create_key(open_engine(database), name, scope)
    click.echo(f"{key.id}  {key.scope}  {key.name}")
    click.echo(f"token (shown once, store it now): {token}")


@keys.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the keys as JSON.")
@database_option
def keys_list(as_json: bool, database: str | None) -> None:
    """List keys: id, scope, name, created, and when revoked (never their tokens)."""
    found = open_engine(database).store.list_keys()
    if as_json:
        print_json([key.__dict__ for key in found])
        return
    if not found:
        click.echo("No keys.", err=True)
    for key in found:
        state = f"revoked {key.revoked}" if key.revoked else "active"
        click.echo(f"{key.id}  {key.scope:<5}  {key.name}  created {key.created}  {state}")


@keys.command("revoke")
@click.argument("key_id")
@database_option
def keys_revoke(key_id: str, database: str | None) -> None:
    """Revoke the key KEY_ID: it stops working at once."""
    from verifier.store import NotFoundError

    try:
        service.revoke_key(open_engine(database), key_id)
    except NotFoundError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Revoked {key_id}.")


@click.command()
@database_option
def reindex(database: str | None) -> None:
    """Recompute every claim's index terms with this version's text processing.

    Run it once after an upgrade that changed tokenizing (this one folds accents: "Noël"
    meets "Noel" only in claims indexed or reindexed by it). Stored claims, quantities and
    embeddings are kept; the server may keep running.

    \b
    Example:
      verifier reindex
    """
    engine = open_engine(database)
    done = count_batches(bulk.reindex(engine), "Reindexing", engine.store.count_claims())
    click.echo(f"Reindexed {done} claim(s).")


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@database_option
def backup(path: Path, database: str | None) -> None:
    """Copy the database to PATH, consistently, even while the server is running.

    \b
    Example:
      verifier backup backups/verifier-$(date +%F).db
    """
    engine = open_engine(database)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        count = engine.store.backup_to(path)
    except store.BackupUnsupportedError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Backed up {count} claims to {path}.")  # the copy's count, not the live one


@click.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask before replacing the database.")
@database_option
def restore(path: Path, yes: bool, database: str | None) -> None:
    """Replace the database's content with the backup at PATH (checked first).

    Safe while the server runs: SQLite locks the database for the copy; requests wait.
    """
    if not yes:
        click.confirm(f"Replace the database with {path}?", abort=True)
    engine = open_engine(database, create=True)  # restoring onto a new machine creates it
    try:
        engine.store.restore_from(path)
    except (ValueError, OSError, store.BackupUnsupportedError) as error:
        raise click.ClickException(str(error)) from None
    engine.store.create()  # a backup made by an older release: brought up to this schema
    click.echo(f"Restored {engine.store.count_claims()} claims from {path}.")


COMMANDS = (serve, init, migrate, settings, keys, reindex, backup, restore)
