"""What the supervisor sees of sync's trouble: the events the hub refused and the files that
could not be sent (the quarantine), and the problems noticed while applying what the hub sent.
The store keeps them (store.outbox, store.file_queue, store.sync_state); the quarantine dialog
shows them, so the records live here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desk_app.core.states import DossierState


@dataclass(frozen=True)
class QuarantinedEvent:
    uuid: str
    dossier_uuid: str
    dossier_code: str
    kind: str
    status: DossierState
    device_time: datetime
    clerk: str
    reason: str
    quarantined_at: datetime | None


@dataclass(frozen=True)
class QuarantinedFile:
    """A digitised document's file set aside after failing to go up (too large, changed or
    gone on disk, refused by the hub again and again), with the dossier and document that
    first named it."""

    sha256: str
    size: int  # bytes, as queued
    reason: str  # why the last attempt failed
    quarantined_at: datetime | None
    dossier_uuid: str
    dossier_code: str
    document: str


@dataclass(frozen=True)
class SyncProblem:
    noticed_at: datetime
    change_seq: int
    event_uuid: str | None
    dossier_uuid: str | None
    message: str


@dataclass(frozen=True)
class FilesWaiting:
    """Digitised documents' files not on the hub yet (store.file_queue), for the status bar
    and the reconciliation slip."""

    count: int
    size: int  # bytes
    quarantined: int
