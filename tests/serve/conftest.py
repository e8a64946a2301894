"""A served store for the serve tests: the seed articles ingested and extracted once per session,
plus hand-made rows whose every text field carries an XSS payload, and a dated pair of duplicates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from serve_fixtures import SEEDS, add_hostile_rows

from accord.extract.pipeline import load_pipeline
from accord.extract.runner import run_extraction
from accord.ingest import ingest_paths
from accord.serve import create_app
from accord.store import open_store


@pytest.fixture(scope="session")
def nlp() -> Any:
    return load_pipeline()


@pytest.fixture(scope="session")
def served_db(session_store_url: str, nlp: Any) -> dict[str, Any]:
    """The store every read-only serve test shares (writes go to their own stores), once on SQLite and
    once on PostgreSQL, so the API and pages are proven on both backends (full-text search included)."""
    url = session_store_url
    engine = open_store(url)
    report = ingest_paths([SEEDS], engine, progress=False)
    assert report.added == len(list(SEEDS.iterdir()))
    run_extraction(engine, nlp=nlp)
    ids = add_hostile_rows(engine)
    engine.dispose()
    return {"url": url, **ids}


@pytest.fixture(scope="session")
def client(served_db: dict[str, Any]) -> Iterator[TestClient]:
    with TestClient(create_app(served_db["url"])) as test_client:
        yield test_client
