"""How much the store holds, counted one way for the API's /stats, the dashboard and the report."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sqlalchemy import ColumnElement, Select, distinct, func, select
from sqlalchemy.orm import Session

from accord.store.corrections import not_rejected
from accord.store.outlets import outlet_name
from accord.store.queries.shapes import Counts
from accord.store.schema import ActorMention, Article, Correction, Event, Extraction, Outlet, Position, Quote


def published_by(as_of: dt.date | None) -> list[ColumnElement[bool]]:
    """Articles published on or before ``as_of``; undated ones count only with no cut-off."""
    if as_of is None:
        return []
    return [Article.published.is_not(None), Article.published <= as_of]


def articles_per_outlet(session: Session, as_of: dt.date | None = None) -> list[tuple[str, int]]:
    """(outlet, articles) for every outlet with an article, most articles first. An outlet named with a
    section ("Sample Wire — Ukraine talks") counts as its outlet."""
    per_outlet: Counter[str] = Counter()
    rows = session.execute(
        select(Outlet.name, func.count(Article.id))
        .join(Article, Article.outlet_id == Outlet.id)
        .where(*published_by(as_of))
        .group_by(Outlet.name)
    )
    for name, n in rows:
        per_outlet[outlet_name(name) or name] += n
    return sorted(per_outlet.items(), key=lambda item: (-item[1], item[0]))


def cluster_sizes(as_of: dt.date | None = None) -> Select[int | None, int]:
    """(cluster_id, n): the articles each near-duplicate cluster holds (up to ``as_of``)."""
    return (
        select(Article.cluster_id.label("cluster_id"), func.count(Article.id).label("n"))
        .where(Article.cluster_id.is_not(None), *published_by(as_of))
        .group_by(Article.cluster_id)
    )


def _item_count(session: Session, model: Any, as_of: dt.date | None, *where: ColumnElement[bool]) -> int:
    """Items of ``model`` in articles up to ``as_of`` that no analyst rejected."""
    query = (
        select(func.count(model.id))
        .join(Article, model.article_id == Article.id)
        .where(not_rejected(model), *where, *published_by(as_of))
    )
    return int(session.scalar(query) or 0)


def _cluster_counts(session: Session, as_of: dt.date | None) -> tuple[int, int, int]:
    """(clusters, clusters of more than one article, articles in those beyond the first of each)."""
    sizes = cluster_sizes(as_of).subquery()
    duplicate = sizes.c.n > 1
    row = session.execute(
        select(
            func.count(sizes.c.cluster_id),
            func.count(sizes.c.cluster_id).filter(duplicate),
            func.coalesce(func.sum(sizes.c.n - 1).filter(duplicate), 0),
        )
    ).one()
    return int(row[0]), int(row[1]), int(row[2])


def store_counts(session: Session, as_of: dt.date | None = None) -> Counts:
    """Every count of the store, of the articles published up to ``as_of`` (all of them without one)."""
    where = published_by(as_of)
    articles, undated, first, last = session.execute(
        select(
            func.count(Article.id),
            func.count(Article.id).filter(Article.published.is_(None)),
            func.min(Article.published),
            func.max(Article.published),
        ).where(*where)
    ).one()
    extracted = session.scalar(
        select(func.count(Extraction.id))
        .join(Article, Extraction.article_id == Article.id)
        .where(Extraction.status == "ok", *where)
    )
    clusters, duplicate_clusters, duplicate_articles = _cluster_counts(session, as_of)
    return Counts(
        articles=articles,
        undated=undated,
        outlets=len(articles_per_outlet(session, as_of)),
        clusters=clusters,
        duplicate_clusters=duplicate_clusters,
        duplicate_articles=duplicate_articles,
        extracted_articles=int(extracted or 0),
        # Actors as the gold schema counts them: distinct names of mentions that act or speak.
        actors=_distinct_actors(session, as_of),
        quotes=_item_count(session, Quote, as_of),
        events=_item_count(session, Event, as_of),
        positions=_item_count(session, Position, as_of),
        corrections=int(session.scalar(select(func.count(Correction.id))) or 0),
        first_published=first,
        last_published=last,
    )


def _distinct_actors(session: Session, as_of: dt.date | None) -> int:
    query = (
        select(func.count(distinct(ActorMention.name)))
        .join(Article, ActorMention.article_id == Article.id)
        .where(ActorMention.acts.is_(True), not_rejected(ActorMention), *published_by(as_of))
    )
    return int(session.scalar(query) or 0)
