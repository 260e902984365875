"""A counter pushing 10,000 queued dossiers to a local hub: time, rate and bytes on the wire.

    .venv/bin/python bench/sync_push.py                    # SQLite hub in a temp folder, 3 runs
    .venv/bin/python bench/sync_push.py --reset --db postgresql+psycopg://hub:hub@127.0.0.1/hub_bench

The counter is a real desk_app data folder whose dossiers were received through
Services.receive (realistic demo applicants and documents, spread over working days), each
with its received event and outbox entry, queued before the clock starts. The hub runs as
`province-hub serve` in a child process on a fresh database for each run. Measured:
SyncService.push() from its first request until the queue is empty and every acknowledgement
is stored, and what its HTTP client put on the wire: request bodies as sent (gzip), responses
as received, and the headers of both (TCP/IP framing not counted). Medians of the runs are
printed. `--reset` empties a PostgreSQL database's public schema before each run: use it only
on a throw-away database.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from hub_server import running_hub  # noqa: E402 - bench/ is the script's own folder

from desk_app.core.clock import VN_TZ
from desk_app.services.app import Services
from desk_app.services.demo import DEMO_SETUP, demo_draft, log_in_to_demo
from desk_app.services.sync import SyncService
from sync.server import enrollment, registry
from sync.server.database import is_postgresql, open_engine, upgrade

PER_DAY = 500  # a counter issues at most 999 codes a day


def queue_dossiers(folder: Path, count: int) -> None:
    """A set-up counter with `count` dossiers received over the working days before today."""
    start = datetime(2026, 9, 1, 7, 30, tzinfo=VN_TZ)
    services = Services(folder, clock=lambda: start + timedelta(days=60))
    log_in_to_demo(services, "lan.nt")
    calendar = services.calendar()
    rng = random.Random(1)
    procedures = services.procedures()
    day, received = start, 0
    with services.db.atomic():  # one commit: the queue is the input here, not the measure
        while received < count:
            if calendar.is_working_day(day.date()):
                for n in range(min(PER_DAY, count - received)):
                    services.receive(demo_draft(rng, rng.choice(procedures)),
                                     accept_warnings=True,
                                     received_at=day + timedelta(seconds=55 * n))
                received += min(PER_DAY, count - received)
            day += timedelta(days=1)
    services.close()


def fresh_hub(db: str, reset: bool) -> str:
    """Migrate (and, with reset, empty) the hub database; returns an enrollment code."""
    engine = open_engine(db)
    if reset and is_postgresql(engine):
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE")
            connection.exec_driver_sql("CREATE SCHEMA public")
    upgrade(engine)
    commune = registry.create_commune(engine, DEMO_SETUP.commune_name, DEMO_SETUP.agency_code)
    code = enrollment.issue_code(engine, commune)
    engine.dispose()
    return code


def one_run(template: Path, work: Path, db: str, reset: bool, count: int) -> dict[str, float]:
    counter_dir = work / "counter"
    shutil.copytree(template, counter_dir)
    code = fresh_hub(db, reset)
    with running_hub(db) as url:
        services = Services(counter_dir)
        log_in_to_demo(services)  # enrolling is the admin's
        sync = SyncService(services)
        sync.enroll(url, code, "Quầy 1")
        enrolling = sync.stats.bytes_sent + sync.stats.bytes_received
        t0 = time.perf_counter()
        report = sync.push()
        seconds = time.perf_counter() - t0
        waiting = sync.status().waiting
        wire = sync.stats.bytes_sent + sync.stats.bytes_received - enrolling
        sync.close()
        services.close()
    shutil.rmtree(counter_dir)
    if report.stored != count or waiting:
        raise SystemExit(f"pushed {report.stored} of {count}, {waiting} still waiting")
    return {"seconds": seconds, "rate": count / seconds, "wire": wire / count,
            "batches": report.batches}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000, help="dossiers queued")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", help="hub database URL (default: SQLite file in a temp folder)")
    parser.add_argument("--reset", action="store_true",
                        help="empty the PostgreSQL database before each run (throw-away only)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        template = work / "template"
        t0 = time.perf_counter()
        queue_dossiers(template, args.count)
        print(f"# queued {args.count} dossiers in {time.perf_counter() - t0:.1f} s",
              file=sys.stderr)
        runs = []
        for run in range(args.runs):
            db = args.db or f"sqlite:///{work / f'hub-{run}.db'}"
            if args.db and not args.reset and run:
                raise SystemExit("several runs on one PostgreSQL database need --reset")
            runs.append(one_run(template, work, db, args.reset, args.count))
            print(f"# run {run + 1}: {runs[-1]['seconds']:.2f} s", file=sys.stderr)
    name = "postgresql" if args.db and args.db.startswith("postgres") else "sqlite"

    def median(key: str) -> float:
        return statistics.median(r[key] for r in runs)

    print(f"sync_push_{name}_seconds {median('seconds'):.2f} s")
    print(f"sync_push_{name}_dossiers_per_s {median('rate'):.0f} dossiers/s")
    print(f"sync_push_{name}_wire_bytes_per_dossier {median('wire'):.0f} bytes")
    print(f"sync_push_{name}_requests {median('batches'):.0f} requests")


if __name__ == "__main__":
    main()
