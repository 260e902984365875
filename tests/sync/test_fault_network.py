"""Faults on the way: connections cut or stalled at random by a proxy, and the hub killed in
the middle of a batch and started again. Each ends with the hub holding exactly what the
counter recorded, once each."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from desk_app.services.sync import SyncService, SyncState
from desk_app.store import outbox
from tests.sync.chaos_proxy import ChaosProxy
from tests.sync.counter_side import (
    assert_hub_matches_counter,
    enroll,
    hub_events,
    new_counter,
    receive_fast,
    until_through,
)
from tests.sync.live_hub import HubAdmin, kill_while


class CountingOutbox:
    """The counter's outbox, counting the hub's answers it stores."""

    def __init__(self, inner):
        self.inner = inner
        self.results: Counter[str] = Counter()

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def store_acks(self, acks) -> None:
        self.inner.store_acks(acks)
        self.results.update(ack.result for ack in acks)


@pytest.fixture
def counter(tmp_path):
    services = new_counter(tmp_path / "counter")
    yield services
    services.close()


def test_connections_cut_and_stalled_at_random_lose_and_double_nothing(live_hub, counter):
    receive_fast(counter, 240)
    hub_port = int(live_hub.url.rsplit(":", 1)[1])
    # The first push is answered to nobody; later exchanges meet every other kind of breakage.
    first = ("pass", "cut_response", "stall", "refuse", "cut_request")
    with ChaosProxy(hub_port, seed=4, stall_seconds=1.2, first=first) as proxy:
        sync = SyncService(counter, batch_size=12, connect_timeout=1, read_timeout=0.8)
        answers = CountingOutbox(sync.outbox)
        sync.outbox = answers
        enroll(sync, proxy.url, live_hub.admin)
        failures = until_through(sync.push, sync.pull)
        status = sync.status()
        sync.close()

    assert status.waiting == 0
    assert failures > 0 and proxy.fates["cut_response"] > 0 and proxy.fates["stall"] > 0
    assert answers.results["duplicate"] > 0  # the batch the hub stored unbeknown to the counter
    assert_hub_matches_counter(counter, live_hub.admin.engine)


def test_the_hub_killed_mid_batch_and_restarted(hub_process_factory, hub_engine, counter):
    hub = hub_process_factory()
    sync = SyncService(counter, batch_size=20, read_timeout=5)
    enroll(sync, hub.url, HubAdmin(hub_engine))
    receive_fast(counter, 600)

    def never_sent_without_the_hub_holding_it() -> None:
        sent = {uuid for (uuid,) in counter.db.execute(
            "SELECT event_uuid FROM outbox WHERE state = 'sent'").fetchall()}
        assert sent <= set(hub_events(hub_engine))

    failed = kill_while(hub, sync.push, random.Random(7),
                        after_kill=never_sent_without_the_hub_holding_it)

    status = sync.sync_now()
    sync.close()

    assert failed  # the kills did land in the middle of pushing
    assert status.state is SyncState.SYNCED
    assert outbox.count(counter.db, outbox.SENT) == 600
    assert_hub_matches_counter(counter, hub_engine)
