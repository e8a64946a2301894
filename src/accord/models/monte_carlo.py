"""Monte Carlo: forecasts under perturbed inputs, an 80 % interval, and which actors move the forecast.

Each draw perturbs every stance at once, vectorised over draws and issues:
- position: normal noise with the stance's ``uncertainty`` as standard deviation, else the setting
  ``default_uncertainty``; clipped to 0–100;
- salience: normal noise with standard deviation ``salience_uncertainty``; clipped to 0–1;
- capability: multiplied by a log-normal factor with log standard deviation ``capability_uncertainty``
  (one factor per actor and draw, shared by the actor's issues).

Sensitivity of an issue's forecast to an actor is the share of the forecast's variance its three noises
explain (squared correlations summed over position, salience and capability, then normalised over actors).

Each model's draws are logged (debug level, logger ``accord.models.monte_carlo``, the record's ``model`` and
``draws``): the draws are the costly part of a forecast, and the log shows (and tests check) that a
report draws each model once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np
from pydantic import BaseModel, ConfigDict

from accord.models.base import Array, Batch, BoolArray, aligned_batch, is_linked, negotiated_rows, to_batch
from accord.models.registry import get_model
from accord.scenario.model import Scenario
from accord.settings import DEFAULTS, Settings

LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sensitivity:
    actor: str
    share: float  # share of the explained variance attributed to this actor
    position: float  # correlation of the forecast with this actor's position noise
    salience: float
    capability: float


@dataclass(frozen=True)
class IssueUncertainty:
    issue: str
    model: str
    median: float
    p10: float
    p90: float
    draws: int
    sensitivity: list[Sensitivity] = field(default_factory=list)


class Perturbation(BaseModel):
    """How far Monte Carlo draws move each input: standard deviations of a position without a stated
    uncertainty (0-100 scale), of a salience (0-1) and of a log capability (the settings
    ``default_uncertainty``, ``salience_uncertainty`` and ``capability_uncertainty``)."""

    model_config = ConfigDict(frozen=True)

    position_sd: float = DEFAULTS.default_uncertainty
    salience_sd: float = DEFAULTS.salience_uncertainty
    capability_sd: float = DEFAULTS.capability_uncertainty

    @classmethod
    def of(cls, settings: Settings) -> Perturbation:
        return cls(
            position_sd=settings.default_uncertainty,
            salience_sd=settings.salience_uncertainty,
            capability_sd=settings.capability_uncertainty,
        )


DEFAULT_PERTURBATION = Perturbation()


def _correlation(noise: Array, forecast: Array) -> Array:
    """Correlation along axis 0 of noise ``(D, I, n)`` with forecast ``(D, I)``; 0 where one is constant."""
    a = noise - noise.mean(axis=0)
    b = forecast - forecast.mean(axis=0)
    num = (a * b[:, :, None]).sum(axis=0)
    den = np.sqrt((a**2).sum(axis=0) * (b**2).sum(axis=0)[:, None])
    return np.where(den > 1e-12, num / np.where(den > 1e-12, den, 1.0), 0.0)


def simulate(
    scenario: Scenario,
    model_names: list[str],
    draws: int | None = None,
    seed: int | None = None,
    top: int = 5,
    perturbation: Perturbation = DEFAULT_PERTURBATION,
) -> dict[str, dict[str, IssueUncertainty]]:
    """model -> issue -> forecast median, 10th and 90th percentile, and the most influential actors.
    ``draws`` and ``seed`` None: the settings' declared defaults."""
    draws = DEFAULTS.draws if draws is None else draws
    seed = DEFAULTS.seed if seed is None else seed
    sds = (perturbation.position_sd, perturbation.salience_sd, perturbation.capability_sd)
    out: dict[str, dict[str, IssueUncertainty]] = {}
    plain = [n for n in model_names if not is_linked(get_model(n))]
    linked = [n for n in model_names if is_linked(get_model(n))]
    for names, batch in ((plain, to_batch(scenario)), (linked, aligned_batch(scenario))):
        if names:
            out.update(_simulate(scenario, batch, names, draws, seed, top, sds))
    return {name: out[name] for name in model_names}


