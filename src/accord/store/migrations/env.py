"""Alembic environment: runs on the engine Accord hands over in ``config.attributes``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, Engine, create_engine

from accord.store.schema import Base, include_name

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


# accord.store.upgrade hands over a connection that holds the migration lock, in its own transaction.
given: Connection | None = config.attributes.get("connection")
if given is not None:
    _run(given)
else:
    engine: Engine | None = config.attributes.get("engine")
    if engine is None:  # `alembic` run by hand: take the URL from the ini option
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///accord.db")
    with engine.begin() as connection:
        _run(connection)
