"""The outbox as sync drains it: queued events in the device's order, the hub's answers, and
the quarantine a supervisor looks after. Every function runs in the caller's transaction.

An outbox row is 'pending' until the hub's answer is stored here: 'sent' (the hub holds the
event; its server time is written into the event, the one change the event table allows) or
'quarantined' (refused, with the hub's reason). A supervisor may put a quarantined event back
in the queue, or set it aside for good: 'discarded'.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import sqlite_utils

from desk_app.core.clock import VN_TZ, iso, parse_iso
from desk_app.core.states import DossierState
from desk_app.core.sync_records import QuarantinedEvent

PENDING, SENT, QUARANTINED, DISCARDED = "pending", "sent", "quarantined", "discarded"


@dataclass(frozen=True)
class Stored:
    """The hub holds this event since `server_time`."""

    uuid: str
    server_time: str


@dataclass(frozen=True)
class Refused:
    uuid: str
    reason: str
    refusal: str = "invalid"  # or "conflict": the hub holds other content under this UUID


@dataclass(frozen=True)
class DayCounts:
    """One device's events recorded on one day, by where they are in the outbox."""

    created: int
    synced: int
    waiting: int
    quarantined: int
    discarded: int
    conflicts: int  # of the quarantined and discarded: the hub holds another version


def pending(db: sqlite_utils.Database, limit: int) -> list[dict]:
    """Queued events as the protocol's EventOut, oldest first in the device's own order, with
    their hash-chain links (store.journal) for the hub to check."""
    rows = db.execute(
        "SELECT e.uuid, e.dossier_uuid, e.kind, e.status, e.payload, e.clerk, e.device_seq, "
        "e.device_time, e.prev_hash, e.hash FROM outbox o JOIN events e ON e.uuid = o.event_uuid "
        "WHERE o.state = 'pending' ORDER BY e.device_seq, o.rowid LIMIT ?",
        [limit],
    ).fetchall()
    return [
        {"uuid": uuid, "dossier_uuid": dossier_uuid, "kind": kind, "status": status,
         "payload": json.loads(payload), "clerk": clerk, "device_seq": device_seq,
         "device_time": device_time, "prev_hash": prev_hash, "hash": chained}
        for (uuid, dossier_uuid, kind, status, payload, clerk, device_seq, device_time,
             prev_hash, chained) in rows
    ]


def count(db: sqlite_utils.Database, state: str) -> int:
    return db.execute("SELECT COUNT(*) FROM outbox WHERE state = ?", [state]).fetchone()[0]


def mark_sent(db: sqlite_utils.Database, stored: Iterable[Stored], at: datetime) -> None:
    """Only a row still pending moves: an answer arriving twice changes nothing."""
    stored = list(stored)
    db.conn.executemany(
        "UPDATE events SET server_time = ? WHERE uuid = ? AND server_time IS NULL",
        [(s.server_time, s.uuid) for s in stored],
    )
    db.conn.executemany(
        "UPDATE outbox SET state = 'sent', acked_at = ?, last_error = NULL "
        "WHERE event_uuid = ? AND state = 'pending'",
        [(iso(at), s.uuid) for s in stored],
    )


def quarantine(db: sqlite_utils.Database, refused: Iterable[Refused], at: datetime) -> None:
    db.conn.executemany(
        "UPDATE outbox SET state = 'quarantined', last_error = ?, refusal = ?, "
        "quarantined_at = ?, attempts = attempts + 1 WHERE event_uuid = ? AND state = 'pending'",
        [(r.reason, r.refusal, iso(at), r.uuid) for r in refused],
    )


def quarantined(db: sqlite_utils.Database) -> list[QuarantinedEvent]:
    rows = db.execute(
        "SELECT e.uuid, e.dossier_uuid, d.code, e.kind, e.status, e.device_time, e.clerk, "
        "o.last_error, o.quarantined_at FROM outbox o JOIN events e ON e.uuid = o.event_uuid "
        "JOIN dossiers d ON d.uuid = e.dossier_uuid WHERE o.state = 'quarantined' "
        "ORDER BY e.device_seq"
    ).fetchall()
    return [
        QuarantinedEvent(uuid, dossier_uuid, code, kind, DossierState(status),
                         parse_iso(device_time), clerk, reason or "",
                         parse_iso(at) if at else None)
        for uuid, dossier_uuid, code, kind, status, device_time, clerk, reason, at in rows
    ]


def state_of(db: sqlite_utils.Database, uuid: str) -> str | None:
    row = db.execute("SELECT state FROM outbox WHERE event_uuid = ?", [uuid]).fetchone()
    return row[0] if row else None


def requeue(db: sqlite_utils.Database, uuid: str) -> bool:
    """Back into the queue (the hub's reason stays as the last error); False if not
    quarantined."""
    cursor = db.execute(
        "UPDATE outbox SET state = 'pending', quarantined_at = NULL "
        "WHERE event_uuid = ? AND state = 'quarantined'", [uuid])
    return cursor.rowcount == 1


def discard(db: sqlite_utils.Database, uuid: str) -> bool:
    cursor = db.execute(
        "UPDATE outbox SET state = 'discarded' WHERE event_uuid = ? AND state = 'quarantined'",
        [uuid])
    return cursor.rowcount == 1


def day_counts(db: sqlite_utils.Database, device_id: str, day: date) -> DayCounts:
    """The device's events whose device time falls on `day` (Vietnam time)."""
    start = datetime.combine(day, datetime.min.time(), VN_TZ)
    by_state: dict[str, int] = {}
    conflicts = 0
    for state, refusal, n in db.execute(
        "SELECT o.state, o.refusal, COUNT(*) FROM events e JOIN outbox o "
        "ON o.event_uuid = e.uuid WHERE e.device_id = ? AND e.device_time >= ? "
        "AND e.device_time < ? GROUP BY o.state, o.refusal",
        [device_id, iso(start), iso(start + timedelta(days=1))],
    ):
        by_state[state] = by_state.get(state, 0) + n
        conflicts += n if refusal == "conflict" and state in (QUARANTINED, DISCARDED) else 0
    return DayCounts(
        created=sum(by_state.values()), synced=by_state.get(SENT, 0),
        waiting=by_state.get(PENDING, 0), quarantined=by_state.get(QUARANTINED, 0),
        discarded=by_state.get(DISCARDED, 0), conflicts=conflicts,
    )
