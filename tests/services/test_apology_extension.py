"""The apology asks for an extension (form 04 of Circular 03/2025): working days, the new due
time from the calendar, a document number from the year's register, signed by the head."""

import dataclasses
import subprocess
from datetime import date, datetime, timedelta

import pytest

from desk_app.core import payloads
from desk_app.core.clock import VN_TZ
from desk_app.core.slips import SlipKind
from desk_app.printing.ledger_columns import note
from desk_app.services import printouts
from desk_app.services.app import Services
from desk_app.services.demo import DEMO_SETUP
from desk_app.store import registers
from tests.accounts import ADMIN_NAME, ADMIN_USERNAME, PASSWORD
from tests.services.factories import full_draft

WED_0800 = datetime(2026, 11, 25, 8, 0, tzinfo=VN_TZ)  # 1.004194 due Monday 30/11 08:00


@pytest.fixture
def receive(services, clock):
    clock.now = WED_0800
    return lambda name="Đặng Thị Ánh": services.receive(
        full_draft(services, code="1.004194", name=name))


def pdftotext(path):
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return " ".join(out.split())


def test_the_extension_is_numbered_in_the_years_register_and_the_event_carries_it(
        services, receive, clock):
    first, second = receive(), receive("Lê Văn Bình")
    clock.now += timedelta(days=4)  # Sunday 29/11
    one = services.apologise(first.uuid, "Chờ xác minh nơi cư trú", extra_working_days=2)
    two = services.apologise(second.uuid, "Chờ ý kiến cơ quan khác",
                             new_due_at=datetime(2026, 12, 3, 8, 0, tzinfo=VN_TZ))
    assert (one.document_number, two.document_number) == ("01/VBXL", "02/VBXL")
    assert one.extra_working_days == 2
    assert two.extra_working_days == 3  # Tue, Wed, Thu after Monday's due day
    payload = services.history(first.uuid)[-1].payload
    assert payload["document_number"] == "01/VBXL"
    assert payload["document_seq"] == 1 and payload["document_year"] == 2026
    assert payload["extra_working_days"] == 2
    assert payload["new_due_at"] == "2026-12-02T08:00:00+07:00"
    assert payload["original_due_at"] == "2026-11-30T08:00:00+07:00"
    assert payload["signed_by"] == "head_of_agency"

    # A new year starts the register again.
    clock.now = datetime(2027, 1, 4, 9, 0, tzinfo=VN_TZ)
    third = services.apologise(first.uuid, "Chờ kết quả xác minh", extra_working_days=30)
    assert third.document_number == "01/VBXL"
    assert third.original_due_at == datetime(2026, 11, 30, 8, 0, tzinfo=VN_TZ)


def test_the_register_never_gives_a_number_twice(services):
    db = services.db
    with db.atomic():
        assert registers.next_document_number(db, "apology_extension", 2026) == 1
        assert registers.next_document_number(db, "apology_extension", 2026) == 2
        assert registers.next_document_number(db, "other", 2026) == 1
        # Past what the events recorded, even if the register row fell behind.
        assert registers.next_document_number(db, "apology_extension", 2026, used=7) == 8
        assert registers.next_document_number(db, "apology_extension", 2026) == 9


def test_form_04_prints_the_number_the_days_and_the_heads_signature(services, receive, clock):
    dossier = receive()
    clock.now += timedelta(days=4)
    services.apologise(dossier.uuid, "Chờ xác minh nơi cư trú", extra_working_days=2)
    path = services.slip_pdf(dossier.uuid, SlipKind.APOLOGY)
    text = pdftotext(path)
    for expected in [
        "Mẫu số 04", "Ban hành kèm theo Thông tư số 03/2025/TT-VPCP",
        "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", "Số: 01/VBXL",
        dossier.code, "Chờ xác minh nơi cư trú", "thêm 2 ngày làm việc",
        "08 giờ 00 phút, ngày 02 tháng 12 năm 2026", "THỦ TRƯỞNG CƠ QUAN",
        "(Ký, ghi rõ họ tên và đóng dấu)",
    ]:
        assert expected in text, expected
    assert services.slip_pdf(dossier.uuid, SlipKind.APOLOGY) == path  # kept, same number


def test_an_apology_recorded_before_2025_reprints_as_the_2018_slip(
        services, receive, clock, tmp_path):
    dossier = receive()
    clock.now += timedelta(days=4)
    services.apologise(dossier.uuid, "Chờ xác minh nơi cư trú", extra_working_days=2)
    event = services.history(dossier.uuid)[-1]
    old = {k: v for k, v in event.payload.items()
           if k not in ("document_number", "document_seq", "document_year", "signed_by",
                        "extra_working_days", "original_due_at")}
    # Recorded as the older release did, on a day the 2018 forms were in force.
    apology = dataclasses.replace(payloads.apology(dataclasses.replace(event, payload=old)),
                                  at=datetime(2025, 6, 2, 9, 0, tzinfo=VN_TZ))
    assert apology.document_number == "" and apology.original_due_at is None
    out = printouts.draw_apology(services.dossier(dossier.uuid), apology,
                                 services.counter_setup().office, "Đặng Văn Ước",
                                 tmp_path / "old.pdf")
    text = pdftotext(out)
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert "Số: " not in text


def test_the_ledger_shows_the_extended_due_time_beside_the_original(services, receive, clock):
    dossier = receive()
    clock.now += timedelta(days=4)
    services.apologise(dossier.uuid, "Chờ xác minh nơi cư trú", extra_working_days=2)
    [line] = services.ledger(date(2026, 11, 25), date(2026, 11, 25))
    assert line.due_at == datetime(2026, 12, 2, 8, 0, tzinfo=VN_TZ)
    assert line.original_due_at == datetime(2026, 11, 30, 8, 0, tzinfo=VN_TZ)
    assert "Gia hạn đến 08:00 02/12/2026; hẹn ban đầu 08:00 30/11/2026" in note(line)
    [row] = services.dossier_rows()  # what the board's lists show (ui.dossier_table_model)
    assert row.rescheduled and row.original_due_at == line.original_due_at


def test_a_second_counter_of_the_office_numbers_its_letters_apart(tmp_path, clock):
    """Each counter keeps its register in its own database: counter 2's first letter must not
    be "01/VBXL" too."""
    second_counter = Services(tmp_path / "counter-2", clock=clock)
    second_counter.first_run(dataclasses.replace(DEMO_SETUP, counter_number=2), ADMIN_USERNAME,
                             ADMIN_NAME, PASSWORD)
    try:
        clock.now = WED_0800
        dossier = second_counter.receive(full_draft(second_counter, code="1.004194"))
        clock.now += timedelta(days=4)
        letter = second_counter.apologise(dossier.uuid, "Chờ xác minh", extra_working_days=2)
        assert letter.document_number == "01/VBXL-Q2"
        assert "Số: 01/VBXL-Q2" in pdftotext(second_counter.slip_pdf(
            dossier.uuid, SlipKind.APOLOGY))
    finally:
        second_counter.close()
