"""Synthetic newsroom claims for benchmarks: sentences from templates, seeded, reproducible."""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from verifier.measure.synthetic_words import (
    BANDS,
    COUNT_FORMS,
    CREATURES,
    CUISINES,
    DOMAINS,
    FILLERS,
    FIRST,
    LOCAL_BODIES,
    MONTHS,
    NATIONAL_BODIES,
    NOUNS,
    PERCENT_FORMS,
    PERCENT_TEMPLATES,
    PLACES,
    ROLES,
    SMALL,
    SURNAMES,
    TEAMS,
    TEMPLATE_WEIGHTS,
    TEMPLATES,
    TENS,
    UNRELATED,
)


@dataclass(frozen=True, slots=True)
class Amount:
    """A figure and the way the sentence writes it."""

    value: float
    form: str  # comma | plain | million | words | sign | percent | words%

    def text(self) -> str:
        """Write the figure in its form: '4,300', '4.3 million', 'sixty per cent'."""
        v = self.value
        if self.form == "million":
            return f"{v / 1e6:g} million"
        if self.form == "words":
            thousands, hundreds = divmod(int(v), 1000)
            if hundreds == 0:
                return f"{SMALL[thousands - 2]} thousand"
            return f"{SMALL[int(v) // 100 - 2]} hundred"
        if self.form == "words%":
            return f"{TENS[int(v) // 10 - 1]} per cent"
        if self.form == "sign":
            return f"{v:g}%"
        if self.form == "percent":
            return f"{v:g} percent"
        return f"{int(v):,}" if self.form == "comma" else str(int(v))


@dataclass(frozen=True)
class Fact:
    """One synthetic claim's parts, enough to write it, paraphrase it or falsify it."""

    index: int
    article: int
    template: int
    amount: Amount
    parts: dict[str, Any]  # speaker, role, place, org, noun, verb, year, year2, month, span

    def render(self, paraphrase: bool = False) -> str:
        """Write the claim, or its paraphrase."""
        template = TEMPLATES[self.template][1 if paraphrase else 0]
        return template.format(**self.parts, n=self.amount.text())


def new_amount(rng: random.Random, percent: bool) -> Amount:
    """Draw a figure in one of the forms newsrooms write."""
    form = rng.choice(PERCENT_FORMS if percent else COUNT_FORMS)
    if form == "words":
        if percent:
            return Amount(10 * rng.randint(1, 9), "words%")
        if rng.random() < 0.5:  # "two thousand" ... "twelve thousand"
            return Amount(rng.randint(2, 12) * 1000, "words")
        return Amount(rng.choice((2, 3, 4, 5, 6, 7, 8, 9, 11, 12)) * 100, "words")
    if percent:
        return Amount(rng.choice((rng.randint(2, 95), rng.randint(20, 190) / 2)), form)
    if form == "million":
        return Amount(rng.randint(11, 99) * 100_000, form)
    if form == "plain":
        return Amount(rng.randint(12, 999), form)
    digits = rng.uniform(3, 5.4)
    return Amount(round(10**digits, 2 - int(digits)), form)


def changed(amount: Amount, rng: random.Random) -> Amount:
    """Return the figure moved well outside any tolerance, written the same way."""
    if amount.form in ("words", "words%"):
        while True:
            fresh = new_amount(rng, amount.form == "words%")
            if fresh.form == amount.form and abs(fresh.value / amount.value - 1) > 0.3:
                return fresh
    factor = rng.choice((rng.uniform(0.4, 0.7), rng.uniform(1.4, 2.2)))
    if amount.form in ("sign", "percent"):
        value = amount.value * (factor if amount.value * factor <= 99 else 0.5)
        return Amount(max(1, round(value)), amount.form)
    if amount.form == "million":
        return Amount(round(amount.value * factor, -5), amount.form)
    value = max(2.0, amount.value * factor)
    return Amount(round(value, 2 - int(math.log10(value))), amount.form)  # 3 significant figures


def _person(rng: random.Random) -> tuple[str, str]:
    # Zipf-like: a few people are quoted often, most rarely.
    k = int(len(FIRST) * len(SURNAMES) * rng.random() ** 3)
    return f"{FIRST[k % len(FIRST)]} {SURNAMES[(k * 7919) % len(SURNAMES)]}", ROLES[k % len(ROLES)]


