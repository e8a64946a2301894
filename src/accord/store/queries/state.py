"""Two questions every stage asks of the store, answered once: which articles still need extracting, and
has the store changed since a token was taken."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.orm import Session

from accord.store.schema import Article, Cluster, Correction, Event, Extraction, Position, Quote


def needs_extraction(pipeline_version: str | None) -> ColumnElement[bool]:
    """Articles with no extraction, or (given a version) one made by another pipeline version."""
    done = exists().where(Extraction.article_id == Article.id)
    if pipeline_version is not None:
        done = done.where(Extraction.pipeline_version == pipeline_version)
    return ~done


# What the later stages read: articles, their extraction and its items, and analysts' corrections.
CONTENT: tuple[Any, ...] = (Article, Extraction, Position, Quote, Event, Correction)
# What clustering reads: articles and the clusters they are in.
CLUSTERING: tuple[Any, ...] = (Article, Cluster)


def store_state(session: Session, models: tuple[Any, ...] = CONTENT) -> tuple[tuple[Any, ...], ...]:
    """A token that changes whenever a row of one of ``models`` is added, removed or replaced: per table
    its row count and highest id (ids only grow), and for corrections, which are updated in place (one
    row per item), their latest update time too."""
    state = []
    for model in models:
        columns = [func.count(model.id), func.max(model.id)]
        if model is Correction:
            columns.append(func.max(Correction.updated_at))
        row = session.execute(select(*columns)).one()
        state.append((int(row[0]), int(row[1] or 0), *(str(value) for value in row[2:])))
    return tuple(state)
