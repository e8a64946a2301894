"""Test helper: a store whose extraction is exactly a list of gold articles.

Rows are inserted directly with SQLAlchemy, the way the extraction runner would write them, so the
exporter and scorer can be tested on a real store without running the pipeline.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlalchemy import Engine

from accord.extract.gold import GoldArticle
from accord.store.database import session_scope
from accord.store.schema import ActorMention, Article, Event, Extraction, Position, Quote


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.find(needle) if needle else -1
    return (start, start + len(needle)) if start >= 0 else (0, 0)


def store_gold(
    engine: Engine, articles: Iterable[GoldArticle], texts: dict[str, str] | None = None, version: int = 1
) -> None:
    """Insert each article (with ``texts[id]`` as its text when given) and its labels as extracted items."""
    texts = texts or {}
    with session_scope(engine) as session:
        for gold in articles:
            text = texts.get(gold.id, f"Text of {gold.id}.")
            digest = hashlib.sha256(f"{gold.id}/{version}/{text}".encode()).hexdigest()
            row = Article(
                source_id=gold.id,
                version=version,
                content_hash=digest,
                text=text,
                word_count=len(text.split()),
                extra={},
            )
            session.add(row)
            session.flush()
            extraction = Extraction(article_id=row.id, pipeline_version="gold", status="ok")
            session.add(extraction)
            session.flush()

            def provenance(
                needle: str, *, article_id: int = row.id, extraction_id: int = extraction.id, text: str = text
            ) -> dict[str, object]:
                start, end = _span(text, needle)
                return {
                    "article_id": article_id,
                    "extraction_id": extraction_id,
                    "start": start,
                    "end": end,
                    "sentence": needle or text[:80],
                    "sentence_start": start,
                }

            for name in gold.actors:
                session.add(
                    ActorMention(
                        name=name, surface=name, kind=None, linked=True, acts=True, **provenance(name)
                    )
                )
            # A mere mention that does not act: the export must leave it out of the actors.
            session.add(
                ActorMention(name="Mentioned Only", surface="Mentioned Only", acts=False, **provenance(""))
            )
            for quote in gold.quotes:
                session.add(Quote(speaker=quote.speaker, text=quote.text, **provenance(quote.text)))
            for event in gold.events:
                session.add(
                    Event(
                        type=event.type,
                        participants=list(event.participants),
                        place=event.place,
                        date=event.date,
                        **provenance(""),
                    )
                )
            for position in gold.positions:
                fields = provenance(position.evidence)
                fields["sentence"] = position.evidence
                session.add(
                    Position(actor=position.actor, issue=position.issue, stance=position.stance, **fields)
                )
