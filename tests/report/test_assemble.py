"""The report's data: the note on actors without capability figures reads the scenario's typed flag; each
model's Monte Carlo drawn once for the forecast and sensitivity views."""

from __future__ import annotations

import logging
from collections import Counter

import pytest
from sqlalchemy import Engine

from accord.models import registered
from accord.report.assemble import report_data
from accord.report.data import NoteCode
from accord.report.views import forecast_table, sensitivity_table
from accord.scenario.builder import build_scenario
from accord.scenario.model import Actor, Issue, Scenario, Stance
from accord.store import open_store
from monte_carlo_log import LOGGER, monte_carlo_runs
from sample_store import fill


def test_actors_on_the_default_capability_are_named_by_their_flag_not_their_source_text(
    sqlite_url: str,
) -> None:
    scenario = Scenario(
        name="edited",
        issues=[Issue(id="ceasefire", label="Ceasefire")],
        actors=[
            # The analyst reworded the source but left the fallback figure: still the default.
            Actor(
                id="a",
                name="Atlantis",
                capability=0.1,
                capability_source="to check",
                capability_origin="default",
            ),
            # A source that happens to begin with the word is not the fallback.
            Actor(
                id="b",
                name="Borduria",
                capability=2,
                capability_source="default-weighted index",
                capability_origin="override",
            ),
        ],
        stances=[
            Stance(actor="a", issue="ceasefire", position=20, salience=0.5),
            Stance(actor="b", issue="ceasefire", position=80, salience=0.5),
        ],
    )
    engine = open_store(sqlite_url)
    fill(engine)
    data = report_data(engine, scenario=scenario, draws=0)
    engine.dispose()
    assert [n.code for n in data.notes] == [NoteCode.DEFAULT_CAPABILITY, NoteCode.GIVEN_SCENARIO]
    assert data.notes[0].text.startswith("No national capability figures for: Atlantis;")
    assert data.has_note(NoteCode.GIVEN_SCENARIO) and not data.has_note(NoteCode.EDITED_SCENARIO)


def test_the_report_draws_each_models_monte_carlo_once(
    filled: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger=LOGGER):
        data = report_data(filled, draws=20, seed=1)
    # The sensitivity's model (compromise) among them: its shares come from the forecast's draws.
    assert monte_carlo_runs(caplog) == Counter(list(registered()))
    scenario = build_scenario(filled)  # the numbers are those of drawing each table on its own
    assert data.forecast == forecast_table(scenario, draws=20, seed=1)
    assert data.sensitivity == sensitivity_table(scenario, draws=20, seed=1)
    assert any(row.share is not None for row in data.sensitivity.rows)
