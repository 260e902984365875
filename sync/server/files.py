"""Digitised documents' files on the hub (sync.protocol, "Files"): one copy per SHA-256 however
many communes name it, received in order in chunks, whole once its hash is checked.

What a file is and how much of it has arrived (the `files` table) and who may touch it
(`file_names`, filled by ingest from events' payloads) live in the hub's database. The bytes go
through a FileStore: DatabaseFileStore keeps them as rows of `file_chunks`, in the same
database and transaction, as ODK Central does; an object store can take its place later
without the endpoints noticing.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Protocol

from sqlalchemy import Connection, Engine, Insert, bindparam, delete, exists, select, update
from sqlalchemy.exc import OperationalError

from sync import protocol
from sync.server import clock
from sync.server.auth import Device
from sync.server.database import dialect_insert, insert_ignoring_conflicts, is_transient, reading
from sync.server.errors import ApiError
from sync.server.settings import HubSettings
from sync.server.tables import device_volume, file_chunks, file_names, files

ATTEMPTS = 5

# An upload's statements, built once with bind parameters: building a SQLAlchemy statement and
# its cache key for each of the seven or so per uploaded file was a third of the hub's CPU per
# file; a statement built once keeps its key, and its SQL stays in the engine's cache.
_NAMED = select(exists().where(file_names.c.commune_id == bindparam("commune_id"),
                               file_names.c.sha256 == bindparam("sha256")))
_FILE = select(files).where(files.c.sha256 == bindparam("sha256"))
_FILE_LOCKED = _FILE.with_for_update()
_PROGRESS = (update(files).where(files.c.sha256 == bindparam("file_sha256"))
             .values(received=bindparam("now_received"),
                     completed_at=bindparam("now_completed_at")))
_CHUNK = file_chunks.insert()


class FileStore(Protocol):
    """Where a file's bytes are kept. Each call runs inside the caller's transaction on
    `connection`, which a store outside the database may ignore."""

    def put(self, connection: Connection, sha256: str, offset: int, data: bytes) -> None:
        """Keep `data` as the file's bytes from `offset` on."""

    def read(self, connection: Connection, sha256: str) -> Iterator[bytes]:
        """The file's bytes in order, as kept."""

    def drop(self, connection: Connection, sha256: str) -> None:
        """Forget every byte kept of the file."""


class DatabaseFileStore:
    """The bytes as rows of file_chunks (BLOB in SQLite, bytea in PostgreSQL), one per chunk
    received."""

    def put(self, connection: Connection, sha256: str, offset: int, data: bytes) -> None:
        connection.execute(_CHUNK, {"sha256": sha256, "offset": offset, "data": data})

    def read(self, connection: Connection, sha256: str) -> Iterator[bytes]:
        for (data,) in connection.execute(
                select(file_chunks.c.data).where(file_chunks.c.sha256 == sha256)
                .order_by(file_chunks.c.offset)):
            yield bytes(data)

    def drop(self, connection: Connection, sha256: str) -> None:
        connection.execute(delete(file_chunks).where(file_chunks.c.sha256 == sha256))


@dataclass(frozen=True)
class Held:
    """What the hub holds of a file: its first `offset` bytes."""

    sha256: str
    size: int
    offset: int
    complete: bool


def record_names(connection: Connection, commune_id: int, payloads: list[dict]) -> None:
    """Let the commune's devices upload and fetch the files these events' payloads name."""
    named = sorted({sha for payload in payloads for sha in protocol.files_named(payload)})
    if named:
        at = clock.stamp(clock.now())
        connection.execute(insert_ignoring_conflicts(connection, file_names),
                           [{"commune_id": commune_id, "sha256": sha, "named_at": at}
                            for sha in named])


def held(engine: Engine, settings: HubSettings, device: Device, sha256: str,
         size: int) -> Held:
    """How much of the file the hub holds, for a device about to upload it."""
    _check_size(settings, size)
    with reading(engine) as connection:
        _check_named(connection, device, sha256)
        row = _file(connection, sha256)
    return _as_held(row, sha256, size)


