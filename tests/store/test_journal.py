import pytest

from desk_app.core.states import DossierState
from desk_app.store import events, journal, migrations
from desk_app.store.db import connect
from desk_app.store.events import Origin
from tests.store.factories import AT, insert_received_dossier, make_dossier
from tests.store.test_migrations import RETURNED_HISTORY, version_1_database


@pytest.fixture
def db(tmp_path):
    db = connect(tmp_path / "desk.db")
    yield db
    db.close()


def journal_of(db, n=5):
    """n events of device-1 in order, the dossier's receipt first."""
    dossier = make_dossier()
    recorded = [insert_received_dossier(db, dossier)]
    with db.atomic():
        for i in range(n - 1):
            recorded.append(events.append(
                db, dossier_uuid=dossier.uuid, kind="corrected", status=DossierState.RECEIVED,
                payload={"note": f"sửa lần {i + 1}"}, clerk="Hoa", device_id="device-1", at=AT,
            ))
    return recorded


def tamper(db, *statements):
    """What someone with the file and a SQLite shell could do."""
    db.execute("DROP TRIGGER events_immutable")
    db.execute("DROP TRIGGER events_undeletable")
    with db.atomic():
        for sql, params in statements:
            db.execute(sql, params)


def test_each_event_is_chained_to_the_previous_one_of_its_device(db):
    recorded = journal_of(db, 3)
    rows = list(db.query("SELECT prev_hash, hash FROM events ORDER BY device_seq"))
    assert rows[0]["prev_hash"] == journal.GENESIS
    assert [r["prev_hash"] for r in rows[1:]] == [r["hash"] for r in rows[:-1]]
    check = journal.verify(db)
    assert check.ok and check.events == len(recorded) == 3
    assert check.message == "OK: 3 sự kiện, chuỗi toàn vẹn"


def test_an_edited_payload_is_named(db):
    recorded = journal_of(db)
    tamper(db, ("UPDATE events SET payload = ? WHERE uuid = ?",
                ['{"note":"đã sửa trộm"}', recorded[2].uuid]))
    check = journal.verify(db)
    assert not check.ok
    assert (check.broken.event_uuid, check.broken.device_seq) == (recorded[2].uuid, 3)
    assert check.broken.problem == journal.ALTERED
    assert recorded[2].uuid in check.message and "bị sửa" in check.message


def test_an_edit_with_its_hash_recomputed_is_caught_by_the_next_link(db):
    recorded = journal_of(db)
    row = db.execute("SELECT prev_hash FROM events WHERE uuid = ?", [recorded[1].uuid]).fetchone()
    forged = {"uuid": recorded[1].uuid, "dossier_uuid": recorded[1].dossier_uuid,
              "kind": "corrected", "status": 2, "payload": {"note": "giả"}, "clerk": "Hoa",
              "device_seq": 2, "device_time": "2026-11-24T09:30:00+07:00"}
    tamper(db, ("UPDATE events SET payload = ?, hash = ? WHERE uuid = ?",
                ['{"note":"giả"}', journal.link(row[0], forged), recorded[1].uuid]))
    broken = journal.verify(db).broken
    assert (broken.event_uuid, broken.problem) == (recorded[1].uuid, journal.ALTERED)


def test_a_deleted_event_is_detected(db):
    recorded = journal_of(db)
    tamper(db, ("DELETE FROM outbox WHERE event_uuid = ?", [recorded[2].uuid]),
           ("DELETE FROM events WHERE uuid = ?", [recorded[2].uuid]))
    broken = journal.verify(db).broken
    assert broken.problem == journal.MISSING
    assert (broken.event_uuid, broken.device_seq) == (recorded[3].uuid, 4)


