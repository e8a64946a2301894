"""The gold label files in eval/ follow the guide's mechanical rules (scripts/check_gold.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "eval"


def _load_checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_gold", ROOT / "scripts" / "check_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def checker() -> ModuleType:
    return _load_checker()


def test_seed_gold_passes_the_checker(checker: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert checker.main([str(EVAL / "seeds-gold.jsonl"), str(EVAL / "seeds")]) == 0, capsys.readouterr().out


def test_checker_flags_what_the_guide_forbids(checker: ModuleType) -> None:
    text = "Putin said Russia would never accept it. Peskov called it “a trap”."
    record = {
        "id": "a",
        "actors": ["Russia", "Vladimir Putin"],
        "quotes": [{"speaker": "Dmitry Peskov", "text": "a snare"}],
        "events": [{"type": "summit", "participants": ["Kremlin"], "place": None, "date": "March 2022"}],
        "positions": [
            {"actor": "Russia", "issue": "nato", "stance": "against", "evidence": "Russia rejects it."},
            {
                "actor": "Russia",
                "issue": "other",
                "stance": "oppose",
                "evidence": "Putin said Russia would never",
            },
            {
                "actor": "Russia",
                "issue": "other",
                "stance": "oppose",
                "evidence": "Putin said Russia would never",
            },
        ],
    }
    problems = checker.check_record(record, text)
    expected = [
        "quote text not verbatim",
        "quote speaker not in actors",
        "unknown event type",
        "event participant not in actors",
        "event date not ISO",
        "unknown issue",
        "unknown stance",
        "evidence not verbatim",
        "duplicate position",
    ]
    for start in expected:
        assert any(problem.startswith(start) for problem in problems), (start, problems)
