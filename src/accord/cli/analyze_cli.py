"""`accord analyze`, `accord report`, `accord scenario build|export`, `accord export-items`: the main job."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from accord.cli.app import app
from accord.cli.common import DB_OPTION, error_line, fail, resolve_db, run_settings
from accord.cli.extract_cli import WORKERS_OPTION
from accord.errors import AccordError
from accord.models.monte_carlo import Perturbation
from accord.scenario.exports import SCENARIO_FORMATS, export_items, export_scenario
from accord.scenario.params import ScenarioParams
from accord.scenario.timeline import parse_as_of
from accord.store import open_store

AS_OF = typer.Option(None, "--as-of", help="Use only articles published on or before this date (YYYY-MM-DD).")
scenario_app = typer.Typer(help="Build and export negotiation scenarios.", no_args_is_help=True)
app.add_typer(scenario_app, name="scenario")


@app.command("analyze")
def analyze_cli(
    paths: list[Path] = typer.Argument(None, help="Files or folders to ingest first (none: use the store)."),
    db: str | None = DB_OPTION,
    out: Path = typer.Option(
        Path("accord-out"), "--out", help="Folder for scenario, forecast, report, exports."
    ),
    as_of: str | None = AS_OF,
    draws: int | None = typer.Option(None, "--draws", help="Monte Carlo draws [setting draws]."),
    workers: int = WORKERS_OPTION,
    progress: bool | None = typer.Option(
        None, "--progress/--no-progress", help="Progress bars [default: on when stderr is a terminal]."
    ),
) -> None:
    """Run the whole job: ingest, extract, build the scenario, forecast with every model, write the report.

    A rerun skips every stage whose input has not changed. Exit code 1 when any input or stage failed.
    """
    from accord.analyze import analyze

    try:
        out.mkdir(parents=True, exist_ok=True)  # `--db sqlite:///OUT/accord.db` may live inside it
    except OSError as exc:
        error_line(f"{out}: cannot create the output folder ({exc.strerror})")
        raise typer.Exit(1) from exc
    try:
        settings = run_settings()
        engine = open_store(resolve_db(db))
        result = analyze(
            list(paths or []),
            engine,
            out,
            as_of=parse_as_of(as_of),
            draws=draws,
            workers=workers,
            progress=progress,
            settings=settings,
        )
    except AccordError as exc:
        raise fail(exc) from exc
    for line in result.errors:
        error_line(line)
    table = Table("stage", "status", "detail", title="accord analyze")
    for stage in result.stages:
        table.add_row(stage.name, stage.status, stage.detail)
    Console(stderr=True).print(table)
    typer.echo(result.report)
    raise typer.Exit(0 if result.ok else 1)


@app.command("report")
def report_cli(
    db: str | None = DB_OPTION,
    out: Path = typer.Option(Path("."), "--out", help="Folder to write report.html into."),
    as_of: str | None = AS_OF,
    scenario: Path | None = typer.Option(
        None, "--scenario", help="Forecast this scenario file (e.g. an edited one) instead of the store's."
    ),
    draws: int | None = typer.Option(None, "--draws", help="Monte Carlo draws [setting draws]."),
) -> None:
    """Write a self-contained HTML report (opens offline) of the store and its forecasts."""
    from accord.report import make_report
    from accord.scenario.io import load_scenario

    try:
        settings = run_settings()
        engine = open_store(resolve_db(db))
        given = load_scenario(scenario) if scenario is not None else None
        path = make_report(
            engine,
            out,
            parse_as_of(as_of),
            given,
            settings.draws if draws is None else draws,
            settings.seed,
            params=ScenarioParams.of(settings),
            perturbation=Perturbation.of(settings),
        )
    except AccordError as exc:
        raise fail(exc) from exc
    typer.echo(str(path))


@scenario_app.command("build")
def scenario_build_cli(
    output: Path = typer.Option(
        Path("scenario.yaml"), "-o", "--output", help="Scenario file (.yaml or .json)."
    ),
    db: str | None = DB_OPTION,
    as_of: str | None = AS_OF,
) -> None:
    """Build the scenario (actors × issues with evidence) from the store's extraction."""
    from accord.scenario.builder import build_scenario
    from accord.scenario.io import save_scenario

    try:
        engine = open_store(resolve_db(db))
        built = build_scenario(engine, parse_as_of(as_of), params=ScenarioParams.of(run_settings()))
        path = save_scenario(built, output)
    except AccordError as exc:
        raise fail(exc) from exc
    typer.echo(
        f"{path}: {len(built.actors)} actors, {len(built.issues)} issues, {len(built.stances)} stances",
        err=True,
    )


@scenario_app.command("export")
def scenario_export_cli(
    scenario: Path = typer.Argument(..., help="Scenario file (.yaml or .json)."),
    output: Path = typer.Option(..., "-o", "--output", help="File to write (BDM: one file per issue)."),
    fmt: str | None = typer.Option(
        None,
        "--format",
        help=f"One of {', '.join(SCENARIO_FORMATS)} [default: from the suffix, .csv = ktab].",
    ),
) -> None:
    """Write a scenario as YAML, JSON, a KTAB SMP CSV or BDM actor tables."""
    from accord.scenario.io import load_scenario

    try:
        written = export_scenario(load_scenario(scenario), output, fmt)
    except AccordError as exc:
        raise fail(exc) from exc
    for path in written:
        typer.echo(str(path))


@app.command("export-items")
def export_items_cli(
    out: Path = typer.Option(Path("exports"), "--out", help="Folder to write into."),
    db: str | None = DB_OPTION,
    as_of: str | None = AS_OF,
    fmt: list[str] = typer.Option(["csv", "parquet"], "--format", help="csv and/or parquet (repeatable)."),
) -> None:
    """Positions, quotes and events as CSV/Parquet, and events as PLOVER-style JSON lines."""
    bad = [f for f in fmt if f not in ("csv", "parquet")]
    if bad:
        error_line(f"--format {bad[0]}: use csv or parquet")
        raise typer.Exit(2)
    try:
        params = ScenarioParams.of(run_settings())
        written = export_items(open_store(resolve_db(db)), out, parse_as_of(as_of), fmt, params)
    except AccordError as exc:
        raise fail(exc) from exc
    for path in written:
        typer.echo(str(path))
