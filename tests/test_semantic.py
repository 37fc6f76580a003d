"""The optional sentence embeddings (skipped when the [semantic] extra is not installed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TIED_CLAIMS, seed_dev_rows, tied_engine
from verifier.engine.semantic import cosine_scores, load_embedder
from verifier.engine.service import Engine, open_store, verify

embedder = load_embedder(True)
pytestmark = pytest.mark.skipif(embedder is None, reason="the [semantic] extra is not installed")


def test_a_paraphrase_is_closer_than_an_unrelated_sentence() -> None:
    assert embedder is not None
    query, near, far = embedder.embed(
        [
            "The U.S. is pulling troops out of Iraq.",
            "The U.S. has begun to withdraw troops from Iraq.",
            "Oil prices fell 5 percent on Monday.",
        ]
    )
    scores = cosine_scores(query, {"near": near, "far": far})
    assert scores["near"] > scores["far"] + 0.2
    assert 0.99 < cosine_scores(near, {"self": near})["self"] <= 1.0001


def test_semantic_ranking_keeps_the_seed_verdicts(tmp_path: Path) -> None:
    rows = seed_dev_rows()
    lexical = Engine(open_store(str(tmp_path / "lexical.db")))
    store = open_store(str(tmp_path / "semantic.db"))
    semantic = Engine(store, embedder=embedder)
    from verifier.engine.service import embed_claims

    embed_claims(list(store.iter_claims()), semantic)
    for row in rows:
        assert (
            verify(row["statement"], semantic).verdict == verify(row["statement"], lexical).verdict
        )


@pytest.mark.parametrize("negated_first", [True, False])
def test_with_embeddings_the_claim_worded_like_the_statement_decides_a_tie(
    tmp_path: Path, negated_first: bool
) -> None:
    from verifier.engine.service import _verify, search
    from verifier.engine.verdict import decide

    engine = tied_engine(tmp_path / "tie.db", negated_first, embedder)
    for text in TIED_CLAIMS:
        verdict = _verify(text, engine)
        assert verdict.verdict == "supported", verdict.explanation
        assert verdict.citations[0].quote == text
        features, matches = search(text, engine)  # the order search() gives
        close = [m for m in matches if m.score >= engine.thresholds.match]
        articles = engine.store.article_refs(m.claim.article_id for m in close)
        assert decide(features, matches, engine.thresholds, articles) == verdict


def test_eval_scores_with_the_embeddings_the_service_would_use(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import json

    from click.testing import CliRunner

    from verifier.cli import main

    monkeypatch.setenv("VERIFIER_SEMANTIC", "auto")
    result = CliRunner().invoke(main, ["eval", "articles-dev", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output[result.output.index("{") :])
    assert report["semantic"] is True
    assert report["accuracy"] >= 0.9 and report["citation_accuracy"] >= 0.9
