"""The DEU table (Decision-making in the European Union I–III, as prepared by blksv): one single-issue
scenario per issue row, with the reference point ``rp`` as status quo and ``out`` as the outcome.

File facts handled here: tab-separated with quoted header; row 2 is a GDP row added by blksv (not DEU data,
used for ``capability="gdp"``); an empty position cell means the actor was not coded on the issue; a
reference point outside 0–100 is dropped (``status_quo`` None); ``finact`` dates are unreliable and unused.

Conventions (ours, written down because DEU records no power):
- ``equal``: every coded actor has capability 1.
- ``votes``: Council voting weights of the period the issue falls in, by introduction year: up to 2001
  (DEU I) Amsterdam-era weights, 2002–2010 (DEU II) Nice weights, from 2011 (DEU III) population under
  double majority. The Commission and the Parliament each get the weight of the largest member state.
- ``gdp``: the GDP row of the file.
- A coded actor with a blank salience gets salience 0 (it keeps its position but no weight); with this and
  the `votes` convention the compromise model's MAE is 22.99, as in the schelling cross-check file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

from accord.errors import AccordError, Errors
from accord.scenario.importers._common import number, read_text
from accord.scenario.model import Actor, Evidence, Issue, Scenario, Stance

KIND = "DEU table"
Capability = Literal["equal", "votes", "gdp"]
BLANK_SALIENCE = 0.0
INSTITUTIONS = ("com", "ep")
ACTOR_NAMES = {"com": "European Commission", "ep": "European Parliament"}


@dataclass(frozen=True)
class DeuIssue:
    scenario: Scenario
    issue_id: str
    intro_year: int | None
    wave: str  # "I", "II" or "III" by introduction year
    procedure: str
    proposal: str = ""  # the legislative proposal (``prnr``): its issues were negotiated together


def council_weights() -> dict[str, dict[str, float]]:
    """period -> actor -> weight, from the shipped ``council_weights.csv``."""
    text = resources.files("accord.data").joinpath("council_weights.csv").read_text(encoding="utf-8")
    table: dict[str, dict[str, float]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        table.setdefault(row["period"], {})[row["actor"]] = float(row["weight"])
    return table


def intro_year(text: str) -> int | None:
    """Year of a ``dd-mm-yy`` or ``dd-mm-yyyy`` introduction date. The file mixes both: 332 rows have two
    digits (DEU spans 1996–2018, so yy >= 90 is 19yy) and 32 have four (``14-12-1999``, ``14-09-2016``),
    which are the year itself (read as yy they gave 3899 and 4016)."""
    parts = text.strip().split("-")
    if len(parts) != 3 or not parts[2].isdigit():
        return None
    if len(parts[2]) == 4:
        return int(parts[2])
    if len(parts[2]) != 2:
        return None
    yy = int(parts[2])
    return 1900 + yy if yy >= 90 else 2000 + yy


def wave_of(year: int | None) -> str:
    if year is None:
        return "?"
    return "I" if year <= 2001 else ("II" if year <= 2010 else "III")


def period_of(wave: str) -> str:
    return {"I": "amsterdam", "II": "nice"}.get(wave, "population")


@dataclass(frozen=True)
class _Table:
    """The file's header and GDP row, and how this import turns a coded actor into a capability."""

    path: Path
    header: list[str]
    col: dict[str, int]  # column name -> index
    actor_codes: list[str]
    gdp_row: list[str]
    capability: Capability
    weights: dict[str, dict[str, float]]  # Council voting weights: period -> actor -> weight


def import_deu(path: Path | str, capability: Capability = "votes") -> list[DeuIssue]:
    path = Path(path)
    rows = list(csv.reader(io.StringIO(read_text(path, KIND)), delimiter="\t"))
    table = _table(path, rows, capability)
    out: list[DeuIssue] = []
    for line_no, row in enumerate(rows[2:], start=3):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(table.header):
            raise AccordError(Errors.A402, path=path, kind=KIND, reason=f"line {line_no}: {len(row)} fields")
        out.append(_issue_row(table, line_no, row))
    return out


