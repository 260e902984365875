"""Communes and their enrolled devices, as the province's administrators manage them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from sqlalchemy import Engine, insert, select, update

from sync.protocol import SEAM_KEY
from sync.server import clock, codes
from sync.server.database import reading
from sync.server.errors import AdminError
from sync.server.tables import communes, devices, events
from sync.server.text import clean

# The unit's electronic identifier: dotted levels, e.g. 000.17.22.H56 (docs/domain.md,
# "Dossier codes").
AGENCY_CODE = re.compile(r"^[0-9A-Z]+(\.[0-9A-Z]+)*$")


@dataclass(frozen=True)
class DeviceInfo:
    id: int
    name: str
    commune_id: int
    commune_name: str
    created_at: str
    revoked_at: str | None
    last_push_at: str | None
    last_pull_at: str | None
    backlog: int | None
    events_stored: int
    clock_skew_seconds: float | None
    forked_at: str | None  # the device sent a second history for a place of its chain
    fork_detail: str | None


def create_commune(engine: Engine, name: str, agency_code: str) -> int:
    name, agency_code = clean(name), agency_code.strip().upper()
    if not name:
        raise AdminError("a commune needs a name")
    if not AGENCY_CODE.match(agency_code) or len(agency_code) > 40:
        raise AdminError(f"agency code {agency_code!r} is not of the form 000.17.22.H56")
    with engine.begin() as connection:
        taken = codes.owner(connection, agency_code)
        if taken is not None:
            raise AdminError(f"agency code {agency_code} already belongs to commune {taken}")
        commune_id = connection.execute(
            insert(communes).values(name=name, agency_code=agency_code,
                                    created_at=clock.stamp(clock.now()))
            .returning(communes.c.id)
        ).scalar_one()
        codes.record(connection, commune_id, agency_code, None)
        return commune_id


def list_communes(engine: Engine) -> list[tuple[int, str, str]]:
    with reading(engine) as connection:
        return connection.execute(
            select(communes.c.id, communes.c.name, communes.c.agency_code).order_by(communes.c.id)
        ).all()


def revoke_device(engine: Engine, device_id: int) -> str:
    """Revoke a device's token at once; returns when it was revoked (the first time)."""
    with engine.begin() as connection:
        row = connection.execute(
            select(devices.c.revoked_at).where(devices.c.id == device_id)).first()
        if row is None:
            raise AdminError(f"no device with id {device_id}")
        if row.revoked_at is not None:
            return row.revoked_at
        now = clock.stamp(clock.now())
        connection.execute(update(devices).where(devices.c.id == device_id).values(revoked_at=now))
        return now


def list_devices(engine: Engine, commune_id: int | None = None) -> list[DeviceInfo]:
    query = (
        select(devices.c.id, devices.c.name, devices.c.commune_id,
               communes.c.name.label("commune_name"), devices.c.created_at, devices.c.revoked_at,
               devices.c.last_push_at, devices.c.last_pull_at, devices.c.backlog,
               devices.c.events_stored,
               devices.c.clock_skew_seconds, devices.c.forked_at, devices.c.fork_detail)
        .join(communes, communes.c.id == devices.c.commune_id)
        .order_by(devices.c.commune_id, devices.c.id)
    )
    if commune_id is not None:
        query = query.where(devices.c.commune_id == commune_id)
    with reading(engine) as connection:
        return [DeviceInfo(*row) for row in connection.execute(query)]


@dataclass(frozen=True)
class LostEvent:
    """An event the hub holds that the counter no longer has: a restore of an older backup
    lost it there, and the first event after the restore says so (sync.protocol.SEAM_KEY)."""
    device_seq: int
    uuid: str
    kind: str
    dossier_uuid: str
    device_time: str
    restored_at: str
    backup: str


def lost_on_counter(engine: Engine, device_id: int) -> list[LostEvent]:
    """The device's events stored here whose numbers lie in a gap its own restores declared.
    (Found by reading the payloads that name a seam: a restore is rare, so no column for it.)"""
    with reading(engine) as connection:
        known = connection.execute(select(devices.c.id).where(devices.c.id == device_id))
        if known.first() is None:
            raise AdminError(f"no device with id {device_id}")
        seams = connection.execute(
            select(events.c.device_seq, events.c.payload)
            .where(events.c.device_id == device_id,
                   events.c.payload.contains(f'"{SEAM_KEY}"'))).all()
        lost: list[LostEvent] = []
        for resumes_at, payload in seams:
            seam = json.loads(payload).get(SEAM_KEY)
            if not isinstance(seam, dict) or not isinstance(seam.get("first_lost"), int):
                continue
            rows = connection.execute(
                select(events.c.device_seq, events.c.uuid, events.c.kind,
                       events.c.dossier_uuid, events.c.device_time)
                .where(events.c.device_id == device_id,
                       events.c.device_seq.between(seam["first_lost"], resumes_at - 1))
                .order_by(events.c.device_seq)).all()
            lost.extend(LostEvent(*row, str(seam.get("restored_at", "")),
                                  str(seam.get("backup", ""))) for row in rows)
    return sorted(lost, key=lambda event: event.device_seq)
