"""Stopping at the applicant's request (form 05): allowed while no decision or result exists
(Decree 118/2025 Art. 21, Circular 03/2025 Art. 7), refused with the reason once one does."""

import subprocess
from datetime import datetime, timedelta

import pytest

from desk_app.core.clock import VN_TZ
from desk_app.core.lifecycle import ResultReturn
from desk_app.core.slips import SlipKind
from desk_app.core.states import DossierState
from desk_app.services.errors import TransitionRefused
from tests.services.factories import full_draft

S = DossierState
WED_0800 = datetime(2026, 11, 25, 8, 0, tzinfo=VN_TZ)
UNIT = "Công chức Tư pháp - Hộ tịch"


@pytest.fixture
def dossier(services, clock):
    clock.now = WED_0800
    return services.receive(full_draft(services, code="1.004194", name="Đặng Thị Ánh"))


def snapshot(services):
    return [list(services.db.execute(f"SELECT * FROM {t} ORDER BY 1"))
            for t in ("dossiers", "events", "outbox", "slips")]


def at_the_unit(services, dossier):
    services.hand_over([dossier.uuid], UNIT, "Lê Văn Hùng")


def waiting_for_documents(services, dossier):
    services.request_supplement(dossier.uuid, ["Giấy xác nhận nơi ở"], "Thiếu", "")


@pytest.mark.parametrize("move", [None, at_the_unit, waiting_for_documents])
def test_a_dossier_without_a_result_stops_at_the_applicants_request(
        services, clock, dossier, move):
    if move:
        move(services, dossier)
    clock.now += timedelta(hours=1)
    stopped = services.withdraw(dossier.uuid, "Công dân có đơn đề nghị dừng",
                                requester="Trần Văn Bình")
    assert stopped.status is S.WITHDRAWN
    event = services.history(dossier.uuid)[-1]
    assert event.kind == "withdrawn"
    assert event.payload == {"reason": "Công dân có đơn đề nghị dừng",
                             "requester": "Trần Văn Bình"}
    queued = services.db.execute("SELECT state FROM outbox WHERE event_uuid = ?",
                                 [event.uuid]).fetchall()
    assert queued == [("pending",)]  # it syncs as before


def test_the_requester_defaults_to_the_applicant(services, dossier):
    services.withdraw(dossier.uuid, "Không còn nhu cầu")
    assert services.history(dossier.uuid)[-1].payload["requester"] == "Đặng Thị Ánh"


def result_ready(services, dossier):
    services.record_result_ready(dossier.uuid, UNIT, "Lê Văn Hùng")


def returned(services, dossier):
    result_ready(services, dossier)
    services.return_result(dossier.uuid, ResultReturn(at=services.now(),
                                                      collector_name="Đặng Thị Ánh"))


@pytest.mark.parametrize("move, state, words", [
    (result_ready, "Đã xử lý xong", "đã có kết quả giải quyết"),
    (returned, "Đã trả kết quả", "đã có kết quả giải quyết"),
    (lambda s, d: s.refuse(d.uuid, "Không thuộc thẩm quyền"), "Không được tiếp nhận",
     "đã kết thúc"),
    (lambda s, d: s.stop_processing(d.uuid, "Theo cơ quan giải quyết"), "Dừng xử lý",
     "đã kết thúc"),
])
def test_a_decided_dossier_cannot_be_stopped_at_the_applicants_request(
        services, dossier, move, state, words):
    move(services, dossier)
    before = snapshot(services)
    with pytest.raises(TransitionRefused) as refused:
        services.withdraw(dossier.uuid, "Công dân đổi ý")
    message = str(refused.value)
    assert f"«{state}»" in message and words in message
    assert refused.value.codes == (dossier.code,)
    assert snapshot(services) == before


def test_form_05_names_the_dossier_and_is_kept(services, dossier):
    services.withdraw(dossier.uuid, "Công dân có đơn đề nghị dừng")
    path = services.slip_pdf(dossier.uuid, SlipKind.STOP_NOTICE)
    assert services.slip_pdf(dossier.uuid, SlipKind.STOP_NOTICE) == path
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in text
    assert "Mẫu số 05" in text and "03/2025/TT-VPCP" in text
    assert dossier.code in text
    assert "Công dân có đơn đề nghị dừng" in text
    assert [s.kind for s in services.printed_slips(dossier.uuid)][-1] == "stop_notice"