def held_many(engine: Engine, settings: HubSettings, device: Device,
              asked: list[tuple[str, int]]) -> list[Held | ApiError]:
    """`held` for each (sha256, size) in one read: what the hub holds of it, or the refusal
    the one-file ask would have answered, so one file the device may not upload does not
    refuse the others."""
    shas = sorted({sha for sha, _ in asked})
    with reading(engine) as connection:
        named = set(connection.execute(
            select(file_names.c.sha256).where(file_names.c.commune_id == device.commune_id)
            .where(file_names.c.sha256.in_(shas))).scalars())
        rows = {row.sha256: row for row in connection.execute(
            select(files).where(files.c.sha256.in_(shas)))}
    answers: list[Held | ApiError] = []
    for sha256, size in asked:
        try:
            _check_size(settings, size)
            if sha256 not in named:
                raise _not_named()
            answers.append(_as_held(rows.get(sha256), sha256, size))
        except ApiError as refusal:
            answers.append(refusal)
    return answers


def _as_held(row, sha256: str, size: int) -> Held:
    if row is None:
        return Held(sha256, size, 0, False)
    _check_same_size(row, size)
    return Held(sha256, row.size, row.received, row.completed_at is not None)


def receive(engine: Engine, store: FileStore, settings: HubSettings, device: Device,
            sha256: str, offset: int, size: int, data: bytes) -> Held:
    """Keep the bytes of the file from `offset` on; the chunk that completes the file has the
    whole file's hash checked."""
    _check_size(settings, size)
    for attempt in itertools.count(1):
        try:
            with engine.begin() as connection:
                now_held = _receive(connection, store, settings, device, sha256, offset, size,
                                    data)
        except OperationalError as exc:
            if attempt == ATTEMPTS or not is_transient(exc):
                raise
            time.sleep(0.05 * attempt)
            continue
        if now_held is None:
            # Refused after the commit, so that throwing the bad bytes away is kept.
            raise ApiError(422, protocol.ERROR_HASH_MISMATCH,
                           "the file's bytes do not have this SHA-256; the hub threw away "
                           "what it had of it: send it again from offset 0")
        return now_held
    raise AssertionError("unreachable")


def _receive(connection: Connection, store: FileStore, settings: HubSettings, device: Device,
             sha256: str, offset: int, size: int, data: bytes) -> Held | None:
    """What the hub holds after this chunk; None when it completed the file with the wrong
    hash, and what the hub had of the file was thrown away."""
    _check_named(connection, device, sha256)
    if offset + len(data) > size:
        raise ApiError(422, protocol.ERROR_INVALID_REQUEST,
                       f"{offset + len(data)} bytes from offset {offset} pass the file's "
                       f"size, {size}")
    now = clock.now()
    new_file, _ = _dialect_statements(connection.dialect.name)
    connection.execute(new_file, {"sha256": sha256, "size": size, "received": 0,
                                  "created_at": clock.stamp(now)})
    # One writer per file at a time (PostgreSQL; SQLite serialises writers already).
    row = connection.execute(_FILE_LOCKED, {"sha256": sha256}).one()
    _check_same_size(row, size)
    if row.completed_at is not None or offset + len(data) <= row.received:
        return Held(sha256, row.size, row.received, row.completed_at is not None)
    if offset > row.received:
        raise ApiError(409, protocol.ERROR_OFFSET_MISMATCH,
                       f"the hub holds {row.received} bytes of this file, not {offset}: send "
                       f"from there")
    new = data[row.received - offset:]  # what it already holds of this chunk is not kept twice
    _count_volume(connection, settings, device, len(new), now)
    store.put(connection, sha256, row.received, new)
    received = row.received + len(new)
    completed_at = None
    if received == size:
        digest = hashlib.sha256()
        # A file sent in one chunk is checked from the bytes in hand, not read back.
        for part in [new] if row.received == 0 else store.read(connection, sha256):
            digest.update(part)
        if digest.hexdigest() != sha256:
            store.drop(connection, sha256)
            connection.execute(update(files).where(files.c.sha256 == sha256)
                               .values(received=0))
            return None
        completed_at = clock.stamp(now)
    connection.execute(_PROGRESS, {"file_sha256": sha256, "now_received": received,
                                   "now_completed_at": completed_at})
    return Held(sha256, size, received, completed_at is not None)


