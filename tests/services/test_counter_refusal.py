"""Refusing at the counter, straight from the receive form (form 03): no code, no ledger line,
no due time; kept as a state-3 dossier whose `refused` event syncs."""

import subprocess
from datetime import date, datetime

import pytest

from desk_app.core.clock import VN_TZ
from desk_app.core.lifecycle import EventKind
from desk_app.core.model import Applicant
from desk_app.core.reports import BoardKey
from desk_app.core.states import DossierState
from desk_app.services.errors import TransitionRefused, ValidationFailed
from tests.services.factories import full_draft

WED_0800 = datetime(2026, 11, 25, 8, 0, tzinfo=VN_TZ)
REASON = "Nơi đăng ký thường trú thuộc xã khác, không thuộc thẩm quyền của xã."


def snapshot(services):
    return [list(services.db.execute(f"SELECT * FROM {t} ORDER BY 1"))
            for t in ("dossiers", "events", "outbox", "code_sequences", "ledger_sequences")]


def test_a_refusal_at_the_counter_takes_no_code_ledger_line_or_due_time(services, clock):
    clock.now = WED_0800
    before = snapshot(services)[3:]
    refused = services.refuse_at_counter(full_draft(services), REASON)
    assert refused.status is DossierState.REFUSED
    assert refused.code == "" and refused.ledger is None and refused.refused_at_counter
    row = services.db.execute(
        "SELECT code, due_at, ledger_book, ledger_number, original_due_at FROM dossiers "
        "WHERE uuid = ?", [refused.uuid]).fetchone()
    assert row == (None, None, None, None, None)
    assert snapshot(services)[3:] == before  # no sequence moved
    [event] = services.history(refused.uuid)
    assert event.kind == "refused" and event.status is DossierState.REFUSED
    assert event.payload["reason"] == REASON and event.payload["at_counter"] is True
    assert "code" not in event.payload and "due_at" not in event.payload
    assert event.payload["applicant"]["name"] == "Đặng Thị Ánh Tuyết"
    queued = services.db.execute("SELECT state FROM outbox WHERE event_uuid = ?",
                                 [event.uuid]).fetchall()
    assert queued == [("pending",)]
    # The next dossier received still gets the first code and ledger line of the day.
    received = services.receive(full_draft(services))
    assert received.code.endswith("-1001") and received.ledger.number == 1
    # A second refusal is as codeless as the first.
    services.refuse_at_counter(full_draft(services, name="Lê Văn Bình"), REASON)


def test_it_is_not_in_the_ledger_nor_received_today(services, clock):
    clock.now = WED_0800
    refused = services.refuse_at_counter(full_draft(services), REASON)
    received = services.receive(full_draft(services, name="Lê Văn Bình"))
    assert [line.code for line in services.ledger(date(2026, 11, 25), date(2026, 11, 25))] == [
        received.code]
    today = {r.uuid for r in services.board(WED_0800).category(BoardKey.RECEIVED_TODAY).rows}
    assert today == {received.uuid}
    assert refused.uuid in {r.uuid for r in services.dossier_rows()}
    day = services.end_of_day(date(2026, 11, 25))
    assert day.received == 1 and day.activity_count(EventKind.REFUSED) == 1
    # Found by the applicant's ID number or name, like any dossier.
    assert refused.uuid in {r.uuid for r in services.dossier_rows("025190012345")}
    assert refused.uuid in {r.uuid for r in services.dossier_rows("dang thi anh tuyet")}


def test_form_03_is_printed_from_it_without_a_code(services, clock):
    clock.now = WED_0800
    refused = services.refuse_at_counter(full_draft(services), REASON)
    path = services.slip_pdf(refused.uuid, "refusal")
    assert path.name.startswith("tu-choi-") and path.name.endswith("-refusal.pdf")
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text and "Mẫu số 03" in text
    assert REASON in text and "Đặng Thị Ánh Tuyết" in text
    assert "Mã hồ sơ" not in text


def test_a_refusal_needs_its_reason_the_procedure_and_a_name(services, clock):
    draft = full_draft(services)
    before = snapshot(services)
    with pytest.raises(ValidationFailed) as failed:
        services.refuse_at_counter(
            full_draft(services).__class__(**{**draft.__dict__, "procedure_code": "",
                                              "applicant": Applicant(name="")}), "  ")
    assert {i.field for i in failed.value.errors} == {"reason", "procedure", "applicant.name"}
    assert snapshot(services) == before


def test_a_dossier_refused_at_the_counter_cannot_move_on(services, clock):
    refused = services.refuse_at_counter(full_draft(services), REASON)
    with pytest.raises(TransitionRefused):
        services.hand_over([refused.uuid], "Công an xã", "Lê Văn Hùng")
    with pytest.raises(TransitionRefused):
        services.refuse(refused.uuid, "Lần nữa")
