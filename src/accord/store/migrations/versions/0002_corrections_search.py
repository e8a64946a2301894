"""review corrections table; full-text search over articles (FTS5 on SQLite, GIN tsvector on PostgreSQL)

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from accord.store.queries.search import (
    POSTGRES_FTS,
    SQLITE_FTS_REBUILD,
    SQLITE_FTS_TABLE,
    SQLITE_FTS_TRIGGERS,
)

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The index's SQL lives with the search that reads it (one copy; see that module).
SQLITE_FTS = [SQLITE_FTS_TABLE, *SQLITE_FTS_TRIGGERS.values(), SQLITE_FTS_REBUILD]


def upgrade() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.String(length=500), nullable=False),
        sa.Column("item_type", sa.String(length=16), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source_id", "item_type", "start", "end", name="uq_correction_item"),
    )
    with op.batch_alter_table("corrections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_corrections_source_id"), ["source_id"], unique=False)

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_FTS:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute(POSTGRES_FTS)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in SQLITE_FTS_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_articles_fts")
    with op.batch_alter_table("corrections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_corrections_source_id"))
    op.drop_table("corrections")
