"""Sentences and paragraphs of a text: where each begins and ends, an abbreviation's stop
("Gen.", "U.S.", "a.m.") being no sentence's end. Linear in the text's length."""

from __future__ import annotations

import re
from collections.abc import Iterator

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt col lt gen brig maj capt sgt cpl pvt adm cmdr gov sen rep
    pres supt insp det rev hon no vs etc inc corp ltd co jan feb mar apr jun jul aug sep
    sept oct nov dec a.m p.m e.g i.e approx dept est fig ft""".split()
)
# After "U.S." a capitalized word usually continues the sentence ("U.S. Army"), unless it is
# one of the words that typically open one.
_OPENERS = frozenset(
    """the a an it he she they we i this that these those in on at but and if when while as
    there his her their its after before during""".split()
)
# Possessive, and only where a run of stops starts: tried at every stop of a long run
# ("....", "!?!?"), the plain pattern backtracked over the rest of it (quadratic time).
_BOUNDARY = re.compile(
    r"(?<![.!?])[.!?]++[\"'\u201d\u2019)\]]*+(?=\s++[\"'\u201c\u2018(\[]?[A-Z0-9])"
)
_PARAGRAPH = re.compile(r"\n\s*\n|\n")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Tell whether the period at index `dot` ends an abbreviation rather than a sentence."""
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "\"'(\u201c":
        start -= 1
    token = text[start:dot].lower().rsplit("-", 1)[-1]
    if not token:
        return False
    if len(token) == 1 and token.isalpha():  # an initial: "J. Smith"
        return True
    if token in ABBREVIATIONS:
        return True
    if "." in token and re.fullmatch(r"([a-z]\.)+[a-z]", token):  # u.s, a.m
        following = text[dot + 1 :].lstrip().split(" ", 1)[0].strip("\"'\u201c").lower()
        return following not in _OPENERS
    return False


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) spans of the sentences of a text, whitespace trimmed."""
    for para_start, para_end in paragraphs(text):
        start = para_start
        for match in _BOUNDARY.finditer(text, para_start, para_end):
            dot = match.start()
            if match.group()[0] == "." and _is_abbreviation(text, dot):
                continue
            yield from _trimmed(text, start, match.end())
            start = match.end()
        yield from _trimmed(text, start, para_end)


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) spans of the paragraphs of a text (split at every line break)."""
    start = 0
    for match in _PARAGRAPH.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end
