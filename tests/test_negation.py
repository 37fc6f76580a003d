"""Negation scoped to its proposition: a denial counts for the clause it governs."""

from __future__ import annotations

import pytest

from tests.conftest import verdict_in
from verifier.engine.extract import claim_from_fields
from verifier.engine.matching import prepare_statement
from verifier.engine.opposites import polarity_differs


@pytest.mark.parametrize(
    ("statement", "claim", "differs"),
    [
        # the claim's own sentence, or a part of it, never turns against it
        (
            "While it was supported by the Labour Party, the National Party did not support"
            " it, and it was defeated with 59 votes in favour and 63 against.",
            "While it was supported by the Labour Party, the National Party did not support"
            " it, and it was defeated with 59 votes in favour and 63 against.",
            False,
        ),
        (
            "It was defeated with 59 votes in favour and 63 against.",
            "While it was supported by the Labour Party, the National Party did not support"
            " it, and it was defeated with 59 votes in favour and 63 against.",
            False,
        ),
        (
            "The National Party supported it.",
            "While it was supported by the Labour Party, the National Party did not support"
            " it, and it was defeated with 59 votes in favour and 63 against.",
            True,
        ),
        # a quote that mentions a denial states the thing it quotes
        (
            "Mayor Linda Okafor said the bridge is the spine of downtown.",
            "\u201cThis bridge is the spine of our downtown, and we cannot let it crumble,\u201d"
            " Okafor told reporters.",
            False,
        ),
        # a denial inside a condition is the condition's
        (
            "He said he would fast if the river is not cleaned.",
            "If the river is not cleaned within days, I will fast, he said.",
            False,
        ),
        (
            "He said he would not fast even if the river is not cleaned.",
            "If the river is not cleaned within days, I will fast, he said.",
            True,
        ),
        # a fronted side clause is a proposition of its own
        (
            "The party from the naturalists club had 22 members.",
            "While the party of 22 from the naturalists club were looking for fossils, they did"
            " not expect to find anything this significant.",
            False,
        ),
        (
            "The party from the naturalists club expected to find something this significant.",
            "While the party of 22 from the naturalists club were looking for fossils, they did"
            " not expect to find anything this significant.",
            True,
        ),
        ("The Kelso bridge has reopened.", "The Kelso bridge has not reopened.", True),
        ("No troops will remain in Iraq.", "About 4,000 troops will remain in Iraq.", True),
        # a denial of a thing denies that thing: a statement silent on it is not denied
        (
            "Nesin was summoned to the prosecutor's office on August 7.",
            "On 7th August, Nesin was summoned to the prosecutor's office on the charge of"
            ' "education without permission".',
            False,
        ),
        (
            "Nesin was summoned for teaching with a permission.",
            "Nesin was summoned for teaching without permission.",
            True,
        ),
        (
            "At least 24 smaller aftershocks have hit the same area since the quake.",
            "At least two dozen smaller aftershocks, none greater than a magnitude of 3.6, have"
            " struck the same area since the quake.",
            False,
        ),
        # a denial in a side clause denies that clause and what it is said of
        (
            "Al-Bedawi had been serving a death sentence for his part in the bombing.",
            "Al-Bedawi, who was serving a death sentence for his role in the attack, escaped"
            " along with another plotter, Fawaz al-Rabeiee, who has yet to be captured.",
            False,
        ),
        (
            "Fawaz al-Rabeiee has been captured.",
            "Al-Bedawi, who was serving a death sentence for his role in the attack, escaped"
            " along with another plotter, Fawaz al-Rabeiee, who has yet to be captured.",
            True,
        ),
        # a denial of the second of two joined verbs denies that verb's part only
        (
            "Niyazov proclaimed himself president for life in 1999.",
            'President Niyazov of Turkmenistan had declared himself to be "President For Life"'
            " in 1999 after his last elected victory in 1992 and had not selected a successor.",
            False,
        ),
        (
            "Niyazov had selected a successor.",
            'President Niyazov of Turkmenistan had declared himself to be "President For Life"'
            " in 1999 after his last elected victory in 1992 and had not selected a successor.",
            True,
        ),
        # a denial reported inside a side clause is that clause's
        (
            "The Samajwadi Party joined the Left in street protests against the price hike.",
            "The Left parties, joined by the Samajwadi Party, today staged street protests"
            " against the price hike as the Communists said the government could not take"
            " their support for granted.",
            False,
        ),
        # "is taken to mean that ... may not": an infinitive says what the sentence says
        (
            "Network neutrality means that ISPs may limit services.",
            "Network neutrality is usually taken to mean that ISPs may not limit services.",
            True,
        ),
        # found by review: a side clause's words in order, the subject of a sentence denied
        ("The mayor resigned.", "The mayor, who did not resign, was re-elected on Sunday.", True),
        (
            "The mayor was re-elected on Sunday.",
            "The mayor, who did not resign, was re-elected on Sunday.",
            False,
        ),
        ("Smith has been charged.", "Smith, who has not been charged, was released.", True),
        (
            "Several people were injured when the bus left the road, police said.",
            "No passengers were injured when the bus left the road, police said.",
            True,
        ),
        # a denied verb stays the sentence's denial
        (
            "Professor Nesin no longer faces prosecution.",
            "Professor Nesin still faces prosecution.",
            True,
        ),
        (
            "Coalition presence will not be conditions-based, Dillon said.",
            "Continued coalition presence will be conditions-based, Dillon said.",
            True,
        ),
        # a denial with its verb phrase left out denies the clause before it
        (
            "Peter de Haan van der Weg said the Swiss are better at cutting harmful emissions"
            " than anyone else.",
            '"The Swiss think they are better at cutting harmful emissions than anyone else,'
            ' but they are not," says researcher Peter de Haan van der Weg.',
            True,
        ),
        (
            "A record 42 countries entered the 52nd edition of the Eurovision Song Contest.",
            "A record 42 countries entered the 52nd edition of the Eurovision Song Contest, but"
            " 18 didn't make it through the selection rounds.",
            False,
        ),
        # both deny, each another part: the claim affirms the part the statement denies
        (
            "Buildings in Taipei did not shake during the quake.",
            "So far there are no reports of damage, injuries or deaths, but reports say that"
            " buildings located in Taipei swayed and shook during the quake.",
            True,
        ),
        (  # found by review: the statement's denial is the claim's
            "No one was injured when the explosion damaged three shops in the market in Kano.",
            "Nobody was injured in the blast, but the explosion damaged three shops in the"
            " market in Kano.",
            False,
        ),
        (
            "So far nobody has been hurt, and there are no reports of damage.",
            "So far there are no reports of damage, injuries or deaths, but reports say that"
            " buildings located in Taipei swayed and shook during the quake.",
            False,
        ),
        # a word the claim affirms outside its denial is not what it denies: the landing
        (
            "Officer Earl Decherong radioed that the plane was gliding toward a landing on the"
            " water.",
            "Officer Earl Decherong, using a radio telephone, called to say they were gliding to"
            " make a water landing and that they could see no light or land.",
            False,
        ),
        # two clauses joined by a bare "and": the denial is the first one's
        (
            "The Independent Police Complaints Commission say a single shot was fired.",
            "The injury to the man who was shot was not life threatening and the Independent"
            " Police Complaints Commission say a single shot was fired.",
            False,
        ),
    ],
    ids=lambda v: str(v)[:30],
)
def test_a_denial_counts_for_its_own_proposition(statement: str, claim: str, differs: bool) -> None:
    source = claim_from_fields({"text": claim, "article_id": "a"})
    assert polarity_differs(prepare_statement(statement), source) == differs


