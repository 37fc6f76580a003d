"""decide(statement, matches) -> Verdict: compare numbers, dates, polarity and speaker."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from verifier.engine.assessment import Assessment, assess
from verifier.engine.attachment import given_for_the_same
from verifier.engine.figures import not_in_source
from verifier.engine.matching import Match, StatementFeatures
from verifier.engine.people import other_person, swapped_name
from verifier.engine.unrelated import (
    absent_names,
    moved_country,
    uncheckable,
    unstated,
    unverified,
)
from verifier.language.article_words import NO_WORDS, ArticleWords
from verifier.language.comparison import agree
from verifier.language.entities import (
    find_entities,
    missing_entities,
)
from verifier.language.quoting import quoted
from verifier.language.text import words
from verifier.models import (
    CONTRADICTED,
    SUPPORTED,
    UNVERIFIED,
    ArticleRef,
    Citation,
    Reason,
    Verdict,
)

_HARD = frozenset({"negation", "antonym", "reversed_roles", "other_role", "speaker_mismatch"})


@dataclass(frozen=True)
class Thresholds:
    """The knobs of a decision, taken from settings."""

    match: float = 0.45  # a claim below this topic score is not about the statement
    margin: float = 0.08  # claims this close to the best one are weighed together
    tolerance: float = 0.1  # relative slack for approximate numbers ("roughly 4,000")


def decide(
    statement: StatementFeatures,
    matches: list[Match],
    thresholds: Thresholds,
    articles: Mapping[str, ArticleRef],
    article: Callable[[str], ArticleWords] = lambda article_id: NO_WORDS,
) -> Verdict:
    """Turn ranked matches into a verdict with reasons and citations.

    `article` gives the words of an article, for names it gives outside a claim's passage.
    """
    if reason := uncheckable(statement):
        return Verdict(statement.text, UNVERIFIED, 1.0, reason.detail, (reason,))
    matches = sorted(matches, key=lambda m: m.score, reverse=True)
    strong = [m for m in matches if m.score >= thresholds.match]
    on_topic = [
        m
        for m in strong
        if not absent_names(statement, m)
        and not moved_country(statement, m)
        and not swapped_name(statement, m, functools.partial(article, m.claim.article_id))
        and not unstated(statement, m)
        # a statement crediting a speaker is judged by speaker_mismatch, in assess()
        and (statement.speaker is not None or other_person(statement, m, article) is None)
    ]
    if not on_topic:
        if strong and (swap := other_person(statement, strong[0], article)) is not None:
            lead = Assessment(strong[0], (swap,), frozenset())
            return _verdict(statement, CONTRADICTED, [lead], (swap,), thresholds, articles)
        words_of = functools.partial(article, strong[0].claim.article_id) if strong else None
        return unverified(statement, strong, matches, words_of)
    best = on_topic[0]
    assessed = [assess(statement, m, thresholds.tolerance) for m in on_topic]
    contenders = [a for a in assessed if a.match.score >= best.score - thresholds.margin]
    if _is_headline(contenders[0].match, articles):
        # a headline sums up (its figures rounded): the article's own sentences on the same
        # topic weigh with it, however much closer the headline's wording is
        # and are cited first: they are the record the headline sums up
        headline_of = contenders[0].match.claim.article_id
        body = [a for a in assessed[1:] if a.match.claim.article_id == headline_of]
        contenders = body + [a for a in contenders if a not in body]
    lead = contenders[0]
    agreeing = [a for a in contenders if not a.conflicts]
    # A close claim that agrees on the statement's figures outweighs a lead that only
    # disagrees in polarity or speaker: the figures say which fact the statement is about.
    if any(r.code in _HARD for r in lead.conflicts):
        agreeing = [a for a in agreeing if a.covered]
    if not agreeing:
        lead = _by_figures(contenders)
        if unvouched := _other_speakers_fact(statement, lead):
            return _verdict(statement, UNVERIFIED, [lead], (unvouched,), thresholds, articles)
        if stranger := _unknown_speaker(statement, lead, article):
            return _verdict(statement, UNVERIFIED, [lead], (stranger,), thresholds, articles)
        return _verdict(statement, CONTRADICTED, [lead], lead.conflicts, thresholds, articles)
    missing = _uncovered(statement, agreeing, contenders)
    if missing:
        # figures the close claims leave out ("in 2003 and again in 2014", or a membership
        # the closest sentence never counts): a claim further down, still on the topic, that
        # gives them without a conflict vouches for them, for the same thing when the close
        # claims vouch for none of them
        alone = len(missing) == len(statement.quantities)
        for extra in assessed[len(contenders) :]:
            if extra.conflicts or not extra.covered & missing:
                continue
            if not alone or _for_the_same(statement, extra, missing):
                agreeing.append(extra)
                missing -= extra.covered
    weaker: list[Assessment] = []
    if missing and _is_headline(agreeing[0].match, articles):
        weaker = _body_for_headline(statement, agreeing[0].match, matches, assessed, thresholds)
        for extra in weaker:
            if not extra.conflicts and extra.covered & missing:
                agreeing.append(extra)
                missing -= extra.covered
    if missing:
        rivals = [
            a
            for a in [*assessed, *weaker]
            if a.conflicts and not any(r.code in _HARD for r in a.conflicts)
        ]
        if rivals:
            return _verdict(
                statement, CONTRADICTED, [rivals[0]], rivals[0].conflicts, thresholds, articles
            )
        reason = not_in_source([statement.quantities[i] for i in sorted(missing)])
        return _verdict(statement, UNVERIFIED, agreeing, (reason,), thresholds, articles)
    return _verdict(statement, SUPPORTED, agreeing, (), thresholds, articles)


def _for_the_same(statement: StatementFeatures, extra: Assessment, missing: set[int]) -> bool:
    """Tell whether a claim gives the statement's figures for what the statement gives them
    for (the words around them tell, when they can)."""
    claim = extra.match.claim
    return all(
        given_for_the_same(
            statement.text,
            (figure := statement.quantities[i]),
            claim.text,
            tuple(c for c in claim.quantities if agree(figure, c, 0.0)),
        )
        for i in extra.covered & missing
    )


# A headline sums up its article: its figures are given in the article's own sentences,
# however differently those are worded, down to a topic score of BODY_FLOOR (below it a claim
# shares too little with the statement to be about it).
BODY_FLOOR = 0.25


def _body_for_headline(
    statement: StatementFeatures,
    headline: Match,
    matches: list[Match],
    assessed: list[Assessment],
    thresholds: Thresholds,
) -> list[Assessment]:
    """Assess the sentences of a headline's article that the statement is close to but not
    close enough for on their own ("winning 57-50" of "Gliders suffer first loss against
    Canada": "Australia lost Sunday night to Canada 50-57")."""
    seen = {id(a.match) for a in assessed}
    return [
        assess(statement, m, thresholds.tolerance)
        for m in matches
        if m.score >= BODY_FLOOR
        and id(m) not in seen
        and m.claim.article_id == headline.claim.article_id
        and m is not headline
    ]


def _is_headline(match: Match, articles: Mapping[str, ArticleRef]) -> bool:
    """Tell whether a claim is its article's headline."""
    claim = match.claim
    article = articles.get(claim.article_id)
    return claim.start == 0 and article is not None and article.title == claim.quote.strip()


def _by_figures(contenders: list[Assessment]) -> Assessment:
    """Pick the contradiction to report among close claims that all disagree.

    When the closest one only differs in polarity or speaker while a close one holds the
    same sort of figure with another value, the figure tells which fact the statement is
    about ("roughly 6,000 troops will be left" is the 4,000 claim, not "does not indicate
    a drawdown").
    """
    lead = contenders[0]
    if not all(r.code in _HARD for r in lead.conflicts):
        return lead
    for other in contenders[1:]:
        if other.conflicts and not any(r.code in _HARD for r in other.conflicts):
            return other
    return lead


def _other_speakers_fact(statement: StatementFeatures, lead: Assessment) -> Reason | None:
    """Say why a claim differing only in speaker is no contradiction, when it states none of
    the statement's counts and shares: the statement tells of another fact, said by someone
    else ("Dillon said fewer than 1,000 fighters remain" is not Glynn's "cellular structure").
    Dates do not count: when a speaker spoke ("on Monday") is not what the claim states."""
    if {r.code for r in lead.conflicts} != {"speaker_mismatch"} or lead.covered:
        return None
    figures = [q for q in statement.quantities if q.kind in ("count", "percent")]
    return not_in_source(figures) if figures else None


def _unknown_speaker(
    statement: StatementFeatures, lead: Assessment, article: Callable[[str], ArticleWords]
) -> Reason | None:
    """Say so when a statement credits a claim's words to someone its article never names:
    that is another claim, unverified ("Cypriot officials say ..." of what Lebanese officials
    said). Words credited to someone the article does name are contradicted."""
    if {r.code for r in lead.conflicts} != {"speaker_mismatch"} or not statement.speaker:
        return None
    # the statement's names that make up its speaker: "U.N." is one only in its sentence
    spoken = set(words(statement.speaker))
    names = [e for e in find_entities(statement.text) if e in spoken]
    absent = missing_entities(tuple(names), article(lead.match.claim.article_id).everything)
    if not absent:
        return None
    shown = ", ".join(dict.fromkeys(name.title() for name in absent))
    return Reason("unknown_entity", f"The sources never mention {shown}.", shown)


def _uncovered(
    statement: StatementFeatures, agreeing: list[Assessment], contenders: list[Assessment]
) -> set[int]:
    """Return the indices of the statement's quantities that no agreeing claim vouches for.

    A rank ("the first", "tied for 12th") is only checked against another rank: it counts
    when a close claim gives one; the number of a name ("Boeing 737") when a close claim
    gives the same name a number.
    """
    covered = frozenset().union(*(a.covered for a in agreeing))
    given = [q for a in contenders for q in a.match.claim.quantities]
    ranked = any(q.kind == "ordinal" for q in given)
    labels = {q.unit for q in given if q.kind == "label"}
    return {
        i
        for i, q in enumerate(statement.quantities)
        if i not in covered
        and (q.kind != "ordinal" or ranked)
        and (q.kind != "label" or q.unit in labels)
    }


def _verdict(
    statement: StatementFeatures,
    verdict: str,
    cited: list[Assessment],
    reasons: tuple[Reason, ...],
    thresholds: Thresholds,
    articles: Mapping[str, ArticleRef],
) -> Verdict:
    lead = cited[0].match
    span = max(1e-9, 1 - thresholds.match)
    confidence = round(min(1.0, 0.5 + 0.5 * (lead.score - thresholds.match) / span), 3)
    citations = tuple(_cite(a.match, articles) for a in cited)
    return Verdict(
        statement.text, verdict, confidence, _explain(verdict, reasons, lead), reasons, citations
    )


def _cite(match: Match, articles: Mapping[str, ArticleRef]) -> Citation:
    claim = match.claim
    article = articles.get(claim.article_id) or ArticleRef(claim.article_id, claim.article_id)
    return Citation.of(claim, article, round(match.score, 3))


def _explain(verdict: str, reasons: tuple[Reason, ...], lead: Match) -> str:
    who = lead.claim.speaker or "the source"
    if verdict == SUPPORTED:
        return f"Supported by {who}: {quoted(lead.claim.text.rstrip('.') + '.')}"
    if reasons:
        return " ".join(r.detail for r in reasons)
    return f"The closest claim, by {who}, does not support it."
