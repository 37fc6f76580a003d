/* The editor's page: the plugin on a draft, a summary of its findings and a plain-text report. */
(function () {
  "use strict";

  const draft = document.getElementById("draft");
  const summary = document.getElementById("summary");
  const copyButton = document.getElementById("copy-report");
  const copyStatus = document.getElementById("copy-status");
  const fallback = document.getElementById("report-fallback");
  const LABELS = { supported: "SUPPORTED", contradicted: "CONTRADICTED", unverified: "UNVERIFIED" };
  let last = null;

  Verifier.attach(draft, {
    endpoint: location.origin,
    panel: "#draft-tools",
    findings: "#findings",
    expanded: true,
    allSentences: true,
  });

  function counts(report) {
    const c = report.counts || {};
    const unchecked = report.sentences.filter((s) => !s.verdict).length;
    return `${c.supported || 0} supported, ${c.contradicted || 0} contradicted, ` +
      `${c.unverified || 0} unverified, ${unchecked} not checked`;
  }

  function citationLines(citation) {
    const who = citation.speaker ? ` \u2014 ${citation.speaker}` : "";
    const chain = (citation.attribution || []).slice(1);
    const via = chain.length ? ` (reported by ${chain.join(", ")})` : "";
    const link = `${location.origin}/claims?claim=${encodeURIComponent(citation.claim_id)}`;
    return [
      `   Source: ${Verifier.quoted(citation.quote)}${who}${via}`,
      `           in \u201c${citation.article.title}\u201d, claim ${citation.claim_id}: ${link}`,
    ];
  }

  /** Build the plain-text report of the last check: a summary, then every sentence. */
  function reportText(report) {
    const lines = ["Fact-check report", `Checked: ${new Date().toLocaleString()}`, `Summary: ${counts(report)}`, ""];
    report.sentences.forEach((sentence, index) => {
      const verdict = sentence.verdict;
      lines.push(`${index + 1}. [${verdict ? LABELS[verdict.verdict] : "NOT CHECKED"}] ${sentence.text}`);
      if (verdict) {
        lines.push(`   Why: ${verdict.explanation}`);
        verdict.citations.forEach((citation) => lines.push(...citationLines(citation)));
      }
    });
    return lines.join("\n") + "\n";
  }

  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (error) {
      // No clipboard API (or no permission): fall back to a selected text field.
      fallback.value = text;
      fallback.hidden = false;
      fallback.select();
      let copied = false;
      try {
        copied = document.execCommand("copy");
      } catch (ignored) {
        copied = false;
      }
      fallback.hidden = copied;
      return copied;
    }
  }

  draft.addEventListener("verifier:report", (event) => {
    last = event.detail.report;
    summary.textContent = last.sentences.length ? `Summary: ${counts(last)}.` : "No draft checked yet.";
    copyButton.disabled = !last.sentences.length;
    copyStatus.textContent = "";
  });

  draft.addEventListener("verifier:error", (event) => {
    summary.textContent = event.detail.message;
  });

  copyButton.addEventListener("click", async () => {
    if (!last) return;
    const copied = await copy(reportText(last));
    copyStatus.textContent = copied
      ? "Report copied to the clipboard."
      : "Could not copy: the report is selected below, copy it with Ctrl+C.";
  });
})();