@pytest.mark.parametrize(
    ("statement", "claim", "verdict"),
    [
        # a denial and an opposite cancel out
        (
            "The car lacks the modern safety features found in many cars.",
            "One drawback to this car is that it has none of the modern safety features found"
            " in many cars.",
            "supported",
        ),
        # a verb that denies what follows, against its opposite: one opposition, no cancel
        (
            "Jintao refused to support Venezuela's bid for a Security Council seat.",
            "Chavez said that Jintao agreed to support Venezuela's bid to join the United"
            " Nations Security Council.",
            "contradicted",
        ),
        (  # a denial of the denying verb: the two cancel (found by review)
            "Jintao never refused to support Venezuela's bid for a Security Council seat.",
            "Chavez said that Jintao agreed to support Venezuela's bid to join the United"
            " Nations Security Council.",
            "supported",
        ),
        (
            "Jintao agreed to support Venezuela's bid for a Security Council seat.",
            "Chavez said that Jintao agreed to support Venezuela's bid to join the United"
            " Nations Security Council.",
            "supported",
        ),
        # a denial that is itself the opposite: "never" against "always", one opposition
        (
            "Students said the campuses had always been cleaned properly.",
            "Students have said cleaning was never done properly.",
            "contradicted",
        ),
        # two clauses of what a speaker said, each checked alone: the denial is the first's
        (
            "The blaze was not started deliberately and the building was evacuated safely.",
            "Firefighters said the blaze was not started deliberately and the building was"
            " evacuated safely.",
            "supported",
        ),
        # the same denial in a side clause and in a condition; a speaker's place by its
        # adjective ("Police in Ireland", "Irish police")
        (
            "Police in Ireland warned that drivers who do not pay their fines will be prosecuted.",
            "Irish police have said if the fines are not paid the drivers will face prosecution.",
            "supported",
        ),
        # a surname is no place's people ("Michael Jordan" / "Jordanian officials")
        (
            "Michael Jordan said the peace talks would resume next week.",
            "Jordanian officials said the peace talks would resume next week.",
            "unverified",
        ),
        # two denials that share a word but not what they deny (found by review)
        (
            "The company said workers who do not join the union will lose their jobs.",
            "The company said that if workers do not leave the union, they will lose their jobs.",
            "contradicted",
        ),
        # "ever" against "never" of a comparison: the same (found by review)
        (
            "It was the worst flood the town had ever seen.",
            "The town had never seen a worse flood.",
            "supported",
        ),
        # a denial by "denied" and a gerund, and a clause denied by "without ... being"
        (
            "Don Brash denied knowing that the Exclusive Brethren planned to release brochures.",
            "Don Brash, leader of the National Party, admitted that he was aware that the"
            " Exclusive Brethren were going to release brochures.",
            "contradicted",
        ),
        (
            "The pamphlets made the Church's involvement obvious.",
            "The pamphlets were published without the link to the Church being obvious.",
            "contradicted",
        ),
        (
            "The pamphlets were published without a permit from the council.",
            "The pamphlets were published without a permit from the council.",
            "supported",
        ),
        # a verdict the other way: "acquitted" against "found guilty" (a hand pair: WordNet
        # opposes acquit/convict and guilty/innocent, never the verb to the adjective)
        (
            "Mrs. Hovind was acquitted on 44 counts of evading bank-reporting requirements.",
            "Mrs. Hovind was found guilty in November on 44 counts of evading bank-reporting"
            " requirements.",
            "contradicted",
        ),
        (
            "Mrs. Hovind was found guilty on 44 counts of evading bank-reporting requirements.",
            "Mrs. Hovind was found guilty in November on 44 counts of evading bank-reporting"
            " requirements.",
            "supported",
        ),
        # "without" a thing denies nothing of the clause
        (
            "The police shut down the school run by Ali Nesin.",
            "The school run by Ali Nesin was shut down by the police for teaching without a"
            " permit.",
            "supported",
        ),
        # one "at least" claims more than the other: another number
        (
            "At least six people died in the flood.",
            "At least four people died in the flood.",
            "contradicted",
        ),
        (
            "More than three people died in the flood.",
            "At least four people died in the flood.",
            "supported",
        ),
        # a bound against the claim's bound of the same sort
        (
            "Reuters put the death toll as high as 170.",
            "At least 70 people have been killed, although Reuters puts the figure as high as 140.",
            "contradicted",
        ),
        (
            "Reuters put the death toll as high as 140.",
            "At least 70 people have been killed, although Reuters puts the figure as high as 140.",
            "supported",
        ),
        # a rank is held against a rank the claim gives, and only then
        (
            "She tied for 12th place at last year's championship.",
            "She, who finished in a tie for 14th in last year's championship, won this year.",
            "contradicted",
        ),
        (
            "She won this year's championship for the first time.",
            "She won this year's championship.",
            "supported",
        ),
    ],
    ids=lambda v: str(v)[:30],
)
def test_denials_opposites_and_floors(statement: str, claim: str, verdict: str) -> None:
    assert verdict_in(f"Report\n\n{claim}", statement) == verdict


