"""The REST blueprint: routes only, a few lines each."""

from __future__ import annotations

import base64
import json
from typing import Any

from flask import Response, current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from verifier.engine import service
from verifier.engine.browse import find_claims
from verifier.engine.extract import find_speaker
from verifier.engine.service import Engine
from verifier.models import Article, ArticleRef, Claim, DraftReport, Verdict
from verifier.web import archive_schemas, claimreview, schemas
from verifier.web.auth import require_read_key, writes
from verifier.web.problems import JsonBodyParser, Problem


class _Blueprint(Blueprint):  # type: ignore[misc]
    ARGUMENTS_PARSER = JsonBodyParser()  # read by the decorators below, at import


blp = _Blueprint(
    "api",
    __name__,
    url_prefix="/api/v1",
    description="Verify statements and manage the claim base.",
)
meta = Blueprint("meta", __name__, description="Service health.")
JSON_LD = "application/ld+json"


def engine() -> Engine:
    """Return the app's engine: its store and thresholds."""
    return current_app.extensions["verifier"]  # type: ignore[no-any-return]


def _cursor(key: Any) -> str | None:
    """An opaque cursor for where the next page starts (None: this page was the last)."""
    if key is None:
        return None
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode()


def _after(cursor: str | None, kind: type) -> Any:
    """The key a cursor of this API holds, of the kind the listing pages by; else a 422."""
    if not cursor:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor.encode()).decode())
    except ValueError:
        key = None
    if kind is list and isinstance(key, list) and [type(k) for k in key] == [int, str]:
        return tuple(key)
    if (kind is int and type(key) is int and key >= 0) or (kind is str and type(key) is str):
        return key
    raise Problem(
        422,
        "Unprocessable Content",
        "The cursor is not one this API gave out.",
        errors=[{"pointer": "/cursor", "detail": "Unknown cursor."}],
    )


@blp.before_request
def _reads_may_need_a_key() -> None:
    require_read_key()


@meta.route("/health")
@meta.response(200, schemas.HealthSchema)
def health() -> dict[str, Any]:
    """Tell whether the service is up, how many claims it holds, and in which backend (on a
    read replica, how far behind it is)."""
    store = engine().store
    return {
        "status": "ok",
        "claims": store.count_claims(),
        "articles": store.count_articles(),
        "version": current_app.config["VERSION"],
        **store.health(),
    }


@blp.route("/verify", methods=["POST"])
@blp.arguments(schemas.StatementSchema())
@blp.arguments(schemas.VerifyQuerySchema(), location="query")
@blp.response(200, schemas.VerdictSchema)
@blp.alt_response(
    200,
    schema=schemas.ClaimReviewSchema,
    content_type=JSON_LD,
    description="With ?format=claimreview: schema.org ClaimReview JSON-LD.",
    success=True,
)
def verify(body: dict[str, str], query: dict[str, str]) -> Verdict | Response:
    """Verify one statement: supported, contradicted or unverified, with citations."""
    verdict = service.verify(body["statement"], engine())
    if query["format"] != "claimreview":
        return verdict
    settings = current_app.config["VERIFIER"]
    url = _public_url("/api/v1/verify")
    review = claimreview.review_verdict(
        verdict, url, settings["PUBLISHER"], find_speaker(body["statement"])
    )
    return _json_ld(review)


def _public_url(path: str) -> str:
    """The address of a path as readers reach it: from settings, never from the request."""
    return str(current_app.config["VERIFIER"]["PUBLIC_URL"]).rstrip("/") + path


def _json_ld(document: dict[str, Any]) -> Response:
    """JSON-LD safe to paste inside <script>: "<", ">" and "&" written as \\u escapes."""
    return Response(claimreview.script_safe_json(document), mimetype=JSON_LD)


@blp.route("/claims/<claim_id>/claimreview")
@blp.response(200, schemas.ClaimReviewSchema, content_type=JSON_LD)
def claim_review(claim_id: str) -> Response:
    """Describe a stored claim as schema.org ClaimReview JSON-LD, for a CMS to embed."""
    store = engine().store
    claim = store.get_claim(claim_id)
    article = store.article_refs([claim.article_id]).get(claim.article_id)
    article = article or ArticleRef(claim.article_id, claim.article_id)
    settings = current_app.config["VERIFIER"]
    url = _public_url(f"/api/v1/claims/{claim.id}/claimreview")
    return _json_ld(claimreview.review_claim(claim, article, url, settings["PUBLISHER"]))


