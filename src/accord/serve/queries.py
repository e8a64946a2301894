"""Read queries behind the API and the pages: plain functions of a session, returning API shapes."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, String, cast, distinct, exists, func, or_, select
from sqlalchemy.orm import Session

from accord.report.outlets import outlet_name
from accord.serve import search
from accord.serve.schemas import (
    ActorMentionOut,
    ActorSummary,
    ArticleDetail,
    ArticlePage,
    ArticleSummary,
    ClusterOut,
    Counts,
    EventOut,
    EventRow,
    IssueSummary,
    Item,
    Page,
    PositionOut,
    PositionRow,
    QuoteOut,
    QuoteRow,
)
from accord.store.corrections import (
    ItemKey,
    apply_corrections_rows,
    corrections_for,
    item_type_of,
    not_rejected,
)
from accord.store.schema import (
    ActorMention,
    Article,
    Cluster,
    Correction,
    Event,
    Extraction,
    Outlet,
    Position,
    Quote,
)

ITEM_OUT: dict[str, type[Item]] = {
    "actor": ActorMentionOut,
    "quote": QuoteOut,
    "event": EventOut,
    "position": PositionOut,
}


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def counts(session: Session) -> Counts:
    def n(stmt: Select[Any]) -> int:
        return int(session.scalar(stmt) or 0)

    first, last = session.execute(select(func.min(Article.published), func.max(Article.published))).one()
    return Counts(
        articles=n(select(func.count(Article.id))),
        # An outlet named with a section ("Sample Wire — Ukraine talks") counts as its outlet.
        outlets=len({outlet_name(name) for name in session.scalars(select(Outlet.name))}),
        clusters=n(select(func.count(Cluster.id))),
        duplicate_clusters=n(select(func.count(Cluster.id)).where(Cluster.size > 1)),
        extracted_articles=n(select(func.count(Extraction.id)).where(Extraction.status == "ok")),
        # Actors as the gold schema and the report count them: distinct names of mentions that act or speak.
        actors=n(
            select(func.count(distinct(ActorMention.name))).where(
                ActorMention.acts.is_(True), not_rejected(ActorMention)
            )
        ),
        quotes=n(select(func.count(Quote.id)).where(not_rejected(Quote))),
        events=n(select(func.count(Event.id)).where(not_rejected(Event))),
        positions=n(select(func.count(Position.id)).where(not_rejected(Position))),
        corrections=n(select(func.count(Correction.id))),
        first_published=first,
        last_published=last,
    )


def _summary_columns() -> Select[Article, str, int]:
    return (
        select(Article, Outlet.name.label("outlet_name"), Cluster.size.label("cluster_size"))
        .outerjoin(Outlet, Article.outlet_id == Outlet.id)
        .outerjoin(Cluster, Article.cluster_id == Cluster.id)
    )


def _summary(article: Article, outlet: str | None, cluster_size: int | None) -> ArticleSummary:
    return ArticleSummary(
        id=article.id,
        source_id=article.source_id,
        version=article.version,
        title=article.title,
        url=article.url,
        outlet=outlet,
        published=article.published,
        language=article.language,
        word_count=article.word_count,
        cluster_id=article.cluster_id,
        cluster_size=cluster_size or 1,
    )


def published_between(date_from: dt.date | None, date_to: dt.date | None) -> list[ColumnElement[bool]]:
    """Articles published within the given bounds, each bound inclusive and optional."""
    where: list[ColumnElement[bool]] = []
    if date_from:
        where.append(Article.published >= date_from)
    if date_to:
        where.append(Article.published <= date_to)
    return where


def article_filters(
    *,
    outlet: str | None = None,
    actor: str | None = None,
    issue: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    cluster: int | None = None,
) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if outlet:
        where.append(Article.outlet_id.in_(select(Outlet.id).where(Outlet.name == outlet)))
    if actor:
        where.append(
            or_(
                exists().where(ActorMention.article_id == Article.id, ActorMention.name == actor),
                exists().where(Position.article_id == Article.id, Position.actor == actor),
                exists().where(Quote.article_id == Article.id, Quote.speaker == actor),
            )
        )
    if issue:
        where.append(exists().where(Position.article_id == Article.id, Position.issue == issue))
    where.extend(published_between(date_from, date_to))
    if cluster is not None:
        where.append(Article.cluster_id == cluster)
    return where


def list_articles(
    session: Session, *, q: str | None = None, limit: int = 20, offset: int = 0, **filters: Any
) -> ArticlePage:
    stmt = _summary_columns().where(*article_filters(**filters))
    fts = search.matches(session, q) if q else None
    if fts is not None:
        stmt = stmt.join(fts, fts.c.id == Article.id).order_by(fts.c.rank, Article.id)
    else:
        stmt = stmt.order_by(Article.published.desc().nulls_last(), Article.id.desc())
    total = int(session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0)
    rows = session.execute(stmt.limit(limit).offset(offset)).all()
    return ArticlePage(
        total=total,
        limit=limit,
        offset=offset,
        items=[_summary(r.Article, r.outlet_name, r.cluster_size) for r in rows],
    )


def _with_review(session: Session, source_id: str, items: Sequence[Any]) -> list[Any]:
    keys = [ItemKey(source_id, item_type_of(i), i.start, i.end) for i in items]
    found = corrections_for(session, keys)
    out = []
    for item, key in zip(items, keys, strict=True):
        shape = ITEM_OUT[key.item_type].model_validate(item)
        correction = found.get(key)
        shape.review = correction.action if correction else None  # type: ignore[assignment]
        out.append(shape)
    return out


def article_detail(session: Session, article_id: int) -> ArticleDetail | None:
    row = session.execute(_summary_columns().where(Article.id == article_id)).first()
    if row is None:
        return None
    article: Article = row.Article
    status = session.scalar(select(Extraction.status).where(Extraction.article_id == article_id))

    def items(model: Any) -> list[Any]:
        found = session.scalars(select(model).where(model.article_id == article_id).order_by(model.start))
        return _with_review(session, article.source_id, list(found))

    duplicates: list[ArticleSummary] = []
    if article.cluster_id is not None:
        others = session.execute(
            _summary_columns()
            .where(Article.cluster_id == article.cluster_id, Article.id != article.id)
            .order_by(Article.id)
            .limit(50)
        ).all()
        duplicates = [_summary(r.Article, r.outlet_name, r.cluster_size) for r in others]
    base = _summary(article, row.outlet_name, row.cluster_size)
    return ArticleDetail(
        **base.model_dump(),
        text=article.text,
        author=article.author,
        origin=article.origin,
        extraction_status=status,
        actors=items(ActorMention),
        quotes=items(Quote),
        events=items(Event),
        positions=items(Position),
        duplicates=duplicates,
    )


def actors(session: Session, *, q: str | None = None, limit: int = 50, offset: int = 0) -> Page[ActorSummary]:
    mentions = (
        select(
            ActorMention.name.label("name"),
            func.max(ActorMention.kind).label("kind"),
            func.count(ActorMention.id).label("mentions"),
            func.count(distinct(ActorMention.article_id)).label("articles"),
        )
        .where(not_rejected(ActorMention))
        .group_by(ActorMention.name)
        .subquery()
    )
    quotes = (
        select(Quote.speaker.label("name"), func.count(Quote.id).label("n"))
        .where(not_rejected(Quote))
        .group_by(Quote.speaker)
    )
    positions = (
        select(Position.actor.label("name"), func.count(Position.id).label("n"))
        .where(not_rejected(Position))
        .group_by(Position.actor)
    )
    qs, ps = quotes.subquery(), positions.subquery()
    stmt = (
        select(
            mentions.c.name,
            mentions.c.kind,
            mentions.c.mentions,
            mentions.c.articles,
            func.coalesce(qs.c.n, 0).label("quotes"),
            func.coalesce(ps.c.n, 0).label("positions"),
        )
        .outerjoin(qs, qs.c.name == mentions.c.name)
        .outerjoin(ps, ps.c.name == mentions.c.name)
    )
    if q:
        stmt = stmt.where(mentions.c.name.ilike(_like(q), escape="\\"))
    total = int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
    rows = session.execute(
        stmt.order_by(mentions.c.mentions.desc(), mentions.c.name).limit(limit).offset(offset)
    ).all()
    return Page[ActorSummary](
        total=total,
        limit=limit,
        offset=offset,
        items=[
            ActorSummary(
                name=r.name,
                kind=r.kind,
                mentions=r.mentions,
                articles=r.articles,
                quotes=r.quotes,
                positions=r.positions,
            )
            for r in rows
        ],
    )


def actor_exists(session: Session, name: str) -> bool:
    for model, column in (
        (ActorMention, ActorMention.name),
        (Position, Position.actor),
        (Quote, Quote.speaker),
    ):
        if session.scalar(select(model.id).where(column == name).limit(1)) is not None:
            return True
    return False


def issues(session: Session) -> list[IssueSummary]:
    rows = session.execute(
        select(
            Position.issue,
            func.count(Position.id).label("n"),
            func.count(distinct(Position.actor)).label("actors"),
        )
        .where(not_rejected(Position))
        .group_by(Position.issue)
    ).all()
    stances = session.execute(
        select(Position.issue, Position.stance, func.count(Position.id))
        .where(not_rejected(Position))
        .group_by(Position.issue, Position.stance)
    ).all()
    by: dict[tuple[str, str], int] = {(i, s): n for i, s, n in stances}
    return [
        IssueSummary(
            issue=r.issue,
            positions=r.n,
            actors=r.actors,
            support=by.get((r.issue, "support"), 0),
            oppose=by.get((r.issue, "oppose"), 0),
            conditional=by.get((r.issue, "conditional"), 0),
        )
        for r in sorted(rows, key=lambda r: (-r.n, r.issue))
    ]


def _dated(model: Any) -> Select[Any]:
    """Items with their article's date and title; items an analyst rejected are left out."""
    return (
        select(model, Article.published, Article.title)
        .join(Article, Article.id == model.article_id)
        .where(not_rejected(model))
    )


