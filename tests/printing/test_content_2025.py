"""What Circular 03/2025's forms print beyond Circular 01/2018's: the office's phone, the
"Đăng ký nhận kết quả tại" wording and the footnote on the receipt; whom to call and by when on
the supplement request; the deciding and coordinating agencies on the control slip; the grouped
date head and the column numbers of the ledger. Under the 2018 set each slip prints as before."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from datetime import date, timedelta

import pytest

from desk_app.core.control_slip import control_header
from desk_app.core.lifecycle import ControlRow, ProcessingUnit, StopNotice
from desk_app.printing import forms
from desk_app.printing.apology_extension import render_apology_extension
from desk_app.printing.control import render_control_slip
from desk_app.printing.counter_refusal import render_counter_refusal
from desk_app.printing.ledger import render_ledger
from desk_app.printing.receipt import render_receipt
from desk_app.printing.refusal import render_refusal
from desk_app.printing.stop_notice import render_stop_notice
from desk_app.printing.supplement import render_supplement
from tests.printing import samples
from tests.printing.pdf_checks import page_texts
from tests.printing.test_form_sets import SHIFT, pdf_text

OFFICE = replace(samples.OFFICE, phone="0210 3812 345")
PHONE_LINE = f"Số điện thoại của {OFFICE.unit_name}: 0210 3812 345"
DECIDING = "Cơ quan (bộ phận) giải quyết hồ sơ"
COORDINATING = "Cơ quan phối hợp giải quyết hồ sơ"


def _later(dossier):
    return replace(dossier, received_at=dossier.received_at + SHIFT, due_at=dossier.due_at + SHIFT)


def test_a_2025_receipt_prints_the_phone_and_where_the_result_is_registered(tmp_path):
    text = pdf_text(render_receipt(_later(samples.sample_dossier()), OFFICE, tmp_path / "r.pdf"))
    assert PHONE_LINE in text
    assert f"6. Đăng ký nhận kết quả tại: {OFFICE.unit_name}" in text


def test_a_2025_receipt_sent_by_post_registers_the_address(tmp_path):
    dossier = _later(samples.sample_dossier(post=True))
    text = pdf_text(render_receipt(dossier, OFFICE, tmp_path / "r.pdf"))
    assert "6. Đăng ký nhận kết quả tại: Trần Văn Hữu, 0912 345 678" in text
    assert "(qua dịch vụ bưu chính công ích)" in text


def test_a_2018_receipt_prints_as_before_even_with_a_phone_set(tmp_path):
    text = pdf_text(render_receipt(samples.sample_dossier(), OFFICE, tmp_path / "r.pdf"))
    assert "Số điện thoại của" not in text
    assert f"6. Nhận kết quả tại: {OFFICE.unit_name}" in text
    assert "Đăng ký nhận" not in text


def test_a_2025_receipt_without_a_phone_leaves_the_line_out(tmp_path):
    text = pdf_text(render_receipt(_later(samples.sample_dossier()), samples.OFFICE,
                                   tmp_path / "r.pdf"))
    assert "Số điện thoại của" not in text


def _citizen_slips(tmp_path, office, shift):
    """Every slip the applicant takes home besides the receipt and the supplement request (which
    have their own tests above), for events `shift` after the samples'; the stop notice only
    under the 2025 forms, which brought it."""
    dossier = replace(samples.sample_dossier(), received_at=samples.sample_dossier().received_at
                      + shift)
    refusal = replace(samples.REFUSAL, at=samples.REFUSAL.at + shift)
    apology = replace(samples.APOLOGY, at=samples.APOLOGY.at + shift,
                      old_due_at=samples.APOLOGY.old_due_at + shift,
                      new_due_at=samples.APOLOGY.new_due_at + shift,
                      extra_working_days=3, document_number="07/VBXL")
    stop = StopNotice(reason="Công dân không còn nhu cầu", requester=samples.APPLICANT_NAME,
                      at=samples.REFUSAL.at + shift)
    clerk = samples.CLERK
    slips = {
        "03 refusal": render_refusal(dossier, refusal, office, clerk, tmp_path / "3.pdf"),
        "03 at the counter": render_counter_refusal(dossier, refusal, office, clerk,
                                                    tmp_path / "3c.pdf"),
        "04 apology": render_apology_extension(dossier, apology, office, clerk,
                                               tmp_path / "4.pdf"),
    }
    if shift:
        slips["05 stop notice"] = render_stop_notice(dossier, stop, office, clerk,
                                                     tmp_path / "5.pdf")
    return slips


def test_every_2025_slip_the_applicant_takes_home_gives_the_office_phone(tmp_path):
    for name, path in _citizen_slips(tmp_path, OFFICE, SHIFT).items():
        assert PHONE_LINE in pdf_text(path), name


def test_slips_of_2018_events_or_without_a_phone_set_print_no_phone_line(tmp_path):
    for office, shift in ((OFFICE, timedelta(0)), (samples.OFFICE, SHIFT)):
        for name, path in _citizen_slips(tmp_path, office, shift).items():
            assert "Số điện thoại của" not in pdf_text(path), name


def test_the_footnote_of_the_forms_file_is_printed_on_both_copies(tmp_path, monkeypatch):
    raw = json.loads(forms.forms_file().read_text(encoding="utf-8"))
    raw["sets"][1]["forms"]["receipt"]["footnote"] = "Lời ghi chú thử của biểu mẫu."
    path = tmp_path / "forms.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(forms, "forms_file", lambda: path)
    text = pdf_text(render_receipt(_later(samples.sample_dossier()), OFFICE, tmp_path / "r.pdf"))
    assert text.count("Ghi chú: Lời ghi chú thử của biểu mẫu.") == 2


def _supplement(tmp_path, *, after=True, supplement_by=None, contact=None, office=OFFICE):
    request = samples.SUPPLEMENT
    if contact is not None:
        request = replace(request, contact=contact)
    dossier = samples.sample_dossier()
    if after:
        dossier = _later(dossier)
        request = replace(request, requested_at=request.requested_at + SHIFT)
    return pdf_text(render_supplement(dossier, request, office, samples.CLERK,
                                      tmp_path / "s.pdf", supplement_by=supplement_by))


def test_a_2025_supplement_request_names_whom_to_call_and_the_office_phone(tmp_path):
    text = _supplement(tmp_path)
    assert (f"liên hệ với {samples.SUPPLEMENT.contact} – {OFFICE.unit_name}, "
            "số điện thoại 0210 3812 345, để được hướng dẫn./.") in text
    assert "Thời hạn bổ sung" not in text  # no time limit given: no line


def test_without_a_contact_the_clerk_is_the_one_to_ask(tmp_path):
    text = _supplement(tmp_path, contact="")
    assert f"liên hệ với ông/bà {samples.CLERK} – {OFFICE.unit_name}" in text


def test_the_day_to_supplement_by_is_printed_when_given(tmp_path):
    text = _supplement(tmp_path, supplement_by=date(2026, 12, 20))
    assert "Thời hạn bổ sung, hoàn thiện hồ sơ: trước ngày 20 tháng 12 năm 2026" in text


def test_a_2018_supplement_request_prints_as_before(tmp_path):
    text = _supplement(tmp_path, after=False, supplement_by=date(2025, 8, 20))
    assert f"liên hệ với {samples.SUPPLEMENT.contact} để được hướng dẫn./." in text
    assert "Thời hạn bổ sung" not in text and "0210 3812 345" not in text


LIAISON = "Sở Tư pháp (liên thông)"
UNITS = (ProcessingUnit(samples.POLICE), ProcessingUnit(LIAISON, inter_agency=True))


def _rows_through_the_liaison():
    rows = samples.control_rows(3)
    extra = ControlRow(samples.POLICE, samples.POLICE_OFFICER, LIAISON, "Phạm Thu",
                       at=rows[0].at.replace(hour=14))
    return [rows[0], extra, *rows[1:]]


def test_the_header_names_the_deciding_and_coordinating_agencies():
    header = control_header(_rows_through_the_liaison(), samples.OFFICE.unit_name, UNITS)
    # The police, once though handed to twice; the counter itself is never named.
    assert header.deciding == (samples.POLICE,)
    assert header.coordinating == (LIAISON,)
    assert control_header([], samples.OFFICE.unit_name, UNITS).deciding == ()


def test_a_2025_control_slip_prints_the_header_lines(tmp_path):
    rows = [replace(row, at=row.at + SHIFT) for row in _rows_through_the_liaison()]
    text = pdf_text(render_control_slip(_later(samples.sample_dossier()), rows, OFFICE,
                                        tmp_path / "c.pdf", UNITS))
    assert f"{DECIDING}: {samples.POLICE}" in text
    assert f"{COORDINATING}: {LIAISON}" in text


def test_with_no_coordinating_agency_the_line_is_left_to_write_on(tmp_path):
    rows = [replace(row, at=row.at + SHIFT) for row in samples.control_rows(1)]
    text = pdf_text(render_control_slip(_later(samples.sample_dossier()), rows, OFFICE,
                                        tmp_path / "c.pdf", UNITS))
    assert f"{COORDINATING}: ………" in text


def test_a_2018_control_slip_has_no_header_lines(tmp_path):
    text = pdf_text(render_control_slip(samples.sample_dossier(), _rows_through_the_liaison(),
                                        OFFICE, tmp_path / "c.pdf", UNITS))
    assert DECIDING not in text and COORDINATING not in text


def _ledger(tmp_path, after):
    start, end, lines = samples.LEDGER_FROM, samples.LEDGER_TO, samples.ledger_lines(3)
    if after:
        start, end = start + SHIFT, end + SHIFT
    return render_ledger(lines, OFFICE, start, end, tmp_path / "l.pdf")


def _ledger_text(tmp_path, after):
    return pdf_text(_ledger(tmp_path, after))


def _ledger_layout(tmp_path):
    return subprocess.run(["pdftotext", "-layout", str(_ledger(tmp_path, True)), "-"],
                          check=True, capture_output=True, text=True).stdout


def test_a_2025_ledger_groups_the_dates_and_numbers_its_columns(tmp_path):
    text = _ledger_text(tmp_path, after=True)
    assert "Ngày, tháng, năm" in text
    # Laid out as printed, the column numbers make one line of their own under the heads.
    lines = _ledger_layout(tmp_path).splitlines()
    numbers = [f"({n})" for n in range(1, 14)]
    row = next(i for i, line in enumerate(lines) if line.split() == numbers)
    assert lines[row + 1:] and "000.17.22.H56-" in "".join(lines[row + 1:row + 3])


def test_a_2018_ledger_has_neither(tmp_path):
    text = _ledger_text(tmp_path, after=False)
    assert "Ngày, tháng, năm" not in text and "(13)" not in text


@pytest.mark.slow
def test_a_2025_ledger_of_two_thousand_lines_has_its_heads_on_every_page(tmp_path):
    # How long it takes is bench/ledger_render.py's figure.
    lines = samples.ledger_lines(2000)
    path = render_ledger(lines, OFFICE, samples.LEDGER_FROM + SHIFT, samples.LEDGER_TO + SHIFT,
                         tmp_path / "l.pdf")
    for text in page_texts(path):
        assert "Ngày, tháng, năm" in text and "(13)" in text
