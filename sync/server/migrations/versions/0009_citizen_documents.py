"""Reuse across counters (issue 16): the documents digitised for each citizen in a commune's
dossiers, by ID number, with the lookups devices made of them; the index is filled here from
the events already held, with this migration's own copy of sync.server.reuse's derivation (a
migration does not change when the live code does).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

import json
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

Time = sa.String(40)
BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_HEX = frozenset("0123456789abcdef")
_BATCH = 1000


def upgrade() -> None:
    documents = op.create_table(
        "citizen_documents",
        sa.Column("event_uuid", sa.String(36), sa.ForeignKey("events.uuid"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("commune_id", sa.Integer, sa.ForeignKey("communes.id"), nullable=False),
        sa.Column("id_number", sa.String(12), nullable=False),
        sa.Column("dossier_uuid", sa.String(36), nullable=False),
        sa.Column("dossier_code", sa.String(60)),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("pages", sa.Integer, nullable=False),
        sa.Column("digitised_at", Time, nullable=False),
    )
    op.create_index("citizen_documents_citizen", "citizen_documents",
                    ["commune_id", "id_number", "digitised_at"])
    op.create_table(
        "document_lookups",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), nullable=False),
        sa.Column("commune_id", sa.Integer, sa.ForeignKey("communes.id"), nullable=False),
        sa.Column("id_number", sa.String(12), nullable=False),
        sa.Column("asked_at", Time, nullable=False),
        sa.Column("answered", sa.Integer, nullable=False),
    )
    op.create_index("document_lookups_device", "document_lookups", ["device_id", "asked_at"])
    op.create_index("document_lookups_citizen", "document_lookups", ["id_number", "asked_at"])
    _fill(op.get_bind(), documents)


def downgrade() -> None:
    op.drop_index("document_lookups_citizen", "document_lookups")
    op.drop_index("document_lookups_device", "document_lookups")
    op.drop_table("document_lookups")
    op.drop_index("citizen_documents_citizen", "citizen_documents")
    op.drop_table("citizen_documents")


def _fill(connection, documents: sa.Table) -> None:
    """The index of the events held, one dossier at a time in the events' order."""
    held = connection.execute(sa.text(
        "SELECT uuid, kind, commune_id, dossier_uuid, payload, device_time_vn FROM events "
        "WHERE kind IN ('received', 'document_digitised') "
        "ORDER BY dossier_uuid, device_time_vn"))
    rows: list[dict] = []
    dossier: list = []
    for event in held:
        if dossier and event.dossier_uuid != dossier[0].dossier_uuid:
            rows += _rows(dossier)
            dossier = []
            if len(rows) >= _BATCH:
                op.bulk_insert(documents, rows)
                rows = []
        dossier.append(event)
    rows += _rows(dossier)
    if rows:
        op.bulk_insert(documents, rows)


def _rows(dossier: list) -> list[dict]:
    read = [(event, _payload(event.payload)) for event in dossier]
    received = [(event, payload) for event, payload in read if event.kind == "received"]
    if not received:
        return []
    first, first_payload = received[0]
    applicant = first_payload.get("applicant")
    number = applicant.get("id_number") if isinstance(applicant, dict) else None
    number = "".join(number.split()) if isinstance(number, str) else ""
    if not (len(number) == 12 and number.isascii() and number.isdigit()):
        return []
    code = first_payload.get("code")
    common = {"commune_id": first.commune_id, "id_number": number,
              "dossier_uuid": first.dossier_uuid,
              "dossier_code": code if isinstance(code, str) and len(code) <= 60 else None}
    rows = []
    for event, payload in read:
        if event.kind == "received":
            lines = payload.get("documents")
            found = [(position, line.get("name"), line.get("file"), line.get("pages"))
                     for position, line in enumerate(lines if isinstance(lines, list) else [])
                     if isinstance(line, dict)
                     and line.get("digitisation") in ("scanned", "reused")]
        elif payload.get("stage") == "supplement":
            found = [(0, payload.get("document"), payload.get("file"), payload.get("pages"))]
        else:
            found = []
        for position, name, sha256, pages in found:
            if not (isinstance(name, str) and 0 < len(name) <= 1000 and "\x00" not in name):
                continue
            if not (isinstance(sha256, str) and len(sha256) == 64 and set(sha256) <= _HEX):
                continue
            rows.append({**common, "event_uuid": event.uuid, "position": position,
                         "document": unicodedata.normalize("NFC", name), "sha256": sha256,
                         "pages": pages if type(pages) is int and 0 <= pages < 2**31 else 0,
                         "digitised_at": event.device_time_vn})
    return rows


def _payload(text: str) -> dict:
    try:
        payload = json.loads(text)
    except ValueError:
        return {}
    return payload if isinstance(payload, dict) else {}
