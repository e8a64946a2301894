"""The store's tables (SQLAlchemy 2 declarative). Alembic migrations under ``migrations/`` create them.

Any change here comes with a new migration; ``tests/store/test_migrations.py`` checks the two agree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# The largest id every backend's INTEGER primary key holds (PostgreSQL's is 32-bit, SQLite's 64-bit):
# the bound for ids taken from requests, so an out-of-range id is a 4xx, not a database error.
MAX_ROW_ID = 2**31 - 1


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Outlet(Base):
    __tablename__ = "outlets"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)


class Cluster(Base):
    """A group of near-duplicate articles: syndicated copies, rewrites, spun versions."""

    __tablename__ = "clusters"
    id: Mapped[int] = mapped_column(primary_key=True)
    size: Mapped[int] = mapped_column(Integer, default=1)
    outlet_count: Mapped[int] = mapped_column(Integer, default=0)


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (
        UniqueConstraint("source_id", "version", name="uq_article_source_version"),
        Index("ix_article_published", "published"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[str] = mapped_column(String(500), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(2000), index=True)
    author: Mapped[str | None] = mapped_column(String(500))
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id"))
    published: Mapped[dt.date | None] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(16))
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    origin: Mapped[str | None] = mapped_column(String(2000))
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    cluster_id: Mapped[int | None] = mapped_column(ForeignKey("clusters.id"), index=True)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())

    outlet: Mapped[Outlet | None] = relationship()
    cluster: Mapped[Cluster | None] = relationship()


class IngestError(Base):
    __tablename__ = "ingest_errors"
    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(2000))
    code: Mapped[str] = mapped_column(String(8))
    message: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


# -- extraction ------------------------------------------------------------------------------------
# One Extraction row per article; its items hang off it, so replacing an article's extraction is
# deleting one row (cascade) and inserting the new one inside a single transaction.


class Extraction(Base):
    __tablename__ = "extractions"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), unique=True)
    pipeline_version: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))  # ok | skipped | error
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class _Item:
    """Provenance every extracted item carries: article, character offsets, sentence."""

    id: Mapped[int] = mapped_column(primary_key=True)
    extraction_id: Mapped[int] = mapped_column(ForeignKey("extractions.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int] = mapped_column(Integer)


class ActorMention(_Item, Base):
    __tablename__ = "actor_mentions"
    name: Mapped[str] = mapped_column(String(300), index=True)  # canonical name, or surface form if unlinked
    surface: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str | None] = mapped_column(String(32))
    linked: Mapped[bool] = mapped_column(Boolean, default=False)
    wikidata: Mapped[str | None] = mapped_column(String(32))
    acts: Mapped[bool] = mapped_column(Boolean, default=True)  # acts or speaks, not a mere mention


class Quote(_Item, Base):
    __tablename__ = "quotes"
    speaker: Mapped[str] = mapped_column(String(300), index=True)
    text: Mapped[str] = mapped_column(Text)
    # The extractor's confidence (accord.extract.components.confidence); 1.0 for rows before migration 0005.
    score: Mapped[float] = mapped_column(Float, default=1.0, server_default="1.0")


class Event(_Item, Base):
    __tablename__ = "events"
    type: Mapped[str] = mapped_column(String(32), index=True)
    participants: Mapped[list[Any]] = mapped_column(JSON, default=list)
    place: Mapped[str | None] = mapped_column(String(300))
    date: Mapped[str | None] = mapped_column(String(10))  # ISO, reduced precision allowed
    date_precision: Mapped[str | None] = mapped_column(String(8))  # day | month | year | relative
    modality: Mapped[str] = mapped_column(String(16), default="happened")
    trigger: Mapped[str | None] = mapped_column(String(100))
    # Every sentence that reports the event: [{article_id, start, end, sentence, sentence_start}, ...].
    # Rows stored before migration 0003 have none; their own offsets and sentence are their one source.
    sources: Mapped[list[Any]] = mapped_column(JSON, default=list, server_default=text("'[]'"))
    score: Mapped[float] = mapped_column(Float, default=1.0, server_default="1.0")
    # The one event this report is part of when near-duplicate articles of its cluster tell it too
    # (accord.extract.event_merge); None when no other article of the cluster does.
    cluster_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("cluster_events.id", ondelete="SET NULL"), index=True
    )


class ClusterEvent(Base):
    """One event as the near-duplicate articles of one cluster tell it, with every sentence that does.

    Derived from the articles' own events (which stay, so each article is still scored on its own) by
    accord.extract.event_merge after each extraction; rebuilt, never edited.
    """

    __tablename__ = "cluster_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    # No foreign key: ingest deletes a cluster it merges into another, and the merge step then
    # rebuilds these rows from the articles' current clusters.
    cluster_id: Mapped[int] = mapped_column(Integer, index=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    participants: Mapped[list[Any]] = mapped_column(JSON, default=list)
    place: Mapped[str | None] = mapped_column(String(300))
    date: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(8))
    modality: Mapped[str] = mapped_column(String(16), default="happened")
    trigger: Mapped[str | None] = mapped_column(String(100))
    sources: Mapped[list[Any]] = mapped_column(JSON, default=list)  # as Event.sources, from every article


class Position(_Item, Base):
    __tablename__ = "positions"
    actor: Mapped[str] = mapped_column(String(300), index=True)
    issue: Mapped[str] = mapped_column(String(32), index=True)
    stance: Mapped[str] = mapped_column(String(16))  # support | oppose | conditional
    condition: Mapped[str | None] = mapped_column(Text)
    score: Mapped[float] = mapped_column(Float, default=1.0)


# -- review (accord serve) -------------------------------------------------------------------------
# An analyst's decision on an extracted item lives apart from the extraction and is keyed by the
# item's stable identity (article source id, item type, offsets), so it survives re-extraction.


class Correction(Base):
    __tablename__ = "corrections"
    __table_args__ = (UniqueConstraint("source_id", "item_type", "start", "end", name="uq_correction_item"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[str] = mapped_column(String(500), index=True)
    item_type: Mapped[str] = mapped_column(String(16))  # actor | quote | event | position
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))  # accept | reject | correct
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    note: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


# Full-text search structures are made by migration 0002 and are not models: an FTS5 virtual table
# (and its shadow tables) on SQLite, an expression GIN index on PostgreSQL. Migration comparisons skip them.
NOT_MODELLED_PREFIX = "articles_fts"


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic ``include_name`` hook: leave the full-text search structures out of comparisons."""
    return not (name or "").startswith(NOT_MODELLED_PREFIX) and name != "ix_articles_fts"
