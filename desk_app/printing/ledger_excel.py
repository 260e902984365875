"""The dossier ledger as an Excel workbook, for the commune's own sums and filters and for the
district-era habit of sending reports as spreadsheets.

Same columns as the printed ledger (`ledger_columns`). Times are real Excel date-times, so they
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
    LEDGER_COLUMNS,
    LedgerValue,
    book_label,
    period_phrase,
)

SHEET_TITLE = "Sổ theo dõi hồ sơ"
TIME_FORMAT = "dd/mm/yyyy hh:mm"
TIME_NOTE = "Ngày giờ theo giờ Việt Nam (UTC+07:00), ghi dạng ngày giờ của Excel không kèm múi giờ."
FONT = "Times New Roman"  # what the counter's PCs have; the PDF embeds its metric twin
HEADER_ROW = 5  # title block above it: office and form number, title, book and period, note
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
    _header(sheet)
    for row, line in enumerate(lines, start=HEADER_ROW + 1):
        for column, spec in enumerate(LEDGER_COLUMNS, start=1):
            _write(sheet.cell(row, column), spec.value(line), spec.centred)
    last = get_column_letter(len(LEDGER_COLUMNS))
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + max(len(lines), 1)}"
    _print_setup(sheet)
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


def _header(sheet: Worksheet) -> None:
    fill = PatternFill("solid", fgColor="DDDDDD")
    for column, spec in enumerate(LEDGER_COLUMNS, start=1):
        cell = sheet.cell(HEADER_ROW, column, spec.title)
        cell.font = Font(name=FONT, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = GRID
        cell.fill = fill
        sheet.column_dimensions[get_column_letter(column)].width = spec.xlsx_width
    sheet.row_dimensions[HEADER_ROW].height = 45


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


def _print_setup(sheet: Worksheet) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages tall as the lines need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.oddFooter.center.text = "Trang &P/&N"
