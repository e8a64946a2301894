"""scripts/fit_confidence.py: the logistic fit and the threshold table it chooses min_confidence from."""

from __future__ import annotations

from types import ModuleType

import pytest

from accord.extract.components.confidence import logistic
from scripts_loader import load_script


@pytest.fixture(scope="module")
def fitter() -> ModuleType:
    return load_script("fit_confidence")


def test_the_fit_gives_a_feature_that_goes_with_errors_a_negative_weight(fitter: ModuleType) -> None:
    rows = [({"risky"}, n % 4 == 0) for n in range(40)] + [(set(), n % 10 != 0) for n in range(60)]
    model = fitter.fit_logistic(rows, l2=0.1)
    assert model["weights"]["risky"] < -1.0 and model["intercept"] > 1.0
    # the fitted probabilities are near the observed rates: 25 % right with the feature, 90 % without
    assert logistic(model, {"risky"}) == pytest.approx(0.25, abs=0.06)
    assert logistic(model, set()) == pytest.approx(0.90, abs=0.04)


def test_threshold_table_counts_what_a_threshold_keeps(fitter: ModuleType) -> None:
    rows = [(0.9, True), (0.8, True), (0.4, False), (0.2, True)]
    low, high = fitter.threshold_table(rows, gold_total=5, thresholds=[0.0, 0.5])
    assert (low["kept"], low["precision"], low["recall"]) == (4, 0.75, 0.6)
    assert (high["kept"], high["precision"], high["recall"]) == (2, 1.0, 0.4)


def test_the_test_split_cannot_be_fitted_or_checked_on(fitter: ModuleType) -> None:
    with pytest.raises(SystemExit):
        fitter.main(["--fit", "train", "--check", "test"])
