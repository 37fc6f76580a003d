"""Whether a text denies what it says: the cue words and phrases of a denial, read in linear
time ("not", "never", "no one", "refused to", "has yet to", "unable to"; not "not only",
"declined to comment", "who was not named")."""

from __future__ import annotations

import re

from verifier.language.compound import without_side_clauses
from verifier.language.text import clean

# not, never, no, none, nobody, nothing, nor, neither, cannot, unlikely (not "not only"), n't,
# "far from over", and
# verbs that deny what follows ("refused to", "declined to", "failed to", "has yet to"; not
# "declined to comment", "declined to 5 percent", "declined to be named", "the worst is yet
# to come"); written as a tree of prefixes, which Python's re searches twice as fast as a
# flat list. A denial in a concessive side clause that states nothing alone does not count
# (is_negated leaves those out); in a clause joined by ", and", ", but" or a longer ", though"
# it counts for that clause alone (compound.py).
# What a denying verb's "to" may bring that denies no fact: "declined to comment", "declined to
# 5 percent", "declined to be named", "the worst is yet to come".
_NOT_A_DENIAL_AFTER = r"\s+(?:comment|discuss|say|elaborate|come|be\s+(?:named|identified)|[\d$])"
_NEGATION = re.compile(
    # The lookahead of every cue's first letter lets re skip the other positions at once:
    # half the time of the bare alternation, on every imported claim.
    r"(?=[ncwrdfhiau])(?:"
    # "No 10", "No. 5" are numbers' names ("Number 10"), no denial
    r"\b(?:n(?:ot|ever|o(?:ne|body|thing)|or|either)|no(?!\.?\s*\d)|cannot|unlikely)\b"
    r"(?!\s+only)"
    # "without coordinating", "without coordination"; "without a permit" denies nothing
    r"|\bwithout\s+(?!(?:a|an|the|any|its|his|her|their|our|this|that)\b)"
    # "without the link to the Church being obvious": a clause it denies
    r"|\bwithout\s+(?:a|an|the|any|its|his|her|their)\s+[^,.;:]{0,60}?\bbeing\b"
    r"|n't\b"
    # "Dillon denied that ...", "Brash denied knowing ...", "denied they had injured anyone":
    # says it is not so (not "denied them entry", "denied access")
    r"|\bden(?:y|ies|ied|ying) (?:that|[a-z]{2,20}ing|he|she|they|we|i|there)\b"
    r"|\bfar from (?:over|done|finished|ended|complete|certain|clear|settled)\b"
    r"|\b(?:(?:refus|declin)(?:e[ds]?|ing|s)?|(?:ha[sd]|have|is|are|was|were) yet) to\b"
    rf"(?!{_NOT_A_DENIAL_AFTER})"
    # "unable to reach the town until Sunday": it was reached on Sunday ("refused to release
    # him until sentencing" did not release him); within its clause, past commas ("250,000
    # households", "the area, where waves were high,"), not past a joined verb ("failed to find
    # the climber and will search until nightfall")
    r"|\b(?:fail(?:e[ds]?|ing|s)?|unable) to\b"
    rf"(?!{_NOT_A_DENIAL_AFTER}"
    r"|(?:(?!\b(?:and|but|while|whereas|although|though|because)\b)[^.;:]){1,120}?\buntil\b))"
)
# A source kept anonymous ("an official who was not named"): no denial of what the sentence
# states ("Trump was not named in the indictment", "not named after him" still are).
_ANONYMOUS = re.compile(
    r"\b(?:who|that)\s+(?:was|were|is|are|has\s+been|have\s+been)\s+not\s+"
    r"(?:named|identified)\b(?!\s+(?:as|after)\b)",
    re.IGNORECASE,
)
# A denial that only sets aside an alternative: "not in river water but in effluent".
_CONTRAST = re.compile(r"\bnot\s+(?!only\b)[^,;.:]{1,60}?\s+but\b", re.IGNORECASE)
# Searched in lower-cased ASCII text, which costs less than re.IGNORECASE; other text keeps
# it (under it, the cues' ASCII letters also match the four letters whose case folds to them).
_NEGATION_FOLDED = re.compile(_NEGATION.pattern, re.IGNORECASE)
# A part of every cue, so a text holding none of them needs no search (most claims).
_NEGATION_PARTS = (
    "no",
    "n't",
    "never",
    "neither",
    "without",
    "unlikely",
    "unable",
    "far from",
    "deni",
    "deny",
    "refus",
    "declin",
    "fail",
    "yet",
)


def is_negated(text: str) -> bool:
    """Tell whether a text carries a negation cue (outside its concessive side clauses)."""
    text = without_side_clauses(clean(text))
    if "named" in text or "identified" in text:
        text = _ANONYMOUS.sub("", text)
    if " but " in text:  # "a dip not in river water but in effluent" affirms the effluent
        text = _CONTRAST.sub(" ", text)
    if not text.isascii():
        return _NEGATION_FOLDED.search(text) is not None
    low = text.lower()
    return any(cue in low for cue in _NEGATION_PARTS) and _NEGATION.search(low) is not None
