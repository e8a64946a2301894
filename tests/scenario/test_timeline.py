from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from accord.errors import AccordError
from accord.scenario.timeline import (
    EventPoint,
    Source,
    build_timeline,
    event_points,
    parse_as_of,
    parse_partial_date,
    position_points,
    quote_points,
    stages,
)
from accord.settings import DEFAULTS
from accord.store import session_scope
from sample_store import fill


def test_positions_are_dated_points_on_the_scale_oldest_first(engine: Engine) -> None:
    fill(engine)
    with session_scope(engine) as session:
        points = position_points(session)
    dates = [p.date for p in points]
    assert dates[-1] is None, "the undated statement sorts last"
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated)
    ukraine_ceasefire = [
        (p.date, p.stance, p.value) for p in points if (p.actor, p.issue) == ("Ukraine", "ceasefire")
    ]
    assert ukraine_ceasefire == [
        (dt.date(2023, 6, 5), "oppose", 20.0),
        (dt.date(2025, 3, 12), "support", 80.0),
    ]
    for p in points:  # provenance travels with every point
        assert p.source.article_id > 0 and p.source.source_id
        assert p.sentence and p.start < p.end


def test_as_of_cuts_later_and_undated_statements(engine: Engine) -> None:
    fill(engine)
    with session_scope(engine) as session:
        points = position_points(session, as_of=dt.date(2022, 12, 31))
        quotes = quote_points(session, as_of=dt.date(2022, 12, 31))
    assert points and all(p.date is not None and p.date <= dt.date(2022, 12, 31) for p in points)
    assert {q.speaker for q in quotes} == {"Mykhailo Podolyak", "Volodymyr Zelensky"}


def test_events_use_their_own_date_and_stages_are_found(engine: Engine) -> None:
    fill(engine)
    with session_scope(engine) as session:
        timeline = build_timeline(session)
        events = event_points(session)
    aid = next(e for e in events if e.type == "aid")
    assert aid.date == dt.date(2023, 6, 2)  # the stated date, not the article's 2023-06-05
    kinds = [(s.kind, s.start, s.end) for s in timeline.stages]
    assert ("peace talks", dt.date(2022, 2, 28), dt.date(2022, 3, 29)) in kinds  # two rounds, one stage
    assert ("peace talks", dt.date(2025, 3, 11), dt.date(2025, 3, 11)) in kinds  # years later: a new stage
    assert ("ceasefire", dt.date(2025, 3, 11), None) in kinds


def test_no_stages_without_talks_or_truces(engine: Engine) -> None:
    from sample_store import DOCS

    fill(engine, [d for d in DOCS if d.source_id == "freeze-refused"])
    with session_scope(engine) as session:
        timeline = build_timeline(session)
    assert [e.type for e in timeline.events] == ["aid"]
    assert timeline.stages == []


def test_dates() -> None:
    assert parse_partial_date("2014-06") == dt.date(2014, 6, 1)
    assert parse_partial_date("2014") == dt.date(2014, 1, 1)
    assert parse_partial_date("2014-02-30") is None
    assert parse_partial_date("last week") is None
    assert parse_as_of("2025-03-01") == dt.date(2025, 3, 1)
    assert parse_as_of(None) is None
    with pytest.raises(AccordError, match="A412"):
        parse_as_of("March 2025")


def test_fighting_after_a_ceasefire_ends_it(engine: Engine) -> None:
    from sample_store import DOCS, Doc

    later = Doc(
        "strikes",
        "Strikes resume",
        "Example Wire",
        dt.date(2025, 4, 2),
        "Russian missiles struck Kharkiv on 1 April 2025.",
        events=[
            dict(
                type="attack",
                participants=["Russia"],
                place="Kharkiv",
                date="2025-04-01",
                span="missiles struck",
            )
        ],
    )
    fill(engine, [d for d in DOCS if d.source_id == "jeddah"] + [later])
    with session_scope(engine) as session:
        timeline = build_timeline(session)
    ceasefire = next(s for s in timeline.stages if s.kind == "ceasefire")
    assert (ceasefire.start, ceasefire.end) == (dt.date(2025, 3, 11), dt.date(2025, 4, 1))