def _simulate(
    scenario: Scenario,
    batch: Batch,
    model_names: list[str],
    draws: int,
    seed: int,
    top: int,
    sds: tuple[float, float, float],
) -> dict[str, dict[str, IssueUncertainty]]:
    inputs = _perturb(scenario, batch, draws, seed, sds)
    out: dict[str, dict[str, IssueUncertainty]] = {}
    for name in model_names:
        LOG.debug("Monte Carlo: %d draws of %s", draws, name, extra={"model": name, "draws": draws})
        values = _run_draws(name, batch, inputs)
        out[name] = _uncertainties(batch, name, values, inputs.noises, top)
    return out


@dataclass(frozen=True)
class _Draws:
    """The perturbed inputs of every draw (draws × issues × actors) and the noises that made them."""

    x: Array
    s: Array
    c: Array
    mask: BoolArray
    ref: Array
    noises: tuple[Array, Array, Array]  # position, salience, capability


def _perturb(
    scenario: Scenario, batch: Batch, draws: int, seed: int, sds: tuple[float, float, float]
) -> _Draws:
    """``draws`` perturbed copies of the batch's inputs; see the module docstring for the noises."""
    pos_sd, sal_sd, cap_sd = sds
    rng = np.random.default_rng(seed)
    shape = (draws, *batch.x.shape)
    sigma = np.where(np.isnan(batch.uncertainty), pos_sd, batch.uncertainty)
    pos_noise = rng.standard_normal(shape) * sigma
    sal_noise = rng.standard_normal(shape) * sal_sd
    actor_index = {a.id: k for k, a in enumerate(scenario.actors)}
    per_actor = rng.standard_normal((draws, len(scenario.actors))) * cap_sd
    columns = np.zeros(batch.x.shape, dtype=np.int64)
    for row, actors in enumerate(batch.actors):
        columns[row, : len(actors)] = [actor_index[a] for a in actors]
    cap_noise = per_actor[:, columns]  # (D, I, n)
    return _Draws(
        x=np.clip(batch.x + pos_noise, 0.0, 100.0),
        s=np.clip(batch.s + sal_noise, 0.0, 1.0),
        c=batch.c * np.exp(cap_noise),
        mask=np.broadcast_to(batch.mask, shape),
        ref=np.broadcast_to(batch.ref, shape[:2]),
        noises=(pos_noise, sal_noise, cap_noise),
    )


def _run_draws(name: str, batch: Batch, inputs: _Draws) -> Array:
    """Model ``name``'s forecasts (draws × issues) on the perturbed inputs, all draws in one call."""
    draws = inputs.x.shape[0]
    n_issues, width = batch.x.shape
    flat = (draws * n_issues, width)
    x, s, c, mask = (a.reshape(flat) for a in (inputs.x, inputs.s, inputs.c, inputs.mask))
    model = get_model(name)
    flat_values: Array
    if is_linked(model):  # each draw is one negotiation of all the scenario's issues
        bundles = np.repeat(np.arange(draws), n_issues)
        flat_values = model.run_bundles(x, s, c, mask, bundles)  # type: ignore[attr-defined]
    else:
        flat_values = model.run(x, s, c, mask, inputs.ref.reshape(-1)).value
    return flat_values.reshape(draws, n_issues)


def _uncertainties(
    batch: Batch, name: str, values: Array, noises: tuple[Array, Array, Array], top: int
) -> dict[str, IssueUncertainty]:
    """Each negotiated issue's 80 % interval of ``values`` and the ``top`` actors that move it most."""
    draws = values.shape[0]
    corr = [_correlation(noise, values) for noise in noises]
    explained = sum(r**2 for r in corr) * batch.mask
    explained = np.where(batch.mask, explained, -1.0)  # absent actors (aligned columns) rank last
    per_issue: dict[str, IssueUncertainty] = {}
    for row in negotiated_rows(batch):
        issue_id = batch.issues[row]
        total = float(np.maximum(explained[row], 0.0).sum())
        order = np.argsort(-explained[row])[: min(top, int(batch.mask[row].sum()))]
        ranked = [
            Sensitivity(
                actor=batch.actors[row][k],
                share=float(explained[row, k] / total) if total > 0 else 0.0,
                position=float(corr[0][row, k]),
                salience=float(corr[1][row, k]),
                capability=float(corr[2][row, k]),
            )
            for k in order
        ]
        p10, p50, p90 = np.quantile(values[:, row], [0.1, 0.5, 0.9])
        per_issue[issue_id] = IssueUncertainty(
            issue_id, name, float(p50), float(p10), float(p90), draws, ranked
        )
    return per_issue
