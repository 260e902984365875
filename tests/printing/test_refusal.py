from dataclasses import replace
from datetime import UTC, datetime

import pytest

from desk_app.printing.refusal import render_refusal
from tests.printing.pdf_checks import A5, assert_pages, page_texts
from tests.printing.samples import APPLICANT_NAME, CLERK, CODE, OFFICE, REFUSAL, sample_dossier


@pytest.fixture
def refusal_pdf(tmp_path):
    return render_refusal(sample_dossier(), REFUSAL, OFFICE, CLERK, tmp_path / "r.pdf")


def test_one_a5_page_with_the_reason(refusal_pdf):
    (text,) = page_texts(refusal_pdf)
    expected = [
        "Mẫu số 03",
        "Tân Lập, ngày 05 tháng 08 năm 2025",
        "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        f"Mã hồ sơ: {CODE}",
        "Trung tâm Phục vụ hành chính công xã Tân Lập tiếp nhận hồ sơ của:",
        f"Ông/Bà: {APPLICANT_NAME}",
        "Nội dung yêu cầu giải quyết: Đăng ký thường trú cho con tại nhà ông ngoại",
        "Sau khi xem xét, kiểm tra, đối chiếu thành phần hồ sơ, Trung tâm Phục vụ hành chính "
        "công xã Tân Lập xin thông báo: Yêu cầu “Đăng ký thường trú cho con tại nhà ông ngoại” "
        "của ông/bà không được tiếp nhận giải quyết với lý do cụ thể như sau:",
        "Nơi đăng ký thường trú thuộc địa bàn xã Hợp Nhất, không thuộc thẩm quyền giải quyết "
        "của xã Tân Lập.",
        "Xin thông báo để ông/bà được biết và thực hiện./.",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        CLERK,
    ]
    assert [item for item in expected if item not in text] == []
    assert_pages(refusal_pdf, A5)


def test_the_date_is_the_refusal_day_in_vietnam(tmp_path):
    refusal = replace(REFUSAL, at=datetime(2025, 8, 6, 17, 30, tzinfo=UTC))  # 00:30 on the 7th
    path = render_refusal(sample_dossier(), refusal, OFFICE, CLERK, tmp_path / "r.pdf")
    assert "Tân Lập, ngày 07 tháng 08 năm 2025" in page_texts(path)[0]


def test_markup_in_the_reason_is_printed_as_typed(tmp_path):
    refusal = replace(REFUSAL, reason="Thiếu giấy tờ <bản chính> & chữ ký\nxác nhận của chủ hộ")
    path = render_refusal(sample_dossier(), refusal, OFFICE, CLERK, tmp_path / "r.pdf")
    assert "Thiếu giấy tờ <bản chính> & chữ ký xác nhận của chủ hộ" in page_texts(path)[0]
