"""The JSON shapes of the API (pydantic), one per resource; the OpenAPI schema is generated from them.

What the API reads is shaped by the store's read layer (:mod:`accord.store.queries.shapes`, re-exported
here); what only the API has (corrections sent in, errors) is defined here.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from accord.store.queries.shapes import (
    ITEM_OUT,
    Action,
    ActorMentionOut,
    ActorSummary,
    ArticleDetail,
    ArticlePage,
    ArticleSummary,
    ClusterOut,
    Counts,
    Dated,
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
from accord.store.schema import MAX_ROW_ID

__all__ = [
    "ITEM_OUT",
    "Action",
    "ActorMentionOut",
    "ActorSummary",
    "ArticleDetail",
    "ArticlePage",
    "ArticleSummary",
    "ClusterOut",
    "CorrectionIn",
    "CorrectionOut",
    "Counts",
    "Dated",
    "ErrorDetail",
    "ErrorOut",
    "EventOut",
    "EventRow",
    "IssueSummary",
    "Item",
    "ItemType",
    "Page",
    "PositionOut",
    "PositionRow",
    "QuoteOut",
    "QuoteRow",
]

ItemType = Literal["actor", "quote", "event", "position"]


class CorrectionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    item_type: ItemType
    item_id: int = Field(ge=1, le=MAX_ROW_ID)
    action: Action
    changes: dict[str, Any] = Field(default_factory=dict)
    # PostgreSQL refuses NUL in text: a note with one is a 422, not a failed insert.
    note: str | None = Field(default=None, max_length=2000, pattern=r"^[^\x00]*$")


class CorrectionOut(BaseModel):
    source_id: str
    item_type: str
    start: int
    end: int
    action: str
    changes: dict[str, Any]
    note: str | None


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorOut(BaseModel):
    error: ErrorDetail
