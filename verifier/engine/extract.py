"""Article text -> claims: sentences, attribution, quantities, polarity and spans."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from verifier.language.compound import without_side_clauses
from verifier.language.numbers import extract_quantities
from verifier.language.text import clean, is_mostly_upper, split_sentences
from verifier.language.vocabulary import STOPWORDS
from verifier.models import Article, Claim

SPEECH_VERBS = (
    "said|says|say|told|tells|tell|added|adds|stated|estimated|estimates|estimate|"
    "pledged|pledges|pledge|acknowledged|acknowledges|warned|warns|warn|claimed|claims|"
    "announced|announces|reported|reports|noted|notes|argued|argues|insisted|insists|"
    "explained|wrote|writes|confirmed|confirms|denied|denies|promised|promises|predicted"
)
_TITLE = r"(?:Col|Lt|Gen|Brig|Maj|Capt|Sgt|Adm|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Cpl|Pvt)\.?"
# Bounded repeats: an unbounded [\w]* over one very long "word" backtracks quadratically.
# An abbreviation is one word ("U.S.", "U.N."), not a name cut short at its first stop.
_NAME_WORD = r"(?:[A-Z][\w'-]{0,40}(?:\.[A-Z]{1,3})*\.?|al-[A-Z][\w'-]{0,40}|\d(?:st|nd|rd|th))"
_NAME = rf"(?:{_NAME_WORD}\s+){{0,4}}{_NAME_WORD}"
# After "according to" a name may carry a long rank ("U.S. Army 1st Lt. William John Raymond").
_LONG_NAME = rf"(?:{_NAME_WORD}\s+){{0,7}}{_NAME_WORD}"
_AUX = (
    r"(?:(?:did|does|do|has|have|had|could|would|will|can|may|might)\s+"
    r"(?:not\s+|n't\s+|never\s+)?)?"
)
_ROLE = (
    r"spokesman|spokeswoman|spokesperson|official|officials|president|minister|secretary|"
    r"commander|general|chief|director|analyst|reporter|ambassador|senator|governor|mayor"
)
_SUBJECT_VERB = re.compile(rf"(?P<who>{_NAME})\s+{_AUX}(?P<verb>{SPEECH_VERBS})\b")
_VERB_SUBJECT = re.compile(rf"[,\"]\s*(?P<verb>said|says|added|told)\s+(?P<who>{_NAME})")
_ROLE_SUBJECT = re.compile(
    rf"(?P<who>(?:an?\s+|the\s+)?(?:[\w.-]{{1,40}}\s+){{0,3}}(?:{_ROLE}))\s+(?:who\s+)?{_AUX}"
    rf"(?P<verb>{SPEECH_VERBS})\b",
    re.IGNORECASE,
)
# ... or a role between the parts of a name ("U.S. Army spokesman Col. Ryan Dillon").
_ACCORDING = re.compile(
    rf"[Aa]ccording to (?P<who>(?:the\s+)?{_LONG_NAME}(?:\s+(?:{_ROLE})\b(?:\s+{_LONG_NAME})?)?)"
)
# Every pattern above needs one of these: without them a sentence names no speaker.
_SPEECH_CUE = re.compile(rf"\b(?:{SPEECH_VERBS})\b|according to", re.IGNORECASE)
_PRONOUN = re.compile(rf"^\W*(?:He|She)\s+{_AUX}(?:{SPEECH_VERBS})\b")
_VERB_WORDS = re.compile(rf"^\W*(?:{SPEECH_VERBS}|not)\W*$", re.IGNORECASE)
# not, never, no, none, nobody, nothing, nor, neither, cannot, unlikely (not "not only"), n't,
# "far from over", and
# verbs that deny what follows ("refused to", "declined to", "failed to", "has yet to"; not
# "declined to comment", "declined to 5 percent", "declined to be named", "the worst is yet
# to come"); written as a tree of prefixes, which Python's re searches twice as fast as a
# flat list. A denial in a concessive side clause that states nothing alone does not count
# (is_negated leaves those out); in a clause joined by ", and", ", but" or a longer ", though"
# it counts for that clause alone (compound.py).
_NEGATION = re.compile(
    # The lookahead of every cue's first letter lets re skip the other positions at once:
    # half the time of the bare alternation, on every imported claim.
    r"(?=[ncwrdfhiau])(?:"
    r"\b(?:n(?:ot|ever|o(?:ne|body|thing)?|or|either)|cannot|without|unlikely)\b(?!\s+only)"
    r"|n't\b"
    r"|\bden(?:y|ies|ied|ying) that\b"  # "Dillon denied that ..." says it is not so
    r"|\bfar from (?:over|done|finished|ended|complete|certain|clear|settled)\b"
    r"|\b(?:(?:refus|declin|fail)(?:e[ds]?|ing|s)?|(?:ha[sd]|have|is|are|was|were) yet) to\b"
    r"(?!\s+(?:comment|discuss|say|elaborate|come|be\s+(?:named|identified)|[\d$])))"
)
# A source kept anonymous ("an official who was not named"): no denial of what the sentence
# states ("Trump was not named in the indictment", "not named after him" still are).
_ANONYMOUS = re.compile(
    r"\b(?:who|that)\s+(?:was|were|is|are|has\s+been|have\s+been)\s+not\s+"
    r"(?:named|identified)\b(?!\s+(?:as|after)\b)",
    re.IGNORECASE,
)
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
    "far from",
    "deni",
    "deny",
    "refus",
    "declin",
    "fail",
    "yet",
)
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:[A-Z]\.){2,}$")  # "U.S.", "U.N."
_LEADING_NOISE = re.compile(r"^(?:The|the|A|An|And|But|As|In|At|On)\s+")
_NON_NAMES = frozenset("""The A An It This That These They We He She In At On As But And""".split())


@dataclass(frozen=True)
class Attribution:
    """Who a sentence is credited to."""

    speaker: str | None
    role: str | None = None
    chain: tuple[str, ...] = ()


def is_negated(text: str) -> bool:
    """Tell whether a text carries a negation cue (outside its concessive side clauses)."""
    text = without_side_clauses(clean(text))
    if "named" in text or "identified" in text:
        text = _ANONYMOUS.sub("", text)
    if not text.isascii():
        return _NEGATION_FOLDED.search(text) is not None
    low = text.lower()
    return any(cue in low for cue in _NEGATION_PARTS) and _NEGATION.search(low) is not None


def find_speaker(text: str) -> str | None:
    """Return who a sentence says is speaking ('Glynn said ...', '..., an official estimated')."""
    text = clean(text)
    if not _SPEECH_CUE.search(text):
        return None
    if is_mostly_upper(text):  # "DILLON SAID": names title-cased, other words lowered
        text = " ".join(
            w.lower() if _VERB_WORDS.search(w) or w.lower() in STOPWORDS else w.title()
            for w in text.split()
        )
    for pattern in (_SUBJECT_VERB, _VERB_SUBJECT, _ACCORDING, _ROLE_SUBJECT):
        for match in pattern.finditer(text):
            who = _trimmed(_LEADING_NOISE.sub("", match.group("who").strip()))
            if who and who.split()[0] not in _NON_NAMES:
                return who
    return None


def _trimmed(who: str) -> str:
    """Drop the stop or comma a name was caught with, not the one an abbreviation ends in."""
    who = who.rstrip(",")
    return who if _ABBREVIATION_END.search(who) else who.rstrip(".,")


def _split_role(who: str) -> tuple[str, str | None]:
    """Split 'U.S. Army spokesman Col. Ryan Dillon' into name and role."""
    match = re.search(rf"^(?P<role>.*?\b(?:{_ROLE}))\s+(?P<name>.+)$", who)
    if match and match.group("name")[:1].isupper():
        return match.group("name"), match.group("role")
    return who, None


def attribute(sentence: str, previous: Attribution | None, author: str | None) -> Attribution:
    """Work out who a sentence is credited to, from itself or its neighbour."""
    text = clean(sentence)
    who = find_speaker(text)
    if who:
        name, role = _split_role(who)
        chain = (name,) + (
            ("Associated Press",)
            if re.search(r"\bAP\b|Associated Press", text) and "Associated Press" not in name
            else ()
        )
        return Attribution(name, role, chain + ((author,) if author else ()))
    if previous and previous.speaker and (_PRONOUN.search(text) or text.startswith('"')):
        return previous
    if author:
        return Attribution(author, "author", (author,))
    return Attribution(None)


def article_id(text: str) -> str:
    """Derive a stable article id from its text."""
    return "a-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def claim_id(article: str, quote: str, fact: str) -> str:
    """Derive a stable claim id from its article and wording, so re-imports do not duplicate."""
    digest = hashlib.sha1(f"{article}\x00{quote}\x00{fact}".encode()).hexdigest()[:12]
    return f"c-{digest}"


def extract_claims(article: Article, min_words: int = 4) -> list[Claim]:
    """Split an article into sentence claims with attribution, quantities and polarity."""
    claims: list[Claim] = []
    previous: Attribution | None = None
    for start, end in split_sentences(article.text):
        quote = article.text[start:end]
        if len(quote.split()) < min_words or quote.strip() == article.title.strip():
            continue
        who = attribute(quote, previous, article.author)
        previous = who if who.role != "author" else previous
        claims.append(
            Claim(
                id=claim_id(article.id, quote, quote),
                article_id=article.id,
                text=quote,
                quote=quote,
                start=start,
                end=end,
                speaker=who.speaker,
                speaker_role=who.role,
                attribution=who.chain,
                quantities=extract_quantities(quote),
                negated=is_negated(quote),
            )
        )
    return claims


def claim_from_fields(fields: Mapping[str, Any]) -> Claim:
    """Build a claim from loose fields (text, speaker, article id, ...), filling the rest."""
    text = fields["text"]
    quote = fields.get("quote") or text
    article = fields.get("article_id") or "imported"
    speaker = fields.get("speaker")
    return Claim(
        id=fields.get("id") or claim_id(article, quote, text),
        article_id=article,
        text=text,
        quote=quote,
        start=fields.get("start") or 0,
        end=fields.get("end") or len(quote),
        speaker=speaker,
        speaker_role=fields.get("speaker_role"),
        attribution=tuple(fields.get("attribution") or ([speaker] if speaker else [])),
        quantities=extract_quantities(text),
        negated=bool(fields["negated"] if "negated" in fields else is_negated(text)),
        title=fields.get("title"),
    )
