"""The processing control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ): form 05 of Circular
01/2018, form 06 of Circular 03/2025, which heads it with the deciding and coordinating agencies.

It travels with the paper dossier: one row per hand-over, signed by both sides. The rows known
when it is printed are filled in; while the dossier is still open, blank rows follow for the
units down the line to fill in by hand. A4, because a dossier can change hands many times; rows
flow onto further pages under the repeated column heads.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from desk_app.core.clock import to_vn
from desk_app.core.control_slip import ControlHeader, control_header
from desk_app.core.forms import FormSets
from desk_app.core.lifecycle import OPEN_STATES, ControlRow, ProcessingUnit
from desk_app.core.model import Dossier, Office
from desk_app.core.slips import SlipKind
from desk_app.printing.blocks import (
    dossier_identity,
    slip_opening,
    title_with_code,
    write_dossier_slip,
)
from desk_app.printing.forms import form_info
from desk_app.printing.layout import (
    A4_PORTRAIT,
    CELL_PADDING,
    MARGIN,
    Cell,
    Signer,
    SlipStyles,
    a4_styles,
    field_line,
    grid_table,
    signature_block,
    slip_styles,
    vn_datetime_phrase,
)

WIDTH = A4_PORTRAIT[0] - 2 * MARGIN
HEADER = (
    "TÊN CƠ QUAN / ĐƠN VỊ",
    "THỜI GIAN GIAO, NHẬN HỒ SƠ",
    "KẾT QUẢ GIẢI QUYẾT HỒ SƠ\n(Trước hạn / Đúng hạn / Quá hạn)",
    "GHI CHÚ",
)
UNIT_WIDTH, TIME_WIDTH, RESULT_WIDTH = 46 * mm, 90 * mm, 26 * mm
COLUMN_WIDTHS = (
    UNIT_WIDTH,
    TIME_WIDTH,
    RESULT_WIDTH,
    WIDTH - UNIT_WIDTH - TIME_WIDTH - RESULT_WIDTH,
)
# An open dossier's slip has at least this many rows, blank ones to be filled in by hand.
ROWS_WHILE_OPEN = 4
# Room to write a unit's name by hand, on the same line as its label.
BLANK_NAME = "…" * 7


def render_control_slip(
    dossier: Dossier,
    rows: list[ControlRow],
    office: Office,
    out: Path,
    units: Sequence[ProcessingUnit] = (),
    sets: FormSets | None = None,
) -> Path:
    """`units` is the counter's list of processing units: it says which are inter-agency, to be
    named as coordinating in the header lines of Circular 03/2025's form."""
    # The slip starts with the first hand-over: every later version stays on that form.
    started = rows[0].at if rows else dossier.received_at
    form = form_info(SlipKind.CONTROL, to_vn(started).date(), sets)
    styles = a4_styles()
    story = [
        *slip_opening(form, office, WIDTH, dossier.received_at, styles),
        title_with_code(form, dossier.code, WIDTH, styles),
        Spacer(1, 2 * mm),
        Paragraph("Kèm theo hồ sơ của:", styles.body),
        *dossier_identity(dossier, styles),
        *([] if form.legacy else _header_lines(control_header(rows, office.unit_name, units),
                                               styles)),
        Spacer(1, 2 * mm),
        _rows_table(dossier, rows, styles),
    ]
    return write_dossier_slip(out, form, dossier, office, story, A4_PORTRAIT)


def _header_lines(header: ControlHeader, styles: SlipStyles) -> list[Paragraph]:
    """Filled from the hand-overs so far; dots to write on while no one has been named."""
    return [
        field_line(label, "; ".join(names) or BLANK_NAME * 3, styles.body)
        for label, names in (
            ("Cơ quan (bộ phận) giải quyết hồ sơ", header.deciding),
            ("Cơ quan phối hợp giải quyết hồ sơ", header.coordinating),
        )
    ]


def _rows_table(dossier: Dossier, rows: Sequence[ControlRow], styles: SlipStyles) -> Flowable:
    blanks = 0
    if dossier.status in OPEN_STATES:
        blanks = max(ROWS_WHILE_OPEN - len(rows), 1)
    cells = [_row_cells(row, styles) for row in rows]
    cells += [_blank_cells(styles) for _ in range(blanks)]
    return grid_table(HEADER, cells, COLUMN_WIDTHS, styles, numeric_columns=(2,))


def _row_cells(row: ControlRow, styles: SlipStyles) -> list[Cell]:
    return [
        f"1. Giao: {row.giver_unit}\n2. Nhận: {row.receiver_unit}",
        _time_and_signatures(vn_datetime_phrase(row.at), row.giver_name, row.receiver_name, styles),
        row.result,
        row.note,
    ]


def _blank_cells(styles: SlipStyles) -> list[Cell]:
    return [
        f"1. Giao: {BLANK_NAME}\n2. Nhận: {BLANK_NAME}",
        _time_and_signatures("…… giờ …… phút, ngày …… tháng …… năm ……", "", "", styles),
        "",
        "",
    ]


def _time_and_signatures(
    when: str, giver: str, receiver: str, styles: SlipStyles
) -> list[Flowable]:
    # Type of the table's size, not the page's: two names must fit side by side in the cell.
    cell_styles = slip_styles(body_size=styles.table_head.fontSize + 0.5)
    return [
        Paragraph(when, cell_styles.centre),
        Spacer(1, 1 * mm),
        signature_block(
            [Signer("Người giao", giver), Signer("Người nhận", receiver)],
            TIME_WIDTH - 2 * CELL_PADDING,
            cell_styles,
            space=11 * mm,
        ),
    ]
