from __future__ import annotations

from accord.serve import queries
from accord.store import open_store, session_scope
from sample_store import SECTIONED_DOCS, fill


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
