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
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, Field
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy import Engine, func, select

from accord import __version__
from accord.errors import AccordError, Errors
from accord.models.monte_carlo import Perturbation
from accord.report.assemble import report_data
from accord.report.data import ForecastTable, NoteCode, ReportNote, Sensitivity
from accord.report.render import write_report
from accord.report.views import forecast_views
from accord.scenario.builder import build_scenario
from accord.scenario.exports import export_items, export_scenario
from accord.scenario.io import load_scenario, save_scenario
from accord.scenario.model import Scenario
from accord.scenario.params import ScenarioParams
from accord.settings import DEFAULTS, Settings
from accord.store import session_scope
from accord.store.queries import needs_extraction, store_state
from accord.store.schema import Article

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
        return _sha(store_state(session))


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
    from accord.extract.pipeline import extraction_version

    with session_scope(engine) as session:
        query = select(func.count(Article.id)).where(needs_extraction(extraction_version()))
        return int(session.scalar(query) or 0)


def _settings_state(settings: Settings) -> list[str]:
    """The scenario settings' values, and the contents of the files they name (an edited override counts)."""
    state = []
    for name in SCENARIO_SETTINGS:
        value = str(getattr(settings, name))
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


def _edited(scenario_path: Path, state: dict[str, Any]) -> bool:
    """Whether the scenario file differs from the one analyze last wrote (the analyst edited it)."""
    on_disk = file_sha(scenario_path)
    return on_disk is not None and on_disk != state.get("scenario_sha")


def _forecast_payload(path: Path) -> tuple[ForecastTable, Sensitivity] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ForecastTable.model_validate(data["forecast"]), Sensitivity.model_validate(data["sensitivity"])
    except (OSError, ValueError, KeyError):
        return None


# The note analyze itself adds to the report when the forecast uses the analyst's edit of scenario.yaml.
EDITED_NOTE = ReportNote(
    code=NoteCode.EDITED_SCENARIO, text="Forecast and sensitivity use the analyst's edited scenario.yaml."
)


class Outcome(NamedTuple):
    status: Literal["done", "skipped"]
    detail: str


def _done(detail: str) -> Outcome:
    return Outcome("done", detail)


@dataclass
class _Job:
    """One analyze run: its inputs, the recorded state, and what each stage hands to the next."""

    paths: list[str | Path]
    engine: Engine
    out: Path
    as_of: dt.date | None
    draws: int
    seed: int
    workers: int
    settings: Settings
    nlp: Any
    show: bool
    bars: _Bars
    state: dict[str, Any]
    result: AnalyzeReport
    edited: bool  # the analyst edited scenario.yaml since analyze wrote it
    keys: dict[str, str] = field(default_factory=dict)  # each keyed stage's key in this run
    pending: int = 0  # articles waiting for extraction, counted by the extract stage's skip rule
    scenario: Scenario | None = None
    forecast: ForecastTable | None = None
    sensitivity: Sensitivity | None = None

    @property
    def scenario_path(self) -> Path:
        return self.out / "scenario.yaml"

    @property
    def forecast_path(self) -> Path:
        return self.out / "forecast.json"

    @property
    def report_path(self) -> Path:
        return self.out / "report.html"

    def recorded(self, stage: str, key: str | None) -> bool:
        """Whether the state says the stage's outputs were made from inputs with this key."""
        return key is not None and self.state.get(f"{stage}_key") == key

    @property
    def scenario_params(self) -> ScenarioParams:
        return ScenarioParams.of(self.settings)

    @property
    def perturbation(self) -> Perturbation:
        return Perturbation.of(self.settings)

    def the_scenario(self) -> Scenario:
        if self.scenario is None:
            raise RuntimeError("the scenario stage runs before the stages that use its scenario")
        return self.scenario

    def the_forecast(self) -> tuple[ForecastTable, Sensitivity]:
        if self.forecast is None or self.sensitivity is None:
            raise RuntimeError("the forecast stage runs before the report stage")
        return self.forecast, self.sensitivity


