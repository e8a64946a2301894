from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from accord.report.views import (
    events_timeline_data,
    forecast_table,
    matrix_data,
    overview_data,
    quotes_by_speaker,
    sensitivity_table,
    trajectories_data,
)
from accord.scenario.builder import build_scenario
from accord.store import open_store, session_scope
from sample_store import fill


def test_overview_counts_articles_outlets_dates_and_duplicates(filled: Engine) -> None:
    with session_scope(filled) as session:
        overview = overview_data(session)
        early = overview_data(session, as_of=dt.date(2022, 12, 31))
    assert (overview.articles, overview.outlets, overview.undated) == (7, 3, 1)
    assert (overview.first_date, overview.last_date) == (dt.date(2022, 3, 1), dt.date(2025, 3, 14))
    assert (overview.duplicate_clusters, overview.duplicate_articles) == (1, 1)
    assert overview.clusters[0].size == 2 and overview.clusters[0].outlets == 2
    assert (overview.positions, overview.quotes, overview.events) == (14, 3, 5)
    assert early.articles == 3 and early.last_date == dt.date(2022, 3, 30)


def test_matrix_cells_carry_their_evidence(filled: Engine) -> None:
    with session_scope(filled) as session:
        matrix = matrix_data(session)
    assert matrix.actors[0] in {"Ukraine", "Russia"}  # most engaged actors first
    cell = matrix.cell("Ukraine", "ceasefire")
    assert cell is not None and cell.position == 80.0
    assert [e.stance for e in cell.evidence] == ["support", "oppose"]
    assert cell.evidence[0].title == "Jeddah talks yield ceasefire proposal"
    assert matrix.cell("Turkey", "territory") is None
    lavrov = matrix.cell("Russia", "peacekeepers")
    assert lavrov is not None and lavrov.evidence[0].speaker == "Sergei Lavrov"


def test_trajectories_have_a_point_per_dated_statement(filled: Engine) -> None:
    with session_scope(filled) as session:
        data = trajectories_data(session)
    series = next(s for s in data.series if (s.actor, s.issue) == ("Ukraine", "ceasefire"))
    assert [(p.date, p.value) for p in series.points] == [
        (dt.date(2023, 6, 5), 20.0),
        (dt.date(2025, 3, 12), 80.0),
    ]
    assert data.undated == 1
    assert data.issues[0] == "ceasefire"  # the issue with most actors first


def test_events_timeline_and_quotes(filled: Engine) -> None:
    with session_scope(filled) as session:
        timeline = events_timeline_data(session)
        quotes = quotes_by_speaker(session)
    assert len(timeline.events) == 5 and {s.kind for s in timeline.stages} == {"peace talks", "ceasefire"}
    assert quotes.total == 3 and {s.speaker for s in quotes.speakers} == {
        "Marco Rubio",
        "Mykhailo Podolyak",
        "Volodymyr Zelensky",
    }


def test_forecast_puts_every_model_side_by_side_with_intervals(filled: Engine) -> None:
    scenario = build_scenario(filled)
    table = forecast_table(scenario, draws=200, seed=1)
    assert len(table.models) >= 4
    ceasefire = next(r for r in table.rows if r.issue == "ceasefire")
    assert {c.model for c in ceasefire.cells} == set(table.models)
    for cell in ceasefire.cells:
        assert cell.low is not None and cell.high is not None and cell.low <= cell.high
        assert cell.draws == 200
    assert "200 Monte Carlo draws" in table.interval


def test_sensitivity_moves_with_each_actor(filled: Engine) -> None:
    scenario = build_scenario(filled)
    table = sensitivity_table(scenario, draws=200, seed=1)
    territory = {r.actor: r for r in table.rows if r.issue == "territory"}
    # Two actors at 20 and 80: leaving either out lands the compromise on the other's position.
    assert territory["Russia"].without == 20.0 and territory["Ukraine"].without == 80.0
    assert territory["Russia"].shifted > territory["Russia"].baseline  # a harder line pulls it up
    assert (
        table.rows == sorted(table.rows, key=lambda r: -r.largest)
        or table.rows[0].largest >= table.rows[-1].largest
    )
    assert any(r.share is not None for r in table.rows)


def test_empty_store_gives_empty_views(sqlite_url: str) -> None:
    engine = open_store(sqlite_url)
    with session_scope(engine) as session:
        assert overview_data(session).articles == 0
        assert matrix_data(session).cells == []
        assert events_timeline_data(session).events == []
    scenario = build_scenario(engine)
    assert forecast_table(scenario).rows == [] and sensitivity_table(scenario).rows == []
    engine.dispose()


def test_views_read_sqlite_and_postgresql_alike(engine: Engine) -> None:
    fill(engine)
    with session_scope(engine) as session:
        overview = overview_data(session, as_of=dt.date(2025, 12, 31))
        matrix = matrix_data(session)
        timeline = events_timeline_data(session)
    assert (overview.articles, overview.outlets, overview.duplicate_clusters) == (6, 3, 1)
    assert len(matrix.cells) == 12 and len(timeline.stages) == 3
