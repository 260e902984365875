import sqlite3
import threading
from contextlib import closing
from datetime import timedelta

import pytest

from desk_app.core.backups import BackupKind
from desk_app.core.errors import StoreError
from desk_app.services import backups
from desk_app.services.app import Services
from desk_app.services.errors import ServiceError
from desk_app.store import backup, backup_files
from desk_app.store.issued_codes import WATERMARK_FILE
from tests.accounts import log_in_again
from tests.services.factories import full_draft


def receive(services, n):
    return [services.receive(full_draft(services), accept_warnings=True).code for _ in range(n)]


def codes(services):
    return sorted(row.code for row in services.dossier_rows(limit=None))


def test_backup_and_restore_round_trip(services, clock):
    kept = receive(services, 3)
    made = services.back_up_now()
    assert (made.dossiers, made.last_code, made.kind) == (3, kept[-1], BackupKind.PERIODIC)
    clock.now += timedelta(minutes=5)
    receive(services, 2)

    before = services.restore(made)

    log_in_again(services)

    assert codes(services) == sorted(kept)
    assert before.kind == BackupKind.PRE_RESTORE and before.dossiers == 5
    assert [b.path for b in services.list_backups()] == [before.path, made.path]
    assert services.verify_journal().ok


def test_a_restore_never_hands_out_a_code_again(services, clock):
    receive(services, 3)
    made = services.back_up_now()
    issued = receive(services, 2)
    assert issued[-1].endswith("-1005")
    services.restore(made)
    log_in_again(services)
    assert services.receive(full_draft(services), accept_warnings=True).code.endswith("-1006")


def test_printed_receipts_keep_their_codes_even_without_the_watermark_file(services):
    for dossier_uuid in [services.receive(full_draft(services), accept_warnings=True).uuid
                         for _ in range(2)]:
        services.receipt_pdf(dossier_uuid)
    made = services.back_up_now()
    later = services.receive(full_draft(services), accept_warnings=True)
    services.receipt_pdf(later.uuid)
    (services.data_dir / WATERMARK_FILE).unlink()
    services.restore(made)
    log_in_again(services)
    fresh = services.receive(full_draft(services), accept_warnings=True)
    assert fresh.code.endswith("-1004")


def test_the_ledger_line_is_not_reused_either(services):
    receive(services, 2)
    made = services.back_up_now()
    latest = services.receive(full_draft(services), accept_warnings=True)
    services.restore(made)
    log_in_again(services)
    after = services.receive(full_draft(services), accept_warnings=True)
    assert after.ledger.number == latest.ledger.number + 1


def test_a_code_the_witness_file_cannot_hold_is_not_issued(services):
    """The number is reserved in ma-ho-so.json before the commit, or the dossier is not
    saved: a committed code the file does not know would come back after a restore."""
    kept = receive(services, 2)
    made = services.back_up_now()
    blocked = services.data_dir / "ma-ho-so.tmp"  # where the file is written before the rename
    blocked.mkdir()
    issued = []
    with pytest.raises(StoreError, match="ma-ho-so.json"):
        issued.append(services.receive(full_draft(services), accept_warnings=True).code)
    assert codes(services) == sorted(kept)
    blocked.rmdir()
    services.restore(made)
    log_in_again(services)
    issued += receive(services, 2)
    assert len(set(kept + issued)) == len(kept + issued)


def test_an_apology_letters_number_is_not_given_again_after_a_restore(services):
    first, second = (services.receive(full_draft(services), accept_warnings=True)
                     for _ in range(2))
    made = services.back_up_now()
    signed = services.apologise(first.uuid, "Chờ xác minh nơi cư trú", extra_working_days=2)
    services.restore(made)
    log_in_again(services)
    another = services.apologise(second.uuid, "Chờ ý kiến cơ quan khác", extra_working_days=3)
    assert (signed.document_number, another.document_number) == ("01/VBXL", "02/VBXL")


