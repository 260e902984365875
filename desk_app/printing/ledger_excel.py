"""The dossier ledger as an Excel workbook, for the commune's own sums and filters and for the
district-era habit of sending reports as spreadsheets.

Same columns and head as the printed ledger (`ledger_columns`; under the 2025 forms the dates
grouped under one head and a row numbering the columns). Times are real Excel date-times, so they
sort and filter; Excel has no time zones, so they are written as Vietnam wall-clock time (UTC+07:00)
and a note above the table says so.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desk_app.core.clock import to_vn
from desk_app.core.forms import FormSets
from desk_app.core.lifecycle import LedgerLine
from desk_app.core.model import Office
from desk_app.core.text import nfc
from desk_app.printing.atomic import atomic_output
from desk_app.printing.forms import FormInfo, form_info
from desk_app.printing.ledger_columns import (
    DATE_GROUP,
    LEDGER_COLUMNS,
    LedgerValue,
    book_label,
    column_numbers,
    period_phrase,
)

SHEET_TITLE = "Sổ theo dõi hồ sơ"
TIME_FORMAT = "dd/mm/yyyy hh:mm"
TIME_NOTE = "Ngày giờ theo giờ Việt Nam (UTC+07:00), ghi dạng ngày giờ của Excel không kèm múi giờ."
FONT = "Times New Roman"  # what the counter's PCs have; the PDF embeds its metric twin
HEADER_ROW = 5  # title block above it: office and form number, title, book and period, note
HEAD_FILL = PatternFill("solid", fgColor="DDDDDD")
THIN = Side(style="thin")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
# Shared by every data cell: openpyxl makes building a style object per cell the slow part.
BODY_FONT = Font(name=FONT)
ALIGNMENTS = {
    centred: Alignment(horizontal="center" if centred else "left", vertical="top", wrap_text=True)
    for centred in (False, True)
}


def write_ledger_xlsx(
    lines: list[LedgerLine], office: Office, date_from: date, date_to: date, out: Path,
    sets: FormSets | None = None,
) -> Path:
    form = form_info("ledger", date_to, sets)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    period = period_phrase(date_from, date_to)
    _title_block(sheet, office, form, f"Quyển số: {book_label(lines, date_from)} – {period}")
    titles_row = _legacy_head(sheet) if form.legacy else _grouped_head(sheet)
    first_line = titles_row + (1 if form.legacy else 2)
    for row, line in enumerate(lines, start=first_line):
        for column, spec in enumerate(LEDGER_COLUMNS, start=1):
            _write(sheet.cell(row, column), spec.value(line), spec.centred)
    last = get_column_letter(len(LEDGER_COLUMNS))
    sheet.freeze_panes = f"A{first_line}"
    # The filter's buttons sit on the row of the columns' own titles.
    sheet.auto_filter.ref = f"A{titles_row}:{last}{first_line - 1 + max(len(lines), 1)}"
    _print_setup(sheet, first_line - 1)
    workbook.properties.title = nfc(f"{form.title} – {period}")
    workbook.properties.creator = nfc(office.unit_name)
    with atomic_output(out) as stream:
        workbook.save(stream)
    return out


def _title_block(sheet: Worksheet, office: Office, form: FormInfo, book_and_period: str) -> None:
    width = len(LEDGER_COLUMNS)
    issuer = sheet.cell(1, 1, nfc(f"{office.commune_name} – {office.unit_name}".upper()))
    issuer.font = Font(name=FONT, bold=True)
    if form.number:
        corner = sheet.cell(1, width, nfc(f"{form.number} ({form.regulation})"))
        corner.font = Font(name=FONT, italic=True, size=9)
        corner.alignment = Alignment(horizontal="right")
    centred_lines = (
        (2, nfc(form.title), Font(name=FONT, bold=True, size=14)),
        (3, nfc(book_and_period), Font(name=FONT)),
        (4, TIME_NOTE, Font(name=FONT, italic=True, size=9)),
    )
    for row, text, font in centred_lines:
        cell = sheet.cell(row, 1, text)
        cell.font = font
        cell.alignment = Alignment(horizontal="center")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def _legacy_head(sheet: Worksheet) -> int:
    """Circular 01/2018's form 06: one row of titles. Returns the row of the columns' titles."""
    for column, spec in enumerate(LEDGER_COLUMNS, start=1):
        _head_cell(sheet, HEADER_ROW, column, spec.title)
        sheet.column_dimensions[get_column_letter(column)].width = spec.xlsx_width
    sheet.row_dimensions[HEADER_ROW].height = 45
    return HEADER_ROW


def _grouped_head(sheet: Worksheet) -> int:
    """Circular 03/2025's form 07, as the printed book has it: the date columns under one
    "Ngày, tháng, năm" head, every other title over both head rows, then a row numbering the
    columns (1), (2), …. Returns the row of the columns' titles (the lower head row)."""
    group, titles, numbers = HEADER_ROW, HEADER_ROW + 1, HEADER_ROW + 2
    dated = [i for i, spec in enumerate(LEDGER_COLUMNS, start=1) if spec.dated]
    for column, spec in enumerate(LEDGER_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = spec.xlsx_width
        if spec.dated:
            _head_cell(sheet, titles, column, spec.title)
        else:
            _head_cell(sheet, group, column, spec.title)
            _head_cell(sheet, titles, column, None)
            sheet.merge_cells(start_row=group, start_column=column, end_row=titles,
                              end_column=column)
        _head_cell(sheet, numbers, column, column_numbers()[column - 1])
    _head_cell(sheet, group, dated[0], DATE_GROUP)
    for column in dated[1:]:
        _head_cell(sheet, group, column, None)
    sheet.merge_cells(start_row=group, start_column=dated[0], end_row=group,
                      end_column=dated[-1])
    sheet.row_dimensions[group].height = 20
    sheet.row_dimensions[titles].height = 45
    return titles


def _head_cell(sheet: Worksheet, row: int, column: int, text: str | None) -> None:
    # Merged-away cells keep the grid and fill so the borders of a merged head are whole.
    cell = sheet.cell(row, column, text)
    cell.font = Font(name=FONT, bold=True)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    cell.border = GRID
    cell.fill = HEAD_FILL


def _write(cell: Cell, value: LedgerValue, centred: bool) -> None:
    if isinstance(value, datetime):
        cell.value = to_vn(value).replace(tzinfo=None)
        cell.number_format = TIME_FORMAT
    elif isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", nfc(value))
        # A name typed as "=…" must stay a name, not become a formula Excel would run.
        cell.data_type = "s"
    else:
        cell.value = value
    cell.font = BODY_FONT
    cell.border = GRID
    cell.alignment = ALIGNMENTS[centred]


def _print_setup(sheet: Worksheet, last_head_row: int) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages tall as the lines need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{last_head_row}"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.oddFooter.center.text = "Trang &P/&N"
