import sqlite3

import pytest
import sqlite_utils

from desk_app.core.codes import sort_text
from desk_app.store import dossiers, files
from desk_app.store.db import connect
from desk_app.store.migrations import MIGRATIONS, schema_version

DOSSIER_V1 = {
    "uuid": "d-1", "code": "000.17.22.H56-261124-1001", "procedure_code": "1.004194",
    "procedure_name": "Đăng ký tạm trú", "time_value": 3, "time_unit": "working_days",
    "applicant_type": 1, "applicant_name": "Đặng Thị Ánh", "id_number": "025190012345",
    "birth_date": None, "sex": "", "phone": "0912345678", "email": "", "address": "thôn Đông",
    "request": "", "sets": 1, "channel": 1, "delivery_method": 0, "delivery_recipient": "",
    "delivery_phone": "", "delivery_address": "", "fee": 0, "notes": "",
    "received_at": "2026-11-24T09:30:00+07:00", "due_at": "2026-11-27T09:30:00+07:00",
    "status": 10, "clerk": "Nguyễn Thị Hoa", "device_id": "device-1", "ledger_book": 2026,
    "ledger_number": 1, "search_key": "",
}


RETURNED_HISTORY = [
    ("received", "2026-11-24T09:30:00+07:00", "{}"),
    ("rescheduled", "2026-11-26T10:00:00+07:00",
     '{"old_due_at":"2026-11-27T09:30:00+07:00","new_due_at":"2026-11-30T09:30:00+07:00"}'),
    ("result_ready", "2026-11-27T15:00:00+07:00", "{}"),
    ("returned", "2026-11-30T08:15:00+07:00", "{}"),
]


def version_1_database(path, history, due_at="2026-11-27T09:30:00+07:00"):
    """A database as the first release left it, with one dossier that went through `history`
    (kind, time, payload) and had its receipt printed."""
    conn = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    values = {**DOSSIER_V1, "due_at": due_at}
    conn.execute(f"INSERT INTO dossiers ({', '.join(values)}) "
                 f"VALUES ({', '.join('?' * len(values))})", list(values.values()))
    for seq, (kind, at, payload) in enumerate(history, start=1):
        conn.execute(
            "INSERT INTO events (uuid, dossier_uuid, kind, status, payload, clerk, device_id, "
            "device_seq, device_time) VALUES (?, 'd-1', ?, 2, ?, 'Hoa', 'device-1', ?, ?)",
            [f"e-{seq}", kind, payload, seq, at],
        )
    conn.execute(
        "INSERT INTO slips (uuid, dossier_uuid, kind, path, sha256, created_at, clerk) "
        "VALUES ('s-1', 'd-1', 'receipt', '/x.pdf', '00', '2026-11-24T09:31:00+07:00', 'Hoa')"
    )
    conn.commit()
    conn.close()


def test_migration_2_fills_the_new_columns_from_the_events(tmp_path):
    path = tmp_path / "desk.db"
    version_1_database(path, RETURNED_HISTORY, due_at="2026-11-30T09:30:00+07:00")
    db = connect(path)
    assert schema_version(db) == len(MIGRATIONS) >= 2
    dossier = dossiers.get(db, "d-1")
    assert dossier.original_due_at.isoformat() == "2026-11-27T09:30:00+07:00"
    assert dossier.due_at.isoformat() == "2026-11-30T09:30:00+07:00"
    assert dossier.finished_at.isoformat() == "2026-11-27T15:00:00+07:00"
    assert dossier.returned_at.isoformat() == "2026-11-30T08:15:00+07:00"
    [row] = dossiers.rows(db)
    assert row.rescheduled and row.finished_at == dossier.finished_at
    # The receipt printed before the upgrade documents the receipt event.
    assert db.execute("SELECT event_uuid FROM slips").fetchone()[0] == "e-1"
    db.close()


def test_migration_2_leaves_an_open_dossier_open(tmp_path):
    path = tmp_path / "desk.db"
    version_1_database(path, RETURNED_HISTORY[:1])
    db = connect(path)
    dossier = dossiers.get(db, "d-1")
    assert dossier.original_due_at == dossier.due_at
    assert dossier.finished_at is None and dossier.returned_at is None
    assert not dossiers.rows(db)[0].rescheduled
    db.close()


# Codes of this app's shape (3-, 4- and 5-digit sequences, several counters), of other shapes
# (a centralised system's, a malformed one) and none (a refusal at the counter).
OLD_CODES = [
    "000.17.22.H56-261124-1001", "000.17.22.H56-261124-1999", "000.17.22.H56-261124-11000",
    "000.17.22.H56-261124-11001", "000.17.22.H56-261124-112345", "000.17.22.H56-261124-2001",
    "000.17.H56-261123-9999", "000.17.22.H56-261124-AB1234", "000.17.22.H56-261124-10999",
    "X-1", "A-B-261124-1001", None,
]


def database_at(path, reached: int) -> sqlite_utils.Database:
    """A database as migration `reached` left it, with nothing in it."""
    db = sqlite_utils.Database(sqlite3.connect(path))
    for version, steps in enumerate(MIGRATIONS[:reached], start=1):
        with db.atomic():
            for step in steps:
                step(db) if callable(step) else db.execute(step)
            db.execute(f"PRAGMA user_version = {version}")
    return db


def version_9_database(path):
    """A database as migration 9 left it, with a dossier for each of OLD_CODES."""
    db = database_at(path, 9)
    with db.atomic():
        for number, code in enumerate(OLD_CODES, start=1):
            values = {**DOSSIER_V1, "uuid": f"d-{number}", "code": code,
                      "ledger_number": number}
            db.execute(f"INSERT INTO dossiers ({', '.join(values)}) "
                       f"VALUES ({', '.join('?' * len(values))})", list(values.values()))
    db.close()


