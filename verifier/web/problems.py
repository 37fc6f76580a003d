"""The Problem exception and the one function that renders every error (RFC 9457)."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, json
from webargs.flaskparser import FlaskParser
from werkzeug.exceptions import HTTPException

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("verifier")


class Problem(Exception):
    """An HTTP error with a title, a detail and extra members for the problem body."""

    def __init__(
        self,
        status: int,
        title: str,
        detail: str,
        *,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.headers = headers or {}
        self.extra = extra


def problem_response(
    status: int, title: str, detail: str, headers: dict[str, str] | None = None, **extra: Any
) -> Response:
    """Build the one error shape: application/problem+json with type, title, status, detail."""
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_JSON)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


class JsonBodyParser(FlaskParser):
    """webargs' parser, refusing with 400 the JSON that Python's decoder raises on besides
    syntax errors: integers of over 4,300 digits (ValueError) and deep nesting (RecursionError).
    """

    def load_json(self, req: Any, schema: Any) -> Any:
        try:
            return super().load_json(req, schema)
        except (ValueError, RecursionError):
            raise Problem(
                400,
                "Bad Request",
                "The request body is JSON this service does not read: an integer of over "
                "4,300 digits, or arrays and objects nested too deep.",
            ) from None


def _from_problem(error: Problem) -> Response:
    return problem_response(error.status, error.title, error.detail, error.headers, **error.extra)


def _from_http(error: HTTPException) -> Response:
    status = error.code or 500
    if status >= 500:
        return problem_response(
            500,
            "Internal Server Error",
            "The server failed to answer this request; it has been logged.",
        )
    data = getattr(error, "data", None) or {}
    headers = dict(data.get("headers") or {})
    if status == 405 and error.valid_methods:  # type: ignore[attr-defined]
        headers["Allow"] = ", ".join(error.valid_methods)  # type: ignore[attr-defined]
    messages = data.get("messages") or data.get("errors")
    if messages:
        errors = list(error_pointers(messages))
        malformed = any(e["pointer"] == "" and "Invalid JSON" in e["detail"] for e in errors)
        if malformed:
            return problem_response(400, "Bad Request", "The request body is not valid JSON.")
        return problem_response(
            422,
            "Unprocessable Content",
            "The request has invalid fields: "
            + "; ".join(f"{e['pointer'] or '/'}: {e['detail']}" for e in errors),
            headers,
            errors=errors,
        )
    detail = data.get("message") or error.description or error.name
    if status == 429:
        detail = (
            f"Too many requests: the limit is {detail}. Retry after the number of "
            "seconds in the Retry-After header."
        )
    return problem_response(status, error.name, str(detail), headers)


def error_pointers(messages: Any, prefix: str = "") -> Any:
    """Flatten marshmallow/webargs messages into {pointer, detail} dicts (JSON pointers)."""
    if isinstance(messages, dict):
        for key, value in messages.items():
            if key in ("json", "query", "form", "view_args") and not prefix:
                yield from error_pointers(value, "")
            elif key == "_schema":
                yield from error_pointers(value, prefix)
            else:
                yield from error_pointers(value, f"{prefix}/{key}")
    elif isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        yield {"pointer": prefix, "detail": " ".join(messages)}
    elif isinstance(messages, list):
        for index, value in enumerate(messages):
            yield from error_pointers(value, f"{prefix}/{index}")
    else:
        yield {"pointer": prefix, "detail": str(messages)}


def _from_timeout(error: TimeoutError) -> Response:
    # The server's read timeout cut off a client that stopped sending its body.
    return problem_response(
        408,
        "Request Timeout",
        "The request body stopped arriving before it was complete; send it again.",
        {"Connection": "close"},
    )


def register_error_handlers(app: Flask) -> None:
    """Route every error, from any route or method, through the one problem shape.

    Unexpected exceptions are not caught here: Flask logs them with their traceback and
    hands an InternalServerError to the HTTPException handler, which answers a generic 500.
    """
    app.register_error_handler(Problem, _from_problem)
    app.register_error_handler(HTTPException, _from_http)
    app.register_error_handler(TimeoutError, _from_timeout)
