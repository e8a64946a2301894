"""The Typer application every command module registers on."""

from __future__ import annotations

import typer

from accord import __version__
from accord.cli.common import start_run

app = typer.Typer(
    name="accord",
    help="Follow and forecast multi-party negotiations from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"accord {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Accord: every item traceable to the sentence it came from."""
    start_run()
