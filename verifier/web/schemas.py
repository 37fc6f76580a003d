"""Marshmallow schemas: the wire format, nothing else."""

from __future__ import annotations

from typing import Any

from flask import current_app
from marshmallow import Schema, ValidationError, fields, validate, validates

VERDICTS = ("supported", "contradicted", "unverified")


def _unicode(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError("The text has an unpaired surrogate; send valid Unicode.") from None
    if "\x00" in text:  # no text means it, and PostgreSQL's text type cannot hold it
        raise ValidationError("The text has a NUL character (U+0000); remove it.")
    return text


class Text(fields.String):
    """A string field that refuses unpaired UTF-16 surrogates (JSON allows "\\ud800") and
    NUL characters."""

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> str:
        return _unicode(super()._deserialize(value, attr, data, **kwargs))


class Url(fields.Url):
    """A URL field that refuses unpaired surrogates, as Text does."""

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> str:
        return _unicode(super()._deserialize(value, attr, data, **kwargs))


def _limit(name: str) -> int:
    return int(current_app.config["VERIFIER"][name])


def check_length(value: str, setting: str, what: str) -> None:
    if not value.strip():
        raise ValidationError(f"The {what} is empty.")
    if len(value) > _limit(setting):
        raise ValidationError(
            f"The {what} has {len(value)} characters; the limit is {_limit(setting)}."
        )


class StatementSchema(Schema):
    statement = Text(
        required=True,
        metadata={
            "description": "The statement to check.",
            "example": "About 5,000 U.S. troops will remain in Iraq.",
        },
    )

    @validates("statement")
    def _statement(self, value: str, **_: Any) -> None:
        check_length(value, "MAX_STATEMENT_CHARS", "statement")


class VerifyQuerySchema(Schema):
    format = fields.String(
        load_default="verdict", validate=validate.OneOf(["verdict", "claimreview"])
    )


class BatchSchema(Schema):
    statements = fields.List(
        Text(), required=True, metadata={"description": "Statements, answered in order."}
    )

    @validates("statements")
    def _statements(self, value: list[str], **_: Any) -> None:
        if not value:
            raise ValidationError("Send at least one statement.")
        if len(value) > _limit("MAX_BATCH"):
            raise ValidationError(
                f"{len(value)} statements sent; a batch holds at most {_limit('MAX_BATCH')}."
            )
        errors = {}
        for index, statement in enumerate(value):
            try:
                check_length(statement, "MAX_STATEMENT_CHARS", "statement")
            except ValidationError as error:
                errors[index] = error.messages
        if errors:
            raise ValidationError(errors)


class DraftSchema(Schema):
    text = Text(required=True, metadata={"description": "A whole draft."})

    @validates("text")
    def _text(self, value: str, **_: Any) -> None:
        check_length(value, "MAX_DRAFT_CHARS", "draft")


class ArticleRefSchema(Schema):
    id = fields.String()
    title = fields.String()
    author = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    published = fields.String(allow_none=True)


class CitationSchema(Schema):
    claim_id = fields.String()
    quote = fields.String(metadata={"description": "The verbatim source sentence."})
    speaker = fields.String(allow_none=True)
    attribution = fields.List(
        fields.String(), metadata={"description": "Speaker, then who reported it, outward."}
    )
    article = fields.Nested(ArticleRefSchema)
    start = fields.Integer(metadata={"description": "Offset of the quote in the article."})
    end = fields.Integer()
    similarity = fields.Float()


class ReasonSchema(Schema):
    code = fields.String(metadata={"example": "number_mismatch"})
    detail = fields.String()
    statement_value = fields.String(allow_none=True)
    claim_value = fields.String(allow_none=True)


class VerdictSchema(Schema):
    statement = fields.String()
    verdict = fields.String(validate=validate.OneOf(VERDICTS))
    confidence = fields.Float()
    explanation = fields.String()
    reasons = fields.List(fields.Nested(ReasonSchema))
    citations = fields.List(fields.Nested(CitationSchema))


class BatchResultSchema(Schema):
    results = fields.List(fields.Nested(VerdictSchema))


class DraftSentenceSchema(Schema):
    start = fields.Integer()
    end = fields.Integer()
    text = fields.String()
    checkable = fields.Method("_checkable", dump_only=True)
    verdict = fields.Method("_verdict", dump_only=True, allow_none=True)

    def _checkable(self, sentence: Any) -> bool:
        return sentence.verdict is not None

    def _verdict(self, sentence: Any) -> dict[str, Any] | None:
        return VerdictSchema().dump(sentence.verdict) if sentence.verdict else None


class DraftReportSchema(Schema):
    sentences = fields.List(fields.Nested(DraftSentenceSchema))
    counts = fields.Dict(keys=fields.String(), values=fields.Integer())


class HealthSchema(Schema):
    status = fields.String()
    claims = fields.Integer()
    articles = fields.Integer()
    version = fields.String()
    backend = fields.String(metadata={"description": "sqlite or postgresql."})
    replica = fields.Boolean(
        metadata={"description": "PostgreSQL: whether reads come from a hot standby."}
    )
    replica_lag_seconds = fields.Float(
        metadata={
            "description": "On a standby: seconds since the last transaction it replayed "
            "(0 when it has replayed all it received)."
        }
    )


class ProblemSchema(Schema):
    type = fields.String()
    title = fields.String()
    status = fields.Integer()
    detail = fields.String()
    errors = fields.List(
        fields.Dict(),
        metadata={"description": "Each invalid field: a JSON pointer and its detail."},
    )


class ClaimReviewSchema(Schema):
    """schema.org ClaimReview (JSON-LD); documented here, built by verifier.web.claimreview."""

    context = fields.String(data_key="@context")
    type = fields.String(data_key="@type")
    url = fields.String()
    claimReviewed = fields.String()
    datePublished = fields.String()
    author = fields.Dict()
    reviewBody = fields.String()
    reviewRating = fields.Dict()
    itemReviewed = fields.Dict()
