"""Which thing a figure is given for, when a claim gives several figures of one sort.

A sentence may give a figure for each of several things: "208 millimetres in Jiwani, 139 in
Pasni, 63 in Turbat"; "declared himself President For Life in 1999 after his last elected
victory in 1992". A statement that repeats one of its figures may still give it for another
thing ("Turbat recorded 139 millimetres"; "declared himself President For Life in 1992"). The
words a figure stands among tell what it is given for: when a name around the statement's
figure (a place, a person, a title) is also around another figure of the claim, and no word
around it is around the figure it repeats (or the claim names another thing beside that one:
"Cobi Crispin with 18 points and Amber Merritt with 16"), the claim gives that other figure
for that thing.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from verifier.language.comparison import agree, compatible
from verifier.language.dateline import RELATIVE
from verifier.language.lexicon import is_unit_word
from verifier.language.number_tokens import CALENDAR_WORDS
from verifier.language.text import NUMBER_WORDS, clean, stem
from verifier.language.vocabulary import STOPWORDS
from verifier.models import Quantity

# How many content words on each side of a figure tell what it is given for; a comma, a
# semicolon, a bracket, a conjunction ("and", "after", "while") or another figure ends the
# stretch (one item of a list, one clause).
SIDE_WORDS = 3
_PIECE = re.compile(r"[^\s,;:()\[\]]+|[,;:()\[\]]")
_BREAKS = frozenset(",;:()[]")
_JOINS = frozenset(
    "and or but after before while when whereas since until having because although".split()
)
# another figure, written as a word (in full: "may" and "march" are verbs too, "mar" a word)
_CALENDAR = frozenset(w for w in CALENDAR_WORDS if len(w) > 5)
_FIGURE_WORDS = (NUMBER_WORDS - {"percent", "per", "cent", "k", "m", "bn", "%"}) | _CALENDAR
_KINDS = frozenset({"count", "percent", "year", "day", "clock", "weekday", "month"})
_NAMED = frozenset({"weekday", "month"})  # figures written as a word: "Friday", "May"


def given_for_another(
    said_text: str,
    said: tuple[Quantity, ...],
    source_text: str,
    source: tuple[Quantity, ...],
    covered: set[int],
    tolerance: float,
) -> list[tuple[Quantity, Quantity]]:
    """Return (statement figure, claim figure) for each figure the statement repeats from
    the claim but gives for what the claim gives another figure for."""
    found = []
    for i, figure in enumerate(said):
        if i not in covered or figure.kind not in _KINDS:
            continue
        alike = [c for c in source if compatible(figure, c)]
        same = [c for c in alike if agree(figure, c, 0.0)]
        rivals = [c for c in alike if not agree(figure, c, tolerance) and c.qualifier != RELATIVE]
        if len(same) != 1 or not rivals:
            continue
        units = _unit_stems(figure, *alike)
        mine, theirs = _around(said_text, figure, units), _around(source_text, same[0], units)
        if not mine or not theirs:
            continue  # nothing to tell either by ("from 3 months to 1 year")
        shared = bool(mine & theirs)
        if shared and not _names(theirs - mine):
            # the same words, and no name the claim gives the figure for beside them: the
            # same thing ("for the Gliders with 18 points" / "for the Gliders were Cobi
            # Crispin with 18 points and Amber Merritt with 16" names Crispin beside it)
            continue
        # a name around both tells (a place, a person, a title); a common word may be
        # said of the whole sentence ("the storm killed 12 in Texas and 3 in Oklahoma").
        # Beside words both figures share, only a name the claim gives once tells: "12
        # people in Dallas and 3 in rural east Texas" of "Texas officials said" does not
        fitting = [
            c
            for c in rivals
            if (names := _names_of(mine & (_around(source_text, c, units) or set())))
            and not (shared and _named_again(names, source_text))
        ]
        if len(fitting) == 1:
            found.append((figure, fitting[0]))
    return found


def given_for_the_same(
    said_text: str, figure: Quantity, source_text: str, source: tuple[Quantity, ...]
) -> bool:
    """Tell whether one of a claim's figures may be given for what the statement's figure is
    given for: a word around it is around the statement's, or a text does not tell (its
    number not written there once). "16 people were rescued from rooftops" gives 16 for no
    one the flood killed."""
    units = _unit_stems(figure, *source)
    mine = _around(said_text, figure, units)
    if not mine:
        return True
    return any(not (theirs := _around(source_text, c, units)) or mine & theirs for c in source)


def closest(said_text: str, figure: Quantity, source_text: str, rivals: list[Quantity]) -> Quantity:
    """The rival figure given for what the statement's figure is given for: the one whose
    words around it share the most with the figure's; the first when none does."""
    if len(rivals) == 1:
        return rivals[0]
    units = _unit_stems(figure, *rivals)
    mine = _around(said_text, figure, units)
    if not mine:
        return rivals[0]
    shared = [len(mine & (_around(source_text, c, units) or set())) for c in rivals]
    return rivals[shared.index(max(shared))]


