"""`accord extract`: run the extraction pipeline over stored articles not yet extracted."""

from __future__ import annotations

import datetime as dt

import typer

from accord.cli.app import app
from accord.cli.common import DB_OPTION, error_line, fail, resolve_db, run_settings
from accord.errors import AccordError
from accord.extract.runner import is_failure, run_extraction
from accord.store import open_store

# One meaning wherever extraction runs (`accord extract`, `accord analyze`): worker processes, each with its
# own pipeline; above 1 they are a local Dask cluster (accord.extract.distributed), 1 extracts in-process.
WORKERS_OPTION = typer.Option(
    1,
    "--workers",
    min=1,
    help="Extraction worker processes: above 1, a local Dask cluster of that many one-thread workers, "
    "each loading the pipeline once; 1 extracts in this process.",
)


@app.command("extract")
def extract_cli(
    db: str | None = DB_OPTION,
    since: dt.datetime | None = typer.Option(
        None, "--since", formats=["%Y-%m-%d"], help="Only articles published on or after this date."
    ),
    workers: int = WORKERS_OPTION,
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="Extract on a running Dask cluster, e.g. tcp://HOST:8786."
    ),
    force: bool = typer.Option(False, "--force", help="Extract again even articles already extracted."),
) -> None:
    """Extract actors, quotes, events and positions from stored articles and store them.

    Articles whose stored extraction came from this pipeline version are left alone unless --force;
    a new extraction replaces the old one atomically. Exit code 1 if any article failed.
    """
    try:
        settings = run_settings()
        engine = open_store(resolve_db(db))
        day = since.date() if since else None
        model, actors, batch = settings.spacy_model, settings.actors, settings.batch_size
        if scheduler is None and workers == 1:
            report = run_extraction(
                engine, since=day, force=force, model=model, actors=actors, batch_size=batch
            )
        else:
            from accord.extract.distributed import run_distributed

            report = run_distributed(
                engine,
                scheduler=scheduler,
                workers=workers,
                since=day,
                force=force,
                model=model,
                actors=actors,
                batch_size=batch,
            )
    except AccordError as exc:
        raise fail(exc) from exc
    for problem in report.problems:
        if is_failure(problem):
            error_line(str(problem))
        else:
            typer.secho(f"skipped: {problem}", fg=typer.colors.YELLOW, err=True)
    rate = report.processed / report.seconds if report.seconds > 0 else 0.0
    typer.echo(
        f"extracted {report.processed} article(s) in {report.seconds:.1f}s ({rate:.1f}/s): "
        f"{report.ok} ok, {report.skipped} skipped, {report.errors} failed; "
        f"{report.actors} actor mentions, {report.quotes} quotes, {report.events} events, "
        f"{report.positions} positions [{report.pipeline_version}]"
    )
    if report.errors:
        raise typer.Exit(1)
