"""`accord eval` and `accord export` through the real CLI on real SQLite stores."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from accord.cli import app
from accord.extract.gold import load_gold
from accord.store import open_store
from gold_store import store_gold

EVAL = Path(__file__).resolve().parents[2] / "eval"
GOLD = EVAL / "seeds-gold.jsonl"
runner = CliRunner()


def gold_store(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'accord.db'}"
    engine = open_store(url)
    store_gold(engine, load_gold(GOLD))
    engine.dispose()
    return url


def test_eval_of_the_stored_gold_is_perfect(tmp_path: Path) -> None:
    url = gold_store(tmp_path)
    result = runner.invoke(app, ["eval", "--gold", str(GOLD), "--db", url, "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert {kind: score["f1"] for kind, score in report["scores"].items()} == {
        "actors": 1.0,
        "quotes": 1.0,
        "events": 1.0,
        "positions": 1.0,
    }
    assert len(report["articles"]) == 4
    assert all(a["missed"]["quotes"] == [] for a in report["articles"])


def test_eval_table_and_articles_missing_from_the_store(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'accord.db'}"
    engine = open_store(url)
    store_gold(engine, load_gold(GOLD)[:1])
    engine.dispose()
    result = runner.invoke(app, ["eval", "--gold", str(GOLD), "--db", url])
    assert result.exit_code == 0, result.output
    assert "3 gold articles are not in the store" in result.stderr
    assert "positions" in result.stdout and "precision" in result.stdout
    actors_row = next(line for line in result.stdout.splitlines() if "actors" in line)
    assert "1.000" in actors_row  # precision: everything stored is right
    assert "F1 per article" in result.stdout
    assert result.stdout.count("(not predicted)") == 3


def test_eval_of_a_prediction_file_with_a_bad_line(tmp_path: Path) -> None:
    gold = load_gold(GOLD)
    pred = tmp_path / "pred.jsonl"
    lines = [gold[0].model_dump_json(), "{broken", json.dumps({"id": "extra", "actors": ["Nobody"]})]
    pred.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "--gold", str(GOLD), "--pred", str(pred), "--format", "json"])
    assert result.exit_code == 1  # the bad line is reported, the rest still scored
    assert f"{pred}: bad gold file at line 2" in result.stderr
    report = json.loads(result.stdout)
    actors = report["scores"]["actors"]
    assert actors["tp"] == len(gold[0].actors) and actors["fp"] == 1
    assert actors["fn"] == sum(len(a.actors) for a in gold[1:])


def test_eval_with_an_unreadable_gold_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path / "absent.jsonl"), "--pred", str(GOLD)])
    assert result.exit_code == 1
    assert "A305" in result.stderr and "absent.jsonl" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_eval_with_an_unreadable_prediction_file_scores_nothing(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "--gold", str(GOLD), "--pred", str(tmp_path / "absent.jsonl")])
    assert result.exit_code == 1
    assert "A305" in result.stderr and "absent.jsonl" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""  # was a table of zeros, read as a result


def test_export_jsonl_round_trips_through_eval(tmp_path: Path) -> None:
    url = gold_store(tmp_path)
    out = tmp_path / "export.jsonl"
    result = runner.invoke(app, ["export", "--db", url, "--format", "jsonl", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote 4 articles" in result.stderr
    scored = runner.invoke(app, ["eval", "--gold", str(GOLD), "--pred", str(out), "--format", "json"])
    assert scored.exit_code == 0
    assert all(score["f1"] == 1.0 for score in json.loads(scored.stdout)["scores"].values())


def test_export_csv_and_typed_jsonl_to_stdout(tmp_path: Path) -> None:
    url = gold_store(tmp_path)
    gold = load_gold(GOLD)
    result = runner.invoke(app, ["export", "--db", url, "--format", "csv", "--type", "quotes"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == sum(len(a.quotes) for a in gold)
    assert {"source_id", "speaker", "text", "start", "end", "sentence"} <= set(rows[0])
    result = runner.invoke(app, ["export", "--db", url, "--format", "jsonl", "--type", "positions"])
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(items) == sum(len(a.positions) for a in gold)
    assert all(item["evidence"] == item["sentence"] for item in items)


def test_export_merged_events_once_per_event(tmp_path: Path) -> None:
    url = gold_store(tmp_path)
    gold = load_gold(GOLD)
    result = runner.invoke(app, ["export", "--db", url, "--format", "csv", "--type", "events", "--merged"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == sum(len(a.events) for a in gold)  # no clusters: every event is its own
    assert {"article_ids", "source_ids", "sources", "cluster_event_id"} <= set(rows[0])
    assert json.loads(rows[0]["sources"])[0]["article_id"] == int(rows[0]["article_ids"])
    result = runner.invoke(app, ["export", "--db", url, "--format", "jsonl", "--type", "quotes", "--merged"])
    assert result.exit_code == 2 and "--type events" in result.output


def test_export_csv_needs_a_type_and_a_writable_target(tmp_path: Path) -> None:
    url = gold_store(tmp_path)
    result = runner.invoke(app, ["export", "--db", url, "--format", "csv"])
    assert result.exit_code == 2 and "--type" in result.output
    target = tmp_path / "missing-dir" / "out.jsonl"
    result = runner.invoke(app, ["export", "--db", url, "--format", "jsonl", "--out", str(target)])
    assert result.exit_code == 1
    assert "A320" in result.stderr and str(target) in result.stderr


def _split_corpus(folder: Path) -> Path:
    """A corpus folder of three articles (two test, one train) whose gold is the seeds' first records."""
    folder.mkdir(parents=True)
    gold = load_gold(GOLD)[:3]
    meta = [("test", "wire"), ("test", "interview"), ("train", "wire")]
    with (folder / "articles.jsonl").open("w", encoding="utf-8") as handle:
        for article, (split, genre) in zip(gold, meta, strict=True):
            record = {"id": article.id, "text": "...", "split": split, "genre": genre}
            handle.write(json.dumps(record) + "\n")
    (folder / "gold.jsonl").write_text(
        "".join(json.dumps(a.model_dump(mode="json")) + "\n" for a in gold), encoding="utf-8"
    )
    return folder / "gold.jsonl"


