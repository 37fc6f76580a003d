"""The shipped seed article and its reviewed claims, read from package data."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from verifier.models import Article, Claim, claim_from_record


def data_root() -> Path:
    """Return the folder holding `seeds/` and `claims/`: packaged, or the source checkout."""
    packaged = Path(__file__).parents[1] / "data"
    if (packaged / "claims").is_dir():
        return packaged
    return Path(__file__).parents[2]


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
