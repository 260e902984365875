from dataclasses import replace

import pytest
from pypdf import PdfReader

from desk_app.printing.end_of_day import render_end_of_day
from tests.printing.pdf_checks import A4_PORTRAIT, assert_pages, page_texts, squeezed
from tests.printing.samples import (
    CLERK,
    OFFICE,
    POLICE,
    POLICE_OFFICER,
    end_of_day_report,
)


@pytest.fixture
def report_pdf(tmp_path):
    return render_end_of_day(end_of_day_report(), OFFICE, tmp_path / "eod.pdf")


def test_counts_handovers_and_what_stays(report_pdf):
    text = " ".join(page_texts(report_pdf))
    expected = [
        "BÁO CÁO CUỐI NGÀY",
        "Ngày 05 tháng 08 năm 2025",
        "(Lập lúc 17 giờ 05 phút, ngày 05 tháng 08 năm 2025)",
        "I. CÔNG VIỆC TRONG NGÀY",
        "1 Tiếp nhận hồ sơ 7",
        "2 Bàn giao xử lý 4",
        "3 Trả kết quả 1",
        "II. HỒ SƠ TIẾP NHẬN TRONG NGÀY THEO TRẠNG THÁI HIỆN NAY",
        "1 Được tiếp nhận 3 2 Đang xử lý 4 Tổng cộng 7",
        "III. HỒ SƠ TIẾP NHẬN TRONG NGÀY THEO THỦ TỤC",
        "1 Đăng ký thường trú 5 2 Đăng ký khai sinh 2 Tổng cộng 7",
        "IV. HỒ SƠ ĐÃ BÀN GIAO TRONG NGÀY",
        f"1 {POLICE} 2 2 Công chức Tư pháp - Hộ tịch 2 Tổng cộng 4",
        "V. HỒ SƠ CÒN TẠI BỘ PHẬN TIẾP NHẬN (03 hồ sơ)",
        "Tạm dừng tính hạn",
        "Tổng hợp trong ngày: tiếp nhận 07, bàn giao 04, còn tại bộ phận tiếp nhận 03 hồ sơ.",
        "NGƯỜI LẬP BÁO CÁO",
        "LÃNH ĐẠO",
        CLERK,
    ]
    assert [item for item in expected if item not in text] == []
    flat = squeezed(text)
    # Who took each dossier, and when.
    assert squeezed(f"{POLICE} – {POLICE_OFFICER} 08:30 05/08/2025 {CLERK}") in flat
    # Still at the counter: the result ready since the morning was on time; the dossier due
    # at 09:30 and not yet handed over is late by the evening.
    assert squeezed("Đã xử lý xong 07:30 05/08/2025 Đúng hạn") in flat
    assert squeezed("Được tiếp nhận 09:30 05/08/2025 Quá hạn") in flat
    assert "Mẫu số" not in text


def test_a4_portrait_numbered_with_embedded_fonts(report_pdf):
    assert_pages(report_pdf, A4_PORTRAIT)
    texts = page_texts(report_pdf)
    assert all(f"Trang {n}/{len(texts)}" in text for n, text in enumerate(texts, start=1))
    title = PdfReader(report_pdf).metadata.title
    assert title == "BÁO CÁO CUỐI NGÀY – ngày 05 tháng 08 năm 2025"


def test_a_quiet_day_says_none(tmp_path):
    quiet = replace(
        end_of_day_report(handed_over=0, at_counter=0), activity=(), by_state=(), by_procedure=()
    )
    text = " ".join(page_texts(render_end_of_day(quiet, OFFICE, tmp_path / "eod.pdf")))
    assert text.count("(Không có)") == 5
    assert "Tổng cộng" not in text and "NGƯỜI LẬP BÁO CÁO" in text


def test_the_day_s_digitisation_and_the_dossiers_left_incomplete(tmp_path):
    from desk_app.core.digitisation import DigitisationTally
    from desk_app.core.reports import DossierDigitisation, Tally

    partial = DigitisationTally(dossiers=1, scanned=1, shown=1, pending=2, incomplete=1)
    report = replace(
        end_of_day_report(),
        digitisation=partial + DigitisationTally(dossiers=6, scanned=12, reused=2, exempt=1),
        incomplete_digitisation=(DossierDigitisation(
            "000.17.22.H56-250805-1007", "Lý Thị Mai", "Đăng ký khai sinh", partial),),
        digitised_later=(Tally("result", "Kết quả giải quyết", 3),),
    )
    text = squeezed(" ".join(page_texts(render_end_of_day(report, OFFICE, tmp_path / "d.pdf"))))
    for expected in [
        "VI. SỐ HÓA HỒ SƠ TIẾP NHẬN TRONG NGÀY",
        "1 Giấy tờ quét số hóa tại quầy 13", "2 Giấy tờ tái sử dụng bản điện tử đã có 2",
        "3 Giấy tờ chỉ xuất trình (bản chính, VNeID) 1", "4 Giấy tờ không phải số hóa 1",
        "5 Giấy tờ chưa số hóa 2", "6 Hồ sơ tiếp nhận chưa số hóa đủ 1",
        "Giấy tờ số hóa sau khi tiếp nhận:", "1 Kết quả giải quyết 3",
        "Hồ sơ tiếp nhận chưa số hóa đủ:",
        "1 000.17.22.H56-250805-1007 Lý Thị Mai Đăng ký khai sinh quét 1, xuất trình 1, "
        "chưa số hóa 2",
    ]:
        assert squeezed(expected) in text, expected
