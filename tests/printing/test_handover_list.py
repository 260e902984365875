import pytest
from pypdf import PdfReader

from desk_app.printing.handover_list import render_handover_list
from tests.printing.pdf_checks import A4_PORTRAIT, assert_pages, page_texts, squeezed
from tests.printing.samples import (
    CLERK,
    HANDOVER_AT,
    OFFICE,
    POLICE,
    POLICE_OFFICER,
    numbered_dossiers,
)

COLUMN_HEADS = ["STT", "Mã hồ sơ", "Người nộp hồ sơ", "Thủ tục", "Ngày nhận", "Hẹn trả", "Số bộ"]


def handover(dossiers, tmp_path):
    return render_handover_list(
        dossiers, POLICE, CLERK, POLICE_OFFICER, HANDOVER_AT, OFFICE, tmp_path / "h.pdf"
    )


@pytest.fixture
def short_list(tmp_path):
    return handover(numbered_dossiers(4), tmp_path)


def test_one_line_per_dossier_with_count_and_both_sides(short_list):
    (text,) = page_texts(short_list)
    expected = [
        "ỦY BAN NHÂN DÂN XÃ TÂN LẬP",
        "Tân Lập, ngày 05 tháng 08 năm 2025",
        "DANH SÁCH BÀN GIAO HỒ SƠ",
        "Thời gian bàn giao: 15 giờ 30 phút, ngày 05 tháng 08 năm 2025",
        f"Bên giao: {OFFICE.unit_name} – ông/bà {CLERK}",
        f"Bên nhận: {POLICE} – ông/bà {POLICE_OFFICER}",
        *COLUMN_HEADS,
        "Đăng ký thường trú",
        "Tổng số: 04 hồ sơ.",
        "BÊN GIAO",
        "BÊN NHẬN",
        f"{CLERK} {POLICE_OFFICER}",
    ]
    assert [item for item in expected if item not in text] == []
    flat = squeezed(text)
    for dossier in numbered_dossiers(4):
        assert dossier.code in flat
    # Line 4: its number, code, applicant, times, sets and note, in order.
    assert (
        "4000.17.22.H56-250805-1004CôngtyTNHHHùng&Cường<PhúThọ>Đăngkýthườngtrú"
        "09:4105/08/202509:4114/08/202501Kèmbảngốc&<bảnsao>"
    ) in flat
    # The counter's own document: no circular gives it a number.
    assert "Mẫu số" not in text


def test_a4_portrait_with_embedded_fonts(short_list):
    assert_pages(short_list, A4_PORTRAIT)
    assert PdfReader(short_list).metadata.title == (
        f"DANH SÁCH BÀN GIAO HỒ SƠ – {POLICE} – 15:30 05/08/2025"
    )


def test_a_long_batch_repeats_the_heads_and_signs_at_the_end(tmp_path):
    texts = page_texts(handover(numbered_dossiers(60), tmp_path))
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert all(head in text for head in COLUMN_HEADS), number
        assert f"Trang {number}/{len(texts)}" in text
    assert "Tổng số: 60 hồ sơ." in texts[-1] and "BÊN NHẬN" in texts[-1]
    assert "000.17.22.H56-250805-1060" in squeezed(texts[-1])
