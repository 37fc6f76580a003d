"""An article's words as the entity checks read them: all of them, by sentence and by
paragraph, the words around a claim, the full names it gives and the initials of its names."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from verifier.language.entities import with_named_parts
from verifier.language.lexicon import is_agent
from verifier.language.sentences import paragraphs, split_sentences
from verifier.language.text import words
from verifier.language.vocabulary import STOPWORDS
from verifier.models import Claim


@dataclass(frozen=True)
class ArticleWords:
    """An article's words as the entity checks read them: all of them, and by sentence."""

    everything: frozenset[str]
    title: frozenset[str]
    text: str
    sentences: tuple[tuple[int, int], ...]
    given: Mapping[str, frozenset[str]] = field(default_factory=dict)  # surname: given names
    acronyms: frozenset[str] = frozenset()  # initials of the names it writes out ("fema")
    paragraphs: tuple[tuple[int, int], ...] = ()

    def around(self, claim: Claim) -> frozenset[str]:
        """Return the words of the title and of the sentences at and beside a claim's quote.

        A statement may name what the claim's sentence leaves to its neighbours or to its
        paragraph ("Iraq" for "intervened again in 2014"; "the Dwellingup fire" for "This
        fire", named two sentences before). A place the paragraph names elsewhere may then be
        swapped in unseen, unless it stands in the same place of the sentence (swapped_name);
        the whole article would let it swap in what another passage names ("the intervention
        in Afghanistan" for "in Iraq"). A claim whose quote
        is not at its span (imported without its article) gets every word of the article.
        """
        if not self.sentences or self.text[claim.start : claim.end] != claim.quote:
            return self.everything
        at = [i for i, (s, e) in enumerate(self.sentences) if s < claim.end and e > claim.start]
        if not at:
            return self.everything
        beside = self.sentences[max(0, at[0] - 1) : at[-1] + 2]
        start, end = beside[0][0], beside[-1][1]
        for first, last in self.paragraphs:
            if first < claim.end and last > claim.start:
                start, end = min(start, first), max(end, last)
        near = self.title | with_named_parts(words(self.text[start:end]))
        near |= self.called_back(claim.quote, claim.start)
        # a person named in full elsewhere is the same person here by surname alone
        given = {w for surname in near & self.given.keys() for w in self.given[surname]}
        return near | given | self.acronyms

    def called_back(self, quote: str, at: int) -> frozenset[str]:
        """Return the names the article last gave, before `at`, to the things a quote calls
        back by their common noun: "Prudhoe Bay" for "the field" of "the Prudhoe Bay oil
        field", named a paragraph before, "Labor" for "the party" of "the Australian Labor
        Party" (the nearest naming only: "the Kuparuk River field" further back is another
        field). A bounded stretch before the quote is read, for a
        few nouns."""
        found: set[str] = set()
        before = self.text[max(0, at - CALLBACK_REACH) : at]
        nouns = list(dict.fromkeys(m.group(1) for m in _CALLED_BACK.finditer(quote)))
        for noun in [n for n in nouns if n not in STOPWORDS][:CALLBACK_NOUNS]:
            last: list[str] = []
            for named in re.finditer(rf"{_NAMED_BEFORE}(?i:{re.escape(noun)})\b", before):
                # "The oil field" names nothing: the naming before it still stands
                last = [w for w in words(named.group(1)) if w not in STOPWORDS] or last
            found.update(last)
        return frozenset(found)


# "the field", "the company": a thing named before, called back by its common noun; looked
# for in the characters before the quote, for its first few such nouns
_CALLED_BACK = re.compile(r"\b[Tt]he\s+([a-z]{3,20})\b")
CALLBACK_REACH = 3000
CALLBACK_NOUNS = 3
# capitalized words just before a common noun ("Prudhoe Bay oil field"), at most one other
# lower-case word between
_NAMED_BEFORE = r"((?:\b[A-Z][\w'-]{0,30}\s++){1,4})(?:[a-z]{1,20}\s++)?"


def article_words(title: str, text: str, vocabulary: str) -> ArticleWords:
    """Read an article for the entity checks of its claims."""
    sentences = tuple(split_sentences(text))
    given: dict[str, set[str]] = {}
    for match in _FULL_NAME.finditer(text):
        *first, last = match.group(0).lower().split()
        given.setdefault(last.removesuffix("'s").removesuffix("\u2019s"), set()).update(first)
    acronyms = initials(f"{title}\n{text}")
    return ArticleWords(
        with_named_parts(vocabulary.split()),
        with_named_parts(words(title)),
        text,
        sentences,
        {last: frozenset(first) for last, first in given.items()},
        acronyms,
        tuple(paragraphs(text)),
    )


def initials(text: str) -> frozenset[str]:
    """Return the initials of the names a text writes out ("fema", "wa"), lower-cased, and
    of the name a body's name begins with ("un" of "the United Nations Security Council",
    whose last word WordNet gives as a group of people)."""
    found: set[str] = set()
    for match in _PROPER_NAME.finditer(text):
        parts = _initialled(match.group(0))
        letters = "".join(w[0] for w in parts).lower()
        found.add(letters)
        if parts and _people(parts[-1]):  # a body's name: "the United Nations Security
            # Council"; not a headline's words ("Uganda Negotiates Peace Deal")
            found.update(letters[:end] for end in range(2, len(letters)))
    return frozenset(found)


def _people(word: str) -> bool:
    """A noun for a person or a group, or the plural of one ("Peacekeepers")."""
    return is_agent(word) or (word.endswith("s") and is_agent(word[:-1]))


def _initialled(name: str) -> list[str]:
    """The words of a name its initials come from: not a sentence's opening "The"."""
    parts = name.split()
    while parts and parts[0].lower() in STOPWORDS:
        parts = parts[1:]
    return [w for w in parts if w[0].isupper()]


# A name of several capitalized words, maybe joined by "of", "and", "for" or "the": its
# initials name it too ("Federal Emergency Management Agency": FEMA; "Western Australia": WA).
_PROPER_NAME = re.compile(
    r"\b[A-Z][a-z'-]{1,30}(?: (?:(?:of|and|for|the|on) )?[A-Z][a-z'-]{1,30}){1,6}"
)


# Two to four capitalized words in a row: a person's full name, or another proper name.
_FULL_NAME = re.compile(r"\b[A-Z][a-z'-]{1,30}(?: [A-Z][a-z'-]{1,30}){1,3}\b")


NO_WORDS = article_words("", "", "")  # an article not stored: no words at all
