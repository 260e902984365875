"""Storing a pushed batch of events: idempotent, all or nothing, safe under concurrent pushes.

Each batch is one transaction. The event UUID is the key: `INSERT ... ON CONFLICT DO NOTHING`
decides which of two concurrent pushes of the same event stores it, and the other one compares
content digests with what was stored (duplicate or conflict). Rows are written in UUID order so
that two batches touching the same rows lock them in the same order and cannot deadlock; a
transient failure (deadlock, busy SQLite) retries the whole batch.
"""

from __future__ import annotations

import itertools
import math
import time
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, Engine, bindparam, case, delete, func, select, update
from sqlalchemy.exc import OperationalError

from sync import protocol
from sync.protocol import GENESIS_HASH, Result, canonical_json, chain_hash, content_digest
from sync.server import clock, files, reuse, scorecard
from sync.server.auth import Device
from sync.server.codes import CommuneCodes
from sync.server.database import insert_ignoring_conflicts, is_transient
from sync.server.errors import ApiError, validation_reason
from sync.server.settings import Quotas
from sync.server.tables import device_volume, devices, dossiers, events
from sync.server.wire import EventIn, EventResult

ATTEMPTS = 5
# Events whose payload's new_due_at is the dossier's due time from then on.
MOVE_DUE_TIME = ("rescheduled", "supplemented", "supplement_received")
DEFAULT_QUOTAS = Quotas()


@dataclass
class _Pushed:
    """One event of the batch as sent, and what checking it found."""

    position: int
    raw: Any
    event: EventIn | None = None
    reason: str | None = None
    digest: str = ""
    when: str = ""  # device_time in the hub's form (clock.stamp)
    size: int = 0  # bytes of the payload's canonical JSON


def push(engine: Engine, device: Device, batch: list[dict[str, Any]], *,
         sent_at: str | None, backlog: int | None,
         quotas: Quotas = DEFAULT_QUOTAS) -> tuple[list[EventResult], str]:
    """Store a batch. Raises ApiError 429 (nothing stored) when the events it would store take
    the device past its daily volume."""
    received = clock.now()
    server_time = clock.stamp(received)
    skew = (clock.parse_aware(sent_at) - received).total_seconds() if sent_at else None
    pushed = [_check(position, raw, quotas.max_payload_bytes) for position, raw in enumerate(batch)]
    for attempt in itertools.count(1):
        try:
            with engine.begin() as connection:
                # One push of a device at a time (PostgreSQL; SQLite writers are serialised
                # already), so two concurrent pushes cannot both fill one place in its chain.
                connection.execute(select(devices.c.id).where(devices.c.id == device.id)
                                   .with_for_update())
                results, stored = _store(connection, device, pushed, server_time, skew)
                _count_volume(connection, device, stored, received, quotas.daily_bytes)
                synced = any(r.result in (Result.ACCEPTED, Result.DUPLICATE) for r in results)
                # A push whose every event was refused delivered nothing: the device's last
                # push and backlog keep saying what was last delivered.
                connection.execute(
                    update(devices).where(devices.c.id == device.id).values(
                        events_stored=devices.c.events_stored + len(stored),
                        clock_skew_seconds=func.coalesce(skew, devices.c.clock_skew_seconds),
                        **({"last_push_at": server_time,
                            "backlog": func.coalesce(backlog, devices.c.backlog)}
                           if synced else {}),
                    )
                )
            return results, server_time
        except OperationalError as exc:
            if attempt == ATTEMPTS or not is_transient(exc):
                raise
            time.sleep(0.05 * attempt)


def _count_volume(connection: Connection, device: Device, stored: list[_Pushed],
                  received: datetime, limit: int) -> None:
    """Add what was stored to the device's volume of the day; past the limit, refuse the whole
    batch (the transaction rolls back) until the next day."""
    if not stored:
        return
    day = received.astimezone(clock.VN_TZ).date()
    added = sum(p.size for p in stored)
    key = {"device_id": device.id, "day": day.isoformat()}
    connection.execute(insert_ignoring_conflicts(connection, device_volume)
                       .values(**key, events=0, bytes=0))
    volume = connection.execute(
        update(device_volume).where(device_volume.c.device_id == device.id)
        .where(device_volume.c.day == key["day"])
        .values(events=device_volume.c.events + len(stored),
                bytes=device_volume.c.bytes + added)
        .returning(device_volume.c.bytes)
    ).scalar_one()
    if volume > limit:
        tomorrow = datetime.combine(day + timedelta(days=1), datetime.min.time(), clock.VN_TZ)
        wait = max(1, math.ceil((tomorrow - received).total_seconds()))
        raise ApiError(
            429, protocol.ERROR_DAILY_QUOTA,
            f"this device may store {limit} bytes of events a day and has stored "
            f"{volume - added} today; this batch of {added} bytes waits for tomorrow "
            f"(hub time)", {"Retry-After": str(wait)})


