from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.orm import Session

from accord.store import upgrade
from accord.store.database import alembic_config, current_revision, make_engine
from accord.store.schema import Base, Event, include_name


def test_migrations_create_every_table(engine: Engine) -> None:
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())


def test_migrations_match_the_models(engine: Engine) -> None:
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"include_name": include_name}), Base.metadata
        )
    assert diff == []


def test_upgrade_twice_is_a_no_op(engine: Engine) -> None:
    before = current_revision(engine)
    upgrade(engine)
    assert current_revision(engine) == before is not None


def test_events_stored_before_0003_get_an_empty_source_list(store_url: str) -> None:
    engine = make_engine(store_url)
    try:
        command.upgrade(alembic_config(engine), "0002")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO articles (id, source_id, version, content_hash, text, word_count, extra) "
                    "VALUES (1, 's', 1, 'h', 'Russia met Ukraine.', 3, '{}')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO extractions (id, article_id, pipeline_version, status) "
                    "VALUES (1, 1, 'old', 'ok')"
                )
            )
            conn.execute(
                text(
                    'INSERT INTO events (id, extraction_id, article_id, start, "end", sentence, '
                    "sentence_start, type, participants, modality) "
                    "VALUES (1, 1, 1, 7, 10, 'Russia met Ukraine.', 0, 'meeting', '[]', 'happened')"
                )
            )
        upgrade(engine)
        with Session(engine) as session:
            assert session.scalars(select(Event.sources)).one() == []
    finally:
        engine.dispose()
