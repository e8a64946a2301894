"""The negotiation over time: a point per dated position statement, events on a time axis, and the
stages of the process (ceasefire, truce, peace talks) where the corpus shows them.

Everything here reads the store and returns plain pydantic data, so the HTML report and the web
dashboard draw the same thing. A statement's date is its article's publication date; an event's date is
the date the text gives for it, else its article's date. Items are read through the analysts'
corrections (:func:`accord.store.corrections.apply_corrections`): rejected ones are gone, corrected ones
carry the analyst's values, so the scenario, the report and the dashboard all see the reviewed data.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from accord.extract.export import LABELLED_MODALITIES
from accord.scenario.scales import Scales, load_scales
from accord.settings import DEFAULTS
from accord.store.corrections import apply_corrections_rows
from accord.store.schema import Article, Event, Outlet, Position, Quote

# Talks more than this many days apart are separate rounds of the process, not one stage.
TALKS_GAP_DAYS = 90

# Words that make an agreement or statement event the start of a ceasefire-type stage.
_STAGE_WORDS = {
    "truce": re.compile(r"\b(truce|armistice)\b", re.IGNORECASE),
    "ceasefire": re.compile(
        r"\b(cease-?fire|ceasing fire|halt to (the )?fighting|stop(ping)? the fighting)\b", re.I
    ),
}


class Source(BaseModel):
    """The article an item comes from."""

    article_id: int
    source_id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    cluster_id: int | None = None  # near-duplicate cluster: copies of one story share it


class PositionPoint(BaseModel):
    """One dated statement of a stance: a point on a trajectory."""

    id: int
    actor: str
    issue: str
    stance: str
    value: float  # the stance's point on the issue's 0–100 scale
    condition: str | None = None
    date: dt.date | None
    sentence: str
    sentence_start: int
    start: int
    end: int
    source: Source
    score: float = 1.0  # the extractor's confidence


class EventPoint(BaseModel):
    id: int
    type: str
    date: (
        dt.date | None
    )  # the event's own date when stated (first day of its month or year), else the article's
    date_text: str | None  # the date as the text gives it, reduced precision allowed
    date_precision: str | None
    participants: list[str]
    place: str | None
    modality: str
    trigger: str | None
    sentence: str
    sentence_start: int
    start: int
    end: int
    source: Source
    score: float = 1.0


class QuotePoint(BaseModel):
    id: int
    speaker: str
    text: str
    date: dt.date | None
    sentence: str
    sentence_start: int
    start: int
    end: int
    source: Source
    score: float = 1.0


class Stage(BaseModel):
    """A stretch of the process: peace talks, a ceasefire, a truce, with the events that show it."""

    kind: str  # peace talks | ceasefire | truce
    start: dt.date
    end: dt.date | None  # None: still running as far as the corpus shows
    event_ids: list[int]
    label: str


class Timeline(BaseModel):
    positions: list[PositionPoint]
    events: list[EventPoint]
    stages: list[Stage]


def parse_as_of(value: str | dt.date | None) -> dt.date | None:
    """``--as-of`` as a date; ``None`` means "everything in the store"."""
    from accord.errors import AccordError, Errors

    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise AccordError(Errors.A412, as_of=value) from exc


def parse_partial_date(text: str | None) -> dt.date | None:
    """``2014``, ``2014-06`` or ``2014-06-12`` as a date (first day of the period); else None."""
    if not text:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2] or 1), int(match[3] or 1)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def cutoff(as_of: dt.date | None) -> list[ColumnElement[bool]]:
    """Keep articles published on or before ``as_of``; undated ones count only with no cut-off."""
    if as_of is None:
        return []
    return [Article.published.is_not(None), Article.published <= as_of]


def _source(article: Article, outlet: str | None) -> Source:
    return Source(
        article_id=article.id,
        source_id=article.source_id,
        title=article.title,
        outlet=outlet,
        url=article.url,
        published=article.published,
        cluster_id=article.cluster_id,
    )


def _provenance(item: Position | Quote | Event, article: Article, outlet: str | None) -> dict[str, Any]:
    """What every point keeps of its item: id, offsets, sentence, article and the extractor's confidence."""
    return {
        "id": item.id,
        "sentence": item.sentence,
        "sentence_start": item.sentence_start,
        "start": item.start,
        "end": item.end,
        "source": _source(article, outlet),
        "score": item.score,
    }