@dataclass(frozen=True)
class Stage:
    """One step of the job.

    ``key`` fingerprints the stage's inputs; after a run it is recorded in the state, and a rerun with the
    same key may reuse the outputs. None: the stage has no key and skips by its own rules (ingest and
    extraction keep track of what they hold in the store). ``skip`` says why the stage can be skipped (the
    detail shown) or returns None to run it; it reads into the job what a skipped stage hands on (the
    scenario, the forecast). ``run`` does the work and says what it did.
    """

    name: str
    skip: Callable[[_Job, str | None], str | None]
    run: Callable[[_Job], Outcome]
    key: Callable[[_Job], str | None] = lambda job: None


# -- ingest: the ingest stage draws its own bar and skips what it already holds -------------------------


def _skip_ingest(job: _Job, key: str | None) -> str | None:
    return None if job.paths else "no paths given"


def _run_ingest(job: _Job) -> Outcome:
    from accord.ingest import ingest_paths
    from accord.ingest.dedupe import DedupeParams

    ingested = ingest_paths(
        list(job.paths),
        job.engine,
        progress=job.show,
        max_bytes=job.settings.max_file_bytes,
        dedupe=DedupeParams.of(job.settings),
    )
    job.result.errors += [f"[{issue.code}] {issue.message}" for issue in ingested.errors]
    status: Literal["done", "skipped"] = "done" if ingested.added or ingested.new_versions else "skipped"
    return Outcome(status, ingested.summary())


# -- extract ------------------------------------------------------------------------------------------


def _skip_extract(job: _Job, key: str | None) -> str | None:
    job.pending = _pending_extractions(job.engine)
    return None if job.pending else "no article waits for extraction"


def _run_extract(job: _Job) -> Outcome:
    from accord.extract.runner import ExtractReport, run_extraction

    settings = job.settings
    extracted: ExtractReport
    where = ""
    with job.bars.stage("extract", job.pending) as advance:
        if job.workers > 1:  # as `accord extract --workers N`: a local Dask cluster of N workers
            from accord.extract.distributed import run_distributed

            extracted = run_distributed(
                job.engine,
                workers=job.workers,
                progress=lambda results, _client: advance(len(results)),
                model=settings.spacy_model,
                actors=settings.actors,
                batch_size=settings.batch_size,
            )
            where = f", on {job.workers} Dask workers"
        else:
            extracted = run_extraction(
                job.engine,
                progress=advance,
                nlp=job.nlp,
                model=settings.spacy_model,
                actors=settings.actors,
                batch_size=settings.batch_size,
            )
    job.result.errors += [str(problem) for problem in extracted.failures]
    return _done(
        f"{extracted.ok} extracted, {extracted.skipped} skipped, {extracted.errors} failed: "
        f"{extracted.actors} actor mentions, {extracted.quotes} quotes, {extracted.events} events, "
        f"{extracted.positions} positions{where}"
    )


# -- scenario -----------------------------------------------------------------------------------------


def _scenario_key(job: _Job) -> str:
    state = _settings_state(job.settings)
    return _sha([store_fingerprint(job.engine), str(job.as_of), state, code_fingerprint()])


def _skip_scenario(job: _Job, key: str | None) -> str | None:
    if not job.recorded("scenario", key) or not job.scenario_path.is_file():
        return None
    job.scenario = load_scenario(job.scenario_path)
    return "kept the analyst's edited file" if job.edited else "store unchanged"


def _run_scenario(job: _Job) -> Outcome:
    with job.bars.stage("scenario", 1) as advance:
        if job.edited:
            os.replace(job.scenario_path, job.out / "scenario.edited.yaml")
        scenario = build_scenario(job.engine, job.as_of, params=job.scenario_params)
        save_scenario(scenario, job.scenario_path)
        advance(1)
    job.scenario = scenario
    job.state["scenario_sha"] = file_sha(job.scenario_path)
    detail = f"{len(scenario.actors)} actors, {len(scenario.issues)} issues, {len(scenario.stances)} stances"
    if job.edited:
        detail += "; the edited file was kept as scenario.edited.yaml"
    return _done(detail)


# -- forecast -----------------------------------------------------------------------------------------


def _forecast_key(job: _Job) -> str:
    return _sha([file_sha(job.scenario_path), job.draws, job.seed, code_fingerprint()])


def _skip_forecast(job: _Job, key: str | None) -> str | None:
    cached = _forecast_payload(job.forecast_path) if job.recorded("forecast", key) else None
    if cached is None:
        return None
    job.forecast, job.sensitivity = cached
    return "scenario unchanged"


