"""One event across the near-duplicate articles of a cluster, with every sentence that reports it.

Copies of one story (syndicated, trimmed, reworded; see :mod:`accord.ingest.dedupe`) each yield the
story's events. After each extraction the clusters it touched are merged again: two reports from
different articles of one cluster are one event when they have the same type, both or neither are
labelled (happened/scheduled vs. hypothetical/negated), they share a participant, and their places and
dates do not disagree (an unstated one agrees with anything; "2025-05" agrees with "2025-05-16"). The
merged event is a :class:`~accord.store.schema.ClusterEvent` with the parties of all reports, the first
place stated, the most specific date, and every report's sources (one article after another); each report
links to it through ``cluster_event_id``. Only events that two or more articles tell are merged.

The articles' own events stay as they are: evaluation scores each article against its gold, so a copy's
event must not vanish into another article's.

Deterministic: articles in id order, each article's events in text order, each report joins the first
merged event it fits that has no report from its article yet. Idempotent: a cluster's merged events are
rebuilt from its articles' events every time, so extracting again never duplicates them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, delete, exists, insert, or_, select, update
from sqlalchemy.orm import Session

from accord.extract.folding import fold_name
from accord.store.articles import lock_for_writing
from accord.store.database import session_scope
from accord.store.schema import Article, ClusterEvent, Event

_CHUNK = 500
LABELLED = frozenset({"happened", "scheduled"})
_SOURCE = ("article_id", "start", "end", "sentence", "sentence_start")


def event_sources(event: Event) -> list[dict[str, Any]]:
    """The sentences that report ``event``; a row stored without sources is its own one source."""
    if event.sources:
        return [dict(source) for source in event.sources]
    return [{name: getattr(event, name) for name in _SOURCE}]


@dataclass
class MergedEvent:
    """A merged event while it is being built: what its reports say together."""

    type: str
    modality: str
    trigger: str | None
    participants: list[str]
    place: str | None
    date: str | None
    date_precision: str | None
    members: list[Event] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def of(cls, event: Event) -> MergedEvent:
        merged = cls(
            type=event.type,
            modality=event.modality,
            trigger=event.trigger,
            participants=[str(p) for p in event.participants or []],
            place=event.place,
            date=event.date,
            date_precision=event.date_precision,
        )
        merged.members.append(event)
        merged.sources.extend(event_sources(event))
        return merged

    @property
    def articles(self) -> set[int]:
        return {member.article_id for member in self.members}

    def fits(self, event: Event) -> bool:
        if event.article_id in self.articles or event.type != self.type:
            return False
        if (event.modality in LABELLED) != (self.modality in LABELLED):
            return False
        if not {fold_name(p) for p in self.participants} & {
            fold_name(str(p)) for p in event.participants or []
        }:
            return False
        if self.place and event.place and fold_name(self.place) != fold_name(event.place):
            return False
        return not (self.date and event.date and not _same_time(self.date, event.date))

    def absorb(self, event: Event) -> None:
        known = {fold_name(p) for p in self.participants}
        self.participants.extend(str(p) for p in event.participants or [] if fold_name(str(p)) not in known)
        self.place = self.place or event.place
        if event.date and (self.date is None or len(event.date) > len(self.date)):
            self.date, self.date_precision = event.date, event.date_precision
        if event.modality == "happened":
            self.modality = "happened"
        self.members.append(event)
        self.sources.extend(event_sources(event))

    def row(self, cluster_id: int) -> dict[str, Any]:
        return {
            "cluster_id": cluster_id,
            "type": self.type,
            "participants": self.participants,
            "place": self.place,
            "date": self.date,
            "date_precision": self.date_precision,
            "modality": self.modality,
            "trigger": self.trigger,
            "sources": self.sources,
        }


def _same_time(one: str, other: str) -> bool:
    return one.startswith(other) or other.startswith(one)


def merge_events(events: Iterable[Event]) -> list[MergedEvent]:
    """The events of one cluster's articles, merged; ``events`` in (article id, start) order."""
    merged: list[MergedEvent] = []
    for event in events:
        match = next((m for m in merged if m.fits(event)), None)
        if match is None:
            merged.append(MergedEvent.of(event))
        else:
            match.absorb(event)
    return merged


def merge_cluster_events(engine: Engine, article_ids: Iterable[int]) -> int:
    """Rebuild the merged events of the clusters holding ``article_ids`` (just extracted), and of any
    cluster whose merged events ingest has since made stale; returns how many clusters were rebuilt."""
    with session_scope(engine) as session:
        # The store's write lock first: ingest cannot move articles between clusters meanwhile, and two
        # extraction runs rebuilding one cluster take turns.
        lock_for_writing(session)
        clusters = sorted(_clusters_of(session, sorted(set(article_ids))) | _stale_clusters(session))
        for cluster_id in clusters:
            _rebuild(session, cluster_id)
        linked = exists().where(Event.cluster_event_id == ClusterEvent.id)
        session.execute(delete(ClusterEvent).where(~linked))  # left behind by deleted articles
    return len(clusters)


def _clusters_of(session: Session, article_ids: Sequence[int]) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(article_ids), _CHUNK):
        chunk = article_ids[start : start + _CHUNK]
        query = select(Article.cluster_id).where(Article.id.in_(chunk), Article.cluster_id.is_not(None))
        found.update(c for c in session.scalars(query.distinct()) if c is not None)
    return found


def _stale_clusters(session: Session) -> set[int]:
    """Clusters whose merged events no longer match their articles: ingest merged two clusters (moving
    articles to the surviving one) after the last merge step."""
    query = (
        select(Article.cluster_id, ClusterEvent.cluster_id.label("merged_in"))
        .join(Event, Event.article_id == Article.id)
        .join(ClusterEvent, ClusterEvent.id == Event.cluster_event_id)
        .where(or_(Article.cluster_id.is_(None), Article.cluster_id != ClusterEvent.cluster_id))
        .distinct()
    )
    found: set[int] = set()
    for row in session.execute(query):
        found.update(int(c) for c in (row.cluster_id, row.merged_in) if c is not None)
    return found


def _rebuild(session: Session, cluster_id: int) -> None:
    members = list(session.scalars(select(Article.id).where(Article.cluster_id == cluster_id)))
    # The merged events made for this cluster, and any its articles' events still link to (made when they
    # were in another cluster), go; so do the links.
    old_links = select(Event.cluster_event_id).where(Event.article_id.in_(members)).scalar_subquery()
    session.execute(
        delete(ClusterEvent).where(or_(ClusterEvent.cluster_id == cluster_id, ClusterEvent.id.in_(old_links)))
    )
    session.execute(update(Event).where(Event.article_id.in_(members)).values(cluster_event_id=None))
    if len(members) < 2:
        return
    events = session.scalars(
        select(Event).where(Event.article_id.in_(members)).order_by(Event.article_id, Event.start, Event.id)
    )
    shared = [m for m in merge_events(events) if len(m.articles) > 1]
    if not shared:
        return
    ids = session.scalars(
        insert(ClusterEvent).returning(ClusterEvent.id, sort_by_parameter_order=True),
        [m.row(cluster_id) for m in shared],
    ).all()
    for merged_id, merged in zip(ids, shared, strict=True):
        member_ids = [member.id for member in merged.members]
        session.execute(update(Event).where(Event.id.in_(member_ids)).values(cluster_event_id=merged_id))
