from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError
from sqlalchemy import Engine, update

from accord.errors import AccordError
from accord.scenario.io import load_scenario
from accord.settings import DEFAULTS, SETTINGS, Settings, load_settings, settings_table_markdown
from accord.store import session_scope
from accord.store.schema import Position

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_documents_every_setting_as_declared() -> None:
    assert settings_table_markdown() in README.read_text(encoding="utf-8")


def test_defaults_then_file_then_environment(tmp_path: Path) -> None:
    config = tmp_path / "accord.toml"
    config.write_text('draws = 50\nseed = 7\ndb = "sqlite:///x.db"\n', encoding="utf-8")
    values = load_settings(config, environ={"ACCORD_DRAWS": "60", "ACCORD_SERVE_CACHE": "off"})
    assert values.draws == 60  # environment beats the file
    assert values.seed == 7  # the file beats the default
    assert values.serve_cache is False
    assert values.max_file_bytes == next(s.default for s in SETTINGS if s.name == "max_file_bytes")


@pytest.mark.parametrize(
    ("text", "code"),
    [("draws = [1, 2]\n", "A902"), ("no_such_setting = 1\n", "A903"), ("draws = \n", "A901")],
)
def test_bad_settings_file_names_the_file_and_the_reason(tmp_path: Path, text: str, code: str) -> None:
    config = tmp_path / "accord.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(AccordError) as caught:
        load_settings(config, environ={})
    assert caught.value.code.name == code
    assert "\n" not in caught.value.message


SRC = Path(__file__).resolve().parents[1] / "src" / "accord"
# The entry points: the loader itself, the command line (one read per run), the server factory.
ENTRY_POINTS = ("settings.py", "cli/", "serve/entry.py")
READS = ("settings.get(", "load_settings(", "config_path(", "os.environ", "getenv(")


def test_only_the_entry_points_read_the_settings() -> None:
    offenders = [
        f"{path.relative_to(SRC).as_posix()}: {read}"
        for path in sorted(SRC.rglob("*.py"))
        if not path.relative_to(SRC).as_posix().startswith(ENTRY_POINTS)
        for read in READS
        if read in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_settings_are_one_frozen_typed_object() -> None:
    settings = load_settings(Path("/nonexistent/accord.toml"), environ={"ACCORD_BATCH_SIZE": "8"})
    assert settings.batch_size == 8 and settings.draws == DEFAULTS.draws
    with pytest.raises(ValidationError):
        settings.batch_size = 9  # type: ignore[misc]
    assert [s.name for s in SETTINGS] == list(Settings.model_fields)


def test_a_setting_in_accord_toml_reaches_the_library_through_the_cli(
    filled: Engine, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from accord.cli import app

    with session_scope(filled) as session:  # every position scores 0.6
        session.execute(update(Position).values(score=0.6))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ACCORD_CONFIG", raising=False)
    monkeypatch.delenv("ACCORD_MIN_CONFIDENCE", raising=False)

    def stances() -> int:
        out = tmp_path / "scenario.yaml"
        result = CliRunner().invoke(app, ["scenario", "build", "--db", sqlite_url, "-o", str(out)])
        assert result.exit_code == 0, result.output
        return len(load_scenario(out).stances)

    assert stances() > 0  # the default 0.5 keeps them
    (tmp_path / "accord.toml").write_text("min_confidence = 0.7\n", encoding="utf-8")
    assert stances() == 0
    monkeypatch.setenv("ACCORD_MIN_CONFIDENCE", "0.55")  # the environment beats the file
    assert stances() > 0
