"""The lexicons are data the components read as words: every entry must be text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

LEXICONS = sorted(
    (Path(__file__).resolve().parents[2] / "src" / "accord" / "extract" / "lexicons").glob("*.yaml")
)


def _not_text(value: Any, where: str) -> list[str]:
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _not_text(item, f"{where}/{key}")]
    if isinstance(value, list):
        return [f"{where}: {item!r}" for item in value if isinstance(item, (bool, int, float))] + [
            p for item in value if isinstance(item, (dict, list)) for p in _not_text(item, where)
        ]
    return []


@pytest.mark.parametrize("path", LEXICONS, ids=lambda p: p.name)
def test_every_word_in_a_lexicon_is_text(path: Path) -> None:
    # YAML reads a bare no / on / yes as a boolean: "no" was missing from the events' negators and "on"
    # from the quotes' qualifying prepositions until they were quoted
    if path.name == "confidence.yaml":
        pytest.skip("numbers by design: the fitted weights")
    assert _not_text(yaml.safe_load(path.read_text(encoding="utf-8")), path.name) == []
