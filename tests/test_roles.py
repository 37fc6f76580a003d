"""One event told from its two sides: "Canada won" and "Australia lost to Canada"."""

from __future__ import annotations

import pytest

from verifier.language.roles import told_from_the_other_side


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
