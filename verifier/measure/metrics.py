"""Evaluation metrics as pure functions: MAP@k, recall@k, accuracy, F1 and latency percentiles."""

from __future__ import annotations

import math
from collections.abc import Sequence, Set
from typing import Any


def average_precision_at(ranked: Sequence[str], relevant: Set[str], k: int) -> float:
    """Return AP@k of one ranking: precision at each relevant hit, over min(|relevant|, k)."""
    if not relevant:
        return 0.0
    hits, total = 0, 0.0
    for position, item in enumerate(ranked[:k], 1):
        if item in relevant:
            hits += 1
            total += hits / position
    return total / min(len(relevant), k)


def mean_average_precision(
    rankings: Sequence[Sequence[str]], gold: Sequence[Set[str]], k: int
) -> float:
    """Return MAP@k over queries (each ranking paired with its relevant set)."""
    if not rankings:
        return 0.0
    scores = [average_precision_at(r, g, k) for r, g in zip(rankings, gold, strict=True)]
    return sum(scores) / len(scores)


def recall_at(rankings: Sequence[Sequence[str]], gold: Sequence[Set[str]], k: int) -> float:
    """Return the mean share of each query's relevant items found in its top k."""
    if not rankings:
        return 0.0
    found = [len(set(r[:k]) & g) / len(g) for r, g in zip(rankings, gold, strict=True) if g]
    return sum(found) / len(found) if found else 0.0


def accuracy(predicted: Sequence[str], expected: Sequence[str]) -> float:
    """Return the share of predictions equal to their label."""
    if not expected:
        return 0.0
    return sum(p == e for p, e in zip(predicted, expected, strict=True)) / len(expected)


def f1_per_class(
    predicted: Sequence[str], expected: Sequence[str], classes: Sequence[str]
) -> dict[str, float]:
    """Return F1 of each class (0.0 where a class is never predicted nor expected)."""
    scores = {}
    for cls in classes:
        tp = sum(p == cls and e == cls for p, e in zip(predicted, expected, strict=True))
        fp = sum(p == cls and e != cls for p, e in zip(predicted, expected, strict=True))
        fn = sum(p != cls and e == cls for p, e in zip(predicted, expected, strict=True))
        scores[cls] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return scores


def macro_f1(predicted: Sequence[str], expected: Sequence[str], classes: Sequence[str]) -> float:
    """Return the unweighted mean of the per-class F1 scores."""
    per_class = f1_per_class(predicted, expected, classes)
    return sum(per_class.values()) / len(per_class) if per_class else 0.0


def percentiles(seconds: list[float]) -> dict[str, Any]:
    """Summarise latencies given in seconds as nearest-rank percentiles in milliseconds."""
    ordered = sorted(seconds)
    if not ordered:
        return {"n": 0}
    at = {p: ordered[max(0, math.ceil(p * len(ordered)) - 1)] for p in (0.5, 0.95, 0.99)}
    mean = sum(ordered) / len(ordered)
    return {"n": len(ordered), "mean_ms": round(mean * 1000, 3)} | {
        f"p{round(p * 100)}_ms": round(v * 1000, 3) for p, v in at.items()
    }
