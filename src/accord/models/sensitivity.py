"""Which actors move a forecast: each actor left out, its position hardened, its capability doubled.

The hardened position moves the actor ``shift`` points away from the forecast (an actor on the forecast:
toward the end of the scale it is on), i.e. toward a harder line. Each issue is forecast on its own (its
stances and their actors only), so an actor's change shows on that issue alone. With draws, each row also
gets the share of the forecast's Monte Carlo variance the actor's inputs explain
(:mod:`accord.models.monte_carlo`; its top five actors per issue). A caller that has already drawn every
model's forecast (:func:`accord.models.forecast_all`) passes it, and the shares come from those draws
instead of drawing the model's Monte Carlo a second time.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from accord.models.base import no_negotiation
from accord.models.forecast import ScenarioForecast, forecast_all
from accord.models.monte_carlo import DEFAULT_PERTURBATION, Perturbation
from accord.models.registry import forecast
from accord.scenario.model import Scenario

# Unless told otherwise, `sensitivity` forecasts with this model and hardens a position by this many points.
DEFAULT_MODEL = "compromise"
DEFAULT_SHIFT = 20.0


class ActorEffect(BaseModel):
    """One actor's effect on one issue's forecast."""

    issue: str
    actor: str  # actor id
    name: str  # actor name
    baseline: float  # the forecast as the scenario stands
    without: float | None  # with the actor left out; None when that leaves no negotiation
    shifted: float  # with the actor's position moved to ``harder``
    doubled: float  # with the actor's capability doubled
    position: float  # the actor's position
    harder: float  # the actor's position after taking the harder line
    share: float | None = None  # Monte Carlo variance share, for the issue's most influential actors


class SensitivityAnalysis(BaseModel):
    model: str
    shift: float
    effects: list[ActorEffect]  # in scenario order: issue by issue, the issue's stances in order
    notes: dict[str, str] = Field(default_factory=dict)  # issues left out: no negotiation to perturb
    draws: int = 0


def _issue_scenario(scenario: Scenario, issue_id: str) -> Scenario:
    stances = scenario.stances_on(issue_id)
    ids = {s.actor for s in stances}
    return scenario.model_copy(
        update={
            "issues": [scenario.issue(issue_id)],
            "actors": [a for a in scenario.actors if a.id in ids],
            "stances": stances,
        }
    )


def _hardened(position: float, baseline: float, shift: float) -> float:
    """The position ``shift`` points away from the forecast; on the forecast, toward the end it is on."""
    gap = position - baseline
    lean = gap if abs(gap) > 1e-9 else position - 50.0
    direction = -1.0 if lean < 0 else 1.0
    return min(100.0, max(0.0, position + direction * shift))


def sensitivity(
    scenario: Scenario,
    model: str = DEFAULT_MODEL,
    shift: float = DEFAULT_SHIFT,
    draws: int | None = None,
    seed: int | None = None,
    perturbation: Perturbation = DEFAULT_PERTURBATION,
    drawn: ScenarioForecast | None = None,
) -> SensitivityAnalysis:
    """Every actor's effect on every negotiated issue's forecast under ``model`` (see the module).
    ``drawn``: this scenario's forecast already made with ``model`` among its models; its draws give the
    shares (``draws``, ``seed`` and ``perturbation`` are then those it was made with, and not used)."""
    notes = no_negotiation(scenario)
    result = drawn if drawn is not None else forecast_all(scenario, draws, seed, [model], perturbation)
    if result.scenario != scenario.name:
        raise ValueError(f"the forecast given is of scenario '{result.scenario}', not '{scenario.name}'")
    simulated = result.model(model)
    shares = {
        (issue, item.actor): item.share
        for issue, interval in simulated.intervals.items()
        for item in interval.influence
    }
    effects: list[ActorEffect] = []
    for issue in scenario.issues:
        if issue.id in notes:
            continue  # no negotiation, no forecast to move
        base = _issue_scenario(scenario, issue.id)
        baseline = forecast(base, model)[issue.id].value
        for stance in base.stances:
            others = [s for s in base.stances if s.actor != stance.actor]
            left_out = base.model_copy(
                update={"stances": others, "actors": [a for a in base.actors if a.id != stance.actor]}
            )
            # Left out, the issue may keep a single party: then nothing is negotiated, no forecast.
            without = forecast(left_out, model).get(issue.id)
            harder = _hardened(stance.position, baseline, shift)
            hardened = [
                s.model_copy(update={"position": harder}) if s.actor == stance.actor else s
                for s in base.stances
            ]
            shifted = forecast(base.model_copy(update={"stances": hardened}), model)[issue.id].value
            doubled_actors = [
                a.model_copy(update={"capability": a.capability * 2}) if a.id == stance.actor else a
                for a in base.actors
            ]
            doubled = forecast(base.model_copy(update={"actors": doubled_actors}), model)[issue.id].value
            effects.append(
                ActorEffect(
                    issue=issue.id,
                    actor=stance.actor,
                    name=scenario.actor(stance.actor).name,
                    baseline=baseline,
                    without=None if without is None else without.value,
                    shifted=shifted,
                    doubled=doubled,
                    position=stance.position,
                    harder=harder,
                    share=shares.get((issue.id, stance.actor)),
                )
            )
    return SensitivityAnalysis(model=model, shift=shift, effects=effects, notes=notes, draws=result.draws)
