"""Faults in what travels: the same batch delivered twice, a poisoned event among good ones
(quarantined, the queue goes on, a supervisor discards or requeues it), a counter clock an
hour wrong; and the status going offline → syncing → synced / failed with the reason."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from desk_app.core.states import DossierState
from desk_app.services.errors import ServiceError, ValidationFailed
from desk_app.services.sync import DISCARDED_KIND, SyncService, SyncState
from desk_app.store import events, issued_codes, outbox
from sync import protocol
from sync.client import HubClient
from sync.server.database import reading
from sync.server.tables import devices
from sync.server.tables import events as hub_event_rows
from tests.sync.counter_side import (
    Clock,
    assert_hub_matches_counter,
    enroll,
    hub_events,
    new_counter,
    receive,
    receive_fast,
)
from tests.sync.live_hub import free_port


@pytest.fixture
def counter(tmp_path):
    services = new_counter(tmp_path / "counter")
    yield services
    services.close()


@pytest.fixture
def sync(counter):
    service = SyncService(counter, batch_size=20)
    yield service
    service.close()


def raw_hub(sync: SyncService) -> HubClient:
    state = sync.connection()
    return HubClient(state.hub_url, sync._hub().token)


def test_the_same_batch_delivered_twice(live_hub, counter, sync):
    enroll(sync, live_hub.url, live_hub.admin)
    receive_fast(counter, 30)
    batch = sync.outbox.pending(30)
    first = raw_hub(sync).push(batch, sent_at=counter.now().isoformat())  # answer lost

    report = sync.push()
    third = raw_hub(sync).push(batch, sent_at=counter.now().isoformat())

    assert {a.result for a in first.acks} == {"accepted"}
    assert (report.stored, report.duplicates) == (30, 30)
    assert {a.result for a in third.acks} == {"duplicate"}
    assert_hub_matches_counter(counter, live_hub.admin.engine)  # the first delivery's times


def test_a_poisoned_event_is_quarantined_and_the_rest_go_through(live_hub, counter, sync):
    enroll(sync, live_hub.url, live_hub.admin)
    dossiers = receive(counter, 10)
    queued = sync.outbox.pending(10)
    # Someone else stored this event's UUID with other content first.
    tampered = {**queued[4], "payload": {**queued[4]["payload"], "request": "sửa lén"}}
    tampered["hash"] = protocol.chain_hash(tampered["prev_hash"], tampered)  # a consistent forgery
    raw_hub(sync).push([tampered], sent_at=counter.now().isoformat())
    # And this counter recorded a kind the hub does not know.
    with counter.ctx.lock, counter.db.atomic():
        odd = events.append(counter.db, dossier_uuid=dossiers[7].uuid, kind="made_up_kind",
                            status=DossierState.RECEIVED, payload={}, clerk="Nguyễn Thị Hoa",
                            device_id=counter.device_id(), at=counter.now())
    receive(counter, 5, seed=2)  # recorded after the poisoned ones: must not be held back

    status = sync.sync_now()

    assert status.state is SyncState.SYNCED
    assert (status.waiting, status.quarantined) == (0, 2)
    refused = {q.uuid: q for q in sync.quarantined()}
    assert set(refused) == {queued[4]["uuid"], odd.uuid}
    assert "other content" in refused[queued[4]["uuid"]].reason
    assert "unknown kind" in refused[odd.uuid].reason
    assert refused[odd.uuid].dossier_code == dossiers[7].code
    assert_hub_matches_counter(counter, live_hub.admin.engine)

    # The supervisor: the conflicting one is discarded (audited), the other tried again.
    with pytest.raises(ValidationFailed):
        sync.discard(queued[4]["uuid"], "  ")
    audit = sync.discard(queued[4]["uuid"], "Bản ghi trùng mã do lỗi nhập liệu")
    # Its number is reserved outside the database like any use case's (store.issued_codes).
    assert issued_codes.last_event(counter.data_dir, counter.device_id())[0] == audit.device_seq
    sync.requeue(odd.uuid)
    with pytest.raises(ServiceError):
        sync.requeue(queued[4]["uuid"])
    again = sync.sync_now()

    assert [q.uuid for q in sync.quarantined()] == [odd.uuid]  # refused again
    assert again.quarantined == 1
    assert audit.kind == DISCARDED_KIND and audit.payload["discarded_event"] == queued[4]["uuid"]
    assert outbox.state_of(counter.db, queued[4]["uuid"]) == outbox.DISCARDED
    with reading(live_hub.admin.engine) as connection:
        stored = connection.execute(select(hub_event_rows.c.kind).where(
            hub_event_rows.c.uuid == audit.uuid)).scalar_one()
    assert stored == DISCARDED_KIND
    assert_hub_matches_counter(counter, live_hub.admin.engine)
    figures = sync.reconciliation(counter.now().date())
    assert (figures.quarantined, figures.discarded, figures.waiting) == (1, 1, 0)
    # The hub also counts the version it holds of the conflicting event.
    assert (figures.conflicts, figures.hub_count) == (1, figures.synced + 1)
    assert figures.matches


def test_a_counter_clock_an_hour_fast_is_recorded_not_refused(live_hub, tmp_path):
    counter = new_counter(tmp_path / "counter", Clock(offset=timedelta(hours=1)))
    sync = SyncService(counter)
    enroll(sync, live_hub.url, live_hub.admin)
    dossier = receive(counter, 3)[0]

    status = sync.sync_now()

    assert status.state is SyncState.SYNCED and status.waiting == 0
    assert abs(status.skew - timedelta(hours=1)) < timedelta(seconds=30)
    with reading(live_hub.admin.engine) as connection:
        hub_skew = connection.execute(select(devices.c.clock_skew_seconds)).scalar_one()
    assert abs(hub_skew - 3600) < 30
    assert_hub_matches_counter(counter, live_hub.admin.engine)
    # The province decides "now" by the hub's clock, an hour before this counter's receipt.
    live_hub.admin.province_event(dossier.code, "result_ready")
    sync.sync_now()
    assert counter.dossier(dossier.uuid).status is DossierState.RESULT_READY
    history = counter.history(dossier.uuid)
    assert [e.device_time for e in history] == sorted(e.device_time for e in history)
    sync.close()
    counter.close()


class WatchingOutbox:
    """The outbox, noting the sync status each time a batch's answer comes in."""

    def __init__(self, inner, sync: SyncService):
        self.inner, self.sync, self.seen = inner, sync, []

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def store_acks(self, acks) -> None:
        self.seen.append(self.sync.status().state)
        self.inner.store_acks(acks)


