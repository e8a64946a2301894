from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from accord.errors import AccordError
from accord.store import session_scope
from accord.store.articles import (
    cluster_members,
    find_article,
    ingest_errors,
    iter_articles,
    outlet_id,
    record_ingest_error,
    store_article,
)
from accord.store.queries import ArticleFilter, ArticleSummary, list_articles, store_counts
from accord.store.schema import Cluster


def _add(engine: Engine) -> None:
    with session_scope(engine) as session:
        cluster = Cluster(size=2, outlet_count=2)
        session.add(cluster)
        session.flush()
        cache: dict[str, int] = {}
        rows = [
            ("kyiv-1", 1, "aaaa1111" + "0" * 56, "Talks in Kyiv", "Envoys met in Kyiv.", "Atlas Daily",
             dt.date(2022, 3, 1)),
            ("kyiv-1", 2, "aaaa2222" + "0" * 56, "Talks in Kyiv", "Envoys met again in Kyiv.", "Atlas Daily",
             dt.date(2022, 3, 2)),
            ("oslo-9", 1, "bbbb3333" + "0" * 56, "Oslo 100% deal", "A deal_in Oslo.", "River Times", None),
        ]  # fmt: skip
        for source_id, version, digest, title, text, outlet, published in rows:
            store_article(
                session,
                source_id=source_id,
                version=version,
                content_hash=digest,
                title=title,
                text=text,
                outlet_id=outlet_id(session, outlet, cache),
                published=published,
                word_count=len(text.split()),
                extra={},
                cluster_id=cluster.id if source_id == "kyiv-1" else None,
            )
        record_ingest_error(session, "bad.txt", "A101", "bad.txt: empty input")


def test_find_by_source_id_gives_newest_version(engine: Engine) -> None:
    _add(engine)
    with session_scope(engine) as session:
        assert find_article(session, "kyiv-1").version == 2
        assert find_article(session, "kyiv-1@1").version == 1
        assert find_article(session, "oslo-9").title == "Oslo 100% deal"


def test_find_by_hash_and_prefix(engine: Engine) -> None:
    _add(engine)
    with session_scope(engine) as session:
        assert find_article(session, "aaaa1111" + "0" * 56).version == 1
        assert find_article(session, "bbbb33").source_id == "oslo-9"
        assert find_article(session, "AAAA22").version == 2  # prefixes ignore case
        for ref in ("aaaa", "ffffff", "nothing"):  # too short to be a prefix, or matching nothing
            with pytest.raises(AccordError) as err:
                find_article(session, ref)
            assert err.value.code.name == "A202"


def test_ambiguous_prefix_is_a203(engine: Engine) -> None:
    _add(engine)
    with session_scope(engine) as session:
        for n, digest in enumerate(["cccccc01" + "0" * 56, "cccccc02" + "0" * 56]):
            store_article(
                session, source_id=f"c{n}", version=1, content_hash=digest, text="x", word_count=1, extra={}
            )
    with session_scope(engine) as session, pytest.raises(AccordError) as err:
        find_article(session, "cccccc0")
    assert err.value.code.name == "A203" and "2 articles" in err.value.message


def test_list_filters(engine: Engine) -> None:
    _add(engine)
    with session_scope(engine) as session:

        def listed(**chosen: object) -> list[tuple[str, int]]:
            page = list_articles(session, ArticleFilter.model_validate(chosen), limit=None)
            return [(a.source_id, a.version) for a in page.items]

        assert listed() == [("kyiv-1", 2), ("kyiv-1", 1), ("oslo-9", 1)]
        assert len(listed(date_from=dt.date(2022, 3, 2))) == 1
        assert len(listed(date_to=dt.date(2022, 3, 1))) == 1
        assert listed(outlet="river") == [("oslo-9", 1)]
        assert listed(q="AGAIN") == [("kyiv-1", 2)]
        # Search is by words: LIKE wildcards and FTS syntax in the query are plain text.
        assert listed(q="100%") == [("oslo-9", 1)]
        assert listed(q="deal_in") == [("oslo-9", 1)] and listed(q="deal%kyiv") == []
        assert len(list_articles(session, limit=2).items) == 2


def test_summaries_clusters_and_errors(engine: Engine) -> None:
    _add(engine)
    with session_scope(engine) as session:
        newest = find_article(session, "kyiv-1")
        summary = ArticleSummary.of(newest)
        assert (summary.outlet, summary.cluster_size, summary.cluster_outlets) == ("Atlas Daily", 2, 2)
        assert newest.cluster_id is not None
        assert [a.version for a in cluster_members(session, newest.cluster_id)] == [1, 2]
        assert store_counts(session).articles == 3
        assert [a.source_id for a in iter_articles(session, batch=2)] == ["kyiv-1", "kyiv-1", "oslo-9"]
        assert [e.code for e in ingest_errors(session)] == ["A101"]
