"""The counter's process killed (SIGKILL, like a power cut) while pushing: at the one moment
that matters — the hub has stored a batch, the counter has not yet stored the answer — and at
random moments. The next run resends what was not acknowledged; the hub answers `duplicate`,
and everything ends on the hub once."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

import pytest

from desk_app.services.sync import SyncService
from desk_app.store import outbox
from tests.sync.counter_side import (
    assert_hub_matches_counter,
    enroll,
    hub_events,
    new_counter,
    receive_fast,
)

HARNESS = [sys.executable, "-m", "tests.sync.client_harness"]


@pytest.fixture
def queued_counter(tmp_path, live_hub):
    """A counter enrolled with the live hub and 300 dossiers queued, closed again so that a
    child process can take it over."""
    data_dir = tmp_path / "counter"
    services = new_counter(data_dir)
    sync = SyncService(services)
    enroll(sync, live_hub.url, live_hub.admin)
    receive_fast(services, 300)
    sync.close()
    services.close()
    return data_dir


def run_harness(data_dir, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([*HARNESS, str(data_dir), *options], capture_output=True, text=True,
                          timeout=60)


def check(data_dir, engine) -> None:
    services = new_counter(data_dir)
    try:
        assert_hub_matches_counter(services, engine)
    finally:
        services.close()


def sent_here(data_dir) -> set[str]:
    services = new_counter(data_dir)
    try:
        return {uuid for (uuid,) in services.db.execute(
            "SELECT event_uuid FROM outbox WHERE state = ?", [outbox.SENT]).fetchall()}
    finally:
        services.close()


def test_killed_after_the_hub_stored_a_batch_and_before_the_answer_was_kept(
        queued_counter, live_hub):
    killed = run_harness(queued_counter, "--batch-size", "50", "--die-before-storing", "3")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    on_hub = set(hub_events(live_hub.admin.engine))
    assert len(on_hub) == 150  # three batches stored on the hub...
    assert len(sent_here(queued_counter)) == 100  # ...two of them known here

    resumed = run_harness(queued_counter, "--batch-size", "50")

    assert resumed.returncode == 0, resumed.stderr
    assert "pushed 200 duplicates 50" in resumed.stdout
    check(queued_counter, live_hub.admin.engine)


def test_killed_at_random_moments(queued_counter, live_hub):
    rng = random.Random(11)
    for _ in range(4):
        child = subprocess.Popen([*HARNESS, str(queued_counter), "--batch-size", "10"],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "pushing"
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=20)
        child.stdout.close()
        assert sent_here(queued_counter) <= set(hub_events(live_hub.admin.engine))
    assert len(sent_here(queued_counter)) < 300  # the kills did land in the middle of pushing

    finished = run_harness(queued_counter, "--batch-size", "10")

    assert finished.returncode == 0, finished.stderr
    check(queued_counter, live_hub.admin.engine)
