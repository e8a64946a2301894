"""One public function per report view, each returning plain data (:mod:`accord.report.data`).

They read the store through a session (or take a scenario) and never write files, so the HTML report and
the dashboard (``accord serve``) share them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accord.models import MODELS, forecast
from accord.models.monte_carlo import simulate
from accord.report.data import (
    ClusterSummary,
    EventsTimeline,
    EvidenceItem,
    ForecastCell,
    ForecastTable,
    IssueForecastRow,
    Matrix,
    MatrixCell,
    Overview,
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
from accord.scenario.scales import Scales, load_scales
from accord.scenario.timeline import cutoff, event_points, quote_points, stages
from accord.store.corrections import not_rejected
from accord.store.schema import (
    ActorMention,
    Article,
    Event,
    Extraction,
    Outlet,
    Position,
    Quote,
)

# -- overview ---------------------------------------------------------------------------------------


def overview_data(session: Session, as_of: dt.date | None = None, top: int = 8) -> Overview:
    """Articles, outlets, date range, near-duplicate clusters and extraction counts up to ``as_of``."""
    where = cutoff(as_of)
    articles = session.scalar(select(func.count(Article.id)).where(*where)) or 0
    first, last = session.execute(
        select(func.min(Article.published), func.max(Article.published)).where(*where)
    ).one()
    undated = session.scalar(select(func.count(Article.id)).where(Article.published.is_(None), *where)) or 0
    by_outlet = session.execute(
        select(Outlet.name, func.count(Article.id))
        .join(Article, Article.outlet_id == Outlet.id)
        .where(*where)
        .group_by(Outlet.name)
        .order_by(func.count(Article.id).desc(), Outlet.name)
    ).all()
    members: dict[int, list[tuple[str, int | None]]] = defaultdict(list)
    for cluster_id, title, outlet_id in session.execute(
        select(Article.cluster_id, Article.title, Article.outlet_id).where(
            Article.cluster_id.is_not(None), *where
        )
    ):
        if cluster_id is not None:
            members[cluster_id].append((title or "(untitled)", outlet_id))
    groups = [(cid, rows) for cid, rows in members.items() if len(rows) > 1]
    groups.sort(key=lambda g: (-len(g[1]), g[0]))
    clusters = [
        ClusterSummary(
            cluster_id=cid,
            size=len(rows),
            outlets=len({o for _, o in rows if o is not None}),
            titles=list(dict.fromkeys(t for t, _ in rows)),
        )
        for cid, rows in groups[:top]
    ]

    def count(model: type[ActorMention] | type[Quote] | type[Event] | type[Position]) -> int:
        query = (
            select(func.count(model.id))
            .join(Article, model.article_id == Article.id)
            .where(not_rejected(model), *where)
        )
        return session.scalar(query) or 0

    actors = (
        session.scalar(
            select(func.count(func.distinct(ActorMention.name)))
            .join(Article, ActorMention.article_id == Article.id)
            .where(ActorMention.acts.is_(True), not_rejected(ActorMention), *where)
        )
        or 0
    )
    extracted = (
        session.scalar(
            select(func.count(Extraction.id))
            .join(Article, Extraction.article_id == Article.id)
            .where(Extraction.status == "ok", *where)
        )
        or 0
    )
    return Overview(
        articles=articles,
        outlets=len(by_outlet),
        first_date=first,
        last_date=last,
        undated=undated,
        duplicate_clusters=len(groups),
        duplicate_articles=sum(len(rows) - 1 for _, rows in groups),
        clusters=clusters,
        extracted=extracted,
        actors=actors,
        quotes=count(Quote),
        events=count(Event),
        positions=count(Position),
        top_outlets=[(name, n) for name, n in by_outlet[:top]],
        as_of=as_of,
    )


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
                    conflicting=c.conflict and s.point.stance != c.stance,
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


def matrix_data(session: Session, as_of: dt.date | None = None) -> Matrix:
    """The actor × issue matrix: position (colour), salience (size) and the evidence behind each cell."""
    scales = load_scales()
    return matrix_from_cells(build_cells(session, as_of, scales), scales)


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


def trajectories_data(session: Session, as_of: dt.date | None = None) -> Trajectories:
    """Positions per actor and issue over time: one point per dated statement."""
    scales = load_scales()
    return trajectories_from_cells(build_cells(session, as_of, scales), scales)


# -- events -----------------------------------------------------------------------------------------


def events_timeline_data(session: Session, as_of: dt.date | None = None) -> EventsTimeline:
    """Events on a time axis with the stages of the process they show."""
    events = event_points(session, as_of)
    dated = [e for e in events if e.date is not None]
    return EventsTimeline(events=dated, stages=stages(dated), undated=len(events) - len(dated))


# -- quotes -----------------------------------------------------------------------------------------


def quotes_by_speaker(session: Session, as_of: dt.date | None = None) -> QuotesBySpeaker:
    """Quotes grouped by speaker, the most quoted first, each speaker's newest quote first; a quote repeated
    by copies of one story (a near-duplicate cluster) appears once."""
    quotes = []
    seen: set[tuple[str, str, int]] = set()
    # Copies of one story in a near-duplicate cluster repeat its quotes: show each once (the first copy).
    for quote in quote_points(session, as_of):
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


def _issue_scenario(scenario: Scenario, issue_id: str) -> Scenario:
    stances = scenario.stances_on(issue_id)
    ids = {s.actor for s in stances}
    return scenario.model_copy(
        update={
            "issues": [scenario.issue(issue_id)],
            "actors": [a for a in scenario.actors if a.id in ids],
            "stances": stances,
        }
    )


def forecast_table(
    scenario: Scenario, models: list[str] | None = None, draws: int | None = None, seed: int | None = None
) -> ForecastTable:
    """Every model's forecast per issue, side by side, with its Monte Carlo 80 % interval (p10–p90)."""
    names = models or list(MODELS)
    point = {name: forecast(scenario, name) for name in names}
    simulated = simulate(scenario, names, draws, seed) if scenario.stances else {}
    rows: list[IssueForecastRow] = []
    capability = {a.id: a.capability for a in scenario.actors}
    n_draws = 0
    for issue in scenario.issues:
        stances = scenario.stances_on(issue.id)
        if not stances:
            continue
        cells = []
        for name in names:
            result = point[name].get(issue.id)
            if result is None:
                continue
            band = simulated.get(name, {}).get(issue.id)
            n_draws = band.draws if band else n_draws
            cells.append(
                ForecastCell(
                    model=name,
                    value=round(result.value, 2),
                    low=round(band.p10, 2) if band else None,
                    high=round(band.p90, 2) if band else None,
                    draws=band.draws if band else None,
                )
            )
        rows.append(
            IssueForecastRow(
                issue=issue.id,
                label=issue.label,
                actors=len(stances),
                cells=cells,
                positions=[
                    (scenario.actor(s.actor).name, s.position, round(capability[s.actor] * s.salience, 4))
                    for s in stances
                ],
            )
        )
    return ForecastTable(
        models=names,
        model_descriptions={name: MODELS[name].description for name in names},
        rows=rows,
        interval=(
            f"80 % interval: 10th to 90th percentile of {n_draws} Monte Carlo draws perturbing every "
            "position (by its uncertainty), salience and capability at once."
        ),
    )


