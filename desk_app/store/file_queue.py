"""Digitised documents' files waiting to go to the hub (sync.protocol, "Files"). Every function
runs in the caller's transaction.

A file is queued when the hub has acknowledged an event whose payload names it (its top-level
"files"): the hub keeps a file only once an event of the commune names it. It stays 'pending'
until the hub holds it whole ('sent'), or is set aside ('quarantined', with the reason) when
it cannot be sent (too large, changed or gone on disk) or the hub refused it too often, so the
files behind it still go. A supervisor sends a quarantined file again ('pending') or gives it
up ('discarded': never tried again; the file itself stays on disk).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import sqlite_utils

from desk_app.core.clock import iso, parse_iso
from desk_app.core.sync_records import FilesWaiting, QuarantinedFile
from desk_app.store import files
from sync.protocol import files_named

PENDING, SENT, QUARANTINED, DISCARDED = "pending", "sent", "quarantined", "discarded"
# Refusals by the hub before a file is set aside: a refusal that repeats is not the network.
MAX_ATTEMPTS = 3


def queue_named(db: sqlite_utils.Database, data_dir: Path, event_uuids: Iterable[str],
                at: datetime) -> None:
    """Queue the files the payloads of these (just acknowledged) events name; a file queued
    before stays as it is."""
    uuids = list(event_uuids)
    named: dict[str, None] = {}
    for start in range(0, len(uuids), 500):
        part = uuids[start:start + 500]
        for (payload,) in db.execute(
                f"SELECT payload FROM events WHERE uuid IN ({','.join('?' * len(part))})",
                part):
            named.update(dict.fromkeys(files_named(json.loads(payload))))
    rows = []
    for sha256 in named:
        path = files.path_of(data_dir, sha256)
        # Gone already: queued with size 0, and the upload says why it cannot be sent.
        rows.append((sha256, path.stat().st_size if path.exists() else 0, iso(at)))
    db.conn.executemany(
        "INSERT INTO file_uploads (sha256, size, queued_at) VALUES (?, ?, ?) "
        "ON CONFLICT (sha256) DO NOTHING", rows)


def held_by_hub(db: sqlite_utils.Database, sha256: str, size: int, at: datetime) -> None:
    """A file fetched from the hub: recorded as sent, so the event that names it once a line
    reuses it does not queue it to go back up."""
    db.execute("INSERT INTO file_uploads (sha256, size, state, queued_at, sent_at) "
               "VALUES (?, ?, 'sent', ?, ?) ON CONFLICT (sha256) DO NOTHING",
               [sha256, size, iso(at), iso(at)])


def pending(db: sqlite_utils.Database, limit: int, skip: Iterable[str] = ()) -> list[str]:
    """Up to `limit` files waiting, oldest first, leaving out `skip`."""
    skip = list(skip)
    return [sha for (sha,) in db.execute(
        "SELECT sha256 FROM file_uploads WHERE state = 'pending' "
        f"AND sha256 NOT IN ({','.join('?' * len(skip))}) ORDER BY queued_at, rowid LIMIT ?",
        [*skip, limit])]


def mark_sent(db: sqlite_utils.Database, sha256s: Iterable[str], at: datetime) -> None:
    db.conn.executemany("UPDATE file_uploads SET state = 'sent', sent_at = ?, last_error = NULL "
                        "WHERE sha256 = ? AND state = 'pending'",
                        [(iso(at), sha256) for sha256 in sha256s])


def failed(db: sqlite_utils.Database, sha256: str, reason: str, at: datetime, *,
           at_once: bool = False) -> bool:
    """Count a failed attempt; the file is quarantined at once or after MAX_ATTEMPTS. Returns
    whether it is quarantined now."""
    db.execute(
        "UPDATE file_uploads SET attempts = attempts + 1, last_error = ?, "
        "state = CASE WHEN ? OR attempts + 1 >= ? THEN 'quarantined' ELSE state END, "
        "quarantined_at = CASE WHEN ? OR attempts + 1 >= ? THEN ? ELSE quarantined_at END "
        "WHERE sha256 = ? AND state = 'pending'",
        [reason, at_once, MAX_ATTEMPTS, at_once, MAX_ATTEMPTS, iso(at), sha256])
    return state_of(db, sha256) == QUARANTINED


def state_of(db: sqlite_utils.Database, sha256: str) -> str | None:
    row = db.execute("SELECT state FROM file_uploads WHERE sha256 = ?", [sha256]).fetchone()
    return row[0] if row else None


def quarantined(db: sqlite_utils.Database) -> list[QuarantinedFile]:
    """The files set aside, oldest first, each with the dossier and document that first named
    it (a reused file is named by several)."""
    return [QuarantinedFile(sha, size, error or "", parse_iso(at) if at else None,
                            dossier_uuid or "", code or "", document or "")
            for sha, size, error, at, dossier_uuid, code, document in db.execute(
                "SELECT u.sha256, u.size, u.last_error, u.quarantined_at, f.dossier_uuid, "
                "d.code, f.document FROM file_uploads u "
                "LEFT JOIN dossier_files f ON f.rowid = (SELECT rowid FROM dossier_files "
                "WHERE sha256 = u.sha256 ORDER BY at, rowid LIMIT 1) "
                "LEFT JOIN dossiers d ON d.uuid = f.dossier_uuid "
                "WHERE u.state = 'quarantined' ORDER BY u.quarantined_at, u.rowid")]


def requeue(db: sqlite_utils.Database, sha256: str) -> bool:
    """A quarantined file waits again, its failures forgotten; False when it is not
    quarantined (any more)."""
    return db.execute(
        "UPDATE file_uploads SET state = 'pending', attempts = 0, last_error = NULL, "
        "quarantined_at = NULL WHERE sha256 = ? AND state = 'quarantined'",
        [sha256]).rowcount == 1


def discard(db: sqlite_utils.Database, sha256: str) -> bool:
    """A quarantined file is never tried again; False when it is not quarantined (any
    more)."""
    return db.execute("UPDATE file_uploads SET state = 'discarded' "
                      "WHERE sha256 = ? AND state = 'quarantined'", [sha256]).rowcount == 1


def waiting(db: sqlite_utils.Database) -> FilesWaiting:
    (count, size), (quarantined,) = (
        db.execute("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM file_uploads "
                   "WHERE state = 'pending'").fetchone(),
        db.execute("SELECT COUNT(*) FROM file_uploads WHERE state = 'quarantined'").fetchone())
    return FilesWaiting(count, size, quarantined)
