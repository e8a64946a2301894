"""The server factory: where a server worker process reads the settings, once, and builds its app."""

from __future__ import annotations

from fastapi import FastAPI

from accord.serve.app import create_app, settle_heap
from accord.settings import load_settings


def app_from_settings() -> FastAPI:
    """The app for ``accord serve --workers N``: each worker process builds its own from the settings."""
    settings = load_settings()
    application = create_app(settings.db, token=settings.token or None, settings=settings)
    settle_heap()
    return application
