"""Which countries a text names, and when a statement moves a claim to another one."""

from __future__ import annotations

import pytest

from verifier.engine.service import Engine, ingest_article, open_store, verify
from verifier.language.places import countries, moved, nationalities
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


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # the adjectives WordNet ties to a country, which no ending of its people gives
        ("Australia beat the German team 48-46.", {"DE"}),
        ("Dutch and Swiss officials met a Thai delegation.", {"NL", "CH", "TH"}),
        # before a title or a name, an adjective says where a person is from (found by review)
        ("French President Emmanuel Macron arrived in Beijing.", set()),
    ],
)
def test_countries_named_by_an_adjective_only(text: str, codes: set[str]) -> None:
    assert nationalities(text) == codes


@pytest.mark.parametrize(
    ("article", "statement"),
    [
        # who acts, named by an adjective, is no place the statement moves the fact from
        (
            "Violence broke out in Israel on Monday. The French foreign ministry called for"
            " restraint.",
            "The French foreign ministry called for restraint over the violence in Israel.",
        ),
        (
            "Macron arrived in China on Wednesday. About 50 French business leaders accompanied"
            " Macron.",
            "About 50 French business leaders accompanied Macron to China.",
        ),
    ],
)
def test_a_nationality_is_no_place_moved_from(article: str, statement: str) -> None:
    engine = Engine(open_store(":memory:", seed=False))
    ingest_article(f"Headline\n\n{article}", engine)
    found = verify(statement, engine)
    assert found.verdict == "supported", found.explanation


def test_a_country_named_by_its_adjective_in_the_claim_is_no_move() -> None:
    engine = Engine(open_store(":memory:", seed=False))
    ingest_article(
        "Gliders win\n\nAustralia's Gliders beat the German women's national team 48-46 in the"
        " final.",
        engine,
    )
    found = verify("The Gliders beat Germany 48-46 in the final.", engine)
    assert found.verdict == "supported", found.explanation


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
