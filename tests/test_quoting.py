"""A source's words get one pair of quotation marks, never two."""

from __future__ import annotations

import pytest

from verifier.language.quoting import quoted

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
