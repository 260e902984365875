"""The counters' hash chain on events (protocol: prev_hash, hash), and an index to find a
device's event by its sequence number when checking a link.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable: events stored before, and events sent by counters without a chain.
    op.add_column("events", sa.Column("prev_hash", sa.String(64)))
    op.add_column("events", sa.Column("hash", sa.String(64)))
    op.create_index("events_device_seq", "events", ["device_id", "device_seq"])


def downgrade() -> None:
    op.drop_index("events_device_seq", "events")
    op.drop_column("events", "hash")
    op.drop_column("events", "prev_hash")
