"""Small hand-made scenarios shared by the model, CLI and report tests."""

from __future__ import annotations

from accord.scenario.model import Actor, Issue, Scenario, Stance


def one_party_scenario() -> Scenario:
    """Crimea held by one actor only, a ceasefire two actors negotiate, and an issue nobody speaks to."""
    return Scenario(
        name="one party",
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
