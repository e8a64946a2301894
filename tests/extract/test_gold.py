"""Reading gold and prediction files: the schema, extra fields kept, one A305 line per bad record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.errors import AccordError, Errors
from accord.extract.gold import GoldArticle, load_gold, read_gold

GOLD = Path(__file__).resolve().parents[2] / "eval" / "seeds-gold.jsonl"


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_shared_seed_gold_loads() -> None:
    articles = load_gold(GOLD)
    assert len(articles) == 4
    assert all(article.actors and article.quotes and article.events for article in articles)
    assert {article.id for article in articles} == {path.stem for path in GOLD.parent.glob("seeds/*.txt")}


def test_extra_fields_are_kept(tmp_path: Path) -> None:
    record = {
        "id": "a1",
        "actors": ["Russia"],
        "quotes": [{"speaker": "Russia", "text": "no", "start": 3, "end": 5, "sentence": "They said no."}],
        "events": [{"type": "meeting", "participants": ["Russia"], "place": None, "date": "2022-03"}],
        "positions": [],
        "article_id": 7,
    }
    (article,) = load_gold(write_lines(tmp_path / "p.jsonl", [json.dumps(record)]))
    assert article.quotes[0].model_extra == {"start": 3, "end": 5, "sentence": "They said no."}
    assert article.model_extra == {"article_id": 7}
    assert article.events[0].date == "2022-03"


def test_missing_lists_default_to_empty() -> None:
    article = GoldArticle.model_validate({"id": "x"})
    assert article.actors == [] and article.quotes == [] and article.events == [] and article.positions == []


def test_bad_lines_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    good = json.dumps({"id": "ok"})
    path = write_lines(
        tmp_path / "gold.jsonl",
        [
            good,
            "{not json",
            "[1, 2]",
            json.dumps({"id": "e", "events": [{"type": "picnic"}]}),
            json.dumps({"id": "p", "positions": [{"actor": "A", "issue": "ceasefire", "stance": "maybe"}]}),
            json.dumps({"id": "d", "events": [{"type": "meeting", "date": "March 2022"}]}),
            json.dumps({"actors": []}),
            "",
            good,
        ],
    )
    articles, errors = read_gold(path)
    assert [a.id for a in articles] == ["ok"]
    assert all(e.code is Errors.A305 and str(path) in e.message for e in errors)
    lines = [e.fields["line"] for e in errors]
    assert lines == [2, 3, 4, 5, 6, 7, 9]
    reasons = " | ".join(e.message for e in errors)
    for fragment in (
        "not JSON",
        "expected a JSON object",
        "events.0.type",
        "stance",
        "date",
        "id",
        "repeats",
    ):
        assert fragment in reasons


def test_load_gold_raises_the_first_error(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "g.jsonl", ['{"id": "a"}', "oops"])
    with pytest.raises(AccordError) as caught:
        load_gold(path)
    assert caught.value.code is Errors.A305 and caught.value.fields["line"] == 2


def test_unreadable_file_is_one_error(tmp_path: Path) -> None:
    articles, errors = read_gold(tmp_path / "absent.jsonl")
    assert articles == [] and len(errors) == 1 and errors[0].code is Errors.A305
    binary = tmp_path / "bin.jsonl"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert read_gold(binary)[1][0].code is Errors.A305
