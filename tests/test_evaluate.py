"""`verifier eval` on hand-made sets and on seed_dev, through the same path as the API."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tests.conftest import SHARED, seed_dev_rows
from verifier.cli import main
from verifier.measure.benchsets import RetrievalSet, VerdictSet
from verifier.measure.evaluate import evaluate_retrieval, evaluate_verdicts


def test_retrieval_on_a_tiny_set() -> None:
    claims = [
        {"id": "c1", "text": "The mayor said the new bridge cost $40 million.", "title": "Bridge"},
        {"id": "c2", "text": "Unemployment fell to 3.5 percent in 2019.", "title": "Jobs"},
        {"id": "c3", "text": "The city planted 10,000 trees last year.", "title": "Trees"},
    ]
    queries = [
        ("q1", "Did the new bridge really cost 40 million dollars? #mayor"),
        ("q2", "unemployment is down to 3.5% https://t.co/x"),
        ("q3", "Nothing about any of this at all, zebras"),
    ]
    data = RetrievalSet("tiny", claims, queries, {"q1": {"c1"}, "q2": {"c2"}, "q3": {"c3"}})
    report = evaluate_retrieval(data)
    assert report["queries"] == 3 and report["claims"] == 3
    assert report["map@5"] == report["map@1"] == report["recall@5"] == 2 / 3


def test_verdicts_against_their_evidence() -> None:
    pairs = [
        (
            "Roughly 4,000 troops will remain.",
            "Roughly 4,000 troops will remain in the base.",
            "supported",
        ),
        (
            "About 9,000 troops will remain.",
            "Roughly 4,000 troops will remain in the base.",
            "contradicted",
        ),
        (
            "The zoo bought three pandas.",
            "Roughly 4,000 troops will remain in the base.",
            "contradicted",
        ),
    ]
    report = evaluate_verdicts(VerdictSet("tiny", pairs))
    # Two-way sets count "unverified" as not supported, i.e. refuted.
    assert report["accuracy"] == 1.0
    assert report["slice_numbers"] == {"pairs": 2, "accuracy": 1.0}


def test_eval_command_on_seed_dev() -> None:
    rows = seed_dev_rows()
    result = CliRunner().invoke(
        main, ["eval", "seed-dev", "--json", "--data", str(SHARED / "bench")]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output[result.output.index("{") :])
    assert report["pairs"] == len(rows)
    assert report["accuracy"] >= 0.95 and report["citation_accuracy"] >= 0.90


def test_eval_command_names_a_missing_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, ["eval", "politifact", "--data", str(tmp_path)])
    assert result.exit_code != 0


def test_eval_command_scores_the_lexical_path_when_semantic_is_off(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("VERIFIER_SEMANTIC", "off")
    result = CliRunner().invoke(main, ["eval", "seed-dev", "--json", "--limit", "3"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output[result.output.index("{") :])
    assert report["semantic"] is False and report["pairs"] == 3
