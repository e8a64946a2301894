"""Exports: the scenario for other tools, and the extracted items as tables.

- Scenario as YAML or JSON (:mod:`accord.scenario.io`), as a KTAB SMP CSV (one dimension per issue), or
  as BDM actor tables (one CSV per issue: ``Actor,Capability,Position,Salience``).
- Events as PLOVER-style JSON lines: PLOVER's field names and event categories where ours map onto them,
  our own type kept beside.
- Positions, quotes and events as CSV and Parquet, each row with its provenance (article, offsets,
  sentence).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from accord.errors import AccordError, Errors
from accord.scenario.io import JSON_SUFFIXES, YAML_SUFFIXES, save_scenario
from accord.scenario.model import Scenario
from accord.scenario.params import DEFAULT_PARAMS, ScenarioParams
from accord.scenario.scales import load_scales
from accord.scenario.timeline import EventPoint, event_points, position_points, quote_points
from accord.store import session_scope

SCENARIO_FORMATS = ("yaml", "json", "ktab", "bdm")

# Our event types onto PLOVER's sixteen categories (and the mode where PLOVER has one). A `statement`
# has no PLOVER category: it is kept with event_type null and our type in `accord_type`.
PLOVER: dict[str, tuple[str | None, str | None]] = {
    "meeting": ("CONSULT", "meet"),
    "negotiation_round": ("CONSULT", "meet"),
    "phone_call": ("CONSULT", "phone"),
    "statement": (None, None),
    "attack": ("ASSAULT", None),
    "agreement": ("AGREE", None),
    "sanction": ("SANCTION", None),
    "aid": ("AID", None),
}


# -- scenario ---------------------------------------------------------------------------------------


def _salience_percent(value: float) -> str:
    return f"{value * 100:.6g}"


def ktab_csv(scenario: Scenario) -> str:
    """The scenario as a KTAB SMP CSV: every actor gets every issue (salience 0 and the middle of the scale
    where it took no stance, which KTAB reads as "does not care"); saliences written 0–100."""
    stance = {(s.actor, s.issue): s for s in scenario.stances}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    name = scenario.name.replace(",", ";")
    writer.writerow(
        [
            name,
            (scenario.description or name).replace(",", ";")[:200],
            len(scenario.actors),
            len(scenario.issues),
            "",
        ]
    )
    header = ["Actor", "Description", "Power"]
    for issue in scenario.issues:
        header += [issue.id, f"{issue.id} Salience"]
    writer.writerow([*header, ""])
    for actor in scenario.actors:
        row: list[str] = [actor.id, actor.name.replace(",", " "), f"{actor.capability:.6g}"]
        for issue in scenario.issues:
            found = stance.get((actor.id, issue.id))
            if found is None:
                row += ["50", "0"]
            else:
                row += [f"{found.position:.6g}", _salience_percent(found.salience)]
        writer.writerow([*row, ""])
    return out.getvalue()


def bdm_csv(scenario: Scenario, issue_id: str) -> str:
    """One issue as a BDM actor table; positions on 0–100, saliences 0–100."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Actor", "Capability", "Position", "Salience"])
    for stance in scenario.stances_on(issue_id):
        actor = scenario.actor(stance.actor)
        writer.writerow(
            [
                actor.name,
                f"{actor.capability:.6g}",
                f"{stance.position:.6g}",
                _salience_percent(stance.salience),
            ]
        )
    return out.getvalue()


def _write(path: Path, text: str, kind: str) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise AccordError(Errors.A413, path=path, kind=kind, reason=exc.strerror or str(exc)) from exc
    return path


