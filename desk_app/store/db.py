"""Opening the local database safely.

WAL lets the list read while a save writes; synchronous=FULL because a printed receipt must
survive a power cut; foreign keys so a document row can never outlive its dossier.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import sqlite_utils

from desk_app.core.backups import BackupKind
from desk_app.core.clock import now_vn
from desk_app.core.errors import DatabaseCorrupt, DatabaseReadOnly
from desk_app.store import backup
from desk_app.store.errors import corrupt_message, explain
from desk_app.store.migrations import MIGRATIONS, migrate

# quick_check reads every page: about 18 s for a million dossiers (5.6 GB), far too long
# before the window shows. Up to this size it costs well under a second and checks everything
# at open; beyond it the open checks the tables that decide which codes and ledger numbers
# come next (a damaged one could issue a code twice), and the whole file is checked on the
# worker after the start, by the start backup's quick_check of its page-for-page copy.
FULL_CHECK_MAX_BYTES = 256 * 2**20
_CHECKED_AT_OPEN = ("settings", "code_sequences", "ledger_sequences")


def _checks(path: Path) -> list[str]:
    """The quick_check statements to run when opening the database at `path`."""
    if not path.exists() or path.stat().st_size <= FULL_CHECK_MAX_BYTES:
        return ["PRAGMA quick_check"]
    return [f"PRAGMA quick_check({table})" for table in _CHECKED_AT_OPEN]


def connect(path: Path) -> sqlite_utils.Database:
    """Open (creating if needed), check and migrate the database at `path`."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Used by one serial worker thread at a time, never by two threads at once.
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=10)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseReadOnly(
            f"Không mở được tệp dữ liệu {path}: {exc}. Kiểm tra quyền ghi của thư mục."
        ) from exc
    try:
        db = sqlite_utils.Database(conn, execute_plugins=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        for check in _checks(path):
            result = db.execute(check).fetchone()[0]
            if result != "ok":
                raise DatabaseCorrupt(corrupt_message(path, result))
        _back_up_before_migrating(conn, path)
        migrate(db)
    except sqlite3.Error as exc:
        conn.close()
        raise explain(exc, path) from exc
    except Exception:
        conn.close()
        raise
    return db


def upgrade_pending(path: Path) -> bool:
    """Whether opening the database at `path` will migrate it: an existing file of an older
    schema. Read through a read-only connection of its own, before `connect`; anything that
    cannot be read says no (`connect` then explains it)."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        return False
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error:
        return False
    return 0 < version < len(MIGRATIONS)


def _back_up_before_migrating(conn: sqlite3.Connection, path: Path) -> None:
    """A copy of the checked file before a migration changes it: the way back if an update
    goes wrong. A new, empty file (version 0) has nothing to keep."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if 0 < version < len(MIGRATIONS):
        backup.make(conn, path.parent / backup.BACKUP_FOLDER, kind=BackupKind.PRE_MIGRATION,
                    at=now_vn())
