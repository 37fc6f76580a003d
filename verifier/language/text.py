"""Text normalization, tokens, stems and sentence splitting with character spans."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from verifier.language.lexicon import spellings
from verifier.language.vocabulary import (
    ALIASES,
    PHRASAL_NEXT_ONLY,
    PHRASAL_VERBS,
    SAME_MEANING,
    SAME_WORDS,
    STOPWORDS,
    VERB_FORMS,
)

# Curly quotes, primes and dashes folded to ASCII; NBSP and friends to a space.
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u200b": "",
        "\ufeff": "",
    }
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")

_ALIAS_WORDS = {name: canonical.split() for name, canonical in ALIASES.items()}
_MULTIWORD = re.compile(r"\b(united states|u\.s\.a\.|u\.k\.)(?=\W|$)", re.IGNORECASE)
# "where the troops are headed", "heading to Afghanistan": going, not "heading the mission"
_HEADED = re.compile(r"\b(are|were|was|is) headed\b|\bheading(?= (?:to|for|home|back)\b)")
_DATES_TO = re.compile(r"\b(?:dates|dated|dating) (?:back )?to\b")
_SERVICE_MEMBERS = re.compile(r"\bservice members?\b")
_WORD = re.compile(r"[a-z0-9]+(?:[.'-][a-z0-9]+)*\.?|%")
# The same for text that is not ASCII: with re.IGNORECASE, [a-z] also takes the four letters
# whose case folds to ASCII ones, which lower() leaves as they are (the dotless i, U+0131).
_WORD_FOLDED = re.compile(_WORD.pattern, re.IGNORECASE)
STEM_LENGTH = 7
_SNOWBALL = snowballstemmer.stemmer("english")


def clean(text: str) -> str:
    """Fold quotes, dashes, odd spaces and control characters; keep length-changing folds out."""
    if not text.isascii():  # ASCII is its own NFKC form, and every fold is of a non-ASCII char
        text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    return _CONTROL.sub(" ", text)


def normalize(text: str) -> str:
    """Return lower-case, quote- and space-folded text; idempotent."""
    return " ".join(clean(text).split()).lower()  # str.split's whitespace is re's \\s


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Reduce a lower-case word to a short stem so that inflections meet.

    Snowball does the linguistics; cutting its stem to a fixed length also joins derived
    forms it keeps apart ("intervention" and "intervened").
    """
    word = word.strip(".'").replace("'s", "").replace("-", "")
    word = ALIASES.get(word, word)
    word = VERB_FORMS.get(word, word)
    word = SAME_WORDS.get(word, word)
    if any(ch.isdigit() for ch in word) or "." in word or " " in word:
        return word
    stemmed = _spelled(_SNOWBALL.stemWord(word)[:STEM_LENGTH])
    return _SAME_STEMS.get(stemmed) or stemmed


def _spelled(stemmed: str) -> str:
    """One stem for the British and American spellings of a word ("defenc", "defens")."""
    return _SPELLINGS.get(stemmed, stemmed)


def _spelling_stems() -> dict[str, str]:
    """Map the stem of each spelling of a word to one of them, the same for all of its
    spellings (WordNet's pairs chain: "colourise", "colorise", "colorize")."""
    joined: dict[str, str] = {}

    def root(s: str) -> str:
        while joined.get(s, s) != s:
            s = joined[s]
        return s

    for a, b in spellings():
        ra, rb = (root(_SNOWBALL.stemWord(w)[:STEM_LENGTH]) for w in (a, b))
        if ra != rb:
            joined[max(ra, rb)] = min(ra, rb)
    return {s: root(s) for s in joined}


_SPELLINGS = _spelling_stems()
_SAME_STEMS: dict[str, str] = {
    _spelled(_SNOWBALL.stemWord(word)[:STEM_LENGTH]): _spelled(
        _SNOWBALL.stemWord(group.split()[0])[:STEM_LENGTH]
    )
    for group in SAME_MEANING
    for word in group.split()[1:]
}


