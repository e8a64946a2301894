"""The shared forecasting rule: an issue needs at least two parties before any model forecasts it."""

from __future__ import annotations

from accord.models import MODELS, forecast, no_negotiation
from accord.models.monte_carlo import simulate
from sample_scenarios import one_party_scenario


def test_an_issue_with_one_party_gets_no_forecast_from_any_model() -> None:
    scenario = one_party_scenario()
    for name in MODELS:
        assert set(forecast(scenario, name)) == {"ceasefire"}, name


def test_the_note_says_why() -> None:
    notes = no_negotiation(one_party_scenario())
    assert set(notes) == {"crimea", "empty"}
    assert notes["crimea"] == "Only United States holds a position on this issue: no negotiation to forecast."
    assert "No actor" in notes["empty"]


def test_monte_carlo_leaves_the_issue_out_too() -> None:
    simulated = simulate(one_party_scenario(), list(MODELS), draws=20, seed=1)
    assert all(set(by_issue) == {"ceasefire"} for by_issue in simulated.values())
