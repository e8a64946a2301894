"""KTAB SMP inputs: the CSV format (line 1 ``name,description,nActors,nDims``, line 2 the header
``Actor,Description,Power,Pos1,Sal1,...``, trailing commas) and the XML format (``<Scenario>`` with
``<Dimensions>`` and ``<Actors>``). Positions are already 0–100; saliences 0–100 are divided by 100."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

from accord.errors import AccordError, Errors
from accord.scenario.importers._common import number, read_text, unique_ids
from accord.scenario.model import Actor, Evidence, Issue, Scenario, Stance

KIND = "KTAB SMP"


def _build(
    path: Path,
    name: str,
    description: str,
    dims: list[str],
    rows: list[tuple[str, str, float, list[float], list[float]]],
) -> Scenario:
    sal_max = max((v for r in rows for v in r[4]), default=0.0)
    divide = 100.0 if sal_max > 1.0 else 1.0
    issue_ids = unique_ids(dims)
    ids = unique_ids([r[0] for r in rows])
    issues = [Issue(id=i, label=d) for i, d in zip(issue_ids, dims, strict=True)]
    actors, stances = [], []
    for actor_id, (label, desc, power, positions, saliences) in zip(ids, rows, strict=True):
        actors.append(Actor(id=actor_id, name=desc or label, capability=power, capability_source=path.name))
        for issue_id, position, salience in zip(issue_ids, positions, saliences, strict=True):
            if not 0 <= position <= 100:
                raise AccordError(
                    Errors.A402,
                    path=path,
                    kind=KIND,
                    reason=f"actor {label!r} issue {issue_id!r}: position {position:g} outside 0–100",
                )
            stances.append(
                Stance(
                    actor=actor_id,
                    issue=issue_id,
                    position=position,
                    salience=salience / divide,
                    evidence=[Evidence(source=f"{path.name}, actor {label}")],
                )
            )
    note = "positions as given (0–100); " + (
        "saliences divided by 100" if divide > 1 else "saliences as given"
    )
    return Scenario(
        name=name, description=description, scale_note=note, issues=issues, actors=actors, stances=stances
    )


def _import_csv(path: Path) -> Scenario:
    text = read_text(path, KIND)
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 3:
        raise AccordError(
            Errors.A402, path=path, kind=KIND, reason="needs a title line, a header and actor rows"
        )
    first = [f.strip() for f in next(csv.reader([lines[0]]))]
    while first and not first[-1]:
        first.pop()  # the trailing comma
    if len(first) < 4:
        raise AccordError(
            Errors.A402, path=path, kind=KIND, reason="line 1 must be name,description,nActors,nDims"
        )
    # Fields 3 and 4 are the counts; some files append further fields after them.
    n_actors = int(number(first[2], path, KIND, "line 1 nActors"))
    n_dims = int(number(first[3], path, KIND, "line 1 nDims"))
    header = [h.strip() for h in next(csv.reader([lines[1]]))]
    dims = [header[3 + 2 * k] for k in range(n_dims)] if len(header) >= 3 + 2 * n_dims else []
    if len(dims) != n_dims:
        raise AccordError(
            Errors.A402, path=path, kind=KIND, reason=f"header has fewer than {n_dims} dimensions"
        )
    rows = []
    for line_no, row in enumerate(csv.reader(io.StringIO("\n".join(lines[2:]))), start=3):
        if len(row) < 3 + 2 * n_dims:
            raise AccordError(Errors.A402, path=path, kind=KIND, reason=f"line {line_no}: too few fields")
        values = [number(v, path, KIND, f"line {line_no}") for v in row[2 : 3 + 2 * n_dims]]
        rows.append((row[0].strip(), row[1].strip(), values[0], values[1::2], values[2::2]))
    if len(rows) != n_actors:
        raise AccordError(
            Errors.A402, path=path, kind=KIND, reason=f"line 1 announces {n_actors} actors, found {len(rows)}"
        )
    return _build(path, first[0], first[1], dims, rows)


def _import_xml(path: Path) -> Scenario:
    try:
        root = ET.fromstring(read_text(path, KIND).lstrip("\ufeff").encode("utf-8"))
    except ET.ParseError as exc:
        raise AccordError(Errors.A402, path=path, kind=KIND, reason=f"malformed XML: {exc}") from exc
    dims = [(d.text or "").strip() for d in root.iter("dName")]
    rows = []
    for actor in root.iter("Actor"):
        label = (actor.findtext("name") or "").strip()
        where = f"actor {label!r}"
        power = number(actor.findtext("capability") or "", path, KIND, f"{where} capability")
        coords = [
            number(v.text or "", path, KIND, f"{where} position {k + 1}")
            for k, v in enumerate(actor.iter("dCoord"))
        ]
        sals = [
            number(v.text or "", path, KIND, f"{where} salience {k + 1}")
            for k, v in enumerate(actor.iter("dSal"))
        ]
        if len(coords) != len(dims) or len(sals) != len(dims):
            raise AccordError(
                Errors.A402, path=path, kind=KIND, reason=f"{where}: expected {len(dims)} dimensions"
            )
        rows.append((label, (actor.findtext("description") or "").strip(), power, coords, sals))
    if not rows or not dims:
        raise AccordError(Errors.A402, path=path, kind=KIND, reason="no <Actor> or no <dName> elements")
    return _build(
        path, (root.findtext("name") or path.stem).strip(), (root.findtext("desc") or "").strip(), dims, rows
    )


def import_ktab(path: Path | str) -> Scenario:
    path = Path(path)
    return _import_xml(path) if path.suffix.lower() == ".xml" else _import_csv(path)
