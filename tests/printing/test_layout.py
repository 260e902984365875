import unicodedata
from datetime import UTC, date, datetime

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from desk_app.core.clock import VN_TZ
from desk_app.printing import layout
from desk_app.printing.fonts import REGULAR


def test_datetime_phrase_pads_and_uses_vietnam_time():
    moment = datetime(2025, 8, 5, 14, 5, tzinfo=VN_TZ)
    assert layout.vn_datetime_phrase(moment) == "14 giờ 05 phút, ngày 05 tháng 08 năm 2025"
    # 17:30 UTC on the 4th is 00:30 on the 5th in Vietnam.
    utc = datetime(2025, 8, 4, 17, 30, tzinfo=UTC)
    assert layout.vn_datetime_phrase(utc) == "00 giờ 30 phút, ngày 05 tháng 08 năm 2025"
    naive = datetime(2025, 12, 31, 7, 0)
    assert layout.vn_datetime_phrase(naive) == "07 giờ 00 phút, ngày 31 tháng 12 năm 2025"


def test_date_phrase():
    assert layout.vn_date_phrase(date(2026, 1, 2)) == "ngày 02 tháng 01 năm 2026"
    late_evening_utc = datetime(2025, 12, 31, 20, 0, tzinfo=UTC)
    assert layout.vn_date_phrase(late_evening_utc) == "ngày 01 tháng 01 năm 2026"


@pytest.mark.parametrize(
    ("amount", "text"),
    [(0, "0 đồng"), (2_000, "2.000 đồng"), (20_000, "20.000 đồng"), (1_234_567, "1.234.567 đồng")],
)
def test_money(amount, text):
    assert layout.vn_money(amount) == text


def test_markup_escapes_and_composes():
    decomposed = unicodedata.normalize("NFD", "Đặng Văn Ước")
    assert layout.markup(decomposed) == "Đặng Văn Ước"
    assert layout.markup("Hùng & <Cường>") == "Hùng &amp; &lt;Cường&gt;"
    assert layout.markup("dòng 1\ndòng 2") == "dòng 1<br/>dòng 2"
    assert layout.markup(None) == ""


def test_balanced_lines_split_a_long_title_evenly():
    style = layout.slip_styles().title
    title = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
    assert layout.balanced_lines(title, style, 1000) == title
    first, second = layout.balanced_lines(title, style, 250).split("<br/>")
    assert f"{first} {second}" == title
    assert abs(len(first) - len(second)) <= 6


def test_qr_code_carries_the_exact_code():
    code = layout.QrCode("000.17.22.H56-250805-1007")
    assert code.payload == "000.17.22.H56-250805-1007"
    assert code.wrap(500, 500) == (code.size, code.size)


def test_qr_code_refuses_non_ascii():
    with pytest.raises(ValueError, match="ASCII"):
        layout.QrCode("Mã hồ sơ")


def test_page_sizes():
    def points(size):
        return tuple(round(side, 2) for side in size)

    assert points(layout.A5_PORTRAIT) == (419.53, 595.28)
    assert points(layout.A4_LANDSCAPE) == (841.89, 595.28)


def test_short_datetime_in_vietnam_time():
    utc = datetime(2025, 8, 4, 17, 30, tzinfo=UTC)
    assert layout.short_datetime(utc) == "00:30 05/08/2025"
    assert layout.short_datetime(utc, "\n") == "00:30\n05/08/2025"


@pytest.fixture
def styles():
    return layout.slip_styles()  # registers the font too, which measuring needs


def width_of(text):
    return stringWidth(text, REGULAR, 8)


def test_wrap_text_breaks_at_spaces_and_a_code_after_a_hyphen(styles):
    width = width_of("000.17.22.H56-25")
    assert layout.wrap_text("000.17.22.H56-250805-1007", REGULAR, 8, width) == [
        "000.17.22.H56-",
        "250805-1007",
    ]
    lines = layout.wrap_text("Nguyễn Thị Ánh Tuyết\nxã Tân Lập", REGULAR, 8, width)
    assert " ".join(lines) == "Nguyễn Thị Ánh Tuyết xã Tân Lập"
    assert all(width_of(line) <= width for line in lines)


def test_wrap_text_cuts_a_word_with_no_break_anywhere(styles):
    lines = layout.wrap_text("x" * 60, REGULAR, 8, 40)
    assert "".join(lines) == "x" * 60 and len(lines) > 1
    assert all(width_of(line) <= 40 for line in lines)
    assert layout.wrap_text("", REGULAR, 8, 40) == [""]


def test_a_lone_signer_signs_on_the_right(styles):
    block = layout.signature_block([layout.Signer("NGƯỜI HƯỚNG DẪN", "Đặng Văn Ước")], 300, styles)
    assert block._colWidths == [150, 150]
    assert block._cellvalues[0][0] == ""
