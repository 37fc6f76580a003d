"""Text rewrites before numbers are read: a name hyphened to a number designates a thing
("Tu-154", "COVID-19") and counts nothing; a figure glued to its unit ("500km") is a figure
in that unit."""

from __future__ import annotations

import re

from verifier.language.lexicon import is_common_word
from verifier.language.number_words import MONTHS
from verifier.language.units import is_measure

# A name joined by a hyphen to a number designates one thing, a model or a strain, and
# counts nothing: "the Tu-154 crashed", "the COVID-19 pandemic", "two F-16 jets", "flight
# MH-17". Its letters are a name in capitals, or a short capitalized word that is no common
# word ("Mid-2000s" and "Under-21" are read as before), never a month or "Pre"/"Post" before
# a year or a day ("Jan-2020", "Post-1990 lows"), and a year is no model's number; results
# listed side by side ("USA-3, Canada-2", "Yes-52, No-48") are figures.
_DESIGNATION = re.compile(r"(?<![\w.-])([A-Z][A-Za-z]{0,5})-(\d{1,4})(?![\w-]|[.,]\d)")
_RESULTS = re.compile(r"[A-Z][A-Za-z]*-\d+\s*[,;/]\s*[A-Z][A-Za-z]*-\d+")
_NO_DESIGNATION = frozenset({"pre", "post"})


def _designation(match: re.Match[str]) -> str:
    letters, number = match.group(1), match.group(2)
    if (not letters.isupper() and is_common_word(letters)) or (
        letters.lower() in MONTHS or letters.lower() in _NO_DESIGNATION
    ):
        return match.group(0)
    if len(number) == 4 and 1800 <= int(number) <= 2099:
        return match.group(0)
    return f"{letters}{number}"  # one word, as "Tu154": no figure in it


def join_designations(text: str) -> str:
    """Write each designation as one word ("Tu-154" as "Tu154"): no figure in it."""
    if "-" not in text or _RESULTS.search(text):  # most texts have no hyphen: no search
        return text
    return _DESIGNATION.sub(_designation, text)


# A figure written close up to its unit: "500km", "40kg", "10mm" (not "100m", "5G", "10am").
_GLUED = re.compile(r"\b(\d{1,9}(?:[.,]\d{1,3}){0,4})([A-Za-z]{2,4})\b")
_NOT_GLUED = frozenset({"am", "pm", "th", "st", "nd", "rd", "bn", "mn", "s"})


def separate_glued_units(text: str) -> str:
    """Write a figure glued to its unit apart from it ("500km" as "500 km")."""
    return _GLUED.sub(_unglued, text)


def _unglued(match: re.Match[str]) -> str:
    number, letters = match.group(1), match.group(2)
    if letters.lower() in _NOT_GLUED or not is_measure(letters.lower()):
        return match.group(0)
    return f"{number} {letters}"
