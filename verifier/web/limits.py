"""Rate limits per API key or client address, answered with 429 problem+json."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from verifier.keys import hash_token

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
    """Limit per API key when one is presented (never the key itself), else per address."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return "key:" + hash_token(token.strip())[:16]
    return "addr:" + (get_remote_address() or "unknown")


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
    else:  # only writes are limited: a read skips the limits' resolution (~0.2 ms a request)
        limiter.request_filter(lambda: not _is_write())
    if settings["WRITE_RATE_LIMIT"]:
        limiter.limit(
            settings["WRITE_RATE_LIMIT"],
            exempt_when=lambda: not _is_write(),
            override_defaults=False,
        )(api)
    return limiter
