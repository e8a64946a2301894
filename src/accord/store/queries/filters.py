"""The filters a reader puts on articles (typed), and the SQL conditions they stand for.

The CLI (`accord articles`), the API (`/api/v1/articles`) and the pages read articles through one
:class:`ArticleFilter`, so an option means the same thing wherever it is given.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict
from sqlalchemy import ColumnElement, exists, or_, select

from accord.store.schema import ActorMention, Article, Outlet, Position, Quote


def like_pattern(value: str) -> str:
    """A LIKE pattern for ``value`` anywhere in a column, its own ``%``, ``_`` and ``\\`` taken literally
    (escape character: backslash)."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class ArticleFilter(BaseModel):
    """Which articles to read; every field is optional and they combine with AND.

    - ``q``: full-text search (:mod:`accord.store.queries.search`): every word of it, best match first;
    - ``outlet``: the outlet's name contains it, in any case ("wire" finds "Sample Wire" and its sections);
    - ``actor``: an actor mentioned, quoted or holding a position in the article (exact name);
    - ``issue``: a position on this issue stated in the article;
    - ``date_from``/``date_to``: published on or after / on or before, inclusive (undated articles drop out);
    - ``cluster``: in this near-duplicate cluster.
    """

    model_config = ConfigDict(frozen=True)

    q: str | None = None
    outlet: str | None = None
    actor: str | None = None
    issue: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    cluster: int | None = None


def published_between(date_from: dt.date | None, date_to: dt.date | None) -> list[ColumnElement[bool]]:
    """Articles published within the given bounds, each bound inclusive and optional."""
    where: list[ColumnElement[bool]] = []
    if date_from:
        where.append(Article.published >= date_from)
    if date_to:
        where.append(Article.published <= date_to)
    return where


def outlet_matches(outlet: str) -> ColumnElement[bool]:
    """The one outlet rule: the article's outlet name contains ``outlet``, in any case."""
    named = select(Outlet.id).where(Outlet.name.ilike(like_pattern(outlet), escape="\\"))
    return Article.outlet_id.in_(named)


def actor_in_article(actor: str) -> ColumnElement[bool]:
    return or_(
        exists().where(ActorMention.article_id == Article.id, ActorMention.name == actor),
        exists().where(Position.article_id == Article.id, Position.actor == actor),
        exists().where(Quote.article_id == Article.id, Quote.speaker == actor),
    )


def article_conditions(chosen: ArticleFilter) -> list[ColumnElement[bool]]:
    """The SQL conditions of every filter but the search (which also ranks; see ``list_articles``)."""
    where: list[ColumnElement[bool]] = []
    if chosen.outlet:
        where.append(outlet_matches(chosen.outlet))
    if chosen.actor:
        where.append(actor_in_article(chosen.actor))
    if chosen.issue:
        where.append(exists().where(Position.article_id == Article.id, Position.issue == chosen.issue))
    where.extend(published_between(chosen.date_from, chosen.date_to))
    if chosen.cluster is not None:
        where.append(Article.cluster_id == chosen.cluster)
    return where
