import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desk_app.core.backups import BackupInfo, BackupKind
from desk_app.core.clock import VN_TZ
from desk_app.core.errors import DatabaseCorrupt, StoreError
from desk_app.store import backup, backup_rotation, dossiers
from desk_app.store.db import connect
from desk_app.store.migrations import MIGRATIONS
from tests.store.factories import insert_received_dossier, make_dossier
from tests.store.test_migrations import RETURNED_HISTORY, version_1_database

AT = datetime(2026, 11, 24, 9, 30, tzinfo=VN_TZ)


@pytest.fixture
def live(tmp_path):
    db = connect(tmp_path / "desk.db")
    yield db
    db.close()


def test_a_backup_holds_what_is_still_in_the_wal_and_describes_itself(live, tmp_path):
    insert_received_dossier(live, make_dossier("000.17.22.H56-261124-1001", 1))
    insert_received_dossier(live, make_dossier("000.17.22.H56-261124-1002", 2))
    assert (tmp_path / "desk.db-wal").stat().st_size > 0  # the rows are not in the main file yet

    info = backup.make(live.conn, tmp_path / "sao-luu", kind=BackupKind.START, at=AT)

    assert info.path.name == f"desk-20261124-093000-v{len(MIGRATIONS)}-start.db"
    assert (info.dossiers, info.last_code) == (2, "000.17.22.H56-261124-1002")
    assert info.schema_version == len(MIGRATIONS) and info.size == info.path.stat().st_size
    assert not info.path.with_name(info.path.name + "-wal").exists()  # one self-contained file
    copy = sqlite3.connect(info.path)
    assert copy.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0] == 2
    copy.close()
    sidecar = json.loads(backup.sidecar(info.path).read_text("utf-8"))
    assert sidecar["quick_check"] == "ok" and sidecar["dossiers"] == 2
    assert backup.listed(tmp_path / "sao-luu") == [info]


def test_two_backups_in_the_same_second_both_stay(live, tmp_path):
    first = backup.make(live.conn, tmp_path / "b", kind=BackupKind.START, at=AT)
    second = backup.make(live.conn, tmp_path / "b", kind=BackupKind.START, at=AT)
    assert first.path != second.path and len(backup.listed(tmp_path / "b")) == 2


def test_only_complete_verified_copies_are_listed(live, tmp_path):
    folder = tmp_path / "b"
    good = backup.make(live.conn, folder, kind=BackupKind.START, at=AT)
    unfinished = backup.make(live.conn, folder, kind=BackupKind.START, at=AT + timedelta(hours=1))
    backup.sidecar(unfinished.path).unlink()  # the power went before the sidecar was written
    cut = backup.make(live.conn, folder, kind=BackupKind.START, at=AT + timedelta(hours=2))
    cut.path.write_bytes(cut.path.read_bytes()[:4096])  # a copy cut short on a USB stick
    assert backup.listed(folder) == [good]


def test_a_damaged_copy_fails_its_check(live, tmp_path):
    info = backup.make(live.conn, tmp_path / "b", kind=BackupKind.START, at=AT)
    info.path.write_bytes(b"garbage" * 1000)
    with pytest.raises(DatabaseCorrupt):
        backup.check(info.path)


def test_migrations_are_preceded_by_a_backup_of_the_old_file(tmp_path):
    path = tmp_path / "desk.db"
    version_1_database(path, RETURNED_HISTORY)
    connect(path).close()
    [made] = backup.listed(tmp_path / "sao-luu")
    assert made.kind == BackupKind.PRE_MIGRATION and made.schema_version == 1
    assert made.dossiers == 1 and made.last_code == "000.17.22.H56-261124-1001"
    connect(path).close()  # up to date now: no second copy
    assert len(backup.listed(tmp_path / "sao-luu")) == 1


def test_a_new_database_needs_no_backup(tmp_path):
    connect(tmp_path / "desk.db").close()
    assert not (tmp_path / "sao-luu").exists()


def test_restore_writes_the_backup_over_a_live_wal_database(live, tmp_path):
    insert_received_dossier(live, make_dossier("000.17.22.H56-261124-1001", 1))
    info = backup.make(live.conn, tmp_path / "b", kind=BackupKind.START, at=AT)
    insert_received_dossier(live, make_dossier("000.17.22.H56-261124-1002", 2))
    live.close()

    backup.restore_into(info.path, tmp_path / "desk.db")

    db = connect(tmp_path / "desk.db")
    assert [r.code for r in dossiers.rows(db)] == ["000.17.22.H56-261124-1001"]
    db.close()


