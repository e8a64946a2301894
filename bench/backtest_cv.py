"""The DEU backtest under the issue-14 protocol, timed, with several seeds for the tabled model.

    .venv/bin/python bench/backtest_cv.py [path/to/deu3_blksv.tsv]

Runs exactly what ``accord backtest deu FILE --capability votes`` runs (10 folds grouped by proposal,
5 repetitions, nested selection, proposal-clustered bootstrap) and prints the cv rows with the run time;
then the cv row of ``tabled`` and of the pre-registered ``blend`` under four more seeds, to show how much
the interval of the MAE difference moves with the fold assignment alone.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from accord.models.backtest import BLEND, backtest_cv

DEFAULT = Path(__file__).resolve().parents[1] / "data/negotiation/deu/deu3_blksv.tsv"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    start = time.perf_counter()
    scores = backtest_cv(path, "votes")
    print(f"full protocol, every model: {time.perf_counter() - start:.1f} s")
    for s in scores:
        if s.split == "cv":
            print(
                f"{s.model:20} MAE {s.mae:6.2f} RMSE {s.rmse:6.2f} hit {s.hit_rate:.3f} "
                f"Δ {s.mae_diff:+.2f} [{s.diff_low:+.2f}, {s.diff_high:+.2f}]"
            )
    for seed in (1, 2, 3, 4):
        for s in backtest_cv(path, "votes", ["tabled", BLEND], seed=seed):
            if s.split == "cv" and s.model != "compromise":
                print(
                    f"seed {seed} {s.model:8} MAE {s.mae:6.2f} hit {s.hit_rate:.3f} "
                    f"Δ {s.mae_diff:+.2f} [{s.diff_low:+.2f}, {s.diff_high:+.2f}]"
                )


if __name__ == "__main__":
    main()
