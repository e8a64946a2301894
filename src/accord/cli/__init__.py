"""The `accord` command line: a thin layer over each stage's Python API.

Each command lives in its own module and registers itself on :data:`accord.cli.app.app`.
"""

from __future__ import annotations

from accord.cli import (
    analyze_cli,  # noqa: F401  (registers commands)
    eval_cli,  # noqa: F401  (registers commands)
    extract_cli,  # noqa: F401  (registers commands)
    ingest_cli,  # noqa: F401  (registers commands)
    models_cli,  # noqa: F401  (registers commands)
    serve_cli,  # noqa: F401  (registers commands)
    settings_cli,  # noqa: F401  (registers commands)
)
from accord.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
