"""Reading articles: a filtered, searched page of summaries, one article in full, near-duplicate clusters."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, joinedload

from accord.store.corrections import ItemKey, corrections_for, item_type_of
from accord.store.outlets import outlet_name
from accord.store.queries import search
from accord.store.queries.filters import ArticleFilter, article_conditions
from accord.store.queries.shapes import (
    ITEM_OUT,
    ArticleDetail,
    ArticlePage,
    ArticleSummary,
    ClusterOut,
    Item,
    Page,
)
from accord.store.schema import ActorMention, Article, Cluster, Event, Extraction, Outlet, Position, Quote

_S = TypeVar("_S", bound=Select[Any])

# Without a search: newest publication first, undated last, the later stored first on one day.
NEWEST_FIRST = (Article.published.desc().nulls_last(), Article.id.desc())


def with_relations(query: _S) -> _S:
    """Load each article's outlet and cluster with it (what :meth:`ArticleSummary.of` reads)."""
    return query.options(joinedload(Article.outlet), joinedload(Article.cluster))


def count_rows(session: Session, stmt: Select[Any]) -> int:
    return int(session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0)


def list_articles(
    session: Session, chosen: ArticleFilter | None = None, *, limit: int | None = 20, offset: int = 0
) -> ArticlePage:
    """The articles ``chosen`` picks, best match first with a search, else newest first; ``limit``
    None gives every one."""
    chosen = chosen or ArticleFilter()
    stmt = select(Article).where(*article_conditions(chosen))
    fts = search.matches(session, chosen.q) if chosen.q else None
    order: Sequence[Any] = NEWEST_FIRST
    if fts is not None:
        stmt = stmt.join(fts, fts.c.id == Article.id)
        order = (fts.c.rank, Article.id)
    total = count_rows(session, stmt)
    stmt = with_relations(stmt).order_by(*order).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    found = session.scalars(stmt).unique().all()
    return ArticlePage(total=total, limit=limit, offset=offset, items=[ArticleSummary.of(a) for a in found])


def _with_review(session: Session, source_id: str, items: Sequence[Any]) -> list[Any]:
    """Each item in its API shape, with the analyst's decision on it (if any)."""
    keys = [ItemKey(source_id, item_type_of(i), i.start, i.end) for i in items]
    found = corrections_for(session, keys)
    out: list[Item] = []
    for item, key in zip(items, keys, strict=True):
        shape = ITEM_OUT[key.item_type].model_validate(item)
        correction = found.get(key)
        shape.review = correction.action if correction else None  # type: ignore[assignment]
        out.append(shape)
    return out


def _members(session: Session, cluster_id: int) -> list[Article]:
    query = with_relations(select(Article).where(Article.cluster_id == cluster_id))
    return list(session.scalars(query.order_by(Article.published, Article.id)).unique())


def article_detail(session: Session, article_id: int) -> ArticleDetail | None:
    """One article with its text, every extracted item (with review decisions) and its near-duplicates."""
    article = session.scalars(with_relations(select(Article).where(Article.id == article_id))).first()
    if article is None:
        return None
    status = session.scalar(select(Extraction.status).where(Extraction.article_id == article_id))

    def items(model: Any) -> list[Any]:
        found = session.scalars(select(model).where(model.article_id == article_id).order_by(model.start))
        return _with_review(session, article.source_id, list(found))

    duplicates: list[ArticleSummary] = []
    if article.cluster_id is not None:
        others = with_relations(
            select(Article).where(Article.cluster_id == article.cluster_id, Article.id != article.id)
        )
        found = session.scalars(others.order_by(Article.id).limit(50)).unique()
        duplicates = [ArticleSummary.of(a) for a in found]
    return ArticleDetail(
        **ArticleSummary.of(article).model_dump(),
        text=article.text,
        origin=article.origin,
        extraction_status=status,
        actors=items(ActorMention),
        quotes=items(Quote),
        events=items(Event),
        positions=items(Position),
        duplicates=duplicates,
    )


def _cluster(session: Session, found: Cluster) -> ClusterOut:
    members = _members(session, found.id)
    # Counted by outlet, a section suffix dropped ("Sample Wire — Ukraine talks" is Sample Wire).
    names = {outlet_name(a.outlet.name) for a in members if a.outlet is not None}
    return ClusterOut(
        id=found.id,
        size=found.size,
        outlet_count=len(names) or found.outlet_count,
        articles=[ArticleSummary.of(a) for a in members],
    )


def clusters(session: Session, *, min_size: int = 2, limit: int = 20, offset: int = 0) -> Page[ClusterOut]:
    """Near-duplicate clusters of at least ``min_size`` articles, largest first."""
    stmt = select(Cluster).where(Cluster.size >= min_size)
    total = count_rows(session, stmt)
    found = list(session.scalars(stmt.order_by(Cluster.size.desc(), Cluster.id).limit(limit).offset(offset)))
    return Page[ClusterOut](
        total=total, limit=limit, offset=offset, items=[_cluster(session, c) for c in found]
    )


def cluster(session: Session, cluster_id: int) -> ClusterOut | None:
    found = session.get(Cluster, cluster_id)
    return None if found is None else _cluster(session, found)


def outlets(session: Session) -> list[str]:
    """Every outlet's stored name, in order (what the outlet filter's choices offer)."""
    return list(session.scalars(select(Outlet.name).order_by(Outlet.name)))


def texts(session: Session, article_ids: Sequence[int]) -> dict[int, str]:
    rows = session.execute(select(Article.id, Article.text).where(Article.id.in_(list(article_ids))))
    return {row.id: row.text for row in rows}
