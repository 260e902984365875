"""`desk-app`: start the counter application, or check an installation headless."""

from __future__ import annotations

import argparse
import sys
from getpass import getpass
from pathlib import Path

from desk_app import __version__
from desk_app.paths import data_dir


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desk-app",
        description="Phần mềm tiếp nhận và trả kết quả hồ sơ tại bộ phận một cửa cấp xã.",
        epilog="desk-app verify [--db PATH]: kiểm tra chuỗi băm của nhật ký sự kiện. "
        "desk-app reset-password USERNAME [--data DIR]: đặt lại mật khẩu một tài khoản "
        "(khi quản trị duy nhất quên mật khẩu).",
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
    if argv[:1] == ["reset-password"]:
        return reset_password(argv[1:])
    args = build_parser().parse_args(argv)
    if args.self_test:
        from desk_app.self_test import run

        return run(args.self_test)
    from desk_app.ui.app import run_gui

    return run_gui(data=args.data or data_dir(), demo=args.demo, language=args.lang)


def reset_password(argv: list[str]) -> int:
    """For the day the only admin forgets their password. Whoever sits at the PC can already
    read and replace its data folder, so the command line asks no other password; it is
    recorded in the account log (actor "cli") and the user must choose a new password at the
    next login."""
    parser = argparse.ArgumentParser(
        prog="desk-app reset-password",
        description="Đặt lại mật khẩu của một tài khoản trên máy này (người dùng phải đổi mật "
        "khẩu ở lần đăng nhập sau).",
    )
    parser.add_argument("username", help="tên đăng nhập")
    parser.add_argument(
        "--data", type=Path, metavar="DIR", help=f"data folder; default {data_dir()}")
    args = parser.parse_args(argv)
    from desk_app.services import accounts
    from desk_app.services.app import DB_FILE, Services
    from desk_app.services.errors import ServiceError

    data = args.data or data_dir()
    if not (data / DB_FILE).exists():
        print(f"Không có dữ liệu trong {data}.", file=sys.stderr)
        return 2
    password = getpass("Mật khẩu mới: ")
    if getpass("Nhập lại mật khẩu mới: ") != password:
        print("Hai lần nhập không khớp; mật khẩu không đổi.", file=sys.stderr)
        return 1
    services = Services(data)
    try:
        with services.ctx.lock, services.ctx.db.atomic():
            accounts.reset_password_by(services.ctx, accounts.CLI_ACTOR, args.username,
                                       password)
    except ServiceError as exc:
        print(f"Không đặt lại được mật khẩu: {exc}", file=sys.stderr)
        return 1
    finally:
        services.close()
    print(f"Đã đặt lại mật khẩu của {args.username}; hãy đổi mật khẩu khi đăng nhập.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
