"""Time the bargaining models under Monte Carlo-sized batches, against a baseline measured in the same run.

Run: ``.venv/bin/python bench/models.py``. Prints seconds and the ratio to the baseline (one vectorised
weighted mean over the same arrays, the cheapest thing any model must do). Targets on a 2-core machine:
compromise + median + Nash for 100 actors × 20 issues × 1,000 draws under 2 s together; the expected-utility
model for 30 actors × 10 rounds × 1,000 draws under 30 s. The exchange model (pure Python, sequential by
nature) is timed on the CoP21 case, 15 actors × 13 linked issues × 10 rounds, once and for 20 Monte Carlo
draws.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from accord.models.base import aligned_batch
from accord.models.expected_utility import ExpectedUtility
from accord.models.monte_carlo import simulate
from accord.models.registry import MODELS
from accord.scenario.importers.exchange import import_exchange
from accord.settings import load_settings


def _inputs(rng: np.random.Generator, rows: int, actors: int) -> tuple[np.ndarray, ...]:
    x = rng.uniform(0, 100, (rows, actors))
    s = rng.uniform(0.1, 1, (rows, actors))
    c = rng.uniform(0.1, 10, (rows, actors))
    mask = np.ones((rows, actors), dtype=bool)
    ref = rng.uniform(0, 100, rows)
    return x, s, c, mask, ref


def _time(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    rng = np.random.default_rng(load_settings().seed)
    x, s, c, mask, ref = _inputs(rng, 20 * 1000, 100)
    baseline = _time(lambda: (c * s * x).sum(axis=1) / (c * s).sum(axis=1))
    print(f"baseline weighted mean, 100 actors x 20 issues x 1000 draws: {baseline:.4f} s")
    total = 0.0
    for name in ("compromise", "median", "nash", "nash_weighted"):
        model = MODELS[name]
        seconds = _time(lambda model=model: model.run(x, s, c, mask, ref))  # type: ignore[misc]
        total += seconds
        print(
            f"{name:15} 100 actors x 20 issues x 1000 draws: {seconds:7.3f} s  ({seconds / baseline:7.1f}x)"
        )
    print(f"compromise + median + nash + nash_weighted together: {total:.3f} s (target < 2 s)")
    x, s, c, mask, ref = _inputs(rng, 1000, 30)
    eu_baseline = _time(lambda: (c * s * x).sum(axis=1) / (c * s).sum(axis=1))
    seconds = _time(lambda: ExpectedUtility(rounds=10).run(x, s, c, mask, ref))
    print(
        f"expected_utility 30 actors x 10 rounds x 1000 draws: {seconds:.3f} s "
        f"({seconds / eu_baseline:.0f}x the weighted mean on the same arrays; target < 30 s)"
    )


def exchange() -> None:
    cop21 = import_exchange(
        Path(__file__).resolve().parents[1] / "data/negotiation/exchange/cop21_decide.tsv"
    )
    batch = aligned_batch(cop21)
    model = MODELS["exchange"]
    seconds = _time(lambda: model.run(batch.x, batch.s, batch.c, batch.mask, batch.ref))
    print(f"exchange CoP21 15 actors x 13 issues x 10 rounds: {seconds:.3f} s")
    seconds = _time(lambda: simulate(cop21, ["exchange"], draws=20, seed=1))
    print(f"exchange CoP21 Monte Carlo, 20 draws: {seconds:.3f} s")


if __name__ == "__main__":
    main()
    exchange()
