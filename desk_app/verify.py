"""`desk-app verify [--db PATH]`: check the event journal's hash chain without the GUI.

The file is opened read-only and never migrated: a check must not change what it checks.
Exit 0 when every chain is intact, 1 naming the first broken link, 2 when there is nothing to
check (no file, not a database, or a schema from before the journal was chained).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

import sqlite_utils

from desk_app.paths import data_dir
from desk_app.store import journal

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
    except sqlite3.Error as exc:
        print(f"Không đọc được nhật ký sự kiện trong {path}: {exc}.")
        return EXIT_UNUSABLE
    finally:
        conn.close()
    print(check.message)
    return EXIT_OK if check.ok else EXIT_BROKEN
