"""The pipeline in one place: verify(), check_draft(), ingest_article(), import_claims()."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from verifier.curated import claim_from_record, curated
from verifier.extract import article_id, claim_id, extract_claims, is_negated
from verifier.keys import WRITE, ApiKey, hash_token, key_id, new_token
from verifier.matching import Match, StatementFeatures, number_terms, prepare_statement, rank
from verifier.models import (
    CONTRADICTED,
    SUPPORTED,
    UNVERIFIED,
    Article,
    Claim,
    DraftReport,
    DraftSentence,
    Verdict,
)
from verifier.numbers import extract_quantities
from verifier.semantic import Embedder, cosine_scores, load_embedder
from verifier.store import ClaimStore
from verifier.text import content_stems, split_sentences
from verifier.verdict import Thresholds, decide


@dataclass(frozen=True)
class Engine:
    """A store plus the thresholds to judge with: what every verification needs."""

    store: ClaimStore
    thresholds: Thresholds = field(default_factory=Thresholds)
    candidate_limit: int = 50
    embedder: Embedder | None = None  # sentence embeddings, when the [semantic] extra is on


def engine_from_settings(settings: Mapping[str, Any]) -> Engine:
    """Open the configured store (seeding it when empty) and wrap it with its thresholds."""
    store = open_store(settings["DATABASE"])
    thresholds = Thresholds(
        settings["MATCH_THRESHOLD"], settings["MATCH_MARGIN"], settings["NUMBER_TOLERANCE"]
    )
    embedder = load_embedder(str(settings["SEMANTIC"]).lower() != "off")
    return Engine(store, thresholds, settings["CANDIDATE_LIMIT"], embedder)


def open_store(path: str, seed: bool = True) -> ClaimStore:
    """Open (creating if needed) a store; load the curated seed claims into an empty one."""
    store = ClaimStore(path)
    store.create()
    if seed and store.count_articles() == 0:
        load_seed(store)
    return store


def load_seed(store: ClaimStore) -> int:
    """Load the shipped articles and their reviewed claims; return the claim count."""
    return sum(store.save_article(article, claims) for article, claims in curated())


def search(statement: str, engine: Engine) -> tuple[StatementFeatures, list[Match]]:
    """Find and re-rank the claims closest to a statement, best first."""
    features = prepare_statement(statement)
    terms = [*features.stems, *number_terms(features.quantities)]
    candidates = engine.store.candidates(terms, engine.candidate_limit)
    similarity = None
    if engine.embedder is not None and candidates:
        query = engine.embedder.embed([features.text])[0]
        stored = engine.store.vectors(c.claim.id for c in candidates)
        similarity = cosine_scores(query, stored)
    return features, rank(features, candidates, engine.candidate_limit, similarity)


def verify(statement: str, engine: Engine) -> Verdict:
    """Verify one statement against the claim base."""
    features, matches = search(statement, engine)
    articles = engine.store.article_refs(m.claim.article_id for m in matches[:10])
    return decide(features, matches, engine.thresholds, articles)


def is_checkable(sentence: str) -> bool:
    """Tell whether a draft sentence states something that could be checked."""
    return len(content_stems(sentence, drop_numbers=False)) >= 2


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


def ingest_article(text: str, engine: Engine, **meta: Any) -> tuple[Article, list[Claim]]:
    """Extract the claims of an article text and store both."""
    title = meta.pop("title", None) or text.strip().splitlines()[0][:200] if text.strip() else ""
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


def claim_from_fields(fields: Mapping[str, Any]) -> Claim:
    """Build a claim from loose fields (text, speaker, article id, ...), filling the rest."""
    text = fields["text"]
    quote = fields.get("quote") or text
    article = fields.get("article_id") or "imported"
    record = {
        "id": fields.get("id") or claim_id(article, quote, text),
        "article_id": article,
        "text": text,
        "quote": quote,
        "start": fields.get("start") or 0,
        "end": fields.get("end") or len(quote),
        "speaker": fields.get("speaker"),
        "speaker_role": fields.get("speaker_role"),
        "attribution": fields.get("attribution")
        or ([fields["speaker"]] if fields.get("speaker") else []),
        "negated": fields.get("negated", is_negated(text)),
        "quantities": [],
        "title": fields.get("title"),
    }
    claim = claim_from_record(record)
    quantities = extract_quantities(text)
    return Claim(**{**claim.__dict__, "quantities": quantities})


def import_claims(
    records: Iterable[Mapping[str, Any]], engine: Engine, batch_size: int = 5000
) -> Iterator[int]:
    """Store claims in atomic batches, yielding the size of each batch once it is written."""
    batch: list[Claim] = []
    seen_articles: set[str] = set()
    for fields in records:
        claim = claim_from_fields(fields)
        if claim.article_id not in seen_articles:
            engine.store.ensure_article(
                claim.article_id, str(fields.get("article_title") or claim.article_id)
            )
            seen_articles.add(claim.article_id)
        batch.append(claim)
        if len(batch) >= batch_size:
            yield _save_batch(batch, engine)
            batch = []
    if batch:
        yield _save_batch(batch, engine)


def _save_batch(batch: list[Claim], engine: Engine) -> int:
    count = engine.store.save_claims(batch)
    embed_claims(batch, engine)
    return count


def embed_claims(claims: list[Claim], engine: Engine) -> None:
    """Store the sentence embeddings of claims, when semantic ranking is on."""
    if engine.embedder is None or not claims:
        return
    texts = [f"{c.text} {c.title or ''}".strip() for c in claims]
    engine.store.save_vectors(
        dict(zip((c.id for c in claims), engine.embedder.embed(texts), strict=True))
    )


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
