"""`accord serve`: the dashboard and JSON API over a store."""

from __future__ import annotations

import os

import typer

from accord.cli.app import app
from accord.cli.common import DB_OPTION, fail, resolve_db, run_settings
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
    workers: int = typer.Option(
        1, "--workers", min=1, max=64, help="Server processes sharing the port (each with its own caches)."
    ),
    access_log: bool = typer.Option(
        True, "--access-log/--no-access-log", help="Log every request on stdout (off for load tests)."
    ),
) -> None:
    """Serve the dashboard and JSON API (/api/v1, reference at /docs); off loopback, needs ACCORD_TOKEN."""
    import uvicorn

    from accord.serve import create_app
    from accord.serve.app import settle_heap
    from accord.serve.security import check_bind

    try:
        settings = run_settings()
        bind = host or settings.host
        token = settings.token or None
        check_bind(bind, token)
        url = resolve_db(db)
        # Opening the store here runs its migrations once, before any worker starts, and reports a bad URL.
        application = create_app(url, token=token, settings=settings)
    except AccordError as exc:
        raise fail(exc) from exc
    chosen_port = port if port is not None else settings.port
    if workers == 1:
        settle_heap()
        uvicorn.run(application, host=bind, port=chosen_port, access_log=access_log)
        return
    # Several processes need the app by import path; each worker reads the same settings once and builds it.
    os.environ["ACCORD_DB"] = url
    uvicorn.run(
        "accord.serve.entry:app_from_settings",
        factory=True,
        workers=workers,
        host=bind,
        port=chosen_port,
        access_log=access_log,
    )
