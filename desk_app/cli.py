"""`desk-app`: start the counter application, or check an installation headless."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desk_app import __version__
from desk_app.paths import data_dir


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desk-app",
        description="Phần mềm tiếp nhận và trả kết quả hồ sơ tại bộ phận một cửa cấp xã.",
        epilog="desk-app verify [--db PATH]: kiểm tra chuỗi băm của nhật ký sự kiện.",
    )
    parser.add_argument(
        "--demo", action="store_true",
        help="start with a demo commune and a few dozen demo dossiers if the data folder is empty",
    )
    parser.add_argument(
        "--data", type=Path, metavar="DIR",
        help=f"data folder (database and kept slips); default {data_dir()}",
    )
    parser.add_argument(
        "--lang", choices=["vi", "en"], help="interface language (default: the saved choice, vi)"
    )
    parser.add_argument(
        "--self-test", type=Path, metavar="OUT.pdf",
        help="headless installation check: receive one demo dossier in a throw-away database, "
        "write its receipt to OUT.pdf, print the code and due time, exit 0 if all is well",
    )
    parser.add_argument("--version", action="version", version=f"desk-app {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # A command word before the options, kept apart from them: `desk-app verify --db X`.
    if argv[:1] == ["verify"]:
        from desk_app.verify import run as verify

        return verify(argv[1:])
    args = build_parser().parse_args(argv)
    if args.self_test:
        from desk_app.self_test import run

        return run(args.self_test)
    from desk_app.ui.app import run_gui

    return run_gui(data=args.data or data_dir(), demo=args.demo, language=args.lang)


if __name__ == "__main__":
    sys.exit(main())
