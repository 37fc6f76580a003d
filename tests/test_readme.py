"""The README's examples, run as written, print what the README shows.

Each ```text block holds commands (`$ ...`, a trailing backslash continues one) and what they
print. The command-line examples run against a fresh store made by `verifier init`; the curl
examples, in order, against a real `verifier serve` started with the key the README gives.
An output shown whole must be the output; one elided with "..." must hold every line (CLI)
or every "name": value pair (JSON) it shows.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Server, start_server

README = Path(__file__).resolve().parents[1] / "README.md"
VENV_BIN = Path(sys.executable).parent
# A "name": value pair of a JSON example (a string, a number, true, false or null).
PAIR = re.compile(r'"(\w+)":\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:e-?\d+)?|true|false|null)')


@dataclass(frozen=True)
class Example:
    """One command of the README and the lines it is shown to print."""

    section: str
    command: str
    shown: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.command.split("#")[0].strip()[:70]


def examples(readme: str = "") -> list[Example]:
    """Every `$ command` in a ```text block of the README, with the lines under it."""
    text = readme or README.read_text(encoding="utf-8")
    found: list[Example] = []
    section = ""
    for block_start, block in _text_blocks(text):
        section = _section_of(text, block_start) or section
        lines = block.splitlines()
        i = 0
        while i < len(lines):
            if not lines[i].startswith("$ "):
                i += 1
                continue
            command = lines[i][2:]
            while command.endswith("\\"):
                i += 1
                command = command[:-1] + " " + lines[i].strip()
            i += 1
            shown = []
            while i < len(lines) and not lines[i].startswith("$ "):
                shown.append(lines[i].rstrip())
                i += 1
            while shown and not shown[-1]:
                shown.pop()
            found.append(Example(section, command, tuple(shown)))
    return found


def _text_blocks(text: str) -> Iterator[tuple[int, str]]:
    for match in re.finditer(r"^```text\n(.*?)^```", text, re.MULTILINE | re.DOTALL):
        yield match.start(), match.group(1)


def _section_of(text: str, offset: int) -> str:
    headings = re.findall(r"^## (.+)$", text[:offset], re.MULTILINE)
    return headings[-1] if headings else ""


CLI = [e for e in examples() if e.command.startswith("verifier ")]
CURL = [e for e in examples() if e.command.startswith("curl ")]


def test_the_readme_has_examples_of_both_kinds() -> None:
    assert len(CLI) >= 5 and len(CURL) >= 10


def test_the_example_reader_reads_continuations_and_outputs() -> None:
    readme = (
        "## Here\n\n```text\n$ curl -s a \\\n     -d '{}'\n{\"a\": 1}\n\n$ verifier x\nout\n```\n"
    )
    assert examples(readme) == [
        Example("Here", "curl -s a  -d '{}'", ('{"a": 1}',)),
        Example("Here", "verifier x", ("out",)),
    ]


# --- the command line ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working folder with a fresh store (`verifier init`) and the draft the README checks."""
    folder = tmp_path_factory.mktemp("readme-cli")
    env = {**os.environ, "VERIFIER_DATABASE": str(folder / "readme.db")}
    subprocess.run([str(VENV_BIN / "verifier"), "init"], env=env, check=True, capture_output=True)
    (folder / "draft.txt").write_text(_draft_of(CLI), encoding="utf-8")
    return folder


def _draft_of(cli_examples: list[Example]) -> str:
    """The draft the `verifier check draft.txt` example shows, rebuilt from its offsets."""
    [check] = [e for e in cli_examples if e.command.startswith("verifier check draft.txt")]
    draft = ""
    for line in check.shown:
        if match := re.match(r"\[(\d+):(\d+)\] (.*)$", line):
            start = int(match.group(1))
            draft = draft.ljust(start) + match.group(3)
            assert len(draft) == int(match.group(2)), line
    return draft


@pytest.mark.parametrize("example", CLI, ids=[e.id for e in CLI])
def test_a_command_line_example_prints_what_the_readme_shows(
    example: Example, cli_folder: Path
) -> None:
    env = {
        **os.environ,
        "VERIFIER_DATABASE": str(cli_folder / "readme.db"),
        "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}",
    }
    result = subprocess.run(
        example.command.split("  #")[0],
        shell=True,
        cwd=cli_folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    _holds_lines(result.stdout.splitlines(), list(example.shown))


def _holds_lines(actual: list[str], shown: list[str]) -> None:
    """Every shown line is an output line, in order; "..." stands for lines left out."""
    actual = [line.rstrip() for line in actual]
    position = 0
    skipping = False
    for line in shown:
        if line.strip() == "...":
            skipping = True
            continue
        if skipping:
            assert line in actual[position:], f"{line!r} not printed after line {position}"
            position = actual.index(line, position) + 1
        else:
            assert position < len(actual) and actual[position] == line, (
                f"line {position}: shown {line!r}, printed "
                f"{actual[position] if position < len(actual) else 'nothing'!r}"
            )
            position += 1
        skipping = False
    if not skipping:
        assert actual[position:] == [], f"printed more than shown: {actual[position:]}"


# --- the REST API ----------------------------------------------------------------------------


README_KEY = "change-me-to-a-key-of-32-characters"  # configured keys need 32 characters


@pytest.fixture(scope="module")
def readme_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The service as the README starts it for these examples, with the key it names."""
    database = tmp_path_factory.mktemp("readme-api") / "readme.db"
    running = start_server(database, {"VERIFIER_API_KEYS": README_KEY})
    yield running
    running.process.terminate()
    running.process.wait(timeout=15)


def test_every_curl_example_prints_what_the_readme_shows(readme_server: Server) -> None:
    if shutil.which("curl") is None:
        pytest.skip("the curl examples need curl (apt-get install curl)")
    host = readme_server.base.removeprefix("http://")
    for example in CURL:  # in order: a write comes before the delete that names its id
        command = example.command.split("  #")[0].replace("localhost:8000", host)
        result = subprocess.run(
            command, shell=True, capture_output=True, text=True, timeout=60, check=False
        )
        assert result.returncode == 0, (example.command, result.stderr)
        _holds_json(result.stdout, "\n".join(example.shown), example.command)


def _holds_json(printed: str, shown: str, command: str) -> None:
    """The output is the JSON shown; or, where "..." elides, holds every pair shown."""
    if not shown:
        assert printed == "" or json.loads(printed) is not None, command
        return
    actual = json.loads(printed)
    if "..." not in shown:
        assert actual == json.loads(shown), command
        return
    pairs = _pairs(actual)
    for name, raw in PAIR.findall(shown):
        value = json.loads(raw)
        if isinstance(value, str) and value.endswith("..."):  # a long string, cut short
            found = any(n == name and str(v).startswith(value[:-3]) for n, v in pairs)
        else:
            found = (name, value) in pairs
        assert found, f"{command}: no {name}={raw} in {printed}"


def _pairs(value: Any) -> list[tuple[str, Any]]:
    """Every (name, scalar value) anywhere in a JSON document."""
    found: list[tuple[str, Any]] = []
    if isinstance(value, dict):
        for name, item in value.items():
            if not isinstance(item, dict | list):
                found.append((name, item))
            found += _pairs(item)
    elif isinstance(value, list):
        for item in value:
            found += _pairs(item)
    return found
