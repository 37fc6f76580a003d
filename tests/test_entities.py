"""Proper nouns, speakers and claim context: the pure functions behind entity checks."""

from __future__ import annotations

from verifier.entities import claim_context, find_entities, missing_entities, speaker_matches
from verifier.models import Claim


def _claim(text: str, speaker: str | None, attribution: tuple[str, ...] = ()) -> Claim:
    return Claim(
        id="c-1",
        article_id="a-1",
        text=text,
        quote=text,
        start=0,
        end=len(text),
        speaker=speaker,
        attribution=attribution or ((speaker,) if speaker else ()),
    )


def test_proper_nouns_are_found_but_not_openers_months_or_titles() -> None:
    found = find_entities("Some officials said Col. Ryan Dillon left Baghdad in May.")
    assert found == ["ryan", "dillon", "baghdad"]
    assert find_entities("the council met on tuesday.") == []  # no capitals: nothing named


def test_a_claims_context_holds_its_words_its_speakers_and_their_acronyms() -> None:
    claim = _claim("Troops will stay.", "Ryan Dillon", ("Ryan Dillon", "Associated Press"))
    context = claim_context(claim)
    assert {"troops", "ryan", "dillon", "associated", "press", "ap"} <= context


def test_missing_entities_are_the_names_the_context_never_mentions() -> None:
    context = frozenset({"baghdad", "u.s"})
    assert missing_entities(("baghdad", "mosul", "u.s."), context) == ["mosul"]


def test_the_family_name_decides_who_is_speaking() -> None:
    claim = _claim("About 5,000 troops will remain.", "Kevin Joseph Ryan")
    assert speaker_matches("Gen. Ryan", claim)
    assert not speaker_matches("Ryan Dillon", claim)  # another man's family name
    role_only = _claim("Troops will remain.", "an official", ("an official",))
    assert speaker_matches("the official", role_only)
