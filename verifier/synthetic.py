"""Synthetic newsroom claims for benchmarks: sentences from templates, seeded, reproducible."""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any


def _listed(text: str) -> list[str]:
    """Split a '|'-separated word list written over several lines."""
    return [part.strip() for part in text.split("|")]


FIRST = """Maria James Aisha Wei Carlos Fatima Olga Daniel Priya Kwame Sofia Ahmed Elena John Mei
    Lucas Amara Ivan Grace Omar Ingrid Raj Chloe Tomasz Nadia Pedro Hannah Yusuf Leila Marco Anna
    Samuel Noura Kenji Zara Felix Ruth Diego Aylin Patrick Irina Hassan Lena Emeka Clara Viktor
    Beatriz Tariq Julia Mateo Esther Arjun Alice Bongani Rosa Stefan Yara Liam Marta""".split()
_REAL_SURNAMES = """Smith Johnson Nguyen Patel Kowalski Rossi Haddad Silva Tanaka Ivanova Mensah
    Larsen Dubois Moreau Schmidt Novak Costa Ahmadi Kim Park Sato Hernandez Lopez Gonzalez Wilson
    Brennan Walsh Murphy Okonkwo Adeyemi Banda Mwangi Otieno Petrov Horvat Jansen Bakker Nielsen
    Berg Lindqvist Kaya Demir Yilmaz Farouk Rahman Chowdhury Singh Gupta Iyer Reyes Santos Cruz
    Torres Alvarez Romero Fischer Weber Keller Bianchi Ricci Greco Papadopoulos Cohen Levi Diallo
    Traore Ndiaye Asante Boateng Owusu Wang Liu Zhang Huang Zhou Tran Pham Hoang Kaur Mehta Nair
    Rao Bose""".split()
_ONSETS = """Ab Bal Cor Dan El Fer Gar Hal Ir Jas Kov Lin Mar Nor Os Pet Quin Ros Sal Tor Ul Var
    Wel Yar Zel""".split()
_CODAS = """ani berg czyk dottir enko ford gaard hart ino jevic kova ley mann ner opoulos quist rez
    son tti ura vik wood yan zadeh""".split()
SURNAMES = _REAL_SURNAMES + [o + c for o in _ONSETS for c in _CODAS]
_REAL_PLACES = """Lisbon Porto Seville Valencia Lyon Marseille Nantes Bremen Leipzig Dresden Gdansk
    Krakow Brno Graz Turin Bologna Naples Athens Thessaloniki Izmir Ankara Haifa Amman Beirut Cairo
    Alexandria Casablanca Tunis Lagos Accra Dakar Nairobi Mombasa Kampala Kigali Lusaka Harare
    Durban Pretoria Mumbai Pune Chennai Dhaka Karachi Lahore Colombo Kathmandu Hanoi Manila Cebu
    Jakarta Surabaya Penang Osaka Sapporo Busan Taipei Perth Adelaide Brisbane Auckland Wellington
    Quito Lima Cusco Bogota Medellin Caracas Recife Curitiba Montevideo Rosario Cordoba Oaxaca
    Monterrey Guadalajara Houston Denver Phoenix Portland Seattle Atlanta Detroit Baltimore Memphis
    Tulsa Omaha Calgary Winnipeg Halifax Ottawa Glasgow Cardiff Belfast Leeds Bristol Dublin Cork
    Galway Aarhus Bergen Tampere Tartu Riga Vilnius""".split()
_TOWN_HEADS = """Ash Bright Cold Deep East Fair Green High Iron King Long Mill North Oak Red Salt
    Stone West White Wood""".split()
_TOWN_TAILS = (
    "bridge brook field ford gate ham haven hill mouth port stead ton vale wick worth".split()
)
PLACES = _REAL_PLACES + [h + t for h in _TOWN_HEADS for t in _TOWN_TAILS]
DOMAINS = """Health Education Transport Housing Finance Agriculture Energy Labour Environment
    Justice Interior Trade Tourism Water Fisheries Culture Industry Forestry Welfare Migration
    Aviation Mining Planning""".split()
_LOCAL_BODIES = _listed(
    """City Council|Police Department|Chamber of Commerce|Port Authority|School Board|
    Water Board|Hospital Trust|Transit Authority"""
)
_NATIONAL_BODIES = _listed(
    "Ministry of {}|National {} Agency|{} Workers Union|{} Statistics Office"
)
ROLES = _listed(
    """mayor|deputy mayor|governor|police chief|fire chief|health commissioner|housing director|
    budget director|transport secretary|council leader|school superintendent|chief economist|
    planning director|harbour master|public health officer"""
)
_NOUN_VERBS = _listed(
    """jobs: created cut lost added | homes: built sold repossessed flooded | patients: treated
    admitted discharged | students: enrolled tested | teachers: hired trained | nurses: hired
    recruited | vehicles: registered recalled impounded | trees: planted felled | flights:
    cancelled delayed | businesses: opened closed registered | households: connected
    evacuated | passengers: carried stranded | cases of measles: reported confirmed | acres of
    forest: burned cleared replanted | doses of vaccine: administered delivered | police
    officers: deployed hired suspended | complaints: filed received | cattle: culled
    vaccinated | buses: bought retired | wells: drilled | bridges: repaired inspected |
    schools: closed reopened built | hospital beds: added cut | workers: laid-off hired |
    tonnes of grain: harvested exported imported | migrants: registered resettled |
    apartments: built renovated | streetlights: replaced installed | permits: granted issued
    refused"""
)
NOUNS = [(" ".join(n.split()), v.split()) for n, v in (p.split(":") for p in _NOUN_VERBS)]
MONTHS = """January February March April May June July August September October November
    December""".split()
