"""The counter and a real hub on loopback: enrollment, a dossier going up exactly once, the
province's decisions coming down through the state machine, the catalogue and calendar, the
status the status bar shows, the reconciliation, and a correction followed by the hub's view; and
the receipt's QR code as the citizen's lookup link, with the hub's address and the commune's key
from the enrollment."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import requests
from sqlalchemy import select

from desk_app.core.lifecycle import ResultReturn
from desk_app.core.reports import BoardKey
from desk_app.core.states import DossierState
from desk_app.services.errors import ValidationFailed
from desk_app.services.province_events import PROVINCE_DEVICE_ID
from desk_app.services.sync import SyncService, SyncState
from desk_app.store import outbox, sync_state
from sync import protocol
from sync.client import HubOffline, HubUnauthorised
from sync.protocol import API_PREFIX
from sync.server import publishing, registry
from sync.server.database import reading
from sync.server.tables import dossiers as hub_dossiers
from tests.accounts import log_in_again
from tests.printing.pdf_checks import decoded_qr, needs_qr_tools
from tests.sync.counter_side import (
    AGENCY,
    assert_hub_matches_counter,
    enroll,
    new_counter,
    receive,
)
from tests.sync.live_hub import free_port


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


def test_a_dossier_goes_up_once_and_the_result_comes_back_down(live_hub, counter, sync):
    assert sync.status().state is SyncState.NOT_ENROLLED
    enroll(sync, live_hub.url, live_hub.admin)
    dossier = receive(counter, 1)[0]
    assert sync.status().waiting == 1

    status = sync.sync_now()
    again = sync.sync_now()

    assert status.state is SyncState.SYNCED and status.waiting == 0 and status.error == ""
    assert again.state is SyncState.SYNCED
    assert_hub_matches_counter(counter, live_hub.admin.engine)
    with reading(live_hub.admin.engine) as connection:
        on_hub = connection.execute(select(hub_dossiers)).all()
    assert [(d.code, d.status) for d in on_hub] == [(dossier.code, 2)]

    decided = live_hub.admin.province_event(dossier.code, "result_ready", note="Đã ký quyết định")
    counter.logout()  # the screen is locked: sync goes on and applies the province's decision
    after = sync.sync_now()

    assert after.state is SyncState.SYNCED
    log_in_again(counter)
    local = counter.dossier(dossier.uuid)
    assert local.status is DossierState.RESULT_READY
    last = counter.history(dossier.uuid)[-1]
    assert (last.uuid, last.kind, last.device_id) == (decided["uuid"], "result_ready",
                                                      PROVINCE_DEVICE_ID)
    assert last.server_time is not None
    assert last.payload["note"] == "Đã ký quyết định"
    ready = counter.board(counter.now()).category(BoardKey.READY_TO_RETURN)
    assert [row.code for row in ready.rows] == [dossier.code]
    # Not queued for upload again: the hub still holds only the counter's own event.
    assert outbox.count(counter.db, outbox.PENDING) == 0
    assert live_hub.admin.count("events") == 2
    assert_hub_matches_counter(counter, live_hub.admin.engine)


def test_a_supplement_request_from_the_province_stops_the_clock(live_hub, counter, sync):
    enroll(sync, live_hub.url, live_hub.admin)
    dossier = receive(counter, 1)[0]
    sync.sync_now()
    live_hub.admin.province_event(dossier.code, "supplement_requested",
                                  note="Bản sao giấy khai sinh của con")

    counter.logout()  # nobody at the counter: sync applies it all the same
    sync.sync_now()

    log_in_again(counter)
    assert counter.dossier(dossier.uuid).status is DossierState.SUPPLEMENT
    request = counter.history(dossier.uuid)[-1]
    assert request.payload["missing"] == ["Bản sao giấy khai sinh của con"]
    assert request.payload["requested_by"] == "Tỉnh"


def test_a_province_event_that_cannot_apply_is_a_problem_not_a_crash(live_hub, counter, sync):
    enroll(sync, live_hub.url, live_hub.admin)
    ready, returned = receive(counter, 2)
    sync.sync_now()
    # The clerk refused the second dossier meanwhile: a result can no longer arrive for it.
    counter.refuse(returned.uuid, "Hồ sơ không thuộc thẩm quyền giải quyết của xã")
    live_hub.admin.province_event(returned.code, "result_ready")
    live_hub.admin.province_event(ready.code, "result_ready")

    status = sync.sync_now()

    assert status.state is SyncState.SYNCED
    assert counter.dossier(ready.uuid).status is DossierState.RESULT_READY
    assert counter.dossier(returned.uuid).status is DossierState.REFUSED
    problems = sync.problems()
    assert len(problems) == 1 and returned.code in problems[0].message
    assert problems[0].dossier_uuid == returned.uuid
    # The cursor moved past it: the next pull does not stumble on it again.
    sync.sync_now()
    assert len(sync.problems()) == 1
    assert_hub_matches_counter(counter, live_hub.admin.engine)


def test_an_event_for_a_dossier_this_counter_does_not_have_is_recorded(live_hub, tmp_path):
    first, second = new_counter(tmp_path / "a"), new_counter(tmp_path / "b")
    one, two = SyncService(first), SyncService(second)
    commune = enroll(one, live_hub.url, live_hub.admin)
    enroll(two, live_hub.url, live_hub.admin, commune)
    dossier = receive(first, 1)[0]
    one.sync_now()
    live_hub.admin.province_event(dossier.code, "result_ready")

    assert two.sync_now().state is SyncState.SYNCED
    assert one.sync_now().state is SyncState.SYNCED

    assert "không có hồ sơ" in two.problems()[0].message
    assert first.dossier(dossier.uuid).status is DossierState.RESULT_READY
    for service in (one, two):
        service.close()
    first.close()
    second.close()


def test_a_newer_catalogue_and_the_calendar_come_down_without_touching_dossiers(
        live_hub, counter, sync):
    enroll(sync, live_hub.url, live_hub.admin)
    dossier = receive(counter, 1)[0]
    before = counter.dossier(dossier.uuid)
    procedure = counter.procedure(dossier.draft.procedure_code)
    document = {"version": "2099.1", "source": "Quyết định của UBND tỉnh",
                "procedures": [{"code": procedure.code, "name": "Tên thủ tục mới",
                                "field": procedure.field,
                                "time": {"value": 9, "unit": "working_days"}}]}
    publishing.publish_catalogue(live_hub.admin.engine, document)
    off = counter.now().date() + timedelta(days=1)
    publishing.set_calendar_day(live_hub.admin.engine, off, "off", "Nghỉ bù")

    sync.sync_now()

    assert [p.name for p in counter.procedures()] == ["Tên thủ tục mới"]
    assert counter.dossier(dossier.uuid) == before
    assert not counter.calendar().is_working_day(off)


def test_status_says_offline_when_the_hub_cannot_be_reached(counter, sync, live_hub):
    enroll(sync, live_hub.url, live_hub.admin)
    receive(counter, 2)
    with counter.ctx.lock, counter.db.atomic():
        counter.db.execute("UPDATE sync_state SET hub_url = ?",
                           [f"http://127.0.0.1:{free_port()}"])

    status = sync.sync_now()

    assert status.state is SyncState.OFFLINE and status.waiting == 2
    assert "từ chối kết nối" in status.error
    assert status.last_sync is None
    with pytest.raises(HubOffline):
        sync.push()


def test_a_revoked_counter_is_told_so_in_vietnamese(live_hub, counter, sync):
    enroll(sync, live_hub.url, live_hub.admin)
    sync.sync_now()
    device_id = sync.connection().hub_device_id
    registry.revoke_device(live_hub.admin.engine, device_id)
    receive(counter, 1)

    status = sync.sync_now()

    assert status.state is SyncState.FAILED
    assert status.error.startswith("Máy này đã bị thu hồi quyền đồng bộ")
    assert status.last_sync is not None  # the earlier good sync is still shown
    assert status.waiting == 1


def test_enrollment_checks_its_input_and_refuses_a_wrong_code(live_hub, sync):
    with pytest.raises(ValidationFailed) as missing:
        sync.enroll(" ", "", "Quầy 1")
    assert {i.field for i in missing.value.issues} == {"url", "code"}
    live_hub.admin.commune("UBND xã Tân Lập", AGENCY)
    with pytest.raises(HubUnauthorised, match="Mã đăng ký không dùng được"):
        sync.enroll(live_hub.url, "WRONG-CODE", "Quầy 1")
    assert not sync.enrolled()


def test_the_token_is_kept_apart_from_the_readable_settings(live_hub, counter, sync):
    enroll(sync, live_hub.url, live_hub.admin)
    token = sync_state.token(counter.db)

    readable = counter.db.execute("SELECT group_concat(value) FROM settings").fetchone()[0]
    state = counter.db.execute("SELECT * FROM sync_state").fetchall()
    assert token and token not in readable and token not in repr(state)
    assert token not in repr(sync.connection())


def test_reconciliation_matches_the_hub_count_for_this_device(live_hub, counter, sync):
    enroll(sync, live_hub.url, live_hub.admin)
    receive(counter, 3)
    sync.sync_now()
    receive(counter, 2, seed=2)

    figures = sync.reconciliation(counter.now().date())

    assert (figures.created, figures.synced, figures.waiting, figures.quarantined) == (5, 3, 2, 0)
    assert figures.hub_count == 3 and figures.matches
    sync.sync_now()
    done = sync.reconciliation(counter.now().date())
    assert (done.synced, done.waiting, done.hub_count, done.matches) == (5, 0, 5, True)
    assert sync.reconciliation(date(2020, 1, 1)).created == 0
    pdf = sync.reconciliation_pdf(counter.now().date())
    assert pdf.exists() and pdf.is_relative_to(counter.data_dir / "phieu")
    assert sync.reconciliation_pdf(counter.now().date()) != pdf  # a reprint never overwrites


def test_every_step_of_a_dossier_s_life_is_accepted_by_the_hub(live_hub, counter, sync):
    enroll(sync, live_hub.url, live_hub.admin)
    dossier, apologised, refused = receive(counter, 3)
    counter.hand_over([dossier.uuid, apologised.uuid], "Công an xã", "Lê Văn Tâm")
    counter.request_supplement(dossier.uuid, ["Bản sao sổ hộ khẩu"], "Thiếu giấy tờ", "")
    counter.receive_supplement(dossier.uuid, receiver_name="Lê Văn Tâm")
    counter.record_result_ready(dossier.uuid, "Công an xã", "Lê Văn Tâm")
    counter.return_result(dossier.uuid, ResultReturn(counter.now(), dossier.applicant.name))
    counter.apologise(apologised.uuid, "Cần xác minh thêm", extra_working_days=2)
    counter.refuse(refused.uuid, "Không thuộc thẩm quyền")

    status = sync.sync_now()

    assert (status.state, status.waiting, status.quarantined) == (SyncState.SYNCED, 0, 0)
    assert_hub_matches_counter(counter, live_hub.admin.engine)
    with reading(live_hub.admin.engine) as connection:
        states = dict(connection.execute(select(hub_dossiers.c.code, hub_dossiers.c.status)).all())
    assert states == {dossier.code: 10, apologised.code: 4, refused.code: 3}


def test_a_merged_communes_new_agency_code_comes_down_from_its_day(live_hub, counter, sync):
    commune_id = enroll(sync, live_hub.url, live_hub.admin)
    before = receive(counter, 1)[0]
    tomorrow = counter.now().date() + timedelta(days=1)
    publishing.set_agency_code(live_hub.admin.engine, commune_id, "000.00.31.H56", tomorrow)

    assert sync.sync_now().state is SyncState.SYNCED

    assert counter.counter_setup().agency_code == "000.00.31.H56"
    assert sync_state.problems(counter.db) == []
    today = receive(counter, 1)[0]  # the old code is in force until tomorrow
    assert today.code.startswith(f"{AGENCY}-") and before.code.startswith(f"{AGENCY}-")
    assert counter.dossier(before.uuid).code == before.code
    later = counter.receive(before.draft, accept_warnings=True,
                            received_at=counter.now() + timedelta(days=1))
    assert later.code == f"000.00.31.H56-{tomorrow:%y%m%d}-1001"


# --- A correction (docs/domain.md, "Correcting a mistake"): the hub's view follows it ---


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


# --- The receipt's QR code as the citizen's lookup link ---


def test_a_counter_enrolled_before_lookup_links_prints_the_bare_code(counter, tmp_path):
    assert sync_state.load(counter.db).lookup_key is None
    dossier = receive(counter, 1)[0]
    pdf = counter.receipt_pdf(dossier.uuid)
    assert decoded_qr(pdf, tmp_path) == dossier.code


@needs_qr_tools
def test_the_receipts_qr_is_the_lookup_link_and_opens_the_dossier(live_hub, counter, sync,
                                                                   tmp_path):
    enroll(sync, live_hub.url, live_hub.admin)
    stored = sync_state.load(counter.db)
    assert stored.lookup_url == live_hub.url and len(stored.lookup_key) == 64

    dossier = receive(counter, 1)[0]
    link = decoded_qr(counter.receipt_pdf(dossier.uuid), tmp_path)
    check = protocol.lookup_check(stored.lookup_key, dossier.code)
    assert link == f"{live_hub.url}/tra-cuu/{dossier.code}?k={check}"

    before = requests.get(link, timeout=10)
    assert before.status_code == 200
    assert f"chưa nhận được hồ sơ {dossier.code}" in before.text
    assert "Lần gửi dữ liệu gần nhất của xã: chưa có." in before.text

    sync.sync_now()
    after = requests.get(link, timeout=10).text
    assert "Được tiếp nhận" in after
    first, *others = dossier.applicant.name.split()
    masked = " ".join([first[:2] + "***", *(word[0] + "**" for word in others)])
    assert f'<dd id="applicant">{masked}</dd>' in after
    assert dossier.applicant.name not in after
