"""Which countries a text names, and when a statement moves a claim to another one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import verdict_in
from verifier.engine.service import Engine, verify
from verifier.language.places import countries, moved
from verifier.models import UNVERIFIED

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Glynn pledged support for Iraq's security forces.", {"IQ"}),
        ("Iraqi forces and Syrian rebels met.", {"IQ", "SY"}),  # a people for its country
        ("The United States and the United Kingdom sent troops.", {"US", "GB"}),
        ("American troops left; British troops stayed.", {"US", "GB"}),
        ("Saudi Arabia and Iran talked.", {"SA", "IR"}),
        ("Jordan Peterson and Chad Smith spoke.", set()),  # names as often people's
        ("The Islamic State keeps a cellular structure.", set()),
        ("troops in iraq", set()),  # only what is written as a name
    ],
)
def test_countries_by_name_and_by_people(text: str, codes: set[str]) -> None:
    assert countries(text) == codes


def test_a_statement_moves_a_claim_only_when_each_names_a_country_the_other_does_not() -> None:
    assert moved(frozenset({"IQ"}), frozenset({"AF"})) == (["Iraq"], ["Afghanistan"])
    assert moved(frozenset({"US", "IQ"}), frozenset({"US"})) is None  # says more, moves nothing
    assert moved(frozenset({"GB", "AF"}), frozenset({"AF"})) is None  # left to the entity check
    assert moved(frozenset(), frozenset({"AF"})) is None
    assert moved(frozenset({"US"}), frozenset({"IQ"})) is None  # "U.S. Marine Corps Gen. ..."
    assert moved(frozenset({"IQ"}), frozenset({"US"})) is None


@pytest.mark.parametrize(
    ("statement", "source"),
    [
        # Iraq is in the title and Afghanistan beside the claim: no entity check catches these
        (
            "Trump's new strategy for Iraq includes sending an additional 4,000 troops.",
            "Afghanistan",
        ),
        ("Glynn pledged continued support for Afghanistan's security forces.", "Iraq"),
    ],
)
def test_a_fact_moved_to_another_country_is_unverified(
    statement: str, source: str, engine: Engine
) -> None:
    found = verify(statement, engine)
    assert found.verdict == UNVERIFIED, found.explanation
    assert [(r.code, r.claim_value) for r in found.reasons] == [("other_place", source)]


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        # the claim names only the other side ("They took Japan out of the game ... and
        # finished the first quarter ahead 10-6") in a paragraph on China's team; its score
        # tells the passage from the closer "The third quarter ended 35-23"
        ("China led 10-6 at the end of the first quarter.", "supported"),
        ("China led 12-6 at the end of the first quarter.", "contradicted"),
        ("China led 10-6 at the end of the third quarter.", "contradicted"),
        # a country the paragraph never names is another story
        ("Canada led 10-6 at the end of the first quarter.", "unverified"),
    ],
)
def test_a_country_the_claims_paragraph_names_is_not_moved(statement: str, verdict: str) -> None:
    article = (DATA / "articles" / "q04-china-japan-wheelchair-basketball.txt").read_text()
    assert verdict_in(article, statement) == verdict
