"""The editor's page, the claims browser and the plugin: over HTTP, then in a real Chromium.

The browser tests drive Debian's /usr/bin/chromium (headless) through Playwright against a real
`verifier serve` on 127.0.0.1, and a demo CMS page served from another 127.0.0.1 port. They skip
when chromium or playwright is missing; the axe-core checks skip when npm cannot fetch axe-core.
"""

from __future__ import annotations

import http.server
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

import verifier
from tests.conftest import Server, start_server
from verifier import create_app

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # the browser tests skip without it
    expect = sync_playwright = None

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
STATIC = Path(verifier.__file__).parent / "web" / "static"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CMS_DEMO = Path(__file__).parent / "cms_demo"
AXE_VERSION = "4.14.1"
AXE_CACHE = Path(os.environ.get("VERIFIER_AXE_CACHE", Path.home() / ".cache" / "verifier-tests"))

SENTENCES = {
    "supported": "The U.S. intervention in Iraq began in 2003.",
    "contradicted": "About 5,000 U.S. troops will remain in Iraq.",
    "unverified": "Oil prices fell 5 percent on Monday.",
}
LABELS = {"supported": "Supported", "contradicted": "Contradicted", "unverified": "Unverified"}
# The emoji makes JavaScript's UTF-16 offsets differ from the API's code-point offsets.
DRAFT = "Draft \U0001f4dd\n" + " ".join(SENTENCES.values())
CONTRADICTED_CLAIM = "c-2614a1f7a3fd"
ARTICLE = "us-withdraws-troops-from-iraq"


# --- over HTTP, no browser ----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/claims"], ids=["editor", "claims"])
def test_pages_carry_security_headers(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == "text/html"
    policy = response.headers["Content-Security-Policy"]
    for directive in ("script-src 'self'", "style-src 'self'", "frame-ancestors 'self'"):
        assert directive in policy
    assert "unsafe-inline" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("path", ["/", "/claims"], ids=["editor", "claims"])
def test_pages_have_no_inline_code_and_load_only_from_this_origin(
    client: FlaskClient, path: str
) -> None:
    html = client.get(path).get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "an inline script"
    assert "<style" not in html and " style=" not in html
    for url in re.findall(r'(?:src|href)="([^"]*)"', html):
        assert url.startswith(("/", "#", "data:")), url


@pytest.mark.parametrize(
    ("name", "mimetype"),
    [("verifier.js", "text/javascript"), ("verifier.css", "text/css")],
    ids=["script", "stylesheet"],
)
def test_plugin_files_are_served_with_their_type(
    client: FlaskClient, name: str, mimetype: str
) -> None:
    with client.get(f"/plugin/{name}") as response:
        assert response.status_code == 200 and response.mimetype == mimetype
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.get_data() == (STATIC / name).read_bytes()


def test_unknown_plugin_file_is_a_problem(client: FlaskClient) -> None:
    response = client.get("/plugin/secrets.txt")
    assert response.status_code == 404 and response.mimetype == "application/problem+json"


def test_plugin_and_check_answer_cors_only_for_configured_origins(tmp_path: Path) -> None:
    app = create_app({"DATABASE": str(tmp_path / "v.db"), "CORS_ORIGINS": "http://cms.example"})
    client = app.test_client()
    allowed = {"Origin": "http://cms.example"}
    other = {"Origin": "http://elsewhere.example"}
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    with client.get("/plugin/verifier.js", headers=allowed) as response:
        assert response.headers["Access-Control-Allow-Origin"] == "http://cms.example"
    with client.get("/plugin/verifier.js", headers=other) as response:
        assert "Access-Control-Allow-Origin" not in response.headers
    answer = client.options("/api/v1/check", headers={**allowed, **preflight})
    assert answer.headers["Access-Control-Allow-Origin"] == "http://cms.example"
    answer = client.options("/api/v1/check", headers={**other, **preflight})
    assert "Access-Control-Allow-Origin" not in answer.headers


def test_plugin_sends_no_credentials() -> None:
    source = (STATIC / "verifier.js").read_text()
    assert "Authorization" not in source and 'credentials: "omit"' in source


# --- fixtures for the browser -------------------------------------------------------------------


class _CmsHandler(http.server.BaseHTTPRequestHandler):
    """The demo CMS: its page names the verifier service given in ?service=."""

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/":
            service = urllib.parse.parse_qs(url.query)["service"][0]
            assert service.startswith("http://127.0.0.1:")
            page = (CMS_DEMO / "index.html").read_text().replace("{{service}}", service)
            self._send(page.encode(), "text/html; charset=utf-8")
        elif url.path == "/cms.css":
            self._send((CMS_DEMO / "cms.css").read_bytes(), "text/css")
        else:
            self.send_error(404)

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def cms() -> Iterator[str]:
    """The demo CMS on its own 127.0.0.1 port: another origin than the service."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _CmsHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def web_server(cms: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A real server that lets the demo CMS's origin call it."""
    database = tmp_path_factory.mktemp("web") / "web.db"
    running = start_server(database, {"VERIFIER_CORS_ORIGINS": cms})
    yield running
    running.process.terminate()
    running.process.wait(timeout=15)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(
            f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)"
        )
    if sync_playwright is None:
        pytest.skip("browser tests need playwright (pip install -e '.[test]')")
    expect.set_options(timeout=15_000)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _local_only(route: Any) -> None:
    host = urllib.parse.urlsplit(route.request.url).hostname
    if host == "127.0.0.1" or route.request.url.startswith("data:"):
        route.fallback()
    else:
        route.abort()