@pytest.mark.parametrize(
    ("statement", "claim", "verdict"),
    [
        # a word that is a denial on its own, against the word it denies: one opposition
        (
            "Researchers consider the vaccine likely to reach the market this decade.",
            "The vaccine shows promise in mice but is considered unlikely to reach the market"
            " this decade.",
            "contradicted",
        ),
        (
            "Researchers consider the vaccine unlikely to reach the market this decade.",
            "The vaccine shows promise in mice but is considered unlikely to reach the market"
            " this decade.",
            "supported",
        ),
        # a clause with no subject of its own says it of the subject before it: the denial
        # is held against a statement about that subject's other clause
        (
            "The audit report has already been made public.",
            "The audit report was handed to ministers on Monday but has yet to be made public.",
            "contradicted",
        ),
        (
            "The audit report was handed to ministers on Monday.",
            "The audit report was handed to ministers on Monday but has yet to be made public.",
            "supported",
        ),
        # in a side clause, a word that is a denial denies that clause alone
        (
            "Repairs to the bridge would cost $12 million.",
            "The mayor, who is unlikely to run again, said repairs to the bridge would cost"
            " $12 million.",
            "supported",
        ),
        # "unable to" denies what follows, as "failed to" does; not "unable to comment"
        (
            "Firefighters were unable to rescue the six residents of the burning building.",
            "Firefighters rescued all six residents of the burning building.",
            "contradicted",
        ),
        # in a side clause it denies that clause; "unable to ... until" says when it happened
        # (found by review)
        (
            "The plane was diverted to Manchester.",
            "The plane, which was unable to land in fog, was diverted to Manchester.",
            "supported",
        ),
        (
            "Rescuers reached the village on Sunday.",
            "Rescuers were unable to reach the village until Sunday, when the water fell.",
            "supported",
        ),
        (
            "The landlord was unable to comment on the fire.",
            "Firefighters rescued all six residents of the burning building.",
            "unverified",
        ),
    ],
    ids=lambda v: str(v)[:30],
)
def test_denials_written_as_one_word_or_in_a_clause_without_subject(
    statement: str, claim: str, verdict: str
) -> None:
    assert verdict_in(f"Report\n\n{claim}", statement) == verdict


