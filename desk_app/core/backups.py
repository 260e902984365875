"""What a backup copy of the database is: when it was made, why, and what it holds.

The store makes, lists and restores the copies (store.backup); the restore dialog only shows
these records, so they live here, free of SQLite.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path


class BackupKind(StrEnum):
    """Why a copy was made; the value is written in the copy's file name and sidecar."""

    START = "start"
    PERIODIC = "periodic"
    PRE_MIGRATION = "pre-migration"
    PRE_RESTORE = "pre-restore"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime
    kind: str  # a BackupKind's value, or what a newer version wrote
    dossiers: int
    last_code: str
    schema_version: int
    size: int
