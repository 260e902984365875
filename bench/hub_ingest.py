"""Hub ingest rate: 50 counters pushing gzip-compressed batches of received events at once.

    .venv/bin/python bench/hub_ingest.py                       # SQLite file in a temp folder
    .venv/bin/python bench/hub_ingest.py --reset --db postgresql+psycopg://hub:hub@127.0.0.1/hub_bench

The hub runs as `province-hub serve` in a child process; the counters are threads sending
bodies built and compressed before the clock starts, so the figures are the hub's. Events are
real desk_app received events (full dossier snapshots). `--reset` empties the PostgreSQL
database's public schema first: use it only on a throw-away database.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import requests
from hub_server import running_hub  # noqa: E402 - bench/ is the script's own folder

from desk_app.core.clock import VN_TZ, iso
from desk_app.core.model import Dossier, LedgerEntry
from desk_app.core.payloads import received_payload
from desk_app.core.states import DossierState
from desk_app.services.demo import demo_draft
from desk_app.store.catalogue import parse
from sync.protocol import API_PREFIX
from sync.server import enrollment, registry
from sync.server.database import is_postgresql, open_engine, upgrade

ROOT = Path(__file__).resolve().parents[1]


def received_events(rng: random.Random, agency: str, counter: int, count: int) -> list[dict]:
    _, procedures = parse(json.loads(
        (ROOT / "resources" / "catalogue" / "procedures.json").read_text(encoding="utf-8")))
    start = datetime(2026, 11, 2, 7, 30, tzinfo=VN_TZ)
    found = []
    for n in range(1, count + 1):
        procedure = rng.choice(procedures)
        at = start + timedelta(minutes=7 * n)
        code = f"{agency}-{at:%y%m%d}-{counter}{n % 1000:03d}"
        dossier = Dossier(
            uuid=str(uuid.uuid4()), code=code, procedure_name=procedure.name,
            processing_time=procedure.time, draft=demo_draft(rng, procedure), received_at=at,
            due_at=at + timedelta(days=3), status=DossierState.RECEIVED, clerk="Nguyễn Thị Hoa",
            ledger=LedgerEntry(at.year, n),
        )
        found.append({
            "uuid": str(uuid.uuid4()), "dossier_uuid": dossier.uuid, "kind": "received",
            "status": int(DossierState.RECEIVED), "payload": received_payload(dossier, []),
            "clerk": dossier.clerk, "device_seq": n, "device_time": iso(at),
        })
    return found


def prepare(db: str, reset: bool, devices: int, per_device: int, batch: int, rng):
    """Communes, enrolled devices and their batches: [(token, [gzip body, ...], JSON bytes)]."""
    engine = open_engine(db)
    if reset and is_postgresql(engine):
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE")
            connection.exec_driver_sql("CREATE SCHEMA public")
    upgrade(engine)
    run = uuid.uuid4().hex[:6].upper()
    counters = []
    for n in range(devices):
        # Ten communes of five counters each, like a slice of a province.
        agency = f"000.{n // 5:02d}.{run}.H56"
        if n % 5 == 0:
            commune = registry.create_commune(engine, f"Xã Đo Tải {n // 5}", agency)
        code = enrollment.issue_code(engine, commune)
        token = enrollment.redeem(engine, code, f"Quầy {n % 5 + 1}").token
        events = received_events(rng, agency, n % 5 + 1, per_device)
        plain = [json.dumps({"events": events[i:i + batch]}, ensure_ascii=False).encode()
                 for i in range(0, len(events), batch)]
        counters.append((token, [gzip.compress(body) for body in plain], sum(map(len, plain))))
    engine.dispose()
    return counters


def push_all(url: str, counters):
    latencies: list[float] = []
    accepted = [0]
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(len(counters) + 1)

    def counter(token: str, bodies: list[bytes], _plain_bytes: int) -> None:
        session = requests.Session()
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json",
                   "Content-Encoding": "gzip"}
        start.wait()
        for body in bodies:
            t0 = time.perf_counter()
            response = session.post(f"{url}{API_PREFIX}/events", data=body, headers=headers,
                                    timeout=120)
            elapsed = time.perf_counter() - t0
            with lock:
                if response.status_code != 200:
                    errors.append(f"{response.status_code} {response.text[:200]}")
                    continue
                latencies.append(elapsed)
                accepted[0] += sum(r["result"] == "accepted" for r in response.json()["results"])

    threads = [threading.Thread(target=counter, args=c) for c in counters]
    for thread in threads:
        thread.start()
    start.wait()
    t0 = time.perf_counter()
    for thread in threads:
        thread.join()
    return time.perf_counter() - t0, accepted[0], latencies, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="hub database URL (default: SQLite file in a temp folder)")
    parser.add_argument("--reset", action="store_true",
                        help="empty the PostgreSQL database first (throw-away databases only)")
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--per-device", type=int, default=400, help="events each counter pushes")
    parser.add_argument("--batch", type=int, default=100, help="events per request")
    parser.add_argument("--workers", type=int, default=1, help="hub worker processes")
    parser.add_argument("--port", type=int, default=8799)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or f"sqlite:///{Path(folder) / 'hub.db'}"
        name = "postgresql" if db.startswith("postgres") else "sqlite"
        counters = prepare(db, args.reset, args.devices, args.per_device, args.batch,
                           random.Random(4))
        with running_hub(db, args.port, args.workers) as url:
            seconds, accepted, latencies, errors = push_all(url, counters)
    sent = sum(len(b) for _, bodies, _ in counters for b in bodies)
    plain = sum(size for _, _, size in counters)
    events = args.devices * args.per_device
    cuts = statistics.quantiles(latencies, n=20)
    print(f"ingest_{name}_events_per_s {accepted / seconds:.0f} events/s")
    print(f"ingest_{name}_batch_p50 {statistics.median(latencies) * 1000:.0f} ms")
    print(f"ingest_{name}_batch_p95 {cuts[18] * 1000:.0f} ms")
    print(f"ingest_{name}_gzip_bytes_per_event {sent / events:.0f} bytes")
    print(f"ingest_{name}_json_bytes_per_event {plain / events:.0f} bytes")
    print(f"ingest_{name}_events {accepted} events")
    print(f"ingest_{name}_errors {len(errors)} requests")
    for error in errors[:5]:
        print(f"# {error}", file=sys.stderr)



if __name__ == "__main__":
    main()
