"""The extraction stage's output, item by item, as it crosses into the store and the exporter.

Every item carries its provenance: character offsets into the article text, the sentence it came
from and where that sentence starts, so a reader can always go back to the words.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, Field

from accord.errors import ErrorRecord

Status = Literal["ok", "skipped", "error"]
Stance = Literal["support", "oppose", "conditional"]
Modality = Literal["happened", "scheduled", "hypothetical", "negated"]
DatePrecision = Literal["day", "month", "year", "relative"]


class ArticleInput(NamedTuple):
    """One article as the runner feeds it to the pipeline."""

    article_id: int
    source_id: str
    text: str
    published: dt.date | None = None
    language: str | None = None


class Provenance(BaseModel):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: str
    sentence_start: int = Field(ge=0)


class ActorItem(Provenance):
    name: str  # canonical name when linked, else the cleaned surface form
    surface: str
    kind: str | None = None
    linked: bool = False
    wikidata: str | None = None
    acts: bool = True


class QuoteItem(Provenance):
    speaker: str  # an actor's name, or "unnamed: <description>"
    text: str
    score: float = Field(default=1.0, ge=0, le=1)  # estimated probability of being right (confidence.py)


class EventSource(Provenance):
    """One sentence that reports an event: the article, the trigger's offsets, the sentence."""

    article_id: int


class EventItem(Provenance):
    """An event; its own offsets are its first report's, and ``sources`` holds every report of it
    (the article telling it twice gives two, near-duplicate articles of one cluster one each)."""

    type: str
    participants: list[str] = Field(default_factory=list)
    place: str | None = None
    date: str | None = None
    date_precision: DatePrecision | None = None
    modality: Modality = "happened"
    trigger: str | None = None
    sources: list[EventSource] = Field(default_factory=list)
    score: float = Field(default=1.0, ge=0, le=1)


class PositionItem(Provenance):
    actor: str
    issue: str
    stance: Stance
    condition: str | None = None
    score: float = Field(default=1.0, ge=0, le=1)


class ArticleExtraction(BaseModel):
    article_id: int
    source_id: str
    status: Status = "ok"
    error: ErrorRecord | None = None  # why the article was skipped or failed; None when ok
    actors: list[ActorItem] = Field(default_factory=list)
    quotes: list[QuoteItem] = Field(default_factory=list)
    events: list[EventItem] = Field(default_factory=list)
    positions: list[PositionItem] = Field(default_factory=list)

    @property
    def reason(self) -> str | None:
        """The error as its one-line ``[code] message``, as the store keeps it."""
        return str(self.error) if self.error is not None else None

    def shifted(self, offset: int) -> ArticleExtraction:
        """The same items with offsets moved by ``offset`` (for articles processed in chunks)."""
        if offset == 0:
            return self

        def move(item: Provenance) -> dict[str, Any]:
            data = item.model_dump()
            for source in [data, *data.get("sources", [])]:
                source["start"] += offset
                source["end"] += offset
                source["sentence_start"] += offset
            return data

        return self.model_copy(
            update={
                "actors": [ActorItem(**move(a)) for a in self.actors],
                "quotes": [QuoteItem(**move(q)) for q in self.quotes],
                "events": [EventItem(**move(e)) for e in self.events],
                "positions": [PositionItem(**move(p)) for p in self.positions],
            }
        )
