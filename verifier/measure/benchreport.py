"""`verifier bench`'s report: the team's targets, each size's results held against them, and
the table printed for people."""

from __future__ import annotations

from typing import Any

EXPECTED = {"paraphrase": "supported", "number_change": "contradicted", "unrelated": "unverified"}
# What the team must meet: (label, store size or None for every size, result path, sense, bound).
# Issue 19 set the budgets of the parsing engine: verify p50 at 100k <= 8 ms, a 1,000-word
# draft <= 1 s, import >= 10,000 claims/s, a worker's RSS at 1M <= 400 MB; the others are the
# earlier issues' own.
TARGETS = (
    ("verify p50 at 1M (ms)", 1_000_000, "verify.all.p50_ms", "<=", 5.0),
    ("verify p99 at 1M (ms)", 1_000_000, "verify.all.p99_ms", "<=", 25.0),
    ("verify p50 at 100k (ms)", 100_000, "verify.all.p50_ms", "<=", 8.0),
    ("1,000-word draft p50 (ms)", None, "draft.p50_ms", "<=", 1000.0),
    ("brute force / verify at 100k", 100_000, "ratios.brute_over_verify", ">=", 100.0),
    ("verify / floor at 100k", 100_000, "ratios.verify_over_floor", "<=", 3.0),
    ("HTTP req/s at 100k, 2 workers", 100_000, "http.rps", ">=", 400.0),
    ("HTTP p99 at 100k (ms)", 100_000, "http.p99_ms", "<=", 50.0),
    ("bulk import (claims/s)", None, "import.rate", ">=", 10_000.0),
    ("1M store build (s)", 1_000_000, "import.build_s", "<=", 120.0),
    ("worker peak RSS at 1M (MB)", 1_000_000, "http.max_rss_mb", "<=", 400.0),
)


def lookup(result: dict[str, Any], path: str) -> Any:
    """Return the value at a dotted path of a result, or None when any part is missing."""
    value: Any = result
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def check_targets(sizes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Hold each measured size against the team's targets."""
    out = []
    for label, size, path, sense, bound in TARGETS:
        for result in sizes:
            value = lookup(result, path)
            if size in (None, result["size"]) and isinstance(value, int | float):
                ok = value <= bound if sense == "<=" else value >= bound
                name = label if size else f"{label} at {result['size']:,}"
                out.append({"target": name, "bound": f"{sense} {bound:g}", "value": value})
                out[-1]["ok"] = ok
    return out


# Table rows: (label, dotted path of the section, keys shown from it, number format).
ROWS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("claims stored", "", ("stored_claims",), ","),
    ("machine load (1-min average)", "", ("load_average",), ".2f"),
    ("generate / build (s)", "import", ("generate_s", "build_s"), ".1f"),
    ("bulk import (claims/s)", "import", ("rate",), ","),
    ("database size (MB)", "import", ("db_mb",), ","),
    ("article ingest (articles/s)", "ingest", ("rate",), ".1f"),
    *(
        (f"verify {kind} p50/p95/p99 (ms)", f"verify.{kind}", ("p50_ms", "p95_ms", "p99_ms"), ".1f")
        for kind in (*EXPECTED, "all")
    ),
    ("as expected: para/number/unrel", "verify.as_expected", tuple(EXPECTED), ".2f"),
    ("floor (candidates) p50/p99 (ms)", "floor", ("p50_ms", "p99_ms"), ".2f"),
    ("brute force p50 (ms), queries", "brute", ("p50_ms", "n"), ",.0f"),
    ("brute/verify, verify/floor", "ratios", ("brute_over_verify", "verify_over_floor"), ",.1f"),
    ("draft check p50 (ms), words", "draft", ("p50_ms", "words"), ",.0f"),
    ("draft re-check, 1 edit (ms)", "draft", ("recheck_p50_ms",), ".1f"),
    ("HTTP req/s (2 workers)", "http", ("rps",), ",.0f"),
    ("HTTP p50/p99 (ms)", "http", ("p50_ms", "p99_ms"), ".1f"),
    ("HTTP errors, client CPU (cores)", "http", ("errors", "client_cpu"), "g"),
    ("worker peak RSS (MB)", "http", ("worker_rss_mb",), ".0f"),
)


def format_table(report: dict[str, Any]) -> str:
    """Render the report: one column per store size, then the targets."""

    def cell(result: dict[str, Any], section: str, keys: tuple[str, ...], fmt: str) -> str:
        part = lookup(result, section) if section else result
        if not isinstance(part, dict) or not any(part.get(k) is not None for k in keys):
            return "-"
        found = [part[k] for k in keys if part.get(k) is not None]
        values = [v for f in found for v in (f if isinstance(f, list) else [f])]
        return " / ".join(format(v, fmt) for v in values)

    sizes = report["sizes"]
    lines = [f"{'synthetic claims':<38}" + "".join(f"{r['size']:>24,}" for r in sizes)]
    for label, section, keys, fmt in ROWS:
        lines.append(f"{label:<38}" + "".join(f"{cell(r, section, keys, fmt):>24}" for r in sizes))
    lines += ["", "targets:"]
    for t in report["targets"]:
        verdict = "PASS" if t["ok"] else "FAIL"
        lines.append(f"  [{verdict}] {t['target']:<34} {t['bound']:>9}   measured {t['value']:,}")
    return "\n".join(lines)
