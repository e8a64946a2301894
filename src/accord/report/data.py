"""The plain data a report (or the dashboard) is drawn from: one pydantic model per view.

Nothing here knows about HTML: :mod:`accord.report.views` fills these from the store, the scenario and the
forecasts, and :mod:`accord.report.render` draws them.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, Field

from accord.scenario.timeline import EventPoint, QuotePoint, Source, Stage


class ClusterSummary(BaseModel):
    cluster_id: int
    size: int
    outlets: int
    titles: list[str]


class Overview(BaseModel):
    articles: int
    outlets: int
    first_date: dt.date | None
    last_date: dt.date | None
    undated: int
    duplicate_clusters: int  # clusters holding more than one article
    duplicate_articles: int  # articles in those clusters beyond the first of each
    clusters: list[ClusterSummary]  # the largest few
    extracted: int  # articles with an extraction
    actors: int
    quotes: int
    events: int
    positions: int
    top_outlets: list[tuple[str, int]]
    as_of: dt.date | None = None


class EvidenceItem(BaseModel):
    stance: str
    speaker: str
    role: str | None
    date: dt.date | None
    sentence: str
    title: str | None
    outlet: str | None
    source_id: str
    url: str | None
    weight: float
    conflicting: bool  # a stance other than the cell's winning one, in a conflicted cell
    score: float = 1.0  # the extractor's confidence in the statement


class MatrixCell(BaseModel):
    actor: str
    issue: str
    stance: str
    position: float
    salience: float
    uncertainty: float
    conflict: bool
    evidence: list[EvidenceItem]


class Matrix(BaseModel):
    actors: list[str]
    issues: list[str]
    issue_labels: dict[str, str]
    cells: list[MatrixCell]

    def cell(self, actor: str, issue: str) -> MatrixCell | None:
        for cell in self.cells:
            if cell.actor == actor and cell.issue == issue:
                return cell
        return None


class TrajectoryPoint(BaseModel):
    date: dt.date
    value: float
    stance: str
    speaker: str
    sentence: str
    title: str | None
    outlet: str | None


class Trajectory(BaseModel):
    actor: str
    issue: str
    points: list[TrajectoryPoint]


class Trajectories(BaseModel):
    issues: list[str]
    issue_labels: dict[str, str]
    series: list[Trajectory]
    undated: int  # statements left out for want of a date


class ListedEvent(EventPoint):
    """One event as listed: the reports of it that are the same event (copies of one story in a
    near-duplicate cluster, or one article mentioning it twice) merged, with every source."""

    ids: list[int] = Field(default_factory=list)  # the merged event rows
    sources: list[Source] = Field(default_factory=list)  # every article that reports it, once each


class EventsTimeline(BaseModel):
    events: list[ListedEvent]
    stages: list[Stage]
    undated: int


class SpeakerQuotes(BaseModel):
    speaker: str
    quotes: list[QuotePoint]


class QuotesBySpeaker(BaseModel):
    speakers: list[SpeakerQuotes]
    total: int


class ForecastCell(BaseModel):
    model: str
    value: float
    low: float | None = None  # Monte Carlo interval, when simulated
    high: float | None = None
    draws: int | None = None


class IssueForecastRow(BaseModel):
    issue: str
    label: str
    actors: int
    cells: list[ForecastCell]
    positions: list[tuple[str, float, float]] = Field(default_factory=list)  # actor, position, weight
    note: str | None = None  # why no model forecasts the issue (fewer than two actors hold a position)


class ForecastTable(BaseModel):
    models: list[str]
    model_descriptions: dict[str, str]
    rows: list[IssueForecastRow]
    interval: str  # how the intervals were made, in words


class SensitivityRow(BaseModel):
    issue: str
    actor: str
    baseline: float
    without: float | None  # forecast with the actor left out; None when that leaves no negotiation
    shifted: float  # forecast with the actor's position moved toward the far end by `shift` points
    doubled: float  # forecast with the actor's capability doubled
    share: float | None = None  # share of the Monte Carlo variance the actor explains (top actors only)
    position: float | None = None  # the actor's position
    harder: float | None = None  # the actor's position after taking the harder line

    @property
    def largest(self) -> float:
        changes = [self.shifted, self.doubled] + ([] if self.without is None else [self.without])
        return max(abs(value - self.baseline) for value in changes)

    @property
    def toward(self) -> int:
        """Which end of the scale the harder line moves the actor to: +1 toward 100, -1 toward 0."""
        if self.position is None or self.harder is None:
            return 0
        return 1 if self.harder >= self.position else -1

    @property
    def pushes(self) -> int:
        """Which way the harder line pushes the forecast: +1 up the scale, -1 down, 0 not at all."""
        change = self.shifted - self.baseline
        return 0 if abs(change) < 0.05 else (1 if change > 0 else -1)


class Sensitivity(BaseModel):
    model: str
    shift: float
    rows: list[SensitivityRow]
    issue_labels: dict[str, str] = Field(default_factory=dict)
    issue_ends: dict[str, tuple[str, str]] = Field(default_factory=dict)  # what 0 and 100 mean
    notes: dict[str, str] = Field(default_factory=dict)  # issues left out: no negotiation to perturb

    def direction(self, row: SensitivityRow) -> str:
        """Which way the row's harder line pushes the forecast, in words of the issue's scale."""
        if row.pushes == 0:
            return "does not move the forecast"
        low, high = self.issue_ends.get(row.issue, ("", ""))
        end, meaning = ("100", high) if row.pushes > 0 else ("0", low)
        return f"pushes it toward {end}" + (f" ({meaning})" if meaning else "")


class NoteCode(str, Enum):
    """What a report note is about: code that adds, finds or drops a note goes by this, never its text."""

    DEFAULT_CAPABILITY = "default_capability"  # actors without national figures got a small default
    GIVEN_SCENARIO = "given_scenario"  # the forecast uses a scenario given to the report, not the store's
    EDITED_SCENARIO = "edited_scenario"  # that scenario is the analyst's edit of analyze's scenario.yaml


class ReportNote(BaseModel):
    """One note the report shows above its views: what is missing or unusual, and why."""

    code: NoteCode
    text: str


class ReportData(BaseModel):
    title: str
    generated: dt.datetime
    overview: Overview
    matrix: Matrix
    trajectories: Trajectories
    timeline: EventsTimeline
    quotes: QuotesBySpeaker
    forecast: ForecastTable
    sensitivity: Sensitivity
    scenario_name: str = ""
    notes: list[ReportNote] = Field(default_factory=list)  # what is missing and why, shown in the report

    def has_note(self, code: NoteCode) -> bool:
        return any(note.code is code for note in self.notes)