def export_scenario(scenario: Scenario, path: Path | str, fmt: str | None = None) -> list[Path]:
    """Write the scenario in ``fmt`` (default: from the suffix, ``.csv`` meaning KTAB).

    BDM tables hold one issue each: ``path`` names the first, the others get the issue id appended
    (``out.csv`` → ``out-ceasefire.csv``, ...). Returns every file written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if fmt is None:
        fmt = "yaml" if suffix in YAML_SUFFIXES else "json" if suffix in JSON_SUFFIXES else "ktab"
    if fmt in ("yaml", "json"):
        return [save_scenario(scenario, path)]
    if fmt == "ktab":
        return [_write(path, ktab_csv(scenario), "KTAB SMP CSV")]
    if fmt == "bdm":
        stem = path.with_suffix("")
        issues = [i.id for i in scenario.issues if scenario.stances_on(i.id)]
        return [
            _write(Path(f"{stem}-{issue}.csv"), bdm_csv(scenario, issue), "BDM actor table")
            for issue in issues
        ]
    raise AccordError(
        Errors.A413,
        path=path,
        kind="scenario",
        reason=f"unknown format '{fmt}', use {', '.join(SCENARIO_FORMATS)}",
    )


# -- events and tables ------------------------------------------------------------------------------


def plover_record(event: EventPoint) -> dict[str, Any]:
    category, mode = PLOVER.get(event.type, (None, None))
    participants = event.participants
    return {
        "event_id": f"{event.source.source_id}:{event.start}-{event.end}",
        "event_date": event.date_text or (event.date.isoformat() if event.date else None),
        "event_type": category,
        "mode": mode,
        "actor": participants[0] if participants else None,
        "recipient": participants[1] if len(participants) > 1 else None,
        "participants": participants,
        "location": {"name": event.place} if event.place else None,
        "event_text": event.sentence,
        "story_id": event.source.source_id,
        "story_date": event.source.published.isoformat() if event.source.published else None,
        "publisher": event.source.outlet,
        "url": event.source.url,
        "accord_type": event.type,
        "accord_modality": event.modality,
        "date_precision": event.date_precision,
        "offsets": [event.start, event.end],
    }


def plover_jsonl(events: Iterable[EventPoint]) -> str:
    return "".join(json.dumps(plover_record(e), ensure_ascii=False) + "\n" for e in events)


def _flat(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return value


def item_rows(
    engine: Engine, as_of: dt.date | None = None, params: ScenarioParams = DEFAULT_PARAMS
) -> dict[str, list[dict[str, Any]]]:
    """Positions, quotes and events as flat rows, each with its article and offsets."""
    tables: dict[str, list[dict[str, Any]]] = {}
    floor = params.min_confidence
    with session_scope(engine) as session:
        points: dict[str, Sequence[Any]] = {
            "positions": position_points(session, as_of, load_scales(params.issue_scales), floor),
            "quotes": quote_points(session, as_of, floor),
            "events": event_points(session, as_of, floor),
        }
    for name, items in points.items():
        rows = []
        for item in items:
            data = item.model_dump(exclude={"source", "id"})
            source = item.source
            row = {
                "source_id": source.source_id,
                "title": source.title,
                "outlet": source.outlet,
                "published": source.published,
                **data,
            }
            rows.append({key: _flat(value) for key, value in row.items()})
        tables[name] = rows
    return tables


def write_csv(rows: list[dict[str, Any]], path: Path, columns: list[str] | None = None) -> Path:
    columns = columns or (list(rows[0]) if rows else [])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return _write(path, out.getvalue(), "CSV")


def write_parquet(rows: list[dict[str, Any]], path: Path, columns: list[str]) -> Path:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise AccordError(
            Errors.A413,
            path=path,
            kind="Parquet",
            reason="pyarrow is not installed (pip install 'accord[parquet]')",
        ) from exc
    table = pa.Table.from_pylist(rows) if rows else pa.table({c: pa.array([], pa.string()) for c in columns})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, path)
    except OSError as exc:
        raise AccordError(Errors.A413, path=path, kind="Parquet", reason=str(exc)) from exc
    return path


EMPTY_COLUMNS = {
    "positions": ["source_id", "actor", "issue", "stance", "value", "date", "sentence", "start", "end"],
    "quotes": ["source_id", "speaker", "text", "date", "sentence", "start", "end"],
    "events": ["source_id", "type", "date", "participants", "place", "sentence", "start", "end"],
}


def export_items(
    engine: Engine,
    out_dir: Path | str,
    as_of: dt.date | None = None,
    formats: Sequence[str] = ("csv", "parquet"),
    params: ScenarioParams = DEFAULT_PARAMS,
) -> list[Path]:
    """positions/quotes/events as ``.csv`` and ``.parquet`` plus ``events.plover.jsonl`` in ``out_dir``."""
    out = Path(out_dir)
    written: list[Path] = []
    tables = item_rows(engine, as_of, params)
    for name, rows in tables.items():
        columns = list(rows[0]) if rows else EMPTY_COLUMNS[name]
        if "csv" in formats:
            written.append(write_csv(rows, out / f"{name}.csv", columns))
        if "parquet" in formats:
            written.append(write_parquet(rows, out / f"{name}.parquet", columns))
    with session_scope(engine) as session:
        events = event_points(session, as_of, params.min_confidence)
    written.append(_write(out / "events.plover.jsonl", plover_jsonl(events), "PLOVER JSONL"))
    return written
