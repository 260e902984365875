"""Holding under attack: a device flagged for a forked chain, an enrolment's idempotency key,
and each device's daily volume of stored events (for the quota).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        # When the device first sent a second history for a place its chain already held.
        batch.add_column(sa.Column("forked_at", sa.String(40)))
        batch.add_column(sa.Column("fork_detail", sa.Text))
    with op.batch_alter_table("enrollment_codes") as batch:
        # SHA-256 of the random key the counter sent with the request that spent the code.
        batch.add_column(sa.Column("request_key_hash", sa.String(64)))
    op.create_table(
        "device_volume",
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), primary_key=True),
        sa.Column("day", sa.String(10), primary_key=True),
        sa.Column("events", sa.Integer, nullable=False),
        sa.Column("bytes", sa.BigInteger, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("device_volume")
    with op.batch_alter_table("enrollment_codes") as batch:
        batch.drop_column("request_key_hash")
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("fork_detail")
        batch.drop_column("forked_at")
