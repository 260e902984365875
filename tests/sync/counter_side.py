"""The counter's side for the sync client and fault tests: a set-up counter on a real SQLite
file, dossiers received through Services.receive, enrollment with a real hub, and the check
that ends every fault test: the hub holds exactly what the counter recorded, once each."""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, select

from desk_app.core.clock import now_vn
from desk_app.core.model import Dossier
from desk_app.services.app import Services
from desk_app.services.demo import DEMO_SETUP, demo_draft
from desk_app.services.sync import SyncService
from desk_app.store import dossiers, events, files, outbox
from sync.client import HubError
from sync.protocol import content_digest
from sync.server import tables as hub_tables
from sync.server.database import reading
from sync.server.tables import events as hub_events_table
from tests.accounts import ADMIN_NAME, ADMIN_USERNAME, PASSWORD, log_in_again
from tests.sync.live_hub import HubAdmin

# DEMO_SETUP's agency code, so the hub's commune and the dossier codes agree.
AGENCY = DEMO_SETUP.agency_code


class Clock:
    """Real time moved by a fixed offset (a counter whose clock is wrong), or pinned."""

    def __init__(self, offset: timedelta = timedelta(0), pinned: datetime | None = None):
        self.offset = offset
        self.pinned = pinned

    def __call__(self) -> datetime:
        return self.pinned if self.pinned is not None else now_vn() + self.offset


def new_counter(data_dir: Path, clock: Callable[[], datetime] | None = None) -> Services:
    """The demo counter in `data_dir` (set up if new) with its admin logged in."""
    services = Services(data_dir, clock=clock or Clock())
    if services.counter_setup() is None:
        services.first_run(DEMO_SETUP, ADMIN_USERNAME, ADMIN_NAME, PASSWORD)
    else:
        log_in_again(services)
    return services


def receive(services: Services, count: int, seed: int = 1) -> list[Dossier]:
    """`count` realistic dossiers received now, each its own transaction as at the counter."""
    rng = random.Random(seed)
    procedures = services.procedures()
    return [services.receive(demo_draft(rng, rng.choice(procedures)), accept_warnings=True)
            for _ in range(count)]


def receive_fast(services: Services, count: int, seed: int = 1) -> list[Dossier]:
    """The same in one transaction, for tests that need a long queue quickly."""
    with services.db.atomic():
        return receive(services, count, seed)


def enroll(sync: SyncService, hub_url: str, admin: HubAdmin,
           commune_id: int | None = None) -> int:
    """Enroll through the real HTTP endpoint; returns the commune id."""
    commune_id = commune_id or admin.commune("UBND xã Tân Lập", AGENCY)
    sync.enroll(hub_url, admin.enrollment_code(commune_id), "Quầy 1")
    return commune_id


def counter_events(services: Services) -> dict[str, tuple[str, str | None]]:
    """This counter's own events: uuid → (content digest, server time)."""
    rows = services.db.execute(
        "SELECT uuid, dossier_uuid, kind, status, payload, clerk, device_seq, device_time, "
        "server_time FROM events WHERE device_id = ?", [services.device_id()]).fetchall()
    found = {}
    for row in rows:
        event = dict(zip(("uuid", "dossier_uuid", "kind", "status", "payload", "clerk",
                          "device_seq", "device_time"), row[:8], strict=True))
        event["payload"] = json.loads(event["payload"])
        found[row[0]] = (content_digest(event), row[8])
    return found


def hub_events(engine: Engine) -> dict[str, tuple[str, str]]:
    """Every device event the hub holds: uuid → (content digest, server time)."""
    with reading(engine) as connection:
        rows = connection.execute(
            select(hub_events_table.c.uuid, hub_events_table.c.content_digest,
                   hub_events_table.c.server_time)
            .where(hub_events_table.c.device_id.is_not(None))).all()
    assert len(rows) == len({row.uuid for row in rows})
    return {row.uuid: (row.content_digest, row.server_time) for row in rows}


