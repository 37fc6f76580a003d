"""Quotation marks around a source's words, never doubled."""

from __future__ import annotations

# Marks that open a quotation: a text that starts with one is quoted already.
OPENING_MARKS = ('"', "'", "\u201c", "\u2018", "\u201e", "\u00ab", "\u2039")


def still_quoting(mark: str, inside: bool) -> bool:
    """Whether a quotation is open after a character, given whether one was before it: a
    curly opening mark opens, a curly closing one closes, a straight one turns it over."""
    if mark == "\u201c":
        return True
    if mark == "\u201d":
        return False
    return not inside if mark == '"' else inside


def quoted(text: str) -> str:
    """Put a source's words between curly quotation marks, unless they open with a mark of
    their own (a quoted remark, '"This bridge is unsafe," Okafor said.'): then as they are."""
    return text if text.lstrip().startswith(OPENING_MARKS) else f"\u201c{text}\u201d"


def quoted_passages(text: str, min_words: int = 2) -> list[str]:
    """Return the passages a text puts between double quotation marks, of `min_words` or more
    ("said it was \u201calmost inconceivable\u201d"; not a word in quotation marks)."""
    found, inside, start = [], False, 0
    for at, mark in enumerate(text):
        if mark not in ('"', "\u201c", "\u201d"):
            continue
        now = still_quoting(mark, inside)
        if now and not inside:
            start = at + 1
        elif inside and not now and len(text[start:at].split()) >= min_words:
            found.append(text[start:at])
        inside = now
    return found
