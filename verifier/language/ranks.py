"""Numbers that rank or qualify rather than count: "the third time", "tied for 14th", "the top
five", and number words joined to what they count ("a three-day strike")."""

from __future__ import annotations

from verifier.language.counted import dimension_unit
from verifier.language.measures import MEASURE_UNITS
from verifier.language.number_tokens import Tokens
from verifier.language.number_words import FRACTIONS, ORDINALS, SMALL
from verifier.models import Quantity


def word_rank(tokens: Tokens, i: int, all_caps: bool) -> Quantity | None:
    """Read "the first since 2014", "a second time" as a rank: a determiner before it, a word
    after it, in lower case ("at first", "first reported", "wait a second.", "the First
    Amendment" rank nothing)."""
    raw = tokens.raw[i]
    previous = tokens.low[i - 1] if i else ""
    following = tokens.raw[i + 1] if i + 1 < len(tokens.raw) else ""
    if (
        not (previous in _DETERMINERS or previous.endswith("'s"))
        or not following.rstrip(".,;:!?").isalpha()
    ):  # a word after it, which may end the sentence ("the first quarter.")
        return None
    if raw[:1].isupper() and not all_caps and i > 1:
        return None
    rank = ORDINALS.get(tokens.low[i])  # "a second." ends its sentence: no rank
    return Quantity(float(rank), "ordinal", raw=raw) if rank is not None else None


def word_compound(low: str, raw: str) -> Quantity | None:
    """Read "a three-day strike", "a two-tiered Internet" as "a 3-day strike" is read: a
    count of what the rest names ("two-year-old" counts nothing named; "one-off" is a word)."""
    head, _, rest = low.partition("-")
    value = SMALL.get(head)
    if value is not None and (unit := dimension_unit(rest)) is not None:
        return Quantity(float(value), "count", unit, None, raw)  # "a nine-meter-long section"
    if value is None or value < 2 or not rest.isalpha() or rest in SMALL or rest in FRACTIONS:
        return None
    if rest in ORDINALS:  # "twenty-fifth": a rank, read elsewhere
        return None
    return Quantity(float(value), "count", rest, None, raw)


def top_ranks(tokens: Tokens, i: int, first_raw: str, unit: str | None) -> bool:
    """ "the top five", "among top 10 sellers": ranks; not the verb ("losses could top $1
    billion", "expected to top 50,000"), nor money or a measure."""
    before_top = tokens.low[i - 2] if i > 1 else ""
    counted = first_raw.startswith("$") or first_raw.endswith("%") or unit in MEASURE_UNITS
    return not counted and before_top not in _BEFORE_A_VERB


# Words a verb follows ("to top", "could top"): an infinitive's "to" and the modal verbs.
_BEFORE_A_VERB = frozenset("to will would could can may might must should shall".split())


def digit_rank(tokens: Tokens, i: int) -> Quantity | None:
    """Read "finished 14th", "the 80th annual bee" as a rank; not "the 3rd Infantry"."""
    following = tokens.raw[i + 1] if i + 1 < len(tokens.raw) else ""
    if following[:1].isupper():
        return None
    digits = tokens.low[i][:-2].replace(",", "")
    if len(digits) > 15:  # a run of digits no rank is written with
        return None
    return Quantity(float(digits), "ordinal", raw=tokens.raw[i])


_DETERMINERS = frozenset("the a an its his her their our my your this that each".split())