def _page(
    session: Session, stmt: Select[Any], shape: Any, limit: int, offset: int, order: Sequence[Any]
) -> Any:
    total = int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
    rows = session.execute(stmt.order_by(*order).limit(limit).offset(offset)).all()
    # Filters match the extracted values; the page shows the analysts' corrected ones.
    own = [name for name in shape.model_fields if name not in ("published", "article_title", "review")]
    items = [
        shape(**{name: getattr(item, name) for name in own}, published=published, article_title=title)
        for item, published, title in apply_corrections_rows(session, rows)
    ]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def positions(
    session: Session,
    *,
    actor: str | None = None,
    issue: str | None = None,
    stance: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int = 100,
    offset: int = 0,
) -> Page[PositionRow]:
    stmt = _dated(Position)
    if actor:
        stmt = stmt.where(Position.actor == actor)
    if issue:
        stmt = stmt.where(Position.issue == issue)
    if stance:
        stmt = stmt.where(Position.stance == stance)
    stmt = stmt.where(*published_between(date_from, date_to))
    order = (Article.published.asc().nulls_last(), Position.article_id, Position.start)
    return Page[PositionRow].model_validate(_page(session, stmt, PositionRow, limit, offset, order))


def quotes(
    session: Session,
    *,
    speaker: str | None = None,
    q: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[QuoteRow]:
    stmt = _dated(Quote)
    if speaker:
        stmt = stmt.where(Quote.speaker == speaker)
    if q:
        stmt = stmt.where(Quote.text.ilike(_like(q), escape="\\"))
    stmt = stmt.where(*published_between(date_from, date_to))
    order = (Article.published.desc().nulls_last(), Quote.article_id, Quote.start)
    return Page[QuoteRow].model_validate(_page(session, stmt, QuoteRow, limit, offset, order))


def events(
    session: Session,
    *,
    type: str | None = None,
    actor: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int = 100,
    offset: int = 0,
) -> Page[EventRow]:
    stmt = _dated(Event)
    if type:
        stmt = stmt.where(Event.type == type)
    if actor:
        # participants is a JSON list; its stored text holds each name JSON-encoded.
        stmt = stmt.where(cast(Event.participants, String).like(_like(json.dumps(actor)), escape="\\"))
    # An event's own date wins over its article's publication date when it has one.
    when = func.coalesce(Event.date, cast(Article.published, String))
    if date_from:
        stmt = stmt.where(when >= date_from.isoformat())
    if date_to:
        stmt = stmt.where(when <= date_to.isoformat() + "~")
    order = (when.asc().nulls_last(), Event.article_id, Event.start)
    return Page[EventRow].model_validate(_page(session, stmt, EventRow, limit, offset, order))


def clusters(session: Session, *, min_size: int = 2, limit: int = 20, offset: int = 0) -> Page[ClusterOut]:
    stmt = select(Cluster).where(Cluster.size >= min_size)
    total = int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
    found = list(session.scalars(stmt.order_by(Cluster.size.desc(), Cluster.id).limit(limit).offset(offset)))
    return Page[ClusterOut](
        total=total, limit=limit, offset=offset, items=[_cluster(session, c) for c in found]
    )


def _cluster(session: Session, found: Cluster) -> ClusterOut:
    rows = session.execute(
        _summary_columns().where(Article.cluster_id == found.id).order_by(Article.published, Article.id)
    ).all()
    return ClusterOut(
        id=found.id,
        size=found.size,
        # Counted by outlet, a section suffix dropped ("Sample Wire — Ukraine talks" is Sample Wire).
        outlet_count=len({outlet_name(r.outlet_name) for r in rows if r.outlet_name}) or found.outlet_count,
        articles=[_summary(r.Article, r.outlet_name, r.cluster_size) for r in rows],
    )


def cluster(session: Session, cluster_id: int) -> ClusterOut | None:
    found = session.get(Cluster, cluster_id)
    return None if found is None else _cluster(session, found)


def outlets(session: Session) -> list[str]:
    return list(session.scalars(select(Outlet.name).order_by(Outlet.name)))


def texts(session: Session, article_ids: Sequence[int]) -> dict[int, str]:
    rows = session.execute(select(Article.id, Article.text).where(Article.id.in_(list(article_ids))))
    return {row.id: row.text for row in rows}
