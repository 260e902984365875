"""The province's web at province scale: an index for a commune's procedures, from which its
page reads the procedure filter's choices one code after another (a few dozen seeks instead of
every dossier of the commune) and its list under one procedure, newest first.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("dossiers_commune_procedure", "dossiers",
                    ["commune_id", "procedure_code", "received_at"])


def downgrade() -> None:
    op.drop_index("dossiers_commune_procedure", "dossiers")
