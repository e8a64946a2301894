"""Results of read-only work cached per state of the store.

Every GET reads a store that changes only when something writes to it (ingest, extraction, a correction),
so a result is reused until the store's *fingerprint* changes:

- a SQLite file: size and modification time of the database and its write-ahead log, plus the log's
  header. A commit appends to the log (it grows); when the log starts over its header's checkpoint
  counter and salts change. Two ``stat`` calls and a 32-byte read instead of a query;
- PostgreSQL: the server's WAL insert position, which every write (and every commit) advances;
- anything else (an in-memory database): no fingerprint, nothing cached.

Cached values are shared between requests and threads: callers read them and copy before changing.
Keys start with their owner's name (``"api.stats"``, ``"whatif.cells"``, ``"page"``) so no two callers
ever read each other's values.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import Engine, text

V = TypeVar("V")
SIZE = 512  # entries kept, least recently used dropped first

_lock = threading.Lock()
_enabled = True  # per process: the setting serve_cache, applied by create_app
_entries: OrderedDict[tuple[Any, ...], Any] = OrderedDict()


def _sqlite_file(engine: Engine) -> tuple[Any, ...] | None:
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    parts: list[Any] = []
    for path in (database, database + "-wal"):
        try:
            stat = os.stat(path)
        except OSError:
            parts.append(None)
            continue
        parts += [stat.st_mtime_ns, stat.st_size]
    try:
        with open(database + "-wal", "rb") as log:
            parts.append(log.read(32))  # file timestamps tick coarsely; the header changes on every restart
    except OSError:
        parts.append(None)
    return tuple(parts)


def enable(on: bool) -> None:
    """Turn caching on or off for this process (off: every request does its work afresh)."""
    global _enabled
    _enabled = on


def fingerprint(engine: Engine) -> tuple[Any, ...] | None:
    """What changes whenever the store does; None when it cannot be told cheaply or caching is off
    (then nothing is cached)."""
    if not _enabled:
        return None
    if engine.dialect.name == "sqlite":
        return _sqlite_file(engine)
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            return (str(connection.execute(text("SELECT pg_current_wal_insert_lsn()")).scalar()),)
    return None


def cached(engine: Engine, key: tuple[Hashable, ...], build: Callable[[], V]) -> V:
    """``build()``'s result for ``key`` in the store's current state, built once per state."""
    state = fingerprint(engine)
    if state is None:
        return build()
    full = (str(engine.url), state, *key)
    with _lock:
        if full in _entries:
            _entries.move_to_end(full)
            return _entries[full]  # type: ignore[no-any-return]
    value = build()
    with _lock:
        _entries[full] = value
        while len(_entries) > SIZE:
            _entries.popitem(last=False)
    return value
