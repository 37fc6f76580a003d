"""A browsable API docs page, served from the Swagger UI files shipped on PyPI (no CDN)."""

from __future__ import annotations

from flask import Blueprint, Flask, Response, send_from_directory

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>verifier API</title>
<link rel="stylesheet" href="/api/v1/docs/static/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/api/v1/docs/static/swagger-ui-bundle.js"></script>
<script src="/api/v1/docs/init.js"></script>
</body></html>"""
_INIT = 'SwaggerUIBundle({url: "/api/v1/openapi.json", dom_id: "#ui"});'


def register_docs(app: Flask) -> None:
    """Serve the docs page at /api/v1/docs."""
    from swagger_ui_bundle import swagger_ui_path

    docs = Blueprint("docs", __name__, url_prefix="/api/v1/docs")

    @docs.route("")
    def page() -> Response:
        return Response(_PAGE, mimetype="text/html")

    @docs.route("/init.js")
    def init() -> Response:
        return Response(_INIT, mimetype="text/javascript")

    @docs.route("/static/<path:name>")
    def static(name: str) -> Response:
        return send_from_directory(swagger_ui_path, name)

    app.register_blueprint(docs)
