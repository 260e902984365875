"""The whole counter under faults, against the real hub on loopback: a counter process receives
dossiers and pushes them while it is killed (SIGKILL) at random moments and at the instant
between reserving a code in ma-ho-so.json and committing it; between runs its database is
damaged (the last WAL frame flipped, the file deleted) and put back from the newest backup as
the admin would at start, or an older backup is restored by hand. Then it syncs again.

At the end the hub holds every code once and every event once, with no two events at one
place of the device's chain; every event the counter holds is on the hub; the events the hub
holds and the counter lost are among those the counter's restores declared (and the hub names
them); and the chain checks on both sides hold and agree.
"""

from __future__ import annotations

import hashlib
import json
import random
import signal
import subprocess
import time
from collections import Counter

import pytest
from sqlalchemy import select

from desk_app.services import backups
from desk_app.services.sync import SyncService
from desk_app.store import outbox
from sync.server import registry
from sync.server.database import reading
from sync.server.tables import events as hub_events_table
from tests.services.test_witnesses import damage_frame
from tests.sync.counter_side import counter_events, enroll, hub_events, new_counter
from tests.sync.test_fault_witness import HARNESS, committed

TRIALS = 14
ENDINGS = ("finished", "killed", "killed", "killed after the witness",
           "killed after the witness")
DAMAGES = ("none", "wal", "wal", "deleted", "restored")


