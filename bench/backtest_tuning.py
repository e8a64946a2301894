"""The tune-half search behind the DEU models' parameters: every grid scored on DEU I + II only.

    .venv/bin/python bench/backtest_tuning.py [path/to/deu3_blksv.tsv]

Prints, for each idea, its grid on the tune half (MAE, hit rate, Δ MAE against the compromise model measured
in the same run) and the value its rule picks; then the picked settings on tune, test and all with the
paired bootstrap interval of Δ MAE, exactly as ``accord backtest deu`` scores them. The rules are fixed
here, before the test half is scored, and read only tune-half numbers:

- ``tabled`` (reach, with_reference): the lowest tune MAE among the settings whose tune hit rate reaches
  the expected-utility aim of 0.41; if none does, the highest hit rate.
- ``qualified_majority`` (quota): the lowest tune MAE.
- ``procedure-aware`` weights (Parliament's factor under consultation, Commission's factor): lowest tune MAE.
- two-stage mean / median (switch to the median when the share of weight within ``band`` of the mean is
  below ``threshold``; threshold 0 never switches): lowest tune MAE.
- ``expected_utility_rp``: Q = 0.7 is taken from the other team's reconstruction, not tuned; the Q grid is
  printed for information.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

from accord.models.backtest import BASELINE, HIT_THRESHOLD, score, stack
from accord.models.base import Array, Batch, BoolArray, to_batch, weights
from accord.models.compromise import Compromise
from accord.models.expected_utility import ExpectedUtility
from accord.models.qualified_majority import QualifiedMajority
from accord.models.registry import MODELS
from accord.models.tabled_position import TabledPosition
from accord.models.weighted_median import weighted_median
from accord.scenario.importers.deu import DeuIssue, import_deu

DEFAULT = Path(__file__).resolve().parents[1] / "data/negotiation/deu/deu3_blksv.tsv"
AIM_HIT_RATE = 0.41
SEED, RESAMPLES = 20220310, 2000

Forecaster = Callable[[Batch], Array]


def load(path: Path) -> tuple[list[DeuIssue], Batch, Array, BoolArray, Array]:
    issues = import_deu(path, "votes")
    scored = [i for i in issues if i.scenario.issues[0].outcome is not None and i.scenario.stances]
    batch = stack([to_batch(i.scenario) for i in scored])
    outcomes = np.array([i.scenario.issues[0].outcome for i in scored], dtype=np.float64)
    waves = np.array([i.wave for i in scored])
    return scored, batch, outcomes, np.isin(waves, ["I", "II"]), waves


def mae_hit(forecast: Array, outcomes: Array, rows: BoolArray) -> tuple[float, float]:
    error = np.abs(forecast[rows] - outcomes[rows])
    return float(error.mean()), float((error <= HIT_THRESHOLD).mean())


def compromise(batch: Batch) -> Array:
    return Compromise().run(batch.x, batch.s, batch.c, batch.mask, batch.ref).value


def procedure_weighted(scored: list[DeuIssue], ep_consultation: float, commission: float) -> Forecaster:
    """Compromise with the Parliament's capability scaled under consultation and the Commission's always."""

    def run(batch: Batch) -> Array:
        factor = np.ones_like(batch.c)
        for row, (issue, actors) in enumerate(zip(scored, batch.actors, strict=True)):
            for col, actor in enumerate(actors):
                if actor == "ep" and issue.procedure == "CNS":
                    factor[row, col] = ep_consultation
                elif actor == "com":
                    factor[row, col] = commission
        return Compromise().run(batch.x, batch.s, batch.c * factor, batch.mask, batch.ref).value

    return run


def two_stage(band: float, threshold: float) -> Forecaster:
    """The weighted median where little weight lies near the weighted mean (a split field), else the mean."""

    def run(batch: Batch) -> Array:
        mean = compromise(batch)
        w = weights(batch.s, batch.c, batch.mask)
        near = np.where(np.abs(batch.x - mean[:, None]) <= band, w, 0.0).sum(-1) / w.sum(-1)
        median = weighted_median(np.where(batch.mask, batch.x, np.inf), w)
        return np.where(near < threshold, median, mean)

    return run


def grid(
    title: str, settings: list[tuple[str, Forecaster]], batch: Batch, outcomes: Array, tune: BoolArray
) -> dict[str, tuple[float, float]]:
    base_mae, base_hit = mae_hit(compromise(batch), outcomes, tune)
    print(f"\n{title} (tune half, n = {int(tune.sum())}; compromise MAE {base_mae:.2f}, hit {base_hit:.3f})")
    print(f"  {'setting':34s} {'MAE':>6s} {'hit':>6s} {'Δ MAE':>7s}")
    found = {}
    for label, run in settings:
        mae, hit = mae_hit(run(batch), outcomes, tune)
        found[label] = (mae, hit)
        print(f"  {label:34s} {mae:6.2f} {hit:6.3f} {mae - base_mae:+7.2f}")
    return found


def pick_tabled(found: dict[str, tuple[float, float]]) -> str:
    reaching = {k: v for k, v in found.items() if v[1] >= AIM_HIT_RATE}
    return lowest_mae(reaching) if reaching else max(found, key=lambda k: found[k][1])


def tabled_stability(
    settings: list[tuple[str, float, bool]],
    make: Callable[[float, bool], Forecaster],
    batch: Batch,
    outcomes: Array,
    waves: Array,
) -> None:
    """The same rule applied inside the tune half: pick on DEU I, score on DEU II, and the other way round."""
    runs = {label: make(reach, flag)(batch) for label, reach, flag in settings}
    base = compromise(batch)
    for inner, outer in (("I", "II"), ("II", "I")):
        rows_in, rows_out = waves == inner, waves == outer
        pick = pick_tabled({label: mae_hit(f, outcomes, rows_in) for label, f in runs.items()})
        mae, hit = mae_hit(runs[pick], outcomes, rows_out)
        base_mae, base_hit = mae_hit(base, outcomes, rows_out)
        print(
            f"  picked on DEU {inner}: {pick}; on DEU {outer} MAE {mae:.2f} (compromise {base_mae:.2f}), "
            f"hit {hit:.3f} (compromise {base_hit:.3f})"
        )


def lowest_mae(found: dict[str, tuple[float, float]]) -> str:
    return min(found, key=lambda k: found[k][0])


def main(path: Path) -> None:
    scored, batch, outcomes, tune, waves = load(path)
    args = (batch, outcomes, tune)

    tabled_settings = [
        (f"reach={reach:g} with_reference={flag}", reach, flag)
        for flag in (False, True)
        for reach in (5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 35.0, 40.0, 50.0)
    ]

    def tabled_run(reach: float, flag: bool) -> Forecaster:
        model = TabledPosition(reach=reach, with_reference=flag)
        return lambda b: model.run(b.x, b.s, b.c, b.mask, b.ref).value

    found = grid("tabled", [(label, tabled_run(r, f)) for label, r, f in tabled_settings], *args)
    pick = pick_tabled(found)
    print(f"  picked: {pick} (lowest tune MAE with tune hit >= {AIM_HIT_RATE})")
    tabled_stability(tabled_settings, tabled_run, batch, outcomes, waves)

    def quota_run(quota: float) -> Forecaster:
        model = QualifiedMajority(quota)
        return lambda b: model.run(b.x, b.s, b.c, b.mask, b.ref).value

    found = grid("qualified_majority", [(f"quota={q:g}", quota_run(q)) for q in (0.5, 0.6, 0.71, 0.8)], *args)
    print(f"  picked: {lowest_mae(found)} (lowest tune MAE)")

    procedure = [
        (f"ep_consultation={ep:g} commission={com:g}", procedure_weighted(scored, ep, com))
        for ep in (0.0, 0.5, 1.0)
        for com in (0.5, 1.0, 2.0)
    ]
    found = grid("procedure-aware compromise", procedure, *args)
    print(f"  picked: {lowest_mae(found)} (lowest tune MAE; factors 1 and 1 are the compromise model)")

    stages = [("threshold=0 (never the median)", two_stage(10.0, 0.0))] + [
        (f"band={band:g} threshold={t:g}", two_stage(band, t))
        for band in (10.0, 20.0)
        for t in (0.1, 0.2, 0.3)
    ]
    found = grid("two-stage mean / median", stages, *args)
    print(f"  picked: {lowest_mae(found)} (lowest tune MAE)")

    def eu_run(q: float) -> Forecaster:
        model = ExpectedUtility(q=q, anchor="reference")
        return lambda b: model.run(b.x, b.s, b.c, b.mask, b.ref).value

    grid(
        "expected utility anchored on the reference point (Q not tuned)",
        [(f"q={q:g}", eu_run(q)) for q in (0.5, 0.7, 0.9)],
        *args,
    )

    print("\nRegistered models on every split (Δ MAE vs compromise, paired bootstrap 95 %):")
    forecasts = {
        name: model.run(batch.x, batch.s, batch.c, batch.mask, batch.ref).value
        for name, model in MODELS.items()
    }
    splits = {"all": np.ones_like(tune), "tune (DEU I+II)": tune, "test (DEU III)": ~tune}
    for split, rows in splits.items():
        base = forecasts[BASELINE][rows] - outcomes[rows]
        for name, values in forecasts.items():
            s = score(
                split, name, values[rows] - outcomes[rows], base, np.random.default_rng(SEED), RESAMPLES
            )
            print(
                f"  {split:16s} {name:20s} n={s.n:3d} MAE {s.mae:6.2f} hit {s.hit_rate:.3f} "
                f"Δ {s.mae_diff:+6.2f} [{s.diff_low:+.2f}, {s.diff_high:+.2f}]"
            )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
