"""How big and how slow the backups are on a large database.

    .venv/bin/python bench/generate.py --dossiers 200000 --data /tmp/bk200k
    .venv/bin/python bench/backup_scale.py --data /tmp/bk200k

Copies the generated desk.db into a fresh temporary data folder beside it (the original is
never touched) and prints `name value unit` lines:
- the start-up backup with no backup yet (a full copy, its quick_check, the thinning), then a
  second start right after it (the app restarted within the backup interval);
- the disk the kept set takes after a simulated year of rotation: a start backup each working
  morning and one every 4 hours of the working day, each the size of the real copy. Only the
  backups' times and sizes are made up (the rotation reads nothing else), so the year costs
  no disk; "generations only" is the daily/weekly/monthly rotation without the disk budget;
- a restore of the backup made above, as the admin's restore dialog runs it (a backup of the
  current state first, the copy written over the live database, numbering resumed).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from desk_app.core.backups import BackupKind
from desk_app.services import backups
from desk_app.services.app import Services
from desk_app.services.demo import log_in_to_demo
from desk_app.store import backup_rotation

MIB = 1024 * 1024


def timed(call):
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def simulated_year(template, budget: bool) -> list:
    kept, start = [], datetime(2026, 1, 1, 7, 30)
    for day in range(365):
        morning = start + timedelta(days=day)
        if morning.weekday() >= 5:
            continue
        for n, hours in enumerate((0, 4, 8)):
            made_at = morning + timedelta(hours=hours)
            kind = BackupKind.START if n == 0 else BackupKind.PERIODIC
            kept.append(replace(template, path=Path(f"{made_at:%Y%m%d%H%M}"), made_at=made_at,
                                kind=kind))
            keep = backup_rotation.to_keep(kept, made_at)
            if budget:
                keep = backup_rotation.within_budget(
                    kept, keep, backups.BackupSettings().budget(template.size))
            kept = [b for b in kept if b.path in keep]
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True,
                        help="a data folder holding desk.db (made by bench/generate.py)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.data.parent) as folder:
        shutil.copyfile(args.data / "desk.db", Path(folder) / "desk.db")
        services = Services(Path(folder))
        try:
            log_in_to_demo(services)
            size = backups.database_size(services.db_path)
            print(f"database_size {size / MIB:.0f} MiB", flush=True)
            made, took = timed(services.back_up_at_start)
            print(f"startup_backup_first {took:.1f} s", flush=True)
            print(f"backup_copy_size {made.size / MIB:.0f} MiB", flush=True)
            _, took = timed(services.back_up_at_start)
            print(f"startup_backup_again {took:.2f} s", flush=True)
            for budget, name in ((False, "generations_only"), (True, "with_budget")):
                kept = simulated_year(made, budget)
                used = sum(b.size for b in kept)
                print(f"year_{name}_copies {len(kept)} copies")
                print(f"year_{name}_disk {used / MIB:.0f} MiB ({used / size:.1f}x the database)",
                      flush=True)
            _, took = timed(lambda: services.restore(made))
            print(f"restore {took:.1f} s", flush=True)
        finally:
            services.close()


if __name__ == "__main__":
    main()
