from dataclasses import replace

import pytest
from pypdf import PdfReader

from desk_app.core.states import DossierState
from desk_app.printing.control import render_control_slip
from tests.printing.pdf_checks import (
    A4_PORTRAIT,
    assert_pages,
    decoded_qr,
    needs_qr_tools,
    page_texts,
)
from tests.printing.samples import (
    APPLICANT_NAME,
    CLERK,
    CODE,
    OFFICE,
    POLICE,
    POLICE_OFFICER,
    control_rows,
    sample_dossier,
)

COLUMN_HEADS = [
    "TÊN CƠ QUAN / ĐƠN VỊ",
    "THỜI GIAN GIAO, NHẬN HỒ SƠ",
    "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn / Đúng hạn / Quá hạn)",
    "GHI CHÚ",
]
BLANK_TIME = "…… giờ …… phút, ngày …… tháng …… năm ……"


@pytest.fixture
def control_pdf(tmp_path):
    return render_control_slip(sample_dossier(), control_rows(2), OFFICE, tmp_path / "c.pdf")


def test_identity_and_rows(control_pdf):
    (text,) = page_texts(control_pdf)
    expected = [
        "Mẫu số 05",
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        f"Mã hồ sơ: {CODE}",
        f"Kèm theo hồ sơ của: Ông/Bà: {APPLICANT_NAME}",
        "Số điện thoại: 0987 654 321",
        "Thủ tục: 1.004222 – Đăng ký thường trú",
        "Thời gian nhận hồ sơ: 09 giờ 41 phút, ngày 05 tháng 08 năm 2025",
        "Thời gian hẹn trả kết quả: 09 giờ 41 phút, ngày 14 tháng 08 năm 2025",
        *COLUMN_HEADS,
        f"1. Giao: {OFFICE.unit_name} 2. Nhận: {POLICE}",
        "10 giờ 30 phút, ngày 05 tháng 08 năm 2025",
        f"1. Giao: {POLICE} 2. Nhận: {OFFICE.unit_name}",
        "11 giờ 35 phút, ngày 06 tháng 08 năm 2025",
        "Người giao Người nhận",
        f"{CLERK} {POLICE_OFFICER}",
        f"{POLICE_OFFICER} {CLERK}",
        "Đúng hạn",
        "Bổ sung & <ghi chú>",
        "Trang 1/1",
    ]
    assert [item for item in expected if item not in text] == []


def test_a4_portrait_with_embedded_fonts(control_pdf):
    assert_pages(control_pdf, A4_PORTRAIT)
    assert PdfReader(control_pdf).metadata.title == (
        f"PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ – {CODE}"
    )


def test_an_open_dossier_gets_blank_rows_to_fill_by_hand(tmp_path):
    path = render_control_slip(sample_dossier(), control_rows(1), OFFICE, tmp_path / "c.pdf")
    assert page_texts(path)[0].count(BLANK_TIME) == 3  # up to four rows in all


def test_a_returned_dossier_gets_none(tmp_path):
    returned = replace(sample_dossier(), status=DossierState.RETURNED)
    path = render_control_slip(returned, control_rows(2), OFFICE, tmp_path / "c.pdf")
    assert BLANK_TIME not in page_texts(path)[0]


def test_many_rows_flow_onto_pages_under_repeated_heads(tmp_path):
    path = render_control_slip(sample_dossier(), control_rows(14), OFFICE, tmp_path / "c.pdf")
    texts = page_texts(path)
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert all(head in text for head in COLUMN_HEADS), number
        assert f"Trang {number}/{len(texts)}" in text
    for later in texts[1:]:
        assert f"Mẫu số 05 – Mã hồ sơ: {CODE} (tiếp theo)" in later
    assert "12 giờ 35 phút, ngày 18 tháng 08 năm 2025" in " ".join(texts[-2:])  # 14th row
    assert BLANK_TIME in texts[-1]  # still open: one more row to fill in
    assert_pages(path, A4_PORTRAIT)


@needs_qr_tools
def test_qr_code_decodes_to_the_dossier_code(control_pdf, tmp_path):
    assert decoded_qr(control_pdf, tmp_path) == CODE
