"""Words of synthetic newsroom claims: names, places, bodies, templates and fillers."""

from __future__ import annotations


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
LOCAL_BODIES = _listed(
    """City Council|Police Department|Chamber of Commerce|Port Authority|School Board|
    Water Board|Hospital Trust|Transit Authority"""
)
NATIONAL_BODIES = _listed("Ministry of {}|National {} Agency|{} Workers Union|{} Statistics Office")
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
SMALL = "two three four five six seven eight nine ten eleven twelve".split()
TENS = "ten twenty thirty forty fifty sixty seventy eighty ninety".split()
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
PERCENT_TEMPLATES = frozenset({2, 6})
TEMPLATE_WEIGHTS = (5, 3, 2, 3, 2, 2, 2)
COUNT_FORMS = ("comma", "comma", "comma", "plain", "million", "words")
PERCENT_FORMS = ("sign", "percent", "percent", "words")
FILLERS = (
    "The council is due to vote on the plan next month.",
    "Opposition members criticised the decision as rushed.",
    "Residents said they had not been consulted.",
    "The figures have not been independently verified.",
    "Officials declined to comment further.",
    "Critics say the change came too late.",
)
UNRELATED = (
    "The {team} beat the {team2} {a}-{b} on Saturday night to reach the cup final.",
    "A new exhibition of {name}'s paintings opens at the {place} museum of modern art in {month}.",
    "Scientists have identified a rare species of {creature} living in caves beneath {place}.",
    "The chef opened a restaurant serving {cuisine} dishes near the old harbour of {place}.",
    "Tickets for the {band} reunion tour sold out within {a} minutes, the promoter said.",
    "The comet will be visible to the naked eye for {a} nights next week, astronomers said.",
    "Film director {name} said her next project would be a musical about {creature}s.",
)
TEAMS = _listed("Riverside Rovers|Harbour Hawks|Valley Wolves|Northern Comets|Union Jets")
CREATURES = _listed("blind salamander|glass frog|cave beetle|ghost crab|pygmy seahorse")
CUISINES = _listed("Georgian|Peruvian|Ethiopian|Sichuan|Basque|Oaxacan")
BANDS = _listed("Velvet Tides|The Paper Lanterns|Copper Moth|Midnight Orchard")
