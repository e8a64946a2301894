"""`accord serve`: the dashboard and JSON API over a store."""

from __future__ import annotations

import typer

from accord import settings
from accord.cli.app import app
from accord.cli.common import DB_OPTION, fail, resolve_db
from accord.errors import AccordError


@app.command("serve")
def serve_cli(
    db: str | None = DB_OPTION,
    host: str | None = typer.Option(
        None, "--host", help="Address to bind [setting host; default 127.0.0.1]."
    ),
    port: int | None = typer.Option(
        None, "--port", min=0, max=65535, help="Port [setting port; default 8000]."
    ),
) -> None:
    """Serve the dashboard and JSON API (/api/v1, reference at /docs); off loopback, needs ACCORD_TOKEN."""
    import uvicorn

    from accord.serve import create_app
    from accord.serve.security import check_bind

    try:
        bind = host or str(settings.get("host"))
        token = str(settings.get("token")) or None
        check_bind(bind, token)
        application = create_app(resolve_db(db), token=token)
    except AccordError as exc:
        raise fail(exc) from exc
    uvicorn.run(application, host=bind, port=port if port is not None else int(settings.get("port")))
