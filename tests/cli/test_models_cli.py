"""`accord forecast` and `accord backtest` through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from accord.cli import app
from accord.models import MODELS
from accord.scenario.importers.bdm import import_bdm
from accord.scenario.io import save_scenario

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


def test_backtest_deu_json() -> None:
    table = NEGOTIATION / "deu" / "deu3_blksv.tsv"
    result = runner.invoke(app, ["backtest", "deu", str(table), "--capability", "equal", "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert {s["split"] for s in scores} == {"all", "tune (DEU I+II)", "test (DEU III)"}
    assert next(s for s in scores if s["split"] == "all" and s["model"] == "compromise")["n"] == 353
    wrong = runner.invoke(app, ["backtest", "nope", str(table)])
    assert wrong.exit_code == 1 and "unknown data set" in wrong.output