@cache
def _dialect_statements(dialect: str) -> tuple[Insert, Insert]:
    """A file's row made if missing; the device's file bytes of the day counted up (made if
    missing), answering the new count: one statement each, in `dialect`'s ON CONFLICT."""
    new_file = dialect_insert(dialect, files).on_conflict_do_nothing()
    volume = dialect_insert(dialect, device_volume)
    added = volume.on_conflict_do_update(
        index_elements=[device_volume.c.device_id, device_volume.c.day],
        set_={"file_bytes": device_volume.c.file_bytes + volume.excluded.file_bytes},
    ).returning(device_volume.c.file_bytes)
    return new_file, added


def read(engine: Engine, store: FileStore, device: Device, sha256: str) -> Iterator[bytes]:
    """The whole file, for a device of a commune that named it."""
    connection = reading(engine)
    try:
        row = _file(connection, sha256)
        if row is None or row.completed_at is None or not _named(connection, device, sha256):
            raise ApiError(404, protocol.ERROR_UNKNOWN_FILE,
                           "the hub holds no whole file with this SHA-256 for this commune")
        parts = list(store.read(connection, sha256))
    finally:
        connection.close()
    return iter(parts)


def _file(connection: Connection, sha256: str):
    return connection.execute(_FILE, {"sha256": sha256}).first()


def _named(connection: Connection, device: Device, sha256: str) -> bool:
    return connection.execute(_NAMED, {"commune_id": device.commune_id,
                                       "sha256": sha256}).scalar()


def _check_named(connection: Connection, device: Device, sha256: str) -> None:
    if not _named(connection, device, sha256):
        raise _not_named()


def _not_named() -> ApiError:
    return ApiError(403, protocol.ERROR_FILE_NOT_NAMED,
                    "no event of this device's commune names this file: push the events first")


def _check_size(settings: HubSettings, size: int) -> None:
    if size > settings.max_file_bytes:
        raise ApiError(413, protocol.ERROR_FILE_TOO_LARGE,
                       f"a file of {size} bytes is over the hub's limit of "
                       f"{settings.max_file_bytes}")


def _check_same_size(row, size: int) -> None:
    if row.size != size:
        raise ApiError(422, protocol.ERROR_INVALID_REQUEST,
                       f"the hub has this file with {row.size} bytes, not {size}")


def _count_volume(connection: Connection, settings: HubSettings, device: Device, added: int,
                  now: datetime) -> None:
    """Add the new bytes to the device's file bytes of the day; past the quota, refuse (the
    transaction rolls back) until the next day."""
    if not added:
        return
    limit = settings.quotas.daily_file_bytes
    day = now.astimezone(clock.VN_TZ).date()
    _, count = _dialect_statements(connection.dialect.name)
    volume = connection.execute(count, {"device_id": device.id, "day": day.isoformat(),
                                        "events": 0, "bytes": 0, "file_bytes": added}
                                ).scalar_one()
    if volume > limit:
        tomorrow = datetime.combine(day + timedelta(days=1), datetime.min.time(), clock.VN_TZ)
        wait = max(1, math.ceil((tomorrow - now).total_seconds()))
        raise ApiError(429, protocol.ERROR_DAILY_QUOTA,
                       f"this device may upload {limit} bytes of files a day and has uploaded "
                       f"{volume - added} today (hub time)", {"Retry-After": str(wait)})
