"""Which countries a text names, and when a statement moves a claim to another one."""

from __future__ import annotations

import pytest

from verifier.engine.service import Engine, verify
from verifier.language.places import countries, moved
from verifier.models import UNVERIFIED


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
