"""Analysts' corrections to extracted items, stored apart from the extraction.

A correction is keyed by the item's stable identity — article source id, item type and character
offsets — not by row id, so it still applies after the article is extracted again. The scenario
builder reads items through :func:`apply_corrections`: rejected items disappear, corrected ones come
back as unsaved copies carrying the analyst's values, everything else is passed through untouched.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, exists, select, tuple_
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session, aliased

from accord.store.schema import ActorMention, Article, Correction, Event, Position, Quote

ItemModel = ActorMention | Quote | Event | Position
T = TypeVar("T", ActorMention, Quote, Event, Position)

ITEM_MODELS: dict[str, type[ItemModel]] = {
    "actor": ActorMention,
    "quote": Quote,
    "event": Event,
    "position": Position,
}
ACTIONS = ("accept", "reject", "correct")
# The fields an analyst may change on each type; offsets and provenance never change.
CORRECTABLE: dict[str, frozenset[str]] = {
    "actor": frozenset({"name", "kind", "acts"}),
    "quote": frozenset({"speaker", "text"}),
    "event": frozenset({"type", "participants", "place", "date", "date_precision", "modality"}),
    "position": frozenset({"actor", "issue", "stance", "condition", "score"}),
}


@dataclass(frozen=True)
class ItemKey:
    source_id: str
    item_type: str
    start: int
    end: int


def item_type_of(item: ItemModel) -> str:
    for name, model in ITEM_MODELS.items():
        if isinstance(item, model):
            return name
    raise TypeError(f"not an extracted item: {type(item).__name__}")


def _source_ids(session: Session, article_ids: set[int]) -> dict[int, str]:
    if not article_ids:
        return {}
    rows = session.execute(select(Article.id, Article.source_id).where(Article.id.in_(article_ids)))
    return {row.id: row.source_id for row in rows}


def keys_for(session: Session, items: Sequence[ItemModel]) -> list[ItemKey]:
    """The stable identity of each item, in order."""
    sources = _source_ids(session, {item.article_id for item in items})
    return [ItemKey(sources[i.article_id], item_type_of(i), i.start, i.end) for i in items]


def corrections_for(session: Session, keys: Iterable[ItemKey]) -> dict[ItemKey, Correction]:
    wanted = list(set(keys))
    found: dict[ItemKey, Correction] = {}
    # Chunked so the IN list stays within every backend's bound-parameter limit.
    for at in range(0, len(wanted), 200):
        chunk = wanted[at : at + 200]
        stmt = select(Correction).where(
            tuple_(Correction.source_id, Correction.item_type, Correction.start, Correction.end).in_(
                [(k.source_id, k.item_type, k.start, k.end) for k in chunk]
            )
        )
        for row in session.scalars(stmt):
            found[ItemKey(row.source_id, row.item_type, row.start, row.end)] = row
    return found


def record_correction(
    session: Session,
    key: ItemKey,
    action: str,
    changes: dict[str, Any] | None = None,
    note: str | None = None,
) -> Correction:
    """Store the analyst's decision on one item; a later decision on the same item replaces it."""
    if key.item_type not in ITEM_MODELS:
        raise ValueError(f"unknown item type '{key.item_type}'")
    if action not in ACTIONS:
        raise ValueError(f"unknown action '{action}'")
    # Only a correction carries changed values; accept and reject record the decision alone.
    changes = dict(changes or {}) if action == "correct" else {}
    unknown = set(changes) - CORRECTABLE[key.item_type]
    if unknown:
        raise ValueError(f"cannot correct {', '.join(sorted(unknown))} on a {key.item_type}")
    existing = corrections_for(session, [key]).get(key)
    row = existing or Correction(
        source_id=key.source_id, item_type=key.item_type, start=key.start, end=key.end
    )
    row.action = action
    row.changes = changes
    row.note = note
    row.updated_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    if existing is None:
        session.add(row)
    session.flush()
    return row


def remove_correction(session: Session, key: ItemKey) -> bool:
    row = corrections_for(session, [key]).get(key)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def _corrected_copy(item: T, changes: dict[str, Any]) -> T:
    columns = {attr.key: getattr(item, attr.key) for attr in sa_inspect(type(item)).column_attrs}
    columns.update(changes)
    return type(item)(**columns)


def apply_corrections(session: Session, items: Sequence[T]) -> list[T]:
    """The items as the analysts left them: rejected ones dropped, accepted and corrected ones replaced
    by vetted copies.

    Corrected items are new, unsaved objects (never added to the session), so reading through this
    function can never write an analyst's value into the extraction tables.
    """
    keys = keys_for(session, items)
    found = corrections_for(session, keys)
    out: list[T] = []
    for item, key in zip(items, keys, strict=True):
        correction = found.get(key)
        if correction is None:
            out.append(item)
        elif correction.action in {"accept", "correct"}:
            # An item an analyst accepted or corrected is vetted: it is certain (score 1.0, so no
            # confidence threshold drops it) unless the correction sets a score itself.
            vetted = {"score": 1.0} if hasattr(type(item), "score") else {}
            changes = correction.changes if correction.action == "correct" else {}
            out.append(_corrected_copy(item, {**vetted, **changes}))
    return out


@functools.cache  # built once per model: constructing the expression costs more than running it
def not_rejected(model: type[ItemModel]) -> ColumnElement[bool]:
    """A SQL condition keeping ``model``'s rows no analyst rejected: for counts and pages that page in
    SQL. Rows read whole go through :func:`apply_corrections`, which also applies corrected values."""
    # An alias, so the article is looked up per item even when the outer query joins articles itself.
    article = aliased(Article)
    return ~exists().where(
        Correction.action == "reject",
        Correction.item_type == item_type_of_model(model),
        Correction.start == model.start,
        Correction.end == model.end,
        Correction.source_id == article.source_id,
        article.id == model.article_id,
    )


def item_type_of_model(model: type[ItemModel]) -> str:
    for name, known in ITEM_MODELS.items():
        if known is model:
            return name
    raise TypeError(f"not an extracted item model: {model.__name__}")


def apply_corrections_rows(session: Session, rows: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
    """:func:`apply_corrections` on rows whose first column is the item (e.g. ``(item, article, outlet)``):
    the rest of each row stays with its item, corrected or not."""
    kept: list[Any] = apply_corrections(session, [row[0] for row in rows])
    # A corrected copy keeps its row id, so it finds the rest of its row by id.
    rest = {row[0].id: tuple(row[1:]) for row in rows}
    return [(item, *rest[item.id]) for item in kept]
