"""The Decision 766 scorecard: each commune's monthly sums of what its events did, and the
version of each table derived from the event log (the scorecard's is filled by
sync.server.scorecard.refresh at the next start, from the events already held).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COUNTS = ("received", "channel_counter", "channel_online", "channel_post", "refused",
          "supplements", "finished", "finished_on_time", "returned", "rated", "satisfied",
          "documents", "documents_with_data", "documents_scanned", "documents_reused",
          "documents_shown", "documents_exempt", "results_digitised")


def upgrade() -> None:
    op.create_table(
        "scorecard_months",
        sa.Column("commune_id", sa.Integer, sa.ForeignKey("communes.id"), primary_key=True),
        sa.Column("month", sa.String(7), primary_key=True),
        *(sa.Column(name, sa.Integer, nullable=False, server_default="0") for name in COUNTS),
    )
    op.create_index("scorecard_months_month", "scorecard_months", ["month", "commune_id"])
    op.create_table(
        "projections",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("projections")
    op.drop_index("scorecard_months_month", "scorecard_months")
    op.drop_table("scorecard_months")
