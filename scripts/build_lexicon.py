"""Compile the lexical tables verifier ships from WordNet 3.0 (Debian's `wordnet-base`).

    apt-get install -y wordnet-base && python scripts/build_lexicon.py

Writes verifier/language/data/lexicon.json and the WordNet licence beside it:
- "antonyms": [pos, word, opposite, rank of the sense in word, rank in opposite], from every
  direct antonym pointer, spread to the adverbs derived from a pair of adjectives (quickly /
  slowly) and to the nouns and verbs derived from one (acquit / convict -> acquittal /
  conviction), and from a verb to the ways of doing it, its troponyms ("soar" of "rise", against
  "fall"), unless it has more than TROPONYM_LIMIT of them. A rank is the sense's place in
  WordNet's frequency order (0: the commonest), so a pair that holds only in a rare sense
  (clear / cloudy) can be told from one that holds in the usual sense (westerly / easterly).
- "exceptions": irregular forms of the words in a pair, from WordNet's exception lists
  ("worse" -> "bad", "won" -> "win"), for morphy's rules to fall back on.
- "places": [adjective, place] pairs of an adjective and the place it pertains to
  ("turkish" -> "turkey", "swiss" -> "switzerland"), lower-cased.
- "agents": nouns one of whose two commonest senses is a person or a group of people
  (noun.person, noun.group): who can be said to speak ("officials", "the ministry", "the
  embassy"; not "the article").
- "compass": the cardinal compass points and the adjectives that pertain to them ("east",
  "eastern"), the parts of a direction such as "southeast".
- "spellings": [word, word] pairs of British and American spellings of one word, both
  lemmas of one synset and one spelled from the other by the usual rules (s/z, c/s, our/or,
  re/er, ae/e, oe/e, a doubled consonant, catalogue/catalog, judgement/judgment,
  programme/program): "defence" / "defense", "analyse" / "analyze", "centre" / "center".
- "units": single nouns whose commonest sense is a unit of measure or a period of time
  (noun.quantity, noun.time): "millimetre", "mm", "hectare", "week"; not "point" or "hand".
- "common": single words WordNet writes in lower case only, never as a name ("schoolchild",
  "legalise", "fighting"): a capital on one opening a sentence names nothing. Words it also
  writes capitalized ("Providence", "Turkey", "Reading") are left out.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from rapidfuzz.distance import Levenshtein

WORDNET = Path("/usr/share/wordnet")
OUT = Path(__file__).resolve().parents[1] / "verifier" / "language" / "data"
POS = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
FILES = {"noun": "noun", "verb": "verb", "adj": "adj", "adv": "adv"}
PERSON, GROUP, PLACE = 18, 14, 15  # lexicographer files noun.person, noun.group, noun.location
QUANTITY, TIME = 23, 28  # noun.quantity, noun.time
# A noun is an agent when one of its commonest senses is a person or a group: "embassy" (the
# building first, the mission second), "newspaper", "office"; not "report" or "article".
AGENT_SENSES = 2


def read_index(pos: str) -> dict[str, list[int]]:
    """Return each lemma's synset offsets, commonest sense first."""
    senses: dict[str, list[int]] = {}
    for line in (WORDNET / f"index.{FILES[pos]}").read_text().splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        count = int(parts[2])
        pointers = int(parts[3])
        offsets = parts[6 + pointers :]
        assert len(offsets) == count, line
        senses[parts[0]] = [int(o) for o in offsets]
    return senses


def read_data(pos: str) -> dict[int, tuple[int, list[str], list[tuple[str, int, str, int, int]]]]:
    """Return each synset: its lexicographer file, its words and its pointers."""
    synsets = {}
    for line in (WORDNET / f"data.{FILES[pos]}").read_text().splitlines():
        if line.startswith(" "):
            continue
        parts = line.split(" | ")[0].split()
        offset, lex_file = int(parts[0]), int(parts[1])
        count = int(parts[3], 16)
        lemmas = [parts[4 + 2 * i] for i in range(count)]  # case kept: "Turkey"
        lemmas = [w.split("(")[0] for w in lemmas]  # "galore(ip)" -> "galore"
        at = 4 + 2 * count
        pointers = []
        for i in range(int(parts[at])):
            symbol, target, target_pos, source_target = parts[at + 1 + 4 * i : at + 5 + 4 * i]
            pointers.append(
                (
                    symbol,
                    int(target),
                    POS[target_pos],
                    int(source_target[:2], 16),
                    int(source_target[2:], 16),
                )
            )
        synsets[offset] = (lex_file, lemmas, pointers)
    return synsets


