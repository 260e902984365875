"""Backup copies of the database, made with SQLite's online backup API.

A file copy of a database in WAL mode can miss what the WAL still holds, or catch a page
half-written; the backup API copies a consistent snapshot while the app keeps working. Each copy
is switched out of WAL (one self-contained file a clerk can carry on a USB stick), checked with
quick_check, and only then given its sidecar JSON: a copy without a sidecar never counts as a
backup, so a copy interrupted by a power cut is never offered for a restore.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from desk_app.core.backups import BackupInfo, BackupKind
from desk_app.core.clock import iso, parse_iso
from desk_app.core.errors import DatabaseCorrupt, StoreError

BACKUP_FOLDER = "sao-luu"
_SUFFIX = ".db"
_SIDECAR = ".json"


def file_name(made_at: datetime, schema_version: int, kind: str) -> str:
    return f"desk-{made_at:%Y%m%d-%H%M%S}-v{schema_version}-{kind}{_SUFFIX}"


def sidecar(path: Path) -> Path:
    return path.with_suffix(_SIDECAR)


def make(source: sqlite3.Connection, folder: Path, *, kind: str, at: datetime) -> BackupInfo:
    """Copy the database open on `source` into `folder`, verify the copy and describe it."""
    if kind not in set(BackupKind):  # a set: Python 3.11's `in` on the enum refuses a str
        raise ValueError(f"unknown backup kind {kind!r}")
    version = source.execute("PRAGMA user_version").fetchone()[0]
    path = _free_path(folder, file_name(at, version, kind))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(str(path))
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        return _describe(path, kind=kind, at=at)
    except (OSError, sqlite3.Error, StoreError) as exc:
        _remove(path)
        raise StoreError(f"Không sao lưu được vào {folder}: {exc}") from exc


def copy_to(info: BackupInfo, folder: Path) -> BackupInfo:
    """A second copy of a finished backup (a closed single file, so a plain copy is safe)."""
    path = _free_path(folder, info.path.name)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(info.path, path)
        return _describe(path, kind=info.kind, at=info.made_at)
    except (OSError, sqlite3.Error, StoreError) as exc:
        _remove(path)
        raise StoreError(f"Không chép được bản sao lưu sang {folder}: {exc}") from exc


def _remove(path: Path) -> None:
    """Clear away a failed copy; a folder that cannot be reached has nothing to clear."""
    for part in (sidecar(path), path):
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)


def newest_first(backups: list[BackupInfo]) -> list[BackupInfo]:
    """By time made; of two made in the same second, the later copy has the longer name
    (desk-…-start-2.db after desk-…-start.db)."""
    return sorted(backups, key=lambda b: (b.made_at, len(Path(b.path).name), Path(b.path).name),
                  reverse=True)


def _free_path(folder: Path, name: str) -> Path:
    path, n = folder / name, 1
    while path.exists():
        n += 1
        path = folder / name.replace(_SUFFIX, f"-{n}{_SUFFIX}")
    return path


def _describe(path: Path, *, kind: str, at: datetime) -> BackupInfo:
    """Check the copy, then write its sidecar last: the sidecar is the mark of a good copy."""
    check(path)
    conn = _read_only(path)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        has_dossiers = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'dossiers'"
        ).fetchone()
        count, last_code = 0, ""
        if has_dossiers:
            count = conn.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0]
            row = conn.execute(
                "SELECT code FROM dossiers ORDER BY received_at DESC, code DESC LIMIT 1"
            ).fetchone()
            last_code = row[0] if row else ""
    finally:
        conn.close()
    info = BackupInfo(path, at, kind, count, last_code, version, path.stat().st_size)
    sidecar(path).write_text(json.dumps({
        "made_at": iso(at), "kind": kind, "dossiers": count, "last_code": last_code,
        "schema_version": version, "size": info.size, "quick_check": "ok",
    }, ensure_ascii=False, indent=1), "utf-8")
    return info


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def check(path: Path) -> None:
    """Raise DatabaseCorrupt unless the file at `path` passes quick_check."""
    try:
        conn = _read_only(path)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        result = str(exc)
    if result != "ok":
        raise DatabaseCorrupt(f"Bản sao lưu {path.name} bị hỏng ({result}).")


def listed(folder: Path) -> list[BackupInfo]:
    """The verified backups in `folder`, newest first (none if it is not there: a stick out)."""
    if not folder.is_dir():
        return []
    found = []
    for meta in folder.glob(f"desk-*{_SIDECAR}"):
        path = meta.with_suffix(_SUFFIX)
        try:
            data = json.loads(meta.read_text("utf-8"))
            size = path.stat().st_size
            info = BackupInfo(path, parse_iso(data["made_at"]), data["kind"], data["dossiers"],
                              data["last_code"], data["schema_version"], size)
        except (OSError, ValueError, KeyError, TypeError):
            continue  # an unreadable sidecar or a copy gone missing is not a backup
        if size == data.get("size"):
            found.append(info)
    return newest_first(found)


def free_bytes(folder: Path) -> int:
    """The free space on the disk that holds `folder` (or would hold it, once made)."""
    place = folder
    while not place.exists() and place.parent != place:
        place = place.parent
    return shutil.disk_usage(place).free


def delete(info: BackupInfo) -> None:
    sidecar(info.path).unlink(missing_ok=True)  # first: a copy without one is not listed
    info.path.unlink(missing_ok=True)


def restore_into(backup: Path, live: Path) -> None:
    """Write the backup's content over the live database with the backup API, which goes
    through the live file's own journal (no stale WAL can be replayed over the result)."""
    check(backup)
    source = _read_only(backup)
    try:
        target = sqlite3.connect(str(live))
        try:
            source.backup(target)
        finally:
            target.close()
    except sqlite3.Error as exc:
        raise StoreError(f"Không khôi phục được từ {backup.name}: {exc}") from exc
    finally:
        source.close()
