"""The analyst's review: a queue of extracted items and their accept / reject / correct decisions.

Decisions are stored by :mod:`accord.store.corrections` (apart from the extraction, keyed by item
identity); the scenario builder reads items through ``accord.store.corrections.apply_corrections``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.errors import AccordError, Errors
from accord.serve.schemas import CorrectionIn, CorrectionOut
from accord.store.corrections import (
    CORRECTABLE,
    ITEM_MODELS,
    ItemKey,
    corrections_for,
    record_correction,
)
from accord.store.queries.shapes import ITEM_OUT
from accord.store.schema import Article, Correction

STANCES = ("support", "oppose", "conditional")

# What an analyst may write into each field: the store's column sizes, no control characters (PostgreSQL
# refuses NUL in text), dates in the extractor's own form (YYYY, YYYY-MM or YYYY-MM-DD, a real date).
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _no_controls(value: str) -> str:
    if _CONTROLS.search(value):
        raise ValueError("control characters are not allowed")
    return value


Name = Annotated[str, StringConstraints(min_length=1, max_length=300), AfterValidator(_no_controls)]
Code = Annotated[str, StringConstraints(min_length=1, max_length=32), AfterValidator(_no_controls)]
Prose = Annotated[str, StringConstraints(max_length=10_000), AfterValidator(_no_controls)]
_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


def _real_date(value: str) -> str:
    if not _DATE.fullmatch(value):
        raise ValueError("expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = ([*map(int, value.split("-")), 1, 1])[:3]
    try:
        dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"{value} is not a date ({exc})") from exc
    return value


class _Changes(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class ActorChanges(_Changes):
    name: Name | None = None
    kind: Code | None = None
    acts: bool | None = None


class QuoteChanges(_Changes):
    speaker: Name | None = None
    text: Prose | None = None


class EventChanges(_Changes):
    type: Code | None = None
    participants: list[Name] | None = Field(default=None, max_length=100)
    place: Name | None = None
    date: Annotated[str, AfterValidator(_real_date)] | None = None
    date_precision: Literal["day", "month", "year", "relative"] | None = None
    modality: Literal["happened", "scheduled", "hypothetical", "negated"] | None = None


class PositionChanges(_Changes):
    actor: Name | None = None
    issue: Code | None = None
    stance: Literal["support", "oppose", "conditional"] | None = None
    condition: Prose | None = None
    score: Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)] | None = None


CHANGES: dict[str, type[_Changes]] = {
    "actor": ActorChanges,
    "quote": QuoteChanges,
    "event": EventChanges,
    "position": PositionChanges,
}


class QueueEntry(BaseModel):
    item_type: str
    item: Any
    article_id: int
    article_title: str | None
    review: str | None
    changes: dict[str, Any]


def _out(row: Correction) -> CorrectionOut:
    return CorrectionOut(
        source_id=row.source_id,
        item_type=row.item_type,
        start=row.start,
        end=row.end,
        action=row.action,
        changes=row.changes,
        note=row.note,
    )


def list_corrections(session: Session, source_id: str | None = None) -> list[CorrectionOut]:
    stmt = select(Correction).order_by(Correction.source_id, Correction.item_type, Correction.start)
    if source_id:
        stmt = stmt.where(Correction.source_id == source_id)
    return [_out(row) for row in session.scalars(stmt.limit(5000))]


def _check_changes(item_type: str, item: Any, changes: dict[str, Any], path: str) -> None:
    unknown = set(changes) - CORRECTABLE[item_type]
    if unknown:
        allowed = ", ".join(sorted(CORRECTABLE[item_type]))
        reason = f"cannot correct {', '.join(sorted(unknown))} on a {item_type}; allowed: {allowed}"
        raise AccordError(Errors.A604, path=path, param="changes", reason=reason)
    shape = ITEM_OUT[item_type]
    current = shape.model_validate(item).model_dump()
    try:
        CHANGES[item_type].model_validate(changes)
        shape.model_validate({**current, **changes})
    except ValidationError as exc:
        first = exc.errors()[0]
        reason = f"{'.'.join(str(p) for p in first['loc'])}: {first['msg'].removeprefix('Value error, ')}"
        raise AccordError(Errors.A604, path=path, param="changes", reason=reason) from exc
    if item_type == "position" and "stance" in changes and changes["stance"] not in STANCES:
        raise AccordError(Errors.A604, path=path, param="changes", reason=f"stance must be one of {STANCES}")
    if item_type == "position" and "score" in changes and not 0 <= float(changes["score"]) <= 1:
        raise AccordError(Errors.A604, path=path, param="changes", reason="score must be within 0-1")


def submit(session: Session, body: CorrectionIn, *, path: str) -> CorrectionOut:
    """Record one decision on one stored item, identified by its type and row id."""
    model = ITEM_MODELS[body.item_type]
    item: Any = session.get(model, body.item_id)
    if item is None:
        raise AccordError(Errors.A605, path=path, kind=body.item_type, ref=body.item_id)
    if body.action == "correct":
        if not body.changes:
            raise AccordError(Errors.A604, path=path, param="changes", reason="a correction needs changes")
        _check_changes(body.item_type, item, body.changes, path)
    source_id = session.scalar(select(Article.source_id).where(Article.id == item.article_id))
    assert source_id is not None  # the foreign key guarantees it
    key = ItemKey(source_id, body.item_type, item.start, item.end)
    try:
        row = record_correction(session, key, body.action, body.changes, body.note)
    except ValueError as exc:
        raise AccordError(Errors.A604, path=path, param="changes", reason=str(exc)) from exc
    out = _out(row)
    session.commit()
    return out


def queue(
    session: Session,
    *,
    item_type: str = "position",
    status: str = "pending",
    limit: int = 25,
    offset: int = 0,
) -> tuple[list[QueueEntry], int]:
    """Items of one type with their current decision; ``status`` is pending, reviewed or all."""
    model: Any = ITEM_MODELS[item_type]
    rows = session.execute(
        select(model, Article.source_id, Article.title)
        .join(Article, Article.id == model.article_id)
        .order_by(Article.published.desc().nulls_last(), model.article_id, model.start)
    ).all()
    keys = [ItemKey(r.source_id, item_type, r[0].start, r[0].end) for r in rows]
    found = corrections_for(session, keys)
    entries: list[QueueEntry] = []
    for row, key in zip(rows, keys, strict=True):
        decision = found.get(key)
        if status == "pending" and decision is not None:
            continue
        if status == "reviewed" and decision is None:
            continue
        entries.append(
            QueueEntry(
                item_type=item_type,
                item=ITEM_OUT[item_type].model_validate(row[0]),
                article_id=row[0].article_id,
                article_title=row.title,
                review=decision.action if decision else None,
                changes=decision.changes if decision else {},
            )
        )
    return entries[offset : offset + limit], len(entries)
