"""A counter uploading 1,000 digitised files of 100 KB to a local hub: MB/s, and the bytes on
the wire over the files' bytes when the connection is cut now and then.

    .venv/bin/python bench/file_push.py                    # SQLite hub in a temp folder, 3 runs
    .venv/bin/python bench/file_push.py --reset --db postgresql+psycopg://hub:hub@127.0.0.1/hub_bench

The counter is a real desk_app data folder: dossiers received through Services.receive, each
with an event naming its files (payload "files") and the files under <data>/files/, the events
already pushed and acknowledged so the files are queued before the clock starts. The hub runs
as `province-hub serve` in a child process on a fresh database for each run. Measured:
SyncService.push_files() from its first request until every file is held by the hub.

The second measure puts a TCP proxy between the counter and the hub that cuts the connection
in the middle of a request every `--cut-every` bytes (both sides closed at once, what was in
flight lost). The counter tries again at once (the app waits, with backoff) and resumes each
file from the hub's offset. The proxy counts every byte the counter sent it, headers and lost
chunks included (TCP/IP framing not counted); that over the files' bytes is the ratio. Medians
of the runs are printed. `--reset` empties a PostgreSQL database's public schema before each
run: use it only on a throw-away database.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import random
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

from hub_server import cpu_seconds, hub_process  # noqa: E402 - bench/ is the script's own folder
from sync_push import fresh_hub  # noqa: E402

from desk_app.core.clock import VN_TZ
from desk_app.services.app import Services
from desk_app.services.demo import demo_draft, log_in_to_demo
from desk_app.services.sync import SyncService
from desk_app.store import dossiers, events, files
from sync.client import HubError

FILES_PER_DOSSIER = 10


def queue_files(folder: Path, count: int, size: int) -> int:
    """A set-up counter whose dossiers name `count` files of `size` random bytes (random: a
    scan's JPEG or G4 data does not compress either); returns the files' bytes."""
    at = datetime(2026, 11, 2, 8, 0, tzinfo=VN_TZ)
    services = Services(folder, clock=lambda: at)
    log_in_to_demo(services, "lan.nt")
    rng = random.Random(1)
    procedures = services.procedures()
    ctx = services.ctx
    with services.db.atomic():  # one commit: the queue is the input here, not the measure
        for first in range(0, count, FILES_PER_DOSSIER):
            dossier = services.receive(demo_draft(rng, rng.choice(procedures)),
                                       accept_warnings=True)
            named = []
            for _ in range(min(FILES_PER_DOSSIER, count - first)):
                data = os.urandom(size)
                sha256 = hashlib.sha256(data).hexdigest()
                path = files.path_of(folder, sha256)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                named.append(sha256)
            events.append(ctx.db, dossier_uuid=dossier.uuid, kind="rescheduled",
                          status=dossiers.get(ctx.db, dossier.uuid).status,
                          payload={"files": named}, clerk=ctx.clerk_name(),
                          device_id=ctx.device_id(), at=at + timedelta(minutes=1))
    services.close()
    return count * size


class CuttingProxy:
    """Forwards one connection at a time to the hub, counting the bytes the counter sends, and
    closes both sides in the middle of a request each time another `cut_every` bytes have gone
    through."""

    def __init__(self, target_port: int, cut_every: int):
        self.target_port = target_port
        self.cut_every = cut_every
        self.sent = 0  # bytes the counter sent
        self.cuts = 0
        self._next_cut = cut_every
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._relay, args=(client,), daemon=True).start()

    def _relay(self, client: socket.socket) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.target_port))
        threading.Thread(target=self._answers, args=(upstream, client), daemon=True).start()
        try:
            while data := client.recv(65536):
                self.sent += len(data)
                if self.sent >= self._next_cut:
                    self._next_cut += self.cut_every
                    self.cuts += 1
                    upstream.sendall(data[: len(data) // 2])
                    return  # both closed: the rest of the request is lost
                upstream.sendall(data)
        except OSError:
            pass
        finally:
            _close(client, upstream)

    @staticmethod
    def _answers(upstream: socket.socket, client: socket.socket) -> None:
        try:
            while data := upstream.recv(65536):
                client.sendall(data)
        except OSError:
            pass
        finally:
            _close(client, upstream)


def _close(*sides: socket.socket) -> None:
    """Shut down as well as close: a close alone leaves the other thread's recv() waiting, and
    the hub waiting for the connection to end."""
    for side in sides:
        with contextlib.suppress(OSError):
            side.shutdown(socket.SHUT_RDWR)
        side.close()


def upload(sync: SyncService) -> None:
    """push_files until nothing is waiting, trying again at once after a cut."""
    for _ in range(10_000):
        try:
            sync.push_files()
        except HubError as exc:
            if not exc.offline:
                raise
            continue
        return
    raise SystemExit("the files never got through")


def health_ms(url: str, times: int = 50) -> float:
    """The floor: the median of GET /api/v1/health (no database write) on one kept-alive
    connection, measured in the same run as the upload, on the same loaded machine."""
    import requests

    with requests.Session() as session:
        took = []
        for _ in range(times):
            t0 = time.perf_counter()
            session.get(f"{url}/api/v1/health").raise_for_status()
            took.append(time.perf_counter() - t0)
    return statistics.median(took) * 1000


def one_run(template: Path, work: Path, db: str, reset: bool, file_bytes: int,
            cut_every: int | None) -> dict[str, float]:
    counter_dir = work / "counter"
    shutil.copytree(template, counter_dir)
    code = fresh_hub(db, reset)
    with hub_process(db) as (url, hub):
        proxy = CuttingProxy(int(url.rsplit(":", 1)[1]), cut_every) if cut_every else None
        services = Services(counter_dir)
        log_in_to_demo(services)  # enrolling is the admin's
        sync = SyncService(services)
        sync.enroll(proxy.url if proxy else url, code, "Quầy 1")
        sync.push()  # the events: the files are queued once the hub has them
        floor = health_ms(url)
        sent_before = proxy.sent if proxy else 0
        t0 = time.perf_counter()
        hub_cpu, counter_cpu = cpu_seconds(hub.pid), time.process_time()
        upload(sync)
        seconds = time.perf_counter() - t0
        hub_cpu, counter_cpu = cpu_seconds(hub.pid) - hub_cpu, time.process_time() - counter_cpu
        status = sync.status()
        sync.close()
        services.close()
        if proxy:
            proxy.close()
    shutil.rmtree(counter_dir)
    if status.files_waiting or status.files_quarantined:
        raise SystemExit(f"{status.files_waiting} files waiting, "
                         f"{status.files_quarantined} quarantined")
    result = {"seconds": seconds, "mb_per_s": file_bytes / 1e6 / seconds, "health_ms": floor,
              "hub_cpu": hub_cpu, "counter_cpu": counter_cpu}
    if proxy:
        result |= {"wire_ratio": (proxy.sent - sent_before) / file_bytes, "cuts": proxy.cuts}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000, help="files queued")
    parser.add_argument("--size", type=int, default=100_000, help="bytes per file")
    parser.add_argument("--cut-every", type=int, default=10_000_000,
                        help="bytes between two cuts of the connection; 0: no cut runs")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", help="hub database URL (default: SQLite file in a temp folder)")
    parser.add_argument("--reset", action="store_true",
                        help="empty the PostgreSQL database before each run (throw-away only)")
    args = parser.parse_args()
    if args.db and not args.reset and args.runs > 1:
        raise SystemExit("several runs on one PostgreSQL database need --reset")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        template = work / "template"
        file_bytes = queue_files(template, args.count, args.size)
        count = args.count
        clean, cut = [], []
        for run in range(args.runs):
            for cut_every, runs in ((None, clean), (args.cut_every, cut))[:1 + bool(args.cut_every)]:
                db = args.db or f"sqlite:///{work / f'hub-{run}-{len(runs)}-{cut_every}.db'}"
                runs.append(one_run(template, work, db, args.reset, file_bytes, cut_every))
                print(f"# run {run + 1}{' (cut)' if cut_every else ''}: "
                      f"{runs[-1]['seconds']:.2f} s, {runs[-1]['mb_per_s']:.1f} MB/s, "
                      f"health {runs[-1]['health_ms']:.1f} ms, CPU per file: hub "
                      f"{runs[-1]['hub_cpu'] * 1000 / count:.2f} ms, counter "
                      f"{runs[-1]['counter_cpu'] * 1000 / count:.2f} ms", file=sys.stderr)
    name = "postgresql" if args.db and args.db.startswith("postgres") else "sqlite"

    def median(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    print(f"file_push_{name}_seconds {median(clean, 'seconds'):.2f} s")
    print(f"file_push_{name}_mb_per_s {median(clean, 'mb_per_s'):.1f} MB/s")
    print(f"file_push_{name}_health_ms {median(clean, 'health_ms'):.1f} ms")
    # A file's time over one bare HTTP exchange's, both measured in the same run: the figure
    # that the machine's load moves least.
    print(f"file_push_{name}_file_over_health "
          f"{statistics.median(r['seconds'] * 1000 / count / r['health_ms'] for r in clean):.2f}")
    # CPU time per file of each process over the upload (the hub's one worker; the counter's
    # process, every thread): what the two shared cores are asked for, whatever else runs.
    print(f"file_push_{name}_hub_cpu_ms_per_file "
          f"{median(clean, 'hub_cpu') * 1000 / count:.2f} ms")
    print(f"file_push_{name}_counter_cpu_ms_per_file "
          f"{median(clean, 'counter_cpu') * 1000 / count:.2f} ms")
    if cut:
        print(f"file_push_{name}_through_cutting_proxy_mb_per_s "
              f"{median(cut, 'mb_per_s'):.1f} MB/s")
        print(f"file_push_{name}_cuts {median(cut, 'cuts'):.0f}")
        print(f"file_push_{name}_wire_over_file_bytes {median(cut, 'wire_ratio'):.3f}")


if __name__ == "__main__":
    main()
