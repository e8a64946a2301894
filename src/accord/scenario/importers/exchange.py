"""Inputs of the decide exchange model (Stokman): records ``#A`` actor, ``#P`` issue, ``#M`` scale point,
``#D actor issue position salience power``, tab-separated with quoted fields or semicolon-separated.
Lines starting with other tags (``#O``, ``#/``) are comments. Power in this format is per actor and issue;
an actor's capability is its mean power, and the spread, if any, is noted in its capability source."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from accord.errors import AccordError, Errors
from accord.scenario.importers._common import number, read_text, saliences_to_unit, slug
from accord.scenario.model import Actor, Evidence, Issue, Scenario, Stance

KIND = "decide exchange-model input"


def import_exchange(path: Path | str) -> Scenario:
    path = Path(path)
    text = read_text(path, KIND)
    lines = [line for line in text.split("\n") if line.strip()]
    delimiter = (
        ";" if sum(line.count(";") for line in lines) > sum(line.count("\t") for line in lines) else "\t"
    )
    actors: dict[str, str] = {}
    issues: dict[str, str] = {}
    scale: dict[str, list[tuple[float, str]]] = {}
    records: list[tuple[int, str, str, float, float, float]] = []
    for line_no, fields in enumerate(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter), start=1):
        fields = [f.strip().strip("'") for f in fields]
        tag = fields[0] if fields else ""
        if tag == "#A" and len(fields) >= 2:
            actors[fields[1]] = fields[2] if len(fields) > 2 and fields[2] else fields[1]
        elif tag == "#P" and len(fields) >= 2:
            issues[fields[1]] = fields[2] if len(fields) > 2 and fields[2] else fields[1]
        elif tag == "#M" and len(fields) >= 3:
            meaning = fields[3] if len(fields) > 3 else ""
            scale.setdefault(fields[1], []).append(
                (number(fields[2], path, KIND, f"line {line_no}"), meaning)
            )
        elif tag == "#D":
            if len(fields) < 6:
                raise AccordError(
                    Errors.A402, path=path, kind=KIND, reason=f"line {line_no}: #D needs 5 values"
                )
            pos, sal, power = (number(v, path, KIND, f"line {line_no}") for v in fields[3:6])
            records.append((line_no, fields[1], fields[2], pos, sal, power))
    if not records:
        raise AccordError(Errors.A402, path=path, kind=KIND, reason="no #D records")
    problems = [f"line {n}: unknown actor {a!r}" for n, a, *_ in records if a not in actors]
    problems += [f"line {n}: unknown issue {i!r}" for n, _, i, *_ in records if i not in issues]
    if problems:
        raise AccordError(Errors.A402, path=path, kind=KIND, reason="; ".join(problems))
    powers: dict[str, list[float]] = {}
    for _, actor, _, _, _, power in records:
        powers.setdefault(actor, []).append(power)
    sal_unit, sal_note = saliences_to_unit([r[4] for r in records])
    issue_list = []
    for issue_id, label in issues.items():
        points = sorted(scale.get(issue_id, []))
        low = points[0] if points else (0.0, "")
        high = points[-1] if points else (100.0, "")
        issue_list.append(
            Issue(id=slug(issue_id), label=label, low=low[1] or f"{low[0]:g}", high=high[1] or f"{high[0]:g}")
        )
    actor_list = []
    for actor_id, name in actors.items():
        values = powers.get(actor_id, [0.0])
        spread = (
            ""
            if max(values) == min(values)
            else f" (mean of per-issue powers {min(values):g}–{max(values):g})"
        )
        actor_list.append(
            Actor(
                id=slug(actor_id),
                name=name,
                capability=sum(values) / len(values),
                capability_source=f"{path.name}{spread}",
            )
        )
    stances = []
    for (line_no, actor, issue, pos, _, _), sal in zip(records, sal_unit, strict=True):
        if not 0 <= pos <= 100:
            raise AccordError(
                Errors.A402, path=path, kind=KIND, reason=f"line {line_no}: position {pos:g} outside 0–100"
            )
        stances.append(
            Stance(
                actor=slug(actor),
                issue=slug(issue),
                position=pos,
                salience=sal,
                evidence=[Evidence(source=f"{path.name}, line {line_no}")],
            )
        )
    return Scenario(
        name=path.stem,
        description=f"imported from {path.name}",
        scale_note=f"positions as given (0–100); {sal_note}",
        issues=issue_list,
        actors=actor_list,
        stances=stances,
    )
