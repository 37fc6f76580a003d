"""The index terms of a claim as PostgreSQL holds them: FTS5's tokens in a tsvector.

Pure functions. The tsvector is built here, not by PostgreSQL's parser, so that it holds
exactly the tokens SQLite's FTS5 index holds (its unicode61 tokenizer over the stems and
extra terms the store computes), at their positions: counts, lengths and phrases match.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# How FTS5's unicode61 tokenizer cuts text into tokens (as index.py reads it too).
_TOKEN = re.compile(r"[^\W_]+")


def tokens(text: str | None) -> list[str]:
    """Cut a column into FTS5's tokens, lowercased."""
    return _TOKEN.findall((text or "").lower())


def claim_terms(stems: str | None, extra: str | None) -> tuple[str, int, list[str]]:
    """Return a claim's tsvector literal, its length in tokens and its distinct tokens.

    The extra column's positions start one past a gap, so a phrase never spans columns
    (FTS5 matches a phrase within one column).
    """
    first, second = tokens(stems), tokens(extra)
    positions: dict[str, list[int]] = {}
    for position, token in enumerate(first, start=1):
        positions.setdefault(token, []).append(position)
    for position, token in enumerate(second, start=len(first) + 2):
        positions.setdefault(token, []).append(position)
    literal = " ".join(
        f"'{token}':{','.join(str(min(p, 16383)) for p in places)}"
        for token, places in positions.items()
    )
    return literal, len(first) + len(second), list(positions)


def term_query(term: str) -> str:
    """Return a tsquery literal matching a term as FTS5 matches it quoted: a phrase when the
    tokenizer splits it ("u.s", "islamic state"), else the one token."""
    parts = tokens(term)
    if not parts:
        return "''"  # matches nothing
    return "(" + " <-> ".join(f"'{part}'" for part in parts) + ")"


def all_of(terms: Iterable[str]) -> str:
    """Return a tsquery literal matching claims holding every term."""
    return " & ".join(term_query(term) for term in terms)


def document_deltas(added: Iterable[list[str]], removed: Iterable[list[str]]) -> Counter[str]:
    """Count how many claims each token gains (distinct tokens of claims added) less those it
    loses (of claims removed or replaced)."""
    delta: Counter[str] = Counter()
    for held in added:
        delta.update(held)
    for held in removed:
        delta.subtract(held)
    return delta
