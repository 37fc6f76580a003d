"""Readers for the public benchmark sets, read in place (they are never copied or shipped)."""

from __future__ import annotations

import csv
import gzip
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

csv.field_size_limit(10_000_000)


class BenchmarkError(ValueError):
    """The benchmark set or split asked for is unknown or not on disk."""


@dataclass
class RetrievalSet:
    """Queries, the claim pool to rank, and which claims are relevant to which query."""

    name: str
    claims: list[dict[str, Any]]
    queries: list[tuple[str, str]]
    qrels: dict[str, set[str]] = field(default_factory=dict)


@dataclass
class VerdictSet:
    """(statement, evidence sentence or None, expected verdict) triples."""

    name: str
    pairs: list[tuple[str, str | None, str]]
    cites: list[str | None] = field(default_factory=list)
    # Sets about articles: each row's article, and each article's text, ingested before scoring.
    articles: list[str | None] = field(default_factory=list)
    documents: dict[str, str] = field(default_factory=dict)


RETRIEVAL = {
    "checkthat2020": ("checkthat2020-task2-en", ("train", "dev", "test")),
    "snopes": ("checkthat2022-task2a-en-snopes", ("train", "dev", "test2021", "test2022")),
    "politifact": ("checkthat2022-task2b-en-politifact", ("train", "dev", "test2021")),
}
VERDICT = {
    "fever-symmetric": ("fever-symmetric", ("dev", "test", "generated")),
    "climate-fever": ("climate-fever", ("all",)),
}
NAMES = (*RETRIEVAL, *VERDICT, "seed-dev", "articles-dev")


def find_data_dir(start: Path | None = None) -> Path:
    """Find shared/bench beside the working directory or the source tree."""
    for base in (start or Path.cwd(), Path(__file__).resolve().parents[2]):
        for candidate in (base / "bench", base / "../shared/bench", base / "shared/bench"):
            if candidate.is_dir():
                return candidate.resolve()
    raise BenchmarkError("No benchmark folder found: pass --data PATH/TO/shared/bench.")


def load(name: str, split: str, data: Path) -> RetrievalSet | VerdictSet:
    """Load one split of a named set."""
    if name == "seed-dev":
        return _seed_dev(data.parent / "eval" / "seed_dev.jsonl")
    if name == "articles-dev":
        eval_dir = data.parent / "eval"
        return load_articles_set(eval_dir / "articles_dev.jsonl", eval_dir / "articles", name)
    if name in RETRIEVAL:
        folder, splits = RETRIEVAL[name]
        _check(name, split, splits)
        return _retrieval(name, data / folder, split)
    if name in VERDICT:
        folder, splits = VERDICT[name]
        _check(name, split, splits)
        if name == "climate-fever":
            return _climate_fever(data / folder / "climate-fever.jsonl")
        return _fever_symmetric(data / folder, split)
    raise BenchmarkError(f"Unknown set {name!r}; known: {', '.join(NAMES)}.")


def default_split(name: str) -> str:
    """Return the split reported by default: the held-out test split."""
    table = {**RETRIEVAL, **VERDICT}
    return (
        table[name][1][-1]
        if name in table and name != "snopes"
        else ("test2021" if name == "snopes" else "all")
    )


def _check(name: str, split: str, splits: tuple[str, ...]) -> None:
    if split not in splits:
        raise BenchmarkError(f"{name} has splits {', '.join(splits)}, not {split!r}.")


def _tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.reader(handle, delimiter="\t") if row]


def _qrels(path: Path) -> dict[str, set[str]]:
    gold: dict[str, set[str]] = defaultdict(set)
    for row in _tsv(path):
        if len(row) >= 3 and row[0] not in ("qid", "iclaim_id"):
            gold[row[0]].add(row[2])
    return dict(gold)


def _retrieval(name: str, folder: Path, split: str) -> RetrievalSet:
    if name == "checkthat2020":
        claims = [
            {"id": r[0], "text": r[1], "title": r[2] if len(r) > 2 else None}
            for r in _tsv(folder / "verified_claims.docs.tsv")[1:]
        ]
        queries = [(r[0], r[1]) for r in _tsv(folder / f"{split}.queries.tsv")[1:]]
        qrels = _qrels(folder / f"{split}.qrels")
    else:
        with gzip.open(folder / "vclaims.jsonl.gz", "rt", encoding="utf-8") as handle:
            raw = [json.loads(line) for line in handle if line.strip()]
        claims = [
            {
                "id": c["vclaim_id"],
                "text": c["vclaim"],
                "title": c.get("title"),
                "speaker": c.get("speaker"),
            }
            for c in raw
        ]
        qrels = _qrels(folder / f"{split}.qrels.tsv")
        source = "train-dev" if split in ("train", "dev") else split
        rows = _tsv(folder / f"{source}.queries.tsv")
        queries = [(r[0], r[1]) for r in rows if r[0] in qrels]
    queries = list(dict((qid, text) for qid, text in queries if qid in qrels).items())
    return RetrievalSet(name, claims, queries, qrels)


def _fever_symmetric(folder: Path, split: str) -> VerdictSet:
    file = (
        "fever_symmetric_v0.1_generated.jsonl"
        if split == "generated"
        else f"fever_symmetric_v0.2_{split}.jsonl"
    )
    pairs: list[tuple[str, str | None, str]] = []
    for line in (folder / file).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        evidence = row.get("evidence") or row.get("evidence_sentence") or ""
        label = (
            "supported"
            if row.get("label", row.get("gold_label")) == "SUPPORTS"
            else ("contradicted")
        )
        pairs.append((_detokenize(row["claim"]), _detokenize(evidence), label))
    return VerdictSet("fever-symmetric", pairs)


def _climate_fever(path: Path) -> VerdictSet:
    labels = {"SUPPORTS": "supported", "REFUTES": "contradicted", "NOT_ENOUGH_INFO": "unverified"}
    pairs: list[tuple[str, str | None, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        for item in row["evidences"]:
            pairs.append((row["claim"], item["evidence"], labels[item["evidence_label"]]))
    return VerdictSet("climate-fever", pairs)


def _seed_dev(path: Path) -> VerdictSet:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return VerdictSet(
        "seed-dev",
        [(r["statement"], None, r["verdict"]) for r in rows],
        [r.get("cite") for r in rows],
    )


def load_articles_set(statements: Path, articles: Path, name: str | None = None) -> VerdictSet:
    """Read labelled statements about articles (LABELING.md) and the article texts they name."""
    try:
        rows = [json.loads(line) for line in statements.read_text().splitlines() if line.strip()]
        names = sorted({row["article"] for row in rows})
        documents = {n: (articles / f"{n}.txt").read_text(encoding="utf-8") for n in names}
    except (KeyError, json.JSONDecodeError) as error:
        raise BenchmarkError(f"{statements}: not a labelled statements file ({error})") from None
    return VerdictSet(
        name or statements.stem,
        [(r["statement"], None, r["verdict"]) for r in rows],
        [r.get("cite") for r in rows],
        [r["article"] for r in rows],
        documents,
    )


def _detokenize(text: str) -> str:
    """Undo FEVER's tokenisation: -LRB- brackets and spaces before punctuation."""
    text = text.replace("-LRB-", "(").replace("-RRB-", ")").replace("-LSB-", "[")
    text = text.replace("-RSB-", "]").replace("`` ", '"').replace(" ''", '"')
    for mark in (" ,", " .", " ;", " :", " 's", " )", " %", " n't"):
        text = text.replace(mark, mark.lstrip())
    return text.replace("( ", "(")
