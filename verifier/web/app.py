"""The Flask app: settings, store, API blueprint, docs, errors and CORS (create_app)."""

from __future__ import annotations

import io
from typing import Any

from flask import Flask, current_app, request

from verifier import __version__
from verifier.config import load_settings, split_list
from verifier.engine.extract import ClaimTooLongError
from verifier.store import DatabaseUnavailableError, NotFoundError
from verifier.web.auth import BEARER, check_configured_keys
from verifier.web.problems import Problem, problem_response, register_error_handlers

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the Flask app: settings, store, API blueprint, docs, errors and CORS."""
    from verifier.engine.service import engine_from_settings
    from verifier.web import api
    from verifier.web.docs import register_docs
    from verifier.web.limits import register_limits
    from verifier.web.pages import register_web

    app = Flask(__name__)
    settings = load_settings(config)
    check_configured_keys(settings)  # before anything listens: a short key is refused
    app.config.update(
        VERIFIER=settings,
        VERSION=__version__,
        MAX_CONTENT_LENGTH=settings["MAX_BODY_BYTES"],
        API_TITLE="verifier",
        API_VERSION=__version__,
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/api/v1",
        OPENAPI_JSON_PATH="openapi.json",
    )
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.extensions["verifier"] = engine_from_settings(settings)
    register_error_handlers(app)
    app.register_error_handler(NotFoundError, _not_found)
    app.register_error_handler(DatabaseUnavailableError, _database_unavailable)
    app.register_error_handler(ClaimTooLongError, _claim_too_long)
    app.before_request(_require_json)
    rest = _problem_api()(
        app,
        spec_kwargs={
            "info": {"description": "Statements in, verdicts with citations out."},
            # A key is optional for reads (needed only when the operator locks them).
            "security": [{}, {BEARER: []}],
        },
    )
    rest.spec.components.security_scheme(
        BEARER,
        {
            "type": "http",
            "scheme": "bearer",
            "description": "An API key: `verifier keys create`, or one of VERIFIER_API_KEYS.",
        },
    )
    register_limits(app, api.blp, settings)
    rest.register_blueprint(api.meta)
    rest.register_blueprint(api.blp)
    register_error_handlers(app)  # again: Api.init_app installs its own JSON error handler
    register_docs(app)
    register_web(app)
    origins = split_list(settings["CORS_ORIGINS"])
    if origins:
        from flask_cors import CORS

        CORS(app, resources={r"/api/*": {"origins": origins}, r"/plugin/*": {"origins": origins}})
    return app


def _problem_api() -> type[Any]:
    """flask-smorest's Api, documenting every error response as our problem+json shape."""
    from flask_smorest import Api

    from verifier.web.problems import PROBLEM_JSON
    from verifier.web.schemas import ProblemSchema

    class ProblemApi(Api):  # type: ignore[misc]
        ERROR_SCHEMA = ProblemSchema  # read by Api.__init__, before the spec is built

        def _register_responses(self) -> None:
            # The error responses are registered with the default content type; ours is
            # problem+json. Success bodies keep application/json (the class default).
            self.DEFAULT_RESPONSE_CONTENT_TYPE = PROBLEM_JSON
            try:
                super()._register_responses()
            finally:
                del self.DEFAULT_RESPONSE_CONTENT_TYPE

    return ProblemApi


def _not_found(error: NotFoundError) -> Any:
    return problem_response(404, "Not Found", str(error))


def _database_unavailable(error: DatabaseUnavailableError) -> Any:
    """A database server out of reach: this server cannot answer now, another may."""
    current_app.logger.error("database unavailable: %s", error)
    detail = "The database cannot be reached; try again shortly."
    return problem_response(503, "Service Unavailable", detail, {"Retry-After": "5"})


def _claim_too_long(error: ClaimTooLongError) -> Any:
    detail = str(error)
    errors = [{"pointer": "/text", "detail": detail}]
    return problem_response(422, "Unprocessable Content", detail, errors=errors)


def _require_json() -> None:
    """Refuse a request body that is not JSON before any work is done."""
    if request.routing_exception is not None:
        return  # unknown route or method: let routing answer 404/405 first
    if "chunked" in request.headers.get("Transfer-Encoding", "").lower():
        _buffer_chunked_body()
    if request.method in _BODY_METHODS and request.mimetype != "application/json":
        got = request.mimetype or "no content type"
        raise Problem(
            415, "Unsupported Media Type", f"Send the body as application/json (got {got})."
        )


def _buffer_chunked_body() -> None:
    """Read a chunked body up to the limit, so an oversized one is refused with 413.

    Without a Content-Length werkzeug silently cuts the body at the limit, and the cut JSON
    would be answered 400. The body read here is handed back to werkzeug as a sized stream.
    """
    limit = int(current_app.config["MAX_CONTENT_LENGTH"])
    environ = request.environ
    body = environ["wsgi.input"].read(limit + 1)
    if len(body) > limit:
        raise Problem(413, "Content Too Large", f"The request body is over {limit} bytes.")
    environ["wsgi.input"] = io.BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))
    environ.pop("HTTP_TRANSFER_ENCODING", None)
    environ.pop("wsgi.input_terminated", None)
