"""Files to the hub under faults: connections cut and stalled at random by a TCP proxy, the hub
killed in the middle of an upload and started again, the counter's process killed (SIGKILL) in
the middle of an upload. Each ends with the hub holding every file once, byte-identical, and
the counter having nothing left to send."""

from __future__ import annotations

import random
import signal
import subprocess
import time

from sqlalchemy import select

from desk_app.services.sync import SyncService, SyncState
from sync.server import tables as hub_tables
from sync.server.database import reading
from tests.sync.chaos_proxy import ChaosProxy
from tests.sync.counter_side import (
    assert_hub_holds_files,
    digitise,
    enroll,
    new_counter,
    receive,
    until_through,
)
from tests.sync.live_hub import HubAdmin, kill_while
from tests.sync.test_fault_client_killed import HARNESS

CHUNK = 64 * 1024


def with_files(services, sizes: list[int], seed: int) -> dict[str, bytes]:
    """Dossiers with digitised files of these sizes; SHA-256 → bytes."""
    rng = random.Random(seed)
    dossiers = receive(services, 3, seed=seed)
    files = {}
    for size in sizes:
        data = rng.randbytes(size)
        files[digitise(services, rng.choice(dossiers), data)] = data
    return files


def partly_held(engine) -> int:
    """Files the hub holds some but not all of."""
    with reading(engine) as connection:
        return len(connection.execute(
            select(hub_tables.files.c.sha256).where(hub_tables.files.c.received > 0)
            .where(hub_tables.files.c.completed_at.is_(None))).all())


def files_left(services) -> int:
    return services.db.execute(
        "SELECT COUNT(*) FROM file_uploads WHERE state != 'sent'").fetchone()[0]


def test_connections_cut_and_stalled_at_random_leave_each_file_once(live_hub, counter):
    files = with_files(counter, [300_000, 200_000, 150_000, 90_000, 1], seed=3)
    hub_port = int(live_hub.url.rsplit(":", 1)[1])
    first = ("pass", "pass", "cut_response", "stall", "refuse", "cut_request")
    with ChaosProxy(hub_port, seed=5, stall_seconds=1.2, first=first) as proxy:
        sync = SyncService(counter, connect_timeout=1, read_timeout=0.8,
                           file_chunk_bytes=CHUNK)
        enroll(sync, proxy.url, live_hub.admin)
        failures = until_through(sync.push, sync.push_files)
        status = sync.status()
        sync.close()

    assert failures > 0 and proxy.fates["cut_response"] > 0 and proxy.fates["cut_request"] > 0
    assert (status.files_waiting, status.files_quarantined) == (0, 0)
    assert_hub_holds_files(live_hub.admin.engine, files)


def test_the_hub_killed_mid_upload_and_restarted(hub_process_factory, hub_engine, counter):
    hub = hub_process_factory()
    sync = SyncService(counter, read_timeout=5, file_chunk_bytes=CHUNK)
    enroll(sync, hub.url, HubAdmin(hub_engine))
    files = with_files(counter, [2_000_000] * 6, seed=4)
    sync.push()
    partial = []
    failed = kill_while(hub, sync.push_files, random.Random(8), within=(0.2, 0.6),
                        after_kill=lambda: partial.append(partly_held(hub_engine)))

    status = sync.sync_now()
    sync.close()

    assert failed and any(partial)  # the kills did land in the middle of files
    assert status.state is SyncState.SYNCED, status.error
    assert files_left(counter) == 0
    assert_hub_holds_files(hub_engine, files)


def test_the_counter_killed_mid_upload(tmp_path, live_hub):
    data_dir = tmp_path / "counter"
    services = new_counter(data_dir)
    sync = SyncService(services)
    enroll(sync, live_hub.url, live_hub.admin)
    files = with_files(services, [1_500_000] * 8, seed=6)
    sync.close()
    services.close()
    rng = random.Random(12)
    partial = 0
    for _ in range(3):
        child = subprocess.Popen([*HARNESS, str(data_dir), "--files", "--chunk-bytes",
                                  str(CHUNK)], stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "pushing"
        time.sleep(rng.uniform(0.3, 1.0))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=20)
        child.stdout.close()
        partial += partly_held(live_hub.admin.engine)

    finished = subprocess.run([*HARNESS, str(data_dir), "--files"], capture_output=True,
                              text=True, timeout=120)

    assert finished.returncode == 0, finished.stderr
    assert partial  # the kills did land in the middle of files
    services = new_counter(data_dir)
    try:
        assert files_left(services) == 0
    finally:
        services.close()
    assert_hub_holds_files(live_hub.admin.engine, files)
