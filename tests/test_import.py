"""`verifier import-claims` checks every line as the API checks a claim: a bad line is reported
by its number and never stored, and the import stops there or skips it, as asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from verifier import create_app
from verifier.cli import main

GOOD = '{"id": "c-good-%d", "text": "The port handled %d containers in 2023."}'

# (what, the bad line, what the report names: a JSON pointer or the reason)
BAD_LINES = [
    (
        "a start that is no number",
        '{"id": "c-poison", "text": "a b c d", "start": "12a"}',
        "/start",
    ),
    ("negated as a word", '{"text": "The port did not close.", "negated": "no"}', "/negated"),
    (
        "attribution as a string",
        '{"text": "a b c d", "attribution": "Port Authority"}',
        "/attribution",
    ),
    ("text as a number", '{"text": 5}', "/text"),
    ("text as a list", '{"text": ["a b c d"]}', "/text"),
    ("speaker as an object", '{"text": "a b c d", "speaker": {"name": "x"}}', "/speaker"),
    ("a lone surrogate", '{"text": "The port \\ud800 handled 5 boxes."}', "/text"),
    (
        "deep nesting",
        '{"text": "a b c d", "speaker": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "line 2: not JSON",
    ),
    ("a huge integer", '{"text": "a b c d", "start": 1' + "0" * 5000 + "}", "line 2: not JSON"),
    ("an id with a slash", '{"id": "a/b", "text": "a b c d"}', "/id"),
    ("the id ..", '{"id": "..", "text": "a b c d"}', "/id"),
    ("a claim too long", json.dumps({"text": "word " * 1001}), "/text"),
    ("no object", "[1, 2]", "line 2: /:"),
    ("an unknown field", '{"text": "a b c d", "speakr": "Ann"}', "/speakr"),
    ("end before start", '{"text": "a b c d", "start": 5, "end": 2}', "/end"),
    ("not JSON", "not json", "line 2: not JSON"),
]


def created(database: Path) -> Path:
    """Create a database with the seed claims, as `verifier init` does."""
    result = CliRunner().invoke(main, ["init", "--database", str(database)])
    assert result.exit_code == 0, result.output
    return database


def import_lines(tmp_path: Path, lines: list[str], *options: str) -> tuple[Result, Path]:
    source = tmp_path / "claims.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    database = created(tmp_path / "import.db")
    command = ["import-claims", str(source), "--database", str(database), *options]
    return CliRunner().invoke(main, command), database


def stored_ids(database: Path) -> set[str]:
    client = create_app({"DATABASE": str(database)}).test_client()
    response = client.get("/api/v1/claims?limit=500")
    assert response.status_code == 200
    return {claim["id"] for claim in response.get_json()["items"]}


@pytest.mark.parametrize(
    ("line", "named"), [c[1:] for c in BAD_LINES], ids=[c[0] for c in BAD_LINES]
)
def test_a_bad_line_stops_the_import_and_is_never_stored(
    tmp_path: Path, line: str, named: str
) -> None:
    result, database = import_lines(tmp_path, [GOOD % (1, 1), line, GOOD % (3, 3)])
    assert result.exit_code == 1, result.output
    assert "line 2:" in result.stderr and named in result.stderr
    assert "Traceback" not in result.output
    assert not any(i.startswith("c-good") or i == "c-poison" for i in stored_ids(database))


@pytest.mark.parametrize(
    ("line", "named"), [c[1:] for c in BAD_LINES], ids=[c[0] for c in BAD_LINES]
)
def test_a_bad_line_is_skipped_when_asked_and_the_rest_is_stored(
    tmp_path: Path, line: str, named: str
) -> None:
    result, database = import_lines(
        tmp_path, [GOOD % (1, 1), line, GOOD % (3, 3)], "--bad-lines", "skip"
    )
    assert result.exit_code == 0, result.output
    assert "line 2:" in result.stderr and named in result.stderr
    assert "2 stored" in result.stdout and "1 bad line(s) left out." in result.stdout
    ids = stored_ids(database)
    assert {"c-good-1", "c-good-3"} <= ids and "c-poison" not in ids


def test_a_line_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    source = tmp_path / "claims.jsonl"
    source.write_bytes(b'{"text": "a b c d"}\n{"text": "caf\xe9 ok"}\n')
    result = CliRunner().invoke(
        main, ["import-claims", str(source), "--database", str(created(tmp_path / "u.db"))]
    )
    assert result.exit_code == 1 and "line 2: not UTF-8" in result.stderr


def test_valid_fields_are_stored_as_given(tmp_path: Path) -> None:
    line = {
        "id": "c-port",
        "text": "The port did not close in 2023.",
        "negated": False,
        "attribution": ["Port Authority", "City desk"],
        "start": 3,
        "end": 34,
    }
    result, database = import_lines(tmp_path, [json.dumps(line)])
    assert result.exit_code == 0, result.output
    claim = create_app({"DATABASE": str(database)}).test_client().get("/api/v1/claims/c-port")
    body = claim.get_json()
    assert (body["negated"], body["attribution"], body["start"]) == (
        False,
        ["Port Authority", "City desk"],
        3,
    )


def test_ingest_refuses_an_article_with_a_sentence_longer_than_a_claim(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Headline\n\nTroops " + "remain in Iraq and " * 400 + "stay.\n")
    database = created(tmp_path / "ingest.db")
    result = CliRunner().invoke(main, ["ingest", str(story), "--database", str(database)])
    assert result.exit_code == 1 and "a claim holds at most 5000" in result.stderr
    assert "Traceback" not in result.output
    assert len(stored_ids(database)) == 27  # the seed's claims only
