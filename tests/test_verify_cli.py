import sqlite3
import subprocess
import sys

import pytest

from desk_app.cli import main
from desk_app.store.db import connect
from tests.store.test_journal import journal_of, tamper


@pytest.fixture
def journal_file(tmp_path):
    path = tmp_path / "desk.db"
    db = connect(path)
    recorded = journal_of(db, 4)
    db.close()
    return path, recorded


def test_an_intact_journal_exits_0(journal_file, capsys):
    path, _ = journal_file
    assert main(["verify", "--db", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "OK: 4 sự kiện, chuỗi toàn vẹn",
        "Tệp dữ liệu nguyên vẹn theo kiểm tra của SQLite (integrity_check)."]


def test_a_broken_link_is_named_and_exits_non_zero(journal_file, capsys):
    path, recorded = journal_file
    db = connect(path)
    tamper(db, ("UPDATE events SET payload = '{}' WHERE uuid = ?", [recorded[1].uuid]))
    db.close()
    assert main(["verify", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert "device-1" in out and "số thứ tự 2" in out and recorded[1].uuid in out
    assert "bị sửa" in out


def test_the_check_changes_nothing(journal_file):
    path, _ = journal_file
    before = path.read_bytes()
    main(["verify", "--db", str(path)])
    assert path.read_bytes() == before


def test_no_database_is_said_plainly(tmp_path, capsys):
    assert main(["verify", "--db", str(tmp_path / "none.db")]) == 2
    assert "Không tìm thấy" in capsys.readouterr().out


def test_the_default_database_is_the_data_folder_one(journal_file, monkeypatch, capsys):
    path, _ = journal_file
    monkeypatch.setenv("DESK_APP_DATA", str(path.parent))
    assert main(["verify"]) == 0


def test_verify_runs_as_a_command(journal_file):
    path, _ = journal_file
    result = subprocess.run([sys.executable, "-m", "desk_app", "verify", "--db", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "chuỗi toàn vẹn" in result.stdout


def test_a_file_sqlite_itself_finds_damaged_is_not_ok(journal_file, capsys):
    path, _ = journal_file
    with sqlite3.connect(path) as plain:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = plain.execute("PRAGMA page_size").fetchone()[0]
        root = plain.execute("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND "
                             "tbl_name = 'dossiers' ORDER BY name").fetchone()[0]
    plain.close()
    data = bytearray(path.read_bytes())
    end = root * page_size  # the end of an index page of the dossiers, not of the journal
    data[end - 40:end] = b"A" * 40
    path.write_bytes(bytes(data))

    assert main(["verify", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert "chuỗi toàn vẹn" in out  # the journal itself reads fine
    assert "integrity_check" in out and "hỏng" in out


@pytest.fixture
def clock():
    from tests.clock import Clock
    from tests.services.conftest import FRIDAY_1655

    return Clock(FRIDAY_1655)


def test_a_digitised_file_whose_bytes_changed_on_disk_is_named(services, capsys):
    from tests.services.factories import pdf_bytes

    intact, altered = services.keep_pdf(pdf_bytes(1, "một")), services.keep_pdf(pdf_bytes(2))
    services.close()
    path = services.db_path
    assert main(["verify", "--db", str(path)]) == 0
    assert "2 tệp số hóa nguyên vẹn" in capsys.readouterr().out
    kept = path.parent / "files" / altered[:2] / f"{altered}.pdf"
    kept.chmod(0o644)
    kept.write_bytes(kept.read_bytes().replace(b"Trang 2", b"Trang 9"))
    assert main(["verify", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{altered}.pdf: nội dung đã bị thay đổi sau khi lưu" in out
    assert intact not in out
    kept.unlink()
    assert main(["verify", "--db", str(path)]) == 1
    assert f"{altered}.pdf: không còn trên đĩa" in capsys.readouterr().out
