"""Reading extracted items: actors, issues, and positions, quotes and events over time.

Items an analyst rejected are left out; filters match the extracted values, pages show the corrected ones.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, String, cast, distinct, func, select
from sqlalchemy.orm import Session

from accord.store.corrections import apply_corrections_rows, not_rejected
from accord.store.queries.filters import like_pattern, published_between
from accord.store.queries.shapes import ActorSummary, EventRow, IssueSummary, Page, PositionRow, QuoteRow
from accord.store.schema import ActorMention, Article, Event, Position, Quote


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
        stmt = stmt.where(mentions.c.name.ilike(like_pattern(q), escape="\\"))
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
        stmt = stmt.where(Quote.text.ilike(like_pattern(q), escape="\\"))
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
        stmt = stmt.where(cast(Event.participants, String).like(like_pattern(json.dumps(actor)), escape="\\"))
    # An event's own date wins over its article's publication date when it has one.
    when = func.coalesce(Event.date, cast(Article.published, String))
    if date_from:
        stmt = stmt.where(when >= date_from.isoformat())
    if date_to:
        stmt = stmt.where(when <= date_to.isoformat() + "~")
    order = (when.asc().nulls_last(), Event.article_id, Event.start)
    return Page[EventRow].model_validate(_page(session, stmt, EventRow, limit, offset, order))
