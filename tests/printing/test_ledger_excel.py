from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from desk_app.printing.ledger_columns import LEDGER_COLUMNS
from desk_app.printing.ledger_excel import write_ledger_xlsx
from tests.printing.samples import CLERK, LEDGER_FROM, LEDGER_TO, OFFICE, decomposed, ledger_lines

HEADER_ROW = 5


def workbook_of(lines, tmp_path):
    path = write_ledger_xlsx(lines, OFFICE, LEDGER_FROM, LEDGER_TO, tmp_path / "ledger.xlsx")
    return load_workbook(path)


@pytest.fixture
def sheet(tmp_path):
    return workbook_of(ledger_lines(6), tmp_path).active


def test_title_block(sheet):
    assert sheet.title == "Sổ theo dõi hồ sơ"
    assert sheet["A1"].value == (
        "ỦY BAN NHÂN DÂN XÃ TÂN LẬP – TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ TÂN LẬP"
    )
    assert sheet.cell(1, len(LEDGER_COLUMNS)).value.startswith("Mẫu số 06")
    assert sheet["A2"].value == "SỔ THEO DÕI HỒ SƠ"
    assert sheet["A3"].value == (
        "Quyển số: 2025 – Từ ngày 01 tháng 08 năm 2025 đến ngày 31 tháng 08 năm 2025"
    )
    assert "UTC+07:00" in sheet["A4"].value


def test_bold_wrapped_header_with_the_official_columns(sheet):
    header = [cell for cell in sheet[HEADER_ROW]]
    assert [cell.value for cell in header] == [column.title for column in LEDGER_COLUMNS]
    assert all(cell.font.b and cell.alignment.wrap_text for cell in header)
    assert sheet.column_dimensions["B"].width == LEDGER_COLUMNS[1].xlsx_width


def test_a_line_with_real_types(sheet):
    values = [cell.value for cell in sheet[HEADER_ROW + 3]]  # line 3, returned early
    assert values == [
        3,
        "000.17.22.H56-250801-1003",
        "Đăng ký khai sinh",
        2,
        "Nguyễn Thị Ánh Tuyết",
        "Số 12, thôn Đông, xã Tân Lập, tỉnh Phú Thọ; 0987 654 003",
        "Công an xã Tân Lập",
        datetime(2025, 8, 1, 8, 15),
        datetime(2025, 8, 4, 8, 15),
        datetime(2025, 8, 1, 10, 15),
        datetime(2025, 8, 3, 8, 15),
        None,
        f"Đã trả kết quả – Trước hạn\nTiếp nhận: {CLERK}",
    ]
    assert sheet.cell(HEADER_ROW + 3, 8).number_format == "dd/mm/yyyy hh:mm"
    assert sheet.cell(HEADER_ROW + 1, 11).value is None  # not returned yet


def test_frozen_header_filter_and_print_setup(sheet):
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
    assert sheet.auto_filter.ref == f"A{HEADER_ROW}:M{HEADER_ROW + 6}"
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    setup = sheet.page_setup
    assert setup.orientation == "landscape"
    assert int(setup.paperSize) == 9  # A4 in Excel's numbering
    assert (int(setup.fitToWidth), int(setup.fitToHeight)) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage


def test_times_are_written_as_vietnam_wall_clock(tmp_path):
    line = replace(ledger_lines(1)[0], received_at=datetime(2025, 8, 1, 17, 30, tzinfo=UTC))
    sheet = workbook_of([line], tmp_path).active
    assert sheet.cell(HEADER_ROW + 1, 8).value == datetime(2025, 8, 2, 0, 30)


def test_text_stays_text_and_composed(tmp_path):
    line = replace(ledger_lines(1)[0], applicant_name='=HYPERLINK("http://x")', clerk="")
    line = replace(line, procedure_name=decomposed("Đăng ký kết hôn"))
    sheet = workbook_of([line], tmp_path).active
    name = sheet.cell(HEADER_ROW + 1, 5)
    assert name.value == '=HYPERLINK("http://x")' and name.data_type == "s"
    assert sheet.cell(HEADER_ROW + 1, 3).value == "Đăng ký kết hôn"
    assert sheet.cell(HEADER_ROW + 1, 13).value == "Được tiếp nhận"


def test_failed_write_keeps_the_previous_file(tmp_path, monkeypatch):
    path = write_ledger_xlsx(ledger_lines(2), OFFICE, LEDGER_FROM, LEDGER_TO, tmp_path / "l.xlsx")
    before = path.read_bytes()

    def crash(self, stream):
        stream.write(b"PK half a zip")
        raise OSError("disk full")

    monkeypatch.setattr(Workbook, "save", crash)
    with pytest.raises(OSError):
        write_ledger_xlsx(ledger_lines(3), OFFICE, LEDGER_FROM, LEDGER_TO, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["l.xlsx"]


def test_workbook_properties(tmp_path):
    props = workbook_of(ledger_lines(1), tmp_path).properties
    assert props.title.startswith("SỔ THEO DÕI HỒ SƠ – Từ ngày 01 tháng 08 năm 2025")
    assert props.creator == OFFICE.unit_name


def test_under_the_2025_forms_the_head_groups_the_dates_and_numbers_the_columns(tmp_path):
    """Form 07 of Circular 03/2025, as the printed book has it: two head rows with the four
    dates under one "Ngày, tháng, năm", then (1)…(13), then the lines."""
    path = write_ledger_xlsx(ledger_lines(3), OFFICE, date(2025, 10, 1), date(2025, 10, 31),
                             tmp_path / "ledger.xlsx")
    sheet = load_workbook(path).active
    assert sheet.cell(1, len(LEDGER_COLUMNS)).value.startswith("Mẫu số 07")
    group, titles, numbers = HEADER_ROW, HEADER_ROW + 1, HEADER_ROW + 2
    dated = [i for i, column in enumerate(LEDGER_COLUMNS, start=1) if column.dated]
    assert dated == [8, 9, 10, 11]
    merged = {str(cells) for cells in sheet.merged_cells.ranges}
    assert f"H{group}:K{group}" in merged
    assert sheet.cell(group, 8).value == "Ngày, tháng, năm"
    assert [sheet.cell(titles, c).value for c in dated] == [
        LEDGER_COLUMNS[c - 1].title for c in dated]
    for column, spec in enumerate(LEDGER_COLUMNS, start=1):
        if not spec.dated:  # one title over both head rows
            assert sheet.cell(group, column).value == spec.title
            letter = get_column_letter(column)
            assert f"{letter}{group}:{letter}{titles}" in merged
    assert [cell.value for cell in sheet[numbers]] == [f"({n})" for n in range(1, 14)]
    assert sheet.cell(numbers + 1, 1).value == 1  # the first line right under the numbers
    assert sheet.freeze_panes == f"A{numbers + 1}"
    assert sheet.auto_filter.ref == f"A{titles}:M{numbers + 3}"
    assert sheet.print_title_rows == f"${group}:${numbers}"
