"""Scenarios built from the store, and every model's forecast of a scenario (the what-if page's engine).

The store's scenario cells, scenario and forecasts as of a date are cached per state of the store
(:mod:`accord.serve.cache`), so a page or a what-if round trip only pays for what it draws.
"""

from __future__ import annotations

import datetime as dt
import math

from pydantic import BaseModel
from sqlalchemy import Engine

from accord.models import IssueForecast, ScenarioForecast, forecast_all, registered
from accord.models.monte_carlo import DEFAULT_PERTURBATION, Perturbation
from accord.scenario.builder import Cell, build_cells, scenario_from_cells
from accord.scenario.model import Scenario
from accord.scenario.params import DEFAULT_PARAMS, ScenarioParams
from accord.serve.cache import cached
from accord.settings import DEFAULTS
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
    seconds: float  # the time the models took on this scenario (points and draws)
    notes: dict[str, str] = {}
    intervals: dict[str, dict[str, Interval]] = {}
    draws: int = 0


def store_cells(
    engine: Engine, as_of: dt.date | None = None, params: ScenarioParams = DEFAULT_PARAMS
) -> list[Cell]:
    """The scenario's actor × issue cells up to ``as_of``, rebuilt only when the store changed.
    Shared between requests: read them, copy before changing anything."""

    def build() -> list[Cell]:
        with session_scope(engine) as session:
            return build_cells(session, as_of, params=params)

    return cached(engine, ("whatif.cells", as_of, params), build)


def store_scenario(
    engine: Engine, as_of: dt.date | None = None, copy: bool = True, params: ScenarioParams = DEFAULT_PARAMS
) -> Scenario:
    """The scenario built from the store up to ``as_of``, rebuilt only when the store changed; a copy
    the caller may change, unless ``copy`` is False (then read it only)."""
    built = cached(
        engine,
        ("whatif.scenario", as_of, params),
        lambda: scenario_from_cells(store_cells(engine, as_of, params), as_of, params=params),
    )
    return built.model_copy(deep=True) if copy else built


def forecast_set(result: ScenarioForecast) -> ForecastSet:
    """The API's form of a scenario's forecast (:func:`accord.models.forecast_all`): points per model and
    issue, with draws their 80 % intervals, the notes of issues without a negotiation, and the seconds
    the models took."""
    intervals = {
        m.name: {issue: Interval(low=band.p10, high=band.p90) for issue, band in m.intervals.items()}
        for m in result.models
    }
    simulated = any(m.intervals for m in result.models)
    return ForecastSet(
        scenario=result.scenario,
        models=[ModelInfo(name=m.name, description=m.description) for m in result.models],
        forecasts=result.points(),
        seconds=round(result.seconds, 4),
        notes=result.notes,
        intervals=intervals if simulated else {},
        draws=result.draws if simulated else 0,
    )


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


def _finite(result: ScenarioForecast) -> None:
    """Refuse (ValueError) a forecast or interval that is not a finite number: extreme inputs (a
    capability of 1e308) can overflow a model's arithmetic without an exception."""
    for model in result.models:
        for issue, forecast in model.forecasts.items():
            if not math.isfinite(forecast.value) or not all(map(math.isfinite, forecast.history or [])):
                raise ValueError(f"{model.name} gives no finite forecast on {issue} (numbers out of range)")
        for issue, band in model.intervals.items():
            if not (math.isfinite(band.p10) and math.isfinite(band.p90)):
                raise ValueError(f"{model.name} gives no finite interval on {issue} (numbers out of range)")


def compute(
    scenario: Scenario, draws: int, seed: int, perturbation: Perturbation = DEFAULT_PERTURBATION
) -> ScenarioForecast:
    """A what-if's numbers: every model's forecast and, with ``draws``, its interval. Run in a child
    process by the API (:mod:`accord.serve.isolate`); raises ValueError or ArithmeticError for a scenario
    the models cannot compute."""
    result = forecast_all(scenario, draws, seed, perturbation=perturbation)
    _finite(result)
    return result


def store_forecast(
    engine: Engine,
    as_of: dt.date | None = None,
    draws: int = 0,
    seed: int = DEFAULTS.seed,
    params: ScenarioParams = DEFAULT_PARAMS,
    perturbation: Perturbation = DEFAULT_PERTURBATION,
) -> ScenarioForecast:
    """Every model's forecast of the store's scenario (with ``draws``, their intervals at ``seed``),
    computed once per state of the store. Shared between requests: read only."""

    def build() -> ScenarioForecast:
        scenario = store_scenario(engine, as_of, copy=False, params=params)
        return forecast_all(scenario, draws, seed, perturbation=perturbation)

    return cached(engine, ("whatif.forecast", as_of, draws, seed, params, perturbation), build)


def models() -> list[ModelInfo]:
    return [ModelInfo(name=m.name, description=m.description) for m in registered().values()]