def run_counter(data_dir, rng: random.Random, trial: int) -> tuple[str, list[str]]:
    """One run of the counter process: how it ended and the codes it committed."""
    count = rng.randint(4, 10)
    how = rng.choice(ENDINGS)
    options = ["--receive", str(count), "--seed", str(trial), "--push",
               "--every", str(rng.randint(1, 3))]
    if how == "killed after the witness":
        options += ["--die-after-witness", str(rng.randint(1, count))]
    child = subprocess.Popen([*HARNESS, str(data_dir), *options], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"
    if how == "killed":
        time.sleep(rng.uniform(0.0, 1.2))
        child.send_signal(signal.SIGKILL)
    out, err = child.communicate(timeout=60)
    if how == "finished":
        assert child.returncode == 0, err
    return how, committed(subprocess.CompletedProcess([], child.returncode, out, err))


def damage(data_dir, rng: random.Random) -> str:
    """Damage the stopped counter's data as a disk or a hand would, then do what the admin is
    offered at the next start (services.witnesses, ui.app.open_services)."""
    kind = rng.choice(DAMAGES)
    live = data_dir / "desk.db"
    wal = data_dir / "desk.db-wal"
    if kind == "wal":
        if not wal.exists() or not damage_frame(wal):
            return "none"  # closed cleanly: no WAL left to damage
        services = new_counter(data_dir)
        missing = services.missing_codes()
        services.close()
        if missing:  # the admin is told and takes the newest backup
            backups.restore_damaged(live, backups.newest_good(data_dir))
    elif kind == "deleted":
        for part in data_dir.glob("desk.db*"):
            part.unlink()
        backups.restore_damaged(live, backups.newest_good(data_dir))
    elif kind == "restored":
        services = new_counter(data_dir)
        services.restore(rng.choice(services.list_backups()))
        services.close()
    return kind


def hub_rows(engine, device_id: int) -> list:
    with reading(engine) as connection:
        return connection.execute(
            select(hub_events_table.c.uuid, hub_events_table.c.kind,
                   hub_events_table.c.payload, hub_events_table.c.device_seq,
                   hub_events_table.c.content_digest, hub_events_table.c.prev_hash,
                   hub_events_table.c.hash)
            .where(hub_events_table.c.device_id == device_id)
            .order_by(hub_events_table.c.device_seq)).all()


def hub_chain_breaks(rows) -> list[int]:
    """The hub's side of `verify`: each stored event's hash is its link over its content, and
    follows the hash of the event one lower whenever the hub holds that one."""
    by_seq = {row.device_seq: row for row in rows}
    return [row.device_seq for row in rows
            if hashlib.sha256((row.prev_hash + row.content_digest).encode()).hexdigest()
            != row.hash
            or (row.device_seq - 1 in by_seq
                and by_seq[row.device_seq - 1].hash != row.prev_hash)]


@pytest.mark.slow
def test_the_counter_killed_damaged_restored_and_synced_again(tmp_path, live_hub):
    rng = random.Random(15)
    data_dir = tmp_path / "counter"
    services = new_counter(data_dir)
    sync = SyncService(services)
    enroll(sync, live_hub.url, live_hub.admin)
    sync.close()
    services.back_up_now()  # the first backup holds the enrolment
    services.close()

    issued: list[str] = []
    endings, damages = Counter(), Counter()
    for trial in range(TRIALS):
        how, codes = run_counter(data_dir, rng, trial)
        endings[how] += 1
        issued += codes
        damages[damage(data_dir, rng)] += 1
        if rng.random() < 0.5:
            services = new_counter(data_dir)
            services.back_up_now()
            services.close()
    final, codes = run_counter_to_the_end(data_dir)
    issued += codes

    services = new_counter(data_dir)
    try:
        ours = counter_events(services)
        check = services.verify_journal()
        pending = outbox.count(services.db, outbox.PENDING)
        kept_codes = {row.code for row in services.dossier_rows(limit=None)}
        lost_here = {seq for seam in check.seams
                     for seq in range(seam.first_lost, seam.resumes_at)}
    finally:
        services.close()
    hub_device = only_device(live_hub.admin.engine)
    rows = hub_rows(live_hub.admin.engine, hub_device)
    theirs = hub_events(live_hub.admin.engine)
    hub_codes = Counter(json.loads(row.payload)["code"] for row in rows if row.kind == "received")
    said_lost = {e.uuid for e in registry.lost_on_counter(live_hub.admin.engine, hub_device)}
    only_on_hub = set(theirs) - set(ours)
    not_on_hub = set(ours) - set(theirs)
    duplicated_codes = len(issued) - len(set(issued)) + sum(n - 1 for n in hub_codes.values())
    duplicated_places = len(rows) - len({row.device_seq for row in rows})
    print(f"\nfault test: {TRIALS} trials ({dict(endings)}; damage {dict(damages)}), "
          f"{len(issued)} dossiers committed, {len(hub_codes)} codes and {len(rows)} events on "
          f"the hub, {len(ours)} events on the counter, lost {len(not_on_hub)}, duplicated "
          f"{duplicated_codes} codes and {duplicated_places} chain places, "
          f"{len(only_on_hub)} events held only by the hub (named by it: {len(said_lost)}), "
          f"{len(set(issued) - set(hub_codes) - kept_codes)} dossiers rolled back by restores "
          f"before they were sent")

    assert final == "finished" and pending == 0
    assert duplicated_codes == 0 and duplicated_places == 0
    assert not_on_hub == set()
    assert all(theirs[uuid][0] == ours[uuid][0] for uuid in ours)
    # Every event only the hub holds is one the counter declared lost. The hub may name more:
    # events a restore lost that a later restore (of the backup made before it) brought back.
    assert only_on_hub <= said_lost and said_lost - only_on_hub <= set(ours)
    assert {row.device_seq for row in rows if row.uuid in only_on_hub} <= lost_here
    assert check.ok, check.message
    assert hub_chain_breaks(rows) == []
    assert kept_codes <= set(issued) and set(hub_codes) <= set(issued)
    assert sum(endings.values()) == TRIALS and damages["none"] < TRIALS


def run_counter_to_the_end(data_dir) -> tuple[str, list[str]]:
    """A last run that is not interrupted: the next day's first dossier (which carries the
    last restore's seam to the hub: a seam travels with the next event), then a push."""
    result = subprocess.run([*HARNESS, str(data_dir), "--receive", "1", "--seed", "999",
                             "--push"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return "finished", committed(result)


def only_device(engine) -> int:
    with reading(engine) as connection:
        (device_id,) = connection.execute(
            select(hub_events_table.c.device_id).where(hub_events_table.c.device_id.is_not(None))
            .distinct()).scalars().all()
    return device_id
