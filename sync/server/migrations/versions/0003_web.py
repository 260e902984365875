"""The province's web: web accounts and their sessions, each commune's lookup key and contact
for the citizen's page, and indexes on the dossier view for the overview and commune pages.

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

Time = sa.String(40)


def upgrade() -> None:
    op.create_table(
        "web_users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(60), nullable=False, unique=True),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("commune_id", sa.Integer, sa.ForeignKey("communes.id")),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("failed_logins", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", Time),
        sa.Column("disabled_at", Time),
        sa.Column("created_at", Time, nullable=False),
    )
    op.create_table(
        "web_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("web_users.id"), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("expires_at", Time, nullable=False),
    )
    op.create_index("web_sessions_user", "web_sessions", ["user_id"])
    op.create_table(
        "commune_web",
        sa.Column("commune_id", sa.Integer, sa.ForeignKey("communes.id"), primary_key=True),
        sa.Column("lookup_key", sa.String(64), nullable=False),
        sa.Column("phone", sa.Text, nullable=False, server_default=""),
        sa.Column("address", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("dossiers_commune_received", "dossiers", ["commune_id", "received_at"])
    op.create_index("dossiers_received", "dossiers", ["received_at", "commune_id"])
    op.create_index("dossiers_status_due", "dossiers", ["status", "due_at", "commune_id"])
    op.create_index("dossiers_status_time", "dossiers", ["status", "status_time", "commune_id"])
    op.create_index("events_dossier_time", "events", ["dossier_uuid", "device_time_vn"])


def downgrade() -> None:
    op.drop_index("events_dossier_time", "events")
    for name in ("dossiers_status_time", "dossiers_status_due", "dossiers_received",
                 "dossiers_commune_received"):
        op.drop_index(name, "dossiers")
    op.drop_table("commune_web")
    op.drop_index("web_sessions_user", "web_sessions")
    op.drop_table("web_sessions")
    op.drop_table("web_users")
