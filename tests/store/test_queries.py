"""The one read layer (accord.store.queries) on both backends: search, outlet rule, counts, state."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, delete, select, update

from accord.report.overview import overview_data
from accord.store import open_store, queries, session_scope
from accord.store.queries import ArticleFilter, needs_extraction, store_state
from accord.store.queries.state import CLUSTERING
from accord.store.schema import ActorMention, Article, Correction, Extraction
from sample_store import DOCS, SECTIONED_DOCS, fill


def _ids(engine: Engine, **chosen: object) -> list[str]:
    with session_scope(engine) as session:
        page = queries.list_articles(session, ArticleFilter.model_validate(chosen), limit=None)
    assert page.total == len(page.items)
    return [a.source_id for a in page.items]


def test_search_needs_every_word_in_any_form_and_order(engine: Engine) -> None:
    fill(engine)
    assert _ids(engine, q="border delegations") == _ids(engine, q="DELEGATIONS Border")
    assert set(_ids(engine, q="delegations border")) == {"talks-open", "talks-open-copy"}
    assert "talks-open" in _ids(engine, q="delegation")  # a word in another form (stemmed) still matches
    assert _ids(engine, q="delegations jeddah") == []  # every word is required
    # Query syntax and LIKE wildcards are plain text: no error, no wildcard.
    assert _ids(engine, q='border" OR (x') == []
    assert _ids(engine, q="%") == _ids(engine)  # no words: no search
    assert _ids(engine, q="bord%") == []


def test_the_outlet_filter_is_any_case_and_takes_an_outlets_sections(engine: Engine) -> None:
    fill(engine, SECTIONED_DOCS)
    wire = {d.source_id for d in SECTIONED_DOCS if d.outlet.startswith("Example Wire")}
    assert set(_ids(engine, outlet="example wire")) == wire
    assert set(_ids(engine, outlet="Example Wire")) == wire
    assert _ids(engine, outlet="Example Wire | Kyiv") == ["talks-open-copy"]
    assert _ids(engine, outlet="%") == [] and _ids(engine, outlet="_") == []  # wildcards taken literally


def test_filters_combine(engine: Engine) -> None:
    fill(engine)
    assert _ids(engine, outlet="second", date_to=dt.date(2022, 12, 31)) == ["talks-open-copy"]
    dated = _ids(engine, date_from=dt.date(2000, 1, 1))
    assert "background" not in dated and len(dated) == len(DOCS) - 1  # undated articles drop out


def test_outlets_are_counted_without_their_section(sqlite_url: str) -> None:
    engine = open_store(sqlite_url)
    fill(engine, SECTIONED_DOCS)
    with session_scope(engine) as session:
        counts = queries.store_counts(session)
        clusters = queries.clusters(session, limit=5).items
    engine.dispose()
    assert counts.outlets == 3  # Example Wire (and its two sections), Second Daily, Third Post
    (copies,) = [c for c in clusters if c.size == 2]
    assert copies.outlet_count == 1  # both copies are Example Wire's


def test_the_report_overview_counts_what_stats_counts(engine: Engine) -> None:
    """One definition of each count: the API's /stats and the report's overview read the same numbers."""
    fill(engine, DOCS)
    with session_scope(engine) as session:
        actors = queries.store_counts(session).actors
        session.add(
            ActorMention(
                extraction_id=1,
                article_id=1,
                name="Only Mentioned",  # mentioned, never acting: not an actor in either count
                surface="x",
                start=0,
                end=1,
                sentence="x",
                sentence_start=0,
                acts=False,
            )
        )
    with session_scope(engine) as session:
        for as_of in (None, dt.date(2022, 12, 31)):
            counts, overview = queries.store_counts(session, as_of), overview_data(session, as_of)
            assert (counts.articles, counts.outlets, counts.undated) == (
                overview.articles,
                overview.outlets,
                overview.undated,
            )
            assert (counts.duplicate_clusters, counts.duplicate_articles, counts.extracted_articles) == (
                overview.duplicate_clusters,
                overview.duplicate_articles,
                overview.extracted,
            )
            assert (counts.actors, counts.quotes, counts.events, counts.positions) == (
                overview.actors,
                overview.quotes,
                overview.events,
                overview.positions,
            )
        whole = queries.store_counts(session)
    assert whole.articles == len(DOCS) and whole.undated == 1
    assert (whole.duplicate_clusters, whole.duplicate_articles) == (1, 1)
    assert whole.actors == actors > 0  # the mention that does not act is no actor


def test_needs_extraction_is_no_extraction_or_another_pipeline_version(engine: Engine) -> None:
    ids = fill(engine)  # every article extracted by pipeline "test"
    with session_scope(engine) as session:
        session.execute(
            update(Extraction).where(Extraction.article_id == ids["istanbul"]).values(pipeline_version="old")
        )
        session.add(Article(source_id="new", content_hash="f" * 64, text="x", word_count=1, extra={}))
    with session_scope(engine) as session:

        def pending(version: str | None) -> set[str]:
            return set(session.scalars(select(Article.source_id).where(needs_extraction(version))))

        assert pending(None) == {"new"}
        assert pending("test") == {"new", "istanbul"}


def test_store_state_changes_with_every_write(engine: Engine) -> None:
    ids = fill(engine)
    with session_scope(engine) as session:
        before, clustering = store_state(session), store_state(session, CLUSTERING)
        assert store_state(session) == before  # reading changes nothing
    with session_scope(engine) as session:
        session.add(
            Correction(source_id="istanbul", item_type="quote", start=0, end=1, action="reject", changes={})
        )
    with session_scope(engine) as session:
        corrected = store_state(session)
        assert corrected != before and store_state(session, CLUSTERING) == clustering
    with session_scope(engine) as session:
        session.execute(delete(Article).where(Article.id == ids["istanbul"]))
    with session_scope(engine) as session:
        assert store_state(session) != corrected and store_state(session, CLUSTERING) != clustering
