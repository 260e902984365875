"""Backups as the counter uses them: made at start and every few hours, mirrored to a second
folder if one is set (a USB stick), thinned to daily/weekly/monthly generations, and restored
either from the restore dialog or, when the database is found damaged at start, before the
services can even open.

The functions taking `app` run under the services lock (the Services facade calls them).
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlite_utils

from desk_app.core import options
from desk_app.core.backups import BackupInfo, BackupKind
from desk_app.core.clock import iso, now_vn
from desk_app.core.errors import StoreError
from desk_app.services.errors import ServiceError
from desk_app.store import backup, backup_rotation, journal, settings
from desk_app.store.db import connect
from desk_app.store.migrations import MIGRATIONS

if TYPE_CHECKING:
    from desk_app.services.app import Services

log = logging.getLogger(__name__)

SETTINGS_KEY = "backups"


@dataclass(frozen=True)
class BackupSettings:
    every_hours: int = 4
    mirror: str = ""  # a second folder for every backup (a USB stick); empty for none

    def issue(self) -> str | None:
        return options.BY_NAME["backups.every_hours"].problem(self.every_hours)


def folder(data_dir: Path) -> Path:
    return Path(data_dir) / backup.BACKUP_FOLDER


def load_settings(app: Services) -> BackupSettings:
    stored = settings.load(app.db).get(SETTINGS_KEY) or {}
    return BackupSettings(**{k: v for k, v in stored.items() if k in ("every_hours", "mirror")})


def save_settings(app: Services, values: BackupSettings) -> BackupSettings:
    problem = values.issue()
    if problem:
        raise ServiceError(problem)
    with app.db.atomic():
        settings.save(app.db, {SETTINGS_KEY: asdict(values)})
    return values


def _folders(app: Services) -> list[Path]:
    mirror = load_settings(app).mirror
    return [folder(app.data_dir), *([Path(mirror)] if mirror else [])]


def back_up(app: Services, kind: str) -> BackupInfo:
    """A verified backup of the live database now, copied to the mirror folder, then each
    folder thinned to its generations."""
    made = _make(app, kind)
    _thin(app)
    return made


def _make(app: Services, kind: str) -> BackupInfo:
    """A mirror that cannot be written (the stick is out) is logged; the backup in the data
    folder still counts."""
    made = backup.make(app.db.conn, folder(app.data_dir), kind=kind, at=app.now())
    for extra in _folders(app)[1:]:
        try:
            backup.copy_to(made, extra)
        except StoreError:
            log.warning("could not mirror the backup to %s", extra, exc_info=True)
    return made


def _thin(app: Services) -> None:
    for place in _folders(app):
        rotate(place, app.now())


def rotate(place: Path, now: datetime) -> None:
    kept = backup.listed(place)
    keep = backup_rotation.to_keep(kept, now)
    for info in kept:
        if info.path not in keep:
            backup.delete(info)


def list_backups(app: Services) -> list[BackupInfo]:
    """Every verified backup in the data folder and the mirror, newest first."""
    found = [info for place in _folders(app) for info in backup.listed(place)]
    return backup.newest_first(found)


def _usable(chosen: BackupInfo) -> None:
    if chosen.schema_version > len(MIGRATIONS):
        raise ServiceError(
            f"Bản sao lưu {chosen.path.name} do phiên bản mới hơn của phần mềm tạo ra. "
            "Hãy cập nhật phần mềm trước khi khôi phục."
        )
    try:
        backup.check(chosen.path)
    except StoreError as exc:
        raise ServiceError(str(exc)) from exc


def restore(app: Services, chosen: BackupInfo) -> BackupInfo:
    """Replace the live database with `chosen`, after a backup of the current state (returned:
    the way back). The database is closed, overwritten through the backup API, reopened and
    migrated. Codes issued since the backup stay reserved (store.issued_codes), and so do the
    journal's event numbers (a seam, store.journal)."""
    _usable(chosen)
    # Thinned only afterwards: the new backup must not push out the one being restored.
    before = _make(app, BackupKind.PRE_RESTORE)
    device_id = app.device_id()
    lost_tip = journal.tip(app.db, device_id)
    app.db.close()
    try:
        backup.restore_into(chosen.path, app.db_path)
    finally:
        app.reopen()
    _resume_journal(app.db, device_id, lost_tip, chosen, app.now())
    _thin(app)
    return before


def _resume_journal(db: sqlite_utils.Database, device_id: str, lost_tip: tuple[int, str],
                    chosen: BackupInfo, at: datetime) -> None:
    with db.atomic():
        journal.mark_seam(db, device_id, lost_tip, at=iso(at), backup=chosen.path.name)


def _tip_of_damaged(damaged: Path, device_id: str) -> tuple[int, str] | None:
    """The device's last event in a damaged database, when that much can still be read."""
    try:
        with closing(sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)) as conn:
            return journal.tip(sqlite_utils.Database(conn), device_id)
    except sqlite3.DatabaseError:
        return None


def newest_good(data_dir: Path) -> BackupInfo | None:
    """The newest backup in the data folder that still passes its check (used when the
    database itself cannot be opened, so the mirror setting inside it is out of reach)."""
    for info in backup.listed(folder(data_dir)):
        try:
            _usable(info)
        except ServiceError:
            continue
        return info
    return None


def restore_damaged(live: Path, chosen: BackupInfo) -> Path:
    """Put the damaged database aside (renamed with the time, never deleted: support may yet
    recover something from it), then write `chosen` in its place and check that it opens.
    Returns where the damaged file went."""
    _usable(chosen)
    stamp = f"{now_vn():%Y%m%d-%H%M%S}"
    aside = live.with_name(f"{live.name}.hong-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = live.with_name(live.name + suffix)
        if part.exists():
            part.rename(aside.with_name(aside.name + suffix))
    backup.restore_into(chosen.path, live)
    db = connect(live)
    try:
        device_id = settings.load(db).get("device_id", "")
        lost_tip = _tip_of_damaged(aside, device_id)
        if lost_tip is not None:
            _resume_journal(db, device_id, lost_tip, chosen, now_vn())
    finally:
        db.close()
    return aside