P = TypeVar("P", PositionPoint, QuotePoint, EventPoint)


def _reviewed_rows(
    session: Session,
    model: type[Position] | type[Quote] | type[Event],
    as_of: dt.date | None,
    min_score: float | None = None,
) -> list[tuple[Any, ...]]:
    """``(item, article, outlet name)`` for every item up to ``as_of``, as the analysts left them, whose
    confidence is at least ``min_score`` (None: the declared default of the ``min_confidence`` setting).
    An analyst's correction may set the score, so the threshold applies after corrections."""
    floor = DEFAULTS.min_confidence if min_score is None else min_score
    query = (
        select(model, Article, Outlet.name)
        .join(Article, model.article_id == Article.id)
        .outerjoin(Outlet, Article.outlet_id == Outlet.id)
    )
    rows = apply_corrections_rows(session, session.execute(query.where(*cutoff(as_of))).all())
    return [row for row in rows if row[0].score >= floor]


def _oldest_first(points: list[P]) -> list[P]:
    """By date, undated last; ties in row order."""
    return sorted(points, key=lambda p: (p.date is None, p.date or dt.date.min, p.id))


def _statement_points(
    session: Session,
    model: type[Position] | type[Quote],
    point: type[P],
    own_fields: Callable[[Any], dict[str, Any]],
    as_of: dt.date | None,
    min_score: float | None,
) -> list[P]:
    """A ``point`` per statement up to ``as_of`` scoring at least ``min_score`` (see ``_reviewed_rows``),
    dated by its article, oldest first (undated last): its provenance plus ``own_fields(item)``."""
    rows = _reviewed_rows(session, model, as_of, min_score)
    points = [
        point(**own_fields(item), date=article.published, **_provenance(item, article, outlet))
        for item, article, outlet in rows
    ]
    return _oldest_first(points)


def position_points(
    session: Session,
    as_of: dt.date | None = None,
    scales: Scales | None = None,
    min_score: float | None = None,
) -> list[PositionPoint]:
    """Every position statement up to ``as_of`` scoring at least ``min_score``, oldest first (undated
    last), with its stance's point on the issue's scale."""
    scale = scales or load_scales()

    def own_fields(pos: Position) -> dict[str, Any]:
        value = scale.point(pos.issue, pos.stance)
        return {
            "actor": pos.actor,
            "issue": pos.issue,
            "stance": pos.stance,
            "value": value,
            "condition": pos.condition,
        }

    return _statement_points(session, Position, PositionPoint, own_fields, as_of, min_score)


def quote_points(
    session: Session, as_of: dt.date | None = None, min_score: float | None = None
) -> list[QuotePoint]:
    """Every quote up to ``as_of`` scoring at least ``min_score``, oldest first (undated last)."""

    def own_fields(quote: Quote) -> dict[str, Any]:
        return {"speaker": quote.speaker, "text": quote.text}

    return _statement_points(session, Quote, QuotePoint, own_fields, as_of, min_score)


def event_points(
    session: Session, as_of: dt.date | None = None, min_score: float | None = None
) -> list[EventPoint]:
    """Every event reported up to ``as_of`` scoring at least ``min_score``, in order of the event's own
    date."""
    rows = _reviewed_rows(session, Event, as_of, min_score)
    points: list[EventPoint] = []
    for ev, article, outlet in rows:
        own = parse_partial_date(ev.date)
        date = own or article.published
        if as_of is not None and date is not None and date > as_of and ev.modality == "happened":
            date = article.published  # a misread future date on a past event: fall back to the article
        points.append(
            EventPoint(
                type=ev.type,
                date=date,
                date_text=ev.date,
                date_precision=ev.date_precision if own else None,
                participants=[str(p) for p in (ev.participants or [])],
                place=ev.place,
                modality=ev.modality,
                trigger=ev.trigger,
                **_provenance(ev, article, outlet),
            )
        )
    return _oldest_first(points)


# Where the agreement's own clause ends ("agreed to a swap, but made no progress towards a ceasefire"), and
# words that deny the stage word that follows them in that clause ("no progress towards a ceasefire").
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s*(but|while|although|though|yet|whereas)\b|\.\s|\s(but|while|whereas)\s", re.I
)
_DENIED = re.compile(
    r"\b(no|not|without|never|fail(ed|s)?|refus(ed|es)|reject(ed|s)?|instead of)\b[^,;]{0,40}$", re.I
)