def test_status_goes_offline_syncing_synced_then_failed_with_the_reason(
        live_hub, counter, sync):
    enroll(sync, live_hub.url, live_hub.admin)
    hub_url = sync.connection().hub_url
    receive_fast(counter, 45)
    watcher = WatchingOutbox(sync.outbox, sync)
    sync.outbox = watcher

    def point_at(url: str) -> None:
        with counter.ctx.lock, counter.db.atomic():
            counter.db.execute("UPDATE sync_state SET hub_url = ?", [url])

    point_at(f"http://127.0.0.1:{free_port()}")
    offline = sync.sync_now()
    point_at(hub_url)
    synced = sync.sync_now()
    with counter.ctx.lock, counter.db.atomic():
        counter.db.execute("UPDATE sync_credentials SET token = ?, protection = 'plain'",
                           [b"not-a-token"])
    failed = sync.sync_now()

    assert (offline.state, offline.waiting) == (SyncState.OFFLINE, 45)
    assert "từ chối kết nối" in offline.error and offline.last_sync is None
    assert watcher.seen == [SyncState.SYNCING] * 3
    assert (synced.state, synced.waiting, synced.error) == (SyncState.SYNCED, 0, "")
    assert synced.last_sync is not None
    assert failed.state is SyncState.FAILED
    assert "không nhận ra máy này" in failed.error
    assert failed.last_sync == synced.last_sync
    assert len(hub_events(live_hub.admin.engine)) == 45