_SMALL = "two three four five six seven eight nine ten eleven twelve".split()
_TENS = "ten twenty thirty forty fifty sixty seventy eighty ninety".split()
# (claim, paraphrase): the paraphrase drops the role, shifts the tense and says "about N".
TEMPLATES = (
    (
        "{speaker}, the {role} of {place}, said {n} {noun} were {verb} in {year}.",
        "{speaker} says about {n} {noun} had been {verb} in {place} in {year}.",
    ),
    (
        "According to the {org}, {n} {noun} were {verb} in {place} in {month} {year}.",
        "{org} figures show about {n} {noun} have been {verb} in {place} in {month} {year}.",
    ),
    (
        "{speaker}, the {role} of {place}, told reporters that {n} of {noun} had been {verb} "
        "by {year}.",
        "{speaker} told reporters about {n} of {noun} in {place} were {verb} by {year}.",
    ),
    (
        "The number of {noun} {verb} in {place} rose to {n} in {year}, the {org} said in a "
        "report published in {month}.",
        "The {org} says the number of {noun} {verb} in {place} has risen to about {n} in {year}.",
    ),
    (
        "In {month} {year}, {speaker}, the {role} of {place}, announced that {n} {noun} would be "
        "{verb} over the next {span} years.",
        "{speaker} announced in {month} {year} that about {n} {noun} will be {verb} in {place} "
        "over the next {span} years.",
    ),
    (
        "Figures from the {org} show that {n} {noun} were {verb} in {place} between {year} and "
        "{year2}, {speaker} said.",
        "{speaker} says about {n} {noun} had been {verb} in {place} from {year} to {year2}.",
    ),
    (
        "{speaker}, the {role} of {place}, said the number of {noun} {verb} fell by {n} in {year}.",
        "{speaker} says the number of {noun} {verb} in {place} dropped by about {n} in {year}.",
    ),
)
_PERCENT_TEMPLATES = frozenset({2, 6})
_TEMPLATE_WEIGHTS = (5, 3, 2, 3, 2, 2, 2)
_COUNT_FORMS = ("comma", "comma", "comma", "plain", "million", "words")
_PERCENT_FORMS = ("sign", "percent", "percent", "words")
FILLERS = (
    "The council is due to vote on the plan next month.",
    "Opposition members criticised the decision as rushed.",
    "Residents said they had not been consulted.",
    "The figures have not been independently verified.",
    "Officials declined to comment further.",
    "Critics say the change came too late.",
)
_UNRELATED = (
    "The {team} beat the {team2} {a}-{b} on Saturday night to reach the cup final.",
    "A new exhibition of {name}'s paintings opens at the {place} museum of modern art in {month}.",
    "Scientists have identified a rare species of {creature} living in caves beneath {place}.",
    "The chef opened a restaurant serving {cuisine} dishes near the old harbour of {place}.",
    "Tickets for the {band} reunion tour sold out within {a} minutes, the promoter said.",
    "The comet will be visible to the naked eye for {a} nights next week, astronomers said.",
    "Film director {name} said her next project would be a musical about {creature}s.",
)
_TEAMS = _listed("Riverside Rovers|Harbour Hawks|Valley Wolves|Northern Comets|Union Jets")
_CREATURES = _listed("blind salamander|glass frog|cave beetle|ghost crab|pygmy seahorse")
_CUISINES = _listed("Georgian|Peruvian|Ethiopian|Sichuan|Basque|Oaxacan")
_BANDS = _listed("Velvet Tides|The Paper Lanterns|Copper Moth|Midnight Orchard")


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
                return f"{_SMALL[thousands - 2]} thousand"
            return f"{_SMALL[int(v) // 100 - 2]} hundred"
        if self.form == "words%":
            return f"{_TENS[int(v) // 10 - 1]} per cent"
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
    form = rng.choice(_PERCENT_FORMS if percent else _COUNT_FORMS)
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
        body = rng.choice(_LOCAL_BODIES + _NATIONAL_BODIES)
        org = body.format(rng.choice(DOMAINS)) if "{}" in body else f"{place} {body}"
        scene = {"place": place, "org": org, "month": rng.choice(MONTHS)}
        people = [_person(rng) for _ in range(rng.randint(1, 3))]
        base_year = rng.randint(1998, 2024)
        for _ in range(min(rng.randint(6, 14), end - index)):
            template = rng.choices(range(len(TEMPLATES)), _TEMPLATE_WEIGHTS)[0]
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
            amount = new_amount(rng, template in _PERCENT_TEMPLATES)
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
    return rng.choice(_UNRELATED).format(
        team=rng.choice(_TEAMS),
        team2=rng.choice(_TEAMS[::-1]),
        a=rng.randint(2, 40),
        b=rng.randint(0, 1),
        name=f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}",
        place=rng.choice(PLACES),
        month=rng.choice(MONTHS),
        creature=rng.choice(_CREATURES),
        cuisine=rng.choice(_CUISINES),
        band=rng.choice(_BANDS),
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