def facts(count: int, seed: int, first_index: int = 0) -> Iterator[Fact]:
    """Yield `count` claims' facts, grouped in articles of 6-14 claims about one place."""
    rng = random.Random(seed)
    index, article, end = first_index, first_index // 10, first_index + count
    while index < end:
        place = rng.choice(PLACES)
        body = rng.choice(LOCAL_BODIES + NATIONAL_BODIES)
        org = body.format(rng.choice(DOMAINS)) if "{}" in body else f"{place} {body}"
        scene = {"place": place, "org": org, "month": rng.choice(MONTHS)}
        people = [_person(rng) for _ in range(rng.randint(1, 3))]
        base_year = rng.randint(1998, 2024)
        for _ in range(min(rng.randint(6, 14), end - index)):
            template = rng.choices(range(len(TEMPLATES)), TEMPLATE_WEIGHTS)[0]
            (who, role), (noun, verbs) = rng.choice(people), rng.choice(NOUNS)
            year = base_year - rng.randint(0, 2)
            parts: dict[str, Any] = {
                **scene,
                "speaker": who,
                "role": role,
                "noun": noun,
                "verb": rng.choice(verbs),
            }
            parts |= {"year": year, "year2": year + rng.randint(1, 5), "span": rng.randint(2, 10)}
            amount = new_amount(rng, template in PERCENT_TEMPLATES)
            yield Fact(index, article, template, amount, parts)
            index += 1
        article += 1


def claim_record(fact: Fact) -> dict[str, Any]:
    """Return the bulk-import record of a fact (what a CMS export would carry)."""
    first, _ = NOUNS[hash(fact.article) % len(NOUNS)]
    parts = fact.parts
    headline = f"{parts['place']}: {first} figures, {parts['org']} says"
    named = "{speaker}" in TEMPLATES[fact.template][0]
    return {
        "id": f"syn-{fact.index:07d}",
        "text": fact.render(),
        "speaker": parts["speaker"] if named else parts["org"],
        "speaker_role": parts["role"] if named else None,
        "article_id": f"syn-a{fact.article:06d}",
        "article_title": headline,
        "title": headline,
    }


def number_change(fact: Fact, rng: random.Random) -> str:
    """Write a stored claim with its figure (or, sometimes, its year) changed."""
    if rng.random() < 0.25:
        shift = rng.choice((-6, -4, -3, 3, 4))
        years = {"year": fact.parts["year"] + shift, "year2": fact.parts["year2"] + shift}
        return replace(fact, parts={**fact.parts, **years}).render()
    return replace(fact, amount=changed(fact.amount, rng)).render()


def unrelated(rng: random.Random) -> str:
    """Write a sentence about nothing the claim base holds (sometimes naming a known place)."""
    return rng.choice(UNRELATED).format(
        team=rng.choice(TEAMS),
        team2=rng.choice(TEAMS[::-1]),
        a=rng.randint(2, 40),
        b=rng.randint(0, 1),
        name=f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}",
        place=rng.choice(PLACES),
        month=rng.choice(MONTHS),
        creature=rng.choice(CREATURES),
        cuisine=rng.choice(CUISINES),
        band=rng.choice(BANDS),
    )


def statements(sample: list[Fact], seed: int) -> dict[str, list[str]]:
    """Return the three kinds of query statement, one per sampled fact each."""
    rng = random.Random(seed)
    return {
        "paraphrase": [f.render(paraphrase=True) for f in sample],
        "number_change": [number_change(f, rng) for f in sample],
        "unrelated": [unrelated(rng) for _ in sample],
    }


def articles(count: int, seed: int) -> list[str]:
    """Return article texts (headline on the first line) of 6-14 sentences and some filler."""
    rng = random.Random(seed)
    grouped: dict[int, list[Fact]] = {}
    for fact in facts(count * 12, seed, first_index=10_000_000):
        grouped.setdefault(fact.article, []).append(fact)
    texts = []
    for group in list(grouped.values())[:count]:
        lead = group[0].parts
        headline = f"{lead['place']}: {lead['noun']} figures from the {lead['org']}"
        body = [f.render() for f in group] + rng.sample(FILLERS, 2)
        rng.shuffle(body)
        texts.append(headline + "\n\n" + " ".join(body))
    return texts


def draft(sample: list[Fact], seed: int, words: int = 1000) -> str:
    """Return a draft of about `words` words mixing paraphrases, wrong figures and other news."""
    rng = random.Random(seed)
    kinds = statements(sample, seed)
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < words:
        kind = rng.choice([*kinds, "filler"])
        sentences.append(rng.choice(FILLERS) if kind == "filler" else rng.choice(kinds[kind]))
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    return "\n\n".join(paragraphs)
