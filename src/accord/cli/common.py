"""What every command shares: the --db option, one-line errors, output formats."""

from __future__ import annotations

import sys
from contextvars import ContextVar
from enum import Enum

import typer

from accord.errors import AccordError
from accord.settings import Settings, load_settings

DB_OPTION = typer.Option(
    None, "--db", help="SQLAlchemy URL of the store [env ACCORD_DB; default sqlite:///accord.db]."
)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class TableOrJson(str, Enum):
    """``--format`` of commands whose output has no flat CSV form."""

    table = "table"
    json = "json"


# The settings of the current command-line run; the root callback empties it as each run starts.
_RUN_SETTINGS: ContextVar[Settings | None] = ContextVar("accord_run_settings", default=None)


def start_run() -> None:
    """Forget the previous run's settings (a process, a test's, may run several commands)."""
    _RUN_SETTINGS.set(None)


def run_settings() -> Settings:
    """The settings of this command-line run, read from accord.toml and the environment on first need
    (so that `--help` works beside a broken file), then kept for the run: one read per run, handed down
    to the library as parameters. A bad settings file raises the :class:`AccordError` a command turns
    into its one-line error."""
    settings = _RUN_SETTINGS.get()
    if settings is None:
        settings = load_settings()
        _RUN_SETTINGS.set(settings)
    return settings


def resolve_db(db: str | None) -> str:
    return db or run_settings().db


def error_line(message: str) -> None:
    """Print one error line on stderr; the caller decides the exit code."""
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)


def fail(exc: AccordError, code: int = 1) -> typer.Exit:
    error_line(str(exc))
    return typer.Exit(code)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
