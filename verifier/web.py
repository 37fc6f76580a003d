"""Pages for people: the editor's page, the claims browser and the embeddable plugin."""

from __future__ import annotations

from flask import Blueprint, Flask

web = Blueprint("web", __name__, static_folder="static", static_url_path="/static")


def register_web(app: Flask) -> None:
    """Serve the editor's page at /, the claims browser and /plugin/verifier.js."""
    app.register_blueprint(web)
