from __future__ import annotations

from typer.testing import CliRunner

from accord import __version__
from accord.cli import app

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"accord {__version__}"


def test_every_command_has_help() -> None:
    import typer.main

    group = typer.main.get_command(app)
    for name in group.list_commands(None):  # type: ignore[arg-type]
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Usage" in result.stdout


def test_settings_env_override(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ACCORD_DRAWS", "17")
    result = runner.invoke(app, ["settings", "--format", "json"])
    assert result.exit_code == 0
    assert '"value": 17' in result.stdout
