"""Assemble a :class:`ReportData` from the store, a scenario and the models' forecasts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine

from accord.models.monte_carlo import DEFAULT_PERTURBATION, Perturbation
from accord.report.data import ForecastTable, NoteCode, ReportData, ReportNote, Sensitivity
from accord.report.overview import overview_data
from accord.report.render import write_report
from accord.report.views import (
    events_timeline_data,
    forecast_table,
    forecast_views,
    matrix_from_cells,
    quotes_by_speaker,
    sensitivity_table,
    trajectories_from_cells,
)
from accord.scenario.builder import build_cells, scenario_from_cells
from accord.scenario.model import Scenario
from accord.scenario.params import DEFAULT_PARAMS, ScenarioParams
from accord.scenario.scales import load_scales
from accord.store import session_scope


def report_data(
    engine: Engine,
    as_of: dt.date | None = None,
    scenario: Scenario | None = None,
    draws: int | None = None,
    seed: int | None = None,
    title: str = "Negotiation report",
    forecast: ForecastTable | None = None,
    sensitivity: Sensitivity | None = None,
    params: ScenarioParams = DEFAULT_PARAMS,
    perturbation: Perturbation = DEFAULT_PERTURBATION,
) -> ReportData:
    """Everything the report shows. ``scenario`` (e.g. an analyst's edited file) drives the forecast and
    sensitivity views; without one, the scenario is built from the store as of ``as_of``, with ``params``.
    Forecast and sensitivity already computed for that scenario (``accord analyze`` keeps them) are used
    as given; else drawn with ``draws``, ``seed`` and ``perturbation``."""
    scales = load_scales(params.issue_scales)
    with session_scope(engine) as session:
        overview = overview_data(session, as_of)
        cells = build_cells(session, as_of, scales, params)
        timeline = events_timeline_data(session, as_of, params.min_confidence)
        quotes = quotes_by_speaker(session, as_of, params.min_confidence)
    built = scenario_from_cells(cells, as_of, scales, params=params) if scenario is None else scenario
    notes: list[ReportNote] = []
    defaults = [a.name for a in built.actors if a.default_capability]
    if defaults:
        text = (
            "No national capability figures for: " + ", ".join(defaults) + "; they get a small default "
            "capability (edit the scenario or set capability_overrides)."
        )
        notes.append(ReportNote(code=NoteCode.DEFAULT_CAPABILITY, text=text))
    if forecast is None and sensitivity is None:
        forecast, sensitivity = forecast_views(built, draws, seed, perturbation)
    elif forecast is None:
        forecast = forecast_table(built, draws=draws, seed=seed, perturbation=perturbation)
    elif sensitivity is None:
        sensitivity = sensitivity_table(built, draws=draws, seed=seed, perturbation=perturbation)
    if scenario is not None:
        text = f"Forecast and sensitivity use the scenario '{scenario.name}', not the store's positions."
        notes.append(ReportNote(code=NoteCode.GIVEN_SCENARIO, text=text))
    return ReportData(
        title=title,
        generated=dt.datetime.now(dt.UTC).replace(tzinfo=None),
        overview=overview,
        matrix=matrix_from_cells(cells, scales),
        trajectories=trajectories_from_cells(cells, scales),
        timeline=timeline,
        quotes=quotes,
        forecast=forecast,
        sensitivity=sensitivity,
        scenario_name=built.name,
        notes=notes,
    )


def make_report(
    engine: Engine,
    out_dir: Path | str,
    as_of: dt.date | None = None,
    scenario: Scenario | None = None,
    draws: int | None = None,
    seed: int | None = None,
    params: ScenarioParams = DEFAULT_PARAMS,
    perturbation: Perturbation = DEFAULT_PERTURBATION,
) -> Path:
    """Write ``report.html`` for the store (and scenario) into ``out_dir``; returns its path."""
    data = report_data(engine, as_of, scenario, draws, seed, params=params, perturbation=perturbation)
    return write_report(data, out_dir)