def test_eval_split_scores_that_split_and_logs_test_looks(tmp_path: Path) -> None:
    gold = _split_corpus(tmp_path / "eval" / "dev")
    args = ["eval", "--gold", str(gold), "--pred", str(GOLD), "--format", "json", "--resamples", "50"]
    result = runner.invoke(app, [*args, "--split", "test"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert len(report["articles"]) == 2  # the train article and the fourth seed are not scored
    assert set(report["groups"]["genre"]) == {"wire", "interview"}
    assert report["intervals"]["positions"]["f1"] == [1.0, 1.0]
    log = tmp_path / "eval" / "test-log.jsonl"
    (look,) = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert look["split"] == "test" and look["articles"] == 2 and look["scores"]["positions"]["f1"] == 1.0
    assert {"date", "commit", "uncommitted_changes"} <= set(look)
    assert look["corpus"] == "dev" and look["positions_flipped"] == 0  # which corpus, and flips

    result = runner.invoke(app, [*args, "--split", "train"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["articles"]) == 1
    assert len(log.read_text(encoding="utf-8").splitlines()) == 1  # train scorings are not logged


def test_eval_split_needs_the_corpus_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "--gold", str(GOLD), "--pred", str(GOLD), "--split", "test"])
    assert result.exit_code == 1
    assert "[A305]" in result.stderr and "split" in result.stderr
    assert not (GOLD.parent.parent / "test-log.jsonl").exists()


def test_eval_table_shows_intervals_and_genres(tmp_path: Path) -> None:
    gold = _split_corpus(tmp_path / "dev")
    result = runner.invoke(app, ["eval", "--gold", str(gold), "--pred", str(GOLD), "--resamples", "20"])
    assert result.exit_code == 0, result.output
    assert "F1 95% CI" in result.stdout and "F1 per genre" in result.stdout and "interview" in result.stdout
    assert "events per type" in result.stdout and "positions per issue" in result.stdout


def test_eval_min_score_leaves_out_the_less_sure_predictions(tmp_path: Path) -> None:
    gold = load_gold(GOLD)
    records = [a.model_dump(mode="json") for a in gold]
    for record in records:
        for item in record["positions"]:
            item["score"] = 0.3  # every gold position predicted, all unsure
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    args = ["eval", "--gold", str(GOLD), "--pred", str(pred), "--format", "json", "--resamples", "20"]
    everything = json.loads(runner.invoke(app, args).stdout)
    sure = json.loads(runner.invoke(app, [*args, "--min-score", "0.5"]).stdout)
    assert everything["scores"]["positions"]["recall"] == 1.0
    assert sure["scores"]["positions"]["tp"] == 0 and sure["scores"]["quotes"]["recall"] == 1.0
