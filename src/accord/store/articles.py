"""Stored articles for the stages that write them or walk them: find, walk, add, record errors.

Reading articles for people (list, search, count) is :mod:`accord.store.queries`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from accord.errors import AccordError, Errors
from accord.store.database import advisory_lock
from accord.store.queries.articles import with_relations
from accord.store.queries.state import CLUSTERING, store_state
from accord.store.schema import Article, Cluster, IngestError, Outlet

_HEX = re.compile(r"^[0-9a-f]{6,64}$")
_VERSIONED = re.compile(r"^(.+)@(\d+)$")


# -- reading ---------------------------------------------------------------------------------------


def find_article(session: Session, ref: str) -> Article:
    """The article a user means by ``ref``.

    ``ref`` is a content hash (or a prefix of at least 6 hex digits), a source id (its newest
    version), or ``SOURCE_ID@VERSION``. Raises A202 when nothing matches, A203 when a hash prefix
    matches several articles.
    """
    ref = ref.strip()
    exact = session.scalars(with_relations(select(Article).where(Article.content_hash == ref))).first()
    if exact is not None:
        return exact
    by_source = session.scalars(
        with_relations(select(Article).where(Article.source_id == ref).order_by(Article.version.desc()))
    ).first()
    if by_source is not None:
        return by_source
    versioned = _VERSIONED.match(ref)
    if versioned:
        article = session.scalars(
            with_relations(
                select(Article).where(
                    Article.source_id == versioned.group(1), Article.version == int(versioned.group(2))
                )
            )
        ).first()
        if article is not None:
            return article
    if _HEX.match(ref.lower()):
        matches = session.scalars(
            with_relations(select(Article).where(Article.content_hash.like(f"{ref.lower()}%")).limit(3))
        ).all()
        if len(matches) == 1:
            return matches[0]
        if matches:
            count = session.scalar(
                select(func.count()).select_from(Article).where(Article.content_hash.like(f"{ref.lower()}%"))
            )
            raise AccordError(Errors.A203, ref=ref, count=count)
    raise AccordError(Errors.A202, ref=ref)


def iter_articles(session: Session, batch: int = 500) -> Iterator[Article]:
    """Every stored article in id order, loaded in batches (for stages that walk the whole store)."""
    last = 0
    while True:
        rows = session.scalars(
            with_relations(select(Article).where(Article.id > last).order_by(Article.id).limit(batch))
        ).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].id


def cluster_members(session: Session, cluster_id: int) -> list[Article]:
    query = with_relations(select(Article).where(Article.cluster_id == cluster_id).order_by(Article.id))
    return list(session.scalars(query).all())


def ingest_errors(session: Session, limit: int | None = None) -> list[IngestError]:
    query = select(IngestError).order_by(IngestError.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query).all())


# -- writing ---------------------------------------------------------------------------------------


def outlet_id(session: Session, name: str | None, cache: dict[str, int] | None = None) -> int | None:
    """The id of the outlet called ``name``, creating it when new."""
    if not name:
        return None
    if cache is not None and name in cache:
        return cache[name]
    found = session.scalar(select(Outlet.id).where(Outlet.name == name))
    if found is None:
        outlet = Outlet(name=name)
        session.add(outlet)
        session.flush()
        found = outlet.id
    if cache is not None:
        cache[name] = found
    return found


def store_article(session: Session, **fields: Any) -> Article:
    """Insert one article row (the caller has checked it is new) and return it with its id."""
    article = Article(**fields)
    session.add(article)
    session.flush()
    return article


def record_ingest_error(session: Session, source: str, code: str, message: str) -> IngestError:
    error = IngestError(source=source[:2000], code=code, message=message)
    session.add(error)
    return error


def known_versions(session: Session) -> Iterator[tuple[str, str | None, int, str]]:
    """(source_id, url, version, content_hash) of every stored article, for ingest's bookkeeping."""
    query = select(Article.source_id, Article.url, Article.version, Article.content_hash)
    for row in session.execute(query):
        yield row[0], row[1], row[2], row[3]


def stored_fingerprints(session: Session) -> Iterator[tuple[str, int | None, int | None, bytes | None]]:
    """(content_hash, cluster_id, outlet_id, minhash) of every stored article."""
    query = select(Article.content_hash, Article.cluster_id, Article.outlet_id, Article.minhash)
    for row in session.execute(query.order_by(Article.id)):
        yield row[0], row[1], row[2], row[3]


def article_text(session: Session, content_hash: str) -> str:
    return str(session.scalar(select(Article.text).where(Article.content_hash == content_hash)) or "")


def max_cluster_id(session: Session) -> int:
    return int(session.scalar(select(func.max(Cluster.id))) or 0)


def clusters_by_id(session: Session, ids: Sequence[int]) -> dict[int, Cluster]:
    return {c.id: c for c in session.scalars(select(Cluster).where(Cluster.id.in_(ids)))}


# PostgreSQL advisory-lock key held by a writer committing ingested articles ("ingest" in ASCII).
_INGEST_LOCK = 0x696E67657374


def lock_for_writing(session: Session) -> None:
    """Take the store's write lock in the session's open transaction, held until it ends.

    SQLite: a write that changes nothing takes the database's single write lock (waiting up to
    busy_timeout); PostgreSQL: a transaction-level advisory lock that every ingest commit takes.
    """
    if session.get_bind().dialect.name == "postgresql":
        advisory_lock(session, _INGEST_LOCK)
    else:
        session.execute(text("UPDATE clusters SET size = size WHERE 0 = 1"))


def clustering_state(session: Session) -> tuple[tuple[Any, ...], ...]:
    """A token that changes whenever articles or clusters are added, removed or merged."""
    return store_state(session, CLUSTERING)
