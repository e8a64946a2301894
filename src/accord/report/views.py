"""One public function per report view, each returning plain data (:mod:`accord.report.data`).

They read the store through a session (or take a scenario) and never write files, so the HTML report and
the dashboard (``accord serve``) share them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from sqlalchemy.orm import Session

from accord.models import forecast_all, sensitivity
from accord.models.forecast import ScenarioForecast
from accord.models.monte_carlo import DEFAULT_PERTURBATION, Perturbation
from accord.models.sensitivity import DEFAULT_MODEL, DEFAULT_SHIFT
from accord.report.data import (
    EventsTimeline,
    EvidenceItem,
    ForecastCell,
    ForecastTable,
    IssueForecastRow,
    ListedEvent,
    Matrix,
    MatrixCell,
    QuotesBySpeaker,
    Sensitivity,
    SensitivityRow,
    SpeakerQuotes,
    Trajectories,
    Trajectory,
    TrajectoryPoint,
)
from accord.scenario.builder import Cell, build_cells
from accord.scenario.model import Scenario
from accord.scenario.params import DEFAULT_PARAMS, ScenarioParams
from accord.scenario.scales import Scales, load_scales
from accord.scenario.timeline import EventPoint, event_points, quote_points, stages

# -- actor × issue matrix ---------------------------------------------------------------------------


def matrix_from_cells(cells: list[Cell], scales: Scales | None = None) -> Matrix:
    scales = scales or load_scales()
    salience_by_actor: dict[str, float] = defaultdict(float)
    for cell in cells:
        salience_by_actor[cell.actor] += cell.salience * len(cell.statements)
    actors = sorted({c.actor for c in cells}, key=lambda a: (-salience_by_actor[a], a))
    issue_counts = Counter(c.issue for c in cells)
    issues = sorted(issue_counts, key=lambda i: (-issue_counts[i], i))
    matrix_cells = [
        MatrixCell(
            actor=c.actor,
            issue=c.issue,
            stance=c.stance,
            position=c.position,
            salience=c.salience,
            uncertainty=c.uncertainty,
            conflict=c.conflict,
            evidence=[
                EvidenceItem(
                    stance=s.point.stance,
                    speaker=s.speaker,
                    role=s.role,
                    date=s.point.date,
                    sentence=s.point.sentence,
                    title=s.point.source.title,
                    outlet=s.point.source.outlet,
                    source_id=s.point.source.source_id,
                    url=s.point.source.url,
                    weight=s.weight,
                    conflicting=c.conflicting(s),
                    score=s.point.score,
                )
                for s in c.statements
            ],
        )
        for c in cells
    ]
    return Matrix(
        actors=actors,
        issues=issues,
        issue_labels={i: scales.scale(i).label for i in issues},
        cells=matrix_cells,
    )


def matrix_data(
    session: Session, as_of: dt.date | None = None, params: ScenarioParams = DEFAULT_PARAMS
) -> Matrix:
    """The actor × issue matrix: position (colour), salience (size) and the evidence behind each cell."""
    scales = load_scales(params.issue_scales)
    return matrix_from_cells(build_cells(session, as_of, scales, params), scales)


# -- trajectories -----------------------------------------------------------------------------------


def trajectories_from_cells(cells: list[Cell], scales: Scales | None = None) -> Trajectories:
    scales = scales or load_scales()
    series: list[Trajectory] = []
    undated = 0
    for cell in cells:
        points = []
        for s in sorted(cell.statements, key=lambda s: (s.point.date or dt.date.max, s.point.id)):
            if s.point.date is None:
                undated += 1
                continue
            points.append(
                TrajectoryPoint(
                    date=s.point.date,
                    value=s.point.value,
                    stance=s.point.stance,
                    speaker=s.speaker,
                    sentence=s.point.sentence,
                    title=s.point.source.title,
                    outlet=s.point.source.outlet,
                )
            )
        if points:
            series.append(Trajectory(actor=cell.actor, issue=cell.issue, points=points))
    counts = Counter(t.issue for t in series)
    issues = sorted(counts, key=lambda i: (-counts[i], i))
    return Trajectories(
        issues=issues, issue_labels={i: scales.scale(i).label for i in issues}, series=series, undated=undated
    )


def trajectories_data(
    session: Session, as_of: dt.date | None = None, params: ScenarioParams = DEFAULT_PARAMS
) -> Trajectories:
    """Positions per actor and issue over time: one point per dated statement."""
    scales = load_scales(params.issue_scales)
    return trajectories_from_cells(build_cells(session, as_of, scales, params), scales)


# -- events -----------------------------------------------------------------------------------------


def _story(event: EventPoint) -> tuple[str, int]:
    """The story an event report belongs to: its near-duplicate cluster, else its own article."""
    if event.source.cluster_id is not None:
        return ("cluster", event.source.cluster_id)
    return ("article", event.source.article_id)


def _norm(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def _same_event(a: ListedEvent, b: EventPoint) -> bool:
    """Two reports from one story are one event when type, date and modality agree and either the sentence
    is the same or they share a participant without naming different places."""
    if (a.type, a.date, a.modality) != (b.type, b.date, b.modality):
        return False
    if _norm(a.sentence) == _norm(b.sentence):
        return True
    places = {_norm(a.place), _norm(b.place)} - {""}
    shared = {_norm(p) for p in a.participants} & {_norm(p) for p in b.participants}
    return bool(shared) and len(places) <= 1


def merge_events(events: list[EventPoint]) -> list[ListedEvent]:
    """Each event once: reports of the same event in one story (copies in a near-duplicate cluster, or one
    article saying it twice) merge into one entry with the union of participants, the first place and
    stated date given, and every source article once. Reports in different stories stay apart."""
    merged: list[ListedEvent] = []
    by_story: dict[tuple[str, int], list[ListedEvent]] = defaultdict(list)
    for event in events:
        story = _story(event)
        match = next((m for m in by_story[story] if _same_event(m, event)), None)
        if match is None:
            entry = ListedEvent(**event.model_dump(), ids=[event.id], sources=[event.source])
            by_story[story].append(entry)
            merged.append(entry)
            continue
        match.ids.append(event.id)
        known = {_norm(p) for p in match.participants}
        match.participants.extend(p for p in event.participants if _norm(p) not in known)
        match.place = match.place or event.place
        if match.date_text is None and event.date_text is not None:
            # The report that states the date is the fuller one (a lead, not a headline): it speaks for all.
            for name in ("id", "date_text", "date_precision", "trigger", "sentence", "sentence_start"):
                setattr(match, name, getattr(event, name))
            match.start, match.end, match.source = event.start, event.end, event.source
        if all(s.article_id != event.source.article_id for s in match.sources):
            match.sources.append(event.source)
    return merged


def events_timeline_data(
    session: Session, as_of: dt.date | None = None, min_score: float | None = None
) -> EventsTimeline:
    """Events on a time axis with the stages of the process they show; an event reported by several copies
    of one story, or twice in one article, is listed once with its sources (:func:`merge_events`)."""
    events = merge_events(event_points(session, as_of, min_score))
    dated = [e for e in events if e.date is not None]
    return EventsTimeline(events=dated, stages=stages(dated), undated=len(events) - len(dated))


# -- quotes -----------------------------------------------------------------------------------------


def quotes_by_speaker(
    session: Session, as_of: dt.date | None = None, min_score: float | None = None
) -> QuotesBySpeaker:
    """Quotes grouped by speaker, the most quoted first, each speaker's newest quote first; a quote repeated
    by copies of one story (a near-duplicate cluster) appears once."""
    quotes = []
    seen: set[tuple[str, str, int]] = set()
    # Copies of one story in a near-duplicate cluster repeat its quotes: show each once (the first copy).
    for quote in quote_points(session, as_of, min_score):
        cluster = quote.source.cluster_id
        if cluster is not None:
            key = (quote.speaker, " ".join(quote.text.split()), cluster)
            if key in seen:
                continue
            seen.add(key)
        quotes.append(quote)
    grouped: dict[str, list[object]] = defaultdict(list)
    for quote in quotes:
        grouped[quote.speaker].append(quote)
    speakers = [
        SpeakerQuotes(
            speaker=name,
            quotes=sorted(
                (q for q in quotes if q.speaker == name),
                key=lambda q: (q.date is not None, q.date or dt.date.min, q.id),
                reverse=True,
            ),
        )
        for name in grouped
    ]
    speakers.sort(key=lambda s: (-len(s.quotes), s.speaker.casefold()))
    return QuotesBySpeaker(speakers=speakers, total=len(quotes))


# -- forecasts --------------------------------------------------------------------------------------


def forecast_table(
    scenario: Scenario,
    models: list[str] | None = None,
    draws: int | None = None,
    seed: int | None = None,
    perturbation: Perturbation = DEFAULT_PERTURBATION,
) -> ForecastTable:
    """Every model's forecast per issue, side by side, with its Monte Carlo 80 % interval (p10–p90)."""
    return forecast_table_of(scenario, forecast_all(scenario, draws, seed, models, perturbation))


