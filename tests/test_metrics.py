"""The metric code on small hand-made cases, worked out by hand."""

from __future__ import annotations

import pytest

from verifier.measure import metrics


@pytest.mark.parametrize(
    ("ranked", "relevant", "k", "expected"),
    [
        (["a", "b", "c"], {"a"}, 5, 1.0),
        (["b", "a", "c"], {"a"}, 5, 0.5),
        (["b", "c", "a"], {"a"}, 5, 1 / 3),
        (["b", "c", "d", "e", "f", "a"], {"a"}, 5, 0.0),
        (["a", "x", "b"], {"a", "b"}, 5, (1 + 2 / 3) / 2),
        (["x", "a"], {"a"}, 1, 0.0),
        ([], {"a"}, 5, 0.0),
        (["a"], set(), 5, 0.0),
    ],
    ids=["first", "second", "third", "past-k", "two-relevant", "map@1-miss", "empty", "no-gold"],
)
def test_average_precision(ranked: list[str], relevant: set[str], k: int, expected: float) -> None:
    assert metrics.average_precision_at(ranked, relevant, k) == pytest.approx(expected)


def test_map_and_recall() -> None:
    rankings = [["a", "b"], ["x", "y", "c"]]
    gold = [{"a"}, {"c", "d"}]
    assert metrics.mean_average_precision(rankings, gold, 5) == pytest.approx((1 + (1 / 3) / 2) / 2)
    assert metrics.recall_at(rankings, gold, 5) == pytest.approx((1 + 0.5) / 2)
    assert metrics.recall_at(rankings, gold, 1) == pytest.approx(0.5)


def test_accuracy_and_f1() -> None:
    expected = ["s", "s", "c", "u"]
    predicted = ["s", "c", "c", "s"]
    assert metrics.accuracy(predicted, expected) == 0.5
    f1 = metrics.f1_per_class(predicted, expected, ["s", "c", "u"])
    assert f1["s"] == pytest.approx(2 * 1 / (2 * 1 + 1 + 1))
    assert f1["c"] == pytest.approx(2 * 1 / (2 * 1 + 1 + 0))
    assert f1["u"] == 0.0
    assert metrics.macro_f1(predicted, expected, ["s", "c", "u"]) == pytest.approx(
        (0.5 + 2 / 3 + 0) / 3
    )
