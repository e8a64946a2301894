"""Store stage: a SQLite file by default, PostgreSQL for teams, one schema migrated by Alembic."""

from accord.store.database import make_engine, open_store, session_scope, upgrade

__all__ = ["make_engine", "open_store", "session_scope", "upgrade"]
