"""quotes and events carry the extractor's confidence score, as positions do

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Rows extracted before scores existed claim full confidence, as positions always did; `accord
    # extract` redoes them (the pipeline version changed) and gives them real scores.
    for table in ("quotes", "events"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("score", sa.Float(), server_default=sa.text("1.0"), nullable=False))


def downgrade() -> None:
    for table in ("quotes", "events"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("score")
