"""The record of every slip printed: which PDF, for which dossier, with its checksum."""

from __future__ import annotations

import hashlib
import uuid as uuidlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlite_utils

from desk_app.core.clock import iso, parse_iso


@dataclass(frozen=True)
class SlipRecord:
    uuid: str
    dossier_uuid: str
    kind: str
    path: Path
    sha256: str
    created_at: datetime
    clerk: str
    event_uuid: str | None = None  # the event the slip documents, if it documents one


def sha256_of(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def record(
    db: sqlite_utils.Database, *, dossier_uuid: str, kind: str, path: Path, clerk: str,
    at: datetime, event_uuid: str | None = None,
) -> SlipRecord:
    slip = SlipRecord(str(uuidlib.uuid4()), dossier_uuid, kind, Path(path), sha256_of(path), at,
                      clerk, event_uuid)
    db.execute(
        "INSERT INTO slips (uuid, dossier_uuid, kind, path, sha256, created_at, clerk, "
        "event_uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [slip.uuid, dossier_uuid, kind, str(slip.path), slip.sha256, iso(at), clerk, event_uuid],
    )
    return slip


def for_dossier(db: sqlite_utils.Database, dossier_uuid: str) -> list[SlipRecord]:
    """Oldest first; versions made in the same second stay in the order they were made."""
    return [
        SlipRecord(r["uuid"], r["dossier_uuid"], r["kind"], Path(r["path"]), r["sha256"],
                   parse_iso(r["created_at"]), r["clerk"], r["event_uuid"])
        for r in db.query(
            "SELECT * FROM slips WHERE dossier_uuid = ? ORDER BY created_at, rowid",
            [dossier_uuid],
        )
    ]