def _agreement_clause(event: EventPoint) -> str:
    """The clause of the sentence that holds the agreement's trigger."""
    at = min(max(0, event.start - event.sentence_start), len(event.sentence))
    before = [m.end() for m in _CLAUSE_BREAK.finditer(event.sentence, 0, at)]
    after = _CLAUSE_BREAK.search(event.sentence, at)
    return event.sentence[(before[-1] if before else 0) : (after.start() if after else len(event.sentence))]


def _ceasefire_kind(event: EventPoint) -> str | None:
    """The stage an agreement starts: a ceasefire or truce its own clause agrees to, not one it denies."""
    clause = _agreement_clause(event)
    for kind, pattern in _STAGE_WORDS.items():
        for match in pattern.finditer(clause):
            if not _DENIED.search(clause[: match.start()]):
                return kind
    return None


def stages(events: Iterable[EventPoint]) -> list[Stage]:
    """Stages of the process the events show, oldest first.

    - *peace talks*: negotiation rounds, grouped while consecutive rounds are at most
      ``TALKS_GAP_DAYS`` apart; the stage runs from the first round to the last.
    - *ceasefire* / *truce*: an agreement event whose sentence speaks of a ceasefire or truce starts the
      stage; it runs until the next such agreement (which starts a new stage) or the first attack reported
      after it, whichever comes first, or stays open.
    Scheduled events count (talks planned for a date are part of the process); undated events cannot be
    placed and are left out.
    """
    # Only what happened or is scheduled shapes the process: "Russia would agree to a ceasefire only if ..."
    # is a hypothetical agreement, no ceasefire.
    dated = sorted(
        (e for e in events if e.date is not None and e.modality in LABELLED_MODALITIES),
        key=lambda e: (e.date, e.id),
    )
    result = _talks_stages(dated) + _ceasefire_stages(dated)
    return sorted(result, key=lambda s: (s.start, s.kind))


def _talks_stages(dated: list[EventPoint]) -> list[Stage]:
    """The peace-talks stages: negotiation rounds at most ``TALKS_GAP_DAYS`` apart, grouped, oldest first."""
    result: list[Stage] = []
    talks: list[EventPoint] = []

    def close_talks() -> None:
        if talks:
            first, last = talks[0].date, talks[-1].date
            assert first is not None and last is not None
            places = sorted({e.place for e in talks if e.place})
            where = f" ({', '.join(places[:3])})" if places else ""
            result.append(
                Stage(
                    kind="peace talks",
                    start=first,
                    end=last,
                    event_ids=[e.id for e in talks],
                    label=f"Peace talks{where}: {len(talks)} round(s)",
                )
            )
            talks.clear()

    for event in dated:
        if event.type == "negotiation_round":
            assert event.date is not None
            if talks and (event.date - (talks[-1].date or event.date)).days > TALKS_GAP_DAYS:
                close_talks()
            talks.append(event)
    close_talks()
    return result


def _ceasefire_stages(dated: list[EventPoint]) -> list[Stage]:
    """The ceasefire and truce stages: each agreement to one until the next such agreement or attack."""
    result: list[Stage] = []
    truces = [e for e in dated if e.type == "agreement" and _ceasefire_kind(e)]
    attacks = [e for e in dated if e.type == "attack"]
    for index, event in enumerate(truces):
        kind = _ceasefire_kind(event) or "ceasefire"
        assert event.date is not None
        ends = [truces[index + 1].date] if index + 1 < len(truces) else []
        # Reported fighting after the agreement ends the ceasefire as far as the corpus shows.
        ends += [a.date for a in attacks if a.date is not None and a.date > event.date][:1]
        following = min((d for d in ends if d is not None), default=None)
        where = f" in {event.place}" if event.place else ""
        result.append(
            Stage(
                kind=kind,
                start=event.date,
                end=following,
                event_ids=[event.id],
                label=f"{kind.capitalize()} agreed{where}",
            )
        )
    return result


def build_timeline(
    session: Session,
    as_of: dt.date | None = None,
    scales: Scales | None = None,
    min_score: float | None = None,
) -> Timeline:
    events = event_points(session, as_of, min_score)
    positions = position_points(session, as_of, scales, min_score)
    return Timeline(positions=positions, events=events, stages=stages(events))
