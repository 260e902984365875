"""A counter pushing its queue in a process of its own, for the tests that kill it.

    python -m tests.sync.client_harness DATA_DIR [--batch-size B] [--die-before-storing N]
                                        [--files [--chunk-bytes C]]

It prints "pushing" once its database is open, so a test can time a kill from outside. With
--die-before-storing N it sends SIGKILL to itself when the hub's answer to its N-th batch has
arrived and before that answer is stored: the moment that decides whether a re-send is a
duplicate. The hook lives here, in the test harness, wrapped around the counter's outbox; the
app has no such switch. --files uploads the queued files after the events, in chunks of C
bytes.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from desk_app.services.app import Services
from desk_app.services.sync import SyncService


class DyingOutbox:
    def __init__(self, inner, die_on: int):
        self.inner = inner
        self.die_on = die_on
        self.answers = 0

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def store_acks(self, acks) -> None:
        self.answers += 1
        if self.answers == self.die_on:
            os.kill(os.getpid(), signal.SIGKILL)
        self.inner.store_acks(acks)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--die-before-storing", type=int, default=0)
    parser.add_argument("--files", action="store_true")
    parser.add_argument("--chunk-bytes", type=int, default=64 * 1024)
    args = parser.parse_args()
    services = Services(args.data_dir)
    sync = SyncService(services, batch_size=args.batch_size, file_chunk_bytes=args.chunk_bytes)
    if args.die_before_storing:
        sync.outbox = DyingOutbox(sync.outbox, args.die_before_storing)
    print("pushing", flush=True)
    report = sync.push()
    print(f"pushed {report.stored} duplicates {report.duplicates}", flush=True)
    if args.files:
        files = sync.push_files()
        print(f"files sent {files.sent} held before {files.already_held}", flush=True)
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
