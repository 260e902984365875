"""The counter's sync state in its database: the migration that brings the outbox its new
states, a pulled page applied with its cursor all or nothing, and applied only once."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
import sqlite_utils

from desk_app.core.clock import now_vn
from desk_app.services import province_events
from desk_app.store import outbox, sync_state
from desk_app.store.migrations import MIGRATIONS, migrate
from tests.sync.counter_side import new_counter, receive


def test_the_migration_keeps_the_queue_in_order_and_its_states(tmp_path):
    db = sqlite_utils.Database(sqlite3.connect(tmp_path / "old.db"))
    db.execute("PRAGMA foreign_keys=ON")
    for statement in [*MIGRATIONS[0], *MIGRATIONS[1]]:
        db.execute(statement)
    db.execute("PRAGMA user_version = 2")
    dossier = str(uuid.uuid4())
    db.execute(
        "INSERT INTO dossiers (uuid, code, procedure_code, procedure_name, time_value, "
        "time_unit, applicant_type, applicant_name, id_number, sex, phone, email, address, "
        "request, sets, channel, delivery_method, delivery_recipient, delivery_phone, "
        "delivery_address, fee, notes, received_at, due_at, status, clerk, device_id, "
        "ledger_book, ledger_number, search_key) VALUES (?, 'X-1', '1.1', 'T', 1, "
        "'working_days', 1, 'A', '', 'Nam', '', '', '', '', 1, 1, 0, '', '', '', 0, '', "
        "'2026-11-20T08:00:00+07:00', '2026-11-21T08:00:00+07:00', 2, 'B', 'd', 2026, 1, '')",
        [dossier])
    uuids = [str(uuid.uuid4()) for _ in range(3)]
    for seq, (event, state) in enumerate(zip(uuids, ["sent", "pending", "quarantined"],
                                             strict=True), start=1):
        db.execute("INSERT INTO events (uuid, dossier_uuid, kind, status, payload, clerk, "
                   "device_id, device_seq, device_time) VALUES (?, ?, 'received', 2, '{}', "
                   "'B', 'd', ?, '2026-11-20T08:00:00+07:00')", [event, dossier, seq])
        db.execute("INSERT INTO outbox (event_uuid, state, last_error, queued_at) "
                   "VALUES (?, ?, ?, '2026-11-20T08:00:00+07:00')",
                   [event, state, "lý do" if state == "quarantined" else None])

    migrate(db)

    rows = db.execute("SELECT event_uuid, state, last_error FROM outbox ORDER BY rowid").fetchall()
    assert rows == [(uuids[0], "sent", None), (uuids[1], "pending", None),
                    (uuids[2], "quarantined", "lý do")]
    assert outbox.discard(db, uuids[2])
    assert sync_state.load(db).pull_cursor == 0 and sync_state.token(db) is None
    db.close()


@pytest.fixture
def counter(tmp_path):
    services = new_counter(tmp_path / "counter")
    yield services
    services.close()


def page(counter, dossier) -> list[dict]:
    at = now_vn().isoformat()
    return [
        {"seq": 7, "type": "calendar", "data": {"day": "2027-02-13", "kind": "work",
                                                 "note": "Làm bù"}},
        {"seq": 8, "type": "event", "data": {
            "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, dossier.uuid)),
            "dossier_uuid": dossier.uuid, "kind": "result_ready", "status": 9,
            "payload": {"code": dossier.code, "note": "Đã ký"}, "clerk": "Sở Tư pháp",
            "device_seq": 0, "device_time": at}},
    ]


def test_a_page_and_its_cursor_are_applied_together_or_not_at_all(counter, monkeypatch):
    dossier = receive(counter, 1)[0]

    def crash(*_args):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(sync_state, "set_cursor", crash)
    with counter.ctx.lock, pytest.raises(sqlite3.OperationalError):
        province_events.apply_page(counter.ctx, page(counter, dossier), 8)

    assert counter.history(dossier.uuid)[-1].kind == "received"
    assert counter.db.execute("SELECT COUNT(*) FROM calendar_overrides").fetchone()[0] == 0
    assert sync_state.load(counter.db).pull_cursor == 0


def test_a_page_applied_twice_changes_nothing_the_second_time(counter):
    dossier = receive(counter, 1)[0]
    with counter.ctx.lock:
        assert province_events.apply_page(counter.ctx, page(counter, dossier), 8)
        province_events.apply_page(counter.ctx, page(counter, dossier), 8)

    history = counter.history(dossier.uuid)
    assert [e.kind for e in history] == ["received", "result_ready"]
    assert history[-1].uuid == page(counter, dossier)[1]["data"]["uuid"]
    assert sync_state.problems(counter.db) == []
    assert outbox.count(counter.db, outbox.PENDING) == 1  # only the counter's own receipt
    assert sync_state.load(counter.db).pull_cursor == 8
