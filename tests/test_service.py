"""The pipeline end to end in-process: seed dev accuracy, properties, drafts, imports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PROBE_PATH, TIED_CLAIMS, seed_dev_rows, tied_engine
from verifier.engine.bulk import import_claims
from verifier.engine.curated import curated
from verifier.engine.service import Engine, check_draft, ingest_article, verify
from verifier.models import CONTRADICTED, SUPPORTED, UNVERIFIED, Verdict

CLAIMS = [c for _, claims in curated() for c in claims]
NUMBERED = [c for c in CLAIMS if any(q.kind in ("count", "percent") for q in c.quantities)]
# 1,015 statements about the seed article the team wrote (not the shared dev set): paraphrases,
# number forms, comparisons, negations, speakers, months, entity swaps, unrelated ones (the
# last 842 by twelve writers who never saw the code). The known misses need what word overlap
# cannot give ("named their destination" is not "did not indicate where").
PROBE = PROBE_PATH


def test_seed_dev_verdicts_and_citations(engine: Engine) -> None:
    rows = seed_dev_rows()
    right = cited = citable = 0
    for row in rows:
        verdict = verify(row["statement"], engine)
        right += verdict.verdict == row["verdict"]
        if row["cite"]:
            citable += 1
            cited += any(row["cite"] in c.quote for c in verdict.citations)
    assert right / len(rows) >= 0.95
    assert cited / citable >= 0.90


def test_the_teams_probe_statements(engine: Engine) -> None:
    rows = [json.loads(line) for line in PROBE.read_text(encoding="utf-8").splitlines()]
    misses, uncited = [], []
    for row in rows:
        verdict = verify(row["statement"], engine)
        if verdict.verdict != row["verdict"]:
            misses.append(f"{row['statement']} -> {verdict.verdict}")
        if row["fragment"] and not any(row["fragment"] in c.quote for c in verdict.citations):
            uncited.append(row["statement"])
    assert len(rows) == 1015
    assert 1 - len(misses) / len(rows) >= 0.94, misses
    assert 1 - len(uncited) / len(rows) >= 0.96, uncited


# Eight drafts about the seed article as a reporter would type them into a CMS, each
# sentence labelled, by two writers who never saw the code (52 + 49 sentences).
DRAFTS = Path(__file__).parent / "data" / "seed_drafts.jsonl"


def test_the_teams_drafts_are_split_as_written_and_checked(engine: Engine) -> None:
    drafts = [json.loads(line) for line in DRAFTS.read_text(encoding="utf-8").splitlines()]
    labelled = right = cited = 0
    for draft in drafts:
        report = {s.text: s for s in check_draft(draft["draft"], engine).sentences}
        for row in draft["sentences"]:
            found = report[row["text"]]  # every sentence comes back whole, with its offsets
            assert draft["draft"][found.start : found.end] == row["text"]
            assert found.verdict is not None, row["text"]
            labelled += 1
            right += found.verdict.verdict == row["verdict"]
            quotes = [c.quote for c in found.verdict.citations]
            cited += row["cite"] is None or any(row["cite"] in q for q in quotes)
    assert labelled == 101
    assert right / labelled >= 0.9
    assert cited / labelled >= 0.9


def test_the_issue_example(engine: Engine) -> None:
    verdict = verify("About 5,000 U.S. troops will remain in Iraq.", engine)
    assert verdict.verdict == CONTRADICTED
    assert "4,000" in verdict.explanation and "5,000" in verdict.explanation
    reason = verdict.reasons[0]
    assert reason.code == "number_mismatch"
    assert "5,000" in (reason.statement_value or "") and "4,000" in (reason.claim_value or "")
    citation = verdict.citations[0]
    assert "roughly\u00a04,000 U.S. troops to remain" in citation.quote
    assert citation.attribution == (
        "anonymous Iraqi official",
        "Associated Press",
        "Kevin Joseph Ryan",
    )


@pytest.mark.parametrize("claim", CLAIMS, ids=[c.id for c in CLAIMS])
def test_a_claims_own_text_is_supported_by_it(claim, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    verdict = verify(claim.text, engine)
    assert verdict.verdict == SUPPORTED
    assert claim.id in [c.claim_id for c in verdict.citations]


def _change_first_number(text: str, factor: float) -> str:
    # the first count or percentage: a year scaled this way is no year any more ("in 4,014")
    match = re.search(r"(?<![\d,])(?!(?:19|20)\d\d\b)\d[\d,]*", text)
    assert match
    value = int(match.group().replace(",", ""))
    return text[: match.start()] + f"{round(value * factor):,}" + text[match.end() :]


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(claim=st.sampled_from(NUMBERED), factor=st.one_of(st.floats(0.1, 0.6), st.floats(1.5, 9.0)))
def test_changing_a_claims_number_contradicts_it(claim, factor: float, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    verdict = verify(_change_first_number(claim.text, factor), engine)
    assert verdict.verdict == CONTRADICTED
    assert verdict.reasons[0].code == "number_mismatch"


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    claim=st.sampled_from(CLAIMS),
    upper=st.booleans(),
    spaces=st.sampled_from([" ", "  ", "\u00a0", "\t"]),
)
def test_case_and_spacing_do_not_change_a_verdict(
    claim,
    upper: bool,
    spaces: str,  # type: ignore[no-untyped-def]
    engine: Engine,
) -> None:
    text = claim.text.upper() if upper else claim.text
    assert verify(spaces.join(text.split()), engine).verdict == SUPPORTED


@pytest.mark.parametrize(
    "statement",
    [
        "",
        "   ",
        "\u202e\u202dtroops",
        "10^400 troops",
        "1e309 troops remain in Iraq",
        "9" * 3000,
        "x" * 5000,
        "\x00\x01\x02",
        "\u05e9\u05dc\u05d5\u05dd troops",
        "\u201c\u201c\u201cnested \u2018quotes\u2019\u201d\u201d",
    ],
    ids=[
        "empty",
        "blank",
        "rtl-override",
        "power",
        "overflow",
        "digits",
        "long-word",
        "control",
        "hebrew",
        "nested-quotes",
    ],
)
def test_hostile_statements_are_unverified_not_errors(statement: str, engine: Engine) -> None:
    assert verify(statement, engine).verdict == UNVERIFIED


def test_draft_offsets_slice_back_to_each_sentence(engine: Engine) -> None:
    draft = (
        "Roughly 3,000 U.S. troops will remain in Iraq.\n\nOil prices fell 5 percent on "
        "Monday. The U.S. intervention in Iraq began in 2003. Thanks."
    )
    report = check_draft(draft, engine)
    assert [draft[s.start : s.end] for s in report.sentences] == [s.text for s in report.sentences]
    verdicts = [s.verdict.verdict if s.verdict else None for s in report.sentences]
    assert verdicts == [CONTRADICTED, UNVERIFIED, SUPPORTED, None]
    assert report.counts == {SUPPORTED: 1, CONTRADICTED: 1, UNVERIFIED: 1}


def test_an_ingested_article_becomes_verifiable(fresh_engine: Engine) -> None:
    text = (
        "City opens new schools\n\nMayor Ana Ruiz said 12 new schools will open in 2025. "
        "The district has about 40,000 students."
    )
    article, claims = ingest_article(text, fresh_engine, author="Staff")
    assert article.title == "City opens new schools"
    assert claims[0].quote == "City opens new schools"  # the headline is a claim
    assert len(claims) == 3
    assert (
        verify("Ruiz said twelve new schools will open in 2025.", fresh_engine).verdict == SUPPORTED
    )
    assert (
        verify("Ruiz said 15 new schools will open in 2025.", fresh_engine).verdict == CONTRADICTED
    )
    assert (
        verify("Ruiz said 12 new schools will open in 2027.", fresh_engine).verdict == CONTRADICTED
    )


def test_the_claim_stating_the_statements_exact_figure_is_the_one_it_is_about(
    engine: Engine,
) -> None:
    # "remain" pulls toward "roughly 4,000 U.S. troops to remain"; the figure says which fact
    verdict = verify("Some 40,000 U.S. troops remained in Iraq before the 2011 withdrawal.", engine)
    assert verdict.verdict == SUPPORTED, verdict.explanation
    assert any("dwindled\xa0to 40,000" in c.quote for c in verdict.citations)  # the seed's spaces


@pytest.mark.parametrize(
    ("statement", "verdict", "quoted"),
    [
        ("About 4,000 troops will stay in Iraq after the drawdown.", SUPPORTED, "4,000"),
        ("Officials said Monday that the U.S. had begun pulling troops out.", SUPPORTED, "Monday"),
        (
            "Al-Hadithi said the level of the American presence will be increased.",
            CONTRADICTED,
            "reduced",
        ),
        ("Glynn refused to pledge continued support for Iraq's forces.", CONTRADICTED, "pledged"),
        (
            "At a March press briefing, Glynn said IS keeps a cellular structure.",
            CONTRADICTED,
            "January",
        ),
        # the closest claim only denies a drawdown; the figure says it is the 4,000 claim
        (
            "Roughly 6,000 U.S. troops will be left in Iraq after the drawdown.",
            CONTRADICTED,
            "4,000",
        ),
        # a figure swapped in from another fact, in a statement joining two: the claim it
        # belongs to disputes it, whatever other claim states it
        (
            "Following the Iraqi government's declaration of victory over the Islamic State,"
            " the U.S. has begun to withdraw troops from Iraq, and the reduction will leave"
            " roughly 170,000 U.S. troops to remain in Iraq.",
            CONTRADICTED,
            "4,000",
        ),
        (
            "Trump warned of a vacuum terrorists would fill, as happened before 9/11.",
            SUPPORTED,
            "September 11th",
        ),
        (
            "Trump warned of a vacuum terrorists would fill, as happened before September 12th.",
            CONTRADICTED,
            "September 11th",
        ),
        # joined facts, checked clause by clause (compound.py)
        # checked whole, the 4,000 of "roughly 4,000 to remain" vouched for the second fact
        (
            "The battle against Daesh has ended, and so the level of the American presence in"
            " Iraq will be reduced, and U.S. troops in Iraq dwindled to 4,000 until the complete"
            " withdrawal.",
            CONTRADICTED,
            "40,000",
        ),
        # the "not" of the first clause does not turn the second around
        (
            "The AP could not say how many troops were relocated, but many of the U.S. troops"
            " in Iraq have already been re-located to Afghanistan.",
            SUPPORTED,
            "many of the troops",
        ),
        (
            "The U.S. intervened in Iraq in 2003, and it intervened again in 2015, targeting the"
            " Islamic State.",
            CONTRADICTED,
            "2014",
        ),
        ("Raymond did not say where the troops are headed.", SUPPORTED, "where specifically"),
        # sentences of a draft (set I): an anaphoric subject, a preposition, an adverb
        (
            "That number fell to 14,000 before the complete withdrawal in 2011.",
            CONTRADICTED,
            "40,000",
        ),
        (
            "Raymond said the troops would relocate within the coming year.",
            CONTRADICTED,
            "in the coming month",
        ),
        (
            "Trump said ISIS and al Qaeda would be slow to fill any vacuum.",
            CONTRADICTED,
            "instantly fill",
        ),
        ("Saad al-Hadithi said the battle against Daesh continues.", CONTRADICTED, "has ended"),
        # a fraction opening a sentence is no name the claim must repeat
        (
            "Two-fifths of the U.S. troops still in Iraq are included in the reduction, according"
            " to the Iraqi official's estimate.",
            CONTRADICTED,
            "60 percent of U.S. troops",
        ),
        (
            "It was in two thousand three that the American intervention in Iraq got under way.",
            SUPPORTED,
            "began in 2003",
        ),
        # a headline opens with a capitalized common word, no name the claim must repeat
        (
            "Drawdown to cut 60 percent of US troops in Iraq, Iraqi official says",
            SUPPORTED,
            "60 percent of U.S. troops",
        ),
        (
            "Drawdown to cut nearly two-thirds of US troops in Iraq, Iraqi official says",
            CONTRADICTED,
            "60 percent of U.S. troops",
        ),
    ],
)
def test_reworded_statements_get_their_verdict_and_citation(
    statement: str, verdict: str, quoted: str, engine: Engine
) -> None:
    found = verify(statement, engine)
    assert found.verdict == verdict, found.explanation
    assert quoted in found.citations[0].quote


def test_a_place_named_elsewhere_in_the_article_does_not_stand_in_for_the_claims_own(
    engine: Engine,
) -> None:
    # the article names Afghanistan, but not beside "The U.S. intervention in Iraq began"
    swapped = verify("The U.S. intervention in Afghanistan began in 2003.", engine)
    assert swapped.verdict == UNVERIFIED, swapped.explanation
    assert verify("The U.S. intervention in Iraq began in 2003.", engine).verdict == SUPPORTED


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        # a country the sources never name, speaking, is a place they say nothing about
        (
            "Germany announced that it would send an additional 4,000 troops to Afghanistan.",
            UNVERIFIED,
        ),
        ("Canada pledged continued support for Iraq's security forces.", UNVERIFIED),
        ("The U.N. said the U.S. has begun to withdraw troops from Iraq.", UNVERIFIED),
        ("The U.S. said it has begun to withdraw troops from Iraq.", SUPPORTED),
        (
            "According to U.S. Army spokesman Col. Ryan Dillon, continued coalition presence in"
            " Iraq will be conditions-based.",
            SUPPORTED,
        ),
        # a person the sources name, credited with another's words, contradicts
        ("Col. Ryan Dillon pledged continued support for Iraq's security forces.", CONTRADICTED),
        # a speaker named after a long rank is still the speaker the claim credits
        (
            "U.S. troops have had a recent change of mission, according to U.S. Army 1st Lt."
            " William John Raymond.",
            SUPPORTED,
        ),
    ],
)
def test_who_speaks_decides_between_contradicted_and_unverified(
    statement: str, verdict: str, engine: Engine
) -> None:
    assert verify(statement, engine).verdict == verdict


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        # "The AP was not able to say how many troops were re-located" denies the telling,
        # not the fact: it neither contradicts that many were nor supports that none were
        ("Many troops have been re-located to Afghanistan, the AP reported.", SUPPORTED),
        (
            "The AP reported that none of the troops have been relocated to Afghanistan.",
            CONTRADICTED,
        ),
        # ... and against a statement about the telling, it is the telling that counts
        ("The AP reported exactly how many troops were re-located to Afghanistan.", CONTRADICTED),
        ("The AP could not say how many troops were moved to Afghanistan.", SUPPORTED),
        ("Raymond said where the troops are going.", CONTRADICTED),
        ("Raymond did not say where the troops are headed.", SUPPORTED),
    ],
)
def test_a_detail_not_told_is_no_denial_of_the_fact(
    statement: str, verdict: str, engine: Engine
) -> None:
    found = verify(statement, engine)
    assert found.verdict == verdict, found.explanation


def test_only_the_denial_of_the_telling_is_set_aside(fresh_engine: Engine) -> None:
    ingest_article(
        "Bridge stays shut\n\nThe Kelso bridge has not reopened and officials would not say"
        " when.\n\nHealth officials could not say whether the outbreak had spread to other wards.",
        fresh_engine,
    )
    cases = [
        ("The Kelso bridge has reopened.", CONTRADICTED),  # the bridge's own "not" stays
        ("The Kelso bridge has not reopened.", SUPPORTED),
        ("The ministry announced when the Kelso bridge would reopen.", CONTRADICTED),
    ]
    for statement, verdict in cases:
        found = verify(statement, fresh_engine)
        assert found.verdict == verdict, (statement, found.explanation)
    # not saying whether it spread assumes nothing of it: never supported (unverified would
    # be best; the whole sentence's polarity still decides, so it is contradicted)
    spread = verify("The outbreak has spread to other wards, health officials said.", fresh_engine)
    assert spread.verdict != SUPPORTED, spread.explanation


def test_an_opening_word_counts_as_common_only_when_the_claim_says_it_so(
    fresh_engine: Engine,
) -> None:
    ingest_article(
        "Flu on farms\n\nFarmers in Norfolk culled thousands of turkeys after an outbreak of"
        " bird flu.\n\nThe state will provide $5 million to repair the Kelso bridge.",
        fresh_engine,
    )
    for place in (
        "Turkey culls thousands of birds after bird flu outbreak",  # a country, never common
        "Providence will pay $5 million to repair the Kelso bridge.",  # a stem is not the word
    ):
        assert verify(place, fresh_engine).verdict == UNVERIFIED, place
    common = verify("Farmers culled thousands of turkeys after a bird flu outbreak.", fresh_engine)
    assert common.verdict == SUPPORTED


def test_two_hedged_figures_must_fall_within_each_others_slack(engine: Engine) -> None:
    verdict = verify(
        "At the peak of the war in 2007 there were about 150,000 US troops in Iraq.", engine
    )
    assert verdict.verdict == CONTRADICTED
    assert [(r.code, r.claim_value) for r in verdict.reasons] == [
        ("number_mismatch", "about 170,000 troops")
    ]


def test_an_opposite_verb_contradicts_and_an_unrelated_one_does_not(fresh_engine: Engine) -> None:
    ingest_article(
        "Port report\n\nThe harbour authority said cargo traffic rose sharply in 2023.",
        fresh_engine,
    )
    turned = verify("The harbour authority said cargo traffic fell sharply in 2023.", fresh_engine)
    assert turned.verdict == CONTRADICTED
    assert [(r.code, r.statement_value, r.claim_value) for r in turned.reasons] == [
        ("antonym", "fell", "rose")
    ]
    same = verify("Cargo traffic at the harbour rose sharply in 2023.", fresh_engine)
    assert same.verdict == SUPPORTED

    # holding both words of a pair, a statement turns nothing around with either
    ingest_article("Talks\n\nThe union asked the ministry to withdraw the plan.", fresh_engine)
    both = verify("The union sent a letter asking the ministry to withdraw the plan.", fresh_engine)
    assert "antonym" not in [r.code for r in both.reasons]

    ingest_article("Court report\n\nA lower court upheld the harbour fine in May.", fresh_engine)
    raised = verify("The court raised the harbour fine in May.", fresh_engine)
    assert "antonym" not in [r.code for r in raised.reasons]  # "lower" court is no verb


@pytest.mark.parametrize(
    "statement",
    [
        # words of a pair in another sense than the pair's
        "The U.S. has begun sending troops home from Iraq, officials told the Associated Press.",
        "The 2011 pullout of U.S. troops sent the region into sectarian violence and widespread"
        " disruption.",
        "Officials pledged Monday that the U.S. has begun to withdraw troops from Iraq.",
        "Al-Hadithi said the level of American presence in Iraq will continue to be reduced now"
        " that the battle against Daesh is over.",
        "The battle against Daesh has ended, al-Hadithi continued.",
        "\u201cThe battle against Daesh has ended,\u201d al-Hadithi continued.",
        "The battle against Daesh has ended, Iraqi government spokesman Saad al-Hadithi continued.",
        # a sentence that gives both directions or paces turns nothing with them
        "U.S. troop levels in Iraq rose to 170,000 in 2007 before dwindling to 40,000.",
        "Trump said the U.S. should withdraw slowly to avoid a vacuum that ISIS would instantly"
        " fill.",
        "Dillon said coalition presence in Iraq after the end of combat will be conditions-based.",
    ],
)
def test_a_word_of_a_pair_in_another_sense_turns_nothing(statement: str, engine: Engine) -> None:
    found = verify(statement, engine)
    assert found.verdict == SUPPORTED, found.explanation


@pytest.mark.parametrize(
    ("turned", "reason", "kept"),
    [
        # a rank is checked only against another rank: no claim states one for the
        # intervention, so its "first" is left unchecked, not missing
        (
            "The drawdown announced Monday is the second since 2014.",
            ("number_mismatch", "second", "first"),
            "The U.S. first intervened in Iraq in 2003.",
        ),
        (
            "Hashed Al-Shaabi fighters gathered near Tal Afar airport east of Mosul.",
            ("antonym", "east", "west"),
            "Hashed Al-Shaabi fighters gathered near Tal Afar airport west of Mosul.",
        ),
        (
            "Raymond said the troops would be relocating in the coming year.",
            ("antonym", "coming year", "coming month"),
            "Raymond said the troops would be moved in the next month.",
        ),
        (
            "The U.S. began withdrawing troops from Iraq before the Iraqi government declared"
            " victory over the Islamic State.",
            ("antonym", "before", "following"),
            "The U.S. began withdrawing troops from Iraq after the Iraqi government declared"
            " victory over the Islamic State.",
        ),
        (
            "Glynn said coalition capabilities in Iraq would likely stay the same.",
            ("antonym", "stay", "shift"),
            "Glynn said coalition capabilities in Iraq would probably change.",
        ),
        (
            "The U.S. has begun sending more troops to Iraq after the Iraqi government declared"
            " victory.",
            ("antonym", "sending", "withdraw"),
            "The U.S. has begun pulling troops out of Iraq after the Iraqi government declared"
            " victory.",
        ),
        (
            "Trump's new Afghanistan strategy includes withdrawing 4,000 troops.",
            ("antonym", "withdrawing", "sending"),
            "Trump's new Afghanistan strategy includes sending 4,000 more troops.",
        ),
        (
            "The U.S. has begun sending more troops to Iraq rather than withdrawing them.",
            ("antonym", "sending", "withdraw"),
            "The U.S. has begun withdrawing troops from Iraq rather than sending more.",
        ),
        (
            "Glynn withdrew support for Iraq's security forces.",
            ("antonym", "withdrew", "pledged"),
            "Glynn pledged continued support for the security forces of Iraq.",
        ),
        (
            "Glynn said conventional combat operations against the group have intensified.",
            ("antonym", "intensified", "ended"),
            "Glynn said conventional combat operations against the group have mostly ended.",
        ),
        (
            "Glynn said conventional combat operations against the group have resumed.",
            ("antonym", "resumed", "ended"),
            "Glynn said conventional combat operations against the group have largely wrapped up.",
        ),
        (
            "Dillon said the coalition's presence in Iraq will be unconditional.",
            ("antonym", "unconditional", "conditions-based"),
            "Dillon said the coalition's presence in Iraq will be conditions-based.",
        ),
        (
            "The complete withdrawal of U.S. troops in 2011 brought calm to the region.",
            ("antonym", "calm", "disruption"),
            "The complete withdrawal of U.S. troops in 2011 led to violence in the region.",
        ),
        (
            "Few U.S. troops in Iraq have been moved to Afghanistan, the AP reported.",
            ("antonym", "few", "many"),
            "Many U.S. troops in Iraq have already been moved to Afghanistan, the AP reported.",
        ),
    ],
)
def test_another_rank_or_the_opposite_direction_contradicts(
    turned: str, reason: tuple[str, str, str], kept: str, engine: Engine
) -> None:
    found = verify(turned, engine)
    assert found.verdict == CONTRADICTED, found.explanation
    assert [(r.code, r.statement_value, r.claim_value) for r in found.reasons] == [reason]
    assert verify(kept, engine).verdict == SUPPORTED


def test_a_drafts_line_label_names_nothing(engine: Engine) -> None:
    labelled = "Photo caption: fighters gathered around the Tal Afar airport on Aug. 27, 2016."
    found = verify(labelled, engine)
    assert found.verdict == CONTRADICTED, found.explanation  # 2017, not a "Photo" unknown
    assert [r.code for r in found.reasons] == ["year_mismatch"]


def test_another_speakers_claim_contradicts_only_a_fact_it_states(engine: Engine) -> None:
    # Dillon never said the battle had ended; al-Hadithi did: the speaker is wrong
    for swapped_speaker in (
        "Dillon said the battle against Daesh has ended.",
        "Dillon said on Monday that the battle against Daesh has ended.",  # when, not what
    ):
        swapped = verify(swapped_speaker, engine)
        assert swapped.verdict == CONTRADICTED, swapped.explanation
        assert "speaker_mismatch" in [r.code for r in swapped.reasons]
    # Glynn's claim about the fighters gives no count of them: not the fact Dillon is said
    # to have stated, whoever said it
    other = verify("Dillon said fewer than 1,000 Islamic State fighters remain in Iraq.", engine)
    assert other.verdict == UNVERIFIED, other.explanation
    assert [(r.code, r.statement_value) for r in other.reasons] == [
        ("not_in_source", "fewer than 1,000 fighters")
    ]


@pytest.mark.parametrize("negated_first", [True, False])
def test_of_two_equally_close_claims_the_one_worded_like_the_statement_decides(
    tmp_path: Path, negated_first: bool
) -> None:
    engine = tied_engine(tmp_path / "tie.db", negated_first)
    for text in TIED_CLAIMS:
        verdict = verify(text, engine)
        assert verdict.verdict == SUPPORTED, verdict.explanation
        assert verdict.citations[0].quote == text


def test_reimporting_claims_is_idempotent(fresh_engine: Engine) -> None:
    records = [
        {"text": f"The council approved {n} new bus lines in Springfield."} for n in range(1, 40)
    ]
    before = fresh_engine.store.count_claims()
    assert sum(import_claims(records, fresh_engine, batch_size=10)) == 39
    assert sum(import_claims(records, fresh_engine, batch_size=7)) == 39
    assert fresh_engine.store.count_claims() == before + 39


_SPEAKERS = ["Mayor Ana Ruiz", "Governor Tom Baker", "Police Chief Lee Park", "Senator Jo Hart"]
_NOUNS = ["teachers", "nurses", "buses", "bridges", "officers", "clinics"]
_PLACES = ["Springfield", "Riverton", "Lakeside", "Hill Valley"]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    speaker=st.sampled_from(_SPEAKERS),
    noun=st.sampled_from(_NOUNS),
    place=st.sampled_from(_PLACES),
    number=st.integers(20, 90_000),
    year=st.integers(1990, 2030),
)
def test_any_imported_claim_supports_itself_and_rejects_a_new_number(  # type: ignore[no-untyped-def]
    speaker: str, noun: str, place: str, number: int, year: int, fresh_engine: Engine
) -> None:
    text = f"{speaker} said {place} hired {number:,} {noun} in {year}."
    list(import_claims([{"text": text, "speaker": speaker}], fresh_engine))
    assert verify(text, fresh_engine).verdict == SUPPORTED
    changed = text.replace(f"{number:,}", f"{number * 3:,}")
    assert verify(changed, fresh_engine).verdict == CONTRADICTED


def test_cached_verdicts_are_dropped_when_any_connection_writes(
    fresh_engine: Engine, database: str
) -> None:
    from dataclasses import replace

    from verifier.engine.cache import VerdictCache
    from verifier.engine.extract import claim_from_fields
    from verifier.store import ClaimStore

    cached = replace(fresh_engine, cache=VerdictCache(8))
    statement = "The harbour ferry carried 7,300 passengers on its first day."
    first = verify(statement, cached)
    assert first.verdict == UNVERIFIED
    assert verify(statement, cached) is first  # reused while nothing changed
    other = ClaimStore(database)  # another connection, as another worker (or app server)
    other.save_claims([claim_from_fields({"text": statement, "speaker": "the port"})])
    assert verify(statement, cached).verdict == SUPPORTED
    cached.store.delete_claim(other.list_claims(query="harbour ferry")[0].id)  # this one
    assert verify(statement, cached).verdict == UNVERIFIED
    other.close()


def test_cached_verdicts_are_not_shared_across_thread_connections(fresh_engine: Engine) -> None:
    from concurrent.futures import ThreadPoolExecutor
    from dataclasses import replace

    from verifier.engine.cache import VerdictCache
    from verifier.engine.extract import claim_from_fields

    cached = replace(fresh_engine, cache=VerdictCache(8))
    statement = "The harbour ferry carried 7,300 passengers on its first day."
    claim = claim_from_fields({"text": statement, "speaker": "the port"})
    fresh_engine.store.save_claims([claim])

    def in_a_new_thread() -> str:  # a new thread opens a new connection
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(lambda: verify(statement, cached).verdict).result()

    assert in_a_new_thread() == SUPPORTED
    fresh_engine.store.delete_claim(claim.id)  # from this thread's connection
    assert in_a_new_thread() == UNVERIFIED


def test_the_verdict_cache_keeps_the_most_recent() -> None:
    from verifier.engine.cache import VerdictCache

    cache = VerdictCache(2)
    verdicts = {s: Verdict(s, UNVERIFIED, 1.0, "") for s in "abc"}
    for s in "ab":
        assert cache.get(s, 1) is None
        cache.put(s, 1, verdicts[s])
    assert cache.get("a", 1) is verdicts["a"]  # "a" is now the most recent
    cache.put("c", 1, verdicts["c"])
    assert cache.get("b", 1) is None and cache.get("a", 1) is verdicts["a"]
    assert cache.get("a", 2) is None  # a new generation empties it


def test_a_fact_credited_to_another_person_of_the_story_is_contradicted(
    fresh_engine: Engine,
) -> None:
    ingest_article(
        "Maths school closed\n\nThe school run by professor Ali Nesin was closed by the police."
        "\n\nIt had taught 150 students every summer since 2007.\n\nThe police said the"
        " building had no permit for teaching.\n\nMathematician Alexandre Borovik organised a"
        " petition to the government, signed by hundreds of scientists.",
        fresh_engine,
    )
    swapped = verify("Ali Nesin organised a petition to the government.", fresh_engine)
    assert swapped.verdict == CONTRADICTED, swapped.explanation
    assert "Borovik" in swapped.explanation and "Ali Nesin" in swapped.explanation
    stranger = verify("Maria Lopez organised a petition to the government.", fresh_engine)
    assert stranger.verdict == UNVERIFIED, stranger.explanation  # never named in the story


def test_a_person_the_recognizer_misses_is_known_by_the_surname_the_article_gives(
    fresh_engine: Engine,
) -> None:
    # "Borovik arrange a petition" (as the article writes it): no person for the recognizer
    ingest_article(
        "Maths school closed\n\nThe school run by professor Ali Nesin was closed by the police."
        "\n\nAlexandre Borovik's blog had written about the summer camp.\n\nBorovik arrange a"
        " petition to the Turkish government signed by numerous mathematicians around the world.",
        fresh_engine,
    )
    swapped = verify(
        "Ali Nesin arranged a petition to the Turkish government that was signed by"
        " mathematicians worldwide.",
        fresh_engine,
    )
    assert swapped.verdict == CONTRADICTED, swapped.explanation
    assert "Alexandre Borovik" in swapped.explanation


@pytest.mark.parametrize(
    ("article", "statement"),
    [
        (
            "Lloyd Blankfein, the chief executive, said the cuts were painful but necessary."
            " Goldman Sachs will cut 3,000 jobs by the end of the year.",
            "Lloyd Blankfein's bank will cut 3,000 jobs by the end of the year.",
        ),
        (
            "Chief Executive Carrie Lam withdrew the bill on Wednesday. The extradition bill"
            " sparked months of protests in Hong Kong.",
            "Carrie Lam's extradition bill sparked months of protests.",
        ),
    ],
)
def test_a_name_written_whole_is_no_surname_alone(
    article: str, statement: str, fresh_engine: Engine
) -> None:
    ingest_article(f"Headline\n\n{article}", fresh_engine)
    verdict = verify(statement, fresh_engine)
    assert verdict.verdict == SUPPORTED, verdict.explanation


def test_a_headline_s_figures_are_found_in_its_article(fresh_engine: Engine) -> None:
    ingest_article(
        "Gliders suffer first loss in London Paralympics against Canada\n\n"
        "London, England - Australia lost Sunday night to Canada 50-57 in the women's"
        " wheelchair basketball at the Olympic Park.\n\nPoor shooting doomed the Gliders.",
        fresh_engine,
    )
    won = verify(
        "Canada handed the Gliders their first defeat of the London Paralympics, winning 57-50.",
        fresh_engine,
    )
    assert won.verdict == SUPPORTED, won.explanation
    assert any("50-57" in c.quote for c in won.citations)
    other = verify(
        "Canada handed the Gliders their first defeat of the London Paralympics, winning 61-50.",
        fresh_engine,
    )
    assert other.verdict != SUPPORTED, other.explanation


def test_a_person_named_in_part_by_the_claim_is_the_same_person(fresh_engine: Engine) -> None:
    ingest_article(
        "Arrest in Leeds murder case\n\nPolice arrested John Smith at his home in Leeds on"
        " Monday. Smith was charged with the murder of a local shopkeeper on Tuesday, Detective"
        " Inspector Jane Brown said.",
        fresh_engine,
    )
    full = verify(
        "John Smith was charged with the murder of a local shopkeeper on Tuesday.", fresh_engine
    )
    assert full.verdict == SUPPORTED, full.explanation


def test_a_person_the_article_names_in_full_is_the_same_person_by_either_name(
    fresh_engine: Engine,
) -> None:
    ingest_article(
        "Production of oil in Iraq reaching new highs\n\nSince Saddam Hussein was toppled in"
        " 2003, Iraqi oil production figures have been bleak. However, new signs are being"
        " revealed that Iraqi oil output is at its best since the fall of Hussein.",
        fresh_engine,
    )
    verdict = verify("Iraqi oil output hits best level since Saddam's fall", fresh_engine)
    assert verdict.verdict == SUPPORTED, verdict.explanation


def test_the_words_a_statement_quotes_tell_which_passage_it_is_about(
    fresh_engine: Engine,
) -> None:
    ingest_article(
        "Bushfires near Perth\n\nSpokesman for the Department of Environment and Conservation,"
        " Murray Mitchel says that firefighters are trying to consolidate the fire.\n\n"
        'Premier Alan Carpenter said, "It is almost inconceivable that anybody could be so'
        ' stupid as to light a fire deliberately."',
        fresh_engine,
    )
    swapped = verify(
        "Department of Environment and Conservation spokesman Murray Mitchel said it was"
        ' "almost inconceivable" that anybody would light a fire deliberately.',
        fresh_engine,
    )
    assert swapped.verdict == CONTRADICTED, swapped.explanation
    assert "Alan Carpenter" in swapped.explanation


def test_a_fact_credited_to_another_person_of_the_same_paragraph_is_contradicted(
    fresh_engine: Engine,
) -> None:
    # the paragraph names both: the claim's own sentence says who did it
    ingest_article(
        "Storm closes port\n\nHarbour master Peter Walsh closed the port on Monday. Later that"
        " day, mayor Ruth Adeyemi ordered the evacuation of 300 homes near the shore.",
        fresh_engine,
    )
    swapped = verify("Peter Walsh ordered the evacuation of 300 homes.", fresh_engine)
    assert swapped.verdict == CONTRADICTED, swapped.explanation
    assert "Ruth Adeyemi" in swapped.explanation and "Peter Walsh" in swapped.explanation
    right = verify("Mayor Ruth Adeyemi ordered 300 homes evacuated.", fresh_engine)
    assert right.verdict == SUPPORTED, right.explanation


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("He said he would not fast even if the river is not cleaned.", CONTRADICTED),
        ("He said he would fast if the river is not cleaned.", SUPPORTED),
    ],
)
def test_a_denial_inside_a_condition_is_the_conditions(
    fresh_engine: Engine, statement: str, verdict: str
) -> None:
    ingest_article(
        "Holy men threaten to fast\n\nSadhu Hari Brahmachari said: \u201cIf the river is not"
        " cleaned within days, I will fast until it is.\u201d",
        fresh_engine,
    )
    found = verify(statement.replace("He said he", "Brahmachari said he"), fresh_engine)
    assert found.verdict == verdict, found.explanation


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        # the article names the ministry: its words credited to it are contradicted
        ("The ministry said the bridge was safe to reopen.", CONTRADICTED),
        # the article never names the mayor: another claim, unverified
        ("Mayor Ann Price said the bridge was unsafe to reopen.", UNVERIFIED),
    ],
)
def test_words_credited_to_someone_the_article_never_names_are_unverified(
    fresh_engine: Engine, statement: str, verdict: str
) -> None:
    ingest_article(
        "Bridge stays shut\n\nEngineer Tom Brennan said the Kelso bridge was unsafe to reopen."
        "\n\nThe transport ministry has promised a new survey by March.",
        fresh_engine,
    )
    found = verify(statement, fresh_engine)
    assert found.verdict == verdict, found.explanation


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("Mary Dawson, a curator in Pittsburgh, called the discovery exciting.", SUPPORTED),
        # another museum in another city: the sources never name London
        ("A curator at London's Natural History Museum called the discovery exciting.", UNVERIFIED),
        # another country than the one the article names
        ("The rodent was photographed alive in Vietnam.", UNVERIFIED),
        # the article's other scientist, credited with the curator's words
        ("\u201cThis is a truly exciting discovery,\u201d said David Redfield.", CONTRADICTED),
        ("The rodent was photographed alive in Laos.", SUPPORTED),
    ],
)
def test_entity_conflicts(fresh_engine: Engine, statement: str, verdict: str) -> None:
    ingest_article(
        "Living fossil found\n\nA retired biologist, David Redfield, has photographed a living"
        " rodent in Laos which scientists had thought extinct for 11 million years.\n\n"
        "He spent weeks in the forest with a local guide before the animal was found.\n\n"
        "The guide and the biologist released the animal after taking photographs of it.\n\n"
        "\u201cThis is a truly exciting discovery,\u201d said Mary Dawson, the curator at the"
        " Carnegie Museum of Natural History in Pittsburgh.",
        fresh_engine,
    )
    found = verify(statement, fresh_engine)
    assert found.verdict == verdict, found.explanation
