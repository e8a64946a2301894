"""What every command shares: the --db option, one-line errors, output formats."""

from __future__ import annotations

import sys
from enum import Enum

import typer

from accord import settings
from accord.errors import AccordError

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


def resolve_db(db: str | None) -> str:
    return db or str(settings.get("db"))


def error_line(message: str) -> None:
    """Print one error line on stderr; the caller decides the exit code."""
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)


def fail(exc: AccordError, code: int = 1) -> typer.Exit:
    error_line(str(exc))
    return typer.Exit(code)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
