"""Build a negotiation scenario from the stored extraction, as of a date.

For every actor that took a position and every issue it took one on:

- **Who.** A person's statement counts for the country (or organisation) they hold an office of on the
  statement's date, per the actor registry's roles (setting ``attribute_to_country``, on by default): the
  foreign minister speaks for the state, an analyst speaks for themselves. The evidence keeps the speaker.
- **Position.** Each statement is its stance's point on the issue scale (``issue_scales.yaml``). A
  statement's weight halves every ``recency_half_life_days`` before the actor's newest statement on the
  issue; copies of one story (a near-duplicate cluster) count once. The stance with the most weight wins
  and the position is its point: rival stances are **not averaged** into a middle nobody holds. A rival
  stance holding at least ``conflict_share`` of the weight is a conflict: its statements stay in the
  evidence marked ``conflict: true`` (with a note saying against what) and the position's uncertainty is
  the weighted spread of all statements.
- **Salience.** See :mod:`accord.scenario.salience`.
- **Capability.** See :mod:`accord.scenario.capability`.

Every number carries its evidence: statements (article, sentence, date) for positions, data sources for
capabilities.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from accord.errors import AccordError
from accord.scenario.capability import CapabilityData, capabilities
from accord.scenario.ids import slug
from accord.scenario.model import Actor, Evidence, Issue, Scenario, Stance
from accord.scenario.params import DEFAULT_PARAMS, ScenarioParams
from accord.scenario.salience import saliences
from accord.scenario.scales import Scales, load_scales
from accord.scenario.timeline import PositionPoint, position_points, quote_points
from accord.store import session_scope


class Statement(BaseModel):
    """A position statement as the scenario counts it."""

    point: PositionPoint
    actor: str  # the scenario actor: the speaker, or the country they speak for
    speaker: str
    role: str | None = None  # "foreign minister of Russia" when attributed through an office
    weight: float = 1.0


class Cell(BaseModel):
    """One actor's stance on one issue with everything that went into it."""

    actor: str
    issue: str
    stance: str  # the winning stance
    position: float
    salience: float
    uncertainty: float
    conflict: bool
    stance_weights: dict[str, float]
    statements: list[Statement]  # newest first

    def conflicting(self, statement: Statement) -> bool:
        """True for a statement of a rival stance in a conflicted cell: evidence against the position."""
        return self.conflict and statement.point.stance != self.stance


class Attribution:
    """Maps a statement's actor to the scenario actor, through the registry's dated roles."""

    def __init__(self, enabled: bool, actors: str = "") -> None:
        """``actors``: an extra registry file merged over the shipped one (the ``actors`` setting)."""
        self.enabled = enabled
        self.registry = None
        if enabled:
            try:
                from accord.extract.actor_registry import load_registry

                self.registry = load_registry(Path(actors) if actors else None)
            except (AccordError, ImportError):
                self.registry = None  # no registry available: statements stay with their speakers

    def resolve(self, actor: str, day: dt.date | None) -> tuple[str, str | None]:
        if self.registry is None:
            return actor, None
        entry = self.registry.get(actor)
        if entry is None or entry.kind != "person":
            return actor, None
        for role in entry.roles:
            held = role.holds_on(day) if day is not None else role.end is None
            body = self.registry.get(role.of)
            if held and body is not None and body.kind in {"country", "organization"}:
                return body.name, f"{role.title} of {body.name}"
        return actor, None


def _weights(statements: list[Statement], half_life: float) -> None:
    dated = [s.point.date for s in statements if s.point.date is not None]
    newest = max(dated) if dated else None
    for statement in statements:
        if statement.point.date is None or newest is None:
            statement.weight = 0.5  # undated: as if one half-life old
        else:
            age = (newest - statement.point.date).days
            statement.weight = round(0.5 ** (age / half_life), 4) if half_life > 0 else 1.0


