"""Pages for people: the editor's page, the claims browser and the embeddable plugin."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Flask, Response, abort, render_template, request, send_from_directory

STATIC = Path(__file__).parent / "static"
web = Blueprint(
    "web", __name__, static_folder="static", static_url_path="/static", template_folder="templates"
)

# The plugin is loaded by CMS pages on other origins; it fetches its stylesheet beside itself.
PLUGIN_FILES = {"verifier.js": "text/javascript", "verifier.css": "text/css"}
PLUGIN_MAX_AGE = 300

# Pages carry no inline script or style, so scripts and styles may come from this origin only.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    )
)
PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "SAMEORIGIN",
}


@web.route("/")
def editor() -> str:
    """Show the editor's page: a draft, its highlights and every sentence's verdict."""
    return render_template("editor.html")


@web.route("/claims")
def claims() -> str:
    """Show the claims browser: search, filter by article, each claim's span in its article."""
    return render_template("claims.html")


@web.route("/plugin/<name>")
def plugin(name: str) -> Response:
    """Serve the embeddable plugin or its stylesheet."""
    if name not in PLUGIN_FILES:
        abort(404)
    return send_from_directory(STATIC, name, mimetype=PLUGIN_FILES[name], max_age=PLUGIN_MAX_AGE)


def add_security_headers(response: Response) -> Response:
    """Add the security headers to the pages, the plugin and the static files."""
    if request.blueprint != "web" and request.endpoint != "static":
        return response
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if response.mimetype == "text/html":
        for name, value in PAGE_HEADERS.items():
            response.headers.setdefault(name, value)
    return response


def register_web(app: Flask) -> None:
    """Serve the editor's page at /, the claims browser and /plugin/verifier.js."""
    app.register_blueprint(web)
    app.after_request(add_security_headers)
