"""The main job's commands through the real CLI: analyze, report, scenario build/export, export-items."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from accord.cli import app
from accord.scenario.importers.ktab import import_ktab
from accord.scenario.io import load_scenario
from accord.store import open_store
from sample_store import fill

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'accord.db'}"
    engine = open_store(url)
    fill(engine)
    engine.dispose()
    return url


def test_scenario_build_then_forecast_it(db: str, tmp_path: Path) -> None:
    path = tmp_path / "scenario.yaml"
    result = runner.invoke(app, ["scenario", "build", "--db", db, "-o", str(path)])
    assert result.exit_code == 0, result.output
    scenario = load_scenario(path)
    assert {a.name for a in scenario.actors} == {"Russia", "Turkey", "Ukraine", "United States"}
    early = tmp_path / "early.json"
    result = runner.invoke(app, ["scenario", "build", "--db", db, "--as-of", "2022-12-31", "-o", str(early)])
    assert result.exit_code == 0, result.output
    assert {a.name for a in load_scenario(early).actors} == {"Russia", "Turkey", "Ukraine"}
    result = runner.invoke(
        app, ["forecast", str(path), "--model", "compromise", "--draws", "20", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert {row["issue"] for row in json.loads(result.output)} == {i.id for i in scenario.issues}


def test_a_broken_scenario_reports_every_error_with_its_location(db: str, tmp_path: Path) -> None:
    path = tmp_path / "scenario.yaml"
    runner.invoke(app, ["scenario", "build", "--db", db, "-o", str(path)])
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["stances"][0]["position"] = 120
    data["stances"][1]["salience"] = 2
    data["stances"][2]["actor"] = "atlantis"
    del data["actors"][0]["capability"]
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    for command in (
        ["forecast", str(path)],
        ["report", "--db", db, "--scenario", str(path), "--out", str(tmp_path)],
    ):
        result = runner.invoke(app, command)
        assert result.exit_code == 1, command
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1, result.output  # one line naming the file, with every problem in it
        message = lines[0]
        assert str(path) in message and "4 problem(s)" in message
        for located in (
            "stances[0].position: 120 is outside 0–100",
            "stances[1].salience: 2 is outside 0–1",
            "stances[2].actor: unknown actor 'atlantis'",
            "actors[0].capability: missing",
        ):
            assert located in message, located


def test_report_on_an_empty_store_says_so(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    result = runner.invoke(app, ["report", "--db", url, "--out", str(tmp_path / "out"), "--draws", "10"])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "The store holds no articles" in html


def test_scenario_export_and_export_items(db: str, tmp_path: Path) -> None:
    path = tmp_path / "scenario.yaml"
    runner.invoke(app, ["scenario", "build", "--db", db, "-o", str(path)])
    ktab = tmp_path / "s.csv"
    result = runner.invoke(app, ["scenario", "export", str(path), "-o", str(ktab)])
    assert result.exit_code == 0, result.output
    assert [i.id for i in import_ktab(ktab).issues] == [i.id for i in load_scenario(path).issues]
    result = runner.invoke(
        app, ["scenario", "export", str(path), "-o", str(tmp_path / "b.csv"), "--format", "bdm"]
    )
    assert result.exit_code == 0 and len(result.output.split()) == len(load_scenario(path).issues)
    result = runner.invoke(
        app, ["scenario", "export", str(path), "-o", str(tmp_path / "x"), "--format", "xml"]
    )
    assert result.exit_code == 1 and "A413" in result.output
    out = tmp_path / "items"
    result = runner.invoke(app, ["export-items", "--db", db, "--out", str(out), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "events.csv",
        "events.plover.jsonl",
        "positions.csv",
        "quotes.csv",
    ]


def test_bad_as_of_is_one_line(db: str, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["scenario", "build", "--db", db, "--as-of", "spring 2025", "-o", str(tmp_path / "s.yaml")]
    )
    assert result.exit_code == 1
    assert result.output.strip() == "error: [A412] spring 2025: not a date, use YYYY-MM-DD"


def test_analyze_command(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "2022-03-29_istanbul-talks-neutrality-offer.html", corpus)
    (corpus / "junk.txt").write_bytes(b"\x00\xff" * 100)
    out = tmp_path / "out"
    db = f"sqlite:///{out / 'accord.db'}"  # inside --out, which analyze creates
    result = runner.invoke(app, ["analyze", str(corpus), "--db", db, "--out", str(out), "--draws", "20"])
    assert result.exit_code == 1  # the junk file failed; everything else was done
    assert "junk.txt" in result.output
    assert (out / "report.html").is_file() and (out / "scenario.yaml").is_file()
    assert str(out / "report.html") in result.output
