"""Backtests: every model on the DEU issues with an outcome, scored per split with a paired bootstrap.

The split is fixed in advance: DEU I + II (introduced up to 2010) to tune, DEU III (from 2011) to test.
Nothing is tuned on the full set. The bootstrap resamples issues with a fixed seed, so reruns agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from accord.errors import AccordError, Errors
from accord.models.base import Array, Batch, to_batch
from accord.models.registry import MODELS, get_model
from accord.scenario.importers.deu import Capability, DeuIssue, import_deu

HIT_THRESHOLD = 10.0
BASELINE = "compromise"
SPLITS = {"all": ("I", "II", "III"), "tune (DEU I+II)": ("I", "II"), "test (DEU III)": ("III",)}


@dataclass(frozen=True)
class Score:
    split: str
    model: str
    n: int
    mae: float
    rmse: float
    median_ae: float
    hit_rate: float
    mae_diff: float  # model MAE minus the baseline's MAE (negative: better than the baseline)
    diff_low: float  # paired bootstrap 95 % interval of that difference
    diff_high: float


def stack(batches: list[Batch]) -> Batch:
    """One padded batch from several single-issue batches."""
    width = max(b.x.shape[1] for b in batches)

    def pad(values: Array, fill: float) -> Array:
        return np.pad(values, ((0, 0), (0, width - values.shape[1])), constant_values=fill)

    return Batch(
        issues=[i for b in batches for i in b.issues],
        actors=[a for b in batches for a in b.actors],
        x=np.vstack([pad(b.x, 0.0) for b in batches]),
        s=np.vstack([pad(b.s, 0.0) for b in batches]),
        c=np.vstack([pad(b.c, 0.0) for b in batches]),
        mask=np.vstack([np.pad(b.mask, ((0, 0), (0, width - b.mask.shape[1]))) for b in batches]),
        ref=np.concatenate([b.ref for b in batches]),
        uncertainty=np.vstack([pad(b.uncertainty, np.nan) for b in batches]),
    )


def deu_forecasts(
    issues: list[DeuIssue], model_names: list[str]
) -> tuple[list[DeuIssue], Array, dict[str, Array]]:
    """(scored issues, outcomes, model -> forecasts) for the issues with an outcome and a coded actor."""
    scored = [i for i in issues if i.scenario.issues[0].outcome is not None and i.scenario.stances]
    if not scored:
        return [], np.zeros(0), {name: np.zeros(0) for name in model_names}
    batch = stack([to_batch(i.scenario) for i in scored])
    outcomes = np.array([i.scenario.issues[0].outcome for i in scored], dtype=np.float64)
    forecasts = {}
    for name in model_names:
        forecasts[name] = get_model(name).run(batch.x, batch.s, batch.c, batch.mask, batch.ref).value
    return scored, outcomes, forecasts


def score(
    split: str, model: str, errors: Array, baseline: Array, rng: np.random.Generator, resamples: int
) -> Score:
    absolute, base = np.abs(errors), np.abs(baseline)
    n = len(absolute)
    picks = rng.integers(0, n, size=(resamples, n))
    diffs = absolute[picks].mean(axis=1) - base[picks].mean(axis=1)
    return Score(
        split=split,
        model=model,
        n=n,
        mae=float(absolute.mean()),
        rmse=float(np.sqrt((absolute**2).mean())),
        median_ae=float(np.median(absolute)),
        hit_rate=float((absolute <= HIT_THRESHOLD).mean()),
        mae_diff=float(absolute.mean() - base.mean()),
        diff_low=float(np.quantile(diffs, 0.025)),
        diff_high=float(np.quantile(diffs, 0.975)),
    )


def backtest_deu(
    path: Path | str,
    capability: Capability = "votes",
    model_names: list[str] | None = None,
    seed: int = 20220310,
    resamples: int = 2000,
) -> list[Score]:
    names = model_names or list(MODELS)
    if BASELINE not in names:
        names = [BASELINE, *names]
    issues = import_deu(path, capability)
    scored, outcomes, forecasts = deu_forecasts(issues, names)
    if not scored:
        raise AccordError(Errors.A404, path=path, reason="no issue has both an outcome and a coded actor")
    waves = np.array([i.wave for i in scored])
    results = []
    for split, members in SPLITS.items():
        chosen = np.isin(waves, members)
        if not chosen.any():
            continue
        base = forecasts[BASELINE][chosen] - outcomes[chosen]
        for name in names:
            rng = np.random.default_rng(seed)  # the same resamples for every model: a paired comparison
            errors = forecasts[name][chosen] - outcomes[chosen]
            results.append(score(split, name, errors, base, rng, resamples))
    return results
