"""`province-hub user …` (web accounts) and `province-hub commune contact` (what the citizen's
lookup page says about a commune's office), added to the hub's command line by add_commands."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from sqlalchemy import Engine

from sync.server.errors import AdminError
from sync.server.web import accounts, lookup

Command = Callable[..., argparse.ArgumentParser]


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return value


def _password(args: argparse.Namespace) -> str:
    """From one line of standard input (--password-stdin, for scripts), else asked twice on
    the terminal; never an argument, which other users of the machine could see."""
    try:
        if args.password_stdin:
            return sys.stdin.readline().rstrip("\r\n")
        first = getpass.getpass("password: ")
        if getpass.getpass("again: ") != first:
            raise AdminError("the two passwords differ")
        return first
    except (EOFError, KeyboardInterrupt) as exc:
        raise AdminError("no password given") from exc


def _user_add(engine: Engine, args: argparse.Namespace) -> None:
    user_id = accounts.add_user(engine, args.username, args.name, args.role, _password(args),
                                args.commune)
    print(f"user {args.username.strip().lower()} ({user_id}) added")


def _user_list(engine: Engine, _args: argparse.Namespace) -> None:
    for row in accounts.list_users(engine):
        state = ("disabled" if row.disabled_at else
                 f"locked until {row.locked_until}" if row.locked_until else "active")
        commune = f"{row.user.commune_id} {row.commune_name}" if row.user.commune_id else "-"
        print("\t".join((row.user.username, row.user.display_name, row.user.role, commune,
                         state)))


def _user_passwd(engine: Engine, args: argparse.Namespace) -> None:
    accounts.set_password(engine, args.username, _password(args))
    print(f"password of {args.username.strip().lower()} changed; its sessions ended")


def _user_disable(engine: Engine, args: argparse.Namespace) -> None:
    accounts.disable_user(engine, args.username)
    print(f"user {args.username.strip().lower()} disabled; its sessions ended")


def _commune_contact(engine: Engine, args: argparse.Namespace) -> None:
    lookup.set_contact(engine, args.commune, args.phone, args.address)
    print(f"commune {args.commune}: phone {args.phone!r}, address {args.address!r}")


def add_commands(commands, commune_actions, command: Command) -> None:
    """`commands`: the top-level subparsers; `commune_actions`: those of `commune`; `command`:
    the hub's helper that adds one action with the common options."""
    user = commands.add_parser("user", help="web accounts").add_subparsers(
        required=True, metavar="ACTION")
    password_stdin = argparse.ArgumentParser(add_help=False)
    password_stdin.add_argument("--password-stdin", action="store_true",
                                help="read the password from the first line of standard input")
    add = command(user, "add", _user_add, "add a web account", parents=[password_stdin])
    add.add_argument("--username", required=True, help="2-60 of a-z 0-9 . _ -")
    add.add_argument("--name", required=True, help="the person's full name")
    add.add_argument("--role", required=True, choices=list(accounts.ROLE_LABELS),
                     help="admin: everything; viewer: sees every commune; "
                          "leader: sees one commune (--commune)")
    add.add_argument("--commune", type=_positive, help="a leader's commune id")
    command(user, "list", _user_list, "list web accounts: user name, name, role, commune, state")
    passwd = command(user, "passwd", _user_passwd,
                     "set a new password (also lifts a lock-out and ends the user's sessions)",
                     parents=[password_stdin])
    passwd.add_argument("username")
    disable = command(user, "disable", _user_disable,
                      "stop an account from logging in and end its sessions")
    disable.add_argument("username")

    contact = command(commune_actions, "contact", _commune_contact,
                      "the office's phone and address shown on the citizen's lookup page")
    contact.add_argument("--commune", type=_positive, required=True, help="commune id")
    contact.add_argument("--phone", required=True)
    contact.add_argument("--address", default="")