def test_a_deleted_event_with_the_later_ones_renumbered_is_detected(db):
    recorded = journal_of(db)
    tamper(db, ("DELETE FROM outbox WHERE event_uuid = ?", [recorded[2].uuid]),
           ("DELETE FROM events WHERE uuid = ?", [recorded[2].uuid]),
           ("UPDATE events SET device_seq = device_seq - 1 WHERE device_seq > 3", []))
    broken = journal.verify(db).broken
    assert (broken.event_uuid, broken.problem) == (recorded[3].uuid, journal.MISSING)


def test_reordered_events_are_detected(db):
    recorded = journal_of(db)
    tamper(db, ("UPDATE events SET device_seq = 100 WHERE uuid = ?", [recorded[1].uuid]),
           ("UPDATE events SET device_seq = 2 WHERE uuid = ?", [recorded[2].uuid]),
           ("UPDATE events SET device_seq = 3 WHERE uuid = ?", [recorded[1].uuid]))
    broken = journal.verify(db).broken
    assert (broken.event_uuid, broken.problem) == (recorded[2].uuid, journal.REORDERED)
    assert "đảo" in broken.message


def test_the_trigger_guards_the_chain_columns(db):
    recorded = journal_of(db, 2)
    with pytest.raises(Exception, match="immutable"):
        db.execute("UPDATE events SET hash = 'x' WHERE uuid = ?", [recorded[0].uuid])


def test_province_events_are_chained_under_their_own_device(db):
    [received] = journal_of(db, 1)
    with db.atomic():
        pulled = events.append(
            db, dossier_uuid=received.dossier_uuid, kind="result_ready",
            status=DossierState.RESULT_READY, payload={"code": "x", "note": ""}, clerk="",
            device_id="", at=AT,
            origin=Origin("0b5c7c8e-1111-4222-8333-444455556666", "province", "Sở Tư pháp", AT),
        )
    row = db.execute("SELECT prev_hash FROM events WHERE uuid = ?", [pulled.uuid]).fetchone()
    assert row[0] == journal.GENESIS  # the first of the province's chain, not after device-1
    check = journal.verify(db)
    assert check.ok and check.devices == 2


def test_the_migration_chains_events_recorded_before_it(tmp_path):
    path = tmp_path / "desk.db"
    version_1_database(path, RETURNED_HISTORY)
    db = connect(path)
    try:
        assert db.execute("SELECT COUNT(*) FROM events WHERE hash IS NULL").fetchone()[0] == 0
        check = journal.verify(db)
        assert check.ok and check.events == len(RETURNED_HISTORY)
    finally:
        db.close()


def test_long_journals_are_walked_a_page_at_a_time(db, monkeypatch):
    monkeypatch.setattr(journal, "_PAGE", 2)
    recorded = journal_of(db, 7)
    assert journal.verify(db).ok and journal.verify(db).events == 7
    tamper(db, ("UPDATE events SET clerk = 'Người khác' WHERE uuid = ?", [recorded[5].uuid]))
    assert journal.verify(db).broken.event_uuid == recorded[5].uuid


def test_the_migration_chains_across_pages(tmp_path, monkeypatch):
    monkeypatch.setattr(migrations, "_V5_PAGE", 3)
    path = tmp_path / "desk.db"
    version_1_database(path, RETURNED_HISTORY * 2)
    db = connect(path)
    try:
        assert journal.verify(db).ok
    finally:
        db.close()



def note(db, dossier_uuid, text):
    with db.atomic():
        return events.append(
            db, dossier_uuid=dossier_uuid, kind="corrected", status=DossierState.RECEIVED,
            payload={"note": text}, clerk="Hoa", device_id="device-1", at=AT)


def restore_keeping(db, kept):
    """What a restore of an older backup leaves: the first `kept` events of the log, and the
    seam after the tip that was lost."""
    lost = journal.tip(db, "device-1")
    tamper(db, ("DELETE FROM outbox WHERE event_uuid IN "
                "(SELECT uuid FROM events WHERE device_seq > ?)", [kept]),
           ("DELETE FROM events WHERE device_seq > ?", [kept]))
    with db.atomic():
        assert journal.mark_seam(db, "device-1", lost, at="2026-11-25T10:00:00+07:00",
                                 backup="desk-20261124-093000-v6-start.db")
    return lost


