"""This counter's connection to the provincial hub: where it is, who we are to it, how far the
pull has got, and how the last attempt went. Functions run in the caller's transaction.

Two identities meet here. The local `device_id` (a UUID in the settings, made at first setup)
names this PC's stream of events and numbers them (device_seq); it never changes, so a
re-enrolled PC continues the same stream. The hub's `hub_device_id` names the enrollment (the
token the province issued); a new enrollment after a revocation gets a new one, and the hub
then counts what this PC sends under the new id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlite_utils

from desk_app.core.clock import iso, parse_iso
from desk_app.core.sync_records import SyncProblem
from desk_app.store import token_vault

SYNCED, OFFLINE, FAILED = "synced", "offline", "failed"


@dataclass(frozen=True)
class HubConnection:
    hub_url: str | None
    ca_bundle: str | None
    hub_device_id: int | None
    device_name: str
    commune_name: str
    agency_code: str
    enrolled_at: datetime | None
    pull_cursor: int
    last_attempt_at: datetime | None
    last_success_at: datetime | None
    last_outcome: str | None  # SYNCED, OFFLINE, FAILED; None before the first attempt
    last_error: str
    clock_skew: timedelta | None  # device clock minus hub clock
    lookup_url: str | None = None  # for the citizen's lookup link (sync.protocol.lookup_link)
    lookup_key: str | None = None


def _time(text: str | None) -> datetime | None:
    return parse_iso(text) if text else None


def load(db: sqlite_utils.Database) -> HubConnection:
    row = db.execute(
        "SELECT hub_url, ca_bundle, hub_device_id, device_name, commune_name, agency_code, "
        "enrolled_at, pull_cursor, last_attempt_at, last_success_at, last_outcome, last_error, "
        "clock_skew_seconds, lookup_url, lookup_key FROM sync_state WHERE id = 1"
    ).fetchone()
    (url, ca, hub_id, name, commune, agency, enrolled, cursor, attempt, success, outcome, error,
     skew, lookup_url, lookup_key) = row
    return HubConnection(
        url, ca, hub_id, name or "", commune or "", agency or "", _time(enrolled), cursor,
        _time(attempt), _time(success), outcome, error,
        timedelta(seconds=skew) if skew is not None else None, lookup_url, lookup_key,
    )


def enrolled(db: sqlite_utils.Database, *, hub_url: str, ca_bundle: str | None,
             hub_device_id: int, device_name: str, commune_name: str, agency_code: str,
             token: str, at: datetime, lookup_url: str | None = None,
             lookup_key: str | None = None) -> None:
    """A new enrollment: the new token replaces any old one. The cursor starts again, as the
    hub may be another one; pulled changes are applied idempotently."""
    db.execute(
        "UPDATE sync_state SET hub_url = ?, ca_bundle = ?, hub_device_id = ?, device_name = ?, "
        "commune_name = ?, agency_code = ?, enrolled_at = ?, pull_cursor = 0, "
        "last_outcome = NULL, last_error = '', lookup_url = ?, lookup_key = ? WHERE id = 1",
        [hub_url, ca_bundle, hub_device_id, device_name, commune_name, agency_code, iso(at),
         lookup_url, lookup_key],
    )
    sealed, protection = token_vault.seal(token)
    db.execute(
        "INSERT INTO sync_credentials (id, token, protection, stored_at) VALUES (1, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET token = excluded.token, "
        "protection = excluded.protection, stored_at = excluded.stored_at",
        [sealed, protection, iso(at)],
    )


def token(db: sqlite_utils.Database) -> str | None:
    row = db.execute("SELECT token, protection FROM sync_credentials WHERE id = 1").fetchone()
    return token_vault.unseal(row[0], row[1]) if row else None


def set_cursor(db: sqlite_utils.Database, cursor: int) -> None:
    db.execute("UPDATE sync_state SET pull_cursor = ? WHERE id = 1", [cursor])


def record_outcome(db: sqlite_utils.Database, outcome: str, error: str, at: datetime) -> None:
    db.execute(
        "UPDATE sync_state SET last_attempt_at = ?, last_outcome = ?, last_error = ?, "
        "last_success_at = CASE WHEN ? = 'synced' THEN ? ELSE last_success_at END WHERE id = 1",
        [iso(at), outcome, error, outcome, iso(at)],
    )


def record_skew(db: sqlite_utils.Database, skew: timedelta) -> None:
    db.execute("UPDATE sync_state SET clock_skew_seconds = ? WHERE id = 1",
               [skew.total_seconds()])


def record_problem(db: sqlite_utils.Database, *, change_seq: int, message: str, at: datetime,
                   event_uuid: str | None = None, dossier_uuid: str | None = None) -> None:
    db.execute(
        "INSERT INTO sync_problems (noticed_at, change_seq, event_uuid, dossier_uuid, message) "
        "VALUES (?, ?, ?, ?, ?)", [iso(at), change_seq, event_uuid, dossier_uuid, message])


def problems(db: sqlite_utils.Database, limit: int = 200) -> list[SyncProblem]:
    return [
        SyncProblem(parse_iso(at), seq, event_uuid, dossier_uuid, message)
        for at, seq, event_uuid, dossier_uuid, message in db.execute(
            "SELECT noticed_at, change_seq, event_uuid, dossier_uuid, message FROM sync_problems "
            "ORDER BY id DESC LIMIT ?", [limit])
    ]
