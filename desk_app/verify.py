"""`desk-app verify [--db PATH]`: check the event journal's hash chain without the GUI, and
the file itself with SQLite's own check (PRAGMA integrity_check): a chain read whole from a
file SQLite finds damaged elsewhere is no reason to say the data is sound. The digitised
documents' files beside the database (store.files) are re-hashed too: one missing, or whose
bytes changed on disk after saving, is named.

The file is opened read-only and never migrated: a check must not change what it checks.
Exit 0 when every chain is intact, SQLite finds the file sound and every kept file matches its
hash, 1 naming the first broken link, what SQLite found or the damaged files, 2 when there is nothing to check (no file, not a database, or a
schema from before the journal was chained).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

import sqlite_utils

from desk_app.paths import data_dir
from desk_app.store import files, journal

DB_FILE = "desk.db"  # as services.app names it; the services (and Qt) are not loaded here
EXIT_OK, EXIT_BROKEN, EXIT_UNUSABLE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desk-app verify",
        description="Kiểm tra chuỗi băm của nhật ký sự kiện (phát hiện sự kiện bị sửa, xóa "
        "hoặc đảo thứ tự).",
    )
    parser.add_argument(
        "--db", type=Path, metavar="PATH",
        help=f"the database file; default {data_dir() / DB_FILE}",
    )
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    # A Windows console or pipe may not take Vietnamese letters: show "?" rather than fail.
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    path: Path = args.db or data_dir() / DB_FILE
    if not path.is_file():
        print(f"Không tìm thấy tệp dữ liệu {path}.")
        return EXIT_UNUSABLE
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        print(f"Không mở được tệp dữ liệu {path}: {exc}.")
        return EXIT_UNUSABLE
    try:
        db = sqlite_utils.Database(conn)
        if "hash" not in db["events"].columns_dict:
            print(f"Tệp dữ liệu {path} chưa có chuỗi băm: hãy mở phần mềm một lần để nâng cấp.")
            return EXIT_UNUSABLE
        check = journal.verify(db)
        damage = _damage(conn)
        # A database from before digitisation (migration 13) keeps no files.
        checked, bad_files = (files.check(db, path.parent) if db["files"].exists()
                              else (0, []))
    except sqlite3.Error as exc:
        print(f"Không đọc được nhật ký sự kiện trong {path}: {exc}.")
        return EXIT_UNUSABLE
    finally:
        conn.close()
    print(check.message)
    if damage:
        print(f"Tệp dữ liệu bị hỏng theo kiểm tra của SQLite (integrity_check): {damage}.")
    else:
        print("Tệp dữ liệu nguyên vẹn theo kiểm tra của SQLite (integrity_check).")
    for problem in bad_files:
        print(problem.message)
    if checked and not bad_files:
        print(f"{checked} tệp số hóa nguyên vẹn (mã băm khớp).")
    return EXIT_OK if check.ok and not damage and not bad_files else EXIT_BROKEN


def _damage(conn: sqlite3.Connection) -> str:
    """What SQLite's integrity_check finds wrong in the whole file ("" when nothing); a page
    too damaged for the check to go on is damage too."""
    try:
        found = [row[0] for row in conn.execute("PRAGMA integrity_check(10)")]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return "" if found == ["ok"] else "; ".join(found)
