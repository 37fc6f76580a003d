"""API keys: who may write, and who may read when reads are locked down."""

from __future__ import annotations

import functools
import hmac
from collections.abc import Callable
from typing import Any, TypeVar

from flask import current_app, request

from verifier.config import split_list
from verifier.keys import READ, WRITE, hash_token
from verifier.web.problems import Problem

F = TypeVar("F", bound=Callable[..., Any])
# The OpenAPI security scheme of API keys (the docs page's "Authorize").
BEARER = "bearerAuth"


# Shorter keys can be guessed; `openssl rand -hex 32` or `verifier keys create` give more.
MIN_KEY_CHARS = 32


class WeakKeyError(ValueError):
    """A key configured in the settings is too short to be safe."""


def check_configured_keys(settings: dict[str, Any]) -> None:
    """Refuse, at start-up, configured keys shorter than MIN_KEY_CHARS."""
    for name in ("API_KEYS", "READ_KEYS"):
        for key in split_list(settings[name]):
            if len(key) < MIN_KEY_CHARS:
                raise WeakKeyError(
                    f"VERIFIER_{name} holds a key of {len(key)} characters; a key needs at least "
                    f"{MIN_KEY_CHARS} (make one with `openssl rand -hex 32` or "
                    "`verifier keys create`)."
                )


def is_known_key(token: str) -> bool:
    """Tell whether a token is a configured or stored key that is not revoked (any scope)."""
    return _matches(token, _allowed_hashes((READ, WRITE), ("READ_KEYS", "API_KEYS")))


def presented_key() -> str | None:
    """Return the bearer token of the request, or None when there is none."""
    return _presented_key()


def _presented_key() -> str | None:
    """Return the bearer token of the request, or None when there is none."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def _allowed_hashes(scopes: tuple[str, ...], setting_names: tuple[str, ...]) -> list[str]:
    """Return the hashes of every key allowed for these scopes: settings, then stored keys."""
    settings = current_app.config["VERIFIER"]
    hashes = [hash_token(k) for name in setting_names for k in split_list(settings[name])]
    store = current_app.extensions["verifier"].store
    hashes += [h for h, scope in store.active_key_hashes() if scope in scopes]
    return hashes


def _matches(key: str, allowed: list[str]) -> bool:
    # Compare the hash against every allowed hash, in constant time, so that timing tells
    # nothing about which key (or how much of one) matched.
    presented = hash_token(key).encode()
    found = False
    for candidate in allowed:
        found |= hmac.compare_digest(presented, candidate.encode())
    return found


def _refuse(detail: str) -> Problem:
    return Problem(401, "Unauthorized", detail, headers={"WWW-Authenticate": "Bearer"})


def require_write_key() -> None:
    """Refuse the request unless it carries a valid write key."""
    allowed = _allowed_hashes((WRITE,), ("API_KEYS",))
    if not allowed:
        raise _refuse("Writes are disabled: the operator has configured no API key.")
    key = _presented_key()
    if key is None:
        raise _refuse("This endpoint needs an API key: send 'Authorization: Bearer <key>'.")
    if not _matches(key, allowed):
        raise _refuse("The API key is not valid (unknown or revoked).")


def require_read_key() -> None:
    """Refuse a read unless reads are open or the request carries a read or write key."""
    settings = current_app.config["VERIFIER"]
    if not split_list(settings["READ_KEYS"]) and not _truthy(settings["LOCK_READS"]):
        return
    key = _presented_key()
    allowed = _allowed_hashes((READ, WRITE), ("READ_KEYS", "API_KEYS"))
    if key is None or not _matches(key, allowed):
        raise _refuse("Reads need an API key here: send 'Authorization: Bearer <key>'.")


def _truthy(value: object) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def writes(view: F) -> F:
    """Mark a view as a write: the key is checked before the body is even read."""

    @functools.wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        require_write_key()
        return view(*args, **kwargs)

    # Documented as needing the key (flask-smorest reads a view's manual doc from _apidoc).
    apidoc = getattr(guarded, "_apidoc", {})
    guarded._apidoc = {  # type: ignore[attr-defined]
        **apidoc,
        "manual_doc": {**apidoc.get("manual_doc", {}), "security": [{BEARER: []}]},
    }
    return guarded  # type: ignore[return-value]
