"""One event told from its two sides: "Canada won" and "Australia lost to Canada"."""

from __future__ import annotations

import pytest

from tests.conftest import verdict_in
from verifier.language.parse import without_place_line
from verifier.language.roles import reversed_roles, swapped_titles, told_from_the_other_side


@pytest.mark.parametrize(
    ("said", "word", "source", "other", "converse"),
    [
        ("Japan beat China 60-50.", "beat", "China lost to Japan 50-60.", "lost", True),
        ("Labour lost the vote to the Greens.", "lost", "The Greens won the vote.", "won", True),
        (
            "Canada handed the Gliders their first defeat, winning 57-50.",
            "winning",
            "Australia lost Sunday night to Canada 50-57.",
            "lost",
            True,
        ),
        # the same side: a contradiction
        ("The Greens lost the vote.", "lost", "The Greens won the vote.", "won", False),
        (
            "China lost the opening tip off.",
            "lost",
            "China dominated the game, starting with the opening tip off which they won.",
            "won",
            False,
        ),
        # a passive's doer is its agent: "supported by the Government" is the Government's act
        (
            "The Government and the Health Ministry oppose GayFest.",
            "oppose",
            "GayFest is organised by ACCEPT and supported by the Government and the Ministry of"
            " Health.",
            "supported",
            False,
        ),
    ],
    ids=lambda v: str(v)[:24],
)
def test_one_event_told_from_its_two_sides(
    said: str, word: str, source: str, other: str, converse: bool
) -> None:
    assert told_from_the_other_side(said, word, source, other) == converse


@pytest.mark.parametrize(
    ("statement", "setting"),
    [
        ('"We face a storm," the National Weather Service said in Miami.', {"miami"}),
        (
            "Dillon told reporters at a news conference in Baghdad that troops would stay.",
            {"baghdad"},
        ),
        ("The minister said the talks in Geneva failed.", set()),  # where the fact happened
    ],
)
def test_where_a_report_was_made_is_no_part_of_its_fact(statement: str, setting: set[str]) -> None:
    from verifier.engine.extract import statement_speaker

    speaker = statement_speaker(statement)
    assert speaker is not None
    assert setting <= set(speaker.setting)
    assert "geneva" not in speaker.setting


def test_a_quote_credited_to_another_where_it_was_said_is_judged_by_its_speaker() -> None:
    from verifier.engine.service import Engine, ingest_article, open_store, verify

    engine = Engine(open_store(":memory:", seed=False))
    ingest_article(
        "Storm nears Florida\n\nGovernor Jeb Bush urged residents to take the storm seriously."
        ' "We\'re talking about powerful forces of nature," Bush said.\n\nThe National Hurricane'
        " Center has issued a tropical storm warning for the Gulf coast.",
        engine,
    )
    verdict = verify(
        '"We\'re talking about powerful forces of nature," the National Hurricane Center said'
        " in Miami.",
        engine,
    )
    assert verdict.verdict == "contradicted", verdict.explanation
    assert "Bush" in verdict.explanation


@pytest.mark.parametrize(
    ("speaker", "verdict"),
    [
        ("BP", "contradicted"),  # named by the article, in another role
        ("OPEC", "unverified"),  # never named by it
    ],
)
def test_a_quote_credited_to_a_body_known_by_its_initials(speaker: str, verdict: str) -> None:
    from verifier.engine.service import Engine, ingest_article, open_store, verify

    engine = Engine(open_store(":memory:", seed=False))
    ingest_article(
        "Oil prices rise after Alaskan field shuts down\n\nBP Exploration Alaska, the company"
        " running the field, has said that oil production will be reduced by 400,000 barrels"
        " per day.\n\nCrude for September delivery rose by $1.23 to US$75.99 a barrel in"
        " early Asian trading.\n\nThe shutdown followed the discovery of corrosion in a"
        " transit line.\n\nAnalysts expect prices to stay high through the summer."
        '\n\n"The Middle East violence is a threat to the oil supply, but Alaska is a'
        ' real disruption," said Victor Shum, an energy analyst.',
        engine,
    )
    said = verify(
        f'{speaker} said that "the Middle East violence is a threat to the oil supply, but'
        ' Alaska is a real disruption".',
        engine,
    )
    assert said.verdict == verdict, said.explanation


