"""`accord forecast` and `accord backtest` through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from accord.cli import app
from accord.models import MODELS
from accord.scenario.importers.bdm import import_bdm
from accord.scenario.io import save_scenario
from sample_scenarios import one_party_scenario

NEGOTIATION = Path(__file__).resolve().parents[2] / "data" / "negotiation"
runner = CliRunner()


def test_forecast_scenario_file_json(tmp_path: Path) -> None:
    path = save_scenario(import_bdm(NEGOTIATION / "bdm" / "columbus_classnotes.csv"), tmp_path / "c.yaml")
    result = runner.invoke(
        app, ["forecast", str(path), "--model", "all", "--draws", "50", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {r["model"] for r in rows} == set(MODELS)  # every registered model, each once per issue
    eu = next(r for r in rows if r["model"] == "expected_utility")
    assert len(eu["history"]) == 8 and eu["p10"] <= eu["median"] <= eu["p90"] and eu["sensitivity"]


def test_forecast_table_from_data_file() -> None:
    path = NEGOTIATION / "bdm" / "emission_standards_bdm1994.csv"
    result = runner.invoke(app, ["forecast", str(path), "--model", "compromise", "--draws", "0"])
    assert result.exit_code == 0, result.output
    assert "compromise" in result.output and "56.5" in result.output


def test_forecast_errors_are_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "name: x\nissues: []\nactors: []\nstances: [{actor: a, issue: b, position: 3, salience: 1}]\n"
    )
    result = runner.invoke(app, ["forecast", str(bad)])
    assert result.exit_code == 1
    assert "A401" in result.output and "stances[0].actor: unknown actor 'a'" in result.output
    result = runner.invoke(app, ["forecast", str(bad), "--model", "oracle"])
    assert result.exit_code == 1 and "unknown model 'oracle'" in result.output


def test_backtest_deu_json(tmp_path: Path) -> None:
    table = NEGOTIATION / "deu" / "deu3_blksv.tsv"
    lines = table.read_text(encoding="utf-8").splitlines()
    small = tmp_path / "slice.tsv"  # every third issue row: all three waves, fast
    small.write_text("\n".join([*lines[:2], *lines[2::3]]) + "\n", encoding="utf-8")
    args = ["backtest", "deu", str(small), "--capability", "equal", "--format", "json"]
    result = runner.invoke(app, [*args, "--model", "tabled", "--folds", "3", "--repeats", "1"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert {s["split"] for s in scores} == {"cv", "leave out DEU I", "leave out DEU II", "leave out DEU III"}
    cv = [s for s in scores if s["split"] == "cv"]
    assert [s["model"] for s in cv] == ["compromise", "tabled"]  # one record per (protocol, model)
    keys = {"model", "n", "mae", "rmse", "hit_rate", "mae_diff", "diff_low", "diff_high"}
    assert all(keys <= set(s) for s in scores)
    fixed = runner.invoke(app, [*args, "--protocol", "fixed", "--model", "median"])
    assert fixed.exit_code == 0, fixed.output
    assert {s["split"] for s in json.loads(fixed.output)} == {"all", "tune (DEU I+II)", "test (DEU III)"}
    wrong = runner.invoke(app, ["backtest", "nope", str(table)])
    assert wrong.exit_code == 1 and "unknown data set" in wrong.output


def test_forecast_notes_an_issue_without_a_negotiation(tmp_path: Path) -> None:
    scenario = one_party_scenario()
    path = save_scenario(scenario, tmp_path / "s.yaml")
    result = runner.invoke(app, ["forecast", str(path), "--draws", "20", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    crimea = [r for r in rows if r["issue"] == "crimea"]
    assert {r["model"] for r in crimea} == set(MODELS)
    assert all(r["forecast"] is None and "no negotiation" in r["note"] for r in crimea)
    assert all(isinstance(r["forecast"], float) for r in rows if r["issue"] == "ceasefire")
    table = runner.invoke(app, ["forecast", str(path), "--draws", "0"])
    assert table.exit_code == 0, table.output
    assert table.output.count("no negotiation") == 1  # once per issue, not once per model
