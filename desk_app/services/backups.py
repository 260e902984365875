"""Backups as the counter uses them: made at start and every few hours, mirrored to a second
folder if one is set (a USB stick), thinned to daily/weekly/monthly generations, and restored
either from the restore dialog or, when the database is found damaged at start, before the
services can even open; and the check of the hash-chained journal.

A backup copies the whole file, which takes minutes on a large database: it reads through a
connection of its own, outside the services lock, so the clerk goes on saving while it runs
(WAL lets a reader copy a consistent snapshot while the worker writes). The digitised files go
beside it, only those the backup folder lacks (store.backup_files), and a restore copies back
those the data folder lacks.
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

import sqlite_utils

from desk_app.core import options
from desk_app.core.accounts import Permission
from desk_app.core.backups import BackupInfo, BackupKind
from desk_app.core.changes import EVERYTHING, SETTINGS
from desk_app.core.clock import iso, now_vn
from desk_app.core.errors import StoreError
from desk_app.services import witnesses
from desk_app.services.context import Access, Context, use_case
from desk_app.services.errors import ServiceError
from desk_app.store import (
    backup,
    backup_files,
    backup_rotation,
    issued_codes,
    journal,
    settings,
)
from desk_app.store.db import connect
from desk_app.store.migrations import MIGRATIONS

log = logging.getLogger(__name__)

SETTINGS_KEY = "backups"
GB = 1000 ** 3


@dataclass(frozen=True)
class BackupSettings:
    every_hours: int = 4
    mirror: str = ""  # a second folder for every backup (a USB stick); empty for none
    budget_gb: int = 0  # the disk the backups may take in each folder; 0: automatic

    def issue(self) -> str | None:
        return (options.BY_NAME["backups.every_hours"].problem(self.every_hours)
                or options.BY_NAME["backups.budget_gb"].problem(self.budget_gb))

    def budget(self, copy_size: int, files_size: int = 0) -> int:
        """In bytes, the room for database copies in a folder whose digitised files take
        `files_size`: the setting less the files (kept once for every copy, never thinned: the
        newest copy names them all), or AUTO_BUDGET_TIMES the newest copy (the database without
        its WAL's stale pages and free space: what a copy really takes) beside the files."""
        if self.budget_gb:
            return max(0, self.budget_gb * GB - files_size)
        return options.AUTO_BUDGET_TIMES * copy_size


def folder(data_dir: Path) -> Path:
    return Path(data_dir) / backup.BACKUP_FOLDER


# --- settings ----------------------------------------------------------------------------------


@use_case(Permission.BACKUPS)
def backup_settings(ctx: Context) -> BackupSettings:
    return _settings(ctx)


@use_case(Access.OPEN)
def backup_interval_hours(ctx: Context) -> int:
    """How often the app's timer backs up: the timer runs for whoever is logged in, or nobody,
    so reading it needs no permission (the rest of the settings does)."""
    return _settings(ctx).every_hours


def _settings(ctx: Context) -> BackupSettings:
    return BackupSettings(**options.group(ctx.options(), SETTINGS_KEY))


@use_case(Permission.BACKUPS, changes=SETTINGS)
def save_backup_settings(ctx: Context, values: BackupSettings) -> BackupSettings:
    problem = values.issue()
    if problem:
        raise ServiceError(problem)
    new_values = {f"{SETTINGS_KEY}.{name}": value for name, value in asdict(values).items()}
    settings.save(ctx.db, options.stored_changes(settings.load(ctx.db), new_values))
    return values


# --- making and listing ------------------------------------------------------------------------


@use_case(Access.OPEN, locked=False)
def back_up_at_start(ctx: Context) -> BackupInfo:
    """A backup at start, unless the newest in the data folder is younger than the backup
    interval (then that one): at a million dossiers a copy is 5.6 GB, and an app restarted
    several times a day would otherwise copy it at every start. Only a copy of the working
    database counts: one made before a migration or a restore holds the state before it."""
    with ctx.reading():
        every, now = timedelta(hours=_settings(ctx).every_hours), ctx.now()
    with ctx.backup_files:
        recent = backup.listed(folder(ctx.data_dir))
    if (recent and recent[0].kind in (BackupKind.START, BackupKind.PERIODIC)
            and timedelta(0) <= now - recent[0].made_at < every):
        return recent[0]
    return _back_up(ctx, BackupKind.START)


@use_case(Access.OPEN, locked=False)
def back_up_now(ctx: Context) -> BackupInfo:
    """The periodic backup (the app's timer), or one asked for by hand."""
    return _back_up(ctx, BackupKind.PERIODIC)


def _back_up(ctx: Context, kind: str) -> BackupInfo:
    """A verified backup of the live database now, copied to the mirror folder, then each
    folder thinned to its generations."""
    with ctx.reading():
        folders, now, plan = _folders(ctx), ctx.now(), _settings(ctx)
    # Never while a restore runs: thinning could delete the very backup being restored. (Taken
    # after the services lock is let go: a restore takes the two the other way round.)
    with ctx.backup_files:
        made = _make(ctx, kind, folders, now, plan)
        _thin(folders, now, plan)
    return made


def _folders(ctx: Context) -> list[Path]:
    mirror = _settings(ctx).mirror
    return [folder(ctx.data_dir), *([Path(mirror)] if mirror else [])]


def database_size(live: Path) -> int:
    """What the next copy will take: the file and what its WAL still holds."""
    return sum(part.stat().st_size for part in (live, live.with_name(live.name + "-wal"))
               if part.exists())


@use_case(Access.OPEN, locked=False)
def disk_warning(ctx: Context) -> str | None:
    """A warning for the admin when a backup folder's disk has less free space than the next
    copy and the digitised files it has not got yet need (the next backup would fail, and the
    database could not grow either). On the second folder the older copies count as room: they
    make way for the next (_make_room)."""
    with ctx.reading():
        folders = _folders(ctx)
    copy = database_size(ctx.db_path)
    for place in folders:
        try:
            room = backup.free_bytes(place)
        except OSError:
            continue  # a stick that is out: the backup logs it, the data folder still counts
        if place != folders[0]:
            room += sum(info.size for info in backup.listed(place))
        # The digitised files not in that folder yet are copied by the next backup too.
        needed = copy + backup_files.missing_size(ctx.data_dir, place)
        if room < needed:
            return (f"Ổ đĩa của thư mục sao lưu {place} sắp đầy: còn trống {_gb(room)}, bản "
                    f"sao lưu tiếp theo cần khoảng {_gb(needed)}. Hãy giải phóng chỗ trống "
                    "hoặc giảm dung lượng dành cho sao lưu trong Cài đặt.")
    return None


def _gb(size: int) -> str:
    return f"{size / GB:.1f} GB".replace(".", ",")


def _make(ctx: Context, kind: str, folders: list[Path], now: datetime,
          plan: BackupSettings) -> BackupInfo:
    """A mirror that cannot be written (the stick is out, or full even without its older
    copies) is logged; the backup in the data folder still counts."""
    try:
        source = sqlite3.connect(f"file:{ctx.db_path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"Không mở được dữ liệu để sao lưu: {exc}") from exc
    with closing(source):
        made = backup.make(source, folders[0], kind=kind, at=now)
    # The files after the copy: store.files writes a file before the row that names it, so
    # every file the copy names is on disk by now.
    backup_files.copy_missing(ctx.data_dir, folders[0])
    for extra in folders[1:]:
        try:
            _make_room(extra, made.size, plan)
            backup.copy_to(made, extra)
            backup_files.copy_missing(ctx.data_dir, extra)
        except (OSError, StoreError):
            log.warning("could not mirror the backup to %s", extra, exc_info=True)
    return made


def _make_room(place: Path, needed: int, plan: BackupSettings) -> None:
    """Room for a new copy on a second folder (a USB stick smaller than the budget): its
    oldest copies go first, so the stick holds what fits, newest first. Pre-migration copies
    stay (backup_rotation.within_budget)."""
    found = backup.listed(place)
    if not found:
        return
    free = backup.free_bytes(place)
    if free >= needed:
        return
    used = sum(info.size for info in found)
    if used + free < needed:  # too small even emptied: keep what it has (disk_warning says so)
        raise StoreError(f"{place} không đủ chỗ cho bản sao lưu mới.")
    # Room for `needed` beside what stays; the newest copy already there may go too, as the
    # new copy takes its place as the newest.
    cap = max(0, min(plan.budget(needed, backup_files.size(place)), used + free) - needed)
    keep = backup_rotation.within_budget(found, {b.path for b in found}, cap, keep_newest=False)
    for info in found:
        if info.path not in keep:
            backup.delete(info)


def _thin(folders: list[Path], now: datetime, plan: BackupSettings) -> None:
    for place in folders:
        rotate(place, now, plan)


def rotate(place: Path, now: datetime, plan: BackupSettings) -> None:
    kept = backup.listed(place)
    if not kept:
        return
    keep = backup_rotation.within_budget(kept, backup_rotation.to_keep(kept, now),
                                         plan.budget(kept[0].size, backup_files.size(place)))
    for info in kept:
        if info.path not in keep:
            backup.delete(info)


@use_case(Permission.BACKUPS)
def list_backups(ctx: Context) -> list[BackupInfo]:
    """Every verified backup in the data folder and the mirror, newest first."""
    found = [info for place in _folders(ctx) for info in backup.listed(place)]
    return backup.newest_first(found)


@use_case(Permission.VERIFY_JOURNAL)
def verify_journal(ctx: Context) -> journal.JournalCheck:
    return journal.verify(ctx.db)


# --- restoring ---------------------------------------------------------------------------------


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


@use_case(Permission.BACKUPS, changes=EVERYTHING, transaction=False)
def restore(ctx: Context, chosen: BackupInfo) -> BackupInfo:
    """Replace the live database with `chosen`, after a backup of the current state (returned:
    the way back); whoever was logged in must log in again, into the restored accounts. The
    database is closed, overwritten through the backup API, reopened and migrated. Codes
    issued since the backup stay reserved (store.issued_codes), and so do the journal's event
    numbers (a seam, store.journal)."""
    with ctx.backup_files:  # waits for a backup being copied on its own thread
        _usable(chosen)
        return _restore(ctx, chosen)


def _restore(ctx: Context, chosen: BackupInfo) -> BackupInfo:
    # Thinned only afterwards: the new backup must not push out the one being restored.
    folders, plan = _folders(ctx), _settings(ctx)
    before = _make(ctx, BackupKind.PRE_RESTORE, folders, ctx.now(), plan)
    device_id = ctx.device_id()
    lost_tip = _lost_tip(ctx.data_dir, device_id, journal.tip(ctx.db, device_id))
    ctx.db.close()
    try:
        backup.restore_into(chosen.path, ctx.db_path)
    finally:
        ctx.open()
        ctx.account = None
    _after_restore(ctx.db, ctx.data_dir, device_id, lost_tip, chosen, ctx.now())
    # After the journal's seam is marked: a disk that fills up while the files are copied
    # back (StoreError) leaves a restored database that knows what it lost.
    backup_files.copy_missing(chosen.path.parent, ctx.data_dir)
    _thin(_folders(ctx), ctx.now(), _settings(ctx))
    return before


def _after_restore(db: sqlite_utils.Database, data_dir: Path, device_id: str,
                   lost_tip: tuple[int, str] | None, chosen: BackupInfo, at: datetime) -> None:
    """The journal resumes after the events the restore lost (when their tip is known), and
    the codes issued since the backup are known lost: the admin chose the backup, so the start
    does not report them as missing (services.witnesses)."""
    with db.atomic():
        if lost_tip is not None:
            journal.mark_seam(db, device_id, lost_tip, at=iso(at), backup=chosen.path.name)
        witnesses.acknowledge(db, data_dir)


def _lost_tip(data_dir: Path, device_id: str,
              in_database: tuple[int, str] | None) -> tuple[int, str] | None:
    """The device's last event before the restore: the later of the database's tip (when it
    can be read) and the one reserved in ma-ho-so.json (the database may be gone, or its last
    transactions dropped by a damaged WAL)."""
    found = [tip for tip in (in_database, issued_codes.last_event(data_dir, device_id)) if tip]
    return max(found, default=None, key=lambda tip: tip[0])


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
        lost_tip = _lost_tip(live.parent, device_id, _tip_of_damaged(aside, device_id))
        _after_restore(db, live.parent, device_id, lost_tip, chosen, now_vn())
    finally:
        db.close()
    backup_files.copy_missing(chosen.path.parent, live.parent)  # as in _restore: after
    return aside
