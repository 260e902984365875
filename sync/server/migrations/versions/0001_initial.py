"""The hub's first schema: communes, enrollment, devices, events, dossier view, pull feed.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Time = sa.String(40)


def upgrade() -> None:
    op.create_table(
        "communes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("agency_code", sa.String(40), nullable=False, unique=True),
        sa.Column("created_at", Time, nullable=False),
    )
    op.create_table(
        "devices",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("commune_id", sa.Integer, sa.ForeignKey("communes.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("revoked_at", Time),
        sa.Column("last_push_at", Time),
        sa.Column("last_pull_at", Time),
        sa.Column("backlog", sa.Integer),
        sa.Column("clock_skew_seconds", sa.Float),
    )
    op.create_table(
        "enrollment_codes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("commune_id", sa.Integer, sa.ForeignKey("communes.id"), nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("expires_at", Time, nullable=False),
        sa.Column("used_at", Time),
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id")),
    )
    op.create_table(
        "events",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("commune_id", sa.Integer, sa.ForeignKey("communes.id"), nullable=False),
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id")),
        sa.Column("dossier_uuid", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("status", sa.Integer, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("clerk", sa.Text, nullable=False),
        sa.Column("device_seq", sa.BigInteger, nullable=False),
        sa.Column("device_time", Time, nullable=False),
        sa.Column("device_time_vn", Time, nullable=False),
        sa.Column("content_digest", sa.String(64), nullable=False),
        sa.Column("server_time", Time, nullable=False),
        sa.Column("clock_skew_seconds", sa.Float),
    )
    op.create_index("events_device_time", "events", ["device_id", "device_time_vn"])
    op.create_index("events_dossier", "events", ["dossier_uuid"])
    op.create_index("events_commune", "events", ["commune_id"])
    op.create_table(
        "dossiers",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("commune_id", sa.Integer, sa.ForeignKey("communes.id"), nullable=False),
        sa.Column("code", sa.String(60)),
        sa.Column("procedure_code", sa.String(40)),
        sa.Column("procedure_name", sa.Text),
        sa.Column("applicant_name", sa.Text),
        sa.Column("received_at", Time),
        sa.Column("due_at", Time),
        sa.Column("status", sa.Integer),
        sa.Column("status_time", Time),
        sa.Column("last_event_uuid", sa.String(36)),
        sa.Column("updated_at", Time, nullable=False),
    )
    op.create_index("dossiers_commune_code", "dossiers", ["commune_id", "code"])
    op.create_index("dossiers_code", "dossiers", ["code"])
    op.create_table(
        "changes",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True,
                  autoincrement=True),
        sa.Column("commune_id", sa.Integer, sa.ForeignKey("communes.id")),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("created_at", Time, nullable=False),
    )
    op.create_table(
        "catalogue_versions",
        sa.Column("version", sa.String(40), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("published_at", Time, nullable=False),
    )
    op.create_table(
        "calendar_entries",
        sa.Column("day", sa.String(10), primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("updated_at", Time, nullable=False),
    )
