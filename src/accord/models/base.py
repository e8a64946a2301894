"""What every bargaining model shares: the forecast record, the interface, the array form of a scenario.

Every model works on arrays with a leading batch axis so that one call forecasts many issues, or many Monte
Carlo draws of one issue, at once:

- ``x``: positions, shape ``(B, n)``, on the 0–100 scale;
- ``s``: saliences 0–1, ``(B, n)``;
- ``c``: capabilities >= 0, ``(B, n)``;
- ``mask``: ``(B, n)`` booleans, True where the actor takes part in the issue (padding is False);
- ``ref``: ``(B,)`` reference points (status quo), NaN where the issue has none.

A model returns the forecast ``(B,)`` and, if it runs in rounds, the history ``(B, rounds)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, Field

from accord.scenario.model import Scenario

Array = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

# A negotiation needs at least two parties: an issue on which fewer actors hold a position is not forecast.
MIN_ACTORS = 2


class IssueForecast(BaseModel):
    issue: str
    model: str
    value: float
    history: list[float] | None = None  # one value per round, for models that run in rounds
    details: dict[str, Any] = Field(default_factory=dict)


@dataclass(frozen=True)
class Batch:
    """Issues of a scenario as padded arrays (see the module docstring)."""

    issues: list[str]
    actors: list[list[str]]  # per issue, the actor ids in column order
    x: Array
    s: Array
    c: Array
    mask: BoolArray
    ref: Array
    uncertainty: Array  # stated position std. dev., NaN where none
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Result:
    value: Array  # (B,)
    history: Array | None = None  # (B, rounds)


class Model(Protocol):
    name: str
    description: str

    def run(self, x: Array, s: Array, c: Array, mask: BoolArray, ref: Array) -> Result: ...


def to_batch(scenario: Scenario, issue_ids: list[str] | None = None) -> Batch:
    """The scenario's issues (all, or the given ones) as padded arrays, one row per issue."""
    capability = {a.id: a.capability for a in scenario.actors}
    issues = issue_ids if issue_ids is not None else [i.id for i in scenario.issues]
    by_issue: dict[str, list[Any]] = {i: [] for i in issues}
    for stance in scenario.stances:
        if stance.issue in by_issue:
            by_issue[stance.issue].append(stance)
    width = max([len(v) for v in by_issue.values()] + [1])
    shape = (len(issues), width)
    x, s, c = np.zeros(shape), np.zeros(shape), np.zeros(shape)
    unc = np.full(shape, np.nan)
    mask = np.zeros(shape, dtype=bool)
    ref = np.full(len(issues), np.nan)
    actors: list[list[str]] = []
    for row, issue_id in enumerate(issues):
        stances = by_issue[issue_id]
        actors.append([st.actor for st in stances])
        for col, st in enumerate(stances):
            x[row, col], s[row, col], c[row, col] = st.position, st.salience, capability[st.actor]
            unc[row, col] = np.nan if st.uncertainty is None else st.uncertainty
            mask[row, col] = True
        status_quo = scenario.issue(issue_id).status_quo
        if status_quo is not None:
            ref[row] = status_quo
    return Batch(issues, actors, x, s, c, mask, ref, unc)


def aligned_batch(scenario: Scenario, issue_ids: list[str] | None = None) -> Batch:
    """Like :func:`to_batch`, but column k is the same actor in every row (the scenario's actors that hold
    a position on any of these issues, in scenario order), so a model can link issues through an actor;
    ``mask`` is False where the actor holds no position on the issue. Every row's actor list is the full
    column list."""
    issues = issue_ids if issue_ids is not None else [i.id for i in scenario.issues]
    wanted = set(issues)
    holders = {st.actor for st in scenario.stances if st.issue in wanted}
    columns = [a.id for a in scenario.actors if a.id in holders]
    col = {a: k for k, a in enumerate(columns)}
    row_of = {i: r for r, i in enumerate(issues)}
    capability = {a.id: a.capability for a in scenario.actors}
    shape = (len(issues), max(len(columns), 1))
    x, s, c = np.zeros(shape), np.zeros(shape), np.zeros(shape)
    unc = np.full(shape, np.nan)
    mask = np.zeros(shape, dtype=bool)
    for st in scenario.stances:
        if st.issue not in row_of:
            continue
        row, k = row_of[st.issue], col[st.actor]
        x[row, k], s[row, k], c[row, k] = st.position, st.salience, capability[st.actor]
        unc[row, k] = np.nan if st.uncertainty is None else st.uncertainty
        mask[row, k] = True
    ref = np.array(
        [np.nan if (q := scenario.issue(i).status_quo) is None else q for i in issues], dtype=np.float64
    )
    return Batch(issues, [list(columns) for _ in issues], x, s, c, mask, ref, unc)


def is_linked(model: Model) -> bool:
    """True for a model that negotiates a scenario's issues together (the exchange model): it needs
    :func:`aligned_batch`, and all the rows of one call are one negotiation."""
    return bool(getattr(model, "linked", False))


def no_negotiation(scenario: Scenario) -> dict[str, str]:
    """Issue id -> why it gets no forecast, for every issue on which fewer than ``MIN_ACTORS`` actors hold a
    position: with one party (or none) there is no negotiation for a bargaining model to settle, and its
    "forecast" would only repeat that actor's stance. Every forecast (``forecast_with``, the Monte Carlo
    draws, the CLI, the report and the dashboard) leaves these issues out and shows this note instead."""
    notes: dict[str, str] = {}
    for issue in scenario.issues:
        holders = list(dict.fromkeys(s.actor for s in scenario.stances if s.issue == issue.id))
        if len(holders) >= MIN_ACTORS:
            continue
        if holders:
            who = next((a.name for a in scenario.actors if a.id == holders[0]), holders[0])
            notes[issue.id] = f"Only {who} holds a position on this issue: no negotiation to forecast."
        else:
            notes[issue.id] = "No actor holds a position on this issue: nothing to forecast."
    return notes


def negotiated_rows(batch: Batch) -> list[int]:
    """The batch rows (issues) on which at least ``MIN_ACTORS`` actors hold a position."""
    return [row for row in range(len(batch.issues)) if int(batch.mask[row].sum()) >= MIN_ACTORS]


def forecast_with(model: Model, scenario: Scenario) -> dict[str, IssueForecast]:
    """Run one model on every issue of a scenario that has a negotiation (see :func:`no_negotiation`). A
    linked model sees the scenario's issues together, as one negotiation."""
    batch = aligned_batch(scenario) if is_linked(model) else to_batch(scenario)
    result = model.run(batch.x, batch.s, batch.c, batch.mask, batch.ref)
    out: dict[str, IssueForecast] = {}
    for row in negotiated_rows(batch):
        issue_id = batch.issues[row]
        history = None if result.history is None else [float(v) for v in result.history[row]]
        out[issue_id] = IssueForecast(
            issue=issue_id,
            model=model.name,
            value=float(result.value[row]),
            history=history,
            details={"actors": int(batch.mask[row].sum())},
        )
    return out


def weights(s: Array, c: Array, mask: BoolArray) -> Array:
    """Capability × salience, zero for absent actors; where every weight is zero, equal weights instead."""
    w = np.where(mask, c * s, 0.0)
    total = w.sum(axis=-1, keepdims=True)
    return np.where(total > 0, w, mask.astype(np.float64))
