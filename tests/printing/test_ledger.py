from dataclasses import replace

import pytest
from pypdf import PdfReader

from desk_app.printing.ledger import render_ledger
from desk_app.printing.ledger_columns import LEDGER_COLUMNS
from tests.printing.pdf_checks import A4_LANDSCAPE, assert_pages, page_texts, squeezed
from tests.printing.samples import CLERK, LEDGER_FROM, LEDGER_TO, OFFICE, ledger_lines

PERIOD = "Từ ngày 01 tháng 08 năm 2025 đến ngày 31 tháng 08 năm 2025"
# Words of the column heads, which wrap inside their cells.
HEAD_WORDS = ["STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Tên cá nhân, tổ chức", "Ghi chú"]


def ledger(lines, tmp_path, name="ledger.pdf"):
    return render_ledger(lines, OFFICE, LEDGER_FROM, LEDGER_TO, tmp_path / name)


def test_title_block_and_official_columns(tmp_path):
    texts = page_texts(ledger(ledger_lines(6), tmp_path))
    assert len(texts) == 1
    text = texts[0]
    for item in ["Mẫu số 06", "SỔ THEO DÕI HỒ SƠ", "Quyển số: 2025", PERIOD, "Trang 1/1"]:
        assert item in text
    flat = squeezed(text)
    assert [c.title for c in LEDGER_COLUMNS if squeezed(c.title) not in flat] == []
    assert "Tổng số: 6 hồ sơ." in text


def test_a_returned_line_carries_all_its_times_and_status(tmp_path):
    (text,) = page_texts(ledger(ledger_lines(3), tmp_path))
    # Line 3, two sets: received 08:15, handed over 10:15 to the police, due 08:15 on the 4th, returned on
    # the 3rd, early; the signature column left blank for the collector.
    assert (
        "3000.17.22.H56-250801-1003Đăngkýkhaisinh2NguyễnThịÁnhTuyết"
        "Số12,thônĐông,xãTânLập,tỉnhPhúThọ;0987654003CônganxãTânLập"
        "08:1501/08/202508:1504/08/202510:1501/08/202508:1503/08/2025"
        f"Đãtrảkếtquả–TrướchạnTiếpnhận:{squeezed(CLERK)}"
    ) in squeezed(text)


def test_markup_characters_print_as_typed(tmp_path):
    (text,) = page_texts(ledger(ledger_lines(2), tmp_path))
    assert "CôngtyTNHHHùng&Cường<PhúThọ>" in squeezed(text)


def test_a4_landscape_with_embedded_fonts_and_metadata(tmp_path):
    path = ledger(ledger_lines(3), tmp_path)
    assert_pages(path, A4_LANDSCAPE)
    assert PdfReader(path).metadata.title == f"SỔ THEO DÕI HỒ SƠ – {PERIOD}"


def test_a_period_across_new_year_names_both_books(tmp_path):
    lines = ledger_lines(2)
    lines[1] = replace(lines[1], book=2026, number=1)
    assert "Quyển số: 2025, 2026" in page_texts(ledger(lines, tmp_path))[0]


def test_an_empty_period_still_prints_the_book(tmp_path):
    (text,) = page_texts(ledger([], tmp_path))
    assert "Quyển số: 2025" in text and "Tổng số: 0 hồ sơ." in text


@pytest.mark.slow
def test_two_thousand_lines_with_heads_and_numbers_on_every_page(tmp_path):
    # How long it takes is bench/ledger_render.py's figure.
    path = ledger(ledger_lines(2000), tmp_path)
    texts = page_texts(path)
    assert len(texts) > 50
    for number, text in enumerate(texts, start=1):
        assert all(word in text for word in HEAD_WORDS), number
        assert f"Trang {number}/{len(texts)}" in text
    for later in texts[1:]:
        assert f"SỔ THEO DÕI HỒ SƠ – Quyển số: 2025 – {PERIOD} (tiếp theo)" in later
    assert "Tổng số: 2000 hồ sơ." in texts[-1]
    assert "2000000.17.22.H56-250822-1000" in squeezed(texts[-1])


def test_a_line_s_digitisation_is_noted(tmp_path):
    line = replace(ledger_lines(1)[0], digitisation="quét 2, tái sử dụng 1")
    (text,) = page_texts(ledger([line], tmp_path))
    assert squeezed(f"Tiếp nhận: {CLERK} Số hóa: quét 2, tái sử dụng 1") in squeezed(text)