def rank(index: dict[str, list[int]], lemma: str, offset: int) -> int:
    """The place of a synset among a lemma's senses (99 when it is not among them)."""
    offsets = index.get(lemma, [])
    return offsets.index(offset) if offset in offsets else 99


def build() -> dict[str, list[object]]:
    index = {pos: read_index(pos) for pos in FILES}
    data = {pos: read_data(pos) for pos in FILES}
    pairs: dict[tuple[str, str, str], tuple[int, int]] = {}

    def add(pos: str, a: str, b: str, ra: int, rb: int) -> None:
        if "_" in a or "_" in b or a == b:
            return
        key = (pos, a, b)
        best = pairs.get(key, (99, 99))
        pairs[key] = min(best, (ra, rb), key=lambda r: max(r))

    for pos in FILES:
        for offset, (_, lemmas, pointers) in data[pos].items():
            for symbol, target, target_pos, source, word in pointers:
                if symbol != "!" or not source or not word:
                    continue
                a = lemmas[source - 1].lower()
                b = data[target_pos][target][1][word - 1].lower()
                ra, rb = rank(index[pos], a, offset), rank(index[target_pos], b, target)
                add(pos, a, b, ra, rb)
                add(pos, b, a, rb, ra)
                for derived_pos, da, db in derived(data, pos, offset, target, source, word):
                    add(derived_pos, da, db, ra, rb)
                    add(derived_pos, db, da, rb, ra)
                for way, at in ways_of(data, pos, offset):
                    rw = rank(index[pos], way, at)
                    add(pos, way, b, rw, rb)
                    add(pos, b, way, rb, rw)
    agents = sorted(
        lemma
        for lemma, offsets in index["noun"].items()
        if "_" not in lemma
        and any(data["noun"][o][0] in (PERSON, GROUP) for o in offsets[:AGENT_SENSES])
    )
    antonyms = [[pos, a, b, ra, rb] for (pos, a, b), (ra, rb) in sorted(pairs.items())]
    opposed = {a for _, a, _, _, _ in antonyms} | {b for _, _, b, _, _ in antonyms}
    irregular = [
        (form, base)
        for pos in FILES
        for line in (WORDNET / f"{FILES[pos]}.exc").read_text().splitlines()
        for form, *bases in [line.split()]
        for base in bases
        if "_" not in form
    ]
    exceptions = sorted([form, base] for form, base in irregular if base in opposed)
    return {
        "antonyms": antonyms,
        "agents": agents,
        "exceptions": exceptions,
        "places": peoples(data),
        "common": common_words(data, irregular),
        "compass": compass_points(index, data),
        "spellings": spellings(data),
        "units": sorted(
            lemma.lower()
            for lemma, offsets in index["noun"].items()
            if "_" not in lemma and data["noun"][offsets[0]][0] in (QUANTITY, TIME)
        ),
    }  # type: ignore[dict-item]


def compass_points(
    index: dict[str, dict[str, list[int]]],
    data: dict[str, dict[int, tuple[int, list[str], list[tuple[str, int, str, int, int]]]]],
) -> list[str]:
    """The cardinal compass points (hyponyms of "cardinal compass point") and the adjectives
    that pertain to them ("eastern", "westerly"): the parts a direction like "southeast" is
    made of."""
    top = index["noun"]["cardinal_compass_point"][0]
    points = {
        data["noun"][target][1][0].lower()
        for symbol, target, _, _, _ in data["noun"][top][2]
        if symbol == "~"
    }
    adjectives = {
        lemma.lower()
        for _, lemmas, pointers in data["adj"].values()
        for symbol, target, target_pos, _, _ in pointers
        if symbol in ("\\", "+", "=")
        and target_pos == "noun"
        and any(w.lower() in points for w in data["noun"][target][1])
        for lemma in lemmas
        if "_" not in lemma
    }
    return sorted(points | adjectives)


