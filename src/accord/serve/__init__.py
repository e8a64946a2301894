"""Serve stage: the FastAPI dashboard and JSON API over a store (``accord serve``)."""

from accord.serve.app import create_app

__all__ = ["create_app"]