GAME = "Norway beat the Czech Republic 2-1 in a shootout in the opening game on Saturday."


@pytest.mark.parametrize(
    ("statement", "source", "swap"),
    [
        ("The Czech Republic beat Norway in a shootout.", GAME, ("czech republic", "norway")),
        ("Norway beat the Czech Republic in a shootout.", GAME, None),
        # the passive's agent is the doer
        ("Norway was beaten by the Czech Republic.", GAME, ("czech republic", "norway")),
        ("The Czech Republic was beaten by Norway.", GAME, None),
        # one verb in other words: the same side of a pair ("beat", "defeat")
        ("Wynne defeated Tory.", "Tory beat Wynne in the riding.", ("wynne", "tory")),
        # another team, or no second name, is no reversal
        ("Canada beat Norway.", GAME, None),
        ("The Czech Republic beat the odds.", GAME, None),
        # found by review: a reciprocal verb, both directions in the source, a possessor
        ("Barack Obama met Vladimir Putin.", "Vladimir Putin met Barack Obama in Moscow.", None),
        ("Italy played Spain in the final.", "Spain played Italy in the final.", None),
        ("Apple sued Samsung.", "Samsung sued Apple after Apple sued Samsung.", None),
        ("Smith beat Jones's record.", "Jones beat Smith in the final.", None),
        # "A lost to B" is "B beat A"; against the passive "A was defeated by B"
        (
            "Kathleen Wynne lost to John Tory.",
            "John Tory was defeated by Kathleen Wynne.",
            ("john tory", "kathleen wynne"),
        ),
        ("John Tory lost to Kathleen Wynne.", "John Tory was defeated by Kathleen Wynne.", None),
    ],
)
def test_who_did_it_to_whom_the_other_way_round(
    statement: str, source: str, swap: tuple[str, str] | None
) -> None:
    assert reversed_roles(statement, source) == swap


ELECTION = (
    "Norway wins sledge hockey opener\n\nSaturday, March 8, 2014\n\n"
    "Norway beat the Czech Republic 2-1 in a shootout in the opening game of the tournament."
    " Kathleen Wynne defeated John Tory in Don Valley West."
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("The Czech Republic beat Norway in a shootout in the opening game.", "contradicted"),
        ("Norway was beaten by the Czech Republic in the opening game.", "contradicted"),
        # "lose" against "beat" or "defeat": the same event from its other side, or reversed
        ("The Czech Republic lost to Norway in a shootout in the opening game.", "supported"),
        ("Norway lost to the Czech Republic in a shootout in the opening game.", "contradicted"),
        ("John Tory lost to Kathleen Wynne in Don Valley West.", "supported"),
        ("Kathleen Wynne lost to John Tory in Don Valley West.", "contradicted"),
        ("John Tory defeated Kathleen Wynne in Don Valley West.", "contradicted"),
    ],
)
def test_a_contest_told_the_other_way_round_is_contradicted(statement: str, verdict: str) -> None:
    assert verdict_in(ELECTION, statement) == verdict


@pytest.mark.parametrize(
    ("source", "statement"),
    [
        # found by review: a defeat with no side named is a loss, whatever the word
        (
            "The Labour Party lost the general election, winning only 209 seats.",
            "The Labour Party suffered a heavy defeat in the general election.",
        ),
        ("John McCain lost the 2008 presidential election.", "John McCain was defeated in 2008."),
        ("Rafael Nadal lost in the fourth round.", "Rafael Nadal was beaten in the fourth round."),
        # a reversal of a denial denies nothing more
        (
            "Spain did not beat Italy in the group stage; the two drew 0-0.",
            "Italy did not beat Spain in the group stage.",
        ),
    ],
)
def test_no_reversal_where_no_side_is_beaten(source: str, statement: str) -> None:
    assert verdict_in(f"Results\n\nMonday, March 3, 2008\n\n{source}", statement) == "supported"