def test_after_a_restore_the_next_event_resumes_after_the_lost_tip(db):
    recorded = journal_of(db, 5)
    lost_seq, lost_hash = restore_keeping(db, 3)

    resumed = note(db, recorded[0].dossier_uuid, "sau khi khôi phục")

    assert resumed.device_seq == lost_seq + 1 == 6
    assert db.execute("SELECT prev_hash FROM events WHERE uuid = ?",
                      [resumed.uuid]).fetchone()[0] == lost_hash
    after = note(db, recorded[0].dossier_uuid, "tiếp theo")
    assert after.device_seq == 7
    check = journal.verify(db)
    assert check.ok
    [seam] = check.seams
    assert (seam.first_lost, seam.resumes_at) == (4, 6)
    assert "các sự kiện số 4–5" in check.message and "desk-20261124" in check.message


def test_no_seam_when_the_backup_holds_the_whole_log(db):
    journal_of(db, 3)
    lost = journal.tip(db, "device-1")
    with db.atomic():
        assert not journal.mark_seam(db, "device-1", lost, at="x", backup="b")
    assert journal.next_link(db, "device-1") == (4, lost[1])


def test_a_seam_does_not_excuse_an_edit_after_it(db):
    recorded = journal_of(db, 4)
    restore_keeping(db, 2)
    resumed = note(db, recorded[0].dossier_uuid, "sau khi khôi phục")
    with db.atomic():  # the triggers went with the restore's tampering above
        db.execute("UPDATE events SET clerk = 'Kẻ gian' WHERE uuid = ?", [resumed.uuid])
    broken = journal.verify(db).broken
    assert (broken.device_seq, broken.problem) == (5, journal.ALTERED)


def test_a_forged_seam_does_not_hide_deleted_events(db):
    """Three events deleted and a seam row made up to bridge them: the event after the gap does
    not carry a restore's seam, so the gap is reported as the deletion it is."""
    journal_of(db, 8)
    gone = db.execute("SELECT hash FROM events WHERE device_id = 'device-1' AND device_seq = 6"
                      ).fetchone()[0]
    tamper(db, ("DELETE FROM outbox WHERE event_uuid IN (SELECT uuid FROM events WHERE "
                "device_seq BETWEEN 4 AND 6)", []),
           ("DELETE FROM events WHERE device_seq BETWEEN 4 AND 6", []),
           ("INSERT INTO journal_seams (device_id, resumes_at, prev_hash, restored_at, backup) "
            "VALUES ('device-1', 7, ?, '2026-11-25T10:00:00+07:00', 'desk-x.db')", [gone]))
    check = journal.verify(db)
    assert not check.ok, check.message
    assert (check.broken.device_seq, check.broken.problem) == (7, journal.MISSING)


def test_the_event_after_a_seam_carries_it_to_the_hub(db):
    recorded = journal_of(db, 5)
    restore_keeping(db, 3)
    resumed = note(db, recorded[0].dossier_uuid, "sau khi khôi phục")
    assert resumed.payload[journal.SEAM_KEY] == {
        "first_lost": 4, "restored_at": "2026-11-25T10:00:00+07:00",
        "backup": "desk-20261124-093000-v6-start.db"}
    later = note(db, recorded[0].dossier_uuid, "tiếp theo")
    assert journal.SEAM_KEY not in later.payload


def test_a_gap_without_a_recorded_seam_is_still_reported(db):
    recorded = journal_of(db, 5)
    restore_keeping(db, 3)
    note(db, recorded[0].dossier_uuid, "sau khi khôi phục")
    db.execute("DELETE FROM journal_seams")
    broken = journal.verify(db).broken
    assert (broken.device_seq, broken.problem) == (6, journal.MISSING)