def _info(at: datetime, kind: str = BackupKind.PERIODIC) -> BackupInfo:
    return BackupInfo(backup.file_name(at, 5, kind), at, kind, 0, "", 5, 1)


def test_rotation_keeps_daily_weekly_and_monthly_generations():
    start = datetime(2025, 1, 1, 7, 0, tzinfo=VN_TZ)
    kept: list[BackupInfo] = []
    now = start
    # Fourteen months of a PC on from 7:00 to 17:00, backing up at start and every 4 hours,
    # thinned after each backup as the app does.
    for day in range(425):
        for hour in (7, 11, 15):
            now = start + timedelta(days=day, hours=hour - 7)
            kind = BackupKind.PRE_MIGRATION if (day, hour) == (420, 11) else BackupKind.PERIODIC
            kept.append(_info(now, kind))
            keep = backup_rotation.to_keep(kept, now)
            kept = [b for b in kept if b.path in keep]

    last_day = now.date()
    days = sorted({b.made_at.date() for b in kept}, reverse=True)
    assert days[:7] == [last_day - timedelta(n) for n in range(7)]
    # The six newest, then each day's newest; the migration's copy stays for its 30 days.
    assert [b.made_at for b in kept[-6:]] == [now - timedelta(hours=4 * n)
                                             for n in (0, 1, 2, 6, 7, 8)][::-1]
    assert all(b.made_at.hour == 15 for b in kept[:-6] if b.kind == BackupKind.PERIODIC)
    assert [b.made_at.date() for b in kept if b.kind == BackupKind.PRE_MIGRATION] == [
        start.date() + timedelta(420)]
    weeks = {b.made_at.isocalendar()[:2] for b in kept}
    assert len(weeks) >= 4
    months = sorted({(b.made_at.year, b.made_at.month) for b in kept}, reverse=True)
    assert months[:12] == sorted({(d.year, d.month) for d in (
        last_day - timedelta(n) for n in range(400))}, reverse=True)[:12]
    assert len(months) == 12
    # Nothing more than the generations ask for (they overlap), and the migration's copy.
    assert len(kept) <= 6 + 7 + 4 + 12 + 1


def test_a_pre_migration_backup_goes_after_thirty_days_unless_a_generation_keeps_it():
    old = _info(AT - timedelta(days=31), BackupKind.PRE_MIGRATION)
    newer = [_info(AT - timedelta(days=31) + timedelta(hours=1))]
    recent = [_info(AT - timedelta(days=n)) for n in range(7)]
    keep = backup_rotation.to_keep([old, *newer, *recent], AT)
    assert old.path not in keep and newer[0].path in keep  # the day's newest is its monthly


def test_a_backup_that_cannot_be_written_says_so(live, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="Không sao lưu được"):
        backup.make(live.conn, blocker / "b", kind=BackupKind.START, at=AT)


def test_no_migration_without_its_backup(tmp_path):
    path = tmp_path / "desk.db"
    version_1_database(path, RETURNED_HISTORY)
    (tmp_path / "sao-luu").write_text("a file where the backup folder should be")
    with pytest.raises(StoreError, match="Không sao lưu được"):
        connect(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


def test_over_the_budget_the_oldest_go_but_never_the_newest_or_a_pre_migration_copy():
    sized = [BackupInfo(Path(f"{n}.db"), AT - timedelta(days=n), kind, 0, "", 1, 100)
             for n, kind in enumerate([BackupKind.PERIODIC, BackupKind.PERIODIC,
                                       BackupKind.PERIODIC, BackupKind.PRE_MIGRATION,
                                       BackupKind.PERIODIC])]
    every = {b.path for b in sized}
    assert backup_rotation.within_budget(sized, every, 300) == {
        Path("0.db"), Path("1.db"), Path("3.db")}
    assert backup_rotation.within_budget(sized, every, 50) == {Path("0.db"), Path("3.db")}
    assert backup_rotation.within_budget(sized, every, 50, keep_newest=False) == {Path("3.db")}
    assert backup_rotation.within_budget(sized, every, 500) == every
