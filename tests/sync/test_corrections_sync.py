"""A correction goes up like any event and the hub's view of the dossier follows it (docs/
domain.md, "Correcting a mistake"): the real hub on loopback."""

from __future__ import annotations

import pytest
import requests
from sqlalchemy import select

from desk_app.core.lifecycle import ResultReturn
from desk_app.services.sync import SyncService, SyncState
from sync.protocol import API_PREFIX
from sync.server.database import reading
from sync.server.tables import dossiers as hub_dossiers
from tests.sync.counter_side import assert_hub_matches_counter, enroll, new_counter, receive


@pytest.fixture
def counter(tmp_path):
    services = new_counter(tmp_path / "counter")
    yield services
    services.close()


@pytest.fixture
def sync(counter):
    service = SyncService(counter)
    yield service
    service.close()


def hub_view(engine) -> dict[str, tuple[int, str]]:
    with reading(engine) as connection:
        return {row.code: (row.status, row.last_event_uuid) for row in connection.execute(
            select(hub_dossiers.c.code, hub_dossiers.c.status, hub_dossiers.c.last_event_uuid))}


def test_the_hubs_view_follows_a_correction(live_hub, counter, sync):
    enroll(sync, live_hub.url, live_hub.admin)
    handed, ready, returned = receive(counter, 3)
    counter.hand_over([handed.uuid], "Công an xã", "Lê Văn Tâm")
    counter.record_result_ready(ready.uuid, "Công an xã", "Lê Văn Tâm")
    counter.record_result_ready(returned.uuid, "Công an xã", "Lê Văn Tâm")
    counter.return_result(returned.uuid, ResultReturn(counter.now(), returned.applicant.name))
    assert sync.sync_now().state is SyncState.SYNCED
    assert {code: status for code, (status, _) in hub_view(live_hub.admin.engine).items()} == {
        handed.code: 4, ready.code: 9, returned.code: 10}

    # Two corrections after the reversed actions went up; a third action and its correction
    # go up together in one batch.
    counter.correct_last_action(handed.uuid, "Giao nhầm đơn vị")
    counter.correct_last_action(returned.uuid, "Bấm nhầm: người nhận chưa đến")
    counter.correct_last_action(ready.uuid, "Kết quả của hồ sơ khác")
    status = sync.sync_now()

    assert (status.state, status.waiting, status.quarantined) == (SyncState.SYNCED, 0, 0)
    assert_hub_matches_counter(counter, live_hub.admin.engine)
    view = hub_view(live_hub.admin.engine)
    for dossier, restored in ((handed, 2), (ready, 2), (returned, 9)):
        correction = counter.history(dossier.uuid)[-1]
        assert correction.kind == "corrected"
        assert view[dossier.code] == (restored, correction.uuid)
        assert counter.dossier(dossier.uuid).status == restored
    # The reversed events stay on the hub as they were: the journal is never edited.
    assert live_hub.admin.count("events") == 3 + 4 + 3


def test_the_hub_refuses_a_correction_claiming_a_state_no_action_is_reversed_to(live_hub):
    """A dossier goes back to where a reversible action was recorded from: never to a final
    state (returned, refused, withdrawn, stopped)."""
    device = live_hub.admin.enroll(live_hub.admin.commune())
    event = {"uuid": "6f1c1f64-8d4e-4c1e-9f0e-0a4b8f1d2c3e",
             "dossier_uuid": "0b7d7f0e-3c4f-4a55-8d0e-5a1b2c3d4e5f",
             "kind": "corrected", "status": 10, "payload": {"reason": "x"}, "clerk": "Hoa",
             "device_seq": 1, "device_time": "2026-11-25T08:00:00+07:00"}
    answer = requests.post(f"{live_hub.url}{API_PREFIX}/events", json={"events": [event]},
                           headers=device.headers, timeout=10).json()
    [result] = answer["results"]
    assert result["result"] == "invalid" and "status 10" in result["reason"]
    assert live_hub.admin.count("events") == 0
