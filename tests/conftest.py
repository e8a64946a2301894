"""Fixtures shared by the whole suite: real stores, the evaluation and negotiation data in the repository."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from accord.store import open_store
from postgres_server import PostgresServer, PostgresUnavailable, start_server
from sample_store import fill

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "eval"
SEEDS = EVAL / "seeds"
GOLD = EVAL / "seeds-gold.jsonl"
NEGOTIATION = ROOT / "data" / "negotiation"
CAPABILITY = ROOT / "data" / "capability"
CORPUS = ROOT / "examples" / "corpus"


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    # Without these Chromium keeps dialling Google's hosts, which this closed network refuses.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium (Debian's) for the whole session.

    Playwright's sync API runs its own event loop, so two of them cannot be open at once: every
    browser test, report or dashboard, shares this one.
    """
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install-system-deps.sh", pytrace=False)
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'accord.db'}"


@pytest.fixture
def filled(sqlite_url: str) -> Iterator[Engine]:
    """A SQLite store holding the sample articles and extracted items of ``sample_store``."""
    engine = open_store(sqlite_url)
    fill(engine)
    yield engine
    engine.dispose()


# Every store-backed fixture runs once per backend; the PostgreSQL runs carry the `postgres` marker.
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One real PostgreSQL server for the session (see ``postgres_server.py``).

    If it cannot start, every test that needs it fails. Skipping is allowed only when asked for
    explicitly with ACCORD_TEST_PG=0, and never in CI (CI=true), where a silent skip would hide a
    store that no longer works on PostgreSQL.
    """
    if os.environ.get("ACCORD_TEST_PG", "1").strip() == "0":
        if _truthy(os.environ.get("CI")):
            pytest.fail("ACCORD_TEST_PG=0 is refused in CI: the PostgreSQL tests must run", pytrace=False)
        pytest.skip("PostgreSQL tests skipped on request (ACCORD_TEST_PG=0)")
    try:
        server = start_server()
    except PostgresUnavailable as exc:
        pytest.fail(f"PostgreSQL could not be started: {exc}", pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the session's server, dropped after the test."""
    url = postgres_server.create_database()
    yield url
    postgres_server.drop_database(url)


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest) -> str:
    """The URL of a fresh, real store: every test using it runs once on SQLite, once on PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(name))


@pytest.fixture(scope="session", params=BACKENDS)
def session_store_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """An empty store kept for the whole session, once per backend: for a suite that builds one costly
    store (ingest and extract the seeds) and then only reads it, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('session-store') / 'accord.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.create_database("accord_session")
    yield url
    server.drop_database(url)


@pytest.fixture
def engine(store_url: str) -> Iterator[Engine]:
    engine = open_store(store_url)
    yield engine
    engine.dispose()