def sensitivity_table(
    scenario: Scenario,
    model: str = "compromise",
    shift: float = 20.0,
    draws: int | None = None,
    seed: int | None = None,
) -> Sensitivity:
    """How much each actor moves each issue's forecast: left out, position shifted, capability doubled.

    The shift moves the actor ``shift`` points away from the forecast (toward the end of the scale it is
    already on), i.e. toward a harder line; rows are sorted by the largest change. ``share`` is the part of
    the forecast's Monte Carlo variance the actor's inputs explain (:mod:`accord.models.monte_carlo`; its
    top five actors per issue).
    """
    rows: list[SensitivityRow] = []
    shares: dict[tuple[str, str], float] = {}
    if scenario.stances:
        for issue_id, result in simulate(scenario, [model], draws, seed)[model].items():
            for item in result.sensitivity:
                shares[(issue_id, item.actor)] = round(item.share, 3)
    for issue in scenario.issues:
        base_scenario = _issue_scenario(scenario, issue.id)
        stances = base_scenario.stances
        if len(stances) < 1:
            continue
        baseline = forecast(base_scenario, model)[issue.id].value
        for stance in stances:
            others = [s for s in stances if s.actor != stance.actor]
            if others:
                without_scenario = base_scenario.model_copy(
                    update={
                        "stances": others,
                        "actors": [a for a in base_scenario.actors if a.id != stance.actor],
                    }
                )
                without = forecast(without_scenario, model)[issue.id].value
            else:
                without = baseline
            direction = 1.0 if stance.position >= baseline else -1.0
            moved = min(100.0, max(0.0, stance.position + direction * shift))
            shifted_stances = [
                s.model_copy(update={"position": moved}) if s.actor == stance.actor else s for s in stances
            ]
            shifted = forecast(base_scenario.model_copy(update={"stances": shifted_stances}), model)[
                issue.id
            ].value
            doubled_actors = [
                a.model_copy(update={"capability": a.capability * 2}) if a.id == stance.actor else a
                for a in base_scenario.actors
            ]
            doubled = forecast(base_scenario.model_copy(update={"actors": doubled_actors}), model)[
                issue.id
            ].value
            rows.append(
                SensitivityRow(
                    issue=issue.id,
                    actor=scenario.actor(stance.actor).name,
                    baseline=round(baseline, 2),
                    without=round(without, 2),
                    shifted=round(shifted, 2),
                    doubled=round(doubled, 2),
                    share=shares.get((issue.id, stance.actor)),
                )
            )
    rows.sort(key=lambda r: (-r.largest, r.issue, r.actor))
    labels = {i.id: i.label for i in scenario.issues}
    return Sensitivity(model=model, shift=shift, rows=rows, issue_labels=labels)
