"""Self-consistency: every article, once ingested, must bear out its own sentences.

Each article of a folder is ingested (beside the seed) the way `verifier ingest` does it;
then its body is checked as a draft, sentence by sentence. A checkable sentence should come
back supported with a citation to its own article; none may come back contradicted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from verifier.engine.service import Engine, check_draft, ingest_article, open_store
from verifier.models import CONTRADICTED, SUPPORTED


@dataclass
class Consistency:
    """What checking each article's own body against the claim base gave."""

    articles: int = 0
    sentences: int = 0
    supported: int = 0  # supported, citing the sentence's own article
    contradicted: list[dict[str, Any]] = field(default_factory=list)
    unverified: list[dict[str, Any]] = field(default_factory=list)

    def report(self) -> dict[str, Any]:
        """The figures as a JSON-ready report."""
        return {
            "set": "self-consistency",
            "kind": "consistency",
            "articles": self.articles,
            "sentences": self.sentences,
            "supported_own_article": self.supported,
            "contradicted": len(self.contradicted),
            "unverified": len(self.unverified),
            "share_supported": self.supported / self.sentences if self.sentences else 0.0,
            "misses": self.contradicted + self.unverified,
        }


def check_articles(folder: Path, engine: Engine | None = None) -> Consistency:
    """Ingest every `*.txt` article of a folder, then check each one's body against them all."""
    engine = engine or Engine(open_store(":memory:"))
    texts = {path.stem: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))}
    for name, text in texts.items():
        ingest_article(text, engine, id=name)
    found = Consistency(articles=len(texts))
    for name, text in texts.items():
        body = text.split("\n", 1)[1] if "\n" in text else text  # the headline is the title
        for sentence in check_draft(body, engine).sentences:
            verdict = sentence.verdict
            if verdict is None:
                continue
            found.sentences += 1
            own = any(c.article.id == name for c in verdict.citations)
            row = {
                "article": name,
                "statement": sentence.text,
                "expected": SUPPORTED,
                "got": verdict.verdict,
                "cited": own,
                "explanation": verdict.explanation,
            }
            if verdict.verdict == CONTRADICTED:
                found.contradicted.append(row)
            elif verdict.verdict == SUPPORTED and own:
                found.supported += 1
            else:
                found.unverified.append(row)
    return found
