"""Scenarios built from the store, and every model's forecast of a scenario (the what-if page's engine).

The store's scenario cells, scenario and forecasts as of a date are cached per state of the store
(:mod:`accord.serve.cache`), so a page or a what-if round trip only pays for what it draws.
"""

from __future__ import annotations

import datetime as dt
import math

from pydantic import BaseModel
from sqlalchemy import Engine

from accord import settings
from accord.models.base import IssueForecast, Model, forecast_with, no_negotiation
from accord.models.monte_carlo import simulate
from accord.models.registry import MODELS
from accord.scenario.builder import Cell, build_cells, scenario_from_cells
from accord.scenario.model import Scenario
from accord.serve.cache import cached
from accord.store import session_scope


class ModelInfo(BaseModel):
    name: str
    description: str


# Monte Carlo draws behind the dashboard's intervals: enough for a stable 80 % band, few enough that every
# model's intervals come back in about a second (the report's figure uses the setting `draws`).
WHATIF_DRAWS = 200
# The most one what-if request may ask for, and the seconds its computation may take before it is
# stopped. The models' cost grows with the cube of the actors on an issue (expected utility) and with the
# square of actors x issues (exchange), so each is bounded, and every Monte Carlo draw repeats the lot.
# 100 actors x 5 issues take ~3 s without draws; the example corpus's scenario (12 actors x 13 issues,
# 156) with the page's 200 draws is 31,200.
MAX_ACTORS = 100
MAX_CELLS = 500  # actors x issues
MAX_WORK = 50_000  # actors x issues x draws
MAX_SECONDS = 30.0


class Interval(BaseModel):
    """A forecast's 80 % Monte Carlo interval: 10th and 90th percentile of the draws."""

    low: float
    high: float


class ForecastSet(BaseModel):
    """Every model's forecast of every issue: ``forecasts[model][issue]``; with draws, its 80 % interval
    ``intervals[model][issue]``; ``notes[issue]`` says why an issue has no forecast (no negotiation)."""

    scenario: str
    models: list[ModelInfo]
    forecasts: dict[str, dict[str, IssueForecast]]
    seconds: float
    notes: dict[str, str] = {}
    intervals: dict[str, dict[str, Interval]] = {}
    draws: int = 0


def store_cells(engine: Engine, as_of: dt.date | None = None) -> list[Cell]:
    """The scenario's actor × issue cells up to ``as_of``, rebuilt only when the store changed.
    Shared between requests: read them, copy before changing anything."""

    def build() -> list[Cell]:
        with session_scope(engine) as session:
            return build_cells(session, as_of)

    return cached(engine, ("whatif.cells", as_of), build)


def store_scenario(engine: Engine, as_of: dt.date | None = None, copy: bool = True) -> Scenario:
    """The scenario built from the store up to ``as_of``, rebuilt only when the store changed; a copy
    the caller may change, unless ``copy`` is False (then read it only)."""
    built = cached(
        engine, ("whatif.scenario", as_of), lambda: scenario_from_cells(store_cells(engine, as_of), as_of)
    )
    return built.model_copy(deep=True) if copy else built


def registered() -> dict[str, Model]:
    """Every registered model once, by its own name: a registry entry that is another name for a model
    already listed (several names for one expected-utility variant, say) is not run again."""
    distinct: dict[str, Model] = {}
    for model in MODELS.values():
        distinct.setdefault(model.name, model)
    return distinct


def forecast_all(scenario: Scenario) -> dict[str, dict[str, IssueForecast]]:
    """Every model's forecast of every issue that has a negotiation (:func:`accord.models.no_negotiation`
    names the others); the scenario is used exactly as given, so an unedited scenario reproduces the
    store's forecasts to the last bit."""
    return {name: forecast_with(model, scenario) for name, model in registered().items()}


def notes(scenario: Scenario) -> dict[str, str]:
    """Issue -> why it has no forecast (fewer than two actors hold a position)."""
    return no_negotiation(scenario)


def intervals_all(
    scenario: Scenario, draws: int = WHATIF_DRAWS, seed: int | None = None
) -> dict[str, dict[str, Interval]]:
    """Every model's 80 % Monte Carlo interval per issue, with the setting `seed` (unless given): the same
    scenario gives the same intervals, so an unedited what-if reproduces the page's."""
    if draws <= 0 or not scenario.stances:
        return {}
    seed = int(settings.get("seed")) if seed is None else seed
    simulated = simulate(scenario, list(registered()), draws=draws, seed=seed, top=0)
    return {
        name: {issue: Interval(low=r.p10, high=r.p90) for issue, r in by_issue.items()}
        for name, by_issue in simulated.items()
    }


def over_limit(scenario: Scenario, draws: int, max_work: int = MAX_WORK) -> dict[str, str] | None:
    """What a what-if asks for beyond the limits, as the fields of error A608; None within them."""
    actors, issues = len(scenario.actors), len(scenario.issues)
    checks = [
        ("actors", actors, MAX_ACTORS, "send fewer actors"),
        (f"{actors} actors x {issues} issues", actors * issues, MAX_CELLS, "send fewer actors or issues"),
        (
            f"{actors} actors x {issues} issues x {draws} draws",
            actors * issues * draws,
            max_work,
            "send fewer draws, actors or issues",
        ),
    ]
    for what, work, limit, advice in checks:
        if work > limit:
            return {"what": what, "work": f"{work:,}", "limit": f"{limit:,}", "advice": advice}
    return None


Forecasts = dict[str, dict[str, IssueForecast]]
Intervals = dict[str, dict[str, Interval]]


def _finite(forecasts: Forecasts, intervals: Intervals) -> None:
    """Refuse (ValueError) a forecast or interval that is not a finite number: extreme inputs (a
    capability of 1e308) can overflow a model's arithmetic without an exception."""
    for model, by_issue in forecasts.items():
        for issue, forecast in by_issue.items():
            if not math.isfinite(forecast.value) or not all(map(math.isfinite, forecast.history or [])):
                raise ValueError(f"{model} gives no finite forecast on {issue} (numbers out of range)")
    for model, bands in intervals.items():
        for issue, band in bands.items():
            if not (math.isfinite(band.low) and math.isfinite(band.high)):
                raise ValueError(f"{model} gives no finite interval on {issue} (numbers out of range)")


def compute(scenario: Scenario, draws: int, seed: int) -> tuple[Forecasts, Intervals]:
    """A what-if's numbers: every model's forecast and, with ``draws``, its interval. Run in a child
    process by the API (:mod:`accord.serve.isolate`); raises ValueError or ArithmeticError for a scenario
    the models cannot compute."""
    forecasts = forecast_all(scenario)
    intervals = intervals_all(scenario, draws, seed) if draws else {}
    _finite(forecasts, intervals)
    return forecasts, intervals


def store_intervals(engine: Engine, as_of: dt.date | None = None) -> dict[str, dict[str, Interval]]:
    """Every model's interval for the store's scenario, computed once per state of the store. Read only."""
    return cached(
        engine,
        ("whatif.intervals", as_of, WHATIF_DRAWS),
        lambda: intervals_all(store_scenario(engine, as_of, copy=False)),
    )


def store_forecasts(engine: Engine, as_of: dt.date | None = None) -> dict[str, dict[str, IssueForecast]]:
    """Every model's forecast of the store's scenario, computed once per state of the store.
    Shared between requests: read only."""
    return cached(
        engine, ("whatif.forecasts", as_of), lambda: forecast_all(store_scenario(engine, as_of, copy=False))
    )


def models() -> list[ModelInfo]:
    return [ModelInfo(name=m.name, description=m.description) for m in registered().values()]
