"""`province-hub`: start the hub, and the province administrators' commands.

Every command takes `--db URL` (default: the SQLite file hub.db in the current folder, or the
PROVINCE_HUB_DB environment variable) and first migrates that database's schema forward, so a
new province can create communes before it first serves.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import unicodedata
from datetime import date
from pathlib import Path
from typing import NoReturn

from sqlalchemy import Engine
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from sync import protocol
from sync.server import enrollment, publishing, registry, scorecard
from sync.server.app import DB_ENV, SETTINGS_ENV
from sync.server.database import DEFAULT_URL, open_engine, upgrade
from sync.server.errors import AdminError
from sync.server.settings import HubSettings, Quotas
from sync.server.throttle import Limits
from sync.server.web import cli as web_cli


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help, or a refused option already said in one line
        return int(exc.code or 0)
    try:
        engine = open_engine(args.db)
    except (ArgumentError, ValueError) as exc:
        return _fail(f"--db: not a database URL or SQLite file path: {args.db!r} ({exc})")
    try:
        upgrade(engine)
        # Before any worker serves: the scorecard's sums from the events already held.
        scorecard.refresh(engine)
        return args.run(engine, args) or 0
    except AdminError as exc:
        return _fail(str(exc))
    except SQLAlchemyError as exc:
        # An unreachable server, a file that cannot be created or is not a database...
        return _fail(f"cannot use the database {engine.url!r}: {_first_line(exc)}")
    finally:
        engine.dispose()


def _fail(message: str) -> int:
    print(f"province-hub: {message}", file=sys.stderr)
    return 1


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _serve(engine: Engine, args: argparse.Namespace) -> None:
    import uvicorn

    if (args.ssl_certfile is None) != (args.ssl_keyfile is None):
        raise AdminError("HTTPS needs both --ssl-certfile and --ssl-keyfile")

    engine.dispose()
    os.environ[DB_ENV] = args.db
    os.environ[SETTINGS_ENV] = HubSettings(
        limits=Limits(per_address=args.failures_per_address, overall=args.failures_overall,
                      window_seconds=args.failure_window),
        quotas=Quotas(max_payload_bytes=args.max_event_kib * 1024,
                      daily_bytes=args.daily_mib_per_device * 1024 * 1024),
    ).to_json()
    uvicorn.run(
        "sync.server.app:app_from_environment", factory=True, host=args.host, port=args.port,
        workers=args.workers, ssl_certfile=args.ssl_certfile, ssl_keyfile=args.ssl_keyfile,
        log_level=args.log_level,
    )


def _upgrade(_engine: Engine, _args: argparse.Namespace) -> None:
    print("schema is up to date")


def _commune_create(engine: Engine, args: argparse.Namespace) -> None:
    commune_id = registry.create_commune(engine, args.name, args.agency_code)
    print(f"commune {commune_id}")


def _commune_list(engine: Engine, _args: argparse.Namespace) -> None:
    for commune_id, name, agency_code in registry.list_communes(engine):
        print(f"{commune_id}\t{agency_code}\t{name}")


def _commune_set_code(engine: Engine, args: argparse.Namespace) -> None:
    entry = publishing.set_agency_code(engine, args.commune, args.code, args.since)
    print(f"commune {args.commune} uses {entry['code']} from {entry['since']}")


def _enroll_code(engine: Engine, args: argparse.Namespace) -> None:
    code = enrollment.issue_code(engine, args.commune, expires_hours=args.expires_hours)
    print(code)


def _device_revoke(engine: Engine, args: argparse.Namespace) -> None:
    revoked_at = registry.revoke_device(engine, args.id)
    print(f"device {args.id} revoked at {revoked_at}")


def _device_list(engine: Engine, args: argparse.Namespace) -> None:
    header = ("id", "commune", "name", "last push", "last pull", "backlog", "events",
              "clock skew s", "revoked", "forked")
    rows = [
        (str(d.id), d.commune_name, d.name, d.last_push_at or "never", d.last_pull_at or "never",
         "?" if d.backlog is None else str(d.backlog), str(d.events_stored),
         "?" if d.clock_skew_seconds is None else f"{d.clock_skew_seconds:+.0f}",
         d.revoked_at or "",
         f"FORKED {d.forked_at}: {d.fork_detail}" if d.forked_at else "")
        for d in registry.list_devices(engine, args.commune)
    ]
    _print_table(header, rows)


def _device_lost(engine: Engine, args: argparse.Namespace) -> None:
    header = ("seq", "event", "kind", "dossier", "recorded", "lost by the restore of")
    rows = [(str(e.device_seq), e.uuid, e.kind, e.dossier_uuid, e.device_time,
             f"{e.backup} at {e.restored_at}")
            for e in registry.lost_on_counter(engine, args.id)]
    if not rows:
        print(f"device {args.id} has every event the hub holds from it")
        return
    _print_table(header, rows)


def _catalogue_publish(engine: Engine, args: argparse.Namespace) -> None:
    try:
        document = json.loads(Path(args.file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AdminError(f"cannot read {args.file}: {exc}") from exc
    version, new = publishing.publish_catalogue(engine, document)
    print(f"catalogue {version} {'published' if new else 'was already published'}")


def _forms_publish(engine: Engine, args: argparse.Namespace) -> None:
    try:
        document = json.loads(Path(args.file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AdminError(f"cannot read {args.file}: {exc}") from exc
    print(f"form set {publishing.publish_form_set(engine, document)} published")


def _calendar_set(engine: Engine, args: argparse.Namespace) -> None:
    publishing.set_calendar_day(engine, args.day, args.kind, args.note)
    print(f"{args.day.isoformat()} {args.kind}")


def _calendar_list(engine: Engine, _args: argparse.Namespace) -> None:
    for day, kind, note in publishing.list_calendar(engine):
        print(f"{day}\t{kind}\t{note}")


def _event_add(engine: Engine, args: argparse.Namespace) -> None:
    event = publishing.add_province_event(engine, args.dossier, args.kind, args.note, args.clerk)
    print(f"event {event['uuid']} {event['kind']} for dossier {event['payload']['code'] or event['dossier_uuid']}")


def _print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


# Option types: each refuses a bad value with one line naming the option (see _Parser.error).

def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD day: {text!r}") from exc


def _integer(low: int, high: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"not a whole number from {low} to {high}: {text!r}")
        return value

    return parse


# Database ids are 32-bit on both backends.
_id = _integer(1, 2**31 - 1)


def _hours(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    # Comparisons with NaN are false, so "nan" is refused here too.
    if not 0 < value <= enrollment.MAX_CODE_HOURS:
        raise argparse.ArgumentTypeError(
            f"not a number of hours above 0 and at most {enrollment.MAX_CODE_HOURS:g}: {text!r}")
    return value


def _line(limit: int):
    def parse(text: str) -> str:
        if len(text) > limit:
            raise argparse.ArgumentTypeError(f"longer than {limit} characters")
        if any(unicodedata.category(ch) == "Cc" for ch in text):
            raise argparse.ArgumentTypeError(f"has a control character: {text!r}")
        return text

    return parse


def _file(text: str) -> str:
    if not Path(text).is_file():
        raise argparse.ArgumentTypeError(f"no such file: {text!r}")
    return text


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """One line, `province-hub COMMAND: error`, instead of argparse's usage block."""
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--db", default=os.environ.get(DB_ENV, DEFAULT_URL),
                        help="database URL (sqlite:///path, postgresql://user:pass@host/db) "
                             f"or an SQLite file path; default ${DB_ENV} or {DEFAULT_URL}")
    parser = _Parser(prog="province-hub", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    def command(parent, name: str, run, help_: str, parents=()) -> argparse.ArgumentParser:
        sub = parent.add_parser(name, parents=[common, *parents], help=help_, description=help_)
        sub.set_defaults(run=run)
        return sub

    serve = command(commands, "serve", _serve, "serve the API")
    serve.add_argument("--host", default="127.0.0.1", type=_line(253))
    serve.add_argument("--port", type=_integer(1, 65535), default=8765)
    serve.add_argument("--workers", type=_integer(1, 64), default=1,
                       help="worker processes (useful with PostgreSQL)")
    serve.add_argument("--ssl-certfile", type=_file,
                       help="serve HTTPS with this certificate (PEM)")
    serve.add_argument("--ssl-keyfile", type=_file, help="the certificate's private key (PEM)")
    serve.add_argument("--log-level", default="info",
                       choices=["critical", "error", "warning", "info", "debug"])
    limits = Limits()
    serve.add_argument("--failures-per-address", type=_integer(1, 10**6),
                       default=limits.per_address,
                       help="failed enrollments or authentications one client address may make "
                            "within the window before it gets 429 (default %(default)s)")
    serve.add_argument("--failures-overall", type=_integer(1, 10**7), default=limits.overall,
                       help="the same for all addresses together (default %(default)s)")
    serve.add_argument("--failure-window", type=_integer(1, 86400),
                       default=int(limits.window_seconds),
                       help="the window, in seconds (default %(default)s)")
    quotas = Quotas()
    serve.add_argument("--max-event-kib", type=_integer(1, 10 * 1024),
                       default=quotas.max_payload_bytes // 1024,
                       help="largest payload an event may carry, in KiB (default %(default)s)")
    serve.add_argument("--daily-mib-per-device", type=_integer(1, 1024 * 1024),
                       default=quotas.daily_bytes // 1024 // 1024,
                       help="what one device may store in a day, in MiB (default %(default)s)")
    command(commands, "upgrade", _upgrade, "migrate the database schema to the newest version")

    commune = commands.add_parser("commune", help="communes").add_subparsers(required=True,
                                                                            metavar="ACTION")
    create = command(commune, "create", _commune_create, "add a commune")
    create.add_argument("--name", required=True, type=_line(200))
    create.add_argument("--agency-code", required=True, type=_line(40), help="e.g. 000.17.22.H56")
    command(commune, "list", _commune_list, "list communes: id, agency code, name")
    set_code = command(commune, "set-code", _commune_set_code,
                       "give a commune a new agency code from a day on (after a merger); "
                       "its counters get it on their next pull")
    set_code.add_argument("--commune", type=_id, required=True, help="commune id")
    set_code.add_argument("--code", required=True, type=_line(40), help="e.g. 000.00.31.H56")
    set_code.add_argument("--since", type=_day, required=True,
                          help="YYYY-MM-DD: the first day dossiers get the new code")

    code = command(commands, "enroll-code", _enroll_code,
                   "print a one-time enrollment code for a counter of a commune")
    code.add_argument("--commune", type=_id, required=True, help="commune id")
    code.add_argument("--expires-hours", type=_hours, default=72,
                      help=f"how long the code stays valid (at most {enrollment.MAX_CODE_HOURS:g})")

    device = commands.add_parser("device", help="enrolled counters").add_subparsers(
        required=True, metavar="ACTION")
    revoke = command(device, "revoke", _device_revoke, "revoke a device's token")
    revoke.add_argument("id", type=_id)
    listing = command(device, "list", _device_list,
                      "list devices with last sync, reported backlog and events stored")
    listing.add_argument("--commune", type=_id, help="only this commune's devices")
    lost = command(device, "lost", _device_lost,
                   "list the events held here that the device lost in a restore of a backup")
    lost.add_argument("id", type=_id)

    catalogue = commands.add_parser("catalogue", help="procedure catalogue").add_subparsers(
        required=True, metavar="ACTION")
    publish = command(catalogue, "publish", _catalogue_publish,
                      "publish a catalogue (format of resources/catalogue/procedures.json)")
    publish.add_argument("file")

    forms = commands.add_parser("forms", help="sets of official forms").add_subparsers(
        required=True, metavar="ACTION")
    publish_set = command(forms, "publish", _forms_publish,
                          "publish a dated set of forms (an entry of resources/forms.json's sets)")
    publish_set.add_argument("file")

    calendar = commands.add_parser("calendar", help="days off and swapped working days")
    calendar_actions = calendar.add_subparsers(required=True, metavar="ACTION")
    day = command(calendar_actions, "set", _calendar_set, "declare a day off or a working day")
    day.add_argument("--day", type=_day, required=True, help="YYYY-MM-DD")
    day.add_argument("--kind", choices=["off", "work"], required=True)
    day.add_argument("--note", default="", type=_line(1000))
    command(calendar_actions, "list", _calendar_list, "list the province's calendar table")

    event = commands.add_parser("event", help="province-side events on dossiers").add_subparsers(
        required=True, metavar="ACTION")
    add = command(event, "add", _event_add,
                  "record a province decision on a dossier and send it to its commune")
    add.add_argument("--dossier", required=True, type=_line(100), help="dossier code or UUID")
    add.add_argument("--kind", choices=protocol.PROVINCE_EVENT_KINDS, required=True)
    add.add_argument("--note", default="", type=_line(1000))
    add.add_argument("--clerk", default="Tỉnh", type=_line(200),
                     help="who decided (shown on the counter)")
    web_cli.add_commands(commands, commune, command)
    return parser


if __name__ == "__main__":
    sys.exit(main())
