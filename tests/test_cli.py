"""The `verifier` command, run the way a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from verifier.cli import main


def run(*args: str, database: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VERIFIER_DATABASE": str(database)}
    return subprocess.run(
        [sys.executable, "-m", "verifier", *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_verify_prints_a_readable_contradiction(tmp_path: Path) -> None:
    result = run(
        "verify", "About 5,000 U.S. troops will remain in Iraq.", database=tmp_path / "v.db"
    )
    assert result.returncode == 0, result.stderr
    assert "CONTRADICTED" in result.stdout
    assert "4,000" in result.stdout and "5,000" in result.stdout
    assert "roughly 4,000 U.S. troops to remain" in result.stdout
    assert "anonymous Iraqi official <- Associated Press <- Kevin Joseph Ryan" in result.stdout


def test_verify_json_is_the_api_form(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "verify",
            "--json",
            "--database",
            str(tmp_path / "j.db"),
            "The U.S. intervention in Iraq began in 2003.",
        ],
    )
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["verdict"] == "supported" and body["citations"][0]["start"] == 1408


def test_check_reads_stdin(tmp_path: Path) -> None:
    result = run(
        "check",
        "-",
        database=tmp_path / "c.db",
        stdin="Roughly 3,000 U.S. troops will remain in Iraq. Oil fell 5 percent.",
    )
    assert result.returncode == 0, result.stderr
    assert "[0:46]" in result.stdout and "CONTRADICTED" in result.stdout
    assert "0 supported, 1 contradicted, 1 unverified" in result.stdout


def test_ingest_then_verify(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Harbor dredging ends\n\nThe harbor authority said dredging cost $14 million in 2022.\n",
        encoding="utf-8",
    )
    database = tmp_path / "i.db"
    ingest = run("ingest", str(story), "--author", "Desk", database=database)
    assert ingest.returncode == 0, ingest.stderr
    assert "Stored 1 article(s) with 1 claim(s)." in ingest.stdout
    verdict = run(
        "verify", "The harbor authority said dredging cost $20 million in 2022.", database=database
    )
    assert "CONTRADICTED" in verdict.stdout


def test_import_claims_is_idempotent_and_rejects_bad_lines(tmp_path: Path) -> None:
    lines = tmp_path / "claims.jsonl"
    lines.write_text(
        "\n".join(
            json.dumps({"text": f"Route {n} carries {n * 100} riders daily."}) for n in range(1, 21)
        )
        + "\n"
    )
    database = tmp_path / "m.db"
    for _ in range(2):
        result = run("import-claims", str(lines), "--batch-size", "6", database=database)
        assert "Imported 20 claim(s)." in result.stdout
    listing = run("claims", "riders", "--limit", "100", database=database)
    assert len(listing.stdout.splitlines()) == 20
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine claim here"}\nnot json\n')
    result = run("import-claims", str(bad), database=database)
    assert result.returncode != 0 and "line 2: not JSON" in result.stderr


def test_help_has_examples() -> None:
    result = CliRunner().invoke(main, ["verify", "--help"])
    assert "Example" in result.output and "--json" in result.output


def test_reindex_reports_every_claim(tmp_path: Path) -> None:
    database = tmp_path / "r.db"
    result = run("reindex", database=database)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Reindexed 27 claim(s)."
    again = run("verify", "About 5,000 U.S. troops will remain in Iraq.", database=database)
    assert "CONTRADICTED" in again.stdout