def test_migration_10_fills_the_code_sort_text_as_the_app_renders_it(tmp_path):
    path = tmp_path / "desk.db"
    version_9_database(path)
    db = connect(path)
    assert schema_version(db) >= 10
    stored = dict(db.execute("SELECT code, code_sort FROM dossiers").fetchall())
    assert stored == {code: sort_text(code) for code in OLD_CODES}
    assert stored["000.17.22.H56-261124-11000"] == "0000.17.22.H56-261124-1000001000"
    assert stored[None] == ""
    assert [r[2] for r in db.execute("PRAGMA index_info(dossiers_code_sort)")] == ["code_sort"]
    db.close()


def test_migration_12_indexes_first_letters_for_the_dossiers_already_kept(tmp_path):
    path = tmp_path / "desk.db"
    version_9_database(path)
    db = sqlite_utils.Database(sqlite3.connect(path))
    for version in (10, 11):
        with db.atomic():
            for step in MIGRATIONS[version - 1]:
                db.execute(step)
            db.execute(f"PRAGMA user_version = {version}")
    db.close()
    db = connect(path)
    assert schema_version(db) >= 12
    (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'dossier_search'").fetchone()
    # Every prefix of a syllable is a list of its own: no merge of every word it begins.
    assert "prefix='1 2 3 4 5 6'" in sql
    # Today's board counts the open dossiers from an index of their own.
    assert [r[2] for r in db.execute("PRAGMA index_info(dossiers_open)")] == [
        "status", "clerk", "procedure_name", "due_at", "received_at", "code"]
    # Every dossier kept before is in the new index, by name, code tail and first letters.
    assert len(dossiers.rows(db, text="d", limit=None)) == len(OLD_CODES)
    assert len(dossiers.rows(db, text="Đặ", limit=None)) == len(OLD_CODES)
    assert [r.code for r in dossiers.rows(db, text="11000")] == ["000.17.22.H56-261124-11000"]
    # The triggers of migration 9 write to the new index.
    with db.atomic():
        db.execute("UPDATE dossiers SET applicant_name = 'Bùi Thị Ước' WHERE code = 'X-1'")
    assert [r.code for r in dossiers.rows(db, text="bu")] == ["X-1"]
    assert len(dossiers.rows(db, text="đặng thị á", limit=None)) == len(OLD_CODES) - 1
    db.close()


def test_migration_13_reads_lines_kept_before_as_not_digitised(tmp_path):
    from desk_app.core.model import Digitisation

    path = tmp_path / "desk.db"
    version_9_database(path)
    db = sqlite_utils.Database(sqlite3.connect(path))
    for version in (10, 11, 12):
        with db.atomic():
            for step in MIGRATIONS[version - 1]:
                db.execute(step)
            db.execute(f"PRAGMA user_version = {version}")
        db.execute("INSERT OR IGNORE INTO dossier_documents VALUES ('d-1', 1, 'Tờ khai', 1, 1, 1, "
                   "0, 0)")
    db.conn.commit()
    db.close()
    db = connect(path)
    assert schema_version(db) >= 13
    [line] = dossiers.get(db, "d-1").draft.documents
    assert (line.name, line.digitisation, line.file, line.pages, line.reused_from) == (
        "Tờ khai", Digitisation.PENDING, "", 0, "")
    assert {"files", "dossier_files", "file_views"} <= set(db.table_names())
    db.close()


def test_migration_15_reads_the_uses_of_files_recorded_before_as_views(tmp_path):
    path = tmp_path / "desk.db"
    db = database_at(path, 14)
    db.execute("INSERT INTO file_views (sha256, dossier_uuid, document, clerk, at) "
               "VALUES ('a', 'd-1', 'CCCD', 'Lan', '2026-12-01T08:00:00+07:00')")
    db.conn.commit()
    db.close()
    db = connect(path)
    [view] = files.views(db, "d-1")
    assert (view.document, view.action) == ("CCCD", "view")
    with pytest.raises(sqlite3.IntegrityError):
        files.record_view(db, "a", "d-1", "CCCD", "Lan", "2026-12-01T08:00:00+07:00", "mail")
    db.close()


def test_migration_16_keeps_the_files_queued_and_lets_one_be_given_up(tmp_path):
    from desk_app.store import file_queue

    path = tmp_path / "desk.db"
    db = database_at(path, 15)
    queued = [("a" * 64, 1000, "sent", 0, None, "2026-12-04T09:00:00+07:00", None),
              ("b" * 64, 2000, "quarantined", 3, "refused", "2026-12-04T09:01:00+07:00",
               "2026-12-04T10:00:00+07:00")]
    db.conn.executemany("INSERT INTO file_uploads (sha256, size, state, attempts, last_error, "
                        "queued_at, quarantined_at) VALUES (?, ?, ?, ?, ?, ?, ?)", queued)
    db.conn.commit()
    db.close()
    db = connect(path)
    assert schema_version(db) >= 16
    assert db.execute("SELECT sha256, size, state, attempts, last_error, queued_at, "
                      "quarantined_at FROM file_uploads ORDER BY rowid").fetchall() == queued
    with db.atomic():
        assert file_queue.discard(db, "b" * 64)
    assert file_queue.state_of(db, "b" * 64) == file_queue.DISCARDED
    assert [r[2] for r in db.execute("PRAGMA index_info(file_uploads_state)")] == [
        "state", "queued_at"]
    db.close()
