"""Opening a store that does not exist yet from several processes at once: every one of them succeeds,
the schema is created once, and it is at head afterwards (SQLite and PostgreSQL)."""

from __future__ import annotations

import multiprocessing
import traceback
from typing import Any

import pytest
from sqlalchemy import inspect

from accord.store import open_store
from accord.store.database import current_revision
from accord.store.schema import Base

PROCESSES = 6


def _open(url: str, barrier: Any, results: Any) -> None:
    try:
        barrier.wait(timeout=60)
        open_store(url).dispose()
        results.put("ok")
    except BaseException:  # the parent reports what went wrong in the child
        results.put(traceback.format_exc(limit=3))


# Several attempts: the race on switching a new file to WAL showed about once in four (fixed by a retry).
@pytest.mark.parametrize("attempt", range(8))
def test_concurrent_first_opens_all_succeed(store_url: str, attempt: int) -> None:
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(PROCESSES)
    results = context.Queue()
    children = [context.Process(target=_open, args=(store_url, barrier, results)) for _ in range(PROCESSES)]
    for child in children:
        child.start()
    outcomes = [results.get(timeout=120) for _ in children]
    for child in children:
        child.join(timeout=30)
    assert [o for o in outcomes if o != "ok"] == []
    engine = open_store(store_url)
    try:
        assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
        assert current_revision(engine) is not None
    finally:
        engine.dispose()