def _check(position: int, raw: Any, max_payload: int) -> _Pushed:
    try:
        event = EventIn.model_validate(raw)
    except ValidationError as exc:
        return _Pushed(position, raw, reason=validation_reason(exc))
    size = len(canonical_json(event.payload).encode("utf-8"))
    if size > max_payload:
        return _Pushed(position, raw, reason=f"{protocol.QUOTA_REASON} the payload has {size} "
                       f"bytes, more than the {max_payload} an event may carry")
    if (event.prev_hash is None) != (event.hash is None):
        return _Pushed(position, raw, reason="chain: prev_hash and hash come together")
    if event.hash is not None and chain_hash(event.prev_hash, raw) != event.hash:
        return _Pushed(position, raw, reason="chain: hash does not match the event's content")
    return _Pushed(position, raw, event, digest=content_digest(raw),
                   when=clock.stamp(clock.parse_aware(event.device_time)), size=size)


def _given_uuid(raw: Any) -> str | None:
    uuid = raw.get("uuid") if isinstance(raw, dict) else None
    return uuid if isinstance(uuid, str) and len(uuid) <= 100 else None


def _store(connection: Connection, device: Device, pushed: list[_Pushed], server_time: str,
           skew: float | None) -> tuple[list[EventResult], list[_Pushed]]:
    """The answer to each event, and the events stored now."""
    results: dict[int, EventResult] = {
        p.position: EventResult(uuid=_given_uuid(p.raw), result=Result.INVALID, reason=p.reason)
        for p in pushed if p.event is None
    }
    valid = _linked(connection, device, [p for p in pushed if p.event is not None], results)
    owners, claimed = _claim_dossiers(connection, device,
                                      sorted({p.event.dossier_uuid for p in valid}))
    mine: dict[str, _Pushed] = {}  # the first of each UUID; later copies compare against it
    commune_codes = (CommuneCodes(connection, device.commune_id)
                     if any(p.event.kind == "received" for p in valid) else None)
    for p in valid:
        owner = owners[p.event.dossier_uuid]
        if owner != device.commune_id:
            reason = f"forbidden: dossier {p.event.dossier_uuid} belongs to another commune"
        elif p.event.kind == "received":
            reason = commune_codes.refusal(p.event.payload["code"])
        else:
            reason = None
        if reason is not None:
            results[p.position] = EventResult(uuid=p.event.uuid, result=Result.INVALID,
                                              reason=reason)
        else:
            mine.setdefault(p.event.uuid, p)

    inserted: set[str] = set()
    if mine:
        statement = insert_ignoring_conflicts(connection, events).returning(events.c.uuid)
        rows = [_event_row(p, device, server_time, skew) for _, p in sorted(mine.items())]
        inserted = set(connection.execute(statement, rows).scalars())
    # What each UUID was stored with: (digest, server time), by this batch or an earlier one.
    original = {uuid: (mine[uuid].digest, server_time) for uuid in inserted}
    if len(mine) > len(inserted):
        original.update(
            (row.uuid, (row.content_digest, row.server_time))
            for row in connection.execute(
                select(events.c.uuid, events.c.content_digest, events.c.server_time)
                .where(events.c.uuid.in_(sorted(set(mine) - inserted)))
            )
        )

    for p in valid:
        if p.position in results:
            continue
        uuid = p.event.uuid
        if uuid in inserted and mine[uuid] is p:
            results[p.position] = EventResult(uuid=uuid, result=Result.ACCEPTED,
                                              server_time=server_time)
            continue
        # A re-send (now or in this same batch) of an event already stored.
        original_digest, original_time = original[uuid]
        if p.digest == original_digest:
            results[p.position] = EventResult(uuid=uuid, result=Result.DUPLICATE,
                                              server_time=original_time)
        else:
            results[p.position] = EventResult(
                uuid=uuid, result=Result.CONFLICT, server_time=original_time,
                reason=f"event {uuid} was already stored with other content",
            )
    accepted = [mine[uuid] for uuid in sorted(inserted)]
    _update_dossier_view(connection, accepted, server_time)
    scorecard.fold(connection, [
        scorecard.Happened(device.commune_id, p.event.dossier_uuid, p.event.kind,
                           p.event.payload, p.when) for p in accepted])
    files.record_names(connection, device.commune_id, [p.event.payload for p in accepted])
    reuse.index(connection, (p.event.dossier_uuid for p in accepted
                             if p.event.kind in reuse.KINDS))
    # A dossier first named by an event that was then refused as a conflict has no event here.
    unused = claimed - {p.event.dossier_uuid for p in accepted}
    if unused:
        connection.execute(delete(dossiers).where(dossiers.c.uuid.in_(sorted(unused))))
    return [results[p.position] for p in pushed], accepted


