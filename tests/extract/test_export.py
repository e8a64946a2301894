"""The exporter on a real store: gold schema records, newest versions only, CSV rows, round trip."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from sqlalchemy import Engine, select

from accord.extract.evaluation import evaluate
from accord.extract.export import (
    COLUMNS,
    export_records,
    export_rows,
    stored_predictions,
    write_csv,
    write_jsonl,
)
from accord.extract.gold import GoldArticle, load_gold
from accord.store import open_store
from gold_store import store_gold

EVAL = Path(__file__).resolve().parents[2] / "eval"
GOLD = EVAL / "seeds-gold.jsonl"


def seed_texts() -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in (EVAL / "seeds").glob("*.txt")}


def test_export_of_the_gold_scores_perfectly(engine: Engine) -> None:
    gold = load_gold(GOLD)
    store_gold(engine, gold, seed_texts())
    records = list(export_records(engine))
    assert [r["id"] for r in records] == sorted(article.id for article in gold)
    predicted = [GoldArticle.model_validate(record) for record in records]
    report = evaluate(predicted, gold)
    for kind, score in report.scores.items():
        assert score.f1 == 1.0, kind
        assert score.fp == 0 and score.fn == 0, kind


def test_records_follow_the_gold_schema_with_provenance(engine: Engine) -> None:
    gold = load_gold(GOLD)
    texts = seed_texts()
    store_gold(engine, gold, texts)
    record = next(r for r in export_records(engine) if r["id"] == gold[0].id)
    assert sorted(record["actors"]) == sorted(gold[0].actors)  # acting mentions only, each once
    assert "Mentioned Only" not in record["actors"]
    assert any(m["name"] == "Mentioned Only" and not m["acts"] for m in record["actor_mentions"])
    quote = record["quotes"][0]
    assert {"speaker", "text", "start", "end", "sentence", "sentence_start", "article_id", "id"} <= set(quote)
    text = texts[record["id"]]
    assert text[quote["start"] : quote["end"]] == quote["text"]
    position = record["positions"][0]
    assert position["evidence"] == position["sentence"]
    assert set(record["events"][0]) >= {"type", "participants", "place", "date"}
    assert record["extraction"] == "ok" and record["version"] == 1


def test_only_the_newest_version_of_each_source_is_exported(engine: Engine) -> None:
    old = GoldArticle.model_validate({"id": "story", "actors": ["Russia"]})
    new = GoldArticle.model_validate({"id": "story", "actors": ["Ukraine", "NATO"]})
    other = GoldArticle.model_validate({"id": "another", "actors": ["China"]})
    store_gold(engine, [old, other])
    store_gold(engine, [new], version=2)
    records = {r["id"]: r for r in export_records(engine)}
    assert set(records) == {"story", "another"}
    assert records["story"]["actors"] == ["Ukraine", "NATO"] and records["story"]["version"] == 2
    assert [r["id"] for r in export_records(engine, source_ids=["another"])] == ["another"]


def test_articles_without_extraction_export_empty(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    from accord.store.database import session_scope
    from accord.store.schema import Article

    with session_scope(engine) as session:
        session.add(Article(source_id="raw", version=1, content_hash="h", text="t", word_count=1, extra={}))
    (record,) = export_records(engine)
    assert record["id"] == "raw" and record["extraction"] is None
    assert record["actors"] == record["quotes"] == record["events"] == record["positions"] == []


def test_jsonl_and_csv_writers(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    gold = load_gold(GOLD)
    store_gold(engine, gold, seed_texts())
    out = io.StringIO()
    assert write_jsonl(export_records(engine), out) == len(gold)
    lines = out.getvalue().splitlines()
    assert len(lines) == len(gold) and all(json.loads(line)["id"] for line in lines)

    out = io.StringIO()
    count = write_csv(export_rows(engine, "events"), "events", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert count == len(rows) == sum(len(article.events) for article in gold)
    assert tuple(rows[0]) == COLUMNS["events"]
    with_two = next(row for row in rows if "; " in row["participants"])
    assert with_two["source_id"] in {article.id for article in gold}
    (source,) = json.loads(with_two["sources"])  # the sources cell is a JSON list of sentences
    assert source["sentence"] == with_two["sentence"] and source["article_id"] == int(with_two["article_id"])

    out = io.StringIO()
    write_csv(export_rows(engine, "actors"), "actors", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {row["acts"] for row in rows} == {"True", "False"}


def test_actors_are_distinct_in_order_of_first_mention(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    article = GoldArticle.model_validate({"id": "x", "actors": ["NATO", "Russia"]})
    text = "Russia spoke. Then NATO answered Russia."
    store_gold(engine, [article], {"x": text})
    (record,) = export_records(engine)
    assert record["actors"] == ["Russia", "NATO"]


def test_hypothetical_and_negated_events_stay_out_of_the_gold_schema(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    article = GoldArticle.model_validate(
        {"id": "x", "events": [{"type": "meeting", "participants": ["Russia"]}] * 4}
    )
    store_gold(engine, [article])
    from sqlalchemy import update

    from accord.store.database import session_scope
    from accord.store.schema import Event

    with session_scope(engine) as session:
        ids = sorted(session.scalars(select(Event.id)))
        for event_id, modality in zip(ids, ["happened", "scheduled", "hypothetical", "negated"], strict=True):
            session.execute(update(Event).where(Event.id == event_id).values(modality=modality))
    (record,) = export_records(engine)
    assert [e["modality"] for e in record["events"]] == ["happened", "scheduled"]
    assert [e["modality"] for e in record["other_events"]] == ["hypothetical", "negated"]
    assert len(list(export_rows(engine, "events"))) == 4  # the flat rows keep every stored event


def test_items_outside_the_schema_are_reported_and_the_rest_scored(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    article = GoldArticle.model_validate(
        {
            "id": "x",
            "actors": ["Russia"],
            "events": [{"type": "meeting", "participants": ["Russia"]}] * 2,
        }
    )
    store_gold(engine, [article])
    from sqlalchemy import update

    from accord.store.database import session_scope
    from accord.store.schema import Event

    with session_scope(engine) as session:
        first = min(session.scalars(select(Event.id)))
        session.execute(update(Event).where(Event.id == first).values(type="parade", date="soon"))
    predicted, errors = stored_predictions(engine)
    assert len(errors) == 1 and errors[0].code.name == "A321"
    assert "'x'" in errors[0].message and "events.0.type" in errors[0].message
    (kept,) = predicted
    assert kept.actors == ["Russia"] and len(kept.events) == 1


def test_an_event_stored_without_sources_is_its_own_one_source(tmp_path: Path) -> None:
    # Rows extracted before events kept their sources (migration 0003 gives them an empty list).
    engine = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    article = GoldArticle.model_validate(
        {"id": "x", "events": [{"type": "meeting", "participants": ["Russia"]}]}
    )
    store_gold(engine, [article], {"x": "Russia held a meeting."})
    (record,) = export_records(engine)
    (event,) = record["events"]
    fields = ("article_id", "start", "end", "sentence", "sentence_start")
    assert event["sources"] == [{name: event[name] for name in fields}]
