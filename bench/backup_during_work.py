"""Does the clerk's work wait while a backup copies a large database?

    .venv/bin/python bench/generate.py --dossiers 200000 --data /tmp/backup_bench
    .venv/bin/python bench/backup_during_work.py --data /tmp/backup_bench [--call rows|receive]

Each run copies the generated desk.db into a fresh temporary data folder (the original is
never touched), logs the demo clerk in, then times the small call alone (the floor: a quiet
counter). Then one thread runs `back_up_now()` (copy, quick_check of the copy, thinning) while
another, like the UI's database worker, repeatedly makes the small call with a short pause
between calls (a clerk paging the list, or saving dossiers) and records each call's latency.
`--call rows` (default) is the list's first 20 rows, `--call receive` saves a new dossier.

If the backup holds the services lock for the whole copy, the calls made meanwhile wait for
it: their max is about the backup's duration and only a handful complete. If it copies
through a connection of its own outside the lock, their median stays near the floor.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path

from desk_app.services.app import Services
from desk_app.services.demo import demo_draft, log_in_to_demo

PAUSE = 0.02  # seconds between the worker's calls, so the two threads can take turns


def small_call(services: Services, kind: str):
    if kind == "rows":
        return lambda: services.dossier_rows(limit=20)
    procedure, rng = services.procedure("1.004222"), random.Random(1)
    return lambda: services.receive(demo_draft(rng, procedure), accept_warnings=True)


def timed(call) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True,
                        help="a data folder holding desk.db (made by bench/generate.py)")
    parser.add_argument("--call", choices=["rows", "receive"], default="rows")
    parser.add_argument("--floor-runs", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.data.parent) as folder:
        shutil.copyfile(args.data / "desk.db", Path(folder) / "desk.db")
        services = Services(Path(folder))
        log_in_to_demo(services, "lan.nt")
        call = small_call(services, args.call)
        call()  # warm the page cache and the first-call costs
        floor = []
        for _ in range(args.floor_runs):
            floor.append(timed(call))
            time.sleep(PAUSE)

        done = threading.Event()
        backup_time: list[float] = []

        def back_up() -> None:
            try:
                backup_time.append(timed(services.back_up_now))
            finally:
                done.set()

        backup = threading.Thread(target=back_up)
        backup.start()
        time.sleep(0.1)  # let the backup start first, as the timer's backup would
        during = []
        while not done.is_set():
            during.append(timed(call))
            time.sleep(PAUSE)
        backup.join()
        size = (Path(folder) / "desk.db").stat().st_size
        services.close()
    ms = 1000
    print(f"database_size {size / 2**20:.0f} MiB")
    print(f"backup_duration {backup_time[0]:.2f} s")
    print(f"{args.call}_calls_during_backup {len(during)} count")
    print(f"{args.call}_median_during_backup {statistics.median(during) * ms:.1f} ms")
    print(f"{args.call}_max_during_backup {max(during) * ms:.1f} ms")
    print(f"{args.call}_median_no_backup {statistics.median(floor) * ms:.1f} ms")
    print(f"{args.call}_ratio_median_during_to_floor "
          f"{statistics.median(during) / statistics.median(floor):.1f} x")


if __name__ == "__main__":
    main()
