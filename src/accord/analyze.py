"""The main job: ingest → extract → scenario → forecast → report, each stage skipped when already done.

``analyze(paths, engine, out_dir)`` writes into ``out_dir``:

- ``scenario.yaml``: the scenario built from the store (edit it and run ``accord forecast`` on it);
- ``forecast.json``: every model's forecast per issue with Monte Carlo intervals, and the sensitivity table;
- ``report.html``: the self-contained report;
- ``exports/``: the scenario as JSON, KTAB CSV and BDM tables; items as CSV/Parquet; events as PLOVER JSONL;
- ``.accord-analyze.json``: what the outputs were made from, so that a rerun skips what is done.

Skipping: ingest stores only new or changed articles and extraction handles only articles without a current
extraction (both by their own rules). The later stages rerun only when their input changed: the store's
content (counts and newest ids of articles and extractions), the as-of date and the scenario settings for the
scenario; the scenario file's hash, draws and seed for the forecast; both for the report. A scenario file the
analyst edited after analyze wrote it is kept: forecast and report use it as long as the store is unchanged;
when the store changes, the edited file is saved as ``scenario.edited.yaml`` before the new one is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy import Engine, func, or_, select

from accord import __version__, settings
from accord.errors import AccordError, Errors
from accord.report.assemble import report_data
from accord.report.data import ForecastTable, Sensitivity
from accord.report.render import write_report
from accord.report.views import forecast_table, sensitivity_table
from accord.scenario.builder import build_scenario
from accord.scenario.exports import export_items, export_scenario
from accord.scenario.io import load_scenario, save_scenario
from accord.scenario.model import Scenario
from accord.store import session_scope
from accord.store.schema import Article, Correction, Event, Extraction, Position, Quote

STATE = ".accord-analyze.json"
FILE_SETTINGS = {"issue_scales", "capability_overrides", "actors"}
SCENARIO_SETTINGS = (
    "issue_scales",
    "recency_half_life_days",
    "conflict_share",
    "salience_smoothing",
    "capability_overrides",
    "attribute_to_country",
    "default_uncertainty",
    "actors",
)


class StageResult(BaseModel):
    name: str
    status: str  # done | skipped | failed
    detail: str = ""


class AnalyzeReport(BaseModel):
    stages: list[StageResult] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)  # one line per bad input or failed stage
    out_dir: str = ""
    report: str | None = None
    scenario: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    def stage(self, name: str) -> StageResult:
        return next(s for s in self.stages if s.name == name)


def _sha(data: Any) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16]


def file_sha(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.is_file() else None


def store_fingerprint(engine: Engine) -> str:
    """Changes whenever an article, an extraction or an analyst's correction is added, replaced or removed."""
    with session_scope(engine) as session:
        figures: list[list[Any]] = [
            list(session.execute(select(func.count(model.id), func.max(model.id))).one())
            for model in (Article, Extraction, Position, Quote, Event)
        ]
        # A correction is updated in place (one row per item), so its time counts as well as its id.
        figures.append(
            list(
                session.execute(
                    select(
                        func.count(Correction.id), func.max(Correction.id), func.max(Correction.updated_at)
                    )
                ).one()
            )
        )
    return _sha(figures)


PACKAGE = Path(__file__).resolve().parent


@cache
def code_fingerprint(package: Path = PACKAGE) -> str:
    """The package version and a hash of every file of the installed package (code, lexicons, templates).

    A rerun must not reuse a scenario, forecast or report made by other code: with an editable install the
    version stays the same while the code changes under it.
    """
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _pending_extractions(engine: Engine) -> int:
    from accord.extract.pipeline import PIPELINE_VERSION

    with session_scope(engine) as session:
        query = (
            select(func.count(Article.id))
            .outerjoin(Extraction, Extraction.article_id == Article.id)
            .where(or_(Extraction.id.is_(None), Extraction.pipeline_version != PIPELINE_VERSION))
        )
        return int(session.scalar(query) or 0)


def _settings_state() -> list[str]:
    """The scenario settings' values, and the contents of the files they name (an edited override counts)."""
    state = []
    for name in SCENARIO_SETTINGS:
        value = str(settings.get(name))
        path = Path(value) if value and name in FILE_SETTINGS else None
        state.append(f"{name}={value}:{file_sha(path) if path is not None else ''}")
    return state


