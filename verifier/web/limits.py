"""Rate limits per API key or client address, answered with 429 problem+json."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, Response, g, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from verifier.keys import hash_token
from verifier.web.auth import is_known_key, presented_key

# The endpoints that change stored data (method, endpoint): they get the write limit.
_WRITES = frozenset(
    {
        ("POST", "api.Claims"),
        ("DELETE", "api.ClaimById"),
        ("POST", "api.Articles"),
        ("DELETE", "api.ArticleById"),
    }
)


def client_key() -> str:
    """Limit per API key when a valid one is presented (never the key itself), else per
    address: a made-up token must not open a bucket of its own."""
    if "limit_key" not in g:
        token = presented_key()
        known = token is not None and is_known_key(token)
        g.limit_key = "key:" + hash_token(token)[:16] if known and token else address_key()
    return str(g.limit_key)


def address_key() -> str:
    """The client's address, as the limits see it."""
    return "addr:" + (get_remote_address() or "unknown")


def _refused(response: Response) -> bool:
    return response.status_code == 401


def _is_write() -> bool:
    return (request.method, request.endpoint or "") in _WRITES


def register_limits(app: Flask, api: Blueprint, settings: dict[str, Any]) -> Limiter:
    """Apply the configured request and write limits to the API blueprint.

    Counters live in each worker's memory: with N workers a client may get up to N times
    the limit. That bounds abuse without another service to run; a shared store
    (flask-limiter's storage_uri) can be configured for strict limits.
    """
    limiter = Limiter(client_key, app=app, storage_uri="memory://", headers_enabled=True)
    if settings["RATE_LIMIT"]:
        limiter.limit(settings["RATE_LIMIT"])(api)
    else:  # only writes and keys are limited: a plain read skips the limits' resolution
        limiter.request_filter(lambda: not _is_write() and "Authorization" not in request.headers)
    if settings["AUTH_FAILURE_LIMIT"]:  # refused keys, per address: no unlimited guessing
        limiter.limit(
            settings["AUTH_FAILURE_LIMIT"],
            key_func=address_key,
            deduct_when=_refused,
            exempt_when=lambda: client_key().startswith("key:"),  # a valid key is never held
            override_defaults=False,
            scope="auth-failures",
        )(api)
    if settings["WRITE_RATE_LIMIT"]:
        limiter.limit(
            settings["WRITE_RATE_LIMIT"],
            exempt_when=lambda: not _is_write(),
            override_defaults=False,
        )(api)
    return limiter
