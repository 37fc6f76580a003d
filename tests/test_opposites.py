"""Opposites from WordNet, counted only in the same place of both sentences."""

from __future__ import annotations

import pytest

from verifier.language.lexicon import aligned_opposites, opposite_of
from verifier.language.text import words
from verifier.language.vocabulary import STOPWORDS


@pytest.mark.parametrize(
    ("word", "other", "opposed"),
    [
        ("westerly", "easterly", True),
        ("least", "most", True),
        ("acquitted", "convicted", True),  # base forms: morphy and WordNet's exceptions
        ("less", "more", True),
        ("powerful", "powerless", True),
        ("guilty", "innocent", True),
        ("won", "lost", True),
        ("consistent", "inconsistent", True),
        ("clear", "cloudy", False),  # only in a rare sense of "clear"
        ("said", "denied", False),
        # compounds of opposites, part by part
        ("southeast", "northwest", True),
        ("southeastern", "southwestern", True),
        ("southeast", "east", False),
        ("thereafter", "therefore", False),  # only the compass composes (found by review)
        # a way of doing one of two opposites (a troponym) is opposed to the other
        ("soared", "fell", True),
        ("surged", "fell", True),
        ("waddle", "stay", False),  # "move" has too many ways for each to oppose "stay"
        # only the words WordNet opposes, not every word of their senses: "man" is also a
        # serviceman, opposed to a civilian; "single" a sense of "common" (found by review)
        ("men", "civilians", False),
        ("common", "single", False),
        # a British spelling against an American one (WordNet pairs the -ize forms)
        ("decentralising", "centralized", True),
    ],
)
def test_opposites_in_common_senses(word: str, other: str, opposed: bool) -> None:
    assert opposite_of(word, other) == opposed


@pytest.mark.parametrize(
    ("statement", "claim", "pair"),
    [
        (
            "Strong westerly winds pushed the fire across its lines.",
            "Assisted by strong easterly winds, the fire broke containment lines.",
            ("westerly", "easterly"),
        ),
        (
            "Wal-Mart said Twilight was the least pre-ordered DVD in its history.",
            "Wal-Mart said it was the most pre-ordered DVD in the store's history.",
            ("least", "most"),
        ),
        (
            "Swiss drivers favour less powerful, cleaner vehicles.",
            "Swiss drivers also favour more powerful, polluting vehicles.",
            ("less", "more"),
        ),
        # an irregular participle against a regular one
        (
            "JAL stock has soared over the past few days.",
            "JAL stock has fallen by over ninety percent in the last few days.",
            ("soared", "fallen"),
        ),
        # a present participle against a past one: both verb forms
        (
            "Niyazov was decentralising power across the nation.",
            "Niyazov had centralized power across the nation.",
            ("decentralising", "centralized"),
        ),
        # an irregular form that is no participle here (found by review)
        (
            "The convoy turned left at the border crossing.",
            "The convoy turned right at the border crossing.",
            ("left", "right"),
        ),
        # the word itself elsewhere in the claim: the opposite in its place still counts
        (
            "The epicenter was located 20 kilometers southeast of Borrego Springs.",
            "The epicenter was located 20 kilometers Northwest of Borrego Springs; 23"
            " kilometers Southeast of Anza.",
            ("southeast", "northwest"),
        ),
        # the same events in another order: each word also in its own place (found by review)
        (
            "Shares in Acme rose 5 percent on Monday after falling 3 percent on Friday.",
            "Shares in Acme fell 3 percent on Friday and rose 5 percent on Monday, traders said.",
            None,
        ),
        # elsewhere in a long sentence, or a converse in the passive: no opposition
        (
            "Prices rose in March, the report said.",
            "Prices rose in March after they fell in February, the report said.",
            None,
        ),
        (
            "The 2011 pullout was followed by sectarian violence.",
            "The 2011 withdrawal led to sectarian violence.",
            None,
        ),
        (
            "The Iraqi government declared it had defeated the Islamic State.",
            "The Iraqi government declared victory over the Islamic State.",
            None,
        ),
    ],
    ids=lambda v: str(v)[:30],
)
def test_opposites_in_the_same_place(
    statement: str, claim: str, pair: tuple[str, str] | None
) -> None:
    assert aligned_opposites(words(statement), words(claim), STOPWORDS) == pair


