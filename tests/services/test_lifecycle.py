import sqlite3
from datetime import datetime, timedelta

import pytest

from desk_app.core.clock import VN_TZ
from desk_app.core.lifecycle import ProcessingUnit, ResultReturn, Satisfaction
from desk_app.core.states import DossierState
from desk_app.printing.layout import vn_datetime_phrase
from desk_app.services import printouts as app_module
from desk_app.services.errors import ServiceError, TransitionRefused, ValidationFailed
from desk_app.services.units import DEFAULT_UNITS
from desk_app.store import dossiers as dossiers_store
from desk_app.store import events as events_store
from tests.printing.test_form_sets import pdf_text
from tests.services.factories import full_draft

S = DossierState
WED_0800 = datetime(2026, 11, 25, 8, 0, tzinfo=VN_TZ)
UNIT = "Công chức Tư pháp - Hộ tịch"
COUNTER = "Trung tâm Phục vụ hành chính công xã Tân Lập"  # DEMO_SETUP.unit_name


@pytest.fixture
def receive(services, clock):
    """Receive a dossier (1.004194: 3 working days) at the clock's time, then move it on."""
    clock.now = WED_0800

    def receive_one(code: str = "1.004194", name: str = "Đặng Thị Ánh"):
        return services.receive(full_draft(services, code=code, name=name))

    return receive_one


def later(clock, **delta):
    clock.now = clock.now + timedelta(**delta)
    return clock.now


def kinds(services, uuid):
    return [e.kind for e in services.history(uuid)]


def snapshot(services):
    """Everything a use case may write, to compare before and after a failed one."""
    db = services.db
    return [
        list(db.execute(f"SELECT * FROM {table} ORDER BY 1"))
        for table in ("dossiers", "events", "outbox", "slips")
    ]


# --- Processing units -----------------------------------------------------------------------


def test_a_new_counter_has_the_communes_usual_units(services):
    units = services.processing_units()
    assert units == list(DEFAULT_UNITS)
    assert "Công an xã" in [u.name for u in units]
    assert [u.name for u in units if u.inter_agency] == ["Sở Tư pháp (liên thông)"]


def test_units_are_kept_cleaned_and_checked(services):
    saved = services.save_processing_units(
        [ProcessingUnit("  Công an   xã "), ProcessingUnit("Sở Xây dựng", inter_agency=True)]
    )
    assert saved[0].name == "Công an xã"
    assert services.processing_units() == saved
    with pytest.raises(ValidationFailed, match="trùng"):
        services.save_processing_units([ProcessingUnit("Công an xã"), ProcessingUnit("công an xa")])
    with pytest.raises(ValidationFailed, match="ít nhất một"):
        services.save_processing_units([])
    with pytest.raises(ValidationFailed, match="để trống"):
        services.save_processing_units([ProcessingUnit("  ")])
    assert services.processing_units() == saved


# --- Hand-over ----------------------------------------------------------------------------


def test_a_batch_is_handed_over_with_one_control_row_each(services, receive, clock):
    batch = [receive(name=f"Người nộp {i}") for i in range(3)]
    at = later(clock, hours=1)
    batch_uuid = services.hand_over([d.uuid for d in batch], UNIT, "  Lê  Văn Hùng ", "Đủ hồ sơ")
    for dossier in batch:
        assert services.dossier(dossier.uuid).status is S.PROCESSING
        handed = services.history(dossier.uuid)[-1]
        assert handed.kind == "handed_over" and handed.status is S.PROCESSING
        assert handed.payload["batch_uuid"] == batch_uuid
        assert handed.payload["unit"] == UNIT and handed.payload["batch_size"] == 3
        [row] = services.control_rows(dossier.uuid)
        assert (row.giver_unit, row.giver_name) == (COUNTER, "Nguyễn Thị Hoa")
        assert (row.receiver_unit, row.receiver_name) == (UNIT, "Lê Văn Hùng")
        assert row.at == at and row.note == "Đủ hồ sơ" and row.result == ""
        assert services.current_unit(dossier.uuid) == UNIT
    assert services.outbox_counts()["pending"] == 6


