from __future__ import annotations

import pytest

from verifier.engine.curated import curated
from verifier.engine.extract import extract_claims, find_speaker
from verifier.language.denials import is_negated


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Glynn said coalition capabilities would shift.", "Glynn"),
        ("\u201cIt is our intent,\u201d Dillon said.", "Dillon"),
        ("\u201cIT IS OUR INTENT,\u201d DILLON SAID.", "Dillon"),
        ("\u201cIt is our intent,\u201d said Dillon.", "Dillon"),
        ("Col. Ryan Dillon pledged continued support.", "Ryan Dillon"),
        ("Saad al-Hadithi said U.S. troops had a change of mission.", "Saad al-Hadithi"),
        ("60% will go, an Iraqi official estimated.", "Iraqi official"),
        ("The drawdown is the first, according to the Pentagon.", "Pentagon"),
        ("According to Col. Ryan Dillon, IS keeps a cellular structure.", "Ryan Dillon"),
        ("The U.S. said it has begun to withdraw troops.", "U.S."),
        ("Roughly 4,000 U.S. troops will remain in Iraq.", None),
        ("The United States first intervened in Iraq in 2003.", None),
        ("Col. Ryan Dillon is a U.S. Army spokesman.", None),
        ("The article says the war ended in 2011.", None),
        ("He said the plane exploded.", None),
    ],
)
def test_find_speaker(text: str, speaker: str | None) -> None:
    assert find_speaker(text) == speaker


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("The U.S. is not withdrawing troops.", True),
        ("The U.S. isn't withdrawing troops.", True),
        ("Glynn didn't pledge support.", True),
        ("He never said that.", True),
        ("No troops will remain.", True),
        ("The move does not indicate a drawdown.", True),
        ("The U.S. has begun to withdraw troops.", False),
        ("Not only troops but contractors left.", False),
        ("Nothing happened.", True),
        ("Notably, troops left.", False),
        ("Glynn refused to pledge support.", True),
        ("The spokesman denied they had injured anyone.", True),  # a clause of its own
        ("The border guards denied them entry.", False),  # a thing refused, not a denial
        # "ruled out" is left alone: "not ruled out", "ruled out of the match" (found by review)
        ("Police have not ruled out foul play.", True),
        ("Beckham was ruled out of the match.", False),
        ("The council declined to approve the plan.", True),
        ("Talks failed to produce a deal.", True),
        ("Exports declined by 5 percent.", False),
        ("The failure to act cost lives.", False),
        ("The Pentagon declined to comment, but Glynn said troops would leave.", False),
        ("Exports declined to 5 percent of output.", False),
        ("They bathe not in river water but in effluent.", False),  # sets an alternative aside
        ("They did not bathe in the river, but stayed home.", True),
        ("Officials who declined to be named said so.", False),
        ("An Iraqi official who was not named gave the estimate.", False),  # anonymous
        ("An official who was not named said troops would not stay.", True),
        ("He was not named as the new commander.", True),
        ("Trump was not named in the indictment.", True),
        ("The ship was not named after him.", True),
        ("The estimate came from an official who was not named in the AP report.", False),
        ("Al-Hadithi said the battle was still far from over.", True),
        ("The convoy stopped not far from the city.", True),  # "not", not "far from"
        ("The convoy stopped far from the city.", False),
        ("Capabilities in Iraq are unlikely to shift.", True),
        ("Courts fail to act.", True),
        ("The United States has yet to begin withdrawing troops.", True),
        ("Marjorie Gross is yet to write for television.", True),
        ("The worst is yet to come.", False),
        ("The move was decided without coordination with Baghdad.", True),
        ("Dillon denied that the troops would leave.", True),
        ("The court denied access to reporters.", False),
        # a denial in a trailing concessive clause is not the sentence's
        ("Troops will relocate in the coming month, though he did not say where.", False),
        (
            "Troops will relocate \u201cin the coming month,\u201d though he did not say where.",
            False,
        ),
        ("Troops will not relocate, although he said they might.", True),
        ("Though he did not say where, troops will relocate.", True),
        ("The U.S., though it announced a drawdown, has not begun to withdraw.", True),
        ("Iraq declared victory, though the U.S. has not begun to withdraw troops.", True),
        # a number's name, no denial (found by review)
        ("A spokesman for No 10 said the housing plan would go ahead.", False),
        ("No. 5 seed Rafael Nadal won in straight sets.", False),
        ("No 10 said the plan would not go ahead.", True),
    ],
)
def test_negation(text: str, negated: bool) -> None:
    assert is_negated(text) is negated


def test_extracting_the_seed_finds_its_speakers_and_numbers() -> None:
    ((article, _),) = list(curated())
    claims = extract_claims(article)
    by_start = {c.quote[:30]: c for c in claims}
    official = next(c for c in claims if "60 percent" in c.quote)
    assert {q.value for q in official.quantities} >= {60.0, 4000.0}
    dillon = next(c for c in claims if c.quote.startswith("\u201cIt is our intent"))
    assert (dillon.speaker, dillon.speaker_role) == ("Ryan Dillon", "U.S. Army spokesman Col.")
    trump = next(c for c in claims if "hasty withdrawal" in c.quote)
    assert trump.speaker == "Donald Trump"  # "President Donald Trump introduced ... He warned"
    hadithi = next(c for c in claims if c.quote.startswith("Iraqi government spokesman"))
    assert hadithi.speaker == "Saad al-Hadithi" and hadithi.negated
    assert next(c for c in claims if "began in 2003" in c.quote).speaker == article.author
    for claim in claims:
        assert article.text[claim.start : claim.end] == claim.quote
    assert len(by_start) >= 18
