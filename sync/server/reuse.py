"""Reuse across counters (sync.protocol, "Reuse across counters"; docs/domain.md,
"Digitisation"): the index of the documents digitised for each citizen in a commune's
dossiers, kept as the events arrive, and the lookup a counter makes for an ID number the clerk
typed, each one recorded (a lookup of personal data, Decree 356/2025/NĐ-CP).

The index is derived from the events alone: a received event's lines scanned or reused, and a
supplement digitised later (`document_digitised`), which carries no ID number and takes its
dossier's from the received event. So a dossier's rows are derived from all its events each
time one of them arrives, whatever order they come in, and deriving them again adds nothing.
Migration 0009 filled it for the events held before, with its own copy of this derivation.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, select

from sync import protocol
from sync.server import clock
from sync.server.auth import Device
from sync.server.database import insert_ignoring_conflicts
from sync.server.tables import citizen_documents, document_lookups, events, files

# The events a dossier's documents are read from, and the stages of a later document that are
# the citizen's papers (a result is the administration's).
KINDS = ("received", "document_digitised")
CITIZEN_STAGES = ("supplement",)
DIGITISED_LINES = ("scanned", "reused")
MAX_DOCUMENT_NAME = 1000


@dataclass(frozen=True)
class Found:
    """One document digitised for the citizen, whose file the hub holds whole."""

    document: str
    sha256: str
    pages: int
    size: int
    dossier_code: str | None
    digitised_at: str


def index(connection: Connection, dossier_uuids: Iterable[str]) -> None:
    """Add to the index what the events held of these dossiers say (rows already there stay)."""
    wanted = sorted(set(dossier_uuids))
    if not wanted:
        return
    held = connection.execute(
        select(events.c.uuid, events.c.kind, events.c.commune_id, events.c.dossier_uuid,
               events.c.payload, events.c.device_time_vn)
        .where(events.c.dossier_uuid.in_(wanted), events.c.kind.in_(KINDS))
        .order_by(events.c.dossier_uuid, events.c.device_time_vn)).all()
    rows = rows_of(held)
    if rows:
        connection.execute(insert_ignoring_conflicts(connection, citizen_documents), rows)


def rows_of(held: Sequence[Any]) -> list[dict[str, Any]]:
    """The index rows of these events (uuid, kind, commune_id, dossier_uuid, payload as JSON
    text, device_time_vn), grouped by dossier. Whatever has an unexpected shape is left out
    rather than refused: the events were accepted already."""
    by_dossier: dict[str, list[Any]] = {}
    for event in held:
        by_dossier.setdefault(event.dossier_uuid, []).append(event)
    rows = []
    for dossier_events in by_dossier.values():
        read = [(event, _payload(event.payload)) for event in dossier_events]
        received = [(event, payload) for event, payload in read if event.kind == "received"]
        if not received:
            continue  # a later document waits for its dossier's received event
        first, first_payload = received[0]
        applicant = first_payload.get("applicant")
        id_number = _id_number(applicant.get("id_number") if isinstance(applicant, dict)
                               else None)
        if id_number is None:
            continue  # an organisation's dossier, or a number not a citizen's
        code = first_payload.get("code")
        common = {"commune_id": first.commune_id, "id_number": id_number,
                  "dossier_uuid": first.dossier_uuid,
                  "dossier_code": code if isinstance(code, str) and len(code) <= 60 else None}
        for event, payload in read:
            for position, document in _documents(event.kind, payload):
                row = _row(document)
                if row is not None:
                    rows.append({**common, **row, "event_uuid": event.uuid,
                                 "position": position, "digitised_at": event.device_time_vn})
    return rows


def _payload(text: str) -> dict:
    try:
        payload = json.loads(text)
    except ValueError:
        return {}
    return payload if isinstance(payload, dict) else {}


def _id_number(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    number = "".join(value.split())
    return number if len(number) == 12 and number.isascii() and number.isdigit() else None


def _documents(kind: str, payload: dict) -> list[tuple[int, dict]]:
    """The documents an event digitised for the citizen, with their place in it."""
    if kind == "received":
        lines = payload.get("documents")
        return [(position, {"document": line.get("name"), "file": line.get("file"),
                            "pages": line.get("pages")})
                for position, line in enumerate(lines if isinstance(lines, list) else [])
                if isinstance(line, dict) and line.get("digitisation") in DIGITISED_LINES]
    if payload.get("stage") in CITIZEN_STAGES:
        return [(0, payload)]
    return []


def _row(document: dict) -> dict[str, Any] | None:
    name, sha256, pages = document.get("document"), document.get("file"), document.get("pages")
    if not isinstance(name, str) or not 0 < len(name) <= MAX_DOCUMENT_NAME or "\x00" in name:
        return None
    if not protocol.is_file_hash(sha256):
        return None
    return {"document": unicodedata.normalize("NFC", name), "sha256": sha256,
            "pages": pages if type(pages) is int and 0 <= pages < 2**31 else 0}


def find(engine: Engine, device: Device, id_number: str) -> list[Found]:
    """The documents digitised for this citizen in the device's own commune whose file the hub
    holds whole, newest first, each document's file once; the ask is recorded with them."""
    c = citizen_documents.c
    with engine.begin() as connection:
        rows = connection.execute(
            select(c.document, c.sha256, c.pages, files.c.size, c.dossier_code,
                   c.digitised_at)
            .join(files, files.c.sha256 == c.sha256)
            .where(c.commune_id == device.commune_id, c.id_number == id_number,
                   files.c.completed_at.is_not(None))
            .order_by(c.digitised_at.desc(), c.event_uuid, c.position)).all()
        found: dict[tuple[str, str], Found] = {}
        for row in rows:
            if len(found) == protocol.MAX_DOCUMENTS_FOUND:
                break
            found.setdefault((row.document, row.sha256), Found(
                row.document, row.sha256, row.pages, row.size, row.dossier_code,
                row.digitised_at))
        connection.execute(document_lookups.insert().values(
            device_id=device.id, commune_id=device.commune_id, id_number=id_number,
            asked_at=clock.stamp(clock.now()), answered=len(found)))
    return list(found.values())