def forecast_table_of(scenario: Scenario, result: ScenarioForecast) -> ForecastTable:
    """:func:`forecast_table` of the scenario's forecast already made (:func:`accord.models.forecast_all`)."""
    rows: list[IssueForecastRow] = []
    capability = {a.id: a.capability for a in scenario.actors}
    n_draws = 0
    for issue in scenario.issues:
        stances = scenario.stances_on(issue.id)
        if not stances:
            continue
        positions = [
            (scenario.actor(s.actor).name, s.position, round(capability[s.actor] * s.salience, 4))
            for s in stances
        ]
        if issue.id in result.notes:  # one party only: no model forecast, the note instead
            rows.append(
                IssueForecastRow(
                    issue=issue.id,
                    label=issue.label,
                    actors=len(stances),
                    cells=[],
                    positions=positions,
                    note=result.notes[issue.id],
                )
            )
            continue
        cells, last_draws = _forecast_cells(result, issue.id)
        n_draws = last_draws if last_draws is not None else n_draws
        rows.append(
            IssueForecastRow(
                issue=issue.id,
                label=issue.label,
                actors=len(stances),
                cells=cells,
                positions=positions,
            )
        )
    interval = (
        f"80 % interval: 10th to 90th percentile of {n_draws} Monte Carlo draws perturbing every "
        "position (by its uncertainty), salience and capability at once."
        if result.draws > 0
        else "No Monte Carlo draws were asked for, so the forecasts have no interval."
    )
    return ForecastTable(
        models=[m.name for m in result.models],
        model_descriptions={m.name: m.description for m in result.models},
        rows=rows,
        interval=interval,
    )


