"""The append-only event log and its outbox for sync (written in the caller's transaction)."""

from __future__ import annotations

import json
import uuid as uuidlib
from datetime import datetime

import sqlite_utils

from desk_app.core.clock import iso, parse_iso
from desk_app.core.model import Event
from desk_app.core.states import DossierState
from sync.protocol import canonical_json


def append(
    db: sqlite_utils.Database,
    *,
    dossier_uuid: str,
    kind: str,
    status: DossierState,
    payload: dict,
    clerk: str,
    device_id: str,
    at: datetime,
) -> Event:
    """Record an event and queue it for the hub, in the caller's transaction."""
    seq = db.execute(
        "SELECT COALESCE(MAX(device_seq), 0) + 1 FROM events WHERE device_id = ?", [device_id]
    ).fetchone()[0]
    event = Event(
        uuid=str(uuidlib.uuid4()),
        dossier_uuid=dossier_uuid,
        kind=kind,
        status=status,
        payload=payload,
        clerk=clerk,
        device_id=device_id,
        device_seq=seq,
        device_time=at,
    )
    db.execute(
        "INSERT INTO events (uuid, dossier_uuid, kind, status, payload, clerk, device_id, "
        "device_seq, device_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [event.uuid, dossier_uuid, kind, int(status), canonical_json(payload), clerk,
         device_id, seq, iso(at)],
    )
    db.execute(
        "INSERT INTO outbox (event_uuid, state, queued_at) VALUES (?, 'pending', ?)",
        [event.uuid, iso(at)],
    )
    return event


def for_dossier(db: sqlite_utils.Database, dossier_uuid: str) -> list[Event]:
    return [
        Event(
            uuid=r["uuid"], dossier_uuid=r["dossier_uuid"], kind=r["kind"],
            status=DossierState(r["status"]), payload=json.loads(r["payload"]), clerk=r["clerk"],
            device_id=r["device_id"], device_seq=r["device_seq"],
            device_time=parse_iso(r["device_time"]),
            server_time=parse_iso(r["server_time"]) if r["server_time"] else None,
        )
        for r in db.query(
            "SELECT * FROM events WHERE dossier_uuid = ? ORDER BY device_time, device_seq",
            [dossier_uuid],
        )
    ]


def outbox_counts(db: sqlite_utils.Database) -> dict[str, int]:
    counts = {"pending": 0, "sent": 0, "quarantined": 0}
    counts.update(dict(db.execute("SELECT state, COUNT(*) FROM outbox GROUP BY state").fetchall()))
    return counts
