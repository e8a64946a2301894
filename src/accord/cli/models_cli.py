"""`accord forecast` and `accord backtest`: thin wrappers over :mod:`accord.models`."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from accord.cli.app import app
from accord.cli.common import TableOrJson, fail, run_settings
from accord.errors import AccordError, Errors
from accord.models import MODELS, forecast_all
from accord.models.backtest import FOLDS, REPEATS, backtest_cv, backtest_deu
from accord.models.monte_carlo import DEFAULT_PERTURBATION, Perturbation
from accord.scenario.importers import import_file
from accord.scenario.io import JSON_SUFFIXES, YAML_SUFFIXES, load_scenario
from accord.scenario.model import Scenario


class Protocol(str, Enum):
    cv = "cv"
    fixed = "fixed"


class CapabilityChoice(str, Enum):
    equal = "equal"
    votes = "votes"
    gdp = "gdp"


def _scenarios(path: Path) -> list[Scenario]:
    """A scenario file (YAML/JSON), or any data file an importer reads."""
    if path.suffix.lower() in YAML_SUFFIXES | JSON_SUFFIXES:
        return [load_scenario(path)]
    return import_file(path)


def _model_names(model: str) -> list[str] | None:
    """The models to run: None for every registered model (each once), else the one named."""
    if model == "all":
        return None
    if model not in MODELS:
        raise AccordError(Errors.A403, name=model, choices=", ".join([*MODELS, "all"]))
    return [model]


def forecast_rows(
    scenario: Scenario,
    names: list[str] | None,
    draws: int,
    seed: int | None,
    perturbation: Perturbation = DEFAULT_PERTURBATION,
) -> list[dict[str, Any]]:
    """One row per model and issue: the point forecast, and with draws the Monte Carlo summary. An issue
    without a negotiation (fewer than two actors hold a position) gets a row per model with no forecast
    and the note saying why (:func:`accord.models.no_negotiation`). ``names`` None: every model."""
    result = forecast_all(scenario, draws, seed, names, perturbation)
    rows = []
    for model in result.models:
        for issue_id, note in result.notes.items():
            rows.append(
                {
                    "scenario": scenario.name,
                    "model": model.name,
                    "issue": issue_id,
                    "forecast": None,
                    "note": note,
                }
            )
        for issue_id, point in model.forecasts.items():
            row: dict[str, Any] = {
                "scenario": scenario.name,
                "model": model.name,
                "issue": issue_id,
                "forecast": round(point.value, 3),
                "history": None if point.history is None else [round(v, 3) for v in point.history],
            }
            band = model.intervals.get(issue_id)
            if band is not None:
                row.update(
                    median=round(band.median, 3),
                    p10=round(band.p10, 3),
                    p90=round(band.p90, 3),
                    draws=band.draws,
                    sensitivity=[
                        {"actor": s.actor, "share": round(s.share, 3), "position_corr": round(s.position, 3)}
                        for s in band.influence
                    ],
                )
            rows.append(row)
    return rows


@app.command("forecast")
def forecast_cli(
    scenario: Path = typer.Argument(..., help="Scenario YAML/JSON, or a BDM/KTAB/exchange/DEU data file."),
    model: str = typer.Option("all", "--model", help=f"One of {', '.join(MODELS)}, or all."),
    draws: int | None = typer.Option(None, "--draws", help="Monte Carlo draws; 0 for none [setting draws]."),
    seed: int | None = typer.Option(None, "--seed", help="Random seed [setting seed]."),
    output: TableOrJson = typer.Option(TableOrJson.table, "--format", help="Output format."),
) -> None:
    """Forecast every issue of a scenario with one model or all, with an 80 % Monte Carlo interval."""
    try:
        settings = run_settings()
        names = _model_names(model)
        scenarios = _scenarios(scenario)
        n_draws = settings.draws if draws is None else draws
        n_seed = settings.seed if seed is None else seed
        spread = Perturbation.of(settings)
        rows = [row for sc in scenarios for row in forecast_rows(sc, names, n_draws, n_seed, spread)]
    except AccordError as exc:
        raise fail(exc) from exc
    if output is TableOrJson.json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table("scenario", "issue", "model", "forecast", "p10", "median", "p90", "moved most by")
    noted: set[tuple[str, str]] = set()
    for row in rows:
        if row["forecast"] is None:  # no negotiation: the note once per issue, not once per model
            if (row["scenario"], row["issue"]) not in noted:
                noted.add((row["scenario"], row["issue"]))
                table.add_row(row["scenario"], row["issue"], "–", "–", "", "", "", row["note"])
            continue
        movers = ", ".join(f"{s['actor']} {s['share']:.0%}" for s in row.get("sensitivity", [])[:3])
        table.add_row(
            row["scenario"],
            row["issue"],
            row["model"],
            f"{row['forecast']:.1f}",
            *(f"{row[k]:.1f}" if k in row else "" for k in ("p10", "median", "p90")),
            movers,
        )
    Console(width=160).print(table)


@app.command("backtest")
def backtest_cli(
    dataset: str = typer.Argument(..., help="Data set; only 'deu' is supported."),
    file: Path = typer.Argument(..., help="The DEU table (deu3_blksv.tsv)."),
    capability: CapabilityChoice = typer.Option(
        CapabilityChoice.votes, "--capability", help="Capability: equal, Council votes by period, or GDP."
    ),
    seed: int = typer.Option(20220310, "--seed", help="Seed of the folds and the bootstrap."),
    protocol: Protocol = typer.Option(
        Protocol.cv,
        "--protocol",
        help="cv: proposal-grouped nested K-fold cross-validation, repeated, and leave one wave out; "
        "fixed: the DEU I+II / DEU III split at the registered settings.",
    ),
    folds: int = typer.Option(FOLDS, "--folds", help="Cross-validation folds."),
    repeats: int = typer.Option(REPEATS, "--repeats", help="Cross-validation repetitions (seeds)."),
    model: str = typer.Option("all", "--model", help="One model, or all (with the pre-registered blend)."),
    output: TableOrJson = typer.Option(TableOrJson.table, "--format", help="Output format."),
) -> None:
    """Score every model against observed outcomes: MAE, RMSE, median error, hit rate, and the MAE difference
    against the compromise model with a bootstrap 95 % interval (clustered by proposal under cv)."""
    try:
        if dataset != "deu":
            raise AccordError(Errors.A404, path=file, reason=f"unknown data set '{dataset}', only 'deu'")
        if protocol is Protocol.fixed:
            names = None if model == "all" else _model_names(model)
            scores = backtest_deu(file, capability.value, names, seed=seed)
        else:
            names = None if model == "all" else ([model] if model == "blend" else _model_names(model))
            scores = backtest_cv(file, capability.value, names, seed=seed, folds=folds, repeats=repeats)
    except AccordError as exc:
        raise fail(exc) from exc
    if output is TableOrJson.json:
        typer.echo(json.dumps([s.__dict__ for s in scores], indent=2))
        return
    table = Table(
        "split",
        "model",
        "n",
        "MAE",
        "RMSE",
        "median |err|",
        "hit ≤10",
        "ΔMAE vs compromise [95 %]",
        "chosen in training",
    )
    for s in scores:
        table.add_row(
            s.split,
            s.model,
            str(s.n),
            f"{s.mae:.2f}",
            f"{s.rmse:.2f}",
            f"{s.median_ae:.2f}",
            f"{s.hit_rate:.2f}",
            f"{s.mae_diff:+.2f} [{s.diff_low:+.2f}, {s.diff_high:+.2f}]",
            s.chosen,
        )
    Console(width=200).print(table)
