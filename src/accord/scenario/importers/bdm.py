"""Actor tables for the Bueno de Mesquita model: one issue, one row per actor (name, capability, position,
salience), comma- or tab-separated, any position scale.

Column names vary between sources (``Actor``/``Stakeholder``/``Name``, ``Capability``/``Resources``/``c``,
``Position``/``x``, ``Salience``/``s``); extra columns (flexibility, veto, ...) are ignored. A header longer
than the data rows is accepted when its surplus names are repeats of earlier ones.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from accord.errors import AccordError, Errors
from accord.scenario.importers._common import number, read_text, saliences_to_unit, to_percent, unique_ids
from accord.scenario.model import Actor, Evidence, Issue, Scenario, Stance

KIND = "BDM actor table"
_COLUMNS = {
    "name": ("actor", "stakeholder", "name"),
    "capability": ("capability", "resources", "c", "power", "influence"),
    "position": ("position", "x"),
    "salience": ("salience", "s"),
}


def import_bdm(path: Path | str, scale: tuple[float, float] | None = None) -> Scenario:
    """Read a BDM actor table into a one-issue scenario.

    Positions are mapped linearly so that ``scale`` (default: the lowest and highest position in the file)
    becomes 0–100; the mapping is written into ``scale_note`` and the issue's ``low``/``high``.
    """
    path = Path(path)
    names, caps, positions, sals = _columns(path)
    low, high = scale if scale is not None else (min(positions), max(positions))
    percent = to_percent(positions, low, high)
    unit_sal, sal_note = saliences_to_unit(sals)
    ids = unique_ids(names)
    source = f"{path.name}"
    issue = Issue(
        id="issue",
        label=path.stem.replace("_", " "),
        low=f"{low:g} on the source scale",
        high=f"{high:g} on the source scale",
    )
    actors = [
        Actor(id=i, name=n, capability=c, capability_source=source)
        for i, n, c in zip(ids, names, caps, strict=True)
    ]
    stances = [
        Stance(
            actor=i,
            issue="issue",
            position=p,
            salience=s,
            evidence=[Evidence(source=f"{source}, line {row + 2}")],
        )
        for row, (i, p, s) in enumerate(zip(ids, percent, unit_sal, strict=True))
    ]
    note = f"position p on the source scale -> 100 * (p - {low:g}) / ({high:g} - {low:g}); {sal_note}"
    return Scenario(
        name=path.stem,
        description=f"imported from {source}",
        scale_note=note,
        issues=[issue],
        actors=actors,
        stances=stances,
    )


def _columns(path: Path) -> tuple[list[str], list[float], list[float], list[float]]:
    """The file's names, capabilities, positions and saliences, row by row."""
    rows, columns = _table(path)
    names: list[str] = []
    caps: list[float] = []
    positions: list[float] = []
    sals: list[float] = []
    for number_, row in enumerate(rows[1:], start=2):
        if len(row) <= max(columns.values()):
            raise AccordError(Errors.A402, path=path, kind=KIND, reason=f"line {number_}: too few fields")
        names.append(row[columns["name"]].strip())
        caps.append(number(row[columns["capability"]], path, KIND, f"line {number_} capability"))
        positions.append(number(row[columns["position"]], path, KIND, f"line {number_} position"))
        sals.append(number(row[columns["salience"]], path, KIND, f"line {number_} salience"))
    return names, caps, positions, sals


def _table(path: Path) -> tuple[list[list[str]], dict[str, int]]:
    """The file's rows (header first) and the index of each needed column."""
    lines = [line for line in read_text(path, KIND).split("\n") if line.strip()]
    if len(lines) < 2:
        raise AccordError(
            Errors.A402, path=path, kind=KIND, reason="needs a header and at least one actor row"
        )
    delimiter = "\t" if lines[0].count("\t") > lines[0].count(",") else ","
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    header = [h.strip().lower() for h in rows[0]]
    columns: dict[str, int] = {}
    for field, aliases in _COLUMNS.items():
        for index, head in enumerate(header):
            if head in aliases and field not in columns:
                columns[field] = index
    missing = [f for f in _COLUMNS if f not in columns]
    if missing:
        raise AccordError(Errors.A402, path=path, kind=KIND, reason=f"no column for {', '.join(missing)}")
    return rows, columns
