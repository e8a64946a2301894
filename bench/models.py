"""Time the bargaining models under Monte Carlo-sized batches, against a baseline measured in the same run.

Run: ``.venv/bin/python bench/models.py``. Prints seconds and the ratio to the baseline (one vectorised
weighted mean over the same arrays, the cheapest thing any model must do). Targets on a 2-core machine:
compromise + median + Nash for 100 actors × 20 issues × 1,000 draws under 2 s together; the expected-utility
model for 30 actors × 10 rounds × 1,000 draws under 30 s.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from accord import settings
from accord.models.expected_utility import ExpectedUtility
from accord.models.registry import MODELS


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
    rng = np.random.default_rng(int(settings.get("seed")))
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


if __name__ == "__main__":
    main()
