"""Proper nouns, speakers and claim context: the pure functions behind entity checks."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.conftest import verdict_in
from verifier.language.article_words import article_words
from verifier.language.entities import (
    capitals_as_places,
    claim_context,
    find_entities,
    missing_entities,
    speaker_matches,
)
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
    assert find_entities("Up to 4,000 troops will remain.") == []
    assert find_entities("Any coalition presence will be coordinated.") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Thirteen-year-old Evan won.", ["evan"]),  # an age names no one
        ("The US-backed warlords fled.", ["u.s."]),  # the name inside "US-backed"
        ("Kurdish-led forces advanced.", ["kurdish"]),
        ("The Blu-ray edition sold well.", ["blu-ray"]),  # a name written with a hyphen
        ("Al-Qaeda denied it.", ["al-qaeda"]),
    ],
)
def test_a_hyphenated_word_names_what_its_capitalized_part_names(
    text: str, names: list[str]
) -> None:
    assert find_entities(text) == names


def test_a_name_inside_a_hyphenated_word_of_the_claim_is_mentioned() -> None:
    claim = _claim("The US-based Center for Global Development wrote it.", None, ())
    assert missing_entities(("u.s.", "center"), claim_context(claim)) == []


def test_a_route_between_two_places_is_mentioned_when_both_are() -> None:
    # "the Beirut-Addis Ababa service" (an en dash, folded to "-") of "scheduled to fly from
    # Beirut, Lebanon, to Addis Ababa, Ethiopia": the dash joins two names the claim gives apart
    context = frozenset({"beirut", "addis", "ababa", "lebanon"})
    assert missing_entities(("beirut-addis", "ababa"), context) == []
    assert missing_entities(("beirut-cairo",), context) == ["beirut-cairo"]


def test_a_name_is_mentioned_with_or_without_its_hyphen_and_by_its_places_other_names() -> None:
    # "40 km east-northeast of Kaohsiung" of "east, northeast of Kao-hsiung, Taiwan"
    assert missing_entities(("kaohsiung",), frozenset({"kao-hsiung", "taiwan"})) == []
    # "the Soviet Communist Party" of "the Communist Party of the USSR": WordNet's names of
    # the place the adjective pertains to
    assert missing_entities(("soviet",), frozenset({"communist", "party", "ussr"})) == []
    assert missing_entities(("soviet",), frozenset({"communist", "party", "china"})) == ["soviet"]
    # the people of a place (WordNet's member holonyms), and its adjective: "the average
    # Spaniard" of "the average Spanish citizen", "France's Bochet" of "Frenchwoman Bochet"
    assert missing_entities(("spaniard",), frozenset({"average", "spanish", "citizen"})) == []
    assert missing_entities(("france",), frozenset({"frenchwoman", "bochet"})) == []
    assert missing_entities(("spaniard",), frozenset({"average", "french", "citizen"})) != []


@pytest.mark.parametrize(
    ("name", "context", "mentioned"),
    [
        ("minister", {"prime", "minster", "thatcher"}, True),  # a source's typo
        ("hussein", {"saddam", "hussain"}, True),  # a name spelt two ways
        ("colombia", {"columbia", "bogota"}, False),  # places are never read as misspelt
        ("iceland", {"ireland", "dublin"}, False),
        ("hollande", {"holland", "paris"}, False),  # a letter more at the end: another name
        ("johnston", {"johnson", "said"}, True),  # one letter off a long name: one name
        ("gambia", {"zambia", "lusaka"}, False),  # short names one letter apart: two places
        ("iraq", {"iran", "tehran"}, False),
        ("slovakia", {"slovenia", "ljubljana"}, False),  # two letters off
        ("mumbai", {"mumbia"}, False),  # shorter than the length a typo is read at
    ],
)
def test_a_long_name_one_letter_off_a_word_of_the_context_is_that_name_misspelt(
    name: str, context: set[str], mentioned: bool
) -> None:
    assert missing_entities((name,), frozenset(context)) == ([] if mentioned else [name])


def test_a_claims_context_holds_its_words_its_speakers_and_their_acronyms() -> None:
    claim = _claim("Troops will stay.", "Ryan Dillon", ("Ryan Dillon", "Associated Press"))
    context = claim_context(claim)
    assert {"troops", "ryan", "dillon", "associated", "press", "ap"} <= context


def test_missing_entities_are_the_names_the_context_never_mentions() -> None:
    context = frozenset({"baghdad", "u.s"})
    assert missing_entities(("baghdad", "mosul", "u.s."), context) == ["mosul"]
    assert missing_entities(("iraqi", "syrian"), frozenset({"iraq", "syria"})) == []
    near = frozenset({"nigeria", "india", "there", "port", "john"})  # starts, not the same
    assert missing_entities(("niger", "indiana", "theresa", "portugal", "johnson"), near) == [
        "niger",
        "indiana",
        "theresa",
        "portugal",
        "johnson",
    ]


def test_a_capital_standing_for_its_government_is_mentioned_by_its_country() -> None:
    context = frozenset({"u.s.", "iraqi", "troops"})
    assert missing_entities(("washington", "baghdad"), context) == []
    assert missing_entities(("moscow", "kabul"), context) == ["moscow", "kabul"]


def test_a_capital_named_as_a_place_is_the_city_not_its_country() -> None:
    context = frozenset({"iraq", "u.s"})
    said = capitals_as_places("Baghdad said the move is no drawdown.")
    assert missing_entities(("baghdad",), context, said) == []
    said_where = capitals_as_places("Ryan reported the story from Baghdad.")
    assert missing_entities(("baghdad",), context, said_where) == ["baghdad"]
    assert missing_entities(("baghdad",), context | {"baghdad"}, said_where) == []
    to_its_government = capitals_as_places("Glynn pledged continued support to Baghdad.")
    assert missing_entities(("baghdad",), context, to_its_government) == []


def test_a_claim_is_read_with_its_paragraph_and_the_sentences_beside_it() -> None:
    text = (
        "The Dwellingup fire broke containment lines. Spot fires were contained. This fire "
        "has burnt 11,000 hectares.\n\nTroops left Iraq in 2011. They returned in 2014.\n\n"
        "Aid kept flowing. Elsewhere, Afghanistan received 4,000 troops."
    )
    article = article_words("Drawdown", text, " ".join(set(text.lower().split())))
    quote = "They returned in 2014."
    claim = replace(
        _claim(quote, None), start=text.index(quote), end=text.index(quote) + len(quote)
    )
    around = article.around(claim)
    assert {"iraq", "aid", "drawdown"} <= around  # the sentences before and after, the title
    assert "afghanistan" not in around  # two sentences away, in another paragraph
    fire = "This fire has burnt 11,000 hectares."
    burnt = replace(_claim(fire, None), start=text.index(fire), end=text.index(fire) + len(fire))
    assert "dwellingup" in article.around(burnt)  # two sentences before, in its paragraph
    elsewhere = replace(claim, start=0, end=len(quote))  # its quote is not at its span
    assert article.around(elsewhere) == article.everything


def test_a_thing_called_back_by_its_common_noun_keeps_its_name() -> None:
    text = (
        "BP shut down the Prudhoe Bay oil field on Sunday.\n\nTraders were surprised.\n\n"
        "The oil field began shutdown procedures.\n\n"  # names nothing: the naming stands
        "Oil prices rose.\n\nBP officials do not know how long the field will stay offline."
        "\n\nThe company did not comment."
    )
    article = article_words("Oil prices rise", text, " ".join(set(text.lower().split())))
    quote = "BP officials do not know how long the field will stay offline."
    claim = replace(
        _claim(quote, None), start=text.index(quote), end=text.index(quote) + len(quote)
    )
    assert {"prudhoe", "bay"} <= article.around(claim)  # "the field": the Prudhoe Bay field
    end = len(text)
    assert article.called_back("The company did not comment.", end) == frozenset()  # unnamed
    # the nearest naming before the quote only (found by review)
    two = "Output at the Kuparuk River field is normal.\n\n" + text
    later = article_words("Oil", two, " ".join(set(two.lower().split())))
    assert later.called_back(quote, two.index(quote)) == {"prudhoe", "bay"}


def test_the_family_name_decides_who_is_speaking() -> None:
    claim = _claim("About 5,000 troops will remain.", "Kevin Joseph Ryan")
    assert speaker_matches("Gen. Ryan", claim)
    assert not speaker_matches("Ryan Dillon", claim)  # another man's family name
    role_only = _claim("Troops will remain.", "an official", ("an official",))
    assert speaker_matches("the official", role_only)
    assert speaker_matches("Officials", claim)  # a group names no one to hold it against
    assert not speaker_matches("Critics", claim)  # but not every group speaks for officials
    coalition = _claim("Continued coalition presence will be conditions-based.", "Ryan Dillon")
    assert speaker_matches("A coalition spokesman", coalition)
    iraqi = _claim("60 percent of U.S. troops will go.", "anonymous Iraqi official")
    assert speaker_matches("An Iraqi official", iraqi)
    assert not speaker_matches("An American official", iraqi)  # "U.S. troops" is not who spoke
    hadithi = _claim("The move does not indicate a drawdown.", "Saad al-Hadithi")
    assert speaker_matches("Iraqi government spokesman Saad al-Hadithi", hadithi)
    assert not speaker_matches("Iraqi officials", claim)


def test_initials_and_given_names_count_as_mentioned() -> None:
    from verifier.language.article_words import article_words
    from verifier.models import Claim

    text = (
        "Storm hits coast\n\nThe Federal Emergency Management Agency sent a team on Tuesday.\n\n"
        "Deputy governor Anya Williams reported damage.\n\nWilliams said roads were closed."
    )
    found = article_words("Storm hits coast", text, "")
    start = text.index("Williams said")
    claim = Claim("c", "a", text[start:], text[start:], start, len(text))
    around = found.around(claim)
    assert {"fema", "anya", "williams"} <= around


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Tall buildings in San Diego swayed.", False),
        ("Running an illegal school can bring a jail term.", False),
        ("Turkey culls thousands of birds.", True),
        ("Nesin plans to fight the case.", True),
        ("Providence will pay $5 million.", True),  # WordNet writes it as a city's name too
        # words WordNet writes in lower case only, whatever the small model tags them
        ("Schoolchildren on a field trip found a fossil.", False),
        ("Legalising same-sex unions is the main theme.", False),
        ("Fighting in Mogadishu died down.", False),
        # a person's title before the name, which the recognizer takes into the name
        ("Backbencher Jelleke Veenendaal won 13 per cent of the vote.", False),
        ("Spokesman Ima Niboro said the talks would go on.", False),
        ("Target said the film sold well.", True),  # the company
        ("Tucker Carlson won 51 per cent of the vote.", True),  # a first name, no title
    ],
)
def test_an_opening_capital_is_a_name_only_when_the_parse_and_wordnet_say_so(
    text: str, named: bool
) -> None:
    from verifier.engine.people import opens_with_a_name

    assert opens_with_a_name(text) == named


def test_the_uk_is_britain_not_the_us() -> None:
    assert find_entities("France, the U.K. and Spain are sponsors.") == [
        "france",
        "britain",
        "spain",
    ]


@pytest.mark.parametrize(
    ("statement", "claim", "swap"),
    [
        (
            "People living east of Amherstburg were asked to keep their windows closed.",
            "People who live east of Boisbriand have been asked to keep their windows closed.",
            ("Amherstburg", "Boisbriand"),
        ),
        (
            "Jo Hovind is incarcerated at the Federal Correctional Institution in Edgefield.",
            "Kent Hovind is currently incarcerated at the Federal Correctional Institution.",
            ("Jo Hovind", "Kent Hovind"),  # each name as its sentence writes it
        ),
        # a name against the claim's names, not its common words
        (
            "A fire weather warning has been issued for the south-east of South Australia.",
            "A fire weather warning has been issued for the south west of Western Australia.",
            ("South Australia", "Western Australia"),
        ),
        (
            "Col. Ryan Dillon, a U.S. Marine Corps spokesman, said so.",
            "Col. Ryan Dillon, a U.S. Army spokesman, said so.",
            ("U.S. Marine Corps", "U.S. Army"),  # an abbreviation keeps its stop
        ),
        # a word capitalized for opening the statement, no name
        (
            "Federal government gives go-ahead to the pulp mill.",
            "The Australian government has announced that the pulp mill will go ahead.",
            None,
        ),
        # the same names in other forms are no swap
        (
            "The WA government offered a reward.",
            "The Western Australian government offered a reward.",
            None,
        ),
        (
            "Japanese women qualified for the London Paralympics.",
            "The Japanese women qualified for the London Paralympic Games.",
            None,
        ),
    ],
    ids=lambda v: str(v)[:28],
)
def test_a_name_in_the_place_of_another(
    statement: str, claim: str, swap: tuple[str, str] | None
) -> None:
    from verifier.engine.extract import claim_from_fields
    from verifier.engine.matching import Match, prepare_statement
    from verifier.engine.people import swapped_name
    from verifier.models import Candidate

    source = claim_from_fields({"text": claim, "article_id": "a"})
    candidate = Candidate(source.id, (), (), lambda: (source, frozenset()))
    assert swapped_name(prepare_statement(statement), Match(candidate, 1.0)) == swap


def test_two_parts_of_one_full_name_are_one_person_and_initials_of_a_names_head() -> None:
    from verifier.engine.extract import claim_from_fields
    from verifier.engine.matching import Match, prepare_statement
    from verifier.engine.people import swapped_name
    from verifier.language.article_words import article_words, initials
    from verifier.models import Candidate

    text = (
        "Chavez in Beijing\n\nChavez met Chinese President Hu Jintao on Thursday.\n\n"
        "Chavez said that Jintao agreed to support the bid."
    )
    article = article_words("Chavez in Beijing", text, "")
    source = claim_from_fields({"text": "Chavez said that Jintao agreed to support the bid."})
    candidate = Candidate(source.id, (), (), lambda: (source, frozenset()))
    statement = prepare_statement("Chavez said that Hu agreed to support the bid.")
    assert swapped_name(statement, Match(candidate, 1.0)) == ("Hu", "Jintao")
    assert swapped_name(statement, Match(candidate, 1.0), lambda: article) is None
    # "UN" is the head of "the United Nations Security Council"
    assert {"unsc", "un"} <= initials("a seat on the United Nations Security Council")
    # and of "United Nations Peacekeepers": a plural of people ends a body's name too
    assert "un" in initials("Haitian police and United Nations Peacekeepers arrived on scene")


def test_what_the_claim_calls_back_by_its_common_noun_is_no_swap() -> None:
    from verifier.engine.matching import Match, prepare_statement
    from verifier.engine.people import swapped_name
    from verifier.language.article_words import article_words
    from verifier.models import Candidate, Claim

    text = (
        "Labor wins\n\nThe Australian Labor Party has claimed victory in Tasmania.\n\n"
        "The party has won 14 seats while the Liberals have won seven."
    )
    start = text.index("The party")
    source = Claim("c", "a", text[start:], text[start:], start, len(text))
    candidate = Candidate(source.id, (), (), lambda: (source, frozenset()))
    statement = prepare_statement("Labor has won 14 seats.")
    assert swapped_name(statement, Match(candidate, 1.0)) == ("Labor", "Liberals")
    article = article_words("Labor wins", text, "")
    assert swapped_name(statement, Match(candidate, 1.0), lambda: article) is None


@pytest.mark.parametrize(
    ("article", "statement", "verdict"),
    [
        # a title-case headline joins no names (found by review)
        (
            "Chelsea Beat Arsenal\n\nChelsea beat Arsenal 2-1 on Sunday. Arsenal manager Arsene"
            " Wenger blamed the referee for the defeat.",
            "Chelsea manager Arsene Wenger blamed the referee for the defeat.",
            "unverified",
        ),
        (
            "Uganda Negotiates Peace Deal\n\nUganda negotiated a peace deal with the rebels.",
            "The UN negotiated a peace deal with the rebels.",
            "unverified",
        ),
    ],
    ids=lambda v: str(v)[:30],
)
def test_headline_words_make_no_names_and_no_initials(
    article: str, statement: str, verdict: str
) -> None:
    assert verdict_in(article, statement) == verdict


VOTE = (
    "Rutte wins party leadership\n\nWednesday, May 31, 2006\n\n"
    "Mark Rutte beat minister Rita Verdonk and backbencher Jelleke Veenendaal in the party "
    "election.\n\nThe party will choose its candidates for parliament next month.\n\n"
    "Members voted mostly by telephone and over the Internet.\n\n"
    "Mark Rutte won 51.5% of the vote. Jelleke Veenendaal obtained 3.0% of the vote."
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("Backbencher Jelleke Veenendaal won 13 per cent of the vote.", "contradicted"),
        ("Backbencher Jelleke Veenendaal won 3 per cent of the vote.", "supported"),
        ("Backbencher Jan Smit won 3 per cent of the vote.", "unverified"),
    ],
)
def test_a_title_opening_a_statement_is_no_name_the_claim_must_give(
    statement: str, verdict: str
) -> None:
    assert verdict_in(VOTE, statement) == verdict
