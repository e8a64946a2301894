"""Opening a store: an engine for any SQLAlchemy URL, migrated to the newest schema."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from accord.errors import AccordError, Errors

MIGRATIONS = Path(__file__).parent / "migrations"


BUSY_TIMEOUT_S = 30.0


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    # The busy timeout comes first: switching a new file to WAL takes a lock another process may hold.
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    # WAL lets readers (serve) work while a writer (ingest, extract) commits; foreign keys make the
    # cascade that replaces an article's extraction real.
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    """``PRAGMA journal_mode=WAL``, retried while another process is switching the same new file: SQLite
    answers that race with "database is locked" at once, without waiting for the busy timeout (six
    processes opening a new store together hit it about once in four tries)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    pause = 0.01
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def normalize_url(url: str) -> str:
    """Plain ``postgresql://`` and ``postgres://`` URLs use psycopg 3, the driver of the postgres extra."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str) -> Engine:
    try:
        engine = create_engine(normalize_url(url), future=True, pool_pre_ping=url.startswith("postgres"))
    except (SQLAlchemyError, ValueError, ImportError) as exc:
        raise AccordError(Errors.A201, url=url, reason=str(exc)) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


# PostgreSQL advisory-lock key held while migrating ("accord" in ASCII).
_MIGRATION_LOCK = 0x6163636F7264


def advisory_lock(conn: Connection | Session, key: int) -> None:
    """Take PostgreSQL's transaction-level advisory lock ``key``, held until the transaction ends."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def _migrate(cfg: Config, conn: Connection, head: str | None) -> None:
    """Run the migrations on ``conn``, inside its transaction, unless another process just did."""
    if MigrationContext.configure(conn).get_current_revision() == head:
        return
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration; a no-op when it is already there.

    Safe when several processes open a new store at once: the migration runs in one transaction
    that holds the store's write lock (SQLite ``BEGIN IMMEDIATE``, a PostgreSQL advisory lock), and
    whoever gets the lock second finds the schema at head and does nothing.
    """
    cfg = alembic_config(engine)
    head = ScriptDirectory.from_config(cfg).get_current_head()
    if current_revision(engine) == head:
        return
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            # pysqlite opens transactions itself and not before DDL; take over, and take the write
            # lock up front (waiting for it up to busy_timeout) so two creators queue up.
            driver = conn.connection.driver_connection
            assert driver is not None
            isolation = driver.isolation_level
            driver.isolation_level = None
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                try:
                    _migrate(cfg, conn, head)
                except BaseException:
                    conn.exec_driver_sql("ROLLBACK")
                    raise
                conn.exec_driver_sql("COMMIT")
            finally:
                conn.rollback()
                driver.isolation_level = isolation
        else:
            with conn.begin():
                if engine.dialect.name == "postgresql":
                    advisory_lock(conn, _MIGRATION_LOCK)
                _migrate(cfg, conn, head)


def open_store(url: str) -> Engine:
    """An engine on ``url`` with the schema migrated to head."""
    engine = make_engine(url)
    try:
        upgrade(engine)
    except SQLAlchemyError as exc:
        raise AccordError(Errors.A201, url=url, reason=str(exc).splitlines()[0]) from exc
    return engine


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session whose work is committed together, or not at all."""
    factory = sessionmaker(engine, expire_on_commit=False)
    with factory() as session, session.begin():
        yield session
