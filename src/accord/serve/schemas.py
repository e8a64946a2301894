"""The JSON shapes of the API (pydantic), one per resource; the OpenAPI schema is generated from them."""

from __future__ import annotations

import datetime as dt
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from accord.store.schema import MAX_ROW_ID

ItemType = Literal["actor", "quote", "event", "position"]
Action = Literal["accept", "reject", "correct"]
T = TypeVar("T")


class ArticleSummary(BaseModel):
    id: int
    source_id: str
    version: int
    title: str | None
    url: str | None
    outlet: str | None
    published: dt.date | None
    language: str | None
    word_count: int
    cluster_id: int | None
    cluster_size: int


class ArticlePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ArticleSummary]


class Item(BaseModel):
    """Provenance every extracted item carries."""

    model_config = ConfigDict(from_attributes=True)
    id: int
    article_id: int
    start: int
    end: int
    sentence: str
    sentence_start: int
    review: Action | None = None


class ActorMentionOut(Item):
    name: str
    surface: str
    kind: str | None
    linked: bool
    wikidata: str | None
    acts: bool


class QuoteOut(Item):
    speaker: str
    text: str


class EventOut(Item):
    type: str
    participants: list[Any]
    place: str | None
    date: str | None
    date_precision: str | None
    modality: str
    trigger: str | None


class PositionOut(Item):
    actor: str
    issue: str
    stance: str
    condition: str | None
    score: float


class Dated(BaseModel):
    """An item with the publication date of its article, for anything over time."""

    published: dt.date | None
    article_title: str | None


class QuoteRow(QuoteOut, Dated):
    pass


class EventRow(EventOut, Dated):
    pass


class PositionRow(PositionOut, Dated):
    pass


class ArticleDetail(ArticleSummary):
    text: str
    author: str | None
    origin: str | None
    extraction_status: str | None
    actors: list[ActorMentionOut]
    quotes: list[QuoteOut]
    events: list[EventOut]
    positions: list[PositionOut]
    duplicates: list[ArticleSummary]


class ActorSummary(BaseModel):
    name: str
    kind: str | None
    mentions: int
    articles: int
    quotes: int
    positions: int


class IssueSummary(BaseModel):
    issue: str
    positions: int
    actors: int
    support: int
    oppose: int
    conditional: int


class Page(BaseModel, Generic[T]):
    total: int
    limit: int
    offset: int
    items: list[T]


class ClusterOut(BaseModel):
    id: int
    size: int
    outlet_count: int
    articles: list[ArticleSummary]


class Counts(BaseModel):
    articles: int
    outlets: int
    clusters: int
    duplicate_clusters: int
    extracted_articles: int
    actors: int
    quotes: int
    events: int
    positions: int
    corrections: int
    first_published: dt.date | None
    last_published: dt.date | None


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