def _table(path: Path, rows: list[list[str]], capability: Capability) -> _Table:
    if len(rows) < 3:
        raise AccordError(
            Errors.A402, path=path, kind=KIND, reason="needs a header, the GDP row and issue rows"
        )
    header = rows[0]
    col = {name: index for index, name in enumerate(header)}
    needed = ["isnr", "intro", "proc", "rp", "out", "prname"]
    missing = [n for n in needed if n not in col]
    if missing:
        raise AccordError(Errors.A402, path=path, kind=KIND, reason=f"no column {', '.join(missing)}")
    skip = {"prnrnmc", "prnr", "prname", "proc", "proccde"}
    actor_codes = [h[1:] for h in header if h.startswith("p") and h not in skip and f"s{h[1:]}" in col]
    return _Table(path, header, col, actor_codes, rows[1], capability, council_weights())


def _issue_row(table: _Table, line_no: int, row: list[str]) -> DeuIssue:
    """One issue row as its single-issue scenario."""
    col, path = table.col, table.path
    issue_id = row[col["isnr"]].strip()
    year = intro_year(row[col["intro"]])
    wave = wave_of(year)
    rp = _point(table, row, "rp", line_no)
    outcome = _point(table, row, "out", line_no)
    actors: list[Actor] = []
    stances: list[Stance] = []
    for code in table.actor_codes:
        position_text = row[col[f"p{code}"]].strip()
        if not position_text:
            continue  # not coded on this issue
        salience_text = row[col[f"s{code}"]].strip()
        where = f"line {line_no} {code}"
        position = number(position_text, path, KIND, f"{where} position")
        salience = number(salience_text, path, KIND, f"{where} salience") / 100 if salience_text else None
        cap, cap_source = _capability(table, code, period_of(wave))
        actors.append(
            Actor(
                id=code,
                name=ACTOR_NAMES.get(code, code.upper()),
                capability=cap,
                capability_source=cap_source,
            )
        )
        stances.append(
            Stance(
                actor=code,
                issue=issue_id,
                position=position,
                salience=BLANK_SALIENCE if salience is None else min(max(salience, 0.0), 1.0),
                evidence=[Evidence(source=f"{path.name}, line {line_no}")],
            )
        )
    issue = Issue(
        id=issue_id, label=f"{row[col['prname']].strip()} ({issue_id})", status_quo=rp, outcome=outcome
    )
    scenario = Scenario(
        name=f"DEU {issue_id}",
        description=f"DEU {wave}, {row[col['proc']].strip()}, introduced {year}",
        scale_note="DEU positions 0–100; saliences divided by 100",
        issues=[issue],
        actors=actors,
        stances=stances,
    )
    proposal = row[col["prnr"]].strip() if "prnr" in col else issue_id
    return DeuIssue(scenario, issue_id, year, wave, row[col["proc"]].strip(), proposal or issue_id)


def _point(table: _Table, row: list[str], column: str, line_no: int) -> float | None:
    """The reference point or outcome; None when blank or outside 0–100."""
    text = row[table.col[column]].strip()
    value = number(text, table.path, KIND, f"line {line_no} {column}") if text else None
    return value if value is not None and 0 <= value <= 100 else None


def _capability(table: _Table, code: str, period: str) -> tuple[float, str]:
    """The actor's capability and where it comes from, by the import's convention (module docstring)."""
    if table.capability == "equal":
        return 1.0, "equal capabilities"
    if table.capability == "gdp":
        cap = number(table.gdp_row[table.col[f"p{code}"]] or "0", table.path, KIND, f"GDP row {code}")
        return cap, f"{table.path.name}, GDP row (added by blksv)"
    weights = table.weights[period]
    cap = max(weights.values()) if code in INSTITUTIONS else weights.get(code, 0.0)
    return cap, f"Council voting weights, {period} period (accord/data/council_weights.csv)"