@blp.route("/verify/batch", methods=["POST"])
@blp.arguments(schemas.BatchSchema())
@blp.response(200, schemas.BatchResultSchema)
def verify_batch(body: dict[str, list[str]]) -> dict[str, list[Verdict]]:
    """Verify several statements; results come back in the order sent."""
    return {"results": [service.verify(s, engine()) for s in body["statements"]]}


@blp.route("/check", methods=["POST"])
@blp.arguments(schemas.DraftSchema())
@blp.response(200, schemas.DraftReportSchema)
def check(body: dict[str, str]) -> DraftReport:
    """Check a whole draft: every sentence with its offsets, verdict and citations."""
    return service.check_draft(body["text"], engine())


@blp.route("/claims")
class Claims(MethodView):
    @blp.arguments(archive_schemas.ClaimQuerySchema(), location="query")
    @blp.response(200, archive_schemas.ClaimPageSchema)
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """Page through claims: with q, ranked as verification finds them (not every word
        needs to match); with article_id alone, in the order they stand in the article;
        else by id."""
        store, limit, cursor = engine().store, query["limit"], query.get("cursor")
        words, article_id = (query.get("q") or "").strip(), query.get("article_id")
        if words:
            offset = _after(cursor, int) or 0
            page = find_claims(words, engine(), article_id, limit, offset)
            more = offset + limit if page.more else None
            return {"items": page.claims, "next_cursor": _cursor(more)}
        if article_id:
            items = store.article_claims(article_id, limit, _after(cursor, list))
            last = [items[-1].start, items[-1].id] if len(items) == limit else None
            return {"items": items, "next_cursor": _cursor(last)}
        items = store.list_claims(None, None, limit, _after(cursor, str))
        last_id = items[-1].id if len(items) == limit else None
        return {"items": items, "next_cursor": _cursor(last_id)}

    @blp.response(201, archive_schemas.ClaimSchema)
    @writes
    @blp.arguments(archive_schemas.ClaimInSchema())
    def post(self, body: dict[str, Any]) -> Claim:
        """Add a curated claim (needs an API key)."""
        return service.add_claim(body, engine())


@blp.route("/claims/<claim_id>")
class ClaimById(MethodView):
    @blp.response(200, archive_schemas.ClaimSchema)
    def get(self, claim_id: str) -> Claim:
        """Return one claim."""
        return engine().store.get_claim(claim_id)

    @blp.response(204)
    @writes
    def delete(self, claim_id: str) -> None:
        """Delete one claim (needs an API key)."""
        engine().store.delete_claim(claim_id)


@blp.route("/articles")
class Articles(MethodView):
    @blp.arguments(archive_schemas.PageQuerySchema(), location="query")
    @blp.response(200, archive_schemas.ArticlePageSchema)
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """Page through articles."""
        items = engine().store.list_articles(query["limit"], _after(query.get("cursor"), str))
        full = len(items) == query["limit"]
        return {"items": items, "next_cursor": _cursor(items[-1].id if full else None)}

    @blp.response(201, archive_schemas.ArticleDetailSchema)
    @writes
    @blp.arguments(archive_schemas.ArticleInSchema())
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """Store an article and the claims extracted from it (needs an API key)."""
        article, claims = service.ingest_article(body.pop("text"), engine(), **body)
        return {**article.__dict__, "claims": claims}


@blp.route("/articles/<article_id>")
class ArticleById(MethodView):
    @blp.arguments(archive_schemas.PageQuerySchema(), location="query")
    @blp.response(200, archive_schemas.ArticleDetailSchema)
    def get(self, query: dict[str, Any], article_id: str) -> dict[str, Any]:
        """Return one article with a page of its claims, in the order they stand in it
        (next_cursor pages on, as /claims?article_id= does)."""
        article: Article = engine().store.get_article(article_id)
        limit = query["limit"]
        claims = engine().store.article_claims(article_id, limit, _after(query.get("cursor"), list))
        last = [claims[-1].start, claims[-1].id] if len(claims) == limit else None
        return {**article.__dict__, "claims": claims, "next_cursor": _cursor(last)}

    @blp.response(204)
    @writes
    def delete(self, article_id: str) -> None:
        """Delete an article and its claims (needs an API key)."""
        engine().store.delete_article(article_id)
