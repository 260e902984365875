"""The scorecard as an Excel workbook (openpyxl, as the counter's ledger): the period's
figures per commune and for the province, then the same figures month by month. Rates are
real numbers in a percentage format, so they sum and sort; a rate without data is the text
«chưa có dữ liệu»."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sync.server.web.scores import COLUMNS, NO_DATA, Figures, Scorecard

RATE_FORMAT = "0.0%"
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
FIRST_ROW = 4  # the table's head; the title and the period above it


def workbook(card: Scorecard, scope: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Bảng điểm"
    rows = [(line.name, line.figures) for line in card.communes]
    if card.total is not None:
        rows.append((card.total.name, card.total.figures))
    _table(sheet, f"Bảng điểm Quyết định 766/QĐ-TTg – {scope}", card.period.label,
           "Xã, phường", rows)
    by_month = book.create_sheet("Theo tháng")
    _table(by_month, f"Theo tháng, năm {card.period.year} – {scope}", card.period.label,
           "Tháng", [(f"{month[5:]}/{month[:4]}", figures) for month, figures in card.by_month])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _table(sheet: Worksheet, title: str, period: str, first: str,
           rows: list[tuple[str, Figures]]) -> None:
    sheet["A1"], sheet["A1"].font = title, Font(bold=True, size=13)
    sheet["A2"] = f"Kỳ: {period}"
    heads = [first, *(column.head for column in COLUMNS)]
    for number, head in enumerate(heads, start=1):
        cell = sheet.cell(FIRST_ROW, number, head)
        cell.font, cell.alignment = BOLD, WRAP
        sheet.column_dimensions[get_column_letter(number)].width = 28 if number == 1 else 13
    for offset, (name, figures) in enumerate(rows, start=1):
        sheet.cell(FIRST_ROW + offset, 1, name)
        for number, column in enumerate(COLUMNS, start=2):
            value = column.value(figures)
            cell = sheet.cell(FIRST_ROW + offset, number, NO_DATA if value is None else value)
            if column.is_rate and value is not None:
                cell.number_format = RATE_FORMAT
    sheet.freeze_panes = sheet.cell(FIRST_ROW + 1, 2)
