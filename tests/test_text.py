from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verifier.language.sentences import split_sentences
from verifier.language.text import content_stems, normalize, stem, words


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. Army left. Then it rained.", ["The U.S. Army left.", "Then it rained."]),
        ("Troops left the U.S. The war ended.", ["Troops left the U.S.", "The war ended."]),
        ("Col. Ryan Dillon spoke. He left.", ["Col. Ryan Dillon spoke.", "He left."]),
        (
            "U.S. Army 1st Lt. William John Raymond added that.",
            ["U.S. Army 1st Lt. William John Raymond added that."],
        ),
        ("Brig. Gen. James Glynn told reporters.", ["Brig. Gen. James Glynn told reporters."]),
        (
            "It happened on Aug. 27, 2017. Then more.",
            ["It happened on Aug. 27, 2017.", "Then more."],
        ),
        (
            "\u201cWe will go,\u201d Dillon said. \u201cWe will stay.\u201d",
            ["\u201cWe will go,\u201d Dillon said.", "\u201cWe will stay.\u201d"],
        ),
        (
            "He said \u201cIt ended.\u201d Next sentence.",
            ["He said \u201cIt ended.\u201d", "Next sentence."],
        ),
        ("First line\n\nSecond line", ["First line", "Second line"]),
        ("The Iraqi-U.S. War in 2007 ended.", ["The Iraqi-U.S. War in 2007 ended."]),
        ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
        (
            "leaving roughly\u00a04,000 troops. Next.",
            ["leaving roughly\u00a04,000 troops.", "Next."],
        ),
        ("", []),
        ("   \n  ", []),
    ],
    ids=[
        "us-army",
        "us-at-end",
        "col",
        "1st-lt",
        "brig-gen",
        "aug-27",
        "quotes",
        "quote-end",
        "paragraphs",
        "hyphen-us",
        "question",
        "nbsp",
        "empty",
        "blank",
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_slice_back_to_the_text() -> None:
    text = "One sentence here.  Another one\u00a0follows! And a third?"
    for start, end in split_sentences(text):
        assert text[start:end].strip() == text[start:end]
        assert text[start:end]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\u201cSmart\u201d quotes\u2019", '"smart" quotes\''),
        ("non\u00a0breaking\u202fspace", "non breaking space"),
        ("  Mixed   CASE\n\ttext ", "mixed case text"),
        ("en\u2013dash em\u2014dash", "en-dash em-dash"),
    ],
    ids=["quotes", "nbsp", "space-case", "dashes"],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("withdrawing", "withdraw"),
        ("intervened", "intervention"),
        ("troops", "soldiers"),
        ("4,000 troops", "4,000 service members"),
        ("the intervention began in 2003", "the involvement dates back to 2003"),
        ("combat operations largely ended", "combat operations largely wind down"),
        ("the photo in the article", "the photograph in the story"),
        ("the battle against Daesh", "the fight against Daesh"),
        ("forces leaving the theater", "forces moving out the theater"),
        ("American", "U.S."),
        ("Iraq's", "Iraq"),
        ("Noël Coward", "Noel Coward"),
        ("Zürich", "Zurich"),
        ("began", "begin"),
        ("withdrew", "withdrawn"),
        ("rose", "rising"),
        ("started", "begun"),
        ("stayed", "remains"),
        ("pulling troops out", "withdrawing troops"),
        ("pulled back", "withdrew"),
        ("operations have wrapped up", "operations have ended"),
        ("where the troops are headed", "where the troops are going"),
        ("would probably change", "would likely shift"),
        ("in the coming month", "in the next month"),
        ("an extra 4,000", "an additional 4,000"),
        ("the drawdown", "the reduction"),
        # British and American spellings, paired by WordNet (lexicon "spellings")
        ("both declined to present a defence", "both declined to present a defense"),
        ("the boxes will be analysed in France", "the boxes will be analyzed in France"),
        ("the city centre", "the city center"),
        ("a programme of 15 litres", "a program of 15 liters"),
        ("the colour of the flag", "the color of the flag"),
        ("they travelled to Kabul", "they traveled to Kabul"),
        ("the labour organisation", "the labor organization"),
    ],
)
def test_variants_share_a_stem(a: str, b: str) -> None:
    assert [stem(w) for w in words(a)] == [stem(w) for w in words(b)]


def test_a_verb_form_that_is_also_a_noun_is_not_folded() -> None:
    assert content_stems("booster shot") == content_stems("booster shots")


def test_pull_is_withdraw_only_with_out_or_back() -> None:
    assert words("they pulled the trigger") == ["they", "pulled", "the", "trigger"]
    assert words("she wrapped the gift") == ["she", "wrapped", "the", "gift"]


def test_the_noun_move_carried_out_is_no_leaving() -> None:
    assert words("The move was carried out in 2011.")[:2] == ["the", "move"]
    assert words("forces moving out of the theater")[:2] == ["forces", "leaving"]


def test_a_contraction_is_no_content_word() -> None:
    assert content_stems("Raymond didn't say where") == content_stems("Raymond did not say where")


def test_united_states_folds_to_us() -> None:
    assert content_stems("The United States left") == content_stems("The U.S. left")


def test_content_stems_drop_numbers_and_stopwords() -> None:
    assert content_stems("About 4,000 of the troops will remain") == ["troop", "remain"]


@pytest.mark.parametrize(
    ("a", "b"),
    # synonyms WordNet lists in one synset, a letter or two apart, but not one word spelled
    # two ways
    [("track", "trail"), ("burst", "bust"), ("mantel", "mantle"), ("puff", "pull")],
)
def test_near_spellings_of_other_words_keep_their_stems(a: str, b: str) -> None:
    assert stem(a) != stem(b)
