from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from sqlalchemy import Engine

from accord.errors import AccordError
from accord.scenario.builder import build_scenario
from accord.scenario.exports import export_items, export_scenario
from accord.scenario.importers.bdm import import_bdm
from accord.scenario.importers.ktab import import_ktab
from accord.scenario.io import load_scenario
from accord.scenario.model import Scenario
from accord.store import open_store
from sample_store import PAYLOAD, fill


@pytest.fixture
def scenario(sqlite_url: str) -> Scenario:
    engine = open_store(sqlite_url)
    fill(engine)
    built = build_scenario(engine)
    engine.dispose()
    return built


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_yaml_and_json(scenario: Scenario, tmp_path: Path, suffix: str) -> None:
    (path,) = export_scenario(scenario, tmp_path / f"s{suffix}")
    assert load_scenario(path) == scenario


def test_ktab_round_trip(scenario: Scenario, tmp_path: Path) -> None:
    (path,) = export_scenario(scenario, tmp_path / "s.csv", "ktab")
    back = import_ktab(path)
    assert [i.id for i in back.issues] == [i.id for i in scenario.issues]
    assert {a.id: (a.name, a.capability) for a in back.actors} == {
        a.id: (a.name, pytest.approx(a.capability)) for a in scenario.actors
    }
    stated = {(s.actor, s.issue): (s.position, s.salience) for s in scenario.stances}
    read = {(s.actor, s.issue): (s.position, s.salience) for s in back.stances if s.salience > 0}
    assert read == {k: (p, pytest.approx(v)) for k, (p, v) in stated.items()}


def test_bdm_round_trip_one_file_per_issue(scenario: Scenario, tmp_path: Path) -> None:
    paths = export_scenario(scenario, tmp_path / "bdm.csv", "bdm")
    assert len(paths) == len(scenario.issues)
    for path in paths:
        issue = path.stem.removeprefix("bdm-")
        back = import_bdm(path, scale=(0, 100))
        expected = {
            scenario.actor(s.actor).name: (s.position, s.salience, scenario.actor(s.actor).capability)
            for s in scenario.stances_on(issue)
        }
        got = {
            back.actor(s.actor).name: (s.position, s.salience, back.actor(s.actor).capability)
            for s in back.stances
        }
        assert got == {k: pytest.approx(v) for k, v in expected.items()}


def test_unknown_format_is_an_error(scenario: Scenario, tmp_path: Path) -> None:
    with pytest.raises(AccordError, match="A413"):
        export_scenario(scenario, tmp_path / "s.xml", "xml")


def test_items_as_csv_parquet_and_plover(filled: Engine, tmp_path: Path) -> None:
    written = {p.name for p in export_items(filled, tmp_path)}
    assert written == {
        "positions.csv",
        "positions.parquet",
        "quotes.csv",
        "quotes.parquet",
        "events.csv",
        "events.parquet",
        "events.plover.jsonl",
    }
    with (tmp_path / "quotes.csv").open(encoding="utf-8", newline="") as handle:
        quotes = list(csv.DictReader(handle))
    rubio = next(q for q in quotes if q["speaker"] == "Marco Rubio")
    assert PAYLOAD in rubio["text"]  # exported verbatim: escaping is the report's job
    # provenance: the quote sits at its offsets inside its sentence
    start, sentence_start = int(rubio["start"]), int(rubio["sentence_start"])
    assert rubio["sentence"][start - sentence_start :].startswith(rubio["text"])
    positions = pq.read_table(tmp_path / "positions.parquet").to_pylist()
    assert len(positions) == 14
    assert {"source_id", "actor", "issue", "stance", "value", "sentence", "start", "end"} <= set(positions[0])
    lines = (tmp_path / "events.plover.jsonl").read_text(encoding="utf-8").splitlines()
    events = [json.loads(line) for line in lines]
    assert len(events) == 5
    jeddah = next(e for e in events if e["accord_type"] == "agreement")
    assert (jeddah["event_type"], jeddah["event_date"], jeddah["location"]) == (
        "AGREE",
        "2025-03-11",
        {"name": "Jeddah"},
    )
    assert jeddah["actor"] == "United States" and jeddah["recipient"] == "Ukraine"
    rounds = [e for e in events if e["accord_type"] == "negotiation_round"]
    assert {(e["event_type"], e["mode"]) for e in rounds} == {("CONSULT", "meet")}


def test_empty_store_gives_headers_only(sqlite_url: str, tmp_path: Path) -> None:
    engine = open_store(sqlite_url)
    export_items(engine, tmp_path)
    assert (tmp_path / "events.csv").read_text(encoding="utf-8").startswith("source_id,type,date")
    assert pq.read_table(tmp_path / "quotes.parquet").num_rows == 0
    assert (tmp_path / "events.plover.jsonl").read_text(encoding="utf-8") == ""
    engine.dispose()
