"""API keys: who may write, and who may read when reads are locked down."""

from __future__ import annotations

import functools
import hmac
from collections.abc import Callable
from typing import Any, TypeVar

from flask import current_app, request

from verifier.config import split_list
from verifier.problems import Problem

F = TypeVar("F", bound=Callable[..., Any])


def _presented_key() -> str | None:
    """Return the bearer token of the request, or None when there is none."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def _matches(key: str, allowed: list[str]) -> bool:
    # Compare against every key, in constant time, so timing tells nothing about which.
    found = False
    for candidate in allowed:
        found |= hmac.compare_digest(key.encode(), candidate.encode())
    return found


def _refuse(detail: str) -> Problem:
    return Problem(401, "Unauthorized", detail, headers={"WWW-Authenticate": "Bearer"})


def require_write_key() -> None:
    """Refuse the request unless it carries a configured write key."""
    allowed = split_list(current_app.config["VERIFIER"]["API_KEYS"])
    if not allowed:
        raise _refuse("Writes are disabled: the operator has configured no API key.")
    key = _presented_key()
    if key is None:
        raise _refuse("This endpoint needs an API key: send 'Authorization: Bearer <key>'.")
    if not _matches(key, allowed):
        raise _refuse("The API key is not valid.")


def require_read_key() -> None:
    """Refuse a read unless reads are open or the request carries a read or write key."""
    settings = current_app.config["VERIFIER"]
    readers = split_list(settings["READ_KEYS"])
    if not readers:
        return
    key = _presented_key()
    if key is None or not _matches(key, readers + split_list(settings["API_KEYS"])):
        raise _refuse("Reads need an API key here: send 'Authorization: Bearer <key>'.")


def writes(view: F) -> F:
    """Mark a view as a write: the key is checked before the body is even read."""

    @functools.wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        require_write_key()
        return view(*args, **kwargs)

    return guarded  # type: ignore[return-value]