def spellings(
    data: dict[str, dict[int, tuple[int, list[str], list[tuple[str, int, str, int, int]]]]],
) -> list[list[str]]:
    """Pairs of lemmas of one synset that are two spellings of one word."""
    found = set()
    for synsets in data.values():
        for _, lemmas, _ in synsets.values():
            single = sorted({w for w in lemmas if w.isalpha() and w.islower()})  # no names
            found |= {(a, b) for a in single for b in single if a < b and same_word(a, b)}
    return sorted([a, b] for a, b in found)


def same_word(a: str, b: str) -> bool:
    """Tell whether two words are British and American spellings of one word."""
    if len(a) < 4 or a[:2] != b[:2] or Levenshtein.distance(a, b) > 2:
        return False
    if a[:-2] == b[:-2] and {a[-2:], b[-2:]} == {"re", "er"}:  # centre / center
        return True
    short, long = sorted((a, b), key=len)
    if long == short + "me" and short.endswith("m"):  # programme / program
        return True
    for op in Levenshtein.editops(a, b):
        if op.tag == "replace":
            if {a[op.src_pos], b[op.dest_pos]} not in ({"s", "z"}, {"c", "s"}):
                return False
            continue
        word, at = (a, op.src_pos) if op.tag == "delete" else (b, op.dest_pos)
        if not _spelling_letter(word, at):
            return False
    return True


def _spelling_letter(word: str, at: int) -> bool:
    """Tell whether the letter at `at` is one that spellings of a word differ by."""
    letter, before, after = word[at], word[at - 1 : at], word[at + 1 : at + 2]
    return (
        letter in (before, after)  # travelled / traveled
        or (letter == "u" and (before == "o" or after == "e"))  # colour, catalogue
        or (letter == "e" and before == "u" and at == len(word) - 1)  # catalogue
        or (letter in "ao" and after == "e")  # anaesthetic, oestrogen
        or (letter == "e" and word[at + 1 :].startswith("ment"))  # judgement
    )


def common_words(
    data: dict[str, dict[int, tuple[int, list[str], list[tuple[str, int, str, int, int]]]]],
    irregular: list[tuple[str, str]],
) -> list[str]:
    """Single words WordNet writes only in lower case, in any part of speech, with their
    irregular forms ("schoolchildren")."""
    lower, capital = set(), set()
    for synsets in data.values():
        for _, lemmas, _ in synsets.values():
            for lemma in lemmas:
                if "_" in lemma or not lemma.isalpha():
                    continue
                (lower if lemma.islower() else capital).add(lemma.lower())
    common = lower - capital
    common |= {form for form, base in irregular if base in common and form.isalpha()}
    return sorted(common - capital)


def peoples(
    data: dict[str, dict[int, tuple[int, list[str], list[tuple[str, int, str, int, int]]]]],
) -> list[list[str]]:
    """[adjective, proper noun] pairs an adjective pertains to: "Turkish" -> "Turkey", and
    each one-word name of the place ("Soviet" -> "USSR"); and [person, place] pairs of the
    people of a place ("Spaniard" -> "Spain", WordNet's member holonyms)."""
    places: dict[str, int] = {}  # how many places a name names ("China": the PRC, Taiwan)
    for lex_file, lemmas, _ in data["noun"].values():
        for lemma in lemmas if lex_file == PLACE else ():
            places[lemma.lower()] = places.get(lemma.lower(), 0) + 1
    found = set()
    for _, (_, lemmas, pointers) in data["adj"].items():
        for symbol, target, target_pos, source, word in pointers:
            if symbol != "\\" or target_pos != "noun" or not source or not word:
                continue
            adjective = lemmas[source - 1]
            if data["noun"][target][0] != PLACE or "_" in adjective or adjective.islower():
                continue
            named = data["noun"][target][1][word - 1]
            # every one-word name of the place that names no other place: "Soviet" -> "Soviet
            # Union", "USSR" (not "Russia"); "Taiwanese" -> "Taiwan" (not "China")
            for noun in data["noun"][target][1]:
                one_place = noun == named or places.get(noun.lower()) == 1
                if noun[:1].isupper() and "_" not in noun and len(noun) > 2 and one_place:
                    found.add((adjective.lower(), noun.lower()))
    # and its people: a native of a place, a member of it ("Spaniard" -> "Spain", "Dane"),
    # not a person named ("Plato"), nor one spelt as a common word ("Same", of Lapland); and
    # the place's adjectives ("Spaniard" -> "Spanish")
    adjectives: dict[str, set[str]] = {}
    for adjective, place in found:
        adjectives.setdefault(place, set()).add(adjective)
    lower = {
        w for synsets in data.values() for _, ws, _ in synsets.values() for w in ws if w.islower()
    }
    senses = Counter(w.lower() for _, ws, _ in data["noun"].values() for w in ws)
    for lex_file, lemmas, pointers in data["noun"].values():
        if lex_file != PERSON or any(p[0] == "@i" for p in pointers):
            continue
        # a people of one place only ("Basque": Spain and France; "Sherpa": Nepal and
        # Tibet), named by a word with no other sense ("Fleming", "Hindu")
        homes = [t for symbol, t, _, _, _ in pointers if symbol == "#m"]
        homes = [t for t in homes if data["noun"][t][0] == PLACE]
        if len(homes) != 1:
            continue
        people = [
            w
            for w in lemmas
            if w[:1].isupper()
            and "_" not in w
            and w.lower() not in lower
            and senses[w.lower()] == 1
        ]
        for target in homes:
            for n in data["noun"][target][1]:
                if n[:1].isupper() and "_" not in n and len(n) > 2 and places.get(n.lower()) == 1:
                    for person in people:
                        kin = {n.lower(), *adjectives.get(n.lower(), ())}
                        found.update((person.lower(), k) for k in kin if k != person.lower())
    return sorted([a, n] for a, n in found)


