"""The pipeline in one place: search(), verify(), check_draft(), ingest_article(), add_claim()."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from verifier.engine.cache import VerdictCache
from verifier.engine.curated import curated
from verifier.engine.extract import (
    MAX_CLAIM_CHARS,
    article_id,
    claim_from_fields,
    extract_claims,
)
from verifier.engine.matching import (
    Match,
    StatementFeatures,
    prepare_statement,
    rank,
)
from verifier.engine.ranking import by_wording, fuse, fused_with_wording, ties_by_wording
from verifier.engine.semantic import Embedder, cosine_scores, embedding_text, load_embedder
from verifier.engine.verdict import Thresholds, decide
from verifier.keys import WRITE, ApiKey, hash_token, key_id, new_token
from verifier.language.compound import join_verdicts, split_clauses
from verifier.language.dateline import read_dateline
from verifier.language.number_tokens import number_terms
from verifier.language.sentences import split_sentences
from verifier.language.text import content_stems
from verifier.models import (
    CONTRADICTED,
    SUPPORTED,
    UNVERIFIED,
    Article,
    Candidate,
    Claim,
    DraftReport,
    DraftSentence,
    Verdict,
)
from verifier.store import POSTINGS_BUDGET, ClaimStore, display

log = logging.getLogger("verifier")


@dataclass(frozen=True)
class Engine:
    """A store plus the thresholds to judge with: what every verification needs."""

    store: ClaimStore
    thresholds: Thresholds = field(default_factory=Thresholds)
    candidate_limit: int = 100  # claims the index ranks for the embeddings to re-order
    rerank_limit: int = 10  # of those, claims loaded and scored for topic
    postings_budget: int = POSTINGS_BUDGET  # index postings a query may read (its cost)
    embedder: Embedder | None = None  # sentence embeddings, when the [semantic] extra is on
    cache: VerdictCache | None = None  # recent verdicts (the service's engine has one)

    @property
    def index_limit(self) -> int:
        """How many claims the index ranks: enough for embeddings to re-order, else those
        loaded and scored."""
        return self.candidate_limit if self.embedder is not None else self.rerank_limit


def engine_from_settings(settings: Mapping[str, Any]) -> Engine:
    """Open the configured store (seeding it when empty) and wrap it with its thresholds."""
    store = open_store(settings["DATABASE"], replica=settings.get("READ_DATABASE", ""))
    if store.index_outdated():
        log.warning(
            "%s was indexed by an older release: run `verifier reindex` once for the current "
            "matching (the service keeps answering meanwhile).",
            display(settings["DATABASE"]),  # a URL without its password
        )
    thresholds = Thresholds(
        settings["MATCH_THRESHOLD"], settings["MATCH_MARGIN"], settings["NUMBER_TOLERANCE"]
    )
    embedder = load_embedder(str(settings["SEMANTIC"]).lower() != "off")
    size = settings["VERDICT_CACHE"]
    return Engine(
        store,
        thresholds,
        settings["CANDIDATE_LIMIT"],
        settings["RERANK_LIMIT"],
        settings["POSTINGS_BUDGET"],
        embedder,
        VerdictCache(size) if size > 0 else None,
    )


def open_store(path: str, seed: bool = True, replica: str = "") -> ClaimStore:
    """Open (creating if needed) a store, reading from `replica` when one is named; load the
    curated seed claims into a new one only (a newsroom that deleted the seed article keeps
    it deleted)."""
    store = ClaimStore(path, read_database=replica or None)
    if store.create() and seed:
        load_seed(store)
    return store


def load_seed(store: ClaimStore) -> int:
    """Load the shipped articles and their reviewed claims; return the claim count."""
    return sum(store.save_article(article, claims) for article, claims in curated())


def search(statement: str, engine: Engine) -> tuple[StatementFeatures, list[Match]]:
    """Find and re-rank the claims closest to a statement, best first.

    The index ranks up to `candidate_limit` claims when the semantic extra re-orders them
    (fused with the embeddings' order), else `rerank_limit`; only the best `rerank_limit`
    are loaded and scored. Among those, the claims whose wording the statement repeats
    move up (weighed against index relevance, or against the fused rank).
    """
    features = prepare_statement(statement)
    candidates = _candidates(features, engine)
    if engine.embedder is None:
        candidates = by_wording(features, candidates)
    else:
        candidates = fused_with_wording(features, candidates)
    return features, rank(features, candidates)


def _candidates(features: StatementFeatures, engine: Engine) -> list[Candidate]:
    """Load the `rerank_limit` claims the index (fused with embeddings, when on) ranks first."""
    terms = [*features.stems, *number_terms(features.quantities)]
    ranked = engine.store.ranked_rowids(terms, engine.index_limit, engine.postings_budget)
    if engine.embedder is not None and ranked:
        query = engine.embedder.embed([features.text])[0]
        similarity = cosine_scores(query, engine.store.vectors_at([r for r, _ in ranked]))
        by_meaning = sorted(ranked, key=lambda r: -similarity.get(r[0], -1.0))
        ranked = fuse([ranked, by_meaning])
    return engine.store.candidates_at(ranked[: engine.rerank_limit])


def verify(statement: str, engine: Engine) -> Verdict:
    """Verify one statement against the claim base (reusing a cached verdict when the
    statement was verified before and no claim has changed since)."""
    if engine.cache is None:
        return _verify(statement, engine)
    generation = engine.store.generation()
    verdict = engine.cache.get(statement, generation)
    if verdict is None:
        verdict = _verify(statement, engine)
        engine.cache.put(statement, generation, verdict)
    return verdict


def _verify(statement: str, engine: Engine) -> Verdict:
    """Verify a statement, clause by clause when it joins several facts."""
    clauses = split_clauses(statement)
    if len(clauses) == 1:
        verdict = _verify_clause(clauses[0], engine)
        return verdict if clauses[0] == statement else replace(verdict, statement=statement)
    return join_verdicts(statement, [_verify_clause(c, engine) for c in clauses])


def _verify_clause(statement: str, engine: Engine) -> Verdict:
    features = prepare_statement(statement)
    candidates = _candidates(features, engine)
    if engine.embedder is None:  # search()'s order, as far as a verdict can tell it apart
        matches = ties_by_wording(features, rank(features, candidates))
    else:
        matches = rank(features, fused_with_wording(features, candidates))
    if engine.embedder is not None:
        matches = _by_meaning(features, matches, engine)
    close = [m for m in matches if m.score >= engine.thresholds.match]  # the only ones cited
    articles = engine.store.article_refs(m.claim.article_id for m in close)
    return decide(features, matches, engine.thresholds, articles, engine.store.article_words)


# A claim the index found and the topic score nearly accepts may say the same in other words:
# its meaning then decides. Below GRAY_ZONE a claim shares too little to be about the
# statement, whatever an embedding says.
GRAY_ZONE = 0.25
MEANING_OFFSET = 0.25  # a cosine of 0.7 counts as the topic score of 0.45 (the threshold)
MEANING_CANDIDATES = 3


def _by_meaning(features: StatementFeatures, matches: list[Match], engine: Engine) -> list[Match]:
    """Raise the score of close-but-not-enough claims whose sentence means the same."""
    if engine.embedder is None or any(m.score >= engine.thresholds.match for m in matches):
        return matches
    gray = sorted((m for m in matches if m.score >= GRAY_ZONE), key=lambda m: -m.score)[
        :MEANING_CANDIDATES
    ]
    if not gray:
        return matches
    vectors = engine.embedder.embed([features.text, *(m.claim.text for m in gray)])
    cosines = cosine_scores(vectors[0], dict(enumerate(vectors[1:])))
    lifted = {id(m): max(m.score, cosines[i] - MEANING_OFFSET) for i, m in enumerate(gray)}
    return [Match(m.candidate, lifted.get(id(m), m.score)) for m in matches]


def is_checkable(sentence: str) -> bool:
    """Tell whether a draft sentence states something that could be checked (a dateline
    says when the draft was written, not what happened; a "sentence" longer than any claim
    may be is a list or a paste run together, whose every figure would be weighed against
    every candidate's)."""
    if len(sentence) > MAX_CLAIM_CHARS:
        return False
    return len(content_stems(sentence, drop_numbers=False)) >= 2 and not read_dateline(sentence)


def published_on(text: str) -> str | None:
    """Return the date (ISO) an article's dateline gives, among its first lines."""
    for line in [line for line in text.strip().splitlines() if line.strip()][1:3]:
        if (day := read_dateline(line)) is not None:
            return day.isoformat()
    return None


def check_draft(text: str, engine: Engine) -> DraftReport:
    """Split a draft into sentences and verify each checkable one, keeping offsets."""
    sentences = []
    for start, end in split_sentences(text):
        sentence = text[start:end]
        verdict = verify(sentence, engine) if is_checkable(sentence) else None
        sentences.append(DraftSentence(start, end, sentence, verdict))
    counts = Counter(s.verdict.verdict for s in sentences if s.verdict)
    return DraftReport(
        tuple(sentences), {k: counts.get(k, 0) for k in (SUPPORTED, CONTRADICTED, UNVERIFIED)}
    )


class EmptyArticleError(ValueError):
    """An article with no text to take claims from: empty, or a headline alone."""


def check_article_text(text: str, title: str | None = None) -> None:
    """Refuse an article that is empty, or only a headline (its first line, when no title)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise EmptyArticleError("The article is empty: there is no text to take claims from.")
    if not title and len(lines) == 1:
        raise EmptyArticleError(
            f"The article is only a headline ({lines[0][:80]!r}): its first line is taken as "
            "the headline, and no text follows it."
        )


def ingest_article(text: str, engine: Engine, **meta: Any) -> tuple[Article, list[Claim]]:
    """Extract the claims of an article text and store both (EmptyArticleError when it has
    no text besides its headline)."""
    check_article_text(text, meta.get("title"))
    title = meta.pop("title", None) or text.strip().splitlines()[0][:200]
    if not meta.get("published"):
        meta["published"] = published_on(text)
    article = Article(
        id=meta.pop("id", None) or article_id(text),
        title=title,
        text=text,
        **{k: v for k, v in meta.items() if v is not None},
    )
    claims = extract_claims(article)
    engine.store.save_article(article, claims)
    embed_claims(claims, engine)
    return article, claims


def embed_claims(claims: list[Claim], engine: Engine) -> None:
    """Store the sentence embeddings of claims, when semantic ranking is on."""
    embed_texts([(c.id, embedding_text(c.text, c.title)) for c in claims], engine)


def embed_texts(texts: list[tuple[str, str]], engine: Engine) -> None:
    """Store the embeddings of (claim id, text) pairs, when semantic ranking is on."""
    if engine.embedder is None or not texts:
        return
    vectors = engine.embedder.embed([text for _, text in texts])
    engine.store.save_vectors(dict(zip((i for i, _ in texts), vectors, strict=True)))


def add_claim(fields: Mapping[str, Any], engine: Engine) -> Claim:
    """Store one curated claim, creating a bare article record when it names none we hold."""
    claim = claim_from_fields(fields)
    engine.store.ensure_article(claim.article_id, claim.article_id)
    engine.store.save_claims([claim])
    embed_claims([claim], engine)
    return claim


def create_key(engine: Engine, name: str, scope: str = WRITE) -> tuple[ApiKey, str]:
    """Make a new API key; return it with its token, which is shown once and never stored."""
    token = new_token()
    token_hash = hash_token(token)
    created = datetime.now(UTC).isoformat(timespec="seconds")
    key = ApiKey(key_id(token_hash), name, scope, created)
    engine.store.add_key(key, token_hash)
    return key, token


def revoke_key(engine: Engine, key: str) -> None:
    """Revoke a key by its id."""
    engine.store.revoke_key(key, datetime.now(UTC).isoformat(timespec="seconds"))
