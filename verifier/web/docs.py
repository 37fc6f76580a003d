"""A browsable API docs page, served from the Swagger UI files shipped on PyPI (no CDN)."""

from __future__ import annotations

from flask import Blueprint, Flask, Response, render_template, send_from_directory

# persistAuthorization: a key entered with "Authorize" survives a reload of the page.
_INIT = 'SwaggerUIBundle({url: "/api/v1/openapi.json", dom_id: "#ui", persistAuthorization: true});'


def register_docs(app: Flask) -> None:
    """Serve the docs page at /api/v1/docs."""
    from swagger_ui_bundle import swagger_ui_path

    docs = Blueprint("docs", __name__, url_prefix="/api/v1/docs")

    @docs.route("")
    def page() -> str:
        return render_template("docs.html")

    @docs.route("/init.js")
    def init() -> Response:
        return Response(_INIT, mimetype="text/javascript")

    @docs.route("/static/<path:name>")
    def static(name: str) -> Response:
        return send_from_directory(swagger_ui_path, name)

    app.register_blueprint(docs)
