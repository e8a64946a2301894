from __future__ import annotations

from dataclasses import replace

from accord.serve import queries
from accord.store import open_store, session_scope
from sample_store import DOCS, fill


def test_outlets_are_counted_without_their_section(sqlite_url: str) -> None:
    docs = [
        replace(d, outlet="Example Wire — Ukraine talks") if d.source_id == "istanbul" else d for d in DOCS
    ]
    docs = [replace(d, outlet="Example Wire | Kyiv") if d.source_id == "talks-open-copy" else d for d in docs]
    engine = open_store(sqlite_url)
    fill(engine, docs)
    with session_scope(engine) as session:
        counts = queries.counts(session)
        clusters = queries.clusters(session, limit=5).items
    engine.dispose()
    assert counts.outlets == 3  # Example Wire (and its two sections), Second Daily, Third Post
    (copies,) = [c for c in clusters if c.size == 2]
    assert copies.outlet_count == 1  # both copies are Example Wire's
