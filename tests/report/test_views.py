from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Engine

from accord.report.overview import overview_data
from accord.report.views import (
    events_timeline_data,
    forecast_table,
    matrix_data,
    merge_events,
    quotes_by_speaker,
    sensitivity_table,
    trajectories_data,
)
from accord.scenario.builder import build_scenario
from accord.scenario.model import Actor, Issue, Scenario, Stance
from accord.scenario.timeline import EventPoint, Source, event_points
from accord.store import open_store, session_scope
from sample_store import SECTIONED_DOCS, fill


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
    # Two actors at 20 and 80: leaving either out leaves one party, no negotiation, so no forecast.
    assert territory["Russia"].without is None and territory["Ukraine"].without is None
    assert territory["Russia"].shifted > territory["Russia"].baseline  # a harder line pulls it up
    assert territory["Russia"].pushes == 1 and territory["Ukraine"].pushes == -1
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


# -- issue 12: no forecast without a negotiation, events once, outlets by name, which way a line pushes --


def test_forecast_table_notes_an_issue_only_one_actor_speaks_to(filled: Engine) -> None:
    scenario = build_scenario(filled)
    table = forecast_table(scenario, draws=50, seed=1)
    single = [r for r in table.rows if r.actors == 1]
    assert single, "the sample store has issues with a single party"
    for row in single:
        assert row.cells == [] and row.note is not None and "no negotiation" in row.note
    assert all(r.note is None and r.cells for r in table.rows if r.actors >= 2)
    sensitivity = sensitivity_table(scenario, draws=50, seed=1)
    assert {r.issue for r in single} == set(sensitivity.notes)
    assert not {r.issue for r in sensitivity.rows} & set(sensitivity.notes)


def _event(event_id: int, article: int, cluster: int | None, **extra: Any) -> EventPoint:
    fields: dict[str, Any] = dict(
        type="meeting",
        date=dt.date(2022, 3, 10),
        date_text="2022-03-10",
        date_precision="day",
        participants=["Sergei Lavrov", "Dmytro Kuleba"],
        place="Antalya",
        modality="happened",
        trigger="met",
        sentence="The foreign ministers met in Antalya.",
        sentence_start=0,
        start=0,
        end=3,
    )
    fields.update(extra)
    source = Source(
        article_id=article, source_id=f"a{article}", outlet=f"Outlet {article}", cluster_id=cluster
    )
    return EventPoint(id=event_id, source=source, **fields)


def test_an_event_reported_by_copies_of_one_story_is_listed_once_with_its_sources() -> None:
    merged = merge_events([_event(1, 10, 7), _event(2, 11, 7, participants=["Russia", "Dmytro Kuleba"])])
    assert len(merged) == 1
    assert merged[0].ids == [1, 2] and [s.article_id for s in merged[0].sources] == [10, 11]
    assert merged[0].participants == ["Sergei Lavrov", "Dmytro Kuleba", "Russia"]


def test_an_event_said_twice_in_one_article_is_listed_once() -> None:
    headline = _event(1, 10, None, date_text=None, sentence="Ministers meet in Antalya", place=None)
    lead = _event(2, 10, None, participants=["Dmytro Kuleba", "Russia"])
    (event,) = merge_events([headline, lead])
    assert event.ids == [1, 2] and len(event.sources) == 1
    assert event.sentence == lead.sentence and event.date_text == "2022-03-10" and event.place == "Antalya"


def test_different_events_and_other_stories_stay_apart() -> None:
    events = [
        _event(1, 10, 7),
        _event(2, 20, 8),  # the same meeting in an independent story: not a copy
        _event(3, 10, 7, participants=["Donald Trump", "Vladimir Putin"], place=None, sentence="Other."),
        _event(4, 10, 7, type="negotiation_round"),
        _event(5, 10, 7, place="Istanbul", sentence="They met in Istanbul."),
    ]
    assert [e.ids for e in merge_events(events)] == [[1], [2], [3], [4], [5]]


def test_events_timeline_lists_the_sample_stores_copies_once(filled: Engine) -> None:
    with session_scope(filled) as session:
        raw = event_points(session)
        listed = events_timeline_data(session).events
    assert sum(len(e.ids) for e in listed) == len([e for e in raw if e.date is not None])


def test_an_outlet_with_a_section_counts_as_its_outlet(sqlite_url: str) -> None:
    engine = open_store(sqlite_url)
    fill(engine, SECTIONED_DOCS)
    with session_scope(engine) as session:
        overview = overview_data(session)
    engine.dispose()
    assert overview.outlets == 3  # Example Wire (with its two sections), Second Daily, Third Post
    assert dict(overview.top_outlets)["Example Wire"] == 4
    assert overview.clusters[0].outlets == 1  # both copies come from Example Wire


def test_sensitivity_says_which_way_a_harder_line_pushes() -> None:
    scenario = Scenario(
        name="t",
        issues=[Issue(id="nato", label="NATO membership", low="never", high="soon")],
        actors=[
            Actor(id="us", name="United States", capability=10),
            Actor(id="ru", name="Russia", capability=5),
        ],
        stances=[
            Stance(actor="us", issue="nato", position=20, salience=0.5),
            Stance(actor="ru", issue="nato", position=20, salience=0.5),
        ],
    )
    table = sensitivity_table(scenario, draws=20, seed=1)
    us = next(r for r in table.rows if r.actor == "United States")
    # On the forecast (20), a harder line goes toward the end the actor is on (0), not toward 100.
    assert (us.position, us.harder) == (20, 0) and us.shifted < us.baseline
    assert us.toward == -1 and us.pushes == -1
    assert table.direction(us) == "pushes it toward 0 (never)"


def test_no_draws_means_no_intervals_not_a_crash(filled: Engine) -> None:
    """`--draws 0` (analyze, report) asks for point forecasts only: the Monte Carlo summary of zero draws
    had raised an IndexError (the CLI's `forecast` already skipped it)."""
    scenario = build_scenario(filled)
    table = forecast_table(scenario, draws=0, seed=1)
    cells = [c for r in table.rows for c in r.cells]
    assert cells and all(c.low is None and c.high is None and c.draws is None for c in cells)
    assert "no interval" in table.interval
    sensitivity = sensitivity_table(scenario, draws=0, seed=1)
    assert sensitivity.rows and all(r.share is None for r in sensitivity.rows)


def test_matrix_evidence_carries_each_statements_confidence(filled: Engine) -> None:
    from sqlalchemy import update

    from accord.report.assemble import report_data
    from accord.report.render import render_html
    from accord.store.schema import Position

    with session_scope(filled) as session:
        session.execute(update(Position).values(score=0.87))
    with session_scope(filled) as session:
        matrix = matrix_data(session)
    scores = {e.score for cell in matrix.cells for e in cell.evidence}
    assert scores == {0.87}
    assert "confidence 0.87" in render_html(report_data(filled, draws=0, seed=1))