@pytest.mark.parametrize(
    ("statement", "claim", "verdict"),
    [
        # ", however" parts a sentence's propositions as ", but" does
        (
            "10% of the cheese sampled is also contaminated.",
            "Ten percent of the cheese sampled is also contaminated, however adults will not be"
            " harmed if they eat small amounts.",
            "supported",
        ),
        # the figures a statement repeats tell which part it speaks of
        (
            "The mill said in May 2010 that 40 of its 120 workers would lose their jobs by the"
            " end of the year.",
            "The mill announced in May 2010 that it will cut 40 of its 120 jobs by the end of"
            " 2010, while the remaining 80 jobs will not be safe for the next 3 years.",
            "supported",
        ),
        # a denial of something else does not cancel a pair of opposites
        (
            "The new strain has a shorter symptom-free incubation period than the old one.",
            "The new strain has a longer incubation period without symptoms than the old one.",
            "contradicted",
        ),
    ],
    ids=lambda v: str(v)[:30],
)
def test_parts_figures_and_bounds_found_in_new_sets(
    statement: str, claim: str, verdict: str
) -> None:
    assert verdict_in(f"Report\n\n{claim}", statement) == verdict


@pytest.mark.parametrize(
    ("statement", "claim", "verdict"),
    [  # found by the second review
        # a denial of the whole sentence governs its pair of opposites: the two cancel
        (
            "Federer lost both sets against Murray.",
            "Federer failed to win a set against Murray, losing 6-4, 6-3.",
            "supported",
        ),
        (
            "Every bank stock ended lower on Friday.",
            "No bank stock ended higher on Friday.",
            "supported",
        ),
        # "refused to ... until" did not do it
        (
            "The judge released Dolan on bail.",
            "The judge refused to release Dolan on bail until sentencing.",
            "contradicted",
        ),
        # the first of two verbs joined by "and" is the one denied
        (
            "His lawyer said he would appeal the verdict.",
            "His lawyer said his client was unable to afford a private investigator and would"
            " appeal the verdict.",
            "supported",
        ),
    ],
    ids=lambda v: str(v)[:30],
)
def test_denials_of_a_whole_sentence_and_of_one_verb(
    statement: str, claim: str, verdict: str
) -> None:
    assert verdict_in(f"Report\n\n{claim}", statement) == verdict


def test_an_opposite_in_a_side_clause_the_denial_does_not_govern() -> None:
    # "failed to deliver" denies the delivery, not the halving (found by the second review)
    claim = (
        "Aid agencies failed to deliver food to the worst-hit district, where stocks had halved."
    )
    assert (
        verdict_in(f"Report\n\n{claim}", "Food stocks in the district doubled.") == "contradicted"
    )


@pytest.mark.parametrize(
    ("statement", "claim", "verdict"),
    [  # found by the third review
        # "unable to ... until" reads past commas in its clause, not past a joined verb
        (
            "Crews restored power to 40,000 homes late on Tuesday.",
            "Utility crews were unable to restore power to 40,000 homes until late Tuesday,"
            " after a storm.",
            "supported",
        ),
        (
            "Rescuers found the missing climber.",
            "Rescuers failed to find the missing climber and will continue searching until"
            " nightfall.",
            "contradicted",
        ),
        # two verbs joined by "or" are both denied; by "and", the first alone, and never
        # the subject they share
        (
            "The utility cut output this year.",
            "The utility has not raised prices or cut output this year.",
            "contradicted",
        ),
        (
            "The government asked foreign donors for $50 million.",
            "The government did not declare an emergency and asked foreign donors for $50 million.",
            "supported",
        ),
        (
            "The government declared an emergency.",
            "The government did not declare an emergency and asked foreign donors for $50 million.",
            "contradicted",
        ),
    ],
    ids=lambda v: str(v)[:30],
)
def test_until_or_and_the_subject_two_verbs_share(statement: str, claim: str, verdict: str) -> None:
    assert verdict_in(f"Report\n\n{claim}", statement) == verdict
