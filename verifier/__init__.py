"""verifier: a fact-checking claim verifier for newsrooms."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask

try:
    __version__ = version("verifier")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the Flask app (verifier.web.app): settings, store, API, docs, errors and CORS.

    Imported here when called, so that what only prepares or stores claims (a bulk import's
    worker processes, the CLI's store commands) never loads Flask.
    """
    from verifier.web.app import create_app as build

    return build(config)
