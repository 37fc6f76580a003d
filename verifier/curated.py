"""The shipped seed article and its reviewed claims, read from package data."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from verifier.models import Article, Claim, Quantity


def data_root() -> Path:
    """Return the folder holding `seeds/` and `claims/`: packaged, or the source checkout."""
    packaged = Path(__file__).parent / "data"
    if (packaged / "claims").is_dir():
        return packaged
    return Path(__file__).parent.parent


def claim_from_record(record: dict[str, Any]) -> Claim:
    """Build a claim from its JSON record."""
    return Claim(
        id=record["id"],
        article_id=record["article_id"],
        text=record["text"],
        quote=record["quote"],
        start=record["start"],
        end=record["end"],
        speaker=record.get("speaker"),
        speaker_role=record.get("speaker_role"),
        attribution=tuple(record.get("attribution") or ()),
        quantities=tuple(Quantity(**q) for q in record.get("quantities") or ()),
        negated=bool(record.get("negated", False)),
        title=record.get("title"),
    )


def load_article(meta_path: Path) -> Article:
    """Read a seed article and its metadata sidecar."""
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    text = (meta_path.parent / meta["file"]).read_text(encoding="utf-8")
    fields = ("author", "url", "published", "publisher", "photo_credit")
    return Article(
        id=meta["id"], title=meta["title"], text=text, **{f: meta.get(f) for f in fields}
    )


def curated() -> Iterator[tuple[Article, list[Claim]]]:
    """Yield every shipped article with its reviewed claims."""
    root = data_root()
    articles = {a.id: a for a in map(load_article, sorted((root / "seeds").glob("*.json")))}
    for path in sorted((root / "claims").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        yield articles[data["article"]], [claim_from_record(r) for r in data["claims"]]