def _read_state(out: Path) -> dict[str, Any]:
    try:
        data = json.loads((out / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_state(out: Path, state: dict[str, Any]) -> None:
    (out / STATE).write_text(json.dumps(state, indent=2, sort_keys=True) + "\n", encoding="utf-8")


class _Bars:
    """One progress bar per stage, shown only on a terminal (or when asked)."""

    def __init__(self, enabled: bool, console: Console | None) -> None:
        self.enabled = enabled
        self.console = console or Console(stderr=True)

    @contextmanager
    def stage(self, name: str, total: int | None) -> Iterator[Callable[[int], None]]:
        progress = Progress(
            TextColumn(f"{name:<9}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=self.console,
            disable=not self.enabled,
        )
        with progress:
            task = progress.add_task(name, total=total)

            def advance(n: int = 1) -> None:
                progress.advance(task, n)

            yield advance
            if total is not None:
                progress.update(task, completed=total)


def _forecast_payload(path: Path) -> tuple[ForecastTable, Sensitivity] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ForecastTable.model_validate(data["forecast"]), Sensitivity.model_validate(data["sensitivity"])
    except (OSError, ValueError, KeyError):
        return None


def analyze(
    paths: Sequence[str | Path],
    engine: Engine,
    out_dir: Path | str,
    *,
    as_of: dt.date | None = None,
    draws: int | None = None,
    seed: int | None = None,
    workers: int = 1,
    progress: bool | None = None,
    console: Console | None = None,
    nlp: Any = None,
) -> AnalyzeReport:
    """Run the whole job on ``paths`` into the store behind ``engine``, writing outputs to ``out_dir``.

    ``nlp`` is an already loaded extraction pipeline to reuse (loaded on demand when None)."""
    from accord.extract.runner import run_extraction
    from accord.ingest import ingest_paths

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AccordError(Errors.A501, path=out, reason=exc.strerror or str(exc)) from exc
    show = progress if progress is not None else (console or Console(stderr=True)).is_terminal
    bars = _Bars(show, console)
    result = AnalyzeReport(out_dir=str(out))
    state = _read_state(out)
    draws = int(settings.get("draws")) if draws is None else draws
    seed = int(settings.get("seed")) if seed is None else seed

    # -- ingest: the ingest stage draws its own bar and skips what it already holds -----------------
    if paths:
        ingested = ingest_paths(list(paths), engine, progress=show)
        result.errors += [f"[{issue.code}] {issue.message}" for issue in ingested.errors]
        status = "done" if ingested.added or ingested.new_versions else "skipped"
        result.stages.append(StageResult(name="ingest", status=status, detail=ingested.summary()))
    else:
        result.stages.append(StageResult(name="ingest", status="skipped", detail="no paths given"))

    # -- extract ------------------------------------------------------------------------------------
    pending = _pending_extractions(engine)
    if pending:
        with bars.stage("extract", pending) as advance:
            extracted = run_extraction(engine, workers=workers, progress=advance, nlp=nlp)
        result.errors += [str(problem) for problem in extracted.failures]
        detail = (
            f"{extracted.ok} extracted, {extracted.skipped} skipped, {extracted.errors} failed: "
            f"{extracted.actors} actor mentions, {extracted.quotes} quotes, {extracted.events} events, "
            f"{extracted.positions} positions"
        )
        result.stages.append(StageResult(name="extract", status="done", detail=detail))
    else:
        result.stages.append(
            StageResult(name="extract", status="skipped", detail="no article waits for extraction")
        )

    # -- scenario -----------------------------------------------------------------------------------
    scenario_path = out / "scenario.yaml"
    scenario_key = _sha([store_fingerprint(engine), str(as_of), _settings_state(), code_fingerprint()])
    on_disk = file_sha(scenario_path)
    edited = on_disk is not None and on_disk != state.get("scenario_sha")
    scenario: Scenario
    if state.get("scenario_key") == scenario_key and on_disk is not None:
        scenario = load_scenario(scenario_path)
        note = "kept the analyst's edited file" if edited else "store unchanged"
        result.stages.append(StageResult(name="scenario", status="skipped", detail=note))
    else:
        with bars.stage("scenario", 1) as advance:
            if edited:
                os.replace(scenario_path, out / "scenario.edited.yaml")
            scenario = build_scenario(engine, as_of)
            save_scenario(scenario, scenario_path)
            advance(1)
        state.update(scenario_key=scenario_key, scenario_sha=file_sha(scenario_path))
        detail = (
            f"{len(scenario.actors)} actors, {len(scenario.issues)} issues, {len(scenario.stances)} stances"
        )
        if edited:
            detail += "; the edited file was kept as scenario.edited.yaml"
        result.stages.append(StageResult(name="scenario", status="done", detail=detail))
    result.scenario = str(scenario_path)
    _write_state(out, state)

    # -- forecast -----------------------------------------------------------------------------------
    forecast_path = out / "forecast.json"
    forecast_key = _sha([file_sha(scenario_path), draws, seed, code_fingerprint()])
    cached = _forecast_payload(forecast_path) if state.get("forecast_key") == forecast_key else None
    if cached is not None:
        forecast, sensitivity = cached
        result.stages.append(StageResult(name="forecast", status="skipped", detail="scenario unchanged"))
    else:
        with bars.stage("forecast", 2) as advance:
            forecast = forecast_table(scenario, draws=draws, seed=seed)
            advance(1)
            sensitivity = sensitivity_table(scenario, draws=draws, seed=seed)
            advance(1)
        payload = {
            "forecast": forecast.model_dump(mode="json"),
            "sensitivity": sensitivity.model_dump(mode="json"),
        }
        forecast_path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        state["forecast_key"] = forecast_key
        detail = f"{len(forecast.models)} models × {len(forecast.rows)} issues, {draws} Monte Carlo draws"
        result.stages.append(StageResult(name="forecast", status="done", detail=detail))
    _write_state(out, state)

    # -- report and exports -------------------------------------------------------------------------
    report_path = out / "report.html"
    report_key = _sha([scenario_key, forecast_key, code_fingerprint()])
    if state.get("report_key") == report_key and report_path.is_file():
        result.stages.append(StageResult(name="report", status="skipped", detail="inputs unchanged"))
    else:
        with bars.stage("report", 3) as advance:
            data = report_data(
                engine,
                as_of,
                scenario=scenario,
                forecast=forecast,
                sensitivity=sensitivity,
                draws=draws,
                seed=seed,
            )
            if edited:
                data.notes.append("Forecast and sensitivity use the analyst's edited scenario.yaml.")
            else:
                data.notes = [n for n in data.notes if not n.startswith("Forecast and sensitivity use")]
            advance(1)
            write_report(data, out)
            advance(1)
            exports = out / "exports"
            export_scenario(scenario, exports / "scenario.json", "json")
            export_scenario(scenario, exports / "scenario-ktab.csv", "ktab")
            export_scenario(scenario, exports / "scenario-bdm.csv", "bdm")
            export_items(engine, exports, as_of)
            advance(1)
        state["report_key"] = report_key
        result.stages.append(StageResult(name="report", status="done", detail=str(report_path)))
    result.report = str(report_path)
    _write_state(out, state)
    return result
