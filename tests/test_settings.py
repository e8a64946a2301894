from __future__ import annotations

from pathlib import Path

import pytest

from accord.errors import AccordError
from accord.settings import SETTINGS, load_settings, settings_table_markdown

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_documents_every_setting_as_declared() -> None:
    assert settings_table_markdown() in README.read_text(encoding="utf-8")


def test_defaults_then_file_then_environment(tmp_path: Path) -> None:
    config = tmp_path / "accord.toml"
    config.write_text('draws = 50\nseed = 7\ndb = "sqlite:///x.db"\n', encoding="utf-8")
    values = load_settings(config, environ={"ACCORD_DRAWS": "60", "ACCORD_SERVE_CACHE": "off"})
    assert values["draws"] == 60  # environment beats the file
    assert values["seed"] == 7  # the file beats the default
    assert values["serve_cache"] is False
    assert values["max_file_bytes"] == next(s.default for s in SETTINGS if s.name == "max_file_bytes")


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
