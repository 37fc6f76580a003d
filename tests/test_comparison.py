"""Comparing quantities: same thing counted, and values that can both be true."""

from __future__ import annotations

import pytest

from verifier.comparison import agree, compatible
from verifier.models import Quantity
from verifier.numbers import extract_quantities


def first(text: str) -> Quantity:
    return extract_quantities(text)[0]


@pytest.mark.parametrize(
    ("said", "source", "agrees"),
    [
        ("about 5,000 troops", "roughly 4,000 troops", False),
        ("about 4,200 troops", "roughly 4,000 troops", True),
        ("more than 3,000 troops", "roughly 4,000 troops", True),
        ("more than 5,000 troops", "roughly 4,000 troops", False),
        ("fewer than half of them", "60 percent", False),
        ("more than half of them", "60 percent", True),
        ("30 percent", "60 percent", False),
        ("60%", "sixty percent", True),
        ("in 2005", "in 2003", False),
        ("in the fifties", "in 1947", False),
        ("in the 1940s", "in 1947", True),
        ("2,000 troops", "4,000 troops", False),
        ("about 150,000 troops", "about 170,000 troops", False),
        ("about 160,000 troops", "about 170,000 troops", True),
        ("nearly 160,000 troops", "about 170,000 troops", True),
    ],
)
def test_agreement(said: str, source: str, agrees: bool) -> None:
    a, b = first(said), first(source)
    assert compatible(a, b)
    assert agree(a, b, tolerance=0.1) is agrees


def test_different_units_are_not_compared() -> None:
    assert not compatible(first("4,000 troops"), first("4,000 dollars"))
    assert not compatible(first("60 percent"), first("in 2003"))
