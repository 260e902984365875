"""The counter killed (SIGKILL, like a power cut) at the instant between reserving a dossier's
number in ma-ho-so.json and committing the dossier, then restored from a backup made before:
the code the killed transaction reserved, and every code committed after the backup, are never
handed out again."""

from __future__ import annotations

import signal
import subprocess
import sys

from desk_app.store import issued_codes
from tests.accounts import log_in_again
from tests.sync.counter_side import new_counter, receive

HARNESS = [sys.executable, "-m", "tests.sync.counter_harness"]


def run_harness(data_dir, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([*HARNESS, str(data_dir), *options], capture_output=True, text=True,
                          timeout=60)


def committed(result: subprocess.CompletedProcess) -> list[str]:
    return [line.split()[1] for line in result.stdout.splitlines() if line.startswith("code ")]


def test_killed_between_the_witness_and_the_commit_then_restored(tmp_path):
    data_dir = tmp_path / "counter"
    services = new_counter(data_dir)
    before = [d.code for d in receive(services, 2)]
    made = services.back_up_now()
    services.close()

    killed = run_harness(data_dir, "--receive", "5", "--die-after-witness", "4")

    assert killed.returncode == -signal.SIGKILL, killed.stderr
    after_backup = committed(killed)
    assert len(after_backup) == 3  # the fourth was reserved, then the process died
    services = new_counter(data_dir)
    try:
        in_database = {row.code for row in services.dossier_rows(limit=None)}
        assert in_database == {*before, *after_backup}
        services.restore(made)
        log_in_again(services)
        again = [d.code for d in receive(services, 2, seed=7)]
    finally:
        services.close()

    issued = [*before, *after_backup, *again]
    assert len(set(issued)) == len(issued), issued
    reserved_then_killed = int(after_backup[-1][-3:]) + 1
    assert int(again[0][-3:]) == reserved_then_killed + 1  # the reserved number is skipped
    assert issued_codes.WATERMARK_FILE in {p.name for p in data_dir.iterdir()}