def _run_forecast(job: _Job) -> Outcome:
    scenario = job.the_scenario()
    with job.bars.stage("forecast", 1) as advance:
        forecast, sensitivity = forecast_views(scenario, job.draws, job.seed, job.perturbation)
        advance(1)
    payload = {
        "forecast": forecast.model_dump(mode="json"),
        "sensitivity": sensitivity.model_dump(mode="json"),
    }
    job.forecast_path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    job.forecast, job.sensitivity = forecast, sensitivity
    return _done(
        f"{len(forecast.models)} models × {len(forecast.rows)} issues, {job.draws} Monte Carlo draws"
    )


# -- report and exports -------------------------------------------------------------------------------


def _report_key(job: _Job) -> str:
    return _sha([job.keys["scenario"], job.keys["forecast"], code_fingerprint()])


def _skip_report(job: _Job, key: str | None) -> str | None:
    return "inputs unchanged" if job.recorded("report", key) and job.report_path.is_file() else None


def _run_report(job: _Job) -> Outcome:
    scenario = job.the_scenario()
    forecast, sensitivity = job.the_forecast()
    with job.bars.stage("report", 3) as advance:
        # The scenario goes to the report only when it is not the store's own (report_data then notes that
        # the forecast uses a given scenario); the store's is built there again, the same one.
        data = report_data(
            job.engine,
            job.as_of,
            scenario=scenario if job.edited else None,
            forecast=forecast,
            sensitivity=sensitivity,
            draws=job.draws,
            seed=job.seed,
            params=job.scenario_params,
            perturbation=job.perturbation,
        )
        if job.edited:
            data.notes.append(EDITED_NOTE)
        advance(1)
        write_report(data, job.out)
        advance(1)
        exports = job.out / "exports"
        export_scenario(scenario, exports / "scenario.json", "json")
        export_scenario(scenario, exports / "scenario-ktab.csv", "ktab")
        export_scenario(scenario, exports / "scenario-bdm.csv", "bdm")
        export_items(job.engine, exports, job.as_of, params=job.scenario_params)
        advance(1)
    return _done(str(job.report_path))


STAGES = (
    Stage("ingest", skip=_skip_ingest, run=_run_ingest),
    Stage("extract", skip=_skip_extract, run=_run_extract),
    Stage("scenario", key=_scenario_key, skip=_skip_scenario, run=_run_scenario),
    Stage("forecast", key=_forecast_key, skip=_skip_forecast, run=_run_forecast),
    Stage("report", key=_report_key, skip=_skip_report, run=_run_report),
)


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
    settings: Settings = DEFAULTS,
) -> AnalyzeReport:
    """Run the whole job on ``paths`` into the store behind ``engine``, writing outputs to ``out_dir``.

    ``settings`` are the run's settings (the entry point read them; the declared defaults when not given);
    ``draws`` and ``seed`` None are theirs. ``workers`` above 1 extracts on a local Dask cluster of that
    many worker processes, as ``accord extract --workers`` does. ``nlp`` is an already loaded extraction
    pipeline to reuse in this process (loaded on demand when None)."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AccordError(Errors.A501, path=out, reason=exc.strerror or str(exc)) from exc
    show = progress if progress is not None else (console or Console(stderr=True)).is_terminal
    state = _read_state(out)
    job = _Job(
        paths=list(paths),
        engine=engine,
        out=out,
        as_of=as_of,
        draws=settings.draws if draws is None else draws,
        seed=settings.seed if seed is None else seed,
        workers=workers,
        settings=settings,
        nlp=nlp,
        show=show,
        bars=_Bars(show, console),
        state=state,
        result=AnalyzeReport(out_dir=str(out)),
        edited=_edited(out / "scenario.yaml", state),
    )
    for stage in STAGES:
        key = stage.key(job)
        skipped = stage.skip(job, key)
        if skipped is not None:
            outcome = Outcome("skipped", skipped)
        else:
            outcome = stage.run(job)
            if key is not None:
                job.state[f"{stage.name}_key"] = key
        if key is not None:
            job.keys[stage.name] = key
            _write_state(job.out, job.state)
        job.result.stages.append(StageResult(name=stage.name, status=outcome.status, detail=outcome.detail))
    job.result.scenario = str(job.scenario_path)
    job.result.report = str(job.report_path)
    return job.result
