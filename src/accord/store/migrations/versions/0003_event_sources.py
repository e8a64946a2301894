"""events keep every sentence that reports them (sources, with article id, offsets and sentence)

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing rows get an empty list: readers take an event without sources as its own one source.
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sources", sa.JSON(), server_default=sa.text("'[]'"), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("sources")
