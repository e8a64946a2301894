"""cluster_events: one event as the near-duplicate articles of a cluster tell it; events link to it

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cluster_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cluster_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("participants", sa.JSON(), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=True),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("trigger", sa.String(length=100), nullable=True),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("cluster_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cluster_events_cluster_id"), ["cluster_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cluster_events_type"), ["type"], unique=False)

    # Existing events link to nothing until the next `accord extract` merges their clusters' events.
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cluster_event_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_events_cluster_event_id"), ["cluster_event_id"], unique=False)
        batch_op.create_foreign_key(
            "fk_events_cluster_event_id", "cluster_events", ["cluster_event_id"], ["id"], ondelete="SET NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_constraint("fk_events_cluster_event_id", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_events_cluster_event_id"))
        batch_op.drop_column("cluster_event_id")
    with op.batch_alter_table("cluster_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cluster_events_type"))
        batch_op.drop_index(batch_op.f("ix_cluster_events_cluster_id"))
    op.drop_table("cluster_events")
