"""The per-store-state cache: reused while the store is unchanged, rebuilt after every commit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from accord.serve.cache import cached, fingerprint
from accord.store import open_store, session_scope
from accord.store.schema import Outlet


def test_every_commit_changes_the_fingerprint(store_url: str) -> None:
    """On both backends: the SQLite file's state, PostgreSQL's WAL position."""
    engine = open_store(store_url)
    builds: list[int] = []

    def build() -> int:
        builds.append(1)
        return len(builds)

    seen = {fingerprint(engine)}
    assert cached(engine, ("n",), build) == cached(engine, ("n",), build) == 1  # built once
    for n in range(60):  # quicker than file timestamps tick, and across WAL restarts
        with session_scope(engine) as session:
            session.add(Outlet(name=f"outlet {n}"))
        if n % 20 == 19 and engine.dialect.name == "sqlite":
            with engine.connect() as connection:
                connection.execute(text("PRAGMA wal_checkpoint(RESTART)"))
        state = fingerprint(engine)
        assert state not in seen, n
        seen.add(state)
    assert cached(engine, ("n",), build) == 2  # rebuilt after the writes, once
    assert cached(engine, ("n",), build) == 2
    engine.dispose()


def test_no_fingerprint_means_no_caching() -> None:
    engine = create_engine("sqlite://")
    calls: list[int] = []
    assert fingerprint(engine) is None
    for _ in range(3):
        cached(engine, ("x",), lambda: calls.append(1))
    assert len(calls) == 3


def test_the_setting_turns_caching_off(tmp_path: Path, monkeypatch: Any) -> None:
    from accord.serve import cache
    from accord.serve.entry import app_from_settings

    # The server factory reads the settings (here from the environment) and hands them to the app.
    monkeypatch.setenv("ACCORD_DB", f"sqlite:///{tmp_path / 'off.db'}")
    monkeypatch.setenv("ACCORD_SERVE_CACHE", "false")
    monkeypatch.setenv("ACCORD_CONFIG", str(tmp_path / "none.toml"))
    try:
        app = app_from_settings()
        assert fingerprint(app.state.engine) is None
        calls: list[int] = []
        for _ in range(2):
            cached(app.state.engine, ("x",), lambda: calls.append(1))
        assert len(calls) == 2
    finally:
        cache.enable(True)
    app.state.engine.dispose()
