"""`accord settings`: the declared settings with their current values."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.table import Table

from accord.cli.app import app
from accord.cli.common import OutputFormat, fail, run_settings
from accord.errors import AccordError
from accord.settings import SETTINGS


@app.command("settings")
def settings_cli(
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="Output format."),
) -> None:
    """List every setting: name, current value, default and help."""
    try:
        values = run_settings()
    except AccordError as exc:
        raise fail(exc) from exc
    if output is OutputFormat.json:
        rows = [
            {"name": s.name, "value": getattr(values, s.name), "default": s.default, "help": s.help}
            for s in SETTINGS
        ]
        typer.echo(json.dumps(rows, indent=2))
        return
    table = Table("name", "value", "default", "help")
    for s in SETTINGS:
        table.add_row(s.name, str(getattr(values, s.name)), str(s.default), s.help)
    Console().print(table)