@pytest.mark.parametrize(
    ("statement", "source", "swap"),
    [
        (
            "Commander John Phillips and flight engineer Sergei Krikalev began the spacewalk.",
            "Commander Sergei Krikalev and flight engineer John Phillips began a planned"
            " six-hour spacewalk earlier today.",
            ("Commander John Phillips", "flight engineer John Phillips"),
        ),
        (
            "Prime Minister George Bush met President Tony Blair.",
            "Prime Minister Tony Blair met President George Bush in Washington.",
            ("Prime Minister George Bush", "President George Bush"),
        ),
        # the same titles, the same people: no swap
        (
            "Prime Minister Tony Blair met President George Bush.",
            "President George Bush met Prime Minister Tony Blair in Washington.",
            None,
        ),
        # a form of address, or a title given one way only, is no swap (found by review)
        (
            "Dr John Smith and Professor Jane Doe led the study.",
            "Professor John Smith and Dr Jane Doe led the study, published in Nature.",
            None,
        ),
        (
            "Senator John McCain and Senator Lindsey Graham visited Baghdad on Monday.",
            "Senator John McCain and fellow Republican Lindsey Graham visited Baghdad on Monday.",
            None,
        ),
        # a title the source gives no one else is another detail, not a swap
        (
            "Senator John Phillips met Commander Sergei Krikalev.",
            "Commander Sergei Krikalev and flight engineer John Phillips met on Monday.",
            None,
        ),
    ],
)
def test_a_title_given_to_another_of_the_sources_people(
    statement: str, source: str, swap: tuple[str, str] | None
) -> None:
    assert swapped_titles(statement, source) == swap


def test_a_title_swapped_between_two_people_is_contradicted() -> None:
    from verifier.engine.service import Engine, ingest_article, open_store, verify

    engine = Engine(open_store(":memory:", seed=False))
    ingest_article(
        "ISS crew begin spacewalk\n\nCommander Sergei Krikalev and flight engineer John Phillips"
        " began a planned six-hour spacewalk earlier today.",
        engine,
    )
    swapped = verify(
        "Commander John Phillips and flight engineer Sergei Krikalev began the spacewalk.", engine
    )
    assert swapped.verdict == "contradicted", swapped.explanation
    assert "flight engineer John Phillips" in swapped.explanation
    right = verify("Flight engineer John Phillips began the spacewalk.", engine)
    assert right.verdict == "supported", right.explanation


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Homebush Bay, New South Wales \u2014 In the final, the Rollers won.", "In the final,"),
        ("WASHINGTON (AP) \u2014 The Senate voted.", "The Senate voted."),
        ("London, England -- The Gliders won.", "The Gliders won."),
        ("Paris, France (Reuters) \u2014 Police said.", "Police said."),
        # no place line: a name and an aside, no comma nor agency
        ("Obama \u2014 who was tired \u2014 said no.", "Obama \u2014"),
        ("NASA \u2014 the agency \u2014 said so.", "NASA \u2014"),
        ("Smith, the mayor \u2014 said no.", "Smith, the mayor"),
    ],
)
def test_a_wire_place_line_is_no_part_of_the_parse(text: str, kept: str) -> None:
    blanked = without_place_line(text)
    assert len(blanked) == len(text)  # offsets hold
    assert blanked.lstrip().startswith(kept)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("The Dragons lost to Scotland in the cup final.", "contradicted"),
        ("The Dragons beat Scotland in the cup final.", "supported"),
        ("Scotland lost to the Dragons in the cup final.", "supported"),
    ],
)
def test_the_side_that_won_is_read_past_the_place_line(statement: str, verdict: str) -> None:
    article = (
        "Dragons win cup\n\nCardiff, Wales \u2014 In yesterday's men's cup final at the"
        " National Stadium, the Welsh Dragons beat the Scotland national team 21\u201314."
    )
    assert verdict_in(article, statement) == verdict