def _forecast_cells(result: ScenarioForecast, issue_id: str) -> tuple[list[ForecastCell], int | None]:
    """Each model's forecast of the issue with its interval, and the draws of the last interval (if any)."""
    cells = []
    last_draws: int | None = None
    for model in result.models:
        point = model.forecasts.get(issue_id)
        if point is None:
            continue
        band = model.intervals.get(issue_id)
        last_draws = band.draws if band else last_draws
        cells.append(
            ForecastCell(
                model=model.name,
                value=round(point.value, 2),
                low=round(band.p10, 2) if band else None,
                high=round(band.p90, 2) if band else None,
                draws=band.draws if band else None,
            )
        )
    return cells, last_draws


def sensitivity_table(
    scenario: Scenario,
    model: str = DEFAULT_MODEL,
    shift: float = DEFAULT_SHIFT,
    draws: int | None = None,
    seed: int | None = None,
    perturbation: Perturbation = DEFAULT_PERTURBATION,
    drawn: ScenarioForecast | None = None,
) -> Sensitivity:
    """How much each actor moves each issue's forecast: left out, position shifted toward a harder line,
    capability doubled (:func:`accord.models.sensitivity`), sorted by the largest change; ``share`` is the
    part of the forecast's Monte Carlo variance the actor's inputs explain (its top five actors per issue).
    Issues without a negotiation are left out (``notes``). ``drawn``: the scenario's forecast already made
    with ``model``, whose draws give the shares (see :func:`accord.models.sensitivity`)."""
    analysis = sensitivity(scenario, model, shift, draws, seed, perturbation, drawn)
    rows = [
        SensitivityRow(
            issue=e.issue,
            actor=e.name,
            baseline=round(e.baseline, 2),
            without=None if e.without is None else round(e.without, 2),
            shifted=round(e.shifted, 2),
            doubled=round(e.doubled, 2),
            share=None if e.share is None else round(e.share, 3),
            position=e.position,
            harder=e.harder,
        )
        for e in analysis.effects
    ]
    rows.sort(key=lambda r: (-r.largest, r.issue, r.actor))
    labels = {i.id: i.label for i in scenario.issues}
    ends = {i.id: (i.low, i.high) for i in scenario.issues}
    return Sensitivity(
        model=model, shift=shift, rows=rows, issue_labels=labels, issue_ends=ends, notes=analysis.notes
    )


def forecast_views(
    scenario: Scenario,
    draws: int | None = None,
    seed: int | None = None,
    perturbation: Perturbation = DEFAULT_PERTURBATION,
) -> tuple[ForecastTable, Sensitivity]:
    """The forecast and sensitivity tables a report shows, from one run of every model's Monte Carlo: the
    sensitivity's shares come from the forecast's own draws of its model, the same numbers as drawing
    them again (a model's draws depend on the seed alone, not on which other models run)."""
    result = forecast_all(scenario, draws, seed, perturbation=perturbation)
    return forecast_table_of(scenario, result), sensitivity_table(scenario, drawn=result)
