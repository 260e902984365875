from dataclasses import replace
from datetime import UTC, datetime

import pytest

from desk_app.printing.apology import render_apology
from tests.printing.pdf_checks import A5, assert_pages, page_texts
from tests.printing.samples import APOLOGY, APPLICANT_NAME, CLERK, CODE, OFFICE, sample_dossier

UNIT = OFFICE.unit_name


@pytest.fixture
def apology_pdf(tmp_path):
    return render_apology(sample_dossier(), APOLOGY, OFFICE, CLERK, tmp_path / "a.pdf")


def test_one_a5_page_with_old_and_new_due_times(apology_pdf):
    (text,) = page_texts(apology_pdf)
    expected = [
        "Mẫu số 04",
        "Tân Lập, ngày 13 tháng 08 năm 2025",
        "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
        f"Mã hồ sơ: {CODE}",
        f"Kính gửi ông/bà: {APPLICANT_NAME}",
        f"Ngày 05 tháng 08 năm 2025, {UNIT} tiếp nhận giải quyết hồ sơ của ông/bà "
        f"{APPLICANT_NAME}, mã hồ sơ {CODE}.",
        "Thời hạn trả kết quả giải quyết hồ sơ: 09 giờ 41 phút, ngày 14 tháng 08 năm 2025.",
        f"Tuy nhiên đến nay, {UNIT} chưa trả kết quả giải quyết hồ sơ cho ông/bà.",
        "Lý do: Cần xác minh thông tin về chỗ ở hợp pháp tại địa phương nơi cư trú trước đây.",
        "Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của ông/bà.",
        f"{UNIT} xin lỗi ông/bà và sẽ trả kết quả giải quyết hồ sơ cho ông/bà vào "
        "09 giờ 41 phút, ngày 19 tháng 08 năm 2025.",
        "Xin trân trọng cảm ơn sự hợp tác của ông/bà./.",
        "THỦ TRƯỞNG CƠ QUAN",
        "(Ký, ghi rõ họ tên và đóng dấu)",
        "NGƯỜI LẬP PHIẾU",
        CLERK,
    ]
    assert [item for item in expected if item not in text] == []
    assert_pages(apology_pdf, A5)


def test_due_times_given_in_utc_print_in_vietnam_time(tmp_path):
    apology = replace(
        APOLOGY,
        old_due_at=datetime(2025, 8, 14, 2, 41, tzinfo=UTC),
        new_due_at=datetime(2025, 8, 19, 9, 0, tzinfo=UTC),
    )
    path = render_apology(sample_dossier(), apology, OFFICE, CLERK, tmp_path / "a.pdf")
    text = page_texts(path)[0]
    assert "09 giờ 41 phút, ngày 14 tháng 08 năm 2025" in text
    assert "16 giờ 00 phút, ngày 19 tháng 08 năm 2025" in text
