"""The cross-validation protocol on a slice of the real DEU table: grouped, nested, deterministic."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from accord.models.backtest import (
    BLEND,
    backtest_cv,
    clustered_interval,
    cv_data,
    fit_predict,
    grouped_folds,
)

TABLE = Path(__file__).resolve().parents[2] / "data" / "negotiation" / "deu" / "deu3_blksv.tsv"


@pytest.fixture(scope="module")
def sliced(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The header, the GDP row and the issue rows of every fourth proposal (all three waves)."""
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    proposals = list(dict.fromkeys(line.split("\t")[2] for line in lines[2:]))
    kept = set(proposals[::4])
    rows = [line for line in lines[2:] if line.split("\t")[2] in kept]
    path = tmp_path_factory.mktemp("deu") / "slice.tsv"
    path.write_text("\n".join([*lines[:2], *rows]) + "\n", encoding="utf-8")
    return path


def test_folds_never_split_a_proposal() -> None:
    proposals = np.array([0, 0, 1, 2, 2, 2, 3, 4, 4, 5])
    fold = grouped_folds(proposals, 3, np.random.default_rng(1))
    for p in np.unique(proposals):
        assert len(set(fold[proposals == p])) == 1
    assert set(fold) == {0, 1, 2}


def test_parameters_are_chosen_on_the_training_rows_only(sliced: Path) -> None:
    data = cv_data(sliced, "votes", ["compromise", "tabled", BLEND])
    test = data.proposals % 3 == 0
    before = {name: fit_predict(data, name, ~test, test) for name in ("tabled", BLEND)}
    data.outcomes[test] = 100 - data.outcomes[test]  # what the held-out issues did cannot matter
    after = {name: fit_predict(data, name, ~test, test) for name in ("tabled", BLEND)}
    for name in before:
        assert before[name][1] == after[name][1]
        assert np.array_equal(before[name][0], after[name][0])


def test_cv_records_are_deterministic_and_complete(sliced: Path) -> None:
    names = ["compromise", "tabled", BLEND, "exchange"]
    first = backtest_cv(sliced, "votes", names, folds=3, repeats=2, resamples=200)
    assert first == backtest_cv(sliced, "votes", names, folds=3, repeats=2, resamples=200)
    cv = {s.model: s for s in first if s.split == "cv"}
    assert set(cv) == set(names)
    assert cv["compromise"].mae_diff == 0 and cv["compromise"].diff_low == 0
    for s in cv.values():
        assert s.n == cv["compromise"].n and s.rmse >= s.mae and 0 <= s.hit_rate <= 1
        assert s.diff_low <= s.mae_diff + 1e-9 and s.mae_diff - 1e-9 <= s.diff_high
    assert cv["tabled"].chosen.startswith("reach")
    assert {s.split for s in first} == {"cv", "leave out DEU I", "leave out DEU II", "leave out DEU III"}


def test_clustered_bootstrap_resamples_whole_proposals() -> None:
    # One proposal carries every difference: resampling proposals, the interval spans 0 to that proposal's
    # share; an issue-level bootstrap on 4 equal issues of one proposal would be much narrower.
    error = np.array([5.0, 5.0, 5.0, 5.0, 0.0, 0.0])
    base = np.zeros(6)
    proposals = np.array([0, 0, 0, 0, 1, 2])
    low, high = clustered_interval(error, base, proposals, np.random.default_rng(0), 2000)
    assert low == pytest.approx(0.0) and high == pytest.approx(5.0)
