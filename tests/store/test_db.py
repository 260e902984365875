import sqlite3

import pytest

from desk_app.core.errors import DatabaseCorrupt, DatabaseReadOnly, StoreError
from desk_app.store.db import connect
from desk_app.store.migrations import MIGRATIONS, schema_version


def test_new_database_is_durable_and_migrated(tmp_path):
    db = connect(tmp_path / "desk.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert schema_version(db) == len(MIGRATIONS)
    assert {"dossiers", "events", "outbox", "procedures", "slips"} <= set(db.table_names())
    db.close()


def test_reopening_runs_no_migration_twice(tmp_path):
    connect(tmp_path / "desk.db").close()
    db = connect(tmp_path / "desk.db")
    assert schema_version(db) == len(MIGRATIONS)
    db.close()


def test_garbage_file_is_reported_as_corrupt(tmp_path):
    path = tmp_path / "desk.db"
    path.write_bytes(b"this is not an sqlite file" * 200)
    with pytest.raises(DatabaseCorrupt, match="bị hỏng"):
        connect(path)
    assert path.read_bytes().startswith(b"this is not")  # untouched: nothing more is lost


def test_truncated_database_is_reported_as_corrupt(tmp_path):
    path = tmp_path / "desk.db"
    db = connect(path)
    db.execute("CREATE TABLE filler (x)")
    with db.atomic():
        for i in range(2000):
            db.execute("INSERT INTO filler VALUES (?)", [str(i) * 50])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = path.read_bytes()
    path.write_bytes(data[:4096] + b"\xff" * (len(data) - 4096))
    with pytest.raises(DatabaseCorrupt):
        connect(path)


def test_unwritable_location_is_reported_clearly():
    # /proc refuses new files even to root, unlike a chmod'ed folder.
    with pytest.raises(DatabaseReadOnly, match="Kiểm tra quyền ghi"):
        connect("/proc/desk-app-test/desk.db")


def test_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "desk.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(StoreError, match="phiên bản mới hơn"):
        connect(path)


def test_events_can_be_neither_edited_nor_deleted(tmp_path):
    from tests.store.factories import insert_received_dossier

    db = connect(tmp_path / "desk.db")
    event = insert_received_dossier(db)
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        db.execute("UPDATE events SET payload = '{}' WHERE uuid = ?", [event.uuid])
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        db.execute("DELETE FROM events WHERE uuid = ?", [event.uuid])
    # Recording the hub's receive time once is the one allowed change.
    db.execute("UPDATE events SET server_time = '2026-11-23T08:00:00+07:00' WHERE uuid = ?",
               [event.uuid])
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        db.execute("UPDATE events SET server_time = '2026-11-24T08:00:00+07:00' WHERE uuid = ?",
                   [event.uuid])
    db.close()
