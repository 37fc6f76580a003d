"""The shipped claim base: the seed byte for byte, every quote verbatim at its span."""

from __future__ import annotations

import hashlib

import pytest

from tests.conftest import SHARED
from verifier.engine.curated import curated, data_root

SEED_SHA256 = "cd929280867014790eb6563278eb1f9693d5f81bbb15d1420c1c29f2c2cebe23"


def test_seed_is_the_shared_article_byte_for_byte() -> None:
    ((article, _),) = list(curated())
    assert hashlib.sha256(article.text.encode("utf-8")).hexdigest() == SEED_SHA256
    shared = SHARED / "seeds" / "000_52eb3ba822823c75.txt"
    if shared.exists():
        assert shared.read_bytes() == article.text.encode("utf-8")


def test_seed_metadata() -> None:
    ((article, _),) = list(curated())
    assert article.title == "As the Islamic State dwindles, US withdraws troops from Iraq"
    assert article.author == "Kevin Joseph Ryan"
    assert article.photo_credit == "Ahmad Al-Rubaye/AFP/Getty Images"


def test_every_quote_is_verbatim_at_its_span() -> None:
    for article, claims in curated():
        assert len(claims) >= 20
        for claim in claims:
            assert article.text[claim.start : claim.end] == claim.quote, claim.id


def test_claim_ids_are_unique() -> None:
    ids = [c.id for _, claims in curated() for c in claims]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("fragment", "value", "kind"),
    [
        ("60 percent", 60, "percent"),
        ("roughly 4,000", 4000, "count"),
        ("2003", 2003, "year"),
        ("170,000", 170_000, "count"),
        ("40,000", 40_000, "count"),
        ("2011", 2011, "year"),
        ("again in 2014", 2014, "year"),
        ("additional 4,000", 4000, "count"),
    ],
)
def test_the_checkable_numbers_are_curated(fragment: str, value: float, kind: str) -> None:
    claims = [c for _, cs in curated() for c in cs if fragment in c.text]
    assert claims, fragment
    assert any(q.value == value and q.kind == kind for c in claims for q in c.quantities)


def test_data_root_has_seeds_and_claims() -> None:
    assert (data_root() / "seeds").is_dir() and (data_root() / "claims").is_dir()
