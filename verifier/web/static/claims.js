/* The claims browser: search and filter claims, and show each one's span in its article. */
(function () {
  "use strict";

  const params = new URLSearchParams(location.search);
  const query = document.getElementById("q");
  const select = document.getElementById("article");
  const list = document.getElementById("claims");
  const status = document.getElementById("claims-status");
  const more = document.getElementById("more");
  const view = document.getElementById("article-view");
  const hint = document.getElementById("article-hint");
  const body = document.getElementById("article-body");
  const articles = new Map();
  let cursor = null;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") node.className = value;
      else node.setAttribute(name, String(value));
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
  }

  // Code-point offsets (what the API counts) to UTF-16 offsets: the plugin's own mapping.
  const utf16Offsets = window.Verifier.utf16Offsets;

  async function getJSON(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" } });
    const answer = await response.json().catch(() => null);
    if (!response.ok) throw new Error(answer && answer.detail ? answer.detail : `HTTP ${response.status}`);
    return answer;
  }

  function quantity(q) {
    const about = [q.kind, q.unit, q.qualifier].filter(Boolean).join(", ");
    return el("li", { class: "quantity" }, q.raw, about ? el("span", { class: "quantity-kind" }, ` (${about})`) : null);
  }

  function field(term, ...definition) {
    return [el("dt", {}, term), el("dd", {}, ...definition)];
  }

  function card(claim) {
    const headingId = `claim-${claim.id}`;
    const speaker = claim.speaker
      ? [claim.speaker, claim.speaker_role ? el("span", { class: "role" }, `, ${claim.speaker_role}`) : null]
      : ["Unattributed"];
    const chain = (claim.attribution || []).slice(1);
    const button = el("button", { type: "button", class: "show-in-article" }, "Show in article");
    button.addEventListener("click", () => showInArticle(claim, item));
    const item = el(
      "li",
      { class: "claim", "data-claim": claim.id },
      el(
        "article",
        { "aria-labelledby": headingId },
        el("h3", { id: headingId, class: "claim-speaker" }, ...speaker),
        el("blockquote", { class: "claim-quote" }, `\u201c${claim.quote}\u201d`),
        el(
          "dl",
          { class: "claim-facts" },
          field("Claim", claim.text),
          chain.length ? field("Reported by", chain.join(", ")) : null,
          field(
            "Quantities",
            claim.quantities.length ? el("ul", { class: "quantities" }, claim.quantities.map(quantity)) : "none"
          ),
          field("Claim ID", el("code", {}, claim.id))
        ),
        button
      )
    );
    return item;
  }

  function article(id) {
    if (!articles.has(id)) articles.set(id, getJSON(`/api/v1/articles/${encodeURIComponent(id)}`));
    return articles.get(id);
  }

  /** Show the claim's article with the claim's quote highlighted where it stands in the text. */
  async function showInArticle(claim, item) {
    for (const selected of list.querySelectorAll(".claim.selected")) selected.classList.remove("selected");
    if (item) item.classList.add("selected");
    let detail;
    try {
      detail = await article(claim.article_id);
    } catch (error) {
      articles.delete(claim.article_id);
      hint.hidden = false;
      hint.textContent = `The article of claim ${claim.id} cannot be shown: ${error.message}`;
      body.replaceChildren();
      return;
    }
    const offsets = utf16Offsets(detail.text);
    const start = offsets[claim.start] ?? 0;
    const end = offsets[claim.end] ?? start;
    const mark = el("mark", { class: "claim-span", id: "claim-span" }, detail.text.slice(start, end));
    const byline = [detail.author, detail.published].filter(Boolean).join(", ");
    hint.hidden = false;
    hint.textContent = `The quote of claim ${claim.id} (characters ${claim.start}\u2013${claim.end}) is highlighted.`;
    body.replaceChildren(
      el("h3", { class: "article-title" }, detail.title),
      byline ? el("p", { class: "byline" }, `By ${byline}`) : null,
      el("div", { class: "article-text" }, detail.text.slice(0, start), mark, detail.text.slice(end))
    );
    view.focus({ preventScroll: true });
    // Scroll the article pane alone when it scrolls, so the claim list stays where it was.
    if (view.scrollHeight > view.clientHeight + 1) {
      view.scrollTop += mark.getBoundingClientRect().top - view.getBoundingClientRect().top - view.clientHeight / 3;
    } else {
      mark.scrollIntoView({ block: "center" });
    }
  }

  async function loadArticles() {
    const page = await getJSON("/api/v1/articles?limit=500");
    for (const item of page.items) select.append(el("option", { value: item.id }, item.title));
    select.value = params.get("article_id") || "";
  }

  async function loadClaims() {
    const search = new URLSearchParams({ limit: "20" });
    for (const name of ["q", "article_id"]) {
      if ((params.get(name) || "").trim()) search.set(name, params.get(name).trim());
    }
    if (cursor) search.set("cursor", cursor);
    const page = await getJSON(`/api/v1/claims?${search}`);
    list.append(...page.items.map(card));
    cursor = page.next_cursor;
    more.hidden = !cursor;
    const shown = list.children.length;
    status.textContent = shown
      ? `${shown} ${shown === 1 ? "claim" : "claims"}${cursor ? ", more below" : ""}.`
      : "No claim matches.";
  }

  async function loadOne(id) {
    const claim = await getJSON(`/api/v1/claims/${encodeURIComponent(id)}`);
    const item = card(claim);
    list.replaceChildren(item);
    status.replaceChildren(`Claim ${claim.id}. `, el("a", { href: "/claims" }, "Show every claim"));
    await showInArticle(claim, item);
  }

  async function start() {
    query.value = params.get("q") || "";
    try {
      await loadArticles();
      if (params.get("claim")) await loadOne(params.get("claim"));
      else await loadClaims();
    } catch (error) {
      status.textContent = `Could not load the claims: ${error.message}`;
    }
  }

  more.addEventListener("click", () => {
    loadClaims().catch((error) => {
      status.textContent = `Could not load more claims: ${error.message}`;
    });
  });
  start();
})();