def test_an_inter_agency_handover_says_so(services, receive):
    dossier = receive()
    services.hand_over([dossier.uuid], "Sở Tư pháp (liên thông)", "Trần Văn Sơn")
    assert services.history(dossier.uuid)[-1].payload["inter_agency"] is True


def test_a_batch_moves_all_or_nothing_and_names_the_culprits(services, receive, clock):
    batch = [receive(name=f"Người nộp {i}") for i in range(3)]
    later(clock, minutes=10)
    services.refuse(batch[1].uuid, "Không thuộc thẩm quyền giải quyết của xã")
    before = snapshot(services)
    with pytest.raises(TransitionRefused) as refused:
        services.hand_over([d.uuid for d in batch], UNIT, "Lê Văn Hùng")
    assert refused.value.codes == (batch[1].code,)
    message = str(refused.value)
    assert message.startswith("Chưa bàn giao hồ sơ nào")
    assert batch[1].code in message and "«Không được tiếp nhận»" in message
    assert batch[0].code not in message
    assert snapshot(services) == before


def test_handover_needs_dossiers_a_unit_and_a_receiver(services, receive):
    with pytest.raises(ValidationFailed) as failure:
        services.hand_over([], " ", "")
    assert [i.field for i in failure.value.errors] == ["dossiers", "unit", "receiver_name"]