@pytest.fixture
def page_errors() -> list[str]:
    return []


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    opened = browser.new_context(viewport={"width": 1280, "height": 860})
    opened.route("**/*", _local_only)
    yield opened
    opened.close()


@pytest.fixture
def page(context: Any, page_errors: list[str]) -> Any:
    """A page that records script errors and console errors (a CSP refusal is one)."""
    opened = context.new_page()
    opened.on("pageerror", lambda error: page_errors.append(str(error)))
    opened.on(
        "console",
        lambda message: page_errors.append(message.text) if message.type == "error" else None,
    )
    return opened


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core's axe.min.js, fetched once with npm into a cache outside the repository."""
    cached = AXE_CACHE / f"axe-core-{AXE_VERSION}.min.js"
    if cached.exists():
        return cached
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("accessibility checks need npm to fetch axe-core, and npm is not installed")
    with tempfile.TemporaryDirectory() as folder:
        packed = subprocess.run(
            [npm, "pack", f"axe-core@{AXE_VERSION}", "--pack-destination", folder],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        tarballs = list(Path(folder).glob("axe-core-*.tgz"))
        if packed.returncode or not tarballs:
            pytest.skip(
                f"npm could not fetch axe-core@{AXE_VERSION}: {packed.stderr.strip()[-300:]}"
            )
        with tarfile.open(tarballs[0]) as tar:
            member = tar.extractfile("package/axe.min.js")
            assert member is not None
            script = member.read()
    AXE_CACHE.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(".part")
    partial.write_bytes(script)
    partial.replace(cached)
    return cached


# --- helpers ------------------------------------------------------------------------------------


def utf16(text: str) -> int:
    """Return the length of text as JavaScript counts it."""
    return len(text.encode("utf-16-le")) // 2


def cms_url(cms: str, service: Server) -> str:
    return f"{cms}/?service={urllib.parse.quote(service.base, safe='')}"


def wait_for_verdicts(page: Any, scope: str = "") -> None:
    for verdict in SENTENCES:
        page.wait_for_selector(f"{scope} .vf-mark.vf-{verdict}".strip(), timeout=15_000)


def screenshot(page: Any, name: str, full_page: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=full_page)


def union(boxes: list[dict[str, float]]) -> dict[str, float]:
    left = min(b["x"] for b in boxes)
    top = min(b["y"] for b in boxes)
    return {
        "left": left,
        "top": top,
        "right": max(b["x"] + b["width"] for b in boxes),
        "bottom": max(b["y"] + b["height"] for b in boxes),
    }


def wait_until(condition: Callable[[], bool], page: Any, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        page.wait_for_timeout(50)


# Where a text is in a contenteditable element: its bounding box, found through its text nodes.
RANGE_BOX = """([selector, text]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let all = "";
  while (walker.nextNode()) {
    nodes.push([walker.currentNode, all.length]);
    all += walker.currentNode.data;
  }
  const start = all.indexOf(text), end = start + text.length;
  const at = (offset) => {
    for (const [node, from] of nodes) {
      if (offset <= from + node.data.length) return [node, offset - from];
    }
  };
  const range = document.createRange();
  range.setStart(...at(start));
  range.setEnd(...at(end));
  const r = range.getBoundingClientRect();
  return {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
}"""

# The caret of an editor, as an offset into its text, and that text.
CARET = """(node) => {
  if (node.tagName === "TEXTAREA") return [node.value, node.selectionStart, node.selectionEnd];
  const selection = getSelection();
  const range = document.createRange();
  range.selectNodeContents(node);
  range.setEnd(selection.focusNode, selection.focusOffset);
  return [node.innerHTML, range.toString().length, selection.isCollapsed];
}"""


# --- the editor's page --------------------------------------------------------------------------


def test_editor_page_marks_each_sentence_with_its_verdict(
    web_server: Server, page: Any, page_errors: list[str]
) -> None:
    page.goto(web_server.base + "/")
    page.click("#draft")
    page.keyboard.type(DRAFT)
    wait_for_verdicts(page)
    assert page.input_value("#draft") == DRAFT
    for verdict, sentence in SENTENCES.items():
        start = utf16(DRAFT[: DRAFT.index(sentence)])
        end = start + utf16(sentence)
        marks = page.locator(f".vf-mark.vf-{verdict}")
        assert marks.first.get_attribute("data-label") == LABELS[verdict]
        # Clicking the first and last edge of the highlight puts the caret at the sentence's ends.
        first, last = marks.first.bounding_box(), marks.last.bounding_box()
        page.keyboard.press("Escape")  # the tooltip of the last click must not cover this one
        page.mouse.click(first["x"] + 2, first["y"] + first["height"] / 2)
        assert page.evaluate("document.getElementById('draft').selectionStart") == start
        page.keyboard.press("Escape")
        page.mouse.click(last["x"] + last["width"] - 1, last["y"] + last["height"] / 2)
        assert page.evaluate("document.getElementById('draft').selectionStart") == end
        finding = page.locator(f"#findings .vf-finding[data-verdict={verdict}]")
        expect(finding.locator(".vf-badge")).to_have_text(re.compile(LABELS[verdict]))
        expect(finding).to_contain_text(sentence)
    expect(page.locator("#findings .vf-finding[data-verdict=none]")).to_contain_text("Draft")
    expect(page.locator("#summary")).to_have_text(
        "Summary: 1 supported, 1 contradicted, 1 unverified, 1 not checked."
    )
    assert page.input_value("#draft") == DRAFT
    assert page_errors == []


def test_hovering_a_highlight_shows_its_explanation_and_citation(
    web_server: Server, page: Any
) -> None:
    page.goto(web_server.base + "/")
    page.click("#draft")
    page.keyboard.type(DRAFT)
    wait_for_verdicts(page)
    box = page.locator(".vf-mark.vf-contradicted").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tip = page.locator(".vf-tip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("Contradicted")
    expect(tip).to_contain_text("The source says roughly 4,000 troops, not about 5,000 troops.")
    expect(tip.locator(".vf-quote")).to_contain_text("roughly\u00a04,000 U.S. troops to remain")
    expect(tip.locator(".vf-speaker")).to_contain_text("anonymous Iraqi official")
    expect(tip.locator(".vf-article")).to_have_text(
        "As the Islamic State dwindles, US withdraws troops from Iraq"
    )
    link = tip.locator("a.vf-claim-link")
    assert link.get_attribute("href") == f"{web_server.base}/claims?claim={CONTRADICTED_CLAIM}"
    expect(page.locator(".vf-mark.vf-contradicted").first).to_have_class(re.compile("vf-active"))
    screenshot(page, "editor-page.png")
    page.mouse.move(5, 5)
    expect(tip).to_be_hidden()


def test_copy_report_copies_a_plain_text_report(
    web_server: Server, page: Any, context: Any
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=web_server.base)
    page.goto(web_server.base + "/")
    page.click("#draft")
    page.keyboard.type(DRAFT)
    wait_for_verdicts(page)
    page.click("#copy-report")
    expect(page.locator("#copy-status")).to_have_text("Report copied to the clipboard.")
    report = page.evaluate("navigator.clipboard.readText()")
    assert "Summary: 1 supported, 1 contradicted, 1 unverified, 1 not checked" in report
    assert f"3. [CONTRADICTED] {SENTENCES['contradicted']}" in report
    assert "Why: The source says roughly 4,000 troops, not about 5,000 troops." in report
    assert f"/claims?claim={CONTRADICTED_CLAIM}" in report


def test_copy_report_falls_back_without_the_clipboard_api(web_server: Server, page: Any) -> None:
    page.add_init_script(
        """navigator.clipboard.writeText = () => Promise.reject(new Error("denied"));
        document.execCommand = (command) => {
          window.copied = command === "copy" ? String(getSelection()) ||
            document.activeElement.value.slice(document.activeElement.selectionStart,
                                               document.activeElement.selectionEnd) : null;
          return true;
        };"""
    )
    page.goto(web_server.base + "/")
    page.click("#draft")
    page.keyboard.type(SENTENCES["supported"])
    page.wait_for_selector(".vf-mark.vf-supported")
    page.click("#copy-report")
    expect(page.locator("#copy-status")).to_have_text("Report copied to the clipboard.")
    assert f"1. [SUPPORTED] {SENTENCES['supported']}" in page.evaluate("window.copied")


@dataclass(frozen=True)
class Surface:
    """An editor to type into: the editor's page textarea or the CMS's contenteditable."""

    name: str
    selector: str
    on_cms: bool
    end_key: str


SURFACES = [
    Surface("textarea", "#draft", False, "Control+End"),
    Surface("contenteditable", "#standfirst", True, "Control+End"),
]


@pytest.mark.parametrize("surface", SURFACES, ids=[s.name for s in SURFACES])
def test_editing_during_a_slow_check_keeps_text_and_caret(
    surface: Surface, web_server: Server, cms: str, page: Any, page_errors: list[str]
) -> None:
    held: list[Any] = []
    page.route("**/api/v1/check", lambda route: held.append(route))
    page.goto(cms_url(cms, web_server) if surface.on_cms else web_server.base + "/")
    editor = page.locator(surface.selector)
    editor.click()
    page.keyboard.press(surface.end_key)
    page.keyboard.type(" " + SENTENCES["supported"])
    wait_until(lambda: bool(held), page)
    # The check is in flight: go on typing, then move the caret back into the sentence.
    page.keyboard.type(" " + SENTENCES["unverified"])
    for _ in range(8):
        page.keyboard.press("ArrowLeft")
    typed = editor.evaluate(CARET)
    for route in held[:1]:
        route.continue_()
    page.wait_for_timeout(600)  # its answer arrives, and is dropped: the text has changed since
    assert page.locator(".vf-mark").count() == 0
    assert editor.evaluate(CARET) == typed
    wait_until(lambda: len(held) > 1, page)
    for route in held[1:]:
        route.continue_()
    page.wait_for_selector(".vf-mark.vf-unverified")
    assert editor.evaluate(CARET) == typed
    assert editor.evaluate("node => node === document.activeElement")
    assert page_errors == []


# --- the plugin in a CMS page on another origin -------------------------------------------------


def test_plugin_in_a_cms_on_an_allowed_origin_marks_the_rich_text_in_place(
    web_server: Server, cms: str, page: Any, page_errors: list[str]
) -> None:
    page.goto(cms_url(cms, web_server))
    editor = page.locator("#standfirst")
    served = editor.inner_html()
    wait_for_verdicts(page)
    for verdict, sentence in SENTENCES.items():
        expected = page.evaluate(RANGE_BOX, ["#standfirst", sentence])
        marks = page.locator(f".vf-mark.vf-{verdict}")
        drawn = union([marks.nth(i).bounding_box() for i in range(marks.count())])
        for side in ("left", "top", "right", "bottom"):
            assert abs(drawn[side] - expected[side]) <= 2, (verdict, side, drawn, expected)
    panel = page.locator("#standfirst + .vf-panel")
    expect(panel).to_have_attribute("data-state", "done")
    expect(panel.locator(".vf-status")).to_have_text(
        "Checked 3 sentences: 1 supported, 1 contradicted, 1 unverified."
    )
    assert editor.inner_html() == served
    # "Check now" checks again and leaves the focus and the caret in the editor.
    editor.locator("p").first.click()
    caret = editor.evaluate(CARET)
    panel.locator(".vf-check").click()
    expect(panel).to_have_attribute("data-state", "done")
    assert editor.evaluate(CARET) == caret
    assert editor.evaluate("node => node === document.activeElement")
    assert editor.inner_html() == served
    assert page_errors == []


def test_plugin_in_a_cms_on_an_origin_not_allowed_shows_an_error(
    server: Server, cms: str, page: Any
) -> None:
    page.goto(cms_url(cms, server))
    panel = page.locator("#standfirst + .vf-panel")
    expect(panel).to_have_attribute("data-state", "error")
    expect(panel.locator(".vf-status")).to_contain_text("Could not reach the fact-checker")
    assert page.locator(".vf-mark").count() == 0


def test_keyboard_alone_reaches_a_finding_and_reads_its_explanation(
    web_server: Server, cms: str, page: Any
) -> None:
    page.goto(cms_url(cms, web_server))
    wait_for_verdicts(page)  # the rich-text standfirst, checked as it loads
    focused = "document.activeElement.id || document.activeElement.className"
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate(focused) == "story":
            break
    page.keyboard.type(SENTENCES["contradicted"])
    panel = page.locator("#story + .vf-panel")
    expect(panel).to_have_attribute("data-state", "done")
    details = panel.locator(".vf-details")
    expect(details).to_be_hidden()
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate(focused) == "vf-finding-button":
            break
    expect(details).to_be_visible()
    expect(details).to_contain_text("The source says roughly 4,000 troops, not about 5,000 troops.")
    expect(panel.locator(".vf-finding-button")).to_have_attribute("aria-expanded", "true")
    expect(panel.locator(".vf-finding-button")).to_contain_text("Contradicted")
    page.keyboard.press("Tab")  # on to the link to the claim, inside the opened finding
    assert page.evaluate("document.activeElement.className") == "vf-claim-link"
    expect(details).to_be_visible()
    page.keyboard.press("Shift+Tab")
    screenshot(page, "cms-plugin.png")
    page.keyboard.press("Shift+Tab")  # back to "Check now": the finding closes
    expect(details).to_be_hidden()


# --- the claims browser -------------------------------------------------------------------------


def test_claims_browser_searches_filters_and_shows_the_span_in_its_article(
    web_server: Server, page: Any, page_errors: list[str]
) -> None:
    page.goto(web_server.base + "/claims")
    page.fill("#q", "troops remain")
    page.select_option("#article", ARTICLE)
    page.click("#search button[type=submit]")
    claim = page.locator(f".claim[data-claim={CONTRADICTED_CLAIM}]")
    expect(claim.locator(".claim-quote")).to_contain_text("roughly\u00a04,000 U.S. troops")
    expect(claim.locator(".claim-speaker")).to_contain_text("anonymous Iraqi official")
    expect(claim.locator(".quantities")).to_contain_text("roughly\u00a04,000")
    assert page.input_value("#q") == "troops remain"
    assert page.input_value("#article") == ARTICLE
    claim.locator(".show-in-article").click()
    _, article, _ = web_server.request("GET", f"/api/v1/articles/{ARTICLE}")
    _, stored, _ = web_server.request("GET", f"/api/v1/claims/{CONTRADICTED_CLAIM}")
    expect(page.locator("#claim-span")).to_have_text(
        article["text"][stored["start"] : stored["end"]]
    )
    expect(page.locator("#article-body .article-title")).to_have_text(article["title"])
    screenshot(page, "claims-browser-span.png")
    page.goto(f"{web_server.base}/claims?claim={CONTRADICTED_CLAIM}")
    expect(page.locator("#claim-span")).to_have_text(stored["quote"])
    assert page_errors == []


# Two more articles, dated, each with claims: the browser lists the newest first.
DATED_ARTICLES = [
    {
        "title": "Harbor dredging ends",
        "published": "2023-03-02",
        "author": "City desk",
        "text": "The harbor authority said dredging cost $14 million in 2022. "
        "About 15 percent of the silt was reused, engineer Dana Okafor said. "
        '"This bridge is unsafe," Okafor told reporters on Monday.',
    },
    {
        "title": "Library expands",
        "published": "2024-05-20",
        "author": "Metro desk",
        "text": " ".join(
            f"The library added {n},000 books to branch {n} in 2024, director Ana Ruiz said."
            for n in range(1, 13)
        ),
    },
]


ARCHIVE_KEY = "archive-key-" + "0" * 32  # configured keys need 32 characters


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server holding the seed and DATED_ARTICLES, and a key to have written them."""
    database = tmp_path_factory.mktemp("archive") / "archive.db"
    running = start_server(database, {"VERIFIER_API_KEYS": ARCHIVE_KEY})
    for article in DATED_ARTICLES:
        status, _, _ = running.request(
            "POST", "/api/v1/articles", article, {"Authorization": f"Bearer {ARCHIVE_KEY}"}
        )
        assert status == 201
    yield running
    running.process.terminate()
    running.process.wait(timeout=15)


def test_claims_browser_groups_by_article_newest_first_titles_cards_and_pages(
    archive: Server, page: Any, page_errors: list[str]
) -> None:
    page.goto(archive.base + "/claims")
    groups = page.locator(".claim-group-title")
    expect(groups.first).to_have_text("Library expands")
    expect(page.locator("#claims-status")).to_have_text("20 claims; more below.")
    # Each card names its article; within an article, claims follow its text.
    expect(page.locator(".claim").first.locator(".claim-article")).to_have_text(
        "In Library expands \u2014 2024-05-20 \u00b7 Metro desk"
    )
    quotes = page.locator(".claim-quote").all_inner_texts()
    assert quotes[0].startswith("\u201cThe library added 1,000 books")
    assert quotes[1].startswith("\u201cThe library added 2,000 books")
    screenshot(page, "claims-browser.png")
    _, health, _ = archive.request("GET", "/health")
    shown = 20
    while shown < health["claims"]:  # each page in turn, once the one before has come
        # A double click loads one page: the second click must not walk from the same place.
        page.dblclick("#more") if shown == 20 else page.click("#more")
        shown = min(shown + 20, health["claims"])
        more = "; more below" if shown < health["claims"] else ""
        expect(page.locator("#claims-status")).to_have_text(f"{shown} claims{more}.")
    expect(page.locator("#more")).to_be_hidden()
    titles = groups.all_inner_texts()
    assert titles == [
        "Library expands",
        "Harbor dredging ends",
        "As the Islamic State dwindles, US withdraws troops from Iraq",
    ]
    # Where one article's claims end and the next begins, for the eye.
    groups.nth(1).evaluate("node => node.scrollIntoView({block: 'center'})")
    screenshot(page, "claims-browser-groups.png")
    ids = [node.get_attribute("data-claim") for node in page.locator(".claim").all()]
    assert len(ids) == len(set(ids)) == health["claims"]
    # No quote wrapped in a second pair of marks, and figures described in words.
    text = page.locator("#claims").inner_text()
    assert "\u201c\u201c" not in text and '\u201c"' not in text
    assert '"This bridge is unsafe," Okafor told reporters' in text
    assert "(a percentage, approximate)" in text and "(percent, percent" not in text
    assert "$14 million (an amount in dollars)" in text
    assert page_errors == []


def test_claims_browser_search_ranks_like_verification(archive: Server, page: Any) -> None:
    page.goto(archive.base + "/claims")
    page.fill("#q", "harbor silt cost overruns")  # "overruns" is in no claim
    page.click("#search button[type=submit]")
    first = page.locator(".claim").first
    expect(first.locator(".claim-article cite")).to_have_text("Harbor dredging ends")
    expect(page.locator("#claims-status")).to_contain_text("best match first")
    page.fill("#q", "xylophone quorum")
    page.click("#search button[type=submit]")
    expect(page.locator("#claims-status")).to_have_text("No claims match.")


FIVE_FINDINGS = " ".join(
    [
        SENTENCES["supported"],
        SENTENCES["contradicted"],
        SENTENCES["unverified"],
        "Glynn pledged continued support for Iraq's security forces.",
        # Cites a quote that opens with its own quotation mark.
        "Saad al-Hadithi said the reduction is a message to those who doubt the government's "
        "decisions.",
    ]
)


def test_editor_findings_panel_shows_every_finding_and_scrolls_to_a_focused_one(
    web_server: Server, page: Any
) -> None:
    page.goto(web_server.base + "/")
    page.click("#draft")
    page.keyboard.type(FIVE_FINDINGS)
    wait_for_verdicts(page)
    findings = page.locator("#findings .vf-finding")
    expect(findings).to_have_count(5)
    # Nothing is cut off: no box between the page and the findings hides part of them.
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('#findings, #findings *')].concat(
             [document.querySelector('.report')]).filter(node => {
               const style = getComputedStyle(node);
               return /(auto|scroll|hidden)/.test(style.overflowY)
                 && node.clientHeight > 2  // not a 1-pixel screen-reader text
                 && node.scrollHeight > node.clientHeight + 1;
             }).map(node => node.className || node.id)"""
    )
    assert clipped == []
    screenshot(page, "editor-five-findings.png", full_page=True)
    page.evaluate("window.scrollTo(0, 0)")
    last = findings.nth(4)
    page.focus("#findings .vf-finding:nth-child(5) .vf-finding-button")
    box = last.bounding_box()
    height = page.viewport_size["height"]
    assert box["y"] >= 0 and box["y"] + box["height"] <= height + 1, (box, height)
    expect(last).to_contain_text("Saad al-Hadithi said the reduction is a message")
    # A quote that opens with its own mark is shown with that one pair (findings and tooltips
    # build their citations alike).
    expect(last.locator(".vf-quote")).to_have_text(
        re.compile("^\u201cThis is a message to those who doubt .*withdrawal\\.\u201d$")
    )
    quotes = page.locator("#findings .vf-quote").all_inner_texts()
    assert all(not q.startswith("\u201c\u201c") for q in quotes), quotes


def test_api_docs_page_has_the_navigation_and_an_authorize_button(
    web_server: Server, page: Any
) -> None:
    page.goto(web_server.base + "/api/v1/docs")
    expect(page.locator(".swagger-ui .btn.authorize")).to_be_visible()
    nav = page.locator("nav[aria-label=Main]")
    expect(nav.get_by_role("link", name="Editor's page")).to_have_attribute("href", "/")
    expect(nav.get_by_role("link", name="Claims browser")).to_have_attribute("href", "/claims")
    expect(nav.locator("[aria-current=page]")).to_have_text("API docs")
    page.locator(".swagger-ui .btn.authorize").click()
    expect(page.locator(".swagger-ui .modal-ux")).to_contain_text("bearerAuth")


# --- accessibility ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/claims"], ids=["editor", "claims"])
def test_pages_have_no_serious_accessibility_violations(
    path: str, web_server: Server, browser: Any, axe_script: Path
) -> None:
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 860})
    context.route("**/*", _local_only)
    page = context.new_page()
    page.goto(web_server.base + path)
    if path == "/":
        page.click("#draft")
        page.keyboard.type(DRAFT)
        wait_for_verdicts(page)
    else:
        page.locator(".show-in-article").first.click()
        page.wait_for_selector("#claim-span")
    page.add_script_tag(path=str(axe_script))
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
             .map(v => ({id: v.id, impact: v.impact, help: v.help,
                         nodes: v.nodes.map(n => n.target.join(" "))}))"""
    )
    context.close()
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], serious
