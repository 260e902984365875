"""The database compared at open with what outside it shows was issued: a WAL whose last frame
a failing disk damaged opens without the last dossier, and the witnesses (ma-ho-so.json, the
kept receipts) name it."""

import dataclasses
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from desk_app.core.codes import make_code
from desk_app.services.app import DB_FILE, Services
from desk_app.services.demo import DEMO_SETUP
from desk_app.services.errors import ValidationFailed
from desk_app.services.witnesses import REUSE_FIELD, REUSED_KEY
from desk_app.store import settings
from desk_app.store.issued_codes import SLIP_FOLDER, WATERMARK_FILE
from tests.accounts import ADMIN_NAME, ADMIN_USERNAME, PASSWORD, log_in_again
from tests.services.factories import full_draft

WAL_HEADER, FRAME_HEADER, PAGE = 32, 24, 4096


def receive(services, n):
    return [services.receive(full_draft(services), accept_warnings=True) for _ in range(n)]


def copy_while_open(services, target):
    """The data folder as a power cut would leave it: the database and its WAL as they are on
    disk while the connection is still open."""
    shutil.copytree(services.data_dir, target)
    return target


def damage_frame(wal, offset=None):
    """Flip bytes in the page of the frame at `offset` (the last frame of the current log if
    None), as a failing disk would: its checksum no longer matches, so SQLite ends the log
    before that frame's transaction and every later one, and says nothing. Returns whether
    there was such a frame."""
    data = bytearray(wal.read_bytes())
    if offset is None:
        offset = last_frame(data)
        if offset is None:
            return False
    assert WAL_HEADER <= offset < len(data)
    for at in range(offset + FRAME_HEADER + 100, offset + FRAME_HEADER + 110):
        data[at] ^= 0xFF
    wal.write_bytes(bytes(data))
    return True


def last_frame(data):
    """The offset of the last frame of the log now in use: after a checkpoint SQLite writes
    the log again from the start with new salts, and older frames stay behind it."""
    salts, found = data[16:24], None
    offset = WAL_HEADER
    while offset + FRAME_HEADER + PAGE <= len(data) and data[offset + 8:offset + 16] == salts:
        found, offset = offset, offset + FRAME_HEADER + PAGE
    return found


def opened_after(damaged):
    opened = Services(damaged)
    log_in_again(opened)
    return opened


def test_a_damaged_last_wal_frame_is_named_as_a_missing_code(services, tmp_path):
    services.db.execute("PRAGMA wal_autocheckpoint=0")  # every commit stays in the WAL
    received = receive(services, 42)
    damaged = copy_while_open(services, tmp_path / "after-power-cut")
    damage_frame(damaged / f"{DB_FILE}-wal")

    opened = opened_after(damaged)
    try:
        assert len(opened.dossier_rows(limit=None)) == 41  # what SQLite opens, without a word
        assert opened.missing_codes() == [received[-1].code]
        opened.acknowledge_missing_codes()  # the admin was told and chose to go on
        assert opened.missing_codes() == []
    finally:
        opened.close()


def test_a_kept_receipt_names_its_lost_dossier_without_the_witness_file(services, tmp_path):
    services.db.execute("PRAGMA wal_autocheckpoint=0")
    receive(services, 41)
    wal = services.db_path.with_name(f"{DB_FILE}-wal")
    last_transactions = wal.stat().st_size
    (lost,) = receive(services, 1)
    services.receipt_pdf(lost.uuid)
    damaged = copy_while_open(services, tmp_path / "after-power-cut")
    (damaged / WATERMARK_FILE).unlink()
    damage_frame(damaged / f"{DB_FILE}-wal", last_transactions)

    opened = opened_after(damaged)
    try:
        assert len(opened.dossier_rows(limit=None)) == 41
        assert opened.missing_codes() == [lost.code]
    finally:
        opened.close()


def test_a_restore_is_not_reported_as_missing_codes(services):
    receive(services, 2)
    made = services.back_up_now()
    receive(services, 2)
    services.restore(made)
    log_in_again(services)
    assert services.missing_codes() == []
    assert (services.data_dir / WATERMARK_FILE).exists()


def lost_database(services, clock):
    """The database deleted; the witnesses (ma-ho-so.json) stay in the folder."""
    data = services.data_dir
    services.close()
    for part in data.glob(f"{DB_FILE}*"):
        part.unlink()
    return Services(data, clock=clock)


