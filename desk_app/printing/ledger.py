"""The dossier ledger (Sổ theo dõi hồ sơ) for a period, A4 landscape: form 06 of Circular
01/2018, form 07 of Circular 03/2025, which groups the date columns under one head and numbers
the columns.

A year can hold thousands of lines: the column heads repeat on every page, the pages are
numbered "Trang x/y", and the cells are plain wrapped strings so that 2,000 lines render in a
few seconds on an old PC (see `grid_table`).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from desk_app.core.forms import FormSets
from desk_app.core.lifecycle import LedgerLine
from desk_app.core.model import Office
from desk_app.printing.document import PdfInfo, PrintedCopy, write_pdf
from desk_app.printing.forms import form_info
from desk_app.printing.layout import (
    A4_LANDSCAPE,
    MARGIN,
    HeadGroup,
    SlipStyles,
    a4_styles,
    form_title,
    grid_table,
    official_header,
    short_datetime,
    top_corners,
)
from desk_app.printing.ledger_columns import (
    DATE_GROUP,
    LEDGER_COLUMNS,
    LedgerValue,
    book_label,
    column_numbers,
    period_phrase,
)

WIDTH = A4_LANDSCAPE[0] - 2 * MARGIN
TABLE_SIZE = 8


def render_ledger(
    lines: list[LedgerLine],
    office: Office,
    date_from: date,
    date_to: date,
    out: Path,
    sets: FormSets | None = None,
) -> Path:
    # The book is printed on the form in force on the last day it records.
    form = form_info("ledger", date_to, sets)
    styles = a4_styles(table_size=TABLE_SIZE)
    books = book_label(lines, date_from)
    period = period_phrase(date_from, date_to)
    story: list[Flowable] = [
        top_corners("", form, WIDTH, styles),
        Spacer(1, 2 * mm),
        official_header(office, WIDTH, styles),
        Spacer(1, 4 * mm),
        form_title(form, WIDTH, styles),
        Paragraph(f"Quyển số: {books}", styles.centre),
        Paragraph(period, styles.place_date),
        Spacer(1, 3 * mm),
        _table(lines, styles, form.legacy),
        Spacer(1, 2 * mm),
        Paragraph(f"Tổng số: {len(lines)} hồ sơ.", styles.body),
    ]
    copy = PrintedCopy(
        story, running_head=f"{form.title} – Quyển số: {books} – {period} (tiếp theo)"
    )
    info = PdfInfo(title=f"{form.title} – {period}", author=office.unit_name)
    return write_pdf(out, [copy], A4_LANDSCAPE, info, page_numbers=True)


def _table(lines: list[LedgerLine], styles: SlipStyles, legacy: bool) -> Flowable:
    rows = [[_cell(column.value(line)) for column in LEDGER_COLUMNS] for line in lines]
    widths = [column.pdf_width * mm for column in LEDGER_COLUMNS]
    numeric = [i for i, column in enumerate(LEDGER_COLUMNS) if column.centred]
    if legacy:
        header = [column.title for column in LEDGER_COLUMNS]
        return grid_table(header, rows, widths, styles, numeric_columns=numeric)
    # Circular 03/2025's form 07: the date columns under one "Ngày, tháng, năm" head, every
    # other head over both lines, then a row numbering the columns (1), (2), …
    dated = [i for i, column in enumerate(LEDGER_COLUMNS) if column.dated]
    header = [column.title for column in LEDGER_COLUMNS]
    return grid_table(header, rows, widths, styles, numeric_columns=numeric,
                      more_head=[column_numbers()],
                      group=HeadGroup(dated[0], dated[-1], DATE_GROUP))


def _cell(value: LedgerValue) -> str:
    if isinstance(value, datetime):
        return short_datetime(value, "\n")
    return "" if value is None else str(value)