def _dedupe(statements: list[Statement]) -> list[Statement]:
    """Copies of one story repeat its statements: per (cluster, stance) keep the first copy's statements."""
    ordered = sorted(
        statements, key=lambda s: (s.point.date is None, s.point.date or dt.date.min, s.point.id)
    )
    first: dict[tuple[int, str], int] = {}
    kept: list[Statement] = []
    for s in ordered:
        cluster = s.point.source.cluster_id
        if cluster is not None:
            article = first.setdefault((cluster, s.point.stance), s.point.source.article_id)
            if article != s.point.source.article_id:
                continue
        kept.append(s)
    return kept


def _cell(
    actor: str, issue: str, statements: list[Statement], scales: Scales, params: ScenarioParams
) -> Cell:
    half_life, share, floor = params.half_life, params.conflict_share, params.default_uncertainty
    statements = _dedupe(statements)
    _weights(statements, half_life)
    by_stance: dict[str, float] = defaultdict(float)
    for s in statements:
        by_stance[s.point.stance] += s.weight
    newest = max(
        statements, key=lambda s: (s.point.date is not None, s.point.date or dt.date.min, s.point.id)
    )
    # Most weight wins; on a tie the newest statement's stance.
    winner = max(by_stance, key=lambda k: (round(by_stance[k], 6), k == newest.point.stance))
    total = sum(by_stance.values())
    position = scales.point(issue, winner)
    conflict = any(k != winner and w / total >= share for k, w in by_stance.items())
    spread = math.sqrt(sum(s.weight * (s.point.value - position) ** 2 for s in statements) / total)
    ordered = sorted(
        statements,
        key=lambda s: (s.point.date is not None, s.point.date or dt.date.min, s.point.id),
        reverse=True,
    )
    return Cell(
        actor=actor,
        issue=issue,
        stance=winner,
        position=position,
        salience=0.0,
        uncertainty=round(max(floor, spread), 2),
        conflict=conflict,
        stance_weights={k: round(v, 4) for k, v in sorted(by_stance.items())},
        statements=ordered,
    )


def build_cells(
    session: Session,
    as_of: dt.date | None = None,
    scales: Scales | None = None,
    params: ScenarioParams = DEFAULT_PARAMS,
) -> list[Cell]:
    """The actor × issue cells of the scenario, from the statements up to ``as_of``."""
    scales = scales or load_scales(params.issue_scales)
    attribution = Attribution(params.attribute_to_country, params.actors)
    groups: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for point in position_points(session, as_of, scales, params.min_confidence):
        actor, role = attribution.resolve(point.actor, point.date)
        groups[(actor, point.issue)].append(
            Statement(point=point, actor=actor, speaker=point.actor, role=role)
        )
    cells = [_cell(actor, issue, statements, scales, params) for (actor, issue), statements in groups.items()]

    counts: Counter[tuple[str, str]] = Counter()
    sentences: dict[tuple[int, int], set[tuple[str, str]]] = defaultdict(set)
    for cell in cells:
        counts[(cell.actor, cell.issue)] += len(cell.statements)
        for s in cell.statements:
            sentences[(s.point.source.article_id, s.point.sentence_start)].add((cell.actor, cell.issue))
    for quote in quote_points(session, as_of, params.min_confidence):
        speaker, _ = attribution.resolve(quote.speaker, quote.date)
        for actor, issue in sentences.get((quote.source.article_id, quote.sentence_start), set()):
            if actor == speaker:
                counts[(actor, issue)] += 1
    issues = sorted({c.issue for c in cells})
    table = saliences(counts, issues, params.smoothing)
    for cell in cells:
        cell.salience = table[(cell.actor, cell.issue)]
    return sorted(cells, key=lambda c: (c.actor, c.issue))


def _conflict_note(cell: Cell, stance: str) -> str:
    total = sum(cell.stance_weights.values())
    share = cell.stance_weights.get(stance, 0.0) / total if total > 0 else 0.0
    return f"against the stance taken ({cell.stance}): {stance} statements hold {share:.0%} of the weight"


