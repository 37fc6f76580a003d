"""API keys: random tokens shown once, stored only as SHA-256 hashes, revocable."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

READ = "read"
WRITE = "write"


@dataclass(frozen=True)
class ApiKey:
    """A stored key: never the token itself, only its hash."""

    id: str
    name: str
    scope: str  # "write" (may also read) or "read"
    created: str
    revoked: str | None = None


def new_token() -> str:
    """Return a fresh high-entropy token (what the operator hands to a client)."""
    return "vk_" + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """Hash a token for storage and lookup; tokens are random, so a plain SHA-256 suffices."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def key_id(token_hash: str) -> str:
    """Return the public id of a key: a prefix of its hash, safe to log and list."""
    return "k-" + token_hash[:10]
