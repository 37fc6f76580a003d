/*
 * verifier.js: the newsroom fact-check plugin. Plain JavaScript, no build step, no dependencies.
 *
 *   <script src="https://verifier.example/plugin/verifier.js"></script>
 *   <textarea data-verifier></textarea>            (or <div contenteditable data-verifier>)
 *   Verifier.attach(element, {endpoint: "https://verifier.example"})
 *
 * As the editor types it sends the draft to POST {endpoint}/api/v1/check (debounced) and marks
 * each checked sentence as supported, contradicted or unverified. The highlights live in an
 * overlay of their own: the editor's text, DOM and caret are never touched. It sends no key.
 *
 * Sections, top to bottom:
 *   1. Constants and DOM helpers
 *   2. Offsets: the server's code-point offsets as UTF-16, and the rectangles of a span
 *      (TextareaSource mirrors a textarea, EditableSource reads a contenteditable)
 *   3. Checker: one attached editor; its panel and event wiring
 *   4. API client: the debounced POST /api/v1/check and the report it accepts
 *   5. Overlay: highlights laid over the editor's text
 *   6. Findings list: the panel's list of findings, keyboard focus and details
 *   7. Tooltip: the citation shown on hover
 *   8. Public API: Verifier.attach, detach and the data-verifier scan
 */
