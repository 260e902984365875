"""Digitised documents' files (issue 16): one row per file (by SHA-256) with what has arrived
of it, its bytes in chunks, which commune's events name which file (a device may keep and fetch
only those), and each device's file bytes of the day for the quota.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

Time = sa.String(40)


def upgrade() -> None:
    op.create_table(
        "files",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("received", sa.BigInteger, nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("completed_at", Time),
    )
    op.create_table(
        "file_chunks",
        sa.Column("sha256", sa.String(64), sa.ForeignKey("files.sha256"), primary_key=True),
        sa.Column("offset", sa.BigInteger, primary_key=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "file_names",
        sa.Column("commune_id", sa.Integer, sa.ForeignKey("communes.id"), primary_key=True),
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("named_at", Time, nullable=False),
    )
    with op.batch_alter_table("device_volume") as batch:
        batch.add_column(sa.Column("file_bytes", sa.BigInteger, nullable=False,
                                   server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("device_volume") as batch:
        batch.drop_column("file_bytes")
    op.drop_table("file_names")
    op.drop_table("file_chunks")
    op.drop_table("files")
