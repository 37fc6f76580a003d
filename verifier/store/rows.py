"""Claims as stored rows: what is derived from a claim for retrieval, and back again."""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

import orjson

from verifier.language.entities import claim_context
from verifier.language.number_tokens import number_terms
from verifier.language.text import content_stems, stems_of, words
from verifier.models import Claim, Quantity, claim_from_record
from verifier.store.interface import PreparedRows

# The claims table: every column with its type, in row order.
CLAIM_COLUMNS: dict[str, type] = {
    "id": str,
    "article_id": str,
    "text": str,
    "quote": str,
    "start": int,
    "end": int,
    "speaker": str,
    "speaker_role": str,
    "attribution": str,
    "negated": int,
    "quantities": str,
    "stems": str,
    "context": str,
    "topic": str,
    "title": str,
    "extra": str,
}
CLAIM_FIELDS = tuple(CLAIM_COLUMNS)


def _quantity_record(q: Quantity) -> dict[str, Any]:
    return {
        "kind": q.kind,
        "value": q.value,
        "unit": q.unit,
        "qualifier": q.qualifier,
        "raw": q.raw,
        **({"phrase": q.phrase} if q.phrase else {}),
    }


def prepare_rows(claims: Iterable[Claim]) -> PreparedRows:
    """Compute what the store keeps for each claim (stems, context, index terms) as rows.

    A pure function, so bulk imports can run it in worker processes.
    """
    latest = {claim.id: claim for claim in claims}  # an id given twice: the last one wins
    records = map(_claim_record, latest.values())
    return [tuple(record[f] for f in CLAIM_FIELDS) for record in records]


def _claim_record(claim: Claim) -> dict[str, Any]:
    text_words = words(claim.text)
    fact = stems_of(text_words)
    sentence = fact if claim.quote == claim.text else content_stems(claim.quote)
    return {
        "id": claim.id,
        "article_id": claim.article_id,
        "text": claim.text,
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "speaker": claim.speaker,
        "speaker_role": claim.speaker_role,
        "attribution": orjson.dumps(claim.attribution).decode(),
        "negated": int(claim.negated),
        "quantities": _quantities_json(claim.quantities),
        "stems": " ".join(dict.fromkeys(fact)),
        "context": " ".join(sorted(claim_context(claim, text_words))),
        "topic": " ".join(sorted(set(fact) | set(sentence))),
        "title": claim.title,
        "extra": " ".join(
            [*_label_terms(claim.title, claim.speaker), *number_terms(claim.quantities)]
        ),
    }


@lru_cache(maxsize=4096)
def _label_terms(title: str | None, speaker: str | None) -> tuple[str, ...]:
    """Index terms of a claim's title and speaker (shared by many claims, so cached)."""
    return tuple(content_stems(f"{title or ''} {speaker or ''}"))


def _quantities_json(quantities: tuple[Quantity, ...]) -> str:
    """Encode quantities as JSON with orjson (a tenth of json's time).

    An unreadable figure's value, infinity, is written as null (JSON has no infinity; the
    quantities view then shows no value for it) and read back as infinity.
    """
    return orjson.dumps([_quantity_record(q) for q in quantities]).decode()


def _from_json(text: str | None) -> Any:
    """Decode a stored JSON column: orjson, or json for what only it reads ("Infinity",
    written by releases before the quantities view)."""
    try:
        return orjson.loads(text or "[]")
    except orjson.JSONDecodeError:
        return json.loads(text or "[]")


def _quantity_records(text: str | None) -> list[dict[str, Any]]:
    """Decode a stored quantities column, an unreadable figure's null back to infinity."""
    return [
        q if q["value"] is not None else {**q, "value": math.inf}  # see _quantities_json
        for q in _from_json(text)
    ]


def quantities_from_row(record: dict[str, Any]) -> tuple[Quantity, ...]:
    """Decode a stored claim's quantities."""
    return tuple(
        Quantity(**{k: v for k, v in q.items() if k in _QUANTITY_FIELDS})
        for q in _quantity_records(record["quantities"])
    )


# What a stored quantity may hold that this release reads (a later one may store more).
_QUANTITY_FIELDS = frozenset(f.name for f in dataclasses.fields(Quantity))


def claim_from_row(record: dict[str, Any]) -> Claim:
    return claim_from_record(
        {
            **record,
            "attribution": _from_json(record["attribution"]),
            "quantities": _quantity_records(record["quantities"]),
        }
    )


def claim_page_filter(
    query: str | None,
    article_id: str | None,
    after: str | None,
    mark: str,
    matching: tuple[str, Callable[[list[str]], str]],
) -> tuple[str, list[str]] | None:
    """The WHERE clause (and its parameters) of a page of claims by id, as both backends
    write it: of one article, after a cursor, holding every stem of the query. `mark` is the
    backend's placeholder; `matching` its clause for a claim holding every stem, with the
    function that writes its one parameter. None when the query has no words: no claim."""
    where, params = ["1 = 1"], []
    if article_id:
        where.append(f"article_id = {mark}")
        params.append(article_id)
    if after:
        where.append(f"id > {mark}")
        params.append(after)
    if query:
        stems = content_stems(query, drop_numbers=False)
        if not stems:
            return None
        clause, parameter = matching
        where.append(clause)
        params.append(parameter(stems))
    return " AND ".join(where), params


def article_vocabulary(title: str, text: str) -> str:
    """Every word of an article, for the entity checks of its claims (both backends)."""
    return " ".join(sorted(set(words(f"{title} {text}"))))


def id_chunks(ids: list[str], size: int = 500) -> Iterator[tuple[list[str], str]]:
    """Split ids for `IN (...)` lists SQLite accepts: each chunk with its placeholders."""
    for i in range(0, len(ids), size):
        chunk = ids[i : i + size]
        yield chunk, ",".join("?" * len(chunk))
