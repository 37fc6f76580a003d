"""Settings are declared once, documented in the README, and read from VERIFIER_* vars."""

from __future__ import annotations

from pathlib import Path

import pytest

from verifier.config import SETTINGS, load_settings

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.mark.parametrize("setting", SETTINGS, ids=[s.name for s in SETTINGS])
def test_every_setting_is_documented(setting) -> None:  # type: ignore[no-untyped-def]
    assert f"VERIFIER_{setting.name}" in README.read_text(encoding="utf-8")


def test_environment_then_overrides() -> None:
    settings = load_settings({"MAX_BATCH": 5}, environ={"VERIFIER_MATCH_THRESHOLD": "0.7"})
    assert settings["MATCH_THRESHOLD"] == 0.7 and settings["MAX_BATCH"] == 5
    assert settings["DATABASE"].endswith("/verifier/verifier.db")  # the per-user data folder


def test_the_default_database_is_the_per_user_one(tmp_path: Path) -> None:
    import os

    os.environ["XDG_DATA_HOME"], before = str(tmp_path), os.environ["XDG_DATA_HOME"]
    try:
        assert load_settings(environ={})["DATABASE"] == str(tmp_path / "verifier" / "verifier.db")
        given = load_settings(environ={"VERIFIER_DATABASE": "/data/verifier.db"})
        assert given["DATABASE"] == "/data/verifier.db"  # Docker's setting wins
    finally:
        os.environ["XDG_DATA_HOME"] = before


def test_a_bad_value_names_the_variable() -> None:
    with pytest.raises(ValueError, match="VERIFIER_MAX_BATCH"):
        load_settings(environ={"VERIFIER_MAX_BATCH": "lots"})


@pytest.mark.parametrize(
    "name", ["RERANK_LIMIT", "CANDIDATE_LIMIT", "POSTINGS_BUDGET", "MAX_BATCH"]
)
def test_a_count_below_one_is_refused(name: str) -> None:
    with pytest.raises(ValueError, match=f"VERIFIER_{name}='0' must be at least 1"):
        load_settings(environ={f"VERIFIER_{name}": "0"})
    assert load_settings(environ={f"VERIFIER_{name}": "1"})[name] == 1


def test_the_verdict_cache_may_be_off() -> None:
    assert load_settings(environ={"VERIFIER_VERDICT_CACHE": "0"})["VERDICT_CACHE"] == 0
    with pytest.raises(ValueError, match="at least 0"):
        load_settings(environ={"VERIFIER_VERDICT_CACHE": "-1"})


def test_a_store_indexed_by_an_older_release_is_reported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from verifier.engine.service import engine_from_settings, open_store

    path = tmp_path / "old.db"
    open_store(str(path)).db.execute("PRAGMA user_version = 0")  # as before versions were kept
    settings = load_settings(environ={"VERIFIER_DATABASE": str(path), "VERIFIER_SEMANTIC": "off"})
    with caplog.at_level("WARNING", logger="verifier"):
        engine_from_settings(settings)
    assert "verifier reindex" in caplog.text
    caplog.clear()
    with caplog.at_level("WARNING", logger="verifier"):
        engine_from_settings(load_settings(environ={"VERIFIER_DATABASE": str(tmp_path / "new.db")}))
    assert "reindex" not in caplog.text
    empty = tmp_path / "empty.db"  # an older release's store that never held a claim
    open_store(str(empty), seed=False).db.execute("PRAGMA user_version = 0")
    with caplog.at_level("WARNING", logger="verifier"):
        engine_from_settings(load_settings(environ={"VERIFIER_DATABASE": str(empty)}))
    assert "reindex" not in caplog.text