# A verb with more troponyms than this is too general for its ways to oppose its antonym's
# ("move" / "stay in place": "waddle" is no opposite of "stay").
TROPONYM_LIMIT = 40


def ways_of(
    data: dict[str, dict[int, tuple[int, list[str], list[tuple[str, int, str, int, int]]]]],
    pos: str,
    offset: int,
) -> list[tuple[str, int]]:
    """The words of a verb's troponyms (the ways of doing it: "soar" of "rise"), each with
    its synset: a way of doing one of a pair of opposites is opposed to the other ("shares
    soared" / "shares fell")."""
    if pos != "verb":
        return []
    ways = [t for symbol, t, p, _, _ in data[pos][offset][2] if symbol == "~" and p == pos]
    if len(ways) > TROPONYM_LIMIT:
        return []
    return [(w.lower(), t) for t in ways for w in data[pos][t][1] if "_" not in w]


def derived(
    data: dict[str, dict[int, tuple[int, list[str], list[tuple[str, int, str, int, int]]]]],
    pos: str,
    offset: int,
    target: int,
    source: int,
    word: int,
) -> list[tuple[str, str, str]]:
    """Pairs of words derived the same way from both words of an antonym pair."""
    found = []
    kinds = ("+", "\\")  # derivationally related form; pertainym / derived from adjective
    mine = [p for p in data[pos][offset][2] if p[0] in kinds and p[3] == source]
    theirs = [p for p in data[pos][target][2] if p[0] in kinds and p[3] == word]
    for _, t1, p1, _, w1 in mine:
        for _, t2, p2, _, w2 in theirs:
            if p1 == p2 and p1 != pos:
                found.append((p1, data[p1][t1][1][w1 - 1].lower(), data[p2][t2][1][w2 - 1].lower()))
    # adverbs point at their adjective ("quickly" \ "quick"): look from the adverb side
    return found


def main() -> int:
    if not (WORDNET / "data.noun").is_file():
        print("WordNet not found: apt-get install -y wordnet-base", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    table = build()
    (OUT / "lexicon.json").write_text(json.dumps(table, separators=(",", ":")) + "\n")
    licence = Path("/usr/share/doc/wordnet-base/copyright").read_text()
    (OUT / "WORDNET-LICENSE").write_text(
        "verifier/language/data/lexicon.json is compiled from WordNet 3.0 by\n"
        "scripts/build_lexicon.py. WordNet's licence follows.\n\n"
        "WordNet Release 3.0. WordNet 3.0 Copyright 2006 by Princeton University.\n"
        "All rights reserved.\n\n" + licence
    )
    print(f"{len(table['antonyms'])} antonym pairs, {len(table['agents'])} agent nouns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
