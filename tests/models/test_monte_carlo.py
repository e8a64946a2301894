"""Monte Carlo: seeded, intervals around the point forecast, sensitivity finds the actor that matters."""

from __future__ import annotations

import pytest

from accord.models import forecast
from accord.models.monte_carlo import Perturbation, simulate
from accord.scenario.model import Actor, Issue, Scenario, Stance
from accord.settings import Settings


def _scenario() -> Scenario:
    return Scenario(
        name="t",
        issues=[Issue(id="i", label="I", status_quo=20), Issue(id="j", label="J")],
        actors=[
            Actor(id="big", name="Big", capability=10),
            Actor(id="mid", name="Mid", capability=3),
            Actor(id="tiny", name="Tiny", capability=0.01),
        ],
        stances=[
            Stance(actor="big", issue="i", position=70, salience=0.9, uncertainty=15),
            Stance(actor="mid", issue="i", position=40, salience=0.5, uncertainty=0),
            Stance(actor="tiny", issue="i", position=10, salience=0.5, uncertainty=0),
            Stance(actor="big", issue="j", position=50, salience=0.5),
            Stance(actor="mid", issue="j", position=60, salience=0.5),
        ],
    )


def test_seeded_and_summarised() -> None:
    scenario = _scenario()
    names = ["compromise", "median", "nash", "nash_weighted", "expected_utility"]
    first = simulate(scenario, names, draws=300, seed=7)
    again = simulate(scenario, names, draws=300, seed=7)
    assert first == again
    for name in names:
        assert set(first[name]) == {"i", "j"}
        for summary in first[name].values():
            assert summary.p10 <= summary.median <= summary.p90
            assert summary.draws == 300
    point = forecast(scenario, "compromise")["i"].value
    assert first["compromise"]["i"].p10 < point < first["compromise"]["i"].p90


def test_sensitivity_ranks_the_uncertain_powerful_actor_first() -> None:
    result = simulate(_scenario(), ["compromise"], draws=500, seed=1)["compromise"]["i"]
    assert result.sensitivity[0].actor == "big"
    assert result.sensitivity[0].position > 0.5
    assert result.sensitivity[-1].actor == "tiny"
    assert sum(s.share for s in result.sensitivity) == pytest.approx(1.0)


def test_default_uncertainty_setting_widens_intervals() -> None:
    narrow = Perturbation.of(Settings(default_uncertainty=1))
    wide_spread = Perturbation.of(Settings(default_uncertainty=20))
    narrow = simulate(_scenario(), ["compromise"], draws=400, seed=3, perturbation=narrow)["compromise"]["j"]
    wide = simulate(_scenario(), ["compromise"], draws=400, seed=3, perturbation=wide_spread)["compromise"][
        "j"
    ]
    assert wide.p90 - wide.p10 > 3 * (narrow.p90 - narrow.p10)