def test_a_new_setup_may_reuse_issued_codes_only_by_the_admins_recorded_choice(services,
                                                                               clock):
    last = receive(services, 3)[-1].code
    fresh = lost_database(services, clock)
    try:
        with pytest.raises(ValidationFailed) as refused:
            fresh.first_run(DEMO_SETUP, ADMIN_USERNAME, ADMIN_NAME, PASSWORD)
        [issue] = refused.value.issues
        assert issue.field == REUSE_FIELD and last in issue.message
        assert fresh.counter_setup() is None  # nothing saved

        fresh.first_run(DEMO_SETUP, ADMIN_USERNAME, ADMIN_NAME, PASSWORD, reuse_issued=True)

        [choice] = settings.load(fresh.db)[REUSED_KEY]
        assert (choice["by"], choice["last_code"]) == (ADMIN_USERNAME, last)
        assert receive(fresh, 1)[0].code.endswith("-1004")  # still after the last one issued
    finally:
        fresh.close()
    other = dataclasses.replace(DEMO_SETUP, counter_number=2)
    another = lost_database(Services(services.data_dir, clock=clock), clock)
    try:
        another.first_run(other, ADMIN_USERNAME, ADMIN_NAME, PASSWORD)  # a number never used
    finally:
        another.close()


def test_events_a_damaged_wal_dropped_are_not_numbered_again(services, tmp_path):
    """The hub may hold the dropped event: the chain resumes after the tip reserved in
    ma-ho-so.json, as after a restore, and says so."""
    services.db.execute("PRAGMA wal_autocheckpoint=0")
    receive(services, 3)
    lost_seq, lost_hash = services.db.execute(
        "SELECT device_seq, hash FROM events ORDER BY device_seq DESC LIMIT 1").fetchone()
    damaged = copy_while_open(services, tmp_path / "after-power-cut")
    damage_frame(damaged / f"{DB_FILE}-wal")

    opened = opened_after(damaged)
    try:
        (after,) = receive(opened, 1)
        seq, prev = opened.db.execute(
            "SELECT device_seq, prev_hash FROM events WHERE dossier_uuid = ?",
            [after.uuid]).fetchone()
        assert (seq, prev) == (lost_seq + 1, lost_hash)
        check = opened.verify_journal()
        assert check.ok and "mất tệp" in check.message and f"số {lost_seq}" in check.message
    finally:
        opened.close()


def test_at_start_only_the_slips_of_the_newest_months_are_read(services):
    """A large counter keeps millions of receipts: listing them all took 8.7 s at 200,000
    dossiers (bench/witness_check.py) at every start. A database behind its witnesses lost
    its newest dossiers, whose receipts are filed from the newest month it holds on."""
    receive(services, 2)
    agency = services.counter_setup().agency_code
    today = services.now().date()
    recent = make_code(agency, today, 9, 1)
    old = make_code(agency, date(2024, 3, 5), 9, 1)
    for code, month in ((recent, f"{today:%Y/%m}"), (old, "2024/03")):
        folder = services.data_dir / "phieu" / month
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{code}-tiep-nhan.pdf").write_bytes(b"%PDF-1.4")
    assert services.missing_codes() == [str(recent)]


def slip_month_listings(monkeypatch) -> list[Path]:
    """Every listing of a month folder of kept slips (phieu/YYYY/MM) from now on."""
    listed = []
    real_glob = Path.glob

    def glob(self, pattern, *args, **kwargs):
        if self.parent.parent.name == SLIP_FOLDER:
            listed.append(self)
        return real_glob(self, pattern, *args, **kwargs)

    monkeypatch.setattr(Path, "glob", glob)
    return listed


def test_receipts_read_the_month_s_slips_once_not_at_every_receipt(services, monkeypatch):
    # A busy counter keeps thousands of slips a month: listing them took milliseconds of
    # every receipt (issue 13). The receipts this process prints keep what it read valid.
    (first,) = receive(services, 1)
    services.receipt_pdf(first.uuid)  # the month's folder made
    listed = slip_month_listings(monkeypatch)
    for _ in range(3):
        (dossier,) = receive(services, 1)
        services.receipt_pdf(dossier.uuid)
    assert len(listed) == 1


def test_a_slip_folder_put_back_while_the_app_runs_is_read_before_the_next_code(
        services, tmp_path):
    for _ in range(2):  # the second with the month's slips already read
        (first,) = receive(services, 1)
        month = services.receipt_pdf(first.uuid).parent
    # The month's slips put back from a copy that also holds the receipt of a code this
    # database and ma-ho-so.json never saw (say, both restored from older copies): a copy
    # keeps the folders' times, as copying tools do.
    copy = tmp_path / "usb" / month.name
    shutil.copytree(month, copy)
    later = make_code(first.code.split("-")[0], services.now().date(), 1, 7)
    (copy / f"{later}-receipt.pdf").write_bytes(b"%PDF-1.4")
    os.utime(copy, (1_600_000_000, 1_600_000_000))
    shutil.rmtree(month)
    shutil.copytree(copy, month)
    (after,) = receive(services, 1)
    assert after.code == str(make_code(later.agency, later.day, later.counter, 8))


def test_a_receipt_reserves_its_code_ledger_line_and_event_in_one_durable_write(
        services, monkeypatch):
    # Each write of ma-ho-so.json costs two fsyncs (the file, then its folder for the rename);
    # the code and ledger line, then the journal's tip, were two writes.
    receive(services, 1)
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    receive(services, 2)
    assert len(synced) == 2 * 2
