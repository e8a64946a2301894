"""The gold label files in eval/ follow the guide's mechanical rules (scripts/check_gold.py)."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from scripts_loader import load_script

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "eval"


@pytest.fixture(scope="module")
def checker() -> ModuleType:
    return load_script("check_gold")


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


def _dev_articles() -> list[dict[str, object]]:
    lines = (EVAL / "dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_dev_gold_passes_the_checker(checker: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    gold, articles = EVAL / "dev" / "gold.jsonl", EVAL / "dev" / "articles.jsonl"
    assert checker.main([str(gold), str(articles)]) == 0, capsys.readouterr().out


def test_dev_corpus_shape() -> None:
    articles = _dev_articles()
    gold_ids = [json.loads(line)["id"] for line in (EVAL / "dev" / "gold.jsonl").read_text().splitlines()]
    assert sorted(gold_ids) == sorted(str(a["id"]) for a in articles)
    assert len(articles) >= 80 and len({a["outlet"] for a in articles}) >= 30
    assert sum(a["split"] == "test" for a in articles) >= 35
    assert {a["split"] for a in articles} == {"train", "val", "test"}
    assert all(a["url"] and a["text"] and a["genre"] for a in articles)


def test_readme_lists_every_article_with_its_source() -> None:
    readme = (EVAL / "README.md").read_text(encoding="utf-8")
    missing = [
        a["id"] for a in _dev_articles() if f"| `{a['id']}` |" not in readme or f"<{a['url']}>" not in readme
    ]
    assert not missing


@pytest.mark.parametrize("name", sorted(p.name for p in (EVAL / "dev" / "agreement").glob("*.jsonl")))
def test_agreement_passes_the_checker(
    checker: ModuleType, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    labels, articles = EVAL / "dev" / "agreement" / name, EVAL / "dev" / "articles.jsonl"
    assert checker.main([str(labels), str(articles)]) == 0, capsys.readouterr().out
