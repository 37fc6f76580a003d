"""A claim naming the same people and places may still not state what a statement says."""

from pathlib import Path

import pytest

from tests.conftest import verdict_in
from verifier.engine.service import Engine, ingest_article, open_store, verify
from verifier.models import CONTRADICTED, SUPPORTED, UNVERIFIED

DATA = Path(__file__).parent / "data"

ARTICLE = "\n\n".join(
    [
        "Reward offered for Perth arsonist",
        "Monday, February 5, 2007",
        "In the aftermath of the bush fires around Perth the Western Australian government"
        " has offered a $A200,000 reward for information on the arsonist.",
        "The Bucharest GayFest is supported by the Romanian Government and the Ministry of Health.",
    ]
)


@pytest.fixture(scope="module")
def engine() -> Engine:
    engine = Engine(open_store(":memory:", seed=False))
    ingest_article(ARTICLE, engine, id="perth")
    return engine


@pytest.mark.parametrize(
    ("statement", "verdict", "code"),
    [
        # the names are the claim's, the relation is nowhere in it
        ("Perth is the capital of Western Australia.", UNVERIFIED, "unstated"),
        ("The Romanian Government is headquartered in Bucharest.", UNVERIFIED, "unstated"),
        # the claim's own relation, in other words
        (
            "The Western Australian government offered a reward after the fires around Perth.",
            SUPPORTED,
            None,
        ),
        # an event in other words is a paraphrase (found by review)
        ("The Romanian Government backs the Bucharest GayFest.", SUPPORTED, None),
        # an opposite is a contradiction, not a fact left unstated
        ("The Romanian Government opposes the Bucharest GayFest.", CONTRADICTED, None),
    ],
)
def test_a_relation_the_claim_never_states(
    statement: str, verdict: str, code: str | None, engine: Engine
) -> None:
    found = verify(statement, engine)
    assert found.verdict == verdict, found.explanation
    if code:
        assert [r.code for r in found.reasons] == [code]


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("The Exclusive Brethren church has fewer than 3,000 members in New Zealand.", "supported"),
        ("About 2,000 members of the Exclusive Brethren live in New Zealand.", "supported"),
        (
            "The Exclusive Brethren church has more than 10,000 members in New Zealand.",
            "contradicted",
        ),
    ],
    ids=lambda v: str(v)[:28],
)
def test_a_figure_the_closest_claim_omits_is_found_in_another_claim_on_the_topic(
    statement: str, verdict: str
) -> None:
    # the closest sentence (Brash and the Brethren's brochures) gives no figure; another
    # sentence on the topic gives "approximately 2000 members in New Zealand"
    article = (DATA / "articles" / "aa05-brash-brethren-contacts.txt").read_text()
    assert verdict_in(article, statement) == verdict


def test_a_figure_further_down_given_for_another_thing_vouches_for_nothing() -> None:
    # the closest sentence gives no number; the one further down gives 16 for the rescued
    article = (
        "Floods hit Grantham\n\nMonday, January 10, 2011\n\n"
        "The flood in Grantham killed several people on Monday, police said. "
        "Rescue crews said 16 people were rescued from rooftops after the flood in Grantham."
    )
    assert verdict_in(article, "The flood in Grantham killed 16 people.") == "unverified"
