"""A counter receiving dossiers (and pushing them) in a process of its own, for the tests that
kill it.

    python -m tests.sync.counter_harness DATA_DIR [--receive N] [--seed S]
                                         [--die-after-witness K] [--push [--every K]]

The counter must be set up already (tests.sync.counter_side.new_counter). It prints "ready"
once its database is open, then "code <code>" for each dossier as it commits, so a test can
time a kill from outside and knows what was committed. With --die-after-witness K it sends
SIGKILL to itself on the K-th dossier once the number is reserved in ma-ho-so.json and before
the transaction commits: the instant between the witness and the commit. The hook lives here,
wrapped around store.issued_codes; the app has no such switch. --push pushes the queue after
receiving, and with --every K also after every K dossiers (as the app's sync timer would, so a
kill can land after the hub holds what the counter then loses).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from desk_app.services.sync import SyncService
from desk_app.store import issued_codes
from tests.sync.counter_side import new_counter, receive


def die_after_witness(on: int) -> None:
    real_reserve = issued_codes.reserve
    reserved = 0

    def reserve_then_die(*args, **kwargs):
        nonlocal reserved
        real_reserve(*args, **kwargs)
        reserved += 1
        if reserved == on:
            os.kill(os.getpid(), signal.SIGKILL)

    issued_codes.reserve = reserve_then_die


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--receive", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--die-after-witness", type=int, default=0)
    parser.add_argument("--push", action="store_true")
    parser.add_argument("--every", type=int, default=0)
    args = parser.parse_args()
    services = new_counter(args.data_dir)
    if args.die_after_witness:
        die_after_witness(args.die_after_witness)
    sync = SyncService(services) if args.push else None
    print("ready", flush=True)
    for number in range(args.receive):
        (dossier,) = receive(services, 1, seed=args.seed * 100_000 + number)
        print(f"code {dossier.code}", flush=True)
        if sync is not None and args.every and (number + 1) % args.every == 0:
            sync.push()
    if sync is not None:
        report = sync.push()
        print(f"pushed {report.stored} duplicates {report.duplicates}", flush=True)
        sync.close()
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
