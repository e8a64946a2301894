"""Inputs of the decide exchange model (Stokman): records ``#A`` actor, ``#P`` issue, ``#M`` scale point,
``#D actor issue position salience power``, tab-separated with quoted fields or semicolon-separated.
Lines starting with other tags (``#O``, ``#/``) are comments. Power in this format is per actor and issue;
an actor's capability is its mean power, and the spread, if any, is noted in its capability source."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from accord.errors import AccordError, Errors
from accord.scenario.importers._common import number, read_text, saliences_to_unit, slug
from accord.scenario.model import Actor, Evidence, Issue, Scenario, Stance

KIND = "decide exchange-model input"


class _Record(NamedTuple):
    """One ``#D`` line."""

    line: int
    actor: str
    issue: str
    position: float
    salience: float
    power: float


@dataclass
class _Parsed:
    actors: dict[str, str] = field(default_factory=dict)  # id -> name
    issues: dict[str, str] = field(default_factory=dict)  # id -> label
    scale: dict[str, list[tuple[float, str]]] = field(default_factory=dict)  # issue id -> (point, meaning)
    records: list[_Record] = field(default_factory=list)


def import_exchange(path: Path | str) -> Scenario:
    path = Path(path)
    parsed = _parse(path, read_text(path, KIND))
    _check(path, parsed)
    sal_unit, sal_note = saliences_to_unit([r.salience for r in parsed.records])
    return Scenario(
        name=path.stem,
        description=f"imported from {path.name}",
        scale_note=f"positions as given (0–100); {sal_note}",
        issues=_issues(parsed),
        actors=_actors(path, parsed),
        stances=_stances(path, parsed.records, sal_unit),
    )


def _parse(path: Path, text: str) -> _Parsed:
    lines = [line for line in text.split("\n") if line.strip()]
    delimiter = (
        ";" if sum(line.count(";") for line in lines) > sum(line.count("\t") for line in lines) else "\t"
    )
    parsed = _Parsed()
    for line_no, fields in enumerate(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter), start=1):
        fields = [f.strip().strip("'") for f in fields]
        tag = fields[0] if fields else ""
        if tag == "#A" and len(fields) >= 2:
            parsed.actors[fields[1]] = fields[2] if len(fields) > 2 and fields[2] else fields[1]
        elif tag == "#P" and len(fields) >= 2:
            parsed.issues[fields[1]] = fields[2] if len(fields) > 2 and fields[2] else fields[1]
        elif tag == "#M" and len(fields) >= 3:
            meaning = fields[3] if len(fields) > 3 else ""
            parsed.scale.setdefault(fields[1], []).append(
                (number(fields[2], path, KIND, f"line {line_no}"), meaning)
            )
        elif tag == "#D":
            if len(fields) < 6:
                raise AccordError(
                    Errors.A402, path=path, kind=KIND, reason=f"line {line_no}: #D needs 5 values"
                )
            pos, sal, power = (number(v, path, KIND, f"line {line_no}") for v in fields[3:6])
            parsed.records.append(_Record(line_no, fields[1], fields[2], pos, sal, power))
    return parsed


def _check(path: Path, parsed: _Parsed) -> None:
    if not parsed.records:
        raise AccordError(Errors.A402, path=path, kind=KIND, reason="no #D records")
    problems = [
        f"line {r.line}: unknown actor {r.actor!r}" for r in parsed.records if r.actor not in parsed.actors
    ]
    problems += [
        f"line {r.line}: unknown issue {r.issue!r}" for r in parsed.records if r.issue not in parsed.issues
    ]
    if problems:
        raise AccordError(Errors.A402, path=path, kind=KIND, reason="; ".join(problems))


def _issues(parsed: _Parsed) -> list[Issue]:
    issues = []
    for issue_id, label in parsed.issues.items():
        points = sorted(parsed.scale.get(issue_id, []))
        low = points[0] if points else (0.0, "")
        high = points[-1] if points else (100.0, "")
        issues.append(
            Issue(id=slug(issue_id), label=label, low=low[1] or f"{low[0]:g}", high=high[1] or f"{high[0]:g}")
        )
    return issues


def _actors(path: Path, parsed: _Parsed) -> list[Actor]:
    """An actor's capability is its mean power over the issues; a spread is noted in its source."""
    powers: dict[str, list[float]] = {}
    for record in parsed.records:
        powers.setdefault(record.actor, []).append(record.power)
    actors = []
    for actor_id, name in parsed.actors.items():
        values = powers.get(actor_id, [0.0])
        spread = (
            ""
            if max(values) == min(values)
            else f" (mean of per-issue powers {min(values):g}–{max(values):g})"
        )
        actors.append(
            Actor(
                id=slug(actor_id),
                name=name,
                capability=sum(values) / len(values),
                capability_source=f"{path.name}{spread}",
            )
        )
    return actors


def _stances(path: Path, records: list[_Record], saliences: list[float]) -> list[Stance]:
    stances = []
    for record, sal in zip(records, saliences, strict=True):
        if not 0 <= record.position <= 100:
            raise AccordError(
                Errors.A402,
                path=path,
                kind=KIND,
                reason=f"line {record.line}: position {record.position:g} outside 0–100",
            )
        stances.append(
            Stance(
                actor=slug(record.actor),
                issue=slug(record.issue),
                position=record.position,
                salience=sal,
                evidence=[Evidence(source=f"{path.name}, line {record.line}")],
            )
        )
    return stances
