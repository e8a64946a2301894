from __future__ import annotations

from accord.serve import queries
from accord.store import open_store, session_scope
from sample_store import DOCS, SECTIONED_DOCS, fill


def test_outlets_are_counted_without_their_section(sqlite_url: str) -> None:
    engine = open_store(sqlite_url)
    fill(engine, SECTIONED_DOCS)
    with session_scope(engine) as session:
        counts = queries.counts(session)
        clusters = queries.clusters(session, limit=5).items
    engine.dispose()
    assert counts.outlets == 3  # Example Wire (and its two sections), Second Daily, Third Post
    (copies,) = [c for c in clusters if c.size == 2]
    assert copies.outlet_count == 1  # both copies are Example Wire's


def test_the_actor_count_is_the_reports(sqlite_url: str) -> None:
    """One definition of "actors" (distinct names that act or speak) on the dashboard and in the report."""
    from accord.report.views import overview_data
    from accord.store.schema import ActorMention

    engine = open_store(sqlite_url)
    fill(engine, DOCS)
    with session_scope(engine) as session:
        session.add(
            ActorMention(
                extraction_id=1,
                article_id=1,
                name="Only Mentioned",
                surface="x",
                start=0,
                end=1,
                sentence="x",
                sentence_start=0,
                acts=False,
            )
        )
    with session_scope(engine) as session:
        dashboard, report = queries.counts(session).actors, overview_data(session).actors
    engine.dispose()
    assert dashboard == report > 0
