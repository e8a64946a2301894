"""PostgreSQL as a first-class store: URLs, migrations, isolation, and the test harness's own rules."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, inspect, select, text

from accord.errors import AccordError, Errors
from accord.store import open_store, session_scope
from accord.store.database import current_revision, normalize_url
from accord.store.schema import Article, Base, Extraction, Quote
from postgres_server import PostgresServer

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.postgres


def test_plain_postgresql_url_uses_psycopg(postgres_url: str) -> None:
    plain = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    engine = open_store(plain)
    try:
        assert engine.dialect.name == "postgresql"
        assert engine.dialect.driver == "psycopg"
        assert current_revision(engine) is not None
    finally:
        engine.dispose()


def test_normalize_url_leaves_other_urls_alone() -> None:
    assert normalize_url("sqlite:///x.db") == "sqlite:///x.db"
    assert normalize_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


def test_migrations_build_every_table_on_an_empty_database(postgres_url: str) -> None:
    engine = open_store(postgres_url)
    try:
        assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
        with engine.connect() as conn:
            assert conn.execute(text("select count(*) from alembic_version")).scalar_one() == 1
    finally:
        engine.dispose()


def test_unreachable_server_is_one_clear_error(postgres_server: PostgresServer) -> None:
    dead = f"postgresql://nobody@127.0.0.1:{_closed_port()}/nothing"
    with pytest.raises(AccordError) as caught:
        open_store(dead)
    assert caught.value.code is Errors.A201
    assert "\n" not in caught.value.message
    assert dead in caught.value.message


def _closed_port() -> int:
    from postgres_server import free_port

    return free_port()  # bound and released: nothing listens there


def _article(n: int) -> Article:
    return Article(source_id=f"s{n}", version=1, content_hash=f"h{n}", text=f"text {n}", extra={})


def test_deleting_an_article_cascades_to_its_extraction(postgres_url: str) -> None:
    engine = open_store(postgres_url)
    try:
        with session_scope(engine) as session:
            article = _article(1)
            session.add(article)
            session.flush()
            extraction = Extraction(article_id=article.id, pipeline_version="v", status="ok")
            session.add(extraction)
            session.flush()
            session.add(
                Quote(
                    extraction_id=extraction.id, article_id=article.id, start=0, end=4,
                    sentence="text 1", sentence_start=0, speaker="x", text="text",
                )
            )  # fmt: skip
        with session_scope(engine) as session:
            session.delete(session.scalars(select(Article)).one())
        with session_scope(engine) as session:
            assert session.scalar(select(func.count()).select_from(Quote)) == 0
            assert session.scalar(select(func.count()).select_from(Extraction)) == 0
    finally:
        engine.dispose()


def test_each_test_gets_its_own_database(engine: Engine, store_url: str) -> None:
    # Runs twice (sqlite, postgresql): a row left by an earlier test would make the count non-zero.
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 0
        session.add(_article(7))


def _run_harness(env_overrides: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run one postgres-needing test in a child pytest with the given environment."""
    env = {**os.environ, **env_overrides}
    # A test that needs the server, without this module's own harness tests (no recursion).
    target = "tests/store/test_postgres.py::test_migrations_build_every_table_on_an_empty_database"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", target],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_opting_out_skips_locally_but_fails_in_ci() -> None:
    local = _run_harness({"ACCORD_TEST_PG": "0", "CI": ""})
    assert local.returncode == 0, local.stdout
    assert "1 skipped" in local.stdout
    in_ci = _run_harness({"ACCORD_TEST_PG": "0", "CI": "true"})
    assert in_ci.returncode != 0
    assert "refused in CI" in in_ci.stdout


def test_missing_postgresql_fails_instead_of_skipping() -> None:
    result = _run_harness({"ACCORD_TEST_PG": "1", "ACCORD_PG_BIN": "/nonexistent/bin", "CI": ""})
    assert result.returncode != 0
    assert "PostgreSQL could not be started" in result.stdout
    assert "skipped" not in result.stdout


def test_session_store_is_a_real_store_on_both_backends(session_store_url: str) -> None:
    engine = open_store(session_store_url)
    try:
        expected = "sqlite" if session_store_url.startswith("sqlite") else "postgresql"
        assert engine.dialect.name == expected
        assert current_revision(engine) is not None
    finally:
        engine.dispose()
