"""Marshmallow schemas of the archive's resources: claims, articles and their pages (the
wire format, nothing else)."""

from __future__ import annotations

import math
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates, validates_schema

from verifier.engine.extract import MAX_CLAIM_CHARS
from verifier.engine.service import EmptyArticleError, check_article_text
from verifier.web.schemas import ArticleRefSchema, Text, Url, check_length


class QuantitySchema(Schema):
    value = fields.Method("_value", metadata={"description": "null when unreadable."})
    kind = fields.String()
    unit = fields.String(allow_none=True)
    qualifier = fields.String(allow_none=True)
    raw = fields.String()

    def _value(self, quantity: Any) -> float | None:
        # An unreadable figure is kept as infinity inside; JSON has no such number.
        return quantity.value if math.isfinite(quantity.value) else None


class ClaimSchema(Schema):
    id = fields.String()
    article_id = fields.String()
    text = fields.String()
    quote = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    speaker = fields.String(allow_none=True)
    speaker_role = fields.String(allow_none=True)
    attribution = fields.List(fields.String())
    quantities = fields.List(fields.Nested(QuantitySchema))
    negated = fields.Boolean()
    title = fields.String(allow_none=True)


# Ids become part of URLs (/claims/<id>): URL-safe characters only, and not "." or "..".
_ID = (
    validate.Length(min=1, max=200),
    validate.Regexp(
        r"(?!\.\.?$)[A-Za-z0-9._~-]+$",
        error="Use only letters, digits and . _ ~ - (and not '.' or '..'): ids go in URLs.",
    ),
)


class ClaimInSchema(Schema):
    text = Text(required=True, validate=validate.Length(min=1, max=MAX_CLAIM_CHARS))
    quote = Text(validate=validate.Length(min=1, max=MAX_CLAIM_CHARS))
    speaker = Text(allow_none=True, validate=validate.Length(max=300))
    speaker_role = Text(allow_none=True, validate=validate.Length(max=300))
    attribution = fields.List(Text(validate=validate.Length(max=300)))
    article_id = Text(validate=_ID)
    id = Text(validate=_ID)
    title = Text(allow_none=True, validate=validate.Length(max=500))


class ClaimImportSchema(ClaimInSchema):
    """A line of `verifier import-claims`: a claim as the API takes it, and where it stands."""

    article_title = Text(allow_none=True, validate=validate.Length(max=500))
    start = fields.Integer(strict=True, validate=validate.Range(min=0))
    end = fields.Integer(strict=True, validate=validate.Range(min=0))
    negated = fields.Boolean(truthy={True}, falsy={False})  # JSON true or false, nothing else

    @validates_schema
    def _span(self, data: dict[str, Any], **_: Any) -> None:
        start, end = data.get("start"), data.get("end")
        if start is not None and end is not None and end < start:
            raise ValidationError("end comes before start.", "end")


class ClaimQuerySchema(Schema):
    q = fields.String(metadata={"description": "Words to search for."})
    article_id = fields.String()
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    cursor = fields.String(metadata={"description": "next_cursor of the previous page."})


class PageQuerySchema(Schema):
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    cursor = fields.String()


class ClaimPageSchema(Schema):
    items = fields.List(fields.Nested(ClaimSchema))
    next_cursor = fields.String(allow_none=True)


class ArticleInSchema(Schema):
    text = Text(required=True)
    title = Text(validate=validate.Length(min=1, max=500))
    author = Text(allow_none=True, validate=validate.Length(max=300))
    url = Url(allow_none=True)
    published = Text(allow_none=True, validate=validate.Length(max=100))
    publisher = Text(allow_none=True, validate=validate.Length(max=300))
    id = Text(validate=_ID)

    @validates("text")
    def _text(self, value: str, **_: Any) -> None:
        check_length(value, "MAX_DRAFT_CHARS", "article text")

    @validates_schema
    def _not_empty(self, data: dict[str, Any], **_: Any) -> None:
        try:
            check_article_text(data.get("text") or "", data.get("title"))
        except EmptyArticleError as error:
            raise ValidationError(str(error), "text") from None


class ArticleSchema(ArticleRefSchema):
    publisher = fields.String(allow_none=True)
    photo_credit = fields.String(allow_none=True)


class ArticleDetailSchema(ArticleSchema):
    text = fields.String()
    claims = fields.List(fields.Nested(ClaimSchema))
    next_cursor = fields.String(
        allow_none=True, metadata={"description": "GET: the cursor of the claims' next page."}
    )


class ArticlePageSchema(Schema):
    items = fields.List(fields.Nested(ArticleSchema))
    next_cursor = fields.String(allow_none=True)