def _linked(connection: Connection, device: Device, valid: list[_Pushed],
            results: dict[int, EventResult]) -> list[_Pushed]:
    """The events whose chain link holds; the others are answered in `results`. An event
    follows the hash of an event this device sent with device_seq one lower, stored before or
    earlier in this batch; when there is none to compare with, the link cannot be checked and
    the event is let through (see protocol). A chained event at a place of the chain that
    another chained event holds is a fork: refused as a conflict, the device flagged."""
    chained = [p.event.device_seq for p in valid if p.event.hash is not None]
    wanted = sorted({seq - 1 for seq in chained if seq > 1} | set(chained))
    known: dict[int, set[str]] = {0: {GENESIS_HASH}}  # what device_seq 1 follows
    held: dict[int, str] = {}  # the chained event stored at each place of the chain
    for seq, stored_hash, uuid in connection.execute(
        select(events.c.device_seq, events.c.hash, events.c.uuid).where(
            events.c.device_id == device.id, events.c.device_seq.in_(wanted),
            events.c.hash.is_not(None)).order_by(events.c.server_time.desc())
    ) if wanted else ():
        known.setdefault(seq, set()).add(stored_hash)
        held[seq] = uuid  # the first stored, should an older hub have kept a fork
    linked, forks = [], []
    for p in sorted(valid, key=lambda p: p.event.device_seq):
        event = p.event
        expected = known.get(event.device_seq - 1)
        if event.hash is not None and held.get(event.device_seq, event.uuid) != event.uuid:
            # A second history for a place the chain holds: the first one stays.
            results[p.position] = EventResult(
                uuid=event.uuid, result=Result.CONFLICT,
                reason=f"chain: fork: this device's event {event.device_seq} is already "
                       f"{held[event.device_seq]}",
            )
            forks.append(event.device_seq)
            continue
        if event.hash is not None and expected and event.prev_hash not in expected:
            results[p.position] = EventResult(
                uuid=event.uuid, result=Result.INVALID,
                reason=f"chain: prev_hash does not follow this device's event "
                       f"{event.device_seq - 1}",
            )
            continue
        if event.hash is not None:
            known.setdefault(event.device_seq, set()).add(event.hash)
            held.setdefault(event.device_seq, event.uuid)
        linked.append(p)
    if forks:
        _flag_fork(connection, device, forks)
    return sorted(linked, key=lambda p: p.position)


def _flag_fork(connection: Connection, device: Device, places: list[int]) -> None:
    """Mark the device on the administrators' list; the first fork's mark stays."""
    detail = f"second history sent for event {', '.join(map(str, sorted(set(places))))}"
    connection.execute(
        update(devices).where(devices.c.id == device.id).where(devices.c.forked_at.is_(None))
        .values(forked_at=clock.stamp(clock.now()), fork_detail=detail))


def _claim_dossiers(connection: Connection, device: Device,
                    dossier_uuids: list[str]) -> tuple[dict[str, int], set[str]]:
    """(dossier → owning commune, dossiers claimed just now). A dossier nobody has sent before
    becomes this commune's."""
    if not dossier_uuids:
        return {}, set()
    now = clock.stamp(clock.now())
    claimed = set(connection.execute(
        insert_ignoring_conflicts(connection, dossiers).returning(dossiers.c.uuid),
        [{"uuid": uuid, "commune_id": device.commune_id, "updated_at": now}
         for uuid in dossier_uuids],
    ).scalars())
    owners = dict(connection.execute(
        select(dossiers.c.uuid, dossiers.c.commune_id).where(dossiers.c.uuid.in_(dossier_uuids))
    ).all())
    return owners, claimed


