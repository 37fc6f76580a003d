"""`verifier eval`: run a benchmark through the API's own code path in a temporary store."""

from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from verifier.engine.bulk import import_claims
from verifier.engine.extract import claim_from_fields
from verifier.engine.semantic import Embedder
from verifier.engine.service import Engine, ingest_article, open_store, search, verify
from verifier.engine.verdict import Thresholds
from verifier.language.denials import is_negated
from verifier.measure import metrics
from verifier.measure.benchsets import RetrievalSet, VerdictSet
from verifier.models import CONTRADICTED, SUPPORTED, UNVERIFIED

T = TypeVar("T")
Progress = Callable[[Iterable[T], str, int], Iterable[T]]
CLASSES = (SUPPORTED, CONTRADICTED, UNVERIFIED)
_DIGIT = re.compile(r"\d")


def _plain(items: Iterable[T], label: str, length: int) -> Iterable[T]:
    return items


def evaluate_retrieval(
    data: RetrievalSet,
    k: int = 5,
    progress: Progress[Any] = _plain,
    thresholds: Thresholds | None = None,
    embedder: Embedder | None = None,
) -> dict[str, Any]:
    """Import the claim pool through the bulk path, rank it for each query, and score."""
    with tempfile.TemporaryDirectory(prefix="verifier-eval-") as folder:
        store = open_store(str(Path(folder) / "eval.db"), seed=False)
        engine = Engine(store, thresholds or Thresholds(), embedder=embedder)
        started = time.perf_counter()
        for _ in progress(
            import_claims(_claim_records(data), engine, batch_size=5000), "importing claims", 0
        ):
            pass
        import_seconds = time.perf_counter() - started
        rankings, gold = [], []
        started = time.perf_counter()
        for qid, text in progress(data.queries, "ranking", len(data.queries)):
            _, matches = search(text, engine)
            rankings.append([m.candidate.claim_id for m in matches[:k]])
            gold.append(data.qrels[qid])
        query_seconds = time.perf_counter() - started
        engine.store.close()
    return {
        "set": data.name,
        "kind": "retrieval",
        "semantic": embedder is not None,
        "claims": len(data.claims),
        "queries": len(rankings),
        "map@1": metrics.mean_average_precision(rankings, gold, 1),
        "map@5": metrics.mean_average_precision(rankings, gold, 5),
        "recall@5": metrics.recall_at(rankings, gold, 5),
        "queries_per_second": len(rankings) / query_seconds if query_seconds else 0.0,
        "import_seconds": import_seconds,
        "claims_per_second": len(data.claims) / import_seconds if import_seconds else 0.0,
    }


def _claim_records(data: RetrievalSet) -> Iterable[dict[str, Any]]:
    for claim in data.claims:
        yield {
            "id": claim["id"],
            "text": claim["text"] or claim.get("title") or claim["id"],
            "title": claim.get("title"),
            "speaker": claim.get("speaker"),
            "article_id": data.name,
        }


def evaluate_verdicts(
    data: VerdictSet,
    engine: Engine | None = None,
    progress: Progress[Any] = _plain,
    thresholds: Thresholds | None = None,
) -> dict[str, Any]:
    """Verify each statement (against its own evidence sentence, when the set has one)."""
    own_store = engine is None
    engine = engine or Engine(open_store(":memory:", seed=False), thresholds or Thresholds())
    for name, text in data.documents.items():
        ingest_article(text, engine, id=name)
    predicted, cited, misses = [], [], []
    started = time.perf_counter()
    for index, (statement, evidence, expected) in enumerate(
        progress(data.pairs, "verifying", len(data.pairs))
    ):
        if evidence is not None:
            claim = claim_from_fields({"id": "evidence", "text": evidence, "article_id": "eval"})
            engine.store.save_claims([claim])
        verdict = verify(statement, engine)
        if evidence is not None:
            engine.store.delete_claim("evidence")
        predicted.append(verdict.verdict)
        cite = data.cites[index] if data.cites else None
        article = data.articles[index] if data.articles else None
        hit = not cite or any(
            cite in c.quote and article in (None, c.article.id) for c in verdict.citations
        )
        cited.append(hit)
        if verdict.verdict != expected or not hit:
            misses.append(
                {
                    "statement": statement,
                    "expected": expected,
                    "got": verdict.verdict,
                    "cite": cite,
                    "cited": hit,
                    "explanation": verdict.explanation,
                }
            )
    seconds = time.perf_counter() - started
    if own_store:
        engine.store.close()
    return _verdict_report(data, predicted, cited, misses, seconds)


def _verdict_report(
    data: VerdictSet,
    predicted: list[str],
    cited: list[bool],
    misses: list[dict[str, Any]],
    seconds: float,
) -> dict[str, Any]:
    expected = [label for _, _, label in data.pairs]
    classes = [c for c in CLASSES if c in expected]
    two_way = UNVERIFIED not in expected
    # A two-way set has no "unverified": not supported by its evidence counts as refuted.
    scored = [_scored(p, two_way) for p in predicted]
    report: dict[str, Any] = {
        "set": data.name,
        "kind": "verdict",
        "pairs": len(expected),
        "accuracy": metrics.accuracy(scored, expected),
        "macro_f1": metrics.macro_f1(scored, expected, classes),
        "f1": metrics.f1_per_class(scored, expected, classes),
        "per_second": len(expected) / seconds if seconds else 0.0,
    }
    for name, test in (("numbers", _DIGIT.search), ("negation", is_negated)):
        rows = [i for i, (s, _, _) in enumerate(data.pairs) if test(s)]
        report[f"slice_{name}"] = {
            "pairs": len(rows),
            "accuracy": metrics.accuracy([scored[i] for i in rows], [expected[i] for i in rows]),
        }
    wrong = [m for m in misses if not m["cited"] or _scored(m["got"], two_way) != m["expected"]]
    if data.cites:
        citable = [i for i, c in enumerate(data.cites) if c]
        report["citation_accuracy"] = sum(cited[i] for i in citable) / max(1, len(citable))
        report["misses"] = wrong
    else:
        report["misses"] = wrong[:20]
    return report


def _scored(verdict: str, two_way: bool) -> str:
    return CONTRADICTED if two_way and verdict == UNVERIFIED else verdict


def format_report(report: dict[str, Any]) -> str:
    """Render a report as a small table for people."""
    lines = [f"{report['set']} ({report['kind']})"]
    for key, value in report.items():
        if key in ("set", "kind", "misses"):
            continue
        if isinstance(value, dict):
            inner = ", ".join(f"{k} {_number(v)}" for k, v in value.items())
            lines.append(f"  {key:<20} {inner}")
        else:
            lines.append(f"  {key:<20} {_number(value)}")
    for miss in report.get("misses", []):
        lines.append(
            f"  miss: expected {miss['expected']}, got {miss['got']}"
            f"{'' if miss['cited'] else ' (citation missing)'}: {miss['statement']}"
        )
    return "\n".join(lines)


def _number(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)
