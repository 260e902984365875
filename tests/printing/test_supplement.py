from dataclasses import replace

import pytest
from pypdf import PdfReader

from desk_app.printing.supplement import render_supplement
from tests.printing.pdf_checks import A5, assert_pages, page_texts
from tests.printing.samples import (
    APPLICANT_NAME,
    CLERK,
    CODE,
    OFFICE,
    SUPPLEMENT,
    decomposed,
    sample_dossier,
)


@pytest.fixture
def supplement_pdf(tmp_path):
    return render_supplement(sample_dossier(), SUPPLEMENT, OFFICE, CLERK, tmp_path / "s.pdf")


def test_one_a5_page_with_the_request(supplement_pdf):
    (text,) = page_texts(supplement_pdf)
    expected = [
        "Mẫu số 02 (Ban hành kèm theo Thông tư số 01/2018/TT-VPCP)",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "ỦY BAN NHÂN DÂN XÃ TÂN LẬP",
        "Tân Lập, ngày 06 tháng 08 năm 2025",  # the day of the request, not of the receipt
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        f"Mã hồ sơ: {CODE}",
        f"Kính gửi ông/bà: {APPLICANT_NAME}",
        "Thủ tục: 1.004222 – Đăng ký thường trú",
        "Thời gian nhận hồ sơ: 09 giờ 41 phút, ngày 05 tháng 08 năm 2025",
        "Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau (theo yêu cầu của Công an xã Tân Lập):",
        "1. Bản sao có chứng thực Giấy chứng nhận quyền sử dụng đất của chủ hộ",
        "2. Văn bản đồng ý của chủ hộ có chữ ký của các thành viên & người giám hộ <nếu có>",
        "Lý do: Giấy tờ chứng minh chỗ ở hợp pháp nộp kèm là bản photo không có chứng thực.",
        "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ với công chức Tư pháp "
        "- Hộ tịch Lê Thị Hồng, điện thoại 0210 3856 123 để được hướng dẫn./.",
        "NGƯỜI HƯỚNG DẪN",
        "(Ký và ghi rõ họ tên)",
        CLERK,
    ]
    assert [item for item in expected if item not in text] == []


def test_page_font_and_metadata(supplement_pdf):
    assert_pages(supplement_pdf, A5)
    meta = PdfReader(supplement_pdf).metadata
    assert meta.title == f"PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ – {CODE}"
    assert meta.author == OFFICE.unit_name


def test_a_gap_found_at_the_counter_names_no_other_unit(tmp_path):
    request = replace(SUPPLEMENT, requested_by=decomposed(OFFICE.unit_name))
    path = render_supplement(sample_dossier(), request, OFFICE, CLERK, tmp_path / "s.pdf")
    assert "theo yêu cầu của" not in page_texts(path)[0]


def test_decomposed_input_prints_composed(tmp_path):
    request = replace(SUPPLEMENT, missing=(decomposed("Giấy khai sinh bản chính"),))
    path = render_supplement(sample_dossier(), request, OFFICE, CLERK, tmp_path / "s.pdf")
    assert "1. Giấy khai sinh bản chính" in page_texts(path)[0]
    assert_pages(path, A5)


def test_a_long_list_still_fits_one_page(tmp_path):
    missing = tuple(
        f"Giấy tờ thứ {n}: bản sao có chứng thực của cơ quan có thẩm quyền" for n in range(1, 16)
    )
    request = replace(SUPPLEMENT, missing=missing)
    path = render_supplement(sample_dossier(), request, OFFICE, CLERK, tmp_path / "s.pdf")
    (text,) = page_texts(path)
    assert "15. Giấy tờ thứ 15" in text and "NGƯỜI HƯỚNG DẪN" in text