def _names(stems: set[str]) -> bool:
    return bool(_names_of(stems))


def _names_of(stems: set[str]) -> set[str]:
    return {s for s in stems if s.isupper()}


def _named_again(names: set[str], text: str) -> bool:
    """Tell whether a text gives one of these names (stems in capitals) more than once."""
    pieces = _pieces(text)[0]
    written = [stem(_bare(p)).upper() for p in pieces if p[:1].isupper()]
    return any(written.count(name) > 1 for name in names)


def _unit_stems(*figures: Quantity) -> frozenset[str]:
    return frozenset(stem(q.unit) for q in figures if q.unit)


def _around(text: str, figure: Quantity, units: frozenset[str]) -> set[str] | None:
    """The content words on each side of a figure in a text (None when its number is not
    written there once, as read)."""
    number = _number_of(figure)
    if number is None:
        return None
    pieces, places, figures = _pieces(text)
    at = places.get(number, ())
    if len(at) != 1:
        return None
    k = at[0]
    # a possessive just before the next figure is that one's ("fourteen seats in Tasmania to
    # the Liberals' seven": the Liberals are the seven's)
    j = bisect.bisect_right(figures, k)
    end = min(k + 1 + SIDE_REACH, figures[j] if j < len(figures) else len(pieces))
    if end - 1 > k and pieces[end - 1].endswith(_POSSESSIVE) and end in figures[j : j + 1]:
        end -= 1
    start = max(0, k - SIDE_REACH)
    return _side(reversed(pieces[start:k]), units) | _side(pieces[k + 1 : end], units)


_POSSESSIVE = ("'", "'s")


# How far from a figure its words are looked for, in pieces (words and marks): a run of
# stop words is no reason to read on, and each figure's look stays bounded.
SIDE_REACH = 12


@lru_cache(maxsize=16)
def _pieces(
    text: str,
) -> tuple[tuple[str, ...], dict[str, tuple[int, ...]], tuple[int, ...]]:
    """A text's pieces, where each is written, and where its figures are (read once per text,
    for all its figures)."""
    pieces = tuple(_PIECE.findall(clean(text)))
    places: dict[str, list[int]] = {}
    for k, piece in enumerate(pieces):
        places.setdefault(_bare(piece), []).append(k)
    figures = tuple(
        k
        for k, piece in enumerate(pieces)
        if any(ch.isdigit() for ch in piece) or _bare(piece) in _FIGURE_WORDS
    )
    return pieces, {piece: tuple(at) for piece, at in places.items()}, figures


def _number_of(figure: Quantity) -> str | None:
    """The written number of a figure as it stands in the text ("139", "1,500", "$5",
    "four"), or the word of a weekday or a month ("friday")."""
    if figure.kind in _NAMED:
        return _bare(figure.raw) if len(figure.raw.split()) == 1 else None
    pieces = figure.raw.split()
    digits = [piece for piece in pieces if any(ch.isdigit() for ch in piece)]
    if not digits:  # written in words: "four", "about twelve"
        return _bare(pieces[-1]) if pieces and pieces[-1].isalpha() else None
    return _bare(digits[-1]) if len(digits) == 1 else None


def _bare(piece: str) -> str:
    return piece.strip(".'\"!?").lower()


def _side(pieces: object, units: frozenset[str]) -> set[str]:
    found: set[str] = set()
    taken = 0
    for piece in pieces:  # type: ignore[attr-defined]
        word = _bare(piece)
        if piece in _BREAKS or word in _JOINS or word in _CALENDAR:
            break
        if any(ch.isdigit() for ch in piece):
            break
        if not word.isalpha() or word in STOPWORDS:
            continue
        stemmed = stem(word)
        if stemmed in units or is_unit_word(word):
            continue
        found.add(stemmed)
        if piece[:1].isupper():  # a name: its stem in capitals too
            found.add(stemmed.upper())
        taken += 1
        if taken >= SIDE_WORDS:
            break
    return found
