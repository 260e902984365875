"""The handover list (Danh sách bàn giao hồ sơ): a batch of dossiers given to a processing unit
in one go, one line each, signed by both sides. Each dossier also gets its control slip; this
sheet is the receipt for the batch as a whole.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from desk_app.core.clock import to_vn
from desk_app.core.model import Dossier, Office
from desk_app.core.slips import SlipKind
from desk_app.printing.blocks import slip_opening
from desk_app.printing.document import PdfInfo, PrintedCopy, write_pdf
from desk_app.printing.forms import form_info
from desk_app.printing.layout import (
    A4_PORTRAIT,
    MARGIN,
    Signer,
    SlipStyles,
    a4_styles,
    field_line,
    form_title,
    grid_table,
    kept_with_next,
    markup,
    short_datetime,
    signature_block,
    two_digits,
    vn_datetime_phrase,
)

WIDTH = A4_PORTRAIT[0] - 2 * MARGIN
HEADER = (
    "STT",
    "Mã hồ sơ",
    "Người nộp hồ sơ",
    "Thủ tục",
    "Ngày nhận",
    "Hẹn trả",
    "Số bộ",
    "Ghi chú",
)
TABLE_SIZE = 9  # pt: a dossier code then takes two lines in its column, a date one
# mm; the procedure takes what is left
NUMBER, CODE, APPLICANT, TIME, SETS, NOTE = 9, 25, 32, 19, 10, 26
PROCEDURE = WIDTH / mm - (NUMBER + CODE + APPLICANT + 2 * TIME + SETS + NOTE)
COLUMN_WIDTHS = [w * mm for w in (NUMBER, CODE, APPLICANT, PROCEDURE, TIME, TIME, SETS, NOTE)]


def render_handover_list(
    dossiers: list[Dossier],
    unit: str,
    giver: str,
    receiver: str,
    at: datetime,
    office: Office,
    out: Path,
) -> Path:
    form = form_info(SlipKind.HANDOVER_LIST, to_vn(at).date())
    styles = a4_styles(table_size=TABLE_SIZE)
    story: list[Flowable] = [
        *slip_opening(form, office, WIDTH, at, styles),
        form_title(form, WIDTH, styles),
        Spacer(1, 3 * mm),
        field_line("Thời gian bàn giao", vn_datetime_phrase(at), styles.body),
        Paragraph(
            f"<b>Bên giao:</b> {markup(office.unit_name)} – ông/bà {markup(giver)}", styles.body
        ),
        Paragraph(f"<b>Bên nhận:</b> {markup(unit)} – ông/bà {markup(receiver)}", styles.body),
        Spacer(1, 2 * mm),
        _table(dossiers, styles),
        Spacer(1, 2 * mm),
        *kept_with_next(
            Paragraph(f"Tổng số: <b>{two_digits(len(dossiers))}</b> hồ sơ.", styles.body),
            Spacer(1, 4 * mm),
        ),
        signature_block([Signer("BÊN GIAO", giver), Signer("BÊN NHẬN", receiver)], WIDTH, styles),
    ]
    copy = PrintedCopy(
        story, running_head=f"{form.title} – {unit} – {short_datetime(at)} (tiếp theo)"
    )
    info = PdfInfo(title=f"{form.title} – {unit} – {short_datetime(at)}", author=office.unit_name)
    return write_pdf(out, [copy], A4_PORTRAIT, info, page_numbers=True)


def _table(dossiers: list[Dossier], styles: SlipStyles) -> Flowable:
    rows = [
        [
            str(number),
            dossier.code,
            dossier.applicant.name,
            dossier.procedure_name,
            short_datetime(dossier.received_at, "\n"),
            short_datetime(dossier.due_at, "\n"),
            two_digits(dossier.draft.sets),
            dossier.draft.notes,
        ]
        for number, dossier in enumerate(dossiers, start=1)
    ]
    return grid_table(HEADER, rows, COLUMN_WIDTHS, styles, numeric_columns=(0, 4, 5, 6))
