"""The counters' hash chain at the hub: each pushed event's link is checked against the event
the hub holds from the same device one sequence number lower."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desk_app.services.app import Services
from desk_app.services.demo import DEMO_SETUP
from desk_app.store import outbox
from sync import protocol
from sync.server import registry
from sync.server.cli import main
from sync.server.database import reading
from sync.server.tables import events
from tests.accounts import ADMIN_NAME, ADMIN_USERNAME, PASSWORD
from tests.services.factories import full_draft
from tests.sync.samples import next_event, received_event

PUSH = f"{protocol.API_PREFIX}/events"


def chained(*evts: dict, after: str = protocol.GENESIS_HASH) -> list[dict]:
    out, prev = [], after
    for event in evts:
        link = protocol.chain_hash(prev, event)
        out.append({**event, "prev_hash": prev, "hash": link})
        prev = link
    return out


def push(client, device, batch):
    response = client.post(PUSH, json={"events": batch}, headers=device.headers)
    assert response.status_code == 200, response.text
    return [(r["result"], r["reason"]) for r in response.json()["results"]]


@pytest.fixture
def device(hub_admin):
    return hub_admin.enroll(hub_admin.commune())


def three():
    first = received_event(seq=1)
    return [first, next_event(first, "handed_over", 4, seq=2),
            next_event(first, "result_ready", 9, seq=3, minutes_later=60)]


def test_a_chained_journal_is_accepted_and_its_links_kept(hub_client, hub_engine, device):
    batch = chained(*three())
    assert [r for r, _ in push(hub_client, device, batch[:1])] == ["accepted"]
    assert [r for r, _ in push(hub_client, device, batch[1:])] == ["accepted", "accepted"]
    with reading(hub_engine) as connection:
        stored = connection.execute(
            select(events.c.device_seq, events.c.prev_hash, events.c.hash)
            .order_by(events.c.device_seq)).all()
    assert [tuple(row) for row in stored] == [
        (e["device_seq"], e["prev_hash"], e["hash"]) for e in batch]


def test_an_event_altered_after_it_was_hashed_is_refused(hub_client, device):
    batch = chained(*three())
    batch[1] = {**batch[1], "payload": {"note": "sửa sau khi băm"}}
    [(result, reason)] = push(hub_client, device, [batch[1]])
    assert result == "invalid" and reason.startswith("chain: hash does not match")


def test_a_link_that_does_not_follow_the_stored_event_is_refused(hub_client, device):
    original = chained(*three())
    push(hub_client, device, original[:2])
    # A third event chained after some other second event than the one the hub holds.
    other_second = next_event(original[0], "withdrawn", 7, seq=2)
    forged = chained(other_second, original[2], after=original[0]["hash"])[1]
    [(result, reason)] = push(hub_client, device, [forged])
    assert result == "invalid" and reason.startswith("chain: prev_hash does not follow")
    assert push(hub_client, device, [original[2]]) == [("accepted", None)]


def test_the_first_event_must_start_the_chain(hub_client, device):
    [first] = chained(received_event(seq=1), after="ab" * 32)
    assert push(hub_client, device, [first])[0][0] == "invalid"


def test_a_link_is_let_through_when_the_previous_event_never_reached_the_hub(hub_client,
                                                                             device):
    batch = chained(*three())
    push(hub_client, device, batch[:1])
    assert push(hub_client, device, batch[2:]) == [("accepted", None)]


def test_events_without_a_chain_are_still_accepted(hub_client, device):
    assert [r for r, _ in push(hub_client, device, three())] == ["accepted"] * 3


def test_half_a_link_is_refused(hub_client, device):
    [event] = chained(received_event(seq=1))
    del event["hash"]
    [(result, reason)] = push(hub_client, device, [event])
    assert result == "invalid" and reason.startswith("chain:")


def test_the_counters_queue_carries_links_the_hub_accepts(hub_client, hub_admin, tmp_path):
    device = hub_admin.enroll(hub_admin.commune(agency_code=DEMO_SETUP.agency_code))
    services = Services(tmp_path)
    try:
        services.first_run(DEMO_SETUP, ADMIN_USERNAME, ADMIN_NAME, PASSWORD)
        for _ in range(3):
            services.receive(full_draft(services), accept_warnings=True)
        queued = outbox.pending(services.db, 10)
    finally:
        services.close()
    assert all(e["hash"] for e in queued)
    assert [r for r, _ in push(hub_client, device, queued)] == ["accepted"] * 3


def test_a_counter_restored_from_an_older_backup_runs_its_chain_on_at_the_hub(
        hub_client, hub_admin, hub_engine, hub_db_url, tmp_path, capsys):
    device = hub_admin.enroll(hub_admin.commune(agency_code=DEMO_SETUP.agency_code))
    services = Services(tmp_path)
    try:
        services.first_run(DEMO_SETUP, ADMIN_USERNAME, ADMIN_NAME, PASSWORD)
        def receive(count):
            for _ in range(count):
                services.receive(full_draft(services), accept_warnings=True)

        receive(2)
        made = services.back_up_now()
        receive(2)
        assert {r for r, _ in push(hub_client, device, outbox.pending(services.db, 10))} == {
            "accepted"}
        services.restore(made)  # the two newest dossiers are gone here, not at the hub
        services.login(ADMIN_USERNAME, PASSWORD)
        receive(1)
        # The restored queue sends the first two again (duplicates), then the new dossier.
        results = push(hub_client, device, outbox.pending(services.db, 10))
    finally:
        services.close()
    assert [r for r, _ in results] == ["duplicate", "duplicate", "accepted"]
    with reading(hub_engine) as connection:
        numbers = connection.execute(
            select(events.c.device_seq).where(events.c.device_id == device.device_id)
            .order_by(events.c.device_seq)).scalars().all()
    assert numbers == [1, 2, 3, 4, 5]
    # The hub, holding the two events the restore lost on the counter, says which they are.
    lost = registry.lost_on_counter(hub_engine, device.device_id)
    assert [(e.device_seq, e.kind) for e in lost] == [(3, "received"), (4, "received")]
    assert {e.backup for e in lost} == {made.path.name}
    assert main(["device", "lost", str(device.device_id), "--db", hub_db_url]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in printed[1:]] == ["3", "4"]
    assert made.path.name in printed[1]