def _evidence(cell: Cell) -> list[Evidence]:
    items: list[Evidence] = []
    for s in cell.statements:
        who = f"{s.speaker} ({s.role})" if s.role else s.speaker
        where = s.point.source.outlet or "unknown outlet"
        conflict = cell.conflicting(s)
        items.append(
            Evidence(
                article_id=s.point.source.source_id,
                sentence=s.point.sentence,
                date=s.point.date.isoformat() if s.point.date else None,
                source=f"{s.point.stance} by {who}, {where}, weight {s.weight:g}",
                conflict=conflict,
                note=_conflict_note(cell, s.point.stance) if conflict else None,
            )
        )
    return items


def scenario_from_cells(
    cells: list[Cell],
    as_of: dt.date | None,
    scales: Scales | None = None,
    capability_data: CapabilityData | None = None,
    params: ScenarioParams = DEFAULT_PARAMS,
) -> Scenario:
    scales = scales or load_scales(params.issue_scales)
    actor_names = sorted({c.actor for c in cells})
    ids = _actor_ids(actor_names)
    # "Latest" means the corpus's latest statement, not today: the same store gives the same scenario.
    dates = [s.point.date for c in cells for s in c.statements if s.point.date is not None]
    figures = capabilities(
        actor_names, as_of or max(dates, default=None), capability_data, params.capability_overrides
    )
    issues = []
    for issue_id in sorted({c.issue for c in cells}):
        scale = scales.scale(issue_id)
        issues.append(Issue(id=issue_id, label=scale.label, low=scale.low, high=scale.high))
    actors = [
        Actor(
            id=ids[name],
            name=name,
            capability=figures[name].capability,
            capability_source=figures[name].source,
            capability_origin=figures[name].origin,
            capability_evidence=figures[name].evidence,
        )
        for name in actor_names
    ]
    stances = [
        Stance(
            actor=ids[c.actor],
            issue=c.issue,
            position=c.position,
            salience=c.salience,
            uncertainty=c.uncertainty,
            evidence=_evidence(c),
        )
        for c in cells
    ]
    date = as_of.isoformat() if as_of else "latest"
    return Scenario(
        name=f"Negotiation positions as of {date}",
        description=_description(cells, date),
        scale_note=(
            "Positions are stance points per issue (issue_scales.yaml: support 80, oppose 20, conditional 60 "
            "unless the issue says otherwise); the newest statements weigh most; salience is the smoothed "
            "share of the actor's statements on the issue; capability is CINC × 100 where known."
        ),
        issues=issues,
        actors=actors,
        stances=stances,
    )


def _actor_ids(actor_names: list[str]) -> dict[str, str]:
    """Each actor's scenario id: the slug of its name, numbered from _2 when an earlier name took it."""
    ids: dict[str, str] = {}
    for name in actor_names:
        base = candidate = slug(name, empty="actor")
        n = 2
        while candidate in ids.values():
            candidate, n = f"{base}_{n}", n + 1
        ids[name] = candidate
    return ids


def _description(cells: list[Cell], date: str) -> str:
    """The scenario's description: its source and the actor-issue cells with conflicting statements."""
    conflicts = [f"{c.actor} on {c.issue}" for c in cells if c.conflict]
    description = f"Built by `accord scenario build` from the store's extraction, as of {date}."
    if conflicts:
        description += " Conflicting statements (evidence marked conflict): " + "; ".join(conflicts) + "."
    return description


def build_scenario(
    engine: Engine,
    as_of: dt.date | None = None,
    scales: Scales | None = None,
    params: ScenarioParams = DEFAULT_PARAMS,
) -> Scenario:
    """The scenario of everything stored up to ``as_of`` (None: everything), built with ``params`` (the
    scenario settings; their declared defaults when not given)."""
    with session_scope(engine) as session:
        cells = build_cells(session, as_of, scales, params)
    return scenario_from_cells(cells, as_of, scales, params=params)
