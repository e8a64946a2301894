"""The shared forecasting rule: an issue needs at least two parties before any model forecasts it."""

from __future__ import annotations

from accord.models import MODELS, forecast, no_negotiation
from accord.models.monte_carlo import simulate
from accord.scenario.model import Actor, Issue, Scenario, Stance


def _scenario() -> Scenario:
    return Scenario(
        name="t",
        issues=[
            Issue(id="crimea", label="Recognition of Crimea as Russian"),
            Issue(id="ceasefire", label="Ceasefire"),
            Issue(id="empty", label="Nobody speaks to it"),
        ],
        actors=[
            Actor(id="us", name="United States", capability=12),
            Actor(id="ua", name="Ukraine", capability=1),
        ],
        stances=[
            Stance(actor="us", issue="crimea", position=80, salience=0.5),
            Stance(actor="us", issue="ceasefire", position=80, salience=0.5),
            Stance(actor="ua", issue="ceasefire", position=30, salience=0.5),
        ],
    )


def test_an_issue_with_one_party_gets_no_forecast_from_any_model() -> None:
    scenario = _scenario()
    for name in MODELS:
        assert set(forecast(scenario, name)) == {"ceasefire"}, name


def test_the_note_says_why() -> None:
    notes = no_negotiation(_scenario())
    assert set(notes) == {"crimea", "empty"}
    assert notes["crimea"] == "Only United States holds a position on this issue: no negotiation to forecast."
    assert "No actor" in notes["empty"]


def test_monte_carlo_leaves_the_issue_out_too() -> None:
    simulated = simulate(_scenario(), list(MODELS), draws=20, seed=1)
    assert all(set(by_issue) == {"ceasefire"} for by_issue in simulated.values())
