"""`province-hub`: start the hub, and the province administrators' commands.

Every command takes `--db URL` (default: the SQLite file hub.db in the current folder, or the
PROVINCE_HUB_DB environment variable) and first migrates that database's schema forward, so a
new province can create communes before it first serves.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from sync import protocol
from sync.server import enrollment, publishing, registry
from sync.server.app import DB_ENV
from sync.server.database import DEFAULT_URL, open_engine, upgrade
from sync.server.errors import AdminError
from sync.server.web import cli as web_cli


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    engine = open_engine(args.db)
    try:
        upgrade(engine)
        return args.run(engine, args) or 0
    except AdminError as exc:
        print(f"province-hub: {exc}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()


def _serve(engine: Engine, args: argparse.Namespace) -> None:
    import uvicorn

    engine.dispose()
    os.environ[DB_ENV] = args.db
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
              "clock skew s", "revoked")
    rows = [
        (str(d.id), d.commune_name, d.name, d.last_push_at or "never", d.last_pull_at or "never",
         "?" if d.backlog is None else str(d.backlog), str(d.events_stored),
         "?" if d.clock_skew_seconds is None else f"{d.clock_skew_seconds:+.0f}",
         d.revoked_at or "")
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


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD day: {text!r}") from exc


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=os.environ.get(DB_ENV, DEFAULT_URL),
                        help="database URL (sqlite:///path, postgresql://user:pass@host/db) "
                             f"or an SQLite file path; default ${DB_ENV} or {DEFAULT_URL}")
    parser = argparse.ArgumentParser(prog="province-hub", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    def command(parent, name: str, run, help_: str, parents=()) -> argparse.ArgumentParser:
        sub = parent.add_parser(name, parents=[common, *parents], help=help_, description=help_)
        sub.set_defaults(run=run)
        return sub

    serve = command(commands, "serve", _serve, "serve the API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--workers", type=int, default=1,
                       help="worker processes (useful with PostgreSQL)")
    serve.add_argument("--ssl-certfile", help="serve HTTPS with this certificate (PEM)")
    serve.add_argument("--ssl-keyfile", help="the certificate's private key (PEM)")
    serve.add_argument("--log-level", default="info",
                       choices=["critical", "error", "warning", "info", "debug"])
    command(commands, "upgrade", _upgrade, "migrate the database schema to the newest version")

    commune = commands.add_parser("commune", help="communes").add_subparsers(required=True,
                                                                            metavar="ACTION")
    create = command(commune, "create", _commune_create, "add a commune")
    create.add_argument("--name", required=True)
    create.add_argument("--agency-code", required=True, help="e.g. 000.17.22.H56")
    command(commune, "list", _commune_list, "list communes: id, agency code, name")
    set_code = command(commune, "set-code", _commune_set_code,
                       "give a commune a new agency code from a day on (after a merger); "
                       "its counters get it on their next pull")
    set_code.add_argument("--commune", type=int, required=True, help="commune id")
    set_code.add_argument("--code", required=True, help="e.g. 000.00.31.H56")
    set_code.add_argument("--since", type=_day, required=True,
                          help="YYYY-MM-DD: the first day dossiers get the new code")

    code = command(commands, "enroll-code", _enroll_code,
                   "print a one-time enrollment code for a counter of a commune")
    code.add_argument("--commune", type=int, required=True, help="commune id")
    code.add_argument("--expires-hours", type=float, default=72)

    device = commands.add_parser("device", help="enrolled counters").add_subparsers(
        required=True, metavar="ACTION")
    revoke = command(device, "revoke", _device_revoke, "revoke a device's token")
    revoke.add_argument("id", type=int)
    listing = command(device, "list", _device_list,
                      "list devices with last sync, reported backlog and events stored")
    listing.add_argument("--commune", type=int, help="only this commune's devices")
    lost = command(device, "lost", _device_lost,
                   "list the events held here that the device lost in a restore of a backup")
    lost.add_argument("id", type=int)

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
    day.add_argument("--note", default="")
    command(calendar_actions, "list", _calendar_list, "list the province's calendar table")

    event = commands.add_parser("event", help="province-side events on dossiers").add_subparsers(
        required=True, metavar="ACTION")
    add = command(event, "add", _event_add,
                  "record a province decision on a dossier and send it to its commune")
    add.add_argument("--dossier", required=True, help="dossier code or UUID")
    add.add_argument("--kind", choices=protocol.PROVINCE_EVENT_KINDS, required=True)
    add.add_argument("--note", default="")
    add.add_argument("--clerk", default="Tỉnh", help="who decided (shown on the counter)")
    web_cli.add_commands(commands, commune, command)
    return parser


if __name__ == "__main__":
    sys.exit(main())