def test_backups_are_mirrored_to_a_second_folder(services, tmp_path):
    stick = tmp_path / "usb"
    services.save_backup_settings(backups.BackupSettings(every_hours=2, mirror=str(stick)))
    made = services.back_up_at_start()
    [copy] = backup.listed(stick)
    assert copy.path.name == made.path.name and copy.kind == BackupKind.START
    assert len(services.list_backups()) == 2


def test_a_missing_mirror_does_not_stop_the_backup(services, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    services.save_backup_settings(backups.BackupSettings(mirror=str(blocker / "sub")))
    made = services.back_up_now()
    assert made.path.exists()


def test_backup_settings_are_checked(services):
    with pytest.raises(ServiceError, match="1 đến 168"):
        services.save_backup_settings(backups.BackupSettings(every_hours=0))
    assert services.backup_settings() == backups.BackupSettings()


def test_backups_are_thinned_as_days_go_by(services, clock):
    services.save_backup_settings(backups.BackupSettings(budget_gb=1))  # more than 20 copies
    for _ in range(20):
        services.back_up_now()
        clock.now += timedelta(days=1)
    assert len(services.list_backups()) < 20
    days = [b.made_at.date() for b in services.list_backups()]
    assert days[:7] == [clock.now.date() - timedelta(days=n) for n in range(1, 8)]


def test_a_damaged_database_is_set_aside_and_the_newest_good_backup_put_back(services, clock):
    kept = receive(services, 3)
    services.back_up_now()
    older = services.list_backups()[0]
    clock.now += timedelta(hours=1)
    newest = services.back_up_now()
    newest.path.write_bytes(b"\0" * newest.size)  # the newest copy went bad on disk
    data, live = services.data_dir, services.db_path
    services.close()
    with open(live, "r+b") as f:  # a damaged sector in the middle of the file
        f.seek(live.stat().st_size // 2)
        f.write(b"\xde\xad" * 2000)

    chosen = backups.newest_good(data)
    assert chosen.path == older.path
    aside = backups.restore_damaged(live, chosen)

    assert aside.exists() and aside.name.startswith("desk.db.hong-")
    reopened = Services(data)
    try:
        log_in_again(reopened)
        assert codes(reopened) == sorted(kept)
    finally:
        reopened.close()


def test_a_backup_from_a_newer_version_is_refused(services):
    made = services.back_up_now()
    newer = made.__class__(made.path, made.made_at, made.kind, made.dossiers, made.last_code,
                           made.schema_version + 1, made.size)
    with pytest.raises(ServiceError, match="mới hơn"):
        services.restore(newer)


def own_events(services):
    return services.db.execute(
        "SELECT device_seq, prev_hash, hash FROM events WHERE device_id = ? "
        "ORDER BY device_seq", [services.device_id()]).fetchall()


def test_after_a_restore_event_numbers_run_on_from_the_lost_ones(services, clock):
    receive(services, 3)
    made = services.back_up_now()
    receive(services, 2)
    lost_seq, _, lost_hash = own_events(services)[-1]
    services.restore(made)
    log_in_again(services)

    receive(services, 1)

    assert [seq for seq, *_ in own_events(services)] == [1, 2, 3, lost_seq + 1]
    assert own_events(services)[-1][1] == lost_hash  # chained to the event the hub holds
    check = services.verify_journal()
    assert check.ok and [(s.first_lost, s.resumes_at) for s in check.seams] == [(4, 6)]


def test_a_restore_over_a_damaged_file_that_still_reads_keeps_the_numbers(services):
    receive(services, 2)
    made = services.back_up_now()
    receive(services, 2)
    data, live = services.data_dir, services.db_path
    services.close()

    backups.restore_damaged(live, made)

    reopened = Services(data)
    try:
        with reopened.db.atomic():
            seam = reopened.db.execute("SELECT resumes_at FROM journal_seams").fetchall()
        assert seam == [(5,)]
    finally:
        reopened.close()


def test_a_lost_database_restored_from_a_backup_keeps_the_event_numbers(services):
    """The database itself is gone: the event numbers issued since the backup are known from
    ma-ho-so.json, so the next event does not take a number the hub may hold already."""
    receive(services, 2)
    made = services.back_up_now()
    receive(services, 2)
    lost_seq, _, lost_hash = own_events(services)[-1]
    data, live = services.data_dir, services.db_path
    services.close()
    live.unlink()

    backups.restore_damaged(live, made)

    reopened = Services(data)
    try:
        log_in_again(reopened)
        receive(reopened, 1)
        assert own_events(reopened)[-1][:2] == (lost_seq + 1, lost_hash)
        assert reopened.verify_journal().ok
    finally:
        reopened.close()


def slow_copies(monkeypatch):
    """Backups that stop in their copy until the test lets them go: (copying, finish, the real
    backup.make)."""
    copying, finish = threading.Event(), threading.Event()
    real_make = backup.make

    def slow_make(*args, **kwargs):
        copying.set()
        assert finish.wait(10)
        return real_make(*args, **kwargs)

    monkeypatch.setattr(backup, "make", slow_make)
    return copying, finish, real_make


def test_the_clerk_saves_while_a_backup_copies(services, monkeypatch):
    """A backup copies through its own connection, outside the services lock: a save made
    meanwhile (on another thread, as the database worker would) does not wait for the copy."""
    copying, finish, _ = slow_copies(monkeypatch)
    draft = full_draft(services)
    made = []
    backing_up = threading.Thread(target=lambda: made.append(services.back_up_now()))
    backing_up.start()
    assert copying.wait(5)
    saved = []
    saving = threading.Thread(target=lambda: saved.append(
        services.receive(draft, accept_warnings=True)))
    saving.start()
    saving.join(5)
    finished_before_the_copy = bool(saved)
    finish.set()
    backing_up.join(10)
    saving.join(10)
    assert finished_before_the_copy, "the save waited for the backup's copy"
    assert made and made[0].path.exists()


def test_a_restore_waits_for_a_backup_being_copied(services, monkeypatch):
    """A backup copies and thins its folder outside the services lock; a restore meanwhile
    waits for it, so the thinning can never delete the backup being restored."""
    chosen = services.back_up_now()
    copying, finish, real_make = slow_copies(monkeypatch)
    backing_up = threading.Thread(target=services.back_up_now)
    backing_up.start()
    assert copying.wait(5)
    monkeypatch.setattr(backup, "make", real_make)
    restoring = threading.Thread(target=lambda: services.restore(chosen))
    restoring.start()
    restoring.join(1)
    waited = restoring.is_alive()
    finish.set()
    backing_up.join(10)
    restoring.join(10)
    assert waited, "the restore ran while the backup was being copied"
    assert not restoring.is_alive() and chosen.path.exists()


def sizes(place):
    return sum(info.size for info in backup.listed(place))


def test_the_kept_backups_stay_within_the_disk_budget(services, clock):
    """Automatic budget: three times the database. Over it the oldest generations go; the
    newest copy and a pre-migration copy stay."""
    data_folder = backups.folder(services.data_dir)
    with closing(sqlite3.connect(services.db_path)) as source:
        before_update = backup.make(source, data_folder, kind=BackupKind.PRE_MIGRATION,
                                    at=clock.now)
    for _ in range(8):
        clock.now += timedelta(days=1)
        receive(services, 1)
        newest = services.back_up_now()
    kept = backup.listed(data_folder)
    assert kept[0].path == newest.path and before_update.path in {b.path for b in kept}
    assert sizes(data_folder) <= 3 * newest.size  # each copy is at most the newest's size
    assert len(kept) < 9  # without a budget all 8 days and the pre-migration copy stay


def test_a_restore_from_the_oldest_copy_the_budget_kept_reuses_no_code_or_event(
        services, clock):
    issued = []
    for _ in range(6):
        clock.now += timedelta(days=1)
        issued += receive(services, 2)
        services.back_up_now()
    oldest = backup.listed(backups.folder(services.data_dir))[-1]
    lost_seq = own_events(services)[-1][0]
    services.restore(oldest)
    log_in_again(services)
    fresh = receive(services, 1)
    assert not set(fresh) & set(issued)
    assert own_events(services)[-1][0] == lost_seq + 1
    assert services.verify_journal().ok


def test_a_second_start_within_the_interval_copies_nothing(services, clock):
    first = services.back_up_at_start()
    clock.now += timedelta(hours=3)
    assert services.back_up_at_start() == first
    clock.now += timedelta(hours=1)
    later = services.back_up_at_start()
    assert later.path != first.path
    assert [b.path for b in services.list_backups()] == [later.path, first.path]


def test_the_second_folder_keeps_what_fits_newest_first(services, clock, tmp_path,
                                                        monkeypatch):
    stick = tmp_path / "usb"
    services.save_backup_settings(backups.BackupSettings(mirror=str(stick)))
    room = int(2.5 * services.back_up_now().size)  # a stick with room for two copies
    real_free = backup.free_bytes
    monkeypatch.setattr(backup, "free_bytes", lambda place: room - sizes(place)
                        if place == stick else real_free(place))
    for _ in range(4):
        clock.now += timedelta(days=1)
        services.back_up_now()
    on_disk = backup.listed(backups.folder(services.data_dir))
    assert [b.path.name for b in backup.listed(stick)] == [b.path.name for b in on_disk[:2]]


def test_the_admin_is_warned_before_the_disk_fills(services, monkeypatch):
    services.back_up_now()
    monkeypatch.setattr(backup, "free_bytes", lambda place: 10 ** 12)
    assert services.disk_warning() is None
    monkeypatch.setattr(backup, "free_bytes",
                        lambda place: backups.database_size(services.db_path) // 2)
    warning = services.disk_warning()
    assert "sắp đầy" in warning and str(backups.folder(services.data_dir)) in warning


def test_a_stick_too_small_for_one_copy_keeps_the_copies_it_has(services, clock, tmp_path,
                                                                 monkeypatch):
    stick = tmp_path / "usb"
    services.save_backup_settings(backups.BackupSettings(mirror=str(stick)))
    services.back_up_now()
    [kept] = backup.listed(stick)
    monkeypatch.setattr(backup, "free_bytes", lambda place: 0 if place == stick else 10 ** 12)
    assert "sắp đầy" in services.disk_warning() and str(stick) in services.disk_warning()
    receive(services, 40)  # the next copy is larger than the stick emptied
    clock.now += timedelta(days=1)
    services.back_up_now()
    assert [b.path for b in backup.listed(stick)] == [kept.path]


def kept_files(root):
    return sorted(path.name for path in (root / "files").rglob("*.pdf"))


def receive_scanned(services, *texts):
    from tests.services.factories import digitised, pdf_bytes

    draft = digitised(services, full_draft(services), [pdf_bytes(1, text) for text in texts])
    return services.receive(draft, accept_warnings=True)


def test_a_backup_carries_the_scanned_files_and_a_restore_into_an_empty_folder_brings_them_back(
        services, tmp_path, capsys):
    from desk_app.cli import main

    stick = tmp_path / "usb"
    services.save_backup_settings(backups.BackupSettings(mirror=str(stick)))
    receive_scanned(services, "CCCD")
    made = services.back_up_now()
    scans = kept_files(services.data_dir)
    assert len(scans) == 1
    assert kept_files(made.path.parent) == scans and kept_files(stick) == scans
    services.close()

    empty = tmp_path / "new-pc"
    empty.mkdir()
    [on_stick] = backup.listed(stick)
    backups.restore_damaged(empty / "desk.db", on_stick)

    assert kept_files(empty) == scans
    assert main(["verify", "--db", str(empty / "desk.db")]) == 0
    assert "1 tệp số hóa nguyên vẹn" in capsys.readouterr().out


def test_a_second_backup_copies_only_the_new_files(services, monkeypatch):
    from desk_app.store import files

    receive_scanned(services, "CCCD", "Tờ khai")
    services.back_up_now()
    written = []
    real_write = files.write
    monkeypatch.setattr(files, "write",
                        lambda root, data: written.append(root) or real_write(root, data))
    services.back_up_now()
    assert written == []
    receive_scanned(services, "Giấy khai sinh")
    written.clear()  # the one kept in the data folder at reception
    services.back_up_now()
    assert written == [backups.folder(services.data_dir)]
    assert len(kept_files(backups.folder(services.data_dir))) == 3


def test_a_restore_from_the_restore_dialog_puts_back_a_lost_file(services):
    receive_scanned(services, "CCCD")
    made = services.back_up_now()
    [lost] = (services.data_dir / "files").rglob("*.pdf")
    lost.unlink()
    services.restore(made)
    log_in_again(services)
    assert lost.is_file()


def test_the_files_count_in_the_disk_budget(services, clock, monkeypatch):
    """A budget in GB holds the database copies and the files: the files are kept once, for
    every copy, so the copies get what they leave."""
    plan = backups.BackupSettings(budget_gb=1)
    assert plan.budget(10, backups.GB // 4) == backups.GB - backups.GB // 4
    assert plan.budget(10, 2 * backups.GB) == 0
    assert backups.BackupSettings().budget(10, backups.GB) == 30  # automatic: beside the files
    for _ in range(3):
        clock.now += timedelta(days=1)
        receive_scanned(services, f"CCCD {clock.now:%d}")
        newest = services.back_up_now()
    data_folder = backups.folder(services.data_dir)
    assert len(backup.listed(data_folder)) == 3
    # A budget the files nearly fill leaves room for the newest copy only.
    files_size = backup_files.size(data_folder)
    assert files_size > 0
    huge = backups.GB - files_size - newest.size // 2
    monkeypatch.setattr(backup_files, "size", lambda root: files_size + huge)
    backups.rotate(data_folder, clock.now, backups.BackupSettings(budget_gb=1))
    assert [b.path for b in backup.listed(data_folder)] == [newest.path]
    assert len(kept_files(data_folder)) == 3


def test_the_warning_counts_the_scans_the_next_backup_will_copy(services, monkeypatch):
    services.back_up_now()
    receive_scanned(services, "x" * 20000)  # a file larger than the database's size
    scans = backup_files.missing_size(services.data_dir, backups.folder(services.data_dir))
    assert scans > 0
    room = backups.database_size(services.db_path) + scans // 2
    monkeypatch.setattr(backup, "free_bytes", lambda place: room)
    assert "sắp đầy" in services.disk_warning()
    monkeypatch.setattr(backup, "free_bytes", lambda place: room + scans)
    assert services.disk_warning() is None


def test_a_full_disk_while_the_files_come_back_still_leaves_the_restore_whole(
        services, monkeypatch):
    """The files are copied back after the journal's seam and the lost codes are recorded:
    a disk that fills up then leaves a database that knows what the restore lost."""
    receive_scanned(services, "CCCD")
    made = services.back_up_now()
    receive(services, 2)
    lost_seq, _, lost_hash = own_events(services)[-1]

    copy_missing = backup_files.copy_missing

    def full_when_back(source, target):  # the backups before the restore still copy
        if target == services.data_dir:
            raise StoreError("Ổ đĩa đã đầy")
        return copy_missing(source, target)

    monkeypatch.setattr(backup_files, "copy_missing", full_when_back)
    with pytest.raises(StoreError, match="đầy"):
        services.restore(made)
    assert services.missing_codes() == []  # the admin chose the backup: not asked at start
    log_in_again(services)
    receive(services, 1)
    assert own_events(services)[-1][:2] == (lost_seq + 1, lost_hash)
    check = services.verify_journal()  # the seam is recorded: the lost events are accounted for
    assert check.ok and [s.resumes_at for s in check.seams] == [lost_seq + 1]
