"""Every setting once, as data: name, default, type and a one-line help."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

PREFIX = "VERIFIER_"


@dataclass(frozen=True)
class Setting:
    """One setting: its name (without the VERIFIER_ prefix), default, type and help."""

    name: str
    default: Any
    type: type
    help: str
    minimum: float | None = None  # the lowest value that makes sense, for numbers


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "DATABASE",
        "",
        str,
        "Path of the SQLite database (empty: verifier.db in the per-user data folder, the same "
        "from every working directory), or a postgresql:// URL for a database several app "
        "servers share; `verifier serve` or `verifier init` creates it.",
    ),
    Setting(
        "READ_DATABASE",
        "",
        str,
        "postgresql:// URL of a hot standby of VERIFIER_DATABASE to read and verify from "
        "(writes still go to VERIFIER_DATABASE); empty: read from VERIFIER_DATABASE.",
    ),
    Setting(
        "MATCH_THRESHOLD",
        0.45,
        float,
        "Lowest topic score (0-1) at which a claim counts as speaking of a statement.",
    ),
    Setting(
        "MATCH_MARGIN",
        0.08,
        float,
        "Claims scoring within this of the best one are weighed together.",
    ),
    Setting(
        "NUMBER_TOLERANCE",
        0.1,
        float,
        "Relative slack allowed around approximate figures ('roughly 4,000').",
    ),
    Setting(
        "CANDIDATE_LIMIT",
        100,
        int,
        "Most candidate claims the index ranks for sentence embeddings to re-order.",
        minimum=1,
    ),
    Setting(
        "RERANK_LIMIT",
        10,
        int,
        "Of those, how many are loaded and scored by fuzzy matching.",
        minimum=1,
    ),
    Setting(
        "POSTINGS_BUDGET",
        2000,
        int,
        "Index postings a candidate query may read: lower is faster on a large base, "
        "higher ranks long statements better.",
        minimum=1,
    ),
    Setting(
        "VERDICT_CACHE",
        4096,
        int,
        "Verdicts each worker keeps for statements checked again (0: none); "
        "dropped whenever a claim changes.",
        minimum=0,
    ),
    Setting(
        "SEMANTIC",
        "auto",
        str,
        "'auto' uses sentence embeddings for ranking when the [semantic] extra is installed; "
        "'off' never does.",
    ),
    Setting(
        "MAX_STATEMENT_CHARS", 2000, int, "Longest statement accepted, in characters.", minimum=1
    ),
    Setting(
        "MAX_DRAFT_CHARS",
        100_000,
        int,
        "Longest draft accepted by /check, in characters.",
        minimum=1,
    ),
    Setting("MAX_BATCH", 100, int, "Most statements in one batch request.", minimum=1),
    Setting(
        "MAX_BODY_BYTES", 1_048_576, int, "Largest request body accepted, in bytes.", minimum=1
    ),
    Setting(
        "API_KEYS",
        "",
        str,
        "Comma-separated API keys allowed to write; empty means every write is refused.",
    ),
    Setting(
        "READ_KEYS",
        "",
        str,
        "Comma-separated keys required for reads and verification; empty means open reads.",
    ),
    Setting(
        "LOCK_READS",
        "false",
        str,
        "'true' makes reads and verification need a key too (a stored read key or any write key).",
    ),
    Setting(
        "RATE_LIMIT",
        "",
        str,
        "Limit on API requests per key or client address, e.g. '600 per minute'; empty: none.",
    ),
    Setting(
        "WRITE_RATE_LIMIT",
        "120 per minute",
        str,
        "Limit on writes per key or client address; empty: none.",
    ),
    Setting(
        "AUTH_FAILURE_LIMIT",
        "10 per minute",
        str,
        "Limit on requests refused for want of a valid key (401), per client address; "
        "past it every API request from there gets 429 until the window ends; empty: none.",
    ),
    Setting(
        "CORS_ORIGINS",
        "",
        str,
        "Comma-separated origins allowed to call the API from a browser; none by default.",
    ),
    Setting(
        "PUBLISHER",
        "Verifier newsroom",
        str,
        "Name of the publishing organisation, used in ClaimReview output.",
    ),
    Setting(
        "READ_TIMEOUT",
        10.0,
        float,
        "Seconds a client may pause while sending a request before `verifier serve` closes "
        "the connection.",
        minimum=0.1,
    ),
    Setting(
        "PUBLIC_URL",
        "http://127.0.0.1:8000",
        str,
        "Address readers reach the service at; ClaimReview's url is built on it, never on "
        "the request.",
    ),
    Setting("LOG_LEVEL", "INFO", str, "Logging level of the service."),
    Setting("WORKERS", 2, int, "Worker processes `verifier serve` starts.", minimum=1),
)


def load_settings(
    overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Return every setting: defaults, then VERIFIER_* variables, then explicit overrides."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = environ.get(PREFIX + setting.name)
        values[setting.name] = setting.default if raw is None else _convert(setting, raw)
    for key, value in (overrides or {}).items():
        values[key.removeprefix(PREFIX)] = value
    if not values["DATABASE"]:
        values["DATABASE"] = default_database()
    return values


def default_database() -> str:
    """The per-user database: verifier.db in the platform's user data folder.

    The same file whatever the working directory (~/.local/share/verifier on Linux,
    honouring XDG_DATA_HOME), so no command run from another folder meets a second store.
    """
    from platformdirs import user_data_path

    return str(user_data_path("verifier", appauthor=False) / "verifier.db")


def _convert(setting: Setting, raw: str) -> Any:
    try:
        value = setting.type(raw)
    except ValueError as error:
        raise ValueError(
            f"{PREFIX}{setting.name}={raw!r} is not a valid {setting.type.__name__}: {error}"
        ) from None
    if setting.minimum is not None and value < setting.minimum:
        raise ValueError(f"{PREFIX}{setting.name}={raw!r} must be at least {setting.minimum:g}")
    return value


def split_list(value: str | list[str] | tuple[str, ...]) -> list[str]:
    """Split a comma-separated setting into its items."""
    if isinstance(value, list | tuple):
        return [str(v) for v in value if str(v).strip()]
    return [item.strip() for item in value.split(",") if item.strip()]