def test_a_failure_in_the_middle_of_a_batch_leaves_nothing(services, receive, monkeypatch):
    batch = [receive(name=f"Người nộp {i}") for i in range(3)]
    before = snapshot(services)
    real_append, calls = events_store.append, []

    def append_twice_then_fail(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise sqlite3.OperationalError("disk I/O error")
        return real_append(*args, **kwargs)

    monkeypatch.setattr(events_store, "append", append_twice_then_fail)
    with pytest.raises(sqlite3.OperationalError):
        services.hand_over([d.uuid for d in batch], UNIT, "Lê Văn Hùng")
    assert len(calls) == 3
    assert snapshot(services) == before
    assert {services.dossier(d.uuid).status for d in batch} == {S.RECEIVED}


def test_a_handed_over_dossier_cannot_be_handed_over_again(services, receive):
    dossier = receive()
    services.hand_over([dossier.uuid], UNIT, "Lê Văn Hùng")
    with pytest.raises(TransitionRefused, match="chỉ bàn giao được"):
        services.hand_over([dossier.uuid], UNIT, "Lê Văn Hùng")


# --- Result ready ---------------------------------------------------------------------------


@pytest.mark.parametrize("after, label", [
    (timedelta(days=1), "Trước hạn"),  # a day before the due day
    (timedelta(0), "Đúng hạn"),  # on the due day, at the due time
    (timedelta(minutes=1), "Quá hạn"),  # a minute late
])
def test_the_result_row_says_whether_the_unit_was_in_time(services, receive, clock, after,
                                                          label):
    dossier = receive()
    services.hand_over([dossier.uuid], UNIT, "Lê Văn Hùng")
    moment = dossier.due_at - timedelta(days=1) if label == "Trước hạn" else dossier.due_at + after
    clock.now = moment
    done = services.record_result_ready(dossier.uuid, UNIT, "Lê Văn Hùng", "Đã ký")
    assert done.status is S.RESULT_READY and done.finished_at == moment
    handed, back = services.control_rows(dossier.uuid)
    assert (back.giver_unit, back.giver_name, back.receiver_unit) == (UNIT, "Lê Văn Hùng", COUNTER)
    assert back.result == label and back.note == "Đã ký" and back.at == moment
    [row] = services.dossier_rows(status={S.RESULT_READY})
    assert row.finished_at == moment


def test_the_counter_can_settle_a_dossier_itself(services, receive, clock):
    dossier = receive(code="2.000884")  # same day: no hand-over
    later(clock, minutes=20)
    done = services.record_result_ready(dossier.uuid, COUNTER, "Nguyễn Thị Hoa")
    assert done.status is S.RESULT_READY


def test_a_result_needs_the_unit_that_gives_it(services, receive):
    dossier = receive()
    with pytest.raises(ValidationFailed, match="Chọn đơn vị trả kết quả"):
        services.record_result_ready(dossier.uuid, "", "")


# --- Supplement -----------------------------------------------------------------------------


def test_a_supplement_request_needs_what_is_missing_and_why(services, receive):
    dossier = receive()
    with pytest.raises(ValidationFailed) as failure:
        services.request_supplement(dossier.uuid, ["  ", ""], "", "")
    assert [i.field for i in failure.value.errors] == ["missing", "reason"]
    assert services.dossier(dossier.uuid).status is S.RECEIVED


def test_supplement_at_the_counter_stops_and_restarts_the_clock(services, receive, clock):
    dossier = receive()  # Wednesday 25/11 08:00, due three working days later
    assert dossier.due_at == datetime(2026, 11, 30, 8, 0, tzinfo=VN_TZ)
    services.receipt_pdf(dossier.uuid)
    clock.now = datetime(2026, 11, 26, 10, 0, tzinfo=VN_TZ)  # Thursday
    request = services.request_supplement(
        dossier.uuid, ["Giấy xác nhận nơi ở", "Giấy xác nhận nơi ở"], "Thiếu giấy xác nhận",
        "",
    )
    assert request.missing == ("Giấy xác nhận nơi ở",)
    assert request.requested_by == COUNTER and request.requested_at == clock.now
    assert request.contact == f"Nguyễn Thị Hoa, {COUNTER}"
    assert services.dossier(dossier.uuid).status is S.SUPPLEMENT
    assert services.control_rows(dossier.uuid) == []  # it never left the counter

    # Back Monday 30/11 10:00: Thursday 10:00–17:00 (5 h) and Friday (8 h) and Monday
    # 07:00–10:00 (3 h) were spent waiting: 16 working hours, so the due time moves from
    # Monday 30/11 08:00 by two working days to Wednesday 2/12 08:00.
    clock.now = datetime(2026, 11, 30, 10, 0, tzinfo=VN_TZ)
    resumed = services.receive_supplement(dossier.uuid, "Đã nộp đủ")
    assert resumed.status is S.RECEIVED
    assert resumed.due_at == datetime(2026, 12, 2, 8, 0, tzinfo=VN_TZ)
    assert resumed.original_due_at == resumed.due_at
    event = services.history(dossier.uuid)[-1]
    assert event.kind == "supplemented"
    assert event.payload["waited_working_seconds"] == 16 * 3600
    assert event.payload["old_due_at"] == "2026-11-30T08:00:00+07:00"
    assert event.payload["new_due_at"] == "2026-12-02T08:00:00+07:00"

    receipts = [s for s in services.printed_slips(dossier.uuid) if s.kind == "receipt"]
    assert len(receipts) == 2 and receipts[0].path != receipts[1].path
    assert all(r.path.exists() for r in receipts)
    assert receipts[1].event_uuid == event.uuid
    assert services.receipt_pdf(dossier.uuid) == receipts[1].path


def test_a_unit_sends_a_dossier_back_for_a_supplement_and_gets_it_again(services, receive,
                                                                        clock):
    dossier = receive()
    services.hand_over([dossier.uuid], UNIT, "Lê Văn Hùng")
    later(clock, hours=2)
    request = services.request_supplement(
        dossier.uuid, ["Bản sao sổ hộ khẩu"], "Thông tin nơi ở chưa khớp",
        "Lê Văn Hùng, 0912345678", giver_name="Lê Văn Hùng",
    )
    assert request.requested_by == UNIT
    later(clock, days=1)
    resumed = services.receive_supplement(dossier.uuid, receiver_name="Lê Văn Hùng")
    assert resumed.status is S.PROCESSING
    rows = services.control_rows(dossier.uuid)
    assert [(r.giver_unit, r.receiver_unit) for r in rows] == [
        (COUNTER, UNIT), (UNIT, COUNTER), (COUNTER, UNIT)
    ]
    assert rows[1].note == "Trả lại để yêu cầu bổ sung hồ sơ"


def test_only_a_waiting_dossier_can_be_supplemented(services, receive):
    dossier = receive()
    with pytest.raises(TransitionRefused, match="không chờ bổ sung"):
        services.receive_supplement(dossier.uuid)


def test_a_failed_receipt_undoes_the_supplement(services, receive, clock, monkeypatch):
    dossier = receive()
    services.request_supplement(dossier.uuid, ["Giấy xác nhận nơi ở"], "Thiếu", "")
    before = snapshot(services)
    later(clock, days=1)

    def broken_render(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(app_module, "render_receipt", broken_render)
    with pytest.raises(OSError):
        services.receive_supplement(dossier.uuid)
    assert snapshot(services) == before
    assert services.dossier(dossier.uuid).status is S.SUPPLEMENT


# --- Refusal, withdrawal, stop ----------------------------------------------------------------


def test_refusal_needs_a_reason_and_happens_before_the_handover(services, receive, clock):
    dossier = receive()
    with pytest.raises(ValidationFailed, match="Nhập lý do từ chối"):
        services.refuse(dossier.uuid, "   ")
    later(clock, minutes=5)
    refusal = services.refuse(dossier.uuid, "Không thuộc thẩm quyền")
    assert refusal.reason == "Không thuộc thẩm quyền" and refusal.at == clock.now
    assert services.dossier(dossier.uuid).status is S.REFUSED

    handed = receive(name="Người khác")
    services.hand_over([handed.uuid], UNIT, "Lê Văn Hùng")
    with pytest.raises(TransitionRefused) as refused:
        services.refuse(handed.uuid, "Không thuộc thẩm quyền")
    assert str(refused.value) == (
        "Không thể chuyển hồ sơ từ trạng thái «Đang xử lý» sang «Không được tiếp nhận»."
    )
    assert isinstance(refused.value, ServiceError)


def test_a_dossier_whose_applicant_never_comes_back_can_be_refused(services, receive):
    dossier = receive()
    services.request_supplement(dossier.uuid, ["Giấy xác nhận nơi ở"], "Thiếu", "")
    services.refuse(dossier.uuid, "Quá thời hạn bổ sung mà công dân không bổ sung")
    assert services.dossier(dossier.uuid).status is S.REFUSED


@pytest.mark.parametrize("action, state, what", [
    ("withdraw", S.WITHDRAWN, "công dân rút hồ sơ"),
    ("stop_processing", S.STOPPED, "dừng xử lý hồ sơ"),
])
def test_withdrawal_and_stop_need_a_reason(services, receive, action, state, what):
    dossier = receive()
    services.hand_over([dossier.uuid], UNIT, "Lê Văn Hùng")
    with pytest.raises(ValidationFailed, match=f"Nhập lý do {what}"):
        getattr(services, action)(dossier.uuid, "")
    moved = getattr(services, action)(dossier.uuid, "Theo đơn đề nghị")
    assert moved.status is state
    assert services.history(dossier.uuid)[-1].payload["reason"] == "Theo đơn đề nghị"
    with pytest.raises(TransitionRefused):
        getattr(services, action)(dossier.uuid, "Lần nữa")


# --- Apology --------------------------------------------------------------------------------


def test_an_apology_moves_the_due_time_and_keeps_the_old_one(services, receive, clock):
    dossier = receive()  # due Monday 30/11 08:00
    later(clock, days=4)  # Sunday 29/11
    apology = services.apologise(dossier.uuid, "Chờ xác minh nơi cư trú", extra_working_days=2)
    assert apology.old_due_at == datetime(2026, 11, 30, 8, 0, tzinfo=VN_TZ)
    assert apology.new_due_at == datetime(2026, 12, 2, 8, 0, tzinfo=VN_TZ)
    stored = services.dossier(dossier.uuid)
    assert stored.due_at == apology.new_due_at and stored.original_due_at == apology.old_due_at
    assert stored.status is S.RECEIVED
    [row] = services.dossier_rows()
    assert row.rescheduled
    # A second apology keeps the first due time as the original.
    again = services.apologise(
        dossier.uuid, "Chờ ý kiến cơ quan khác",
        new_due_at=datetime(2026, 12, 4, 16, 0, tzinfo=VN_TZ),
    )
    assert again.old_due_at == apology.new_due_at
    assert services.dossier(dossier.uuid).original_due_at == apology.old_due_at
    payload = services.history(dossier.uuid)[-1].payload
    assert payload["original_due_at"] == "2026-11-30T08:00:00+07:00"
    assert payload["new_due_at"] == "2026-12-04T16:00:00+07:00"


def test_an_apology_needs_exactly_one_new_due_time_later_than_the_old(services, receive):
    dossier = receive()
    with pytest.raises(ValidationFailed, match="Chỉ chọn một cách"):
        services.apologise(dossier.uuid, "Lý do", extra_working_days=1,
                           new_due_at=dossier.due_at + timedelta(days=3))
    with pytest.raises(ValidationFailed) as neither:
        services.apologise(dossier.uuid, "")
    assert [i.field for i in neither.value.errors] == ["reason", "new_due_at"]
    with pytest.raises(ValidationFailed, match="phải sau ngày hẹn cũ"):
        services.apologise(dossier.uuid, "Lý do", new_due_at=dossier.due_at)
    with pytest.raises(ValidationFailed, match="từ 1 trở lên"):
        services.apologise(dossier.uuid, "Lý do", extra_working_days=0)
    assert services.dossier(dossier.uuid).due_at == dossier.due_at
    assert kinds(services, dossier.uuid) == ["received"]


# --- Return ---------------------------------------------------------------------------------


def ready(services, receive, clock, **kwargs):
    dossier = receive(**kwargs)
    services.hand_over([dossier.uuid], UNIT, "Lê Văn Hùng")
    later(clock, days=1)
    services.record_result_ready(dossier.uuid, UNIT, "Lê Văn Hùng")
    return dossier


def test_the_result_goes_to_the_applicant_with_their_satisfaction(services, receive, clock):
    dossier = ready(services, receive, clock)
    at = later(clock, hours=2)
    returned = services.return_result(
        dossier.uuid, ResultReturn(at, " Đặng  Thị Ánh ", satisfaction=Satisfaction.SATISFIED)
    )
    assert returned.status is S.RETURNED and returned.returned_at == at
    payload = services.history(dossier.uuid)[-1].payload
    assert payload["collector_name"] == "Đặng Thị Ánh"
    assert (payload["satisfaction"], payload["satisfaction_label"]) == (2, "Hài lòng")
    with pytest.raises(TransitionRefused, match="«Đã trả kết quả»"):
        services.return_result(dossier.uuid, ResultReturn(at, "Đặng Thị Ánh"))


def test_an_authorised_collector_and_the_post_need_their_details(services, receive, clock):
    dossier = ready(services, receive, clock)
    at = later(clock, hours=1)
    with pytest.raises(ValidationFailed, match="người được ủy quyền"):
        services.return_result(dossier.uuid, ResultReturn(at, "Lê Văn Bình", authorised=True))
    with pytest.raises(ValidationFailed, match="mã bưu gửi"):
        services.return_result(dossier.uuid, ResultReturn(at, "Bưu điện xã", by_post=True))
    services.return_result(
        dossier.uuid,
        ResultReturn(at, "Bưu điện xã", by_post=True, tracking_number=" EB123456789VN "),
    )
    assert services.history(dossier.uuid)[-1].payload["tracking_number"] == "EB123456789VN"


def test_a_result_not_ready_cannot_be_returned(services, receive, clock):
    dossier = receive()
    with pytest.raises(TransitionRefused, match="«Được tiếp nhận» sang «Đã trả kết quả»"):
        services.return_result(dossier.uuid, ResultReturn(clock.now, "Đặng Thị Ánh"))


def test_an_action_cannot_be_dated_before_the_dossiers_last_event(services, receive, clock):
    dossier = receive()
    with pytest.raises(ServiceError, match="trước sự kiện gần nhất"):
        services.hand_over([dossier.uuid], UNIT, "Lê Văn Hùng", at=clock.now - timedelta(hours=1))
    assert services.dossier(dossier.uuid).status is S.RECEIVED


def test_a_failed_state_write_leaves_no_event(services, receive, monkeypatch):
    dossier = receive()
    before = snapshot(services)

    def broken_update(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(dossiers_store, "update", broken_update)
    with pytest.raises(sqlite3.OperationalError):
        services.apologise(dossier.uuid, "Chờ xác minh", extra_working_days=1)
    assert snapshot(services) == before


def test_every_action_is_queued_for_the_province(services, receive, clock):
    dossier = ready(services, receive, clock)
    services.return_result(dossier.uuid, ResultReturn(later(clock, hours=1), "Đặng Thị Ánh"))
    assert kinds(services, dossier.uuid) == ["received", "handed_over", "result_ready",
                                             "returned"]
    assert services.outbox_counts()["pending"] == 4
    assert [e.device_seq for e in services.history(dossier.uuid)] == [1, 2, 3, 4]


# --- Slips ----------------------------------------------------------------------------------


def test_slips_of_the_dossiers_life_are_made_once_and_kept(services, receive, clock):
    first, second = receive(), receive(name="Lê Văn Bình")
    services.request_supplement(first.uuid, ["Giấy xác nhận nơi ở"], "Thiếu", "")
    supplement = services.slip_pdf(first.uuid, "supplement")
    assert services.slip_pdf(first.uuid, "supplement") == supplement
    services.refuse(first.uuid, "Quá hạn bổ sung")
    refusal = services.slip_pdf(first.uuid, "refusal")

    services.hand_over([second.uuid], UNIT, "Lê Văn Hùng")
    control_1 = services.slip_pdf(second.uuid, "control")
    assert services.slip_pdf(second.uuid, "control") == control_1
    later(clock, days=6)
    services.apologise(second.uuid, "Chờ xác minh", extra_working_days=2)
    apology = services.slip_pdf(second.uuid, "apology")
    apology_event = services.history(second.uuid)[-1]
    services.record_result_ready(second.uuid, UNIT, "Lê Văn Hùng")
    control_2 = services.slip_pdf(second.uuid, "control")
    assert control_2 != control_1  # a row was added: a new version, the old one kept
    assert services.slip_pdf(second.uuid, "apology", apology_event.uuid) == apology

    for path in (supplement, refusal, control_1, apology, control_2):
        assert path.exists() and path.read_bytes().startswith(b"%PDF")
        assert path.is_relative_to(services.data_dir / "phieu" / "2026" / "11")
    assert [s.kind for s in services.printed_slips(first.uuid)] == ["supplement", "refusal"]
    assert [s.kind for s in services.printed_slips(second.uuid)] == [
        "control", "apology", "control"
    ]


def test_a_batchs_handover_list_is_made_once_for_all_its_dossiers(services, receive):
    batch = [receive(name=f"Người nộp {i}") for i in range(3)]
    batch_uuid = services.hand_over([d.uuid for d in batch], UNIT, "Lê Văn Hùng")
    path = services.handover_list_pdf(batch_uuid)
    assert path.read_bytes().startswith(b"%PDF")
    assert services.handover_list_pdf(batch_uuid) == path
    for dossier in batch:
        [slip] = services.printed_slips(dossier.uuid)
        assert (slip.kind, slip.path) == ("handover_list", path)
    with pytest.raises(ServiceError, match="Không tìm thấy lần bàn giao"):
        services.handover_list_pdf("no-such-batch")


def test_a_slip_needs_its_event(services, receive):
    dossier = receive()
    with pytest.raises(ServiceError, match="không có sự kiện «Từ chối tiếp nhận»"):
        services.slip_pdf(dossier.uuid, "refusal")
    with pytest.raises(ServiceError, match="chưa được bàn giao"):
        services.slip_pdf(dossier.uuid, "control")
    with pytest.raises(ValueError):
        services.slip_pdf(dossier.uuid, "receipt-ish")


def test_the_receipt_of_a_supplement_is_of_the_supplement_not_the_first_receipt_again(
        services, receive, clock):
    dossier = receive()
    services.request_supplement(dossier.uuid, ["Giấy xác nhận nơi ở"], "Thiếu giấy tờ", "")
    later(clock, hours=3)
    resumed = services.receive_supplement(dossier.uuid, "Bản chính",
                                          brought=["Giấy xác nhận nơi ở"])
    text = pdf_text(services.receipt_pdf(dossier.uuid))
    assert "(Tiếp nhận hồ sơ bổ sung, hoàn thiện)" in text
    assert "Giấy xác nhận nơi ở" in text and "Bản chính" in text
    assert all(d.name not in text for d in dossier.draft.documents)
    assert vn_datetime_phrase(resumed.due_at) in text