(function () {
  "use strict";
  if (window.Verifier && window.Verifier.attach) return; // the script was included twice

  // ---- 1. Constants and DOM helpers ----

  const VERSION = "0.1.0";
  const KINDS = {
    supported: { label: "Supported", icon: "\u2713" },
    contradicted: { label: "Contradicted", icon: "\u2717" },
    unverified: { label: "Unverified", icon: "?" },
    none: { label: "Not checked", icon: "\u2013" },
  };
  const BLOCK = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DIV|DL|DT|FIGCAPTION|FIGURE|FOOTER|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TBODY|TD|TH|THEAD|TR|UL)$/;
  const SKIP = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT)$/;
  const OWN = ".vf-overlay, .vf-tip, .vf-panel, .vf-findings, .vf-mirror";
  // Everything that decides where a textarea wraps its lines, copied onto the mirror.
  const MIRRORED = [
    "fontFamily", "fontSize", "fontStyle", "fontVariant", "fontWeight", "fontStretch",
    "fontKerning", "fontFeatureSettings", "fontVariationSettings", "letterSpacing", "lineHeight",
    "textTransform", "textIndent", "textAlign", "wordSpacing", "tabSize", "whiteSpace",
    "wordBreak", "overflowWrap", "hyphens", "direction", "paddingTop", "paddingRight",
    "paddingBottom", "paddingLeft",
  ];
  const script = document.currentScript;
  const scriptUrl = script && script.src ? new URL(script.src, location.href) : null;
  const instances = new WeakMap();
  let serial = 0;

  /** Build an element; strings become text nodes, so server text is never parsed as HTML. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") node.className = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
  }

  // Marks that open a quotation: a source sentence that starts with one is shown as it stands.
  const OPENING_MARKS = /^["'\u201c\u2018\u201e\u00ab\u2039]/;

  /** A source sentence between quotation marks, never doubled: one that opens with its own
   * mark (a quoted remark) keeps its marks and gets none added. */
  function quoted(quote) {
    const text = String(quote);
    return OPENING_MARKS.test(text.trimStart()) ? text : `\u201c${text}\u201d`;
  }

  // ---- 2. Offsets ----

  /** Map code-point offsets (what Python counts) to UTF-16 offsets (what JavaScript counts). */

  function utf16Offsets(text) {
    const map = [0];
    for (let i = 0; i < text.length; ) {
      const high = text.charCodeAt(i);
      const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      i += high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
      map.push(i);
    }
    return map;
  }

  /** The editor's visible text area in viewport coordinates: inside borders and scrollbars. */
  function clientBox(node) {
    const rect = node.getBoundingClientRect();
    const style = getComputedStyle(node);
    const left = parseFloat(style.borderLeftWidth) || 0;
    const right = parseFloat(style.borderRightWidth) || 0;
    const top = parseFloat(style.borderTopWidth) || 0;
    const bottom = parseFloat(style.borderBottomWidth) || 0;
    const barY = Math.max(0, node.offsetWidth - node.clientWidth - Math.round(left + right));
    const barX = Math.max(0, node.offsetHeight - node.clientHeight - Math.round(top + bottom));
    return {
      left: rect.left + left,
      top: rect.top + top,
      width: Math.max(0, rect.width - left - right - barY),
      height: Math.max(0, rect.height - top - bottom - barX),
    };
  }

  /** Join the line boxes of one sentence that sit side by side on the same line. */
  function mergeRects(rects) {
    const merged = [];
    for (const r of rects) {
      if (r.width < 1 || r.height < 1) continue;
      const last = merged[merged.length - 1];
      const sameLine = last && Math.abs(last.top - r.top) < 2 && Math.abs(last.bottom - r.bottom) < 2;
      if (sameLine && r.left <= last.right + 2 && r.right >= last.left - 2) {
        last.left = Math.min(last.left, r.left);
        last.right = Math.max(last.right, r.right);
      } else {
        merged.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
      }
    }
    return merged;
  }

  function clip(rect, box) {
    const left = Math.max(rect.left, box.left);
    const top = Math.max(rect.top, box.top);
    const right = Math.min(rect.right, box.left + box.width);
    const bottom = Math.min(rect.bottom, box.top + box.height);
    return right > left && bottom > top ? { left, top, right, bottom } : null;
  }

  /** A textarea, measured through a hidden mirror that wraps its text the same way. */
  class TextareaSource {
    constructor(area) {
      this.area = area;
      this.node = document.createTextNode("");
      this.mirror = el("div", { class: "vf-mirror", "aria-hidden": "true" }, this.node);
      document.body.append(this.mirror);
    }

    read() {
      return this.area.value;
    }

    box() {
      return clientBox(this.area);
    }

    prepare() {
      const style = getComputedStyle(this.area);
      const box = this.box();
      const mirror = this.mirror.style;
      for (const name of MIRRORED) mirror[name] = style[name];
      mirror.left = box.left + "px";
      mirror.top = box.top + "px";
      mirror.width = box.width + "px";
      mirror.height = box.height + "px";
      // The extra space gives a trailing newline its line, as the textarea does.
      const data = this.area.value + " ";
      if (this.node.data !== data) this.node.data = data;
      this.mirror.scrollTop = this.area.scrollTop;
      this.mirror.scrollLeft = this.area.scrollLeft;
    }

    rects(start, end) {
      const length = this.node.data.length;
      const range = document.createRange();
      range.setStart(this.node, Math.min(start, length));
      range.setEnd(this.node, Math.min(end, length));
      return Array.from(range.getClientRects());
    }

    destroy() {
      this.mirror.remove();
    }
  }

  /** A contenteditable element, read as text node by text node; ranges measure it in place. */
  class EditableSource {
    constructor(root) {
      this.root = root;
      this.segments = [];
    }

    read() {
      const parts = [];
      const segments = [];
      let length = 0;
      let last = "\n";
      const add = (text, node) => {
        if (!text) return;
        if (node) segments.push({ node, start: length, end: length + text.length });
        parts.push(text);
        length += text.length;
        last = text[text.length - 1];
      };
      const walk = (parent) => {
        // Collapsible whitespace becomes spaces one for one, so offsets still match the nodes.
        const collapse = !/^(pre|break-spaces)/.test(getComputedStyle(parent).whiteSpace);
        for (let child = parent.firstChild; child; child = child.nextSibling) {
          if (child.nodeType === Node.TEXT_NODE) {
            add(collapse ? child.data.replace(/[\t\n\r\f]/g, " ") : child.data, child);
          } else if (child.nodeType === Node.ELEMENT_NODE && !SKIP.test(child.tagName)) {
            if (child.tagName === "BR") {
              add("\n", null);
              continue;
            }
            const block = BLOCK.test(child.tagName);
            if (block && last !== "\n") add("\n", null);
            walk(child);
            if (block && last !== "\n") add("\n", null);
          }
        }
      };
      walk(this.root);
      this.segments = segments;
      return parts.join("");
    }

    box() {
      return clientBox(this.root);
    }

    prepare() {}

    rects(start, end) {
      const rects = [];
      for (const segment of this.segments) {
        if (segment.end <= start) continue;
        if (segment.start >= end) break;
        const length = segment.node.length;
        const range = document.createRange();
        range.setStart(segment.node, Math.min(length, Math.max(start, segment.start) - segment.start));
        range.setEnd(segment.node, Math.min(length, Math.min(end, segment.end) - segment.start));
        rects.push(...range.getClientRects());
      }
      return rects;
    }

    destroy() {}
  }

  // ---- 3. Checker ----

  function badge(verdict) {
    const kind = KINDS[verdict] || KINDS.none;
    return el(
      "span",
      { class: `vf-badge vf-${verdict || "none"}` },
      el("span", { class: "vf-icon", "aria-hidden": "true" }, kind.icon),
      " " + kind.label,
      el("span", { class: "vf-sr" }, ": ")
    );
  }

  function summarize(counts, checked) {
    if (!checked) return "No sentence to check yet.";
    const parts = ["supported", "contradicted", "unverified"].map((k) => `${counts[k] || 0} ${k}`);
    return `Checked ${checked} ${checked === 1 ? "sentence" : "sentences"}: ${parts.join(", ")}.`;
  }

  /** One editor with its overlay, tooltip, status bar and list of findings. */
  class Checker {
    constructor(element, options) {
      this.element = element;
      this.endpoint = endpointFor(element, options);
      this.delay = options.delay === undefined ? 800 : Number(options.delay);
      this.expanded = Boolean(options.expanded);
      this.allSentences = Boolean(options.allSentences);
      this.id = `vf${++serial}`;
      this.source = element.tagName === "TEXTAREA" ? new TextareaSource(element) : new EditableSource(element);
      this.seq = 0;
      this.timer = 0;
      this.hideTimer = 0;
      this.items = [];
      this.report = null;
      this.active = null;
      this.tipItem = null;
      this.text = this.source.read();
      this.overlay = el("div", { class: "vf-overlay", "aria-hidden": "true" });
      this.tip = el("div", { class: "vf-tip", role: "tooltip", id: `${this.id}-tip` });
      this.tip.hidden = true;
      document.body.append(this.overlay, this.tip);
      ensureStyles(this.endpoint);
      this.buildPanel(options);
      this.listen();
      this.renderFindings();
      if (this.text.trim()) this.schedule();
    }

    buildPanel(options) {
      this.button = el("button", { type: "button", class: "vf-check" }, "Check now");
      this.status = el("span", { class: "vf-status", role: "status" });
      this.list = el("ol", { class: "vf-findings", "aria-label": "Fact-check findings" });
      this.panel = el(
        "div",
        { class: "vf-panel", "data-state": "idle" },
        el("div", { class: "vf-bar" }, el("span", { class: "vf-brand" }, "Fact-check"), this.button, this.status)
      );
      (resolve(options.findings) || this.panel).append(this.list);
      const home = resolve(options.panel);
      if (home) home.append(this.panel);
      else this.element.after(this.panel);
    }

    listen() {
      const on = (target, type, handler, opts) => {
        target.addEventListener(type, handler, opts);
        this.unlisten.push(() => target.removeEventListener(type, handler, opts));
      };
      this.unlisten = [];
      const layout = () => this.layout();
      if (this.element.tagName === "TEXTAREA") {
        on(this.element, "input", () => this.edited());
      } else {
        this.mutations = new MutationObserver(() => this.edited());
        this.mutations.observe(this.element, { childList: true, subtree: true, characterData: true });
      }
      on(window, "scroll", () => { this.hideTip(); this.layout(); }, true);
      on(window, "resize", layout);
      on(document, "mousemove", (event) => this.hover(event), { passive: true });
      on(document, "keydown", (event) => { if (event.key === "Escape") this.hideTip(); });
      // A click on "Check now" leaves the focus, and so the caret, in the editor.
      on(this.button, "mousedown", (event) => event.preventDefault());
      on(this.button, "click", () => this.check());
      on(this.list, "focusin", (event) => this.focusFinding(event, true));
      on(this.list, "focusout", (event) => this.focusFinding(event, false));
      on(this.list, "click", (event) => this.toggleFinding(event));
      on(this.list, "mouseover", (event) => this.setActive(this.itemOf(event.target)));
      on(this.list, "mouseleave", () => this.setActive(this.focusedItem()));
      this.resizes = new ResizeObserver(layout);
      this.resizes.observe(this.element);
      this.resizes.observe(document.documentElement);
      if (document.fonts && document.fonts.ready) document.fonts.ready.then(layout);
    }

    /** Send the current text now; answers to anything but the latest request are dropped. */
    // ---- 4. API client ----

    async check() {
      clearTimeout(this.timer);
      const text = this.source.read();
      const seq = ++this.seq;
      if (!text.trim()) {
        this.accept({ sentences: [], counts: {} }, text);
        return;
      }
      this.setState("checking", "Checking\u2026");
      let body;
      try {
        const response = await fetch(`${this.endpoint}/api/v1/check`, {
          method: "POST",
          mode: "cors",
          credentials: "omit",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ text }),
        });
        body = await response.json().catch(() => null);
        if (seq !== this.seq) return;
        if (!response.ok || !body || !Array.isArray(body.sentences)) {
          const detail = body && body.detail ? body.detail : `HTTP ${response.status}.`;
          throw new Error(`The fact-checker refused the draft: ${detail}`);
        }
      } catch (error) {
        if (seq !== this.seq) return;
        const message = error instanceof TypeError
          ? `Could not reach the fact-checker at ${this.endpoint}: it may be down, or this site may not be allowed to use it.`
          : error.message;
        this.setState("error", message);
        this.element.dispatchEvent(new CustomEvent("verifier:error", { bubbles: true, detail: { message } }));
        return;
      }
      if (seq !== this.seq || this.source.read() !== text) return; // edited meanwhile
      this.accept(body, text);
    }

    schedule() {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.check(), this.delay);
    }

    accept(report, text) {
      const offsets = utf16Offsets(text);
      this.report = report;
      this.text = text;
      this.items = [];
      report.sentences.forEach((sentence, index) => {
        const start = offsets[sentence.start];
        const end = offsets[sentence.end];
        if (start === undefined || end === undefined || end < start) return;
        const verdict = sentence.verdict ? sentence.verdict.verdict : null;
        if (verdict || this.allSentences) this.items.push({ index, start, end, sentence, verdict, stale: false });
      });
      this.renderFindings();
      this.layout();
      const checked = report.sentences.filter((s) => s.verdict).length;
      this.setState("done", summarize(report.counts || {}, checked));
      this.element.dispatchEvent(new CustomEvent("verifier:report", { bubbles: true, detail: { report, text } }));
    }

    edited() {
      const text = this.source.read();
      if (text === this.text) return;
      this.rebase(this.text, text);
      this.text = text;
      this.hideTip();
      this.layout();
      this.setState("pending", "Will check when you pause typing.");
      this.schedule();
    }

    /** Keep the highlights of untouched sentences while the editor types: shift or retire them. */
    rebase(before, after) {
      const most = Math.min(before.length, after.length);
      let prefix = 0;
      while (prefix < most && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
      let suffix = 0;
      while (
        suffix < most - prefix &&
        before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
      ) suffix++;
      const tail = before.length - suffix;
      const shift = after.length - before.length;
      for (const item of this.items) {
        if (item.stale || item.end <= prefix) continue;
        if (item.start >= tail && item.start > prefix) {
          item.start += shift;
          item.end += shift;
        } else {
          item.stale = true;
          if (item.li) item.li.classList.add("vf-stale");
        }
      }
    }

    setState(state, message) {
      this.panel.dataset.state = state;
      if (this.status.textContent !== message) this.status.textContent = message;
    }

    /** Draw every current highlight over the editor, clipped to its visible area. */
    // ---- 5. Overlay ----

    layout() {
      if (!this.element.isConnected) {
        this.destroy();
        return;
      }
      const box = this.source.box();
      const style = this.overlay.style;
      style.left = box.left + "px";
      style.top = box.top + "px";
      style.width = box.width + "px";
      style.height = box.height + "px";
      this.source.prepare();
      const marks = [];
      this.items.forEach((item, position) => {
        item.rects = [];
        if (item.stale || !item.verdict) return;
        const rects = mergeRects(this.source.rects(item.start, item.end));
        rects.forEach((rect, k) => {
          const visible = clip(rect, box);
          if (visible) item.rects.push(visible);
          const mark = el("div", {
            class: `vf-mark vf-${item.verdict}${item === this.active ? " vf-active" : ""}`,
            "data-verdict": item.verdict,
            "data-label": KINDS[item.verdict].label,
            "data-item": position,
          });
          mark.style.left = rect.left - box.left + "px";
          mark.style.top = rect.top - box.top + "px";
          mark.style.width = rect.right - rect.left + "px";
          mark.style.height = rect.bottom - rect.top + "px";
          if (k === rects.length - 1) mark.append(el("span", { class: "vf-flag" }, KINDS[item.verdict].icon));
          marks.push(mark);
        });
      });
      this.overlay.replaceChildren(...marks);
    }

    // ---- 6. Findings list ----

    renderFindings() {
      const buttons = () => Array.from(this.list.querySelectorAll(".vf-finding-button"));
      const focused = buttons().indexOf(document.activeElement);
      this.list.replaceChildren(...this.items.map((item, position) => this.finding(item, position)));
      if (!this.items.length) this.list.append(el("li", { class: "vf-empty" }, "No findings yet."));
      const again = buttons();
      if (focused >= 0 && again.length) again[Math.min(focused, again.length - 1)].focus();
    }

    finding(item, position) {
      const detailsId = `${this.id}-finding-${position}`;
      const button = el(
        "button",
        {
          type: "button",
          class: "vf-finding-button",
          "aria-expanded": this.expanded ? null : "false",
          "aria-controls": this.expanded ? null : detailsId,
        },
        badge(item.verdict),
        el("span", { class: "vf-sentence" }, item.sentence.text)
      );
      const details = this.details(item);
      details.id = detailsId;
      details.hidden = !this.expanded;
      item.li = el(
        "li",
        { class: `vf-finding vf-${item.verdict || "none"}`, "data-verdict": item.verdict || "none", "data-item": position },
        button,
        details
      );
      return item.li;
    }

    details(item) {
      const verdict = item.sentence.verdict;
      if (!verdict) {
        return el("div", { class: "vf-details" }, el("p", { class: "vf-explanation" }, "No factual claim to check here."));
      }
      const citations = verdict.citations.map((citation) => this.citation(citation));
      return el(
        "div",
        { class: "vf-details" },
        el("p", { class: "vf-explanation" }, verdict.explanation),
        citations.length ? el("ul", { class: "vf-citations", "aria-label": "Sources" }, citations) : null
      );
    }

    citation(citation) {
      const chain = (citation.attribution || []).slice(1);
      const href = `${this.endpoint}/claims?claim=${encodeURIComponent(citation.claim_id)}`;
      return el(
        "li",
        { class: "vf-citation" },
        el("blockquote", { class: "vf-quote" }, quoted(citation.quote)),
        el(
          "p",
          { class: "vf-source" },
          citation.speaker ? el("span", { class: "vf-speaker" }, `\u2014 ${citation.speaker}`) : null,
          chain.length ? ` (reported by ${chain.join(", ")})` : null,
          citation.speaker ? ", in " : "In ",
          el("cite", { class: "vf-article" }, citation.article ? citation.article.title : "an article"),
          " ",
          el(
            "a",
            { class: "vf-claim-link", href, target: "_blank", rel: "noopener noreferrer" },
            "View claim",
            el("span", { class: "vf-sr" }, ` ${citation.claim_id} (opens in a new tab)`)
          )
        )
      );
    }

    itemOf(node) {
      const li = node && node.closest ? node.closest(".vf-finding") : null;
      return li && this.list.contains(li) ? this.items[Number(li.dataset.item)] : null;
    }

    focusedItem() {
      return this.itemOf(document.activeElement);
    }

    /** Open a finding's explanation while it has focus; close it when focus leaves it. */
    focusFinding(event, entering) {
      const item = this.itemOf(event.target);
      if (!item) return;
      if (entering) {
        this.open(item, true);
        this.setActive(item);
        // Opened, it may reach past the fold of its page or panel: bring all of it in view.
        item.li.scrollIntoView({ block: "nearest" });
      } else if (!item.li.contains(event.relatedTarget)) {
        if (!item.pinned) this.open(item, false);
        if (!this.list.contains(event.relatedTarget)) this.setActive(null);
      }
    }

    toggleFinding(event) {
      const button = event.target.closest ? event.target.closest(".vf-finding-button") : null;
      const item = button && this.itemOf(button);
      if (!item || this.expanded) return;
      item.pinned = !item.pinned;
      this.open(item, item.pinned || item.li.contains(document.activeElement));
    }

    open(item, show) {
      if (this.expanded || !item.li) return;
      item.li.querySelector(".vf-details").hidden = !show;
      item.li.querySelector(".vf-finding-button").setAttribute("aria-expanded", String(show));
    }

    setActive(item) {
      this.active = item || null;
      const position = item ? this.items.indexOf(item) : -1;
      for (const mark of this.overlay.children) {
        mark.classList.toggle("vf-active", Number(mark.dataset.item) === position);
      }
    }

    // ---- 7. Tooltip ----

    hover(event) {
      if (this.tip.contains(event.target)) {
        this.cancelHide();
        return;
      }
      const x = event.clientX;
      const y = event.clientY;
      for (const item of this.items) {
        const rect = (item.rects || []).find((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
        if (rect) {
          this.cancelHide();
          if (this.tipItem !== item) this.showTip(item, rect);
          return;
        }
      }
      if (this.tipItem && !this.hideTimer) {
        this.hideTimer = setTimeout(() => this.hideTip(), 300);
      }
    }

    showTip(item, rect) {
      this.tipItem = item;
      this.tip.className = `vf-tip vf-${item.verdict}`;
      this.tip.replaceChildren(el("p", { class: "vf-tip-head" }, badge(item.verdict)), this.details(item));
      this.tip.hidden = false;
      const width = this.tip.offsetWidth;
      const height = this.tip.offsetHeight;
      const left = Math.max(8, Math.min(rect.left, innerWidth - width - 8));
      let top = rect.bottom + 6;
      if (top + height > innerHeight - 8 && rect.top - height - 6 > 8) top = rect.top - height - 6;
      this.tip.style.left = left + "px";
      this.tip.style.top = top + "px";
      this.setActive(item);
    }

    cancelHide() {
      clearTimeout(this.hideTimer);
      this.hideTimer = 0;
    }

    hideTip() {
      this.cancelHide();
      if (!this.tipItem) return;
      this.tipItem = null;
      this.tip.hidden = true;
      this.setActive(this.focusedItem());
    }

    destroy() {
      clearTimeout(this.timer);
      clearTimeout(this.hideTimer);
      this.seq++;
      for (const off of this.unlisten) off();
      if (this.mutations) this.mutations.disconnect();
      this.resizes.disconnect();
      this.source.destroy();
      this.overlay.remove();
      this.tip.remove();
      this.panel.remove();
      this.list.remove();
      instances.delete(this.element);
    }
  }

  // ---- 8. Public API ----

  function resolve(target) {
    if (!target) return null;
    return typeof target === "string" ? document.querySelector(target) : target;
  }

  function endpointFor(element, options) {
    const given = options.endpoint || element.getAttribute("data-verifier-endpoint");
    // By default the service is where this script came from: /plugin/verifier.js sits at its root.
    const base = given || (scriptUrl ? new URL("..", scriptUrl).href : location.origin);
    return base.replace(/\/+$/, "");
  }

  function ensureStyles(endpoint) {
    const href = scriptUrl ? new URL("verifier.css", scriptUrl).href : `${endpoint}/plugin/verifier.css`;
    for (const link of document.querySelectorAll("link[rel=stylesheet]")) {
      if (link.href === href) return;
    }
    document.head.append(el("link", { rel: "stylesheet", href, "data-verifier-styles": true }));
  }

  /** Attach the checker to a textarea or contenteditable element; attaching twice is harmless. */
  function attach(element, options) {
    const node = resolve(element);
    if (!node || !(node.tagName === "TEXTAREA" || node.isContentEditable || node.hasAttribute("contenteditable"))) {
      throw new TypeError("Verifier.attach needs a <textarea> or a contenteditable element.");
    }
    if (!instances.has(node)) instances.set(node, new Checker(node, options || {}));
    const checker = instances.get(node);
    return {
      check: () => checker.check(),
      destroy: () => checker.destroy(),
      get report() {
        return checker.report;
      },
      get endpoint() {
        return checker.endpoint;
      },
    };
  }

  function detach(element) {
    const checker = instances.get(resolve(element));
    if (checker) checker.destroy();
  }

  function scan(root) {
    const nodes = [];
    if (root.matches && root.matches("[data-verifier]")) nodes.push(root);
    if (root.querySelectorAll) nodes.push(...root.querySelectorAll("[data-verifier]"));
    for (const node of nodes) {
      if (instances.has(node)) continue;
      try {
        attach(node);
      } catch (error) {
        console.warn("verifier:", error.message, node);
      }
    }
  }

  function start() {
    scan(document);
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE && !node.closest(OWN)) scan(node);
        }
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  window.Verifier = Object.freeze({ version: VERSION, attach, detach, utf16Offsets, quoted });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
