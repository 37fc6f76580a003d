"""The `verifier` command, run the way a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from verifier.cli import main
from verifier.cli.claimbase import quoted

CONTRADICTION = "About 5,000 U.S. troops will remain in Iraq."


def run(
    *args: str, database: Path, stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VERIFIER_DATABASE": str(database)}
    return subprocess.run(
        [sys.executable, "-m", "verifier", *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=cwd,
    )


def cli(*args: str, database: Path | None = None, stdin: str | None = None) -> Result:
    """Run the command in-process (click's runner); standard error is kept apart."""
    env = {"VERIFIER_DATABASE": str(database)} if database else {}
    return CliRunner().invoke(main, list(args), input=stdin, env=env)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A seeded store made the way a user makes one."""
    path = tmp_path / "store.db"
    result = cli("init", database=path)
    assert result.exit_code == 0, result.output
    return path


# --- which database ------------------------------------------------------------------------


MISSING_STORE_COMMANDS = [
    ("verify", CONTRADICTION),
    ("check", "-"),
    ("claims",),
    ("claims", "troops"),
    ("keys", "list"),
    ("keys", "create", "--name", "desk"),
    ("reindex",),
    ("import-claims", "-"),
]


@pytest.mark.parametrize(
    "args", MISSING_STORE_COMMANDS, ids=[" ".join(a) for a in MISSING_STORE_COMMANDS]
)
def test_no_command_but_serve_and_init_creates_a_database(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    path = tmp_path / "elsewhere" / "typo.db"
    result = cli(*args, database=path, stdin='{"text": "A claim."}\n')
    assert result.exit_code == 1
    assert f"No database at {path}" in result.stderr and "verifier init" in result.stderr
    assert result.stdout == "" and not path.exists()


def test_ingest_refuses_a_missing_database_before_storing(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Harbor news\n\nThe harbor handled 30 ships in 2023.\n")
    result = cli("ingest", str(story), database=tmp_path / "none.db")
    assert result.exit_code == 1 and "No database at" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_init_creates_once_and_every_command_names_its_database(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    first = cli("init", database=path)
    assert first.exit_code == 0 and f"Creating database {path} with the seed claims" in first.stderr
    again = cli("init", database=path)
    assert "exists already: left as it is" in again.stdout
    for args in [("verify", CONTRADICTION), ("claims", "--limit", "1"), ("keys", "list")]:
        result = cli(*args, database=path)
        assert f"Database: {path} (1 article, 27 claims)" in result.stderr, args
        assert "Database:" not in result.stdout


def test_the_default_database_is_the_same_from_every_folder(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "VERIFIER_DATABASE"}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    store = tmp_path / "xdg" / "verifier" / "verifier.db"

    def verifier(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
        cwd.mkdir(exist_ok=True)
        command = [sys.executable, "-m", "verifier", *args]
        return subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=60)

    assert verifier(tmp_path / "a", "init").returncode == 0
    story = tmp_path / "story.txt"
    story.write_text(
        "Harbor news\n\nThe harbor authority said dredging cost $14 million in 2022.\n"
    )
    assert verifier(tmp_path / "a", "ingest", str(story)).returncode == 0
    elsewhere = verifier(tmp_path / "b", "verify", "The harbor dredging cost $20 million in 2022.")
    assert "CONTRADICTED" in elsewhere.stdout, elsewhere.stderr
    assert f"Database: {store} (2 articles" in elsewhere.stderr
    (tmp_path / "b" / "data").mkdir()
    (tmp_path / "b" / "data" / "verifier.db").write_bytes(b"")  # where releases before 0.2 kept it
    noted = verifier(tmp_path / "b", "claims", "--limit", "1")
    assert "data/verifier.db (the default before 0.2) is not used" in noted.stderr


# --- verify and check ----------------------------------------------------------------------


def test_verify_prints_a_readable_contradiction(database: Path) -> None:
    result = run("verify", CONTRADICTION, database=database)
    assert result.returncode == 0, result.stderr
    assert "CONTRADICTED" in result.stdout
    assert "number_mismatch: statement about 5,000 troops | source roughly 4,000 troops" in (
        result.stdout
    )
    assert "roughly 4,000 U.S. troops to remain" in result.stdout
    assert "anonymous Iraqi official <- Associated Press <- Kevin Joseph Ryan" in result.stdout


@pytest.mark.parametrize(
    ("statement", "shown"),
    [
        (
            "Britain will send an additional 4,000 troops to Afghanistan.",
            "unknown_entity: statement Britain | not in the source",
        ),
        ("About 5,000 U.S. troops will remain in Iraq.", "statement about 5,000 troops | source"),
    ],
    ids=["one-sided", "two-sided"],
)
def test_reasons_read_without_none(database: Path, statement: str, shown: str) -> None:
    result = cli("verify", statement, database=database)
    assert shown in result.stdout
    assert "None" not in result.stdout


@pytest.mark.parametrize(
    ("quote", "shown"),
    [
        ("Troops will leave.", "\u201cTroops will leave.\u201d"),
        ("\u201cThis is a message,\u201d he said.", "\u201cThis is a message,\u201d he said."),
        ('"This bridge is unsafe," Okafor told reporters.', '"This bridge is unsafe," Okafor'),
        ("\u2018Soon,\u2019 she said.", "\u2018Soon,\u2019 she said."),
        ("Two\nlines.", "\u201cTwo lines.\u201d"),
    ],
    ids=["plain", "curly-quoted", "straight-quoted", "single-quoted", "line-break"],
)
def test_a_quote_is_never_wrapped_in_a_second_pair_of_marks(quote: str, shown: str) -> None:
    assert quoted(quote).startswith(shown)
    assert "\u201c\u201c" not in quoted(quote) and '\u201c"' not in quoted(quote)


def test_a_cited_quote_that_opens_with_its_own_mark_is_not_doubled(database: Path) -> None:
    result = cli("verify", "Glynn said this is a message to those who doubt.", database=database)
    assert "\u201c\u201c" not in result.stdout and "\u201d\u201d" not in result.stdout


def test_a_supported_explanation_does_not_double_a_quoted_remark(
    database: Path, tmp_path: Path
) -> None:
    story = tmp_path / "bridge.txt"
    story.write_text('Bridge closed\n\n"This bridge is unsafe," Okafor told reporters.\n')
    assert cli("ingest", str(story), database=database).exit_code == 0
    result = cli("verify", "Okafor told reporters the bridge is unsafe.", database=database)
    assert 'Supported by Okafor: "This bridge is unsafe," Okafor told reporters.' in result.stdout
    assert '\u201c"' not in result.stdout


def test_verify_json_is_the_api_form(database: Path) -> None:
    result = cli(
        "verify", "--json", "The U.S. intervention in Iraq began in 2003.", database=database
    )
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["verdict"] == "supported" and body["citations"][0]["start"] == 1408


def test_check_reads_stdin(database: Path) -> None:
    result = run(
        "check",
        "-",
        database=database,
        stdin="Roughly 3,000 U.S. troops will remain in Iraq. Oil fell 5 percent.",
    )
    assert result.returncode == 0, result.stderr
    assert "[0:46]" in result.stdout and "CONTRADICTED" in result.stdout
    assert "0 supported, 1 contradicted, 1 unverified" in result.stdout


# --- ingest --------------------------------------------------------------------------------


def test_ingest_then_verify(database: Path, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Harbor dredging ends\n\nThe harbor authority said dredging cost $14 million in 2022.\n",
        encoding="utf-8",
    )
    ingest = run("ingest", str(story), "--author", "Desk", database=database)
    assert ingest.returncode == 0, ingest.stderr
    assert "Stored 1 article(s) with 1 claim(s)." in ingest.stdout
    # Without a terminal the progress label is a line of its own, ended by a newline.
    assert "Ingesting articles...\n" in ingest.stderr
    verdict = run(
        "verify", "The harbor authority said dredging cost $20 million in 2022.", database=database
    )
    assert "CONTRADICTED" in verdict.stdout


JUNK = [
    ("", "The article is empty"),
    ("\n  \n\t\n", "The article is empty"),
    ("Council meets on Monday\n", "only a headline ('Council meets on Monday')"),
    ("Council meets on Monday\n\n\n", "only a headline"),
]


@pytest.mark.parametrize(("text", "error"), JUNK, ids=["empty", "blank", "headline", "headline+"])
def test_ingest_refuses_an_empty_or_headline_only_article(
    database: Path, tmp_path: Path, text: str, error: str
) -> None:
    good, junk = tmp_path / "good.txt", tmp_path / "junk.txt"
    good.write_text("Harbor news\n\nThe harbor handled 30 ships in 2023.\n")
    junk.write_text(text)
    result = cli("ingest", str(good), str(junk), database=database)
    assert result.exit_code == 1
    assert f"{junk}: " in result.stderr and error in result.stderr
    assert "Nothing was stored" in result.stderr
    assert "1 article" in cli("claims", "--limit", "1", database=database).stderr


def test_ingest_json_lists_each_article_with_its_claims(database: Path, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Library expands\n\nThe library added 5,000 books in 2024, Ana Ruiz said.\n")
    result = cli("ingest", "--json", str(story), "--author", "City desk", database=database)
    assert result.exit_code == 0, result.output
    [article] = json.loads(result.stdout)
    assert article["title"] == "Library expands" and article["author"] == "City desk"
    assert article["claims"][0]["speaker"] == "Ana Ruiz"


# --- import-claims -------------------------------------------------------------------------


def _lines(records: list[dict[str, str]]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def test_import_claims_counts_stored_replaced_and_skipped(database: Path, tmp_path: Path) -> None:
    riders = [{"text": f"Route {n} carries {n * 100} riders daily."} for n in range(1, 21)]
    lines = tmp_path / "claims.jsonl"
    lines.write_text(_lines(riders + riders[:5]))  # five lines given twice
    first = run("import-claims", str(lines), "--batch-size", "6", database=database)
    assert first.returncode == 0, first.stderr
    assert "Read 25 claim(s): 20 stored, 0 replaced, 5 skipped" in first.stdout
    # Without a terminal the bar is one line, with its newline, before the summary.
    assert "Importing claims...\n" in first.stderr
    again = run("import-claims", str(lines), "--batch-size", "6", database=database)
    assert "Read 25 claim(s): 0 stored, 0 replaced, 25 skipped" in again.stdout
    changed = [{**r, "id": f"r-{n}"} for n, r in enumerate(riders[:3])]
    edited = [{**c, "speaker": "Transit authority"} for c in changed[:2]]
    assert "3 stored" in cli("import-claims", "-", database=database, stdin=_lines(changed)).stdout
    result = cli("import-claims", "-", database=database, stdin=_lines(edited))
    assert "Read 2 claim(s): 0 stored, 2 replaced, 0 skipped" in result.stdout
    listing = cli("claims", "riders", "--limit", "100", database=database)
    assert len(listing.stdout.splitlines()) == 23


def test_import_claims_rejects_bad_lines(database: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine claim here"}\nnot json\n')
    result = run("import-claims", str(bad), database=database)
    assert result.returncode != 0 and "line 2: not JSON" in result.stderr


# --- claims and keys -----------------------------------------------------------------------


def test_claims_search_ranks_without_needing_every_word(database: Path, tmp_path: Path) -> None:
    story = tmp_path / "bridge.txt"
    story.write_text(
        "Bridge closed\n\nEngineers found corrosion on the Elm Street bridge, Dana Okafor said.\n"
    )
    assert cli("ingest", str(story), database=database).exit_code == 0
    found = cli("claims", "bridge corrosion cables", database=database)
    assert found.exit_code == 0 and "corrosion on the Elm Street bridge" in found.stdout
    ranked = cli("claims", "troops remain", "--limit", "3", database=database).stdout.splitlines()
    assert ranked[0].startswith("c-2614a1f7a3fd  anonymous Iraqi official:") and len(ranked) == 3


def test_claims_that_match_nothing_say_so_on_stderr(database: Path) -> None:
    result = cli("claims", "xylophone quorum", database=database)
    assert result.exit_code == 0 and result.stdout == ""
    assert "No claims match." in result.stderr


def test_claims_json_is_the_api_form(database: Path) -> None:
    article = "us-withdraws-troops-from-iraq"
    result = cli("claims", "--json", "--article", article, "--limit", "3", database=database)
    claims = json.loads(result.stdout)
    assert [c["article_id"] for c in claims] == [article] * 3
    assert [c["start"] for c in claims] == sorted(c["start"] for c in claims)  # as in the text
    searched = json.loads(cli("claims", "--json", "troops remain", database=database).stdout)
    assert searched[0]["id"] == "c-2614a1f7a3fd"


def test_keys_list_json(database: Path) -> None:
    assert json.loads(cli("keys", "list", "--json", database=database).stdout) == []
    cli("keys", "create", "--name", "newsdesk", database=database)
    [key] = json.loads(cli("keys", "list", "--json", database=database).stdout)
    assert key["name"] == "newsdesk" and key["scope"] == "write" and key["revoked"] is None
    assert "token" not in key and "hash" not in key


# --- help and settings ---------------------------------------------------------------------


def test_help_has_examples() -> None:
    result = CliRunner().invoke(main, ["verify", "--help"])
    assert "Example" in result.output and "--json" in result.output


def test_serve_help_keeps_to_loopback_and_suggests_no_weak_key() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert "0.0.0.0" not in result.output and "change-me" not in result.output
    assert "VERIFIER_WORKERS" in result.output


def test_settings_lists_every_setting_with_workers() -> None:
    result = CliRunner().invoke(main, ["settings"], env={"VERIFIER_WORKERS": "3"})
    assert "VERIFIER_WORKERS=3" in result.output and "VERIFIER_DATABASE=" in result.output


def test_reindex_reports_every_claim(database: Path) -> None:
    result = run("reindex", database=database)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Reindexed 27 claim(s)."
    again = run("verify", CONTRADICTION, database=database)
    assert "CONTRADICTED" in again.stdout


def test_ingest_takes_the_url_and_date_or_reads_the_dateline(
    database: Path, tmp_path: Path
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Harbor dredging ends\n\nMonday, February 5, 2007\n\n"
        "The harbor authority said dredging cost $14 million yesterday.\n",
        encoding="utf-8",
    )
    dated = cli("ingest", str(story), "--json", database=database)
    assert dated.exit_code == 0, dated.output
    (article,) = json.loads(dated.stdout)
    assert article["published"] == "2007-02-05"
    given = cli(
        "ingest", str(story), "--json", "--url", "https://news.example/harbor",
        "--published", "2007-02-06", database=database,
    )  # fmt: skip
    (article,) = json.loads(given.stdout)
    assert (article["url"], article["published"]) == ("https://news.example/harbor", "2007-02-06")
    two = cli("ingest", str(story), str(story), "--url", "https://x.example", database=database)
    assert two.exit_code == 2 and "one FILE" in two.stderr
