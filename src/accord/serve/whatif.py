"""Scenarios built from the store, and every model's forecast of a scenario (the what-if page's engine).

The store's scenario cells, scenario and forecasts as of a date are cached per state of the store
(:mod:`accord.serve.cache`), so a page or a what-if round trip only pays for what it draws.
"""

from __future__ import annotations

import datetime as dt

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


def intervals_all(scenario: Scenario, draws: int = WHATIF_DRAWS) -> dict[str, dict[str, Interval]]:
    """Every model's 80 % Monte Carlo interval per issue, with the setting `seed`: the same scenario gives
    the same intervals, so an unedited what-if reproduces the page's."""
    if draws <= 0 or not scenario.stances:
        return {}
    seed = int(settings.get("seed"))
    simulated = simulate(scenario, list(registered()), draws=draws, seed=seed, top=0)
    return {
        name: {issue: Interval(low=r.p10, high=r.p90) for issue, r in by_issue.items()}
        for name, by_issue in simulated.items()
    }


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
