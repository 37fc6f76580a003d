"""Real articles bear out their own sentences, and labelled statements about them keep a floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from verifier.engine.service import Engine, open_store
from verifier.measure.benchsets import load_articles_set
from verifier.measure.consistency import check_articles
from verifier.measure.evaluate import evaluate_verdicts

DATA = Path(__file__).parent / "data"
ARTICLES = DATA / "articles"  # 108 Wikinews articles, CC BY 2.5 (SOURCES.md)


def test_every_article_bears_out_its_own_sentences() -> None:
    found = check_articles(ARTICLES)
    assert found.articles >= 50
    assert found.contradicted == [], found.contradicted
    assert found.supported / found.sentences >= 0.99, found.unverified


@pytest.mark.parametrize(
    ("name", "floor"),
    # Written blind by helpers who never saw the code; first scores (before any tuning on
    # them) were 0.711 (set P), 0.653 (set Q), 0.700 (set S), 0.714 (set T), 0.714 (set U),
    # 0.743 (set V), 0.600 (set W), 0.645 (set X), 0.680 (set Z) and 0.712 (set AA); later
    # 0.714 (set AY), 0.643 (set BA), 0.768 (set BC) and 0.768 (set BD).
    # Development sets from then on.
    [
        ("set_p", 0.84),
        ("set_q", 0.82),
        ("set_s", 0.90),
        ("set_t", 0.80),
        ("set_u", 0.76),
        ("set_v", 0.74),
        ("set_w", 0.65),
        ("set_x", 0.75),
        ("set_z", 0.73),
        ("set_aa", 0.72),
        ("set_ay", 0.80),
        ("set_ba", 0.75),
        ("set_bc", 0.78),
        ("set_bd", 0.75),
    ],
)
def test_labelled_statements_about_real_articles(name: str, floor: float) -> None:
    data = load_articles_set(DATA / "statements" / f"{name}.jsonl", ARTICLES, name)
    report = evaluate_verdicts(data, Engine(open_store(":memory:")))
    assert report["accuracy"] >= floor, report["misses"]
