"""Exporting the stored extraction in the gold schema, so any scorer can read it.

``export_records`` gives one record per article (the newest version of each source id), in exactly the
gold schema: ``id`` is the article's source id; ``actors`` the distinct canonical names of the actor
mentions that act or speak, in order of first mention; ``quotes`` {speaker, text}; ``events``
{type, participants, place, date}; ``positions`` {actor, issue, stance, evidence}, the evidence being the
item's sentence. Each item also carries its provenance as extra fields (``id``, ``article_id``, ``start``,
``end``, ``sentence``, ``sentence_start`` and the item's own extras; an event's ``sources`` lists every
sentence that reports it, each with ``article_id``, ``start``, ``end``, ``sentence`` and
``sentence_start``), and the record carries
``article_id``, ``version``, ``extraction`` (status) and every ``actor_mentions`` row.

The annotation rules label only events that happened, are under way or are scheduled, so events the
pipeline stored as ``hypothetical`` or ``negated`` go to the record's ``other_events``, not ``events``.

``export_rows`` flattens one item type to rows (one per item, with the article's source id) for CSV.
``export_events`` gives each event once: the copies of one story in a near-duplicate cluster tell its
events once each, and those reports are one record with every article's sources
(:mod:`accord.extract.event_merge`).
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from accord.errors import AccordError, Errors
from accord.extract.event_merge import event_sources
from accord.extract.gold import ITEM_TYPES, GoldArticle, GoldEvent, GoldPosition, GoldQuote
from accord.store.schema import ActorMention, Article, ClusterEvent, Event, Extraction, Position, Quote

_CHUNK = 500
_ITEM_MODELS: dict[str, type[BaseModel]] = {
    "quotes": GoldQuote,
    "events": GoldEvent,
    "positions": GoldPosition,
}
# Event modalities the gold schema labels; the rest ("hypothetical", "negated") are kept aside.
LABELLED_MODALITIES = frozenset({"happened", "scheduled"})
_PROVENANCE = ("id", "article_id", "start", "end", "sentence", "sentence_start")
# What an event says, the same on an article's own event and on the merged event of its cluster.
_EVENT_FIELDS = ("type", "participants", "place", "date", "date_precision", "modality", "trigger")
_MODELS: dict[str, type[Any]] = {
    "actors": ActorMention,
    "quotes": Quote,
    "events": Event,
    "positions": Position,
}
# CSV columns per item type: the gold fields first, then the provenance and the item's own extras.
COLUMNS: dict[str, tuple[str, ...]] = {
    "actors": ("source_id", "name", "surface", "kind", "linked", "wikidata", "acts", *_PROVENANCE),
    "quotes": ("source_id", "speaker", "text", "score", *_PROVENANCE),
    "events": ("source_id", *_EVENT_FIELDS, "sources", "score", "cluster_event_id", *_PROVENANCE),
    "positions": ("source_id", "actor", "issue", "stance", "evidence", "condition", "score", *_PROVENANCE),
    # export_events: each event once, merged across the near-duplicate articles of a cluster.
    "merged_events": (
        *_EVENT_FIELDS,
        "cluster_event_id",
        "article_ids",
        "source_ids",
        "sources",
    ),
}


def _newest_articles(session: Session) -> Iterator[tuple[int, str, int]]:
    """(article id, source id, version) of the newest version of every source id, by source id."""
    newest = (
        select(Article.source_id, func.max(Article.version).label("version"))
        .group_by(Article.source_id)
        .subquery()
    )
    query = (
        select(Article.id, Article.source_id, Article.version)
        .join(newest, (Article.source_id == newest.c.source_id) & (Article.version == newest.c.version))
        .order_by(Article.source_id)
    )
    for row in session.execute(query):
        yield row.id, row.source_id, row.version


def _provenance(item: Any) -> dict[str, Any]:
    return {name: getattr(item, name) for name in _PROVENANCE}


def _actor_mention(item: ActorMention) -> dict[str, Any]:
    return {
        "name": item.name,
        "surface": item.surface,
        "kind": item.kind,
        "linked": item.linked,
        "wikidata": item.wikidata,
        "acts": item.acts,
        **_provenance(item),
    }


def _quote(item: Quote) -> dict[str, Any]:
    return {"speaker": item.speaker, "text": item.text, "score": item.score, **_provenance(item)}


def _event_fields(event: Event | ClusterEvent) -> dict[str, Any]:
    fields = {name: getattr(event, name) for name in _EVENT_FIELDS}
    return {**fields, "participants": list(event.participants or [])}


def _event(item: Event) -> dict[str, Any]:
    return {
        **_event_fields(item),
        "sources": event_sources(item),
        "score": item.score,
        "cluster_event_id": item.cluster_event_id,
        **_provenance(item),
    }


def _position(item: Position) -> dict[str, Any]:
    return {
        "actor": item.actor,
        "issue": item.issue,
        "stance": item.stance,
        "evidence": item.sentence,
        "condition": item.condition,
        "score": item.score,
        **_provenance(item),
    }


_SERIALIZERS: dict[str, Any] = {
    "actors": _actor_mention,
    "quotes": _quote,
    "events": _event,
    "positions": _position,
}


def _items_by_article(
    session: Session, kind: str, article_ids: Sequence[int]
) -> dict[int, list[dict[str, Any]]]:
    model = _MODELS[kind]
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    query = (
        select(model)
        .where(model.article_id.in_(article_ids))
        .order_by(model.article_id, model.start, model.id)
    )
    for item in session.scalars(query):
        found[item.article_id].append(_SERIALIZERS[kind](item))
    return found


def _chunks(rows: Iterable[tuple[int, str, int]], size: int) -> Iterator[list[tuple[int, str, int]]]:
    chunk: list[tuple[int, str, int]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def export_records(engine: Engine, source_ids: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
    """One gold-schema record per article (newest version per source id), optionally only ``source_ids``."""
    wanted = set(source_ids) if source_ids is not None else None
    with Session(engine) as session:
        articles = [row for row in _newest_articles(session) if wanted is None or row[1] in wanted]
        for chunk in _chunks(articles, _CHUNK):
            ids = [article_id for article_id, _, _ in chunk]
            items = {kind: _items_by_article(session, kind, ids) for kind in ITEM_TYPES}
            query = select(Extraction.article_id, Extraction.status).where(Extraction.article_id.in_(ids))
            statuses = {row.article_id: row.status for row in session.execute(query)}
            for article_id, source_id, version in chunk:
                mentions = items["actors"].get(article_id, [])
                actors = list(dict.fromkeys(m["name"] for m in mentions if m["acts"]))
                events = items["events"].get(article_id, [])
                yield {
                    "id": source_id,
                    "actors": actors,
                    "quotes": items["quotes"].get(article_id, []),
                    "events": [e for e in events if e["modality"] in LABELLED_MODALITIES],
                    "positions": items["positions"].get(article_id, []),
                    "article_id": article_id,
                    "version": version,
                    "extraction": statuses.get(article_id),
                    "actor_mentions": mentions,
                    "other_events": [e for e in events if e["modality"] not in LABELLED_MODALITIES],
                }


def _event_record(
    event: Event | ClusterEvent, sources: list[dict[str, Any]], source_ids: dict[int, str]
) -> dict[str, Any]:
    articles = list(dict.fromkeys(int(source["article_id"]) for source in sources))
    return {
        **_event_fields(event),
        "article_ids": articles,
        "source_ids": [source_ids[a] for a in articles if a in source_ids],
        "sources": sources,
    }


def export_events(engine: Engine) -> Iterator[dict[str, Any]]:
    """Every event of the newest articles once: one that near-duplicate articles of a cluster tell is one
    record (the merged event, ``cluster_event_id`` set) with every article's sources; any other event is
    its own record. ``article_ids`` and ``source_ids`` name the articles that tell it."""
    with Session(engine) as session:
        articles = list(_newest_articles(session))
        done: set[int] = set()
        for chunk in _chunks(articles, _CHUNK):
            ids = [article_id for article_id, _, _ in chunk]
            query = select(Event).where(Event.article_id.in_(ids)).order_by(Event.start, Event.id)
            by_article: dict[int, list[Event]] = defaultdict(list)
            for event in session.scalars(query):
                by_article[event.article_id].append(event)
            for article_id, source_id, _ in chunk:
                for event in by_article.get(article_id, []):
                    if event.cluster_event_id is None:
                        record = _event_record(event, event_sources(event), {article_id: source_id})
                        yield {**record, "cluster_event_id": None}
                    elif event.cluster_event_id not in done:
                        done.add(event.cluster_event_id)
                        merged = session.get_one(ClusterEvent, event.cluster_event_id)
                        tellers = {int(source["article_id"]) for source in merged.sources}
                        names = select(Article.id, Article.source_id).where(Article.id.in_(tellers))
                        source_ids = {row.id: row.source_id for row in session.execute(names)}
                        record = _event_record(merged, [dict(s) for s in merged.sources], source_ids)
                        yield {**record, "cluster_event_id": merged.id}


def stored_predictions(
    engine: Engine, source_ids: Iterable[str] | None = None
) -> tuple[list[GoldArticle], list[AccordError]]:
    """The store's extraction as gold-schema articles, and an A321 error per stored item that does not fit.

    An item outside the schema (an event type the schema does not know, a malformed date) is left out
    and reported; the rest of its article is still scored.
    """
    articles: list[GoldArticle] = []
    errors: list[AccordError] = []
    for record in export_records(engine, source_ids):
        try:
            articles.append(GoldArticle.model_validate(record))
            continue
        except ValidationError:
            pass
        for kind, model in _ITEM_MODELS.items():
            kept = []
            for number, item in enumerate(record[kind]):
                try:
                    model.model_validate(item)
                except ValidationError as exc:
                    first = exc.errors()[0]
                    where = ".".join(str(part) for part in (kind, number, *first["loc"]))
                    reason = f"{where}: {first['msg']}"
                    errors.append(
                        AccordError(Errors.A321, source=engine.url, record=record["id"], reason=reason)
                    )
                else:
                    kept.append(item)
            record[kind] = kept
        articles.append(GoldArticle.model_validate(record))
    return articles, errors


def export_rows(engine: Engine, kind: str) -> Iterator[dict[str, Any]]:
    """Every item of one type (actors = every actor mention), flat, with its article's source id."""
    if kind not in ITEM_TYPES:
        raise ValueError(f"unknown item type {kind!r}; choose one of {', '.join(ITEM_TYPES)}")
    fields = {"actors": ["actor_mentions"], "events": ["events", "other_events"]}.get(kind, [kind])
    for record in export_records(engine):
        for field in fields:
            for item in record[field]:
                yield {"source_id": record["id"], **item}


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """One JSON object per line; returns how many were written."""
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        count += 1
    return count


def _cell(value: Any) -> Any:
    if isinstance(value, list) and any(isinstance(v, dict) for v in value):
        return json.dumps(value, ensure_ascii=False)  # an event's sources: a JSON list in one cell
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else value


def write_csv(rows: Iterable[dict[str, Any]], kind: str, out: TextIO) -> int:
    """Rows of one item type as CSV with a header; lists become "a; b"; returns the row count."""
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS[kind]), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
        count += 1
    return count
