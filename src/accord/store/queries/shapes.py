"""What the read queries return (pydantic): the same shapes behind the CLI, the JSON API, the pages and
the report, so each field means one thing wherever it is shown."""

from __future__ import annotations

import datetime as dt
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, computed_field

from accord.store.schema import Article

Action = Literal["accept", "reject", "correct"]
T = TypeVar("T")


class ArticleSummary(BaseModel):
    """One article's metadata, as `accord articles` lists it and the API and pages return it."""

    id: int
    source_id: str
    version: int
    content_hash: str
    title: str | None
    url: str | None
    outlet: str | None
    published: dt.date | None
    language: str | None
    word_count: int
    author: str | None
    cluster_id: int | None
    cluster_size: int  # an article in no cluster is alone: 1
    cluster_outlets: int | None

    @classmethod
    def of(cls, article: Article) -> ArticleSummary:
        """The summary of an article loaded with its outlet and cluster."""
        cluster = article.cluster
        return cls(
            id=article.id,
            source_id=article.source_id,
            version=article.version,
            content_hash=article.content_hash,
            title=article.title,
            url=article.url,
            outlet=article.outlet.name if article.outlet else None,
            published=article.published,
            language=article.language,
            word_count=article.word_count,
            author=article.author,
            cluster_id=article.cluster_id,
            cluster_size=cluster.size if cluster else 1,
            cluster_outlets=cluster.outlet_count if cluster else None,
        )


class Page(BaseModel, Generic[T]):
    total: int
    limit: int
    offset: int
    items: list[T]


class ArticlePage(BaseModel):
    total: int
    limit: int | None  # None: every match (the CLI without --limit)
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
    score: float  # the extractor's confidence (accord.extract.components.confidence)


class EventOut(Item):
    type: str
    participants: list[Any]
    place: str | None
    date: str | None
    date_precision: str | None
    modality: str
    trigger: str | None
    score: float


class PositionOut(Item):
    actor: str
    issue: str
    stance: str
    condition: str | None
    score: float


ITEM_OUT: dict[str, type[Item]] = {
    "actor": ActorMentionOut,
    "quote": QuoteOut,
    "event": EventOut,
    "position": PositionOut,
}


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
    origin: str | None
    extraction_status: str | None
    actors: list[ActorMentionOut]  # every actor mention, acting or not
    quotes: list[QuoteOut]
    events: list[EventOut]
    positions: list[PositionOut]
    duplicates: list[ArticleSummary]

    @computed_field(  # type: ignore[prop-decorator]
        description="The actors that act or speak in the article, each once, in order of first mention: "
        "the names of the mentions the extraction marked `acts` (the gold-schema export's `actors`)."
    )
    @property
    def acting(self) -> list[str]:
        return list(dict.fromkeys(m.name for m in self.actors if m.acts))

    @computed_field(  # type: ignore[prop-decorator]
        description="The other actors the article only names (a place in a name such as 'the Minsk "
        "agreements', a medium, a city), each once, in order of first mention."
    )
    @property
    def also_mentioned(self) -> list[str]:
        acting = set(self.acting)
        return [name for name in dict.fromkeys(m.name for m in self.actors) if name not in acting]


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


class ClusterOut(BaseModel):
    id: int
    size: int
    outlet_count: int
    articles: list[ArticleSummary]


class Counts(BaseModel):
    """How much the store holds (up to a date, when asked): the API's /stats and the report's overview."""

    articles: int
    undated: int  # articles without a publication date
    outlets: (
        int  # outlets with an article, a section suffix dropped (:func:`accord.store.outlets.outlet_name`)
    )
    clusters: int  # near-duplicate clusters holding an article
    duplicate_clusters: int  # clusters holding more than one article
    duplicate_articles: int  # articles in those clusters beyond the first of each
    extracted_articles: int  # articles with a successful extraction
    actors: int  # distinct names of mentions that act or speak, not rejected
    quotes: int
    events: int
    positions: int
    corrections: int
    first_published: dt.date | None
    last_published: dt.date | None