def _event_row(p: _Pushed, device: Device, server_time: str, skew: float | None) -> dict:
    event = p.event
    return {
        "uuid": event.uuid,
        "commune_id": device.commune_id,
        "device_id": device.id,
        "dossier_uuid": event.dossier_uuid,
        "kind": event.kind,
        "status": event.status,
        "payload": canonical_json(event.payload),
        "clerk": unicodedata.normalize("NFC", event.clerk),
        "device_seq": event.device_seq,
        "device_time": event.device_time,
        "device_time_vn": p.when,
        "content_digest": p.digest,
        "server_time": server_time,
        "clock_skew_seconds": skew,
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }


def _update_dossier_view(connection: Connection, accepted: list[_Pushed], server_time: str) -> None:
    """Fold newly stored events into each dossier's current state. The newest event by device
    time sets the state (an older event arriving late does not); received events fill in what
    the dossier is; an apology or a supplement moves its due time."""
    latest: dict[str, _Pushed] = {}
    described: dict[str, EventIn] = {}
    moved_due: dict[str, str] = {}
    for p in accepted:
        new_due = p.event.payload.get("new_due_at")
        if p.event.kind in MOVE_DUE_TIME and isinstance(new_due, str) and len(new_due) <= 40:
            moved_due[p.event.dossier_uuid] = max(new_due, moved_due.get(p.event.dossier_uuid, ""))
        dossier_uuid = p.event.dossier_uuid
        current = latest.get(dossier_uuid)
        if current is None or (p.when, p.event.device_seq) >= (current.when,
                                                               current.event.device_seq):
            latest[dossier_uuid] = p
        if p.event.kind == "received" or (
            # Refused at the counter: never received, so this event says what the dossier is
            # (no code, no due time).
            p.event.kind == "refused" and p.event.payload.get("at_counter") is True
            and dossier_uuid not in described
        ):
            described[dossier_uuid] = p.event
    rows = [
        {"b_uuid": dossier_uuid, "b_status": p.event.status, "b_time": p.when,
         "b_event": p.event.uuid, "b_now": server_time,
         **describe_dossier(described.get(dossier_uuid))}
        for dossier_uuid, p in sorted(latest.items())
    ]
    for row in rows:
        dues = [due for due in (row["b_due_at"], moved_due.get(row["b_uuid"])) if due]
        row["b_due_at"] = max(dues, default=None)
    if rows:
        connection.execute(dossier_view_update(), rows)


def dossier_view_update():
    """One dossier's view row, parameters prefixed b_ (executemany-friendly)."""
    c = dossiers.c
    newer = (c.status_time.is_(None)) | (c.status_time <= bindparam("b_time"))
    return (
        update(dossiers)
        .where(c.uuid == bindparam("b_uuid"))
        .values(
            status=case((newer, bindparam("b_status")), else_=c.status),
            last_event_uuid=case((newer, bindparam("b_event")), else_=c.last_event_uuid),
            status_time=case((newer, bindparam("b_time")), else_=c.status_time),
            code=func.coalesce(bindparam("b_code"), c.code),
            procedure_code=func.coalesce(bindparam("b_procedure_code"), c.procedure_code),
            procedure_name=func.coalesce(bindparam("b_procedure_name"), c.procedure_name),
            applicant_name=func.coalesce(bindparam("b_applicant_name"), c.applicant_name),
            received_at=func.coalesce(bindparam("b_received_at"), c.received_at),
            # A due time only ever moves later (a supplement adds the time waited, an apology
            # extends it; neither can be corrected), so the latest one wins whatever order
            # the events arrive in. Counters write them all in one form (+07:00, seconds).
            due_at=case((c.due_at.is_(None) | (c.due_at < bindparam("b_due_at")),
                         bindparam("b_due_at")), else_=c.due_at),
            updated_at=bindparam("b_now"),
        )
    )


def describe_dossier(received: EventIn | None) -> dict[str, str | None]:
    """What a received event's payload (desk_app's received_payload), or a refusal at the
    counter's (refused_at_counter_payload: no code, due time or receipt), says the dossier is.
    Fields of an unexpected shape or size are left out rather than refused."""
    payload = received.payload if received else {}

    def text(*path: str, limit: int = 40) -> str | None:
        value: Any = payload
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if not isinstance(value, str) or len(value) > limit:
            return None
        return unicodedata.normalize("NFC", value)

    return {
        "b_code": text("code", limit=60),
        "b_procedure_code": text("procedure", "code"),
        "b_procedure_name": text("procedure", "name", limit=1000),
        "b_applicant_name": text("applicant", "name", limit=1000),
        "b_received_at": text("received_at"),
        "b_due_at": text("due_at"),
    }
