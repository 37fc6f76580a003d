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
  const articles = new Map(); // article id -> its detail (a promise), loaded when shown
  const known = new Map(); // article id -> its listing entry: title, author, published
  let order = []; // the articles to walk through, newest first
  let walk = { index: 0, cursor: null, group: null }; // where the next page starts
  let cursor = null; // a search's next page
  const PAGE = 20;
  const KINDS = {
    count: "a count",
    percent: "a percentage",
    year: "a year",
    month: "a month",
    day: "a day of the month",
    weekday: "a weekday",
    ordinal: "a rank",
  };
  const QUALIFIERS = {
    approx: "approximate",
    nearly: "nearly",
    more: "more than",
    less: "fewer than",
    at_least: "at least",
    at_most: "at most",
  };

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

  // Units that measure rather than count (as the store keeps them: stemmed, singular).
  const MEASURES = {
    dollar: "an amount in dollars",
    euro: "an amount in euros",
    pound: "an amount in pounds",
    yen: "an amount in yen",
    franc: "an amount in francs",
    rupe: "an amount in rupees",
    rupee: "an amount in rupees",
    celsius: "degrees Celsius",
    fahrenheit: "degrees Fahrenheit",
  };

  /** A figure as written, then what it is in words: "roughly 4,000 (a count of troops, approximate)". */
  function quantity(q) {
    const counted = q.unit ? MEASURES[q.unit] || `a count of ${q.unit}` : null;
    const kind = q.kind === "count" && counted ? counted : KINDS[q.kind] || q.kind;
    const about = [kind, QUALIFIERS[q.qualifier]].filter(Boolean).join(", ");
    return el("li", { class: "quantity" }, q.raw, about ? el("span", { class: "quantity-kind" }, ` (${about})`) : null);
  }

  function dated(entry) {
    return [entry.published, entry.author].filter(Boolean).join(" \u00b7 ");
  }

  function field(term, ...definition) {
    return [el("dt", {}, term), el("dd", {}, ...definition)];
  }

  function card(claim, level) {
    const headingId = `claim-${claim.id}`;
    const source = known.get(claim.article_id) || { title: claim.article_id };
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
        el(level || "h3", { id: headingId, class: "claim-speaker" }, ...speaker),
        el(
          "p",
          { class: "claim-article" },
          "In ",
          el("cite", {}, source.title),
          dated(source) ? ` \u2014 ${dated(source)}` : null
        ),
        el("blockquote", { class: "claim-quote" }, window.Verifier.quoted(claim.quote)),
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

  /** Every article, newest first (undated last, then by title), for the filter and the walk. */
  async function loadArticles() {
    let next = "";
    do {
      const page = await getJSON(`/api/v1/articles?limit=500${next ? `&cursor=${next}` : ""}`);
      for (const item of page.items) known.set(item.id, item);
      next = page.next_cursor;
    } while (next);
    order = [...known.values()].sort(
      (a, b) => (b.published || "").localeCompare(a.published || "") || a.title.localeCompare(b.title)
    );
    for (const item of order) {
      const when = item.published ? ` (${item.published})` : "";
      select.append(el("option", { value: item.id }, item.title + when));
    }
    select.value = params.get("article_id") || "";
  }

  function groupHeading(entry) {
    return el(
      "li",
      { class: "claim-group" },
      el("h3", { class: "claim-group-title" }, entry.title),
      dated(entry) ? el("p", { class: "claim-group-date" }, dated(entry)) : null
    );
  }

  /** The next page of a search: ranked as verification finds claims, each card titled. */
  async function searchPage(words) {
    const search = new URLSearchParams({ q: words, limit: String(PAGE) });
    if (select.value) search.set("article_id", select.value);
    if (cursor) search.set("cursor", cursor);
    const page = await getJSON(`/api/v1/claims?${search}`);
    list.append(...page.items.map((claim) => card(claim)));
    cursor = page.next_cursor;
    return Boolean(cursor);
  }

  /** The next page of the listing: article by article, newest first, each in text order. */
  async function listingPage() {
    const walked = select.value ? order.filter((a) => a.id === select.value) : order;
    let shown = 0;
    while (shown < PAGE && walk.index < walked.length) {
      const entry = walked[walk.index];
      const search = new URLSearchParams({ article_id: entry.id, limit: String(PAGE - shown) });
      if (walk.cursor) search.set("cursor", walk.cursor);
      const page = await getJSON(`/api/v1/claims?${search}`);
      if (page.items.length && walk.group !== entry.id) {
        list.append(groupHeading(entry));
        walk.group = entry.id;
      }
      list.append(...page.items.map((claim) => card(claim, "h4")));
      shown += page.items.length;
      walk.cursor = page.next_cursor;
      if (!walk.cursor) walk = { index: walk.index + 1, cursor: null, group: walk.group };
    }
    return walk.index < walked.length;
  }

  async function loadClaims() {
    const words = (params.get("q") || "").trim();
    const further = words ? await searchPage(words) : await listingPage();
    more.hidden = !further;
    const shown = list.querySelectorAll(".claim").length;
    status.textContent = shown
      ? `${shown} ${shown === 1 ? "claim" : "claims"}${words ? ", best match first" : ""}` +
        `${further ? "; more below" : ""}.`
      : words ? "No claims match." : "No claims.";
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
    if (more.disabled) return;
    more.disabled = true; // one page at a time: a second click would walk from the same place
    loadClaims()
      .catch((error) => {
        status.textContent = `Could not load more claims: ${error.message}`;
      })
      .finally(() => {
        more.disabled = false;
      });
  });
  start();
})();
