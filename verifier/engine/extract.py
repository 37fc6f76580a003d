"""Article text -> claims: sentences, attribution, quantities, polarity and spans."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from verifier.language.attribution import CUE, people, speaker_stretch
from verifier.language.attribution import find_speaker as speaker_in
from verifier.language.dateline import dated_quantities, publication_day, read_dateline
from verifier.language.denials import is_negated
from verifier.language.numbers import extract_quantities
from verifier.language.parse import parse_many, parse_syntax, with_entities
from verifier.language.quoting import still_quoting
from verifier.language.sentences import split_sentences
from verifier.language.speakers import Speaker
from verifier.language.text import clean, is_mostly_upper
from verifier.language.vocabulary import STOPWORDS
from verifier.models import Article, Claim

_EDGES = "\"'.,;:!?\u201c\u201d\u2018\u2019()"


# Longest claim stored: a sentence longer than this is no claim an editor can check (an
# ingested list run together), and every verify that retrieves it would pay for its length.
MAX_CLAIM_CHARS = 5000


class ClaimTooLongError(ValueError):
    """An article has a sentence longer than a claim may be."""

    def __init__(self, start: int, end: int) -> None:
        super().__init__(
            f"The sentence at characters {start}-{end} has {end - start} characters; a claim "
            f"holds at most {MAX_CLAIM_CHARS}. Split it with full stops or line breaks."
        )
        self.start, self.end = start, end


@dataclass(frozen=True)
class Attribution:
    """Who a sentence is credited to."""

    speaker: str | None
    role: str | None = None
    chain: tuple[str, ...] = ()


def find_speaker(text: str) -> str | None:
    """Return the name of whom a sentence credits ('Glynn said ...', '..., an official said')."""
    speaker = statement_speaker(text)
    return speaker.name if speaker is not None else None


def statement_speaker(text: str) -> Speaker | None:
    """Return whom a statement credits, with the role it gives them (a pronoun is no one)."""
    speaker = _speaker(clean(text))
    return speaker if speaker is not None and speaker.kind != "pronoun" else None


def _speaker(text: str) -> Speaker | None:
    if not CUE.search(text):
        return None
    doc = parse_syntax(_cased(text))
    return speaker_in(with_entities(doc, speaker_stretch(doc)))


def _cased(text: str) -> str:
    """Title-case the names of a text in capitals ("DILLON SAID"), lower its other words."""
    if not is_mostly_upper(text):
        return text
    return " ".join(
        w.lower() if w.lower() in STOPWORDS or CUE.match(w.strip(_EDGES)) else w.title()
        for w in text.split()
    )


def attribute(
    sentence: str, speaker: Speaker | None, known: Attributions, author: str | None
) -> Attribution:
    """Work out whom a sentence credits: itself, or the speaker named before it."""
    text = clean(sentence)
    if speaker is not None and speaker.kind == "pronoun":
        personal = speaker.name.lower() in ("he", "she")
        if personal and speaker.named_before:  # "After Lula's release, he described ..."
            speaker = known.resolve(Speaker(speaker.named_before))
        else:
            speaker = known.named or known.last if personal else None
    elif speaker is not None:
        speaker = known.resolve(speaker)
    elif known.last is not None and text.startswith(('"', "\u201c")):
        speaker = known.last  # a quote continued from the sentence before
    if speaker is not None:
        wire = re.search(r"\bAP\b|Associated Press", text) and "Associated" not in speaker.name
        chain = (speaker.name,) + (("Associated Press",) if wire else ())
        return Attribution(speaker.name, speaker.role, chain + ((author,) if author else ()))
    if author:
        return Attribution(author, "author", (author,))
    return Attribution(None)


class Attributions:
    """The speakers an article has named so far: a later surname or pronoun means them."""

    def __init__(self) -> None:
        self.people: dict[str, Speaker] = {}
        self.last: Speaker | None = None  # the last one credited with words
        self.named: Speaker | None = None  # the last person named (he, she)

    def resolve(self, speaker: Speaker) -> Speaker:
        """Return the full speaker a short name stands for, and remember the speaker."""
        parts = speaker.name.split()
        earlier = self.people.get(parts[-1]) if len(parts) == 1 else None
        if earlier is not None:
            speaker = Speaker(earlier.name, speaker.role or earlier.role, earlier.kind)
        elif speaker.kind == "person":
            self.people.setdefault(parts[-1], speaker)
        self.last = speaker if speaker.kind != "group" else self.last
        self.named = speaker if speaker.kind == "person" else self.named
        return speaker

    def meet(self, named: list[Speaker]) -> None:
        """Remember people a sentence names, so that a later surname is joined to them."""
        for person in named:
            self.people.setdefault(person.name.split()[-1], person)
            self.named = self.people[person.name.split()[-1]]


def article_id(text: str) -> str:
    """Derive a stable article id from its text."""
    return "a-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def claim_id(article: str, quote: str, fact: str) -> str:
    """Derive a stable claim id from its article and wording, so re-imports do not duplicate."""
    digest = hashlib.sha1(f"{article}\x00{quote}\x00{fact}".encode()).hexdigest()[:12]
    return f"c-{digest}"


def extract_claims(article: Article, min_words: int = 4) -> list[Claim]:
    """Split an article into sentence claims with attribution, quantities and polarity.

    Raises ClaimTooLongError for a sentence over MAX_CLAIM_CHARS, before any is stored.
    """
    claims: list[Claim] = []
    known = Attributions()
    # The headline is a claim the article makes; its dateline is when, not what.
    spans = [
        (start, end)
        for start, end in split_sentences(article.text)
        if len(article.text[start:end].split()) >= min_words
        and read_dateline(article.text[start:end]) is None
    ]
    for start, end in spans:  # before any parse: a long one would cost them all
        if end - start > MAX_CLAIM_CHARS:
            raise ClaimTooLongError(start, end)
    published = publication_day(article.published)
    docs = parse_many(_cased(clean(article.text[start:end])) for start, end in spans)
    credited, named = [], []
    inside = False  # a quotation open before the sentence
    for (start, end), doc in zip(spans, docs, strict=True):
        speaker = speaker_in(doc, inside)
        inside = _quote_open(article.text[start:end], inside)
        credited.append(attribute(article.text[start:end], speaker, known, article.author))
        named.append(speaker is not None)
        known.meet(people(doc))
    credited = _across_quotes([article.text[s:e] for s, e in spans], credited, named)
    for (start, end), who in zip(spans, credited, strict=True):
        quote = article.text[start:end]
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
                quantities=dated_quantities(quote, published),
                negated=is_negated(quote),
            )
        )
    return claims


def _across_quotes(
    sentences: list[str], credited: list[Attribution], named: list[bool]
) -> list[Attribution]:
    """Credit every sentence of a quotation that runs over several to whom it names.

    '"Millions bathe in it. But they bathe in effluent. If it is not cleaned, I will fast,"
    he said.': the speaker named at either end speaks all of it, over whoever spoke the
    quotation before it (a sentence opening a quotation is first taken to go on with them).
    """
    groups: list[list[int]] = []
    inside = False
    for i, sentence in enumerate(sentences):
        if inside and groups:
            groups[-1].append(i)
        else:
            groups.append([i])
        inside = _quote_open(sentence, inside)
    found = list(credited)
    for group in groups:
        speakers = [
            credited[i] for i in group if credited[i].speaker and credited[i].role != "author"
        ]
        explicit = [credited[i] for i in group if named[i] and credited[i].speaker]
        if len(group) > 1 and speakers:
            for i in group:
                if explicit and not named[i]:
                    found[i] = explicit[-1]  # named at its close, or at its opening alone
                elif not credited[i].speaker or credited[i].role == "author":
                    found[i] = speakers[0]
    return found


def _quote_open(sentence: str, inside: bool) -> bool:
    """Whether a quotation is still open after a sentence, given whether one was before it."""
    for mark in sentence:
        inside = still_quoting(mark, inside)
    return inside


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
        quantities=extract_quantities(text, source=True),
        negated=bool(fields["negated"] if "negated" in fields else is_negated(text)),
        title=fields.get("title"),
    )
