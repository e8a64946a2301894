"""The report's overview: the store's counts (:func:`accord.store.queries.store_counts`, the same the
API's /stats gives) up to a date, with the largest near-duplicate clusters and the busiest outlets."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.report.data import ClusterSummary, Overview
from accord.store.outlets import outlet_name
from accord.store.queries import articles_per_outlet, cluster_sizes, published_by, store_counts
from accord.store.schema import Article, Outlet


def largest_clusters(session: Session, as_of: dt.date | None = None, top: int = 8) -> list[ClusterSummary]:
    """The ``top`` clusters holding most articles (more than one) up to ``as_of``, with their titles."""
    sizes = cluster_sizes(as_of).subquery()
    chosen = [
        row.cluster_id
        for row in session.execute(
            select(sizes.c.cluster_id)
            .where(sizes.c.n > 1)
            .order_by(sizes.c.n.desc(), sizes.c.cluster_id)
            .limit(top)
        )
    ]
    members: dict[int, list[tuple[str, str | None]]] = defaultdict(list)
    for cluster_id, title, outlet in session.execute(
        select(Article.cluster_id, Article.title, Outlet.name)
        .outerjoin(Outlet, Article.outlet_id == Outlet.id)
        .where(Article.cluster_id.in_(chosen), *published_by(as_of))
        .order_by(Article.id)
    ):
        if cluster_id is not None:  # always so: chosen from clusters
            members[cluster_id].append((title or "(untitled)", outlet_name(outlet)))
    return [
        ClusterSummary(
            cluster_id=cid,
            size=len(members[cid]),
            outlets=len({o for _, o in members[cid] if o is not None}),
            titles=list(dict.fromkeys(t for t, _ in members[cid])),
        )
        for cid in chosen
    ]


def overview_data(session: Session, as_of: dt.date | None = None, top: int = 8) -> Overview:
    """Articles, outlets, date range, near-duplicate clusters and extraction counts up to ``as_of``."""
    counts = store_counts(session, as_of)
    return Overview(
        articles=counts.articles,
        outlets=counts.outlets,
        first_date=counts.first_published,
        last_date=counts.last_published,
        undated=counts.undated,
        duplicate_clusters=counts.duplicate_clusters,
        duplicate_articles=counts.duplicate_articles,
        clusters=largest_clusters(session, as_of, top),
        extracted=counts.extracted_articles,
        actors=counts.actors,
        quotes=counts.quotes,
        events=counts.events,
        positions=counts.positions,
        top_outlets=articles_per_outlet(session, as_of)[:top],
        as_of=as_of,
    )
