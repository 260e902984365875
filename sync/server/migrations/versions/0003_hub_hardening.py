"""Holding under attack: a device flagged for a forked chain, an enrolment's idempotency key,
each device's daily volume of stored events (for the quota), and every agency code a commune
has had (to tie dossier codes to their commune).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

import json

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
    commune_codes = op.create_table(
        "commune_codes",
        sa.Column("commune_id", sa.Integer, sa.ForeignKey("communes.id"), primary_key=True),
        sa.Column("code", sa.String(40), primary_key=True, unique=True),
        sa.Column("since", sa.String(10)),
    )
    op.bulk_insert(commune_codes, _known_codes(op.get_bind()))
    op.create_table(
        "device_volume",
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), primary_key=True),
        sa.Column("day", sa.String(10), primary_key=True),
        sa.Column("events", sa.Integer, nullable=False),
        sa.Column("bytes", sa.BigInteger, nullable=False),
    )


def _known_codes(connection) -> list[dict]:
    """What the database shows of each commune's codes: the codes set-code published (with
    their day), the current one, and, where set-code replaced the first code, the agency parts
    of the commune's stored dossier codes that no other commune had (the first code's only
    trace)."""
    published = connection.execute(sa.text(
        "SELECT commune_id, data FROM changes WHERE type = 'agency_code' ORDER BY seq")).all()
    codes: dict[str, dict] = {}
    for commune_id, data in published:
        entry = json.loads(data)
        codes.setdefault(entry["code"], {"commune_id": commune_id, "code": entry["code"],
                                         "since": entry["since"]})
    for commune_id, code in connection.execute(sa.text("SELECT id, agency_code FROM communes")):
        codes.setdefault(code, {"commune_id": commune_id, "code": code, "since": None})
    renamed = {commune_id for commune_id, _ in published}
    for commune_id, code in connection.execute(sa.text(
            "SELECT DISTINCT commune_id, code FROM dossiers WHERE code IS NOT NULL")):
        agency = code.split("-", 1)[0]
        if commune_id in renamed and 0 < len(agency) <= 40 and agency not in codes:
            codes[agency] = {"commune_id": commune_id, "code": agency, "since": None}
    return list(codes.values())


def downgrade() -> None:
    op.drop_table("commune_codes")
    op.drop_table("device_volume")
    with op.batch_alter_table("enrollment_codes") as batch:
        batch.drop_column("request_key_hash")
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("fork_detail")
        batch.drop_column("forked_at")
