"""The append-only event log and its outbox for sync (written in the caller's transaction)."""

from __future__ import annotations

import json
import uuid as uuidlib
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from desk_app.core.clock import iso, parse_iso
from desk_app.core.model import Event
from desk_app.core.states import DossierState
from desk_app.store import journal
from sync.protocol import canonical_json


@dataclass(frozen=True)
class Origin:
    """An event recorded elsewhere (the province) and pulled from the hub. Recorded here it
    keeps its UUID and the hub's time, and it is not queued: the hub has it already."""

    uuid: str
    device_id: str
    clerk: str
    server_time: datetime


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
    origin: Origin | None = None,
) -> Event:
    """Record an event and queue it for the hub, in the caller's transaction. With an
    `origin`, the event is the local copy of the hub's (its recorder replaces `clerk` and
    `device_id`)."""
    if origin is not None:
        clerk, device_id = origin.clerk, origin.device_id
    seq, prev_hash = journal.next_link(db, device_id)
    if origin is None:
        payload = journal.with_seam(db, device_id, seq, payload)
    event = Event(
        uuid=origin.uuid if origin else str(uuidlib.uuid4()),
        dossier_uuid=dossier_uuid,
        kind=kind,
        status=status,
        payload=payload,
        clerk=clerk,
        device_id=device_id,
        device_seq=seq,
        device_time=at,
        server_time=origin.server_time if origin else None,
    )
    stored_payload = canonical_json(payload)
    # Chained to the device's previous event (store.journal) over exactly what is stored.
    chained = journal.link(prev_hash, {
        "uuid": event.uuid, "dossier_uuid": dossier_uuid, "kind": kind, "status": int(status),
        "payload": json.loads(stored_payload), "clerk": clerk, "device_seq": seq,
        "device_time": iso(at),
    })
    db.execute(
        "INSERT INTO events (uuid, dossier_uuid, kind, status, payload, clerk, device_id, "
        "device_seq, device_time, server_time, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [event.uuid, dossier_uuid, kind, int(status), stored_payload, clerk,
         device_id, seq, iso(at), origin.server_time.isoformat() if origin else None,
         prev_hash, chained],
    )
    if origin is not None:
        return event
    db.execute(
        "INSERT INTO outbox (event_uuid, state, queued_at) VALUES (?, 'pending', ?)",
        [event.uuid, iso(at)],
    )
    return event


def _event(r: dict) -> Event:
    return Event(
        uuid=r["uuid"], dossier_uuid=r["dossier_uuid"], kind=r["kind"],
        status=DossierState(r["status"]), payload=json.loads(r["payload"]), clerk=r["clerk"],
        device_id=r["device_id"], device_seq=r["device_seq"],
        device_time=parse_iso(r["device_time"]),
        server_time=parse_iso(r["server_time"]) if r["server_time"] else None,
    )


# Device time first, then the device's own order for events recorded in the same second.
_ORDER = " ORDER BY device_time, device_seq"


def for_dossier(db: sqlite_utils.Database, dossier_uuid: str) -> list[Event]:
    return [
        _event(r)
        for r in db.query("SELECT * FROM events WHERE dossier_uuid = ?" + _ORDER, [dossier_uuid])
    ]


def get(db: sqlite_utils.Database, uuid: str) -> Event | None:
    rows = list(db.query("SELECT * FROM events WHERE uuid = ?", [uuid]))
    return _event(rows[0]) if rows else None


def latest(db: sqlite_utils.Database, dossier_uuid: str, kind: str) -> Event | None:
    rows = list(db.query(
        "SELECT * FROM events WHERE dossier_uuid = ? AND kind = ?"
        " ORDER BY device_time DESC, device_seq DESC LIMIT 1",
        [dossier_uuid, kind],
    ))
    return _event(rows[0]) if rows else None


def between(
    db: sqlite_utils.Database, start: datetime, end: datetime, kind: str | None = None
) -> list[Event]:
    """Events of [start, end), of one kind if given, in order."""
    sql, params = "SELECT * FROM events WHERE device_time >= ? AND device_time < ?", [
        iso(start), iso(end)]
    if kind is not None:
        sql += " AND kind = ?"
        params.append(kind)
    return [_event(r) for r in db.query(sql + _ORDER, params)]


def of_batch(db: sqlite_utils.Database, kind: str, batch_uuid: str) -> list[Event]:
    """The events one batch action wrote (a hand-over of several dossiers), in order."""
    return [
        _event(r)
        for r in db.query(
            "SELECT * FROM events WHERE kind = ? AND json_extract(payload, '$.batch_uuid') = ?"
            + _ORDER,
            [kind, batch_uuid],
        )
    ]


def corrections(db: sqlite_utils.Database, dossier_uuids: list[str]) -> dict[str, Event]:
    """The corrections of these dossiers' events: the reversed event's uuid -> the correction
    that reversed it (its payload's `reverses`)."""
    marks = ", ".join("?" * len(dossier_uuids))
    return {
        event.payload["reverses"]: event
        for event in map(_event, db.query(
            f"SELECT * FROM events WHERE dossier_uuid IN ({marks}) AND kind = 'corrected'"
            + _ORDER, dossier_uuids))
        if isinstance(event.payload.get("reverses"), str)
    }


def outbox_counts(db: sqlite_utils.Database) -> dict[str, int]:
    counts = {"pending": 0, "sent": 0, "quarantined": 0}
    counts.update(dict(db.execute("SELECT state, COUNT(*) FROM outbox GROUP BY state").fetchall()))
    return counts