def fold_accents(text: str) -> str:
    """Drop diacritics ("Noël" -> "Noel", "Zürich" -> "Zurich"), so spellings meet."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Sentences are split into words many times a verify (a claim's text by every check that
# reads it): those up to this length are split once and kept.
_KEPT_SPLIT = 600


def words(text: str) -> list[str]:
    """Split normalized text into word tokens (abbreviations like u.s. kept whole)."""
    return list(_sentence_words(text)) if len(text) <= _KEPT_SPLIT else _words(text)


@lru_cache(maxsize=4096)
def _sentence_words(text: str) -> tuple[str, ...]:
    return tuple(_words(text))


def _words(text: str) -> list[str]:
    text = fold_accents(normalize(text))
    if "u." in text or "united states" in text:  # what _MULTIWORD can match, lower-cased
        text = _MULTIWORD.sub(lambda m: ALIASES[m.group(1).lower()], text)
    if "service member" in text:  # one word for the troops, as "servicemembers"
        text = _SERVICE_MEMBERS.sub("troops", text)
    if "dat" in text:  # "involvement dates back to 2003": it began then
        text = _DATES_TO.sub("began in", text)
    if "head" in text:  # "where the troops are headed": going, not "who is heading the mission"
        text = _HEADED.sub(lambda m: f"{m.group(1)} going" if m.group(1) else "going", text)
    out: list[str] = []
    known = _TOKEN_WORDS
    for token in (_WORD if text.isascii() else _WORD_FOLDED).findall(text):
        found = known.get(token)
        if found is None:
            if len(known) > 200_000:  # figures and names keep coming: stay bounded
                known.clear()
            found = known[token] = _token_words(token)
        if isinstance(found, str):
            out.append(found)
        else:
            out.extend(found)
    return _fold_phrasal(out) if _PHRASAL_FIRST.intersection(out) else out


def _token_words(token: str) -> str | list[str]:
    """The word a token stands for, or the words of an alias ("usa" -> "united states")."""
    if "." in token and token.count(".") == 1:
        token = token.rstrip(".")
    if token.endswith("'s"):
        token = token[:-2]
    return _ALIAS_WORDS.get(token, token)


# Each token's words, as words() finds them (a token recurs across texts: a dict lookup
# costs less than the checks).
_TOKEN_WORDS: dict[str, str | list[str]] = {}
# The words a phrasal verb starts with ("pull", "wrapped"): most texts have none to fold.
_PHRASAL_FIRST = frozenset(PHRASAL_VERBS)


def _fold_phrasal(tokens: list[str]) -> list[str]:
    """Read "pull (troops) out" as "withdraw (troops)", "wrapped up" as "ended": the verbs
    claims use."""
    for i, token in enumerate(tokens):
        verb, particles = PHRASAL_VERBS.get(token, ("", ()))
        reach = 2 if token in PHRASAL_NEXT_ONLY else 5
        for j in range(i + 1, min(i + reach, len(tokens))):
            if tokens[j] in particles:
                tokens[i] = verb
                del tokens[j]
                break
    return tokens


def content_stems(text: str, drop_numbers: bool = True) -> list[str]:
    """Return the stems of the content words of a text, numbers left out by default."""
    return stems_of(words(text), drop_numbers)


def stems_of(tokens: list[str], drop_numbers: bool = True) -> list[str]:
    """Return the stems of the content words among word tokens (see content_stems)."""
    known = _CONTENT_STEMS[drop_numbers]  # token -> its stem, or "" when it is no content word
    out = []
    for token in tokens:
        found = known.get(token)
        if found is None:
            if len(known) > 200_000:  # figures and names keep coming: stay bounded
                known.clear()
            found = known[token] = _content_stem(token, drop_numbers)
        if found:
            out.append(found)
    return out


def _content_stem(token: str, drop_numbers: bool) -> str:
    if token in STOPWORDS or (len(token) < 2 and token != "%"):
        return ""
    if drop_numbers and (token[0].isdigit() or token in NUMBER_WORDS):
        return ""
    return stem(token)


# Every token is looked up here on each import and each statement: a plain dict costs less
# than the checks and the stemmer's cache.
_CONTENT_STEMS: dict[bool, dict[str, str]] = {True: {}, False: {}}


NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred thousand million billion trillion dozen half third thirds quarter
    quarters fifth fifths sixth sixths tenth tenths percent per cent k m bn %""".split()
)


def is_mostly_upper(text: str) -> bool:
    """Tell whether a text is written in capitals (so case says nothing about names)."""
    letters = sum(map(str.isalpha, text))
    return letters > 0 and sum(map(str.isupper, text)) > 0.7 * letters
