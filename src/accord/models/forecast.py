"""Every model's forecast of a scenario: the one path the CLI, the report and the dashboard all take.

:func:`forecast_all` runs each model once on the scenario's issues that have a negotiation (the others get
the note of :func:`accord.models.no_negotiation`) and, with ``draws``, the Monte Carlo draws behind each
forecast's 80 % interval and the actors that move it (:mod:`accord.models.monte_carlo`). Callers only
choose how to round and show the numbers.
"""

from __future__ import annotations

import time

from pydantic import BaseModel, Field

from accord.models.base import IssueForecast, Model, forecast_with, no_negotiation
from accord.models.monte_carlo import DEFAULT_PERTURBATION, Perturbation, simulate
from accord.models.registry import MODELS, get_model
from accord.scenario.model import Scenario
from accord.settings import DEFAULTS


class Influence(BaseModel):
    """How much one actor's perturbed inputs move an issue's forecast across the Monte Carlo draws."""

    actor: str  # actor id
    share: float  # share of the forecast's explained variance attributed to this actor
    position: float  # correlation of the forecast with the actor's position noise
    salience: float
    capability: float


class Interval(BaseModel):
    """A forecast's Monte Carlo summary: median and 80 % interval (10th to 90th percentile)."""

    median: float
    p10: float
    p90: float
    draws: int
    influence: list[Influence] = Field(default_factory=list)  # the most influential actors first


class ModelForecast(BaseModel):
    """One model's forecasts, per issue with a negotiation."""

    name: str
    description: str
    forecasts: dict[str, IssueForecast]  # issue -> point forecast
    intervals: dict[str, Interval] = Field(default_factory=dict)  # issue -> interval, with draws only
    seconds: float = 0.0  # point forecasts and draws of this model


class ScenarioForecast(BaseModel):
    """Every model's forecast of one scenario; ``notes[issue]`` says why an issue has none."""

    scenario: str
    models: list[ModelForecast]
    notes: dict[str, str] = Field(default_factory=dict)
    draws: int = 0  # Monte Carlo draws asked for; 0: no intervals (nor where no issue is negotiated)
    seed: int | None = None
    seconds: float = 0.0  # everything, wall clock

    def model(self, name: str) -> ModelForecast:
        for found in self.models:
            if found.name == name:
                return found
        raise KeyError(name)

    def points(self) -> dict[str, dict[str, IssueForecast]]:
        """model -> issue -> point forecast."""
        return {m.name: m.forecasts for m in self.models}


def registered() -> dict[str, Model]:
    """Every registered model once, by its own name: a registry entry that is another name for a model
    already listed (several names for one expected-utility variant, say) is not run again."""
    distinct: dict[str, Model] = {}
    for model in MODELS.values():
        distinct.setdefault(model.name, model)
    return distinct


def forecast_all(
    scenario: Scenario,
    draws: int | None = 0,
    seed: int | None = None,
    models: list[str] | None = None,
    perturbation: Perturbation = DEFAULT_PERTURBATION,
) -> ScenarioForecast:
    """Every model's (or the named ``models``') forecast of every issue with a negotiation, and with
    ``draws`` > 0 its Monte Carlo interval and most influential actors. ``draws`` and ``seed`` None mean
    the declared defaults of the settings ``draws`` and ``seed``; ``perturbation`` is how far the draws
    move positions, saliences and capabilities. The scenario is used exactly as given, so the same
    scenario gives the same numbers to the last bit, whoever asks."""
    started = time.perf_counter()
    chosen = registered() if models is None else {name: get_model(name) for name in models}
    draws = DEFAULTS.draws if draws is None else draws
    seed = DEFAULTS.seed if seed is None else seed
    notes = no_negotiation(scenario)
    negotiated = len(notes) < len(scenario.issues)
    results: list[ModelForecast] = []
    for name, model in chosen.items():
        begun = time.perf_counter()
        points = forecast_with(model, scenario)
        intervals: dict[str, Interval] = {}
        if draws > 0 and negotiated:
            simulated = simulate(scenario, [name], draws=draws, seed=seed, perturbation=perturbation)[name]
            intervals = {
                issue: Interval(
                    median=r.median,
                    p10=r.p10,
                    p90=r.p90,
                    draws=r.draws,
                    influence=[Influence(**s.__dict__) for s in r.sensitivity],
                )
                for issue, r in simulated.items()
            }
        results.append(
            ModelForecast(
                name=name,
                description=model.description,
                forecasts=points,
                intervals=intervals,
                seconds=time.perf_counter() - begun,
            )
        )
    return ScenarioForecast(
        scenario=scenario.name,
        models=results,
        notes=notes,
        draws=draws,
        seed=seed,
        seconds=time.perf_counter() - started,
    )
