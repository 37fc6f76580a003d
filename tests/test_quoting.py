"""A source's words get one pair of quotation marks, never two."""

from __future__ import annotations

import pytest

from verifier.language.quoting import quoted, quoted_passages

CASES = [
    ("Troops will leave.", "\u201cTroops will leave.\u201d"),
    ("\u201cThis is a message,\u201d he said.", "\u201cThis is a message,\u201d he said."),
    ('"This bridge is unsafe," Okafor said.', '"This bridge is unsafe," Okafor said.'),
    ("\u2018Soon,\u2019 she said.", "\u2018Soon,\u2019 she said."),
    ("\u00abNon,\u00bb dit-il.", "\u00abNon,\u00bb dit-il."),
    ("He said \u201cno\u201d twice.", "\u201cHe said \u201cno\u201d twice.\u201d"),
]


@pytest.mark.parametrize(("text", "shown"), CASES, ids=[c[0][:20] for c in CASES])
def test_quoted_never_doubles_the_marks(text: str, shown: str) -> None:
    assert quoted(text) == shown


@pytest.mark.parametrize(
    ("text", "passages"),
    [
        ('Mitchel said it was "almost inconceivable" that anyone would.', ["almost inconceivable"]),
        ("He called it \u201cdisappointing\u201d.", []),  # one word in quotation marks
        (
            '"We will stay," he said, and "not one day less."',
            ["We will stay,", "not one day less."],
        ),
        ('An unclosed "quotation runs on', []),
    ],
)
def test_quoted_passages(text: str, passages: list[str]) -> None:
    assert quoted_passages(text) == passages


def test_quoted_words_are_matched_as_words() -> None:
    from verifier.engine.matching import _same_quotes

    assert _same_quotes(("the war",), "He said the war is over.") == 1.0
    assert _same_quotes(("the war",), "Breathe warm air.") == 0.0  # not inside other words
