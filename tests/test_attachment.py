"""A figure the claim gives for one thing, repeated by a statement for another thing."""

import pytest

from verifier.engine.attachment import given_for_another
from verifier.engine.figures import compare_quantities
from verifier.language.numbers import extract_quantities

RAIN = (
    "At least 370 millimetres fell in Gwadar on Friday; 208 millimetres in Jiwani, "
    "139 millimetres in Pasni, 63 millimetres in Turbat and 60 in Ormara."
)
LIFE = (
    'Niyazov had declared himself to be "President For Life" in 1999 after his last '
    "elected victory in 1992 and had not selected a successor."
)
MEETINGS = (
    "Chavez met Chinese President Hu Jintao on Thursday, senior leader Wu Bangguo and "
    "Premier Wen Jiabao on Friday."
)
# as the article wrote it: a unit misspelt is still that unit
RAIN_AS_WRITTEN = RAIN.replace("0 millimetres", "0 millimeters").replace(
    " millimetres", " milimeters"
)
STORM = "The storm killed 12 people in Texas and 3 in Oklahoma on Sunday."
SCORERS = "Leading scorers for the Tigers were Sam Doyle with 21 points and Ben Ortiz with 14."


def _given_for(said: str, source: str) -> list[tuple[str, str]]:
    mine, theirs = extract_quantities(said), extract_quantities(source)
    covered, _ = compare_quantities(mine, theirs, 0.1)
    found = given_for_another(said, mine, source, theirs, covered, 0.1)
    return [(a.raw, b.raw) for a, b in found]


@pytest.mark.parametrize(
    ("said", "source", "expected"),
    [
        # one item of a list: the place tells which figure
        ("Turbat recorded 139 millimetres of rain.", RAIN, [("139", "63")]),
        ("Pasni recorded 139 millimetres of rain.", RAIN, []),
        ("Some 63 millimetres of rain fell on Turbat.", RAIN, []),
        ("Turbat recorded 139 millimetres of rain.", RAIN_AS_WRITTEN, [("139", "63")]),
        # two events of one sentence, each with its year
        ("Niyazov declared himself President For Life in 1992.", LIFE, [("1992", "1999")]),
        ("Niyazov declared himself President For Life in 1999.", LIFE, []),
        ("Niyazov's last elected victory came in 1992.", LIFE, []),
        # two counts joined by "and"
        ("Oklahoma lost 12 people.", STORM, [("12", "3")]),
        # a word around both figures tells neither, unless the claim names beside its
        # figure another place than the statement, one it names beside the other figure
        ("Oklahoma lost 12 people in the storm.", STORM, [("12", "3")]),
        ("The storm killed 12 people in Texas.", STORM, []),
        ("The storm killed 12 people on Sunday.", STORM, []),
        # the day each of several meetings was held
        ("Chavez met Chinese President Hu Jintao on Friday.", MEETINGS, [("Friday", "Thursday")]),
        ("Chavez met Premier Wen Jiabao on Friday.", MEETINGS, []),
        # paraphrases whose figures stand among other words (found by review): only a name
        # around both figures tells, and a clause ends where "after" or "having" begins
        (
            "The storm killed 12 people in Texas.",
            "In Texas, 12 people died; in Oklahoma, the storm killed 3.",
            [],
        ),
        (
            "He has led the party since 1992, having joined it in 1985.",
            "He joined the party in 1985 and became its leader in 1992.",
            [],
        ),
        (
            "Prices rose 5 percent in March after falling 2 percent in February.",
            "In February prices fell 2 percent, and in March they rose 5 percent.",
            [],
        ),
        # a possessive just before the next figure is that figure's
        (
            "Labor won fourteen seats in Tasmania to the Liberals' seven.",
            "The party has won 14 seats while the Liberals have won seven, the Greens two.",
            [],
        ),
        # nothing around the claim's figure to tell it by: a range's end
        ("It can mean one year in jail.", "It can be jailed from 3 months to 1 year.", []),
        # nothing around the figure to tell it by: no judgement
        ("The storm killed 12.", STORM, []),
        # a word around both figures, and a name around the claim's own figure that the
        # statement gives to the other: the figure is the other name's
        ("Ben Ortiz led the Tigers with 21 points.", SCORERS, [("21", "14")]),
        ("Sam Doyle led the Tigers with 21 points.", SCORERS, []),
        ("Ben Ortiz scored 14 points for the Tigers.", SCORERS, []),
        # ... but not a name the claim gives twice: one place may lie in the other (review)
        (
            "The storms killed 12 people in Texas.",
            "Texas officials said the storms killed 12 people in Dallas and 3 in rural east Texas.",
            [],
        ),
        # a number written in words is looked for as written
        ("Twelve people died in Oklahoma.", STORM, [("Twelve", "3")]),
        ("Twelve people died in Texas.", STORM, []),
    ],
)
def test_a_figure_is_given_for_what_its_words_say(
    said: str, source: str, expected: list[tuple[str, str]]
) -> None:
    assert _given_for(said, source) == expected


def test_of_several_rival_figures_the_one_given_for_the_same_thing_is_shown() -> None:
    said = "Labor won 14 seats and the Greens took four."
    source = "The party has won 14 seats while the Liberals have won seven, the Greens two."
    mine, theirs = extract_quantities(said), extract_quantities(source)
    _, untold = compare_quantities(mine, theirs, 0.1)
    _, told = compare_quantities(mine, theirs, 0.1, (said, source))
    assert [r.claim_value for r in untold] == ["seven"]  # the first, when nothing tells
    assert [r.claim_value for r in told] == ["two"]