def assert_hub_matches_counter(services: Services, engine: Engine) -> None:
    """Every event this counter recorded is on the hub exactly once, with the same content, and
    marked sent here with the hub's time; nothing is left waiting. The exceptions are the
    events the hub refused (quarantined or discarded here): an invalid one is not on the hub,
    a conflicting one is there with its other content. The hub holds nothing else from this
    counter."""
    ours = counter_events(services)
    theirs = hub_events(engine)
    states = dict(services.db.execute("SELECT event_uuid, state FROM outbox").fetchall())
    refused = {uuid for uuid, state in states.items()
               if state in (outbox.QUARANTINED, outbox.DISCARDED)}
    sent = set(ours) - refused
    assert outbox.count(services.db, outbox.PENDING) == 0
    assert {states[uuid] for uuid in sent} <= {outbox.SENT}
    assert sent <= set(theirs), f"missing on the hub: {len(sent - set(theirs))}"
    assert set(theirs) - sent <= refused, (
        f"unknown to the counter: {len(set(theirs) - sent - refused)}")
    for uuid in sent:
        digest, server_time = ours[uuid]
        assert theirs[uuid][0] == digest, f"event {uuid} differs on the hub"
        assert server_time is not None, f"event {uuid}: the hub's time was not stored"
        assert datetime.fromisoformat(server_time) == datetime.fromisoformat(theirs[uuid][1])
    for uuid in refused & set(theirs):
        assert theirs[uuid][0] != ours[uuid][0], f"event {uuid} was refused but is on the hub"


def digitise(services: Services, dossier: Dossier, data: bytes) -> str:
    """Keep `data` as a digitised document's file of `dossier` and record an event naming it
    (its payload's top-level "files"), as the digitisation store does; returns its SHA-256."""
    sha256 = hashlib.sha256(data).hexdigest()
    path = files.path_of(services.data_dir, sha256)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    ctx = services.ctx
    with ctx.lock, ctx.db.atomic():
        events.append(ctx.db, dossier_uuid=dossier.uuid, kind="rescheduled",
                      status=dossiers.get(ctx.db, dossier.uuid).status,
                      payload={"files": [sha256], "note": "số hóa"}, clerk=ctx.clerk_name(),
                      device_id=ctx.device_id(), at=ctx.now())
        ctx.reserve_journal_tip()
    return sha256


def hub_files(engine: Engine) -> dict[str, bytes]:
    """Every whole file the hub holds: SHA-256 → its bytes, put together from its chunks, which
    follow one another without gap or overlap."""
    held: dict[str, bytes] = {}
    with reading(engine) as connection:
        rows = connection.execute(select(hub_tables.files)).all()
        for row in rows:
            parts = connection.execute(
                select(hub_tables.file_chunks.c.offset, hub_tables.file_chunks.c.data)
                .where(hub_tables.file_chunks.c.sha256 == row.sha256)
                .order_by(hub_tables.file_chunks.c.offset)).all()
            at = 0
            for offset, data in parts:
                assert offset == at, f"file {row.sha256}: chunk at {offset}, expected {at}"
                at += len(data)
            assert at == row.received
            if row.completed_at is not None:
                held[row.sha256] = b"".join(bytes(data) for _, data in parts)
    return held


def assert_hub_holds_files(engine: Engine, expected: dict[str, bytes]) -> None:
    """The hub holds each of these files once, whole and byte-identical, and nothing else."""
    held = hub_files(engine)
    assert set(held) == set(expected), f"missing {set(expected) - set(held)}"
    for sha256, data in expected.items():
        assert held[sha256] == data, f"file {sha256} differs on the hub"


def until_through(*steps: Callable[[], object], tries: int = 300) -> int:
    """Run the steps in order again and again until one pass raises no HubError (each must be
    "offline": a cut, not a refusal), at most `tries` times; returns how many passes failed."""
    for failures in range(tries):
        try:
            for step in steps:
                step()
        except HubError as exc:
            assert exc.offline, exc
            continue
        return failures
    raise AssertionError(f"nothing got through in {tries} tries")