@pytest.mark.parametrize(
    ("word", "common"),
    [
        ("Schoolchildren", True),  # school + children, both common words
        ("Legalising", True),
        ("Providence", False),  # also a city
        ("Turkey", False),  # also a country
        ("Borovik", False),  # unknown: may be a name
    ],
)
def test_wordnet_tells_words_it_writes_in_lower_case_only(word: str, common: bool) -> None:
    from verifier.language.lexicon import is_common_word

    assert is_common_word(word) == common


@pytest.mark.parametrize(
    ("statement", "claim", "pair"),
    [
        # "A before B" is "B after A": the relation words speak of different things
        (
            "Before ruling Turkmenistan, Niyazov spent years serving in the Communist Party.",
            "His rule over Turkmenistan came after years of service in the Communist Party.",
            None,
        ),
        (
            "Estrada spent more than five years under house arrest before his conviction.",
            "After six years of luxurious house arrest, Joseph Estrada was convicted.",
            None,
        ),
        # of the same thing, an opposition
        (
            "The earthquake struck just before the Wikimania convention in Taipei.",
            "The quake struck just after the Wikimedia Foundation held its Wikimania convention.",
            ("before", "after"),
        ),
        (
            "The vote came before the debate.",
            "The vote came after the debate.",
            ("before", "after"),
        ),
    ],
    ids=lambda v: str(v)[:30],
)
def test_a_relation_and_its_converse(
    statement: str, claim: str, pair: tuple[str, str] | None
) -> None:
    from verifier.engine.extract import claim_from_fields
    from verifier.engine.matching import prepare_statement
    from verifier.engine.opposites import antonym_flip

    assert antonym_flip(prepare_statement(statement), claim_from_fields({"text": claim})) == pair


@pytest.mark.parametrize(
    ("statement", "claim", "pair"),
    [
        # a directive lifted against one issued, ordered or extended (WordNet has "lift" as
        # "revoke", with no opposite): three stories' orders, warnings and evacuations
        (
            "The evacuation order was extended at about 7:00 P.M.",
            "The evacuation order was lifted about 7:00 P.M.",
            ("extended", "lifted"),
        ),
        (
            "Officials have lifted evacuation orders for homes near Los Angeles.",
            "Officials have ordered a mandatory evacuation of thousands of homes near Los Angeles.",
            ("lifted", "ordered"),
        ),
        (
            "The hurricane center lifted its tropical storm warning for the Gulf coast.",
            "The hurricane center has issued a tropical storm warning for the Gulf coast.",
            ("lifted", "issued"),
        ),
        # lifting or issuing something else is no such opposition
        ("Rescuers lifted the car off the driver.", "Rescuers issued a statement.", None),
        (
            "The ministry issued a statement on the storm.",
            "The ministry lifted the ban on fishing.",
            None,
        ),
    ],
    ids=lambda v: str(v)[:30],
)
def test_a_directive_lifted_against_one_imposed(
    statement: str, claim: str, pair: tuple[str, str] | None
) -> None:
    from verifier.engine.extract import claim_from_fields
    from verifier.engine.matching import prepare_statement
    from verifier.engine.opposites import antonym_flip

    assert antonym_flip(prepare_statement(statement), claim_from_fields({"text": claim})) == pair


@pytest.mark.parametrize(
    ("statement", "claim", "pair"),
    [
        # WordNet opposes no verb to "double": a hand pair (hand_pairs.ANTONYMS)
        (
            "Officials are investigating why the number of cases halved on Saturday.",
            "Officials are investigating why the number of cases doubled on Saturday.",
            ("halved", "doubled"),
        ),
        (
            "Sales of the car doubled in the second year.",
            "Sales of the car halved in the second year.",
            ("doubled", "halved"),
        ),
        ("Police are treating it as a double murder.", "The murder rate halved last year.", None),
    ],
    ids=lambda v: str(v)[:30],
)
def test_doubled_against_halved(statement: str, claim: str, pair: tuple[str, str] | None) -> None:
    from verifier.engine.extract import claim_from_fields
    from verifier.engine.matching import prepare_statement
    from verifier.engine.opposites import antonym_flip

    assert antonym_flip(prepare_statement(statement), claim_from_fields({"text": claim})) == pair
