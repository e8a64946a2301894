"""Backtests on the DEU issues with an outcome.

The default protocol (``backtest_cv``, issue 14): K-fold cross-validation **grouped by proposal** (the
issues of one legislative proposal are never split between training and test), repeated with several
seeds. Every free parameter (``TUNABLE``) is chosen inside the training folds only, by the rule written
next to it; the held-out fold is scored with the setting chosen without it. Figures: MAE, RMSE, median
absolute error and hit rate (|error| <= 10) of the out-of-fold forecasts, averaged over the repetitions;
the MAE difference against the compromise model with a 95 % interval from a bootstrap that resamples
**proposals** (clustered), on the per-issue errors averaged over the repetitions. Beside it, leave one
wave out: choose on two DEU waves, score on the third.

``backtest_deu`` keeps the earlier fixed split (DEU I + II / DEU III) with every model at its registered
setting and an issue-level bootstrap; ``accord backtest --protocol fixed`` prints it.

The exchange model negotiates the issues of one proposal together (proposals are its bundles).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import product
from pathlib import Path

import numpy as np

from accord.errors import AccordError, Errors
from accord.models.base import Array, Batch, BoolArray, Model, aligned_batch, is_linked, to_batch
from accord.models.compromise import Compromise
from accord.models.qualified_majority import QualifiedMajority
from accord.models.registry import MODELS, get_model
from accord.models.snap import SnapToMedian
from accord.models.tabled_position import TabledPosition
from accord.models.weighted_median import WeightedMedian
from accord.scenario.importers.deu import Capability, DeuIssue, import_deu
from accord.scenario.model import Scenario

HIT_THRESHOLD = 10.0
AIM_HIT_RATE = 0.41
BASELINE = "compromise"
SPLITS = {"all": ("I", "II", "III"), "tune (DEU I+II)": ("I", "II"), "test (DEU III)": ("III",)}
FOLDS, REPEATS = 10, 5
BLEND = "blend"  # the pre-registered combination (docs/models.md)


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
    diff_low: float  # bootstrap 95 % interval of that difference
    diff_high: float
    chosen: str = ""  # cross-validation: the settings chosen in the training folds, most frequent first


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


def scored_issues(issues: list[DeuIssue]) -> list[DeuIssue]:
    return [i for i in issues if i.scenario.issues[0].outcome is not None and i.scenario.stances]


def linked_forecasts(model: Model, scored: list[DeuIssue]) -> Array:
    """A linked model's forecasts, each proposal's scored issues negotiated together."""
    out = np.full(len(scored), np.nan)
    rows_of: dict[str, list[int]] = {}
    for row, issue in enumerate(scored):
        rows_of.setdefault(issue.proposal, []).append(row)
    for rows in rows_of.values():
        members = [scored[r] for r in rows]
        scenario = Scenario(
            name=members[0].proposal,
            issues=[m.scenario.issues[0] for m in members],
            actors=list({a.id: a for m in members for a in m.scenario.actors}.values()),
            stances=[st for m in members for st in m.scenario.stances],
        )
        batch = aligned_batch(scenario)
        out[rows] = model.run(batch.x, batch.s, batch.c, batch.mask, batch.ref).value
    return out


def run_model(model: Model, batch: Batch, scored: list[DeuIssue]) -> Array:
    if is_linked(model):
        return linked_forecasts(model, scored)
    return model.run(batch.x, batch.s, batch.c, batch.mask, batch.ref).value


def deu_forecasts(
    issues: list[DeuIssue], model_names: list[str]
) -> tuple[list[DeuIssue], Array, dict[str, Array]]:
    """(scored issues, outcomes, model -> forecasts) for the issues with an outcome and a coded actor."""
    scored = scored_issues(issues)
    if not scored:
        return [], np.zeros(0), {name: np.zeros(0) for name in model_names}
    batch = stack([to_batch(i.scenario) for i in scored])
    outcomes = np.array([i.scenario.issues[0].outcome for i in scored], dtype=np.float64)
    forecasts = {name: run_model(get_model(name), batch, scored) for name in model_names}
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
    """The fixed split (DEU I + II / DEU III), every model at its registered setting."""
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


# --- Cross-validation -------------------------------------------------------------------------------

# A selection rule: (candidate forecasts on the training rows (settings × rows), outcomes) -> index.
Rule = Callable[[Array, Array], int]


def lowest_mae(candidates: Array, outcomes: Array) -> int:
    return int(np.argmin(np.abs(candidates - outcomes).mean(axis=1)))


def tabled_rule(candidates: Array, outcomes: Array) -> int:
    """The rule `tabled` was always chosen by: the lowest MAE among the settings whose hit rate reaches
    0.41, else the highest hit rate."""
    error = np.abs(candidates - outcomes)
    mae, hit = error.mean(axis=1), (error <= HIT_THRESHOLD).mean(axis=1)
    if (hit >= AIM_HIT_RATE).any():
        return int(np.argmin(np.where(hit >= AIM_HIT_RATE, mae, np.inf)))
    return int(np.argmax(hit))


@dataclass(frozen=True)
class Tunable:
    labels: list[str]
    build: list[Model]
    rule: Rule


def _tunables() -> dict[str, Tunable]:
    reaches = [float(r) for r in range(5, 55, 5)]
    tabled = [(r, w) for r in reaches for w in (True, False)]
    return {
        "tabled": Tunable(
            [f"reach {r:g}{' +rp' if w else ''}" for r, w in tabled],
            [TabledPosition(reach=r, with_reference=w) for r, w in tabled],
            tabled_rule,
        ),
        "snap": Tunable(
            [f"reach {r:g}" for r in reaches[:8]], [SnapToMedian(reach=r) for r in reaches[:8]], lowest_mae
        ),
        "qualified_majority": Tunable(
            [f"quota {q:g}" for q in (0.5, 0.6, 0.71, 0.8)],
            [QualifiedMajority(quota=q) for q in (0.5, 0.6, 0.71, 0.8)],
            lowest_mae,
        ),
    }


TUNABLE = _tunables()
# The pre-registered blend's weights (compromise, median, tabled): every point of the simplex in steps of 0.1.
BLEND_WEIGHTS = [(a / 10, b / 10, (10 - a - b) / 10) for a, b in product(range(11), range(11)) if a + b <= 10]


@dataclass
class CvData:
    scored: list[DeuIssue]
    outcomes: Array
    proposals: Array  # (N,) proposal index
    waves: Array
    fixed: dict[str, Array]  # model -> forecasts (models without free parameters)
    grids: dict[str, Array]  # model -> (settings, N) forecasts


def cv_data(path: Path | str, capability: Capability, model_names: list[str]) -> CvData:
    scored = scored_issues(import_deu(path, capability))
    if not scored:
        raise AccordError(Errors.A404, path=path, reason="no issue has both an outcome and a coded actor")
    batch = stack([to_batch(i.scenario) for i in scored])
    outcomes = np.array([i.scenario.issues[0].outcome for i in scored], dtype=np.float64)
    names = sorted({i.proposal for i in scored})
    index = {p: k for k, p in enumerate(names)}
    proposals = np.array([index[i.proposal] for i in scored])
    fixed: dict[str, Array] = {}
    grids: dict[str, Array] = {}
    needed = set(model_names) | ({"median", "tabled"} if BLEND in model_names else set())
    for name in needed | {BASELINE}:
        if name == BLEND:
            continue
        if name in TUNABLE:
            grids[name] = np.stack([run_model(m, batch, scored) for m in TUNABLE[name].build])
        else:
            fixed[name] = run_model(get_model(name), batch, scored)
    if BLEND in model_names:
        fixed.setdefault(BASELINE, Compromise().run(batch.x, batch.s, batch.c, batch.mask, batch.ref).value)
        fixed.setdefault(
            "median", WeightedMedian().run(batch.x, batch.s, batch.c, batch.mask, batch.ref).value
        )
    waves = np.array([i.wave for i in scored])
    return CvData(scored, outcomes, proposals, waves, fixed, grids)


def fit_predict(data: CvData, name: str, train: BoolArray, test: BoolArray) -> tuple[Array, str]:
    """Forecasts on ``test`` with every free parameter chosen on ``train`` only; the chosen setting."""
    y = data.outcomes
    if name in data.fixed:
        return data.fixed[name][test], ""
    if name in TUNABLE:
        grid = data.grids[name]
        pick = TUNABLE[name].rule(grid[:, train], y[train])
        return grid[pick, test], TUNABLE[name].labels[pick]
    if name == BLEND:
        tabled = data.grids["tabled"]
        pick = tabled_rule(tabled[:, train], y[train])  # tabled's own setting, inside the fold
        parts = np.stack([data.fixed[BASELINE], data.fixed["median"], tabled[pick]])
        weights = np.array(BLEND_WEIGHTS)
        blends = weights @ parts  # (weights, N)
        best = lowest_mae(blends[:, train], y[train])
        a, b, c = BLEND_WEIGHTS[best]
        return blends[best, test], f"{a:g}/{b:g}/{c:g} ({TUNABLE['tabled'].labels[pick]})"
    raise AccordError(Errors.A403, name=name, choices=", ".join([*MODELS, BLEND]))


def grouped_folds(proposals: Array, folds: int, rng: np.random.Generator) -> Array:
    """Fold index per issue: proposals shuffled and dealt round-robin into ``folds`` groups."""
    order = rng.permutation(int(proposals.max()) + 1)
    fold_of = np.empty_like(order)
    fold_of[order] = np.arange(len(order)) % folds
    return np.asarray(fold_of[proposals])


def clustered_interval(
    error: Array, base: Array, proposals: Array, rng: np.random.Generator, resamples: int
) -> tuple[float, float]:
    """95 % interval of MAE(error) - MAE(base) from a bootstrap over proposals."""
    groups = int(proposals.max()) + 1
    diff_sum = np.bincount(proposals, np.abs(error) - np.abs(base), minlength=groups)
    count = np.bincount(proposals, minlength=groups).astype(np.float64)
    present = np.flatnonzero(count > 0)
    picks = present[rng.integers(0, len(present), size=(resamples, len(present)))]
    diffs = diff_sum[picks].sum(axis=1) / count[picks].sum(axis=1)
    return float(np.quantile(diffs, 0.025)), float(np.quantile(diffs, 0.975))


def _summary(
    split: str, name: str, errors: list[Array], base: Array, proposals: Array, seed: int, resamples: int
) -> Score:
    """Figures averaged over repetitions; the interval on the per-issue errors averaged over them."""
    stacked = np.abs(np.stack(errors))
    mean_error = stacked.mean(axis=0)
    low, high = clustered_interval(mean_error, base, proposals, np.random.default_rng(seed), resamples)
    return Score(
        split=split,
        model=name,
        n=stacked.shape[1],
        mae=float(stacked.mean()),
        rmse=float(np.sqrt((stacked**2).mean(axis=1)).mean()),
        median_ae=float(np.median(stacked, axis=1).mean()),
        hit_rate=float((stacked <= HIT_THRESHOLD).mean()),
        mae_diff=float(mean_error.mean() - np.abs(base).mean()),
        diff_low=low,
        diff_high=high,
    )


def backtest_cv(
    path: Path | str,
    capability: Capability = "votes",
    model_names: list[str] | None = None,
    seed: int = 20220310,
    folds: int = FOLDS,
    repeats: int = REPEATS,
    resamples: int = 2000,
) -> list[Score]:
    """Nested, proposal-grouped K-fold cross-validation (split ``cv``), then leave one wave out."""
    names = model_names or [*MODELS, BLEND]
    if BASELINE not in names:
        names = [BASELINE, *names]
    data = cv_data(path, capability, names)
    y, n = data.outcomes, len(data.outcomes)
    errors: dict[str, list[Array]] = {name: [] for name in names}
    chosen: dict[str, dict[str, int]] = {name: {} for name in names}
    for repeat in range(repeats):
        fold = grouped_folds(data.proposals, folds, np.random.default_rng(seed + repeat))
        for name in names:
            out = np.full(n, np.nan)
            for k in range(folds):
                test = fold == k
                forecast, label = fit_predict(data, name, ~test, test)
                out[test] = forecast
                if label:
                    chosen[name][label] = chosen[name].get(label, 0) + 1
            errors[name].append(out - y)
    base = np.abs(np.stack(errors[BASELINE])).mean(axis=0)
    results = []
    for name in names:
        result = _summary("cv", name, errors[name], base, data.proposals, seed, resamples)
        top = sorted(chosen[name].items(), key=lambda kv: -kv[1])[:3]
        label = ", ".join(f"{lab} ×{count}" for lab, count in top)
        results.append(Score(**{**result.__dict__, "chosen": label}))
    for wave in ("I", "II", "III"):
        test = data.waves == wave
        if not test.any() or test.all():
            continue
        base_error = np.abs(fit_predict(data, BASELINE, ~test, test)[0] - y[test])
        for name in names:
            forecast, label = fit_predict(data, name, ~test, test)
            result = _summary(
                f"leave out DEU {wave}",
                name,
                [forecast - y[test]],
                base_error,
                data.proposals[test],
                seed,
                resamples,
            )
            results.append(Score(**{**result.__dict__, "chosen": label}))
    return results