def test_points_are_read_as_the_analysts_left_them(engine: Engine) -> None:
    """A rejected event is off the timeline and its stages; a corrected quote shows the analyst's speaker;
    a corrected position moves to its new stance's point on the scale."""
    from accord.store.corrections import ItemKey, record_correction

    fill(engine)
    with session_scope(engine) as session:
        events, quotes, positions = event_points(session), quote_points(session), position_points(session)
        gone, fixed, moved = events[0], quotes[0], positions[0]
        new_stance = "support" if moved.stance != "support" else "oppose"
        record_correction(session, ItemKey(gone.source.source_id, "event", gone.start, gone.end), "reject")
        record_correction(
            session,
            ItemKey(fixed.source.source_id, "quote", fixed.start, fixed.end),
            "correct",
            {"speaker": "Named By Analyst"},
        )
        record_correction(
            session,
            ItemKey(moved.source.source_id, "position", moved.start, moved.end),
            "correct",
            {"stance": new_stance},
        )
    with session_scope(engine) as session:
        after_events = event_points(session)
        after_quotes = {q.id: q for q in quote_points(session)}
        after_positions = {p.id: p for p in position_points(session)}
        timeline = build_timeline(session)
    assert len(after_events) == len(events) - 1 and gone.id not in {e.id for e in after_events}
    assert all(gone.id not in s.event_ids for s in timeline.stages)
    assert after_quotes[fixed.id].speaker == "Named By Analyst" and after_quotes[fixed.id].text == fixed.text
    assert after_positions[moved.id].stance == new_stance
    assert after_positions[moved.id].value != moved.value


def _agreement(sentence: str, trigger: str) -> EventPoint:
    start = sentence.index(trigger)
    return EventPoint(
        id=1, type="agreement", date=dt.date(2025, 5, 16), date_text=None, date_precision=None,
        participants=["Russia", "Ukraine"], place=None, modality="happened", trigger=trigger,
        sentence=sentence, sentence_start=0, start=start, end=start + len(trigger),
        source=Source(article_id=1, source_id="a"),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "trigger", "kind"),
    [
        ("The two sides agreed to a 30-day ceasefire on Tuesday.", "agreed", "ceasefire"),
        ("The ceasefire agreement was signed in Minsk.", "signed", "ceasefire"),
        ("Both armies agreed to a truce over Easter.", "agreed", "truce"),
        # The agreement is about something else; the ceasefire is what it did not reach.
        (
            "They agreed to exchange 1,000 prisoners each, but made no progress towards a ceasefire.",
            "agreed",
            None,
        ),
        ("They signed a grain deal; a ceasefire was not discussed.", "signed", None),
        ("They agreed to swap prisoners without a ceasefire.", "agreed", None),
    ],
)
def test_a_ceasefire_stage_needs_the_agreements_own_clause_to_agree_to_one(
    sentence: str, trigger: str, kind: str | None
) -> None:
    assert [s.kind for s in stages([_agreement(sentence, trigger)])] == ([kind] if kind else [])


def test_a_hypothetical_agreement_starts_no_stage() -> None:
    event = _agreement("Russia would agree to a ceasefire only if Ukraine withdrew its forces.", "agree")
    assert [s.kind for s in stages([event])] == ["ceasefire"]
    assert stages([event.model_copy(update={"modality": "hypothetical"})]) == []


def test_items_below_the_confidence_threshold_are_left_out_unless_an_analyst_vetted_them(
    engine: Engine,
) -> None:
    from sqlalchemy import update

    from accord.store.corrections import ItemKey, record_correction
    from accord.store.schema import Event, Position, Quote

    fill(engine)
    with session_scope(engine) as session:
        for model in (Position, Quote, Event):
            session.execute(update(model).values(score=0.3))
    with session_scope(engine) as session:
        assert position_points(session, min_score=0.5) == []
        assert quote_points(session, min_score=0.5) == [] and event_points(session, min_score=0.5) == []
        everything = position_points(session, min_score=0.0)
        assert everything and {p.score for p in everything} == {0.3}
        vetted = everything[0]
        record_correction(
            session, ItemKey(vetted.source.source_id, "position", vetted.start, vetted.end), "accept"
        )
    with session_scope(engine) as session:
        (kept,) = position_points(session, min_score=0.5)
    assert kept.id == vetted.id and kept.score == 1.0


def test_the_default_threshold_is_the_declared_min_confidence(engine: Engine) -> None:
    from sqlalchemy import update

    from accord.store.schema import Position

    fill(engine)
    with session_scope(engine) as session:
        session.execute(update(Position).values(score=DEFAULTS.min_confidence + 0.05))
    with session_scope(engine) as session:
        assert position_points(session, min_score=DEFAULTS.min_confidence + 0.1) == []
        assert position_points(session)  # just above the declared default passes it


def test_by_default_an_item_scoring_below_six_tenths_is_left_out(engine: Engine) -> None:
    # On batch 6's fresh articles, labelled by two readers, events scoring under 0.6 were right about one
    # time in three (docs/extraction.md): the views analysts read leave them out unless asked
    from sqlalchemy import update

    from accord.store.schema import Event

    fill(engine)
    with session_scope(engine) as session:
        session.execute(update(Event).values(score=0.5))
    with session_scope(engine) as session:
        assert event_points(session) == []
    with session_scope(engine) as session:
        session.execute(update(Event).values(score=0.65))
    with session_scope(engine) as session:
        assert event_points(session)
