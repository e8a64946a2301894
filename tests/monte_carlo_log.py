"""How many times each model's Monte Carlo was drawn, read from the draws' own debug log records."""

from __future__ import annotations

from collections import Counter

import pytest

LOGGER = "accord.models.monte_carlo"


def monte_carlo_runs(caplog: pytest.LogCaptureFixture) -> Counter[str]:
    """model -> times drawn, among the records ``caplog`` captured (at debug level on :data:`LOGGER`)."""
    return Counter(str(r.__dict__["model"]) for r in caplog.records if r.name == LOGGER)
