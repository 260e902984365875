"""Opening the local database safely.

WAL lets the list read while a save writes; synchronous=FULL because a printed receipt must
survive a power cut; foreign keys so a document row can never outlive its dossier.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from desk_app.store.errors import DatabaseCorrupt, DatabaseReadOnly, corrupt_message, explain
from desk_app.store.migrations import migrate


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
        result = db.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise DatabaseCorrupt(corrupt_message(path, result))
        migrate(db)
    except sqlite3.Error as exc:
        conn.close()
        raise explain(exc, path) from exc
    except Exception:
        conn.close()
        raise
    return db
