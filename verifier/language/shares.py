"""Shares written as words: "two-thirds", "a half", "three quarters", and a count out of a
whole ("6 in 10", "three out of four"), read as percentages."""

from __future__ import annotations

from verifier.language.number_tokens import Tokens, parse_number, qualifier, qualifier_span
from verifier.language.number_words import FRACTIONS, SCALES, SMALL
from verifier.models import Quantity

# What "N in M" reads as a share of: small wholes and round ones ("one in five", "9 in 10").
_WHOLES = frozenset({*range(2, 21), 25, 50, 100, 1000})
# After "N in M", what makes it a rate rather than a share.
_RATES = frozenset(
    """second seconds minute minutes hour hours day days week weeks month months year years
    decade decades game games match matches race races season seasons attempt attempts tries
    round rounds""".split()
)


def read_proportion(tokens: Tokens, share: Quantity, j: int) -> tuple[Quantity, int]:
    """Read "6 in 10" or "three out of four" (a count, then its whole) as a percentage.

    Not a rate over time or events ("2 in 4 minutes", "3 in 5 games"), nor a whole with a
    scale ("1 in 10 million": the count stays a count).
    """
    low = tokens.low
    if low[j - 1].endswith("."):  # the count closed its sentence: the whole is not in it
        return share, j
    k = j + 1 if j < len(low) and low[j] == "in" else j + 2
    if k >= len(low) or (k == j + 2 and low[j : j + 2] != ["out", "of"]):
        return share, j
    word = low[k].rstrip(".")
    whole = parse_number(word) if word[:1].isdecimal() else SMALL.get(word)
    then = low[k + 1].rstrip(".") if k + 1 < len(low) else ""
    if whole is None or whole not in _WHOLES or not share.value < whole:
        return share, j
    if then in SCALES or then in _RATES:
        return share, j
    raw = f"{share.raw} {' '.join(tokens.raw[j : k + 1])}".removesuffix(".")
    return Quantity(100 * share.value / whole, "percent", "percent", share.qualifier, raw), k + 1


# Words a fraction may start at: "a third", "one half", "two thirds" (its numerator).
_FRACTION_STARTS = frozenset({"a", "one", *SMALL})


def read_fraction(tokens: Tokens, i: int) -> tuple[Quantity | None, int]:
    """Read 'half', 'a third', 'two-thirds', 'three quarters' as percentages."""
    low = tokens.low[i].rstrip(".")
    parts = low.split("-")
    numerator = float(SMALL.get(parts[0], 1)) if len(parts) == 2 else 1.0
    if len(parts) == 1 and i > 0 and tokens.low[i - 1].split("-")[0] in SMALL:
        numerator = float(SMALL[tokens.low[i - 1].split("-")[0]])
    following = tokens.low[i + 1] if i + 1 < len(tokens.low) else ""
    start = i - 1 if i > 0 and tokens.low[i - 1] in _FRACTION_STARTS else i
    # "three-quarters lighter", "two-thirds" are shares ("forty-third" is a rank, and
    # "first-quarter profits" a period)
    written_whole = (
        len(parts) == 2 and parts[0] in SMALL and numerator * FRACTIONS[parts[-1]] <= 100
    )
    if following != "of" and qualifier(tokens, start) is None and not written_whole:
        return None, i + 1
    span = qualifier_span(tokens, start)
    first = start - span[1] if span else start
    value = round(numerator * FRACTIONS[parts[-1]], 1)
    raw = " ".join(tokens.low[first : i + 1])
    return Quantity(value, "percent", "percent", span[0] if span else None, raw), i + 1
