"""Form 03 for a dossier refused at the counter (Phiếu từ chối tiếp nhận giải quyết hồ sơ):
the dossier was not received, so the slip has no dossier code, QR code, receipt time or due
time; it says what was brought, for what, and why it is not received. A refusal after
reception keeps printing.refusal, which names the received dossier.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from desk_app.core.clock import to_vn
from desk_app.core.forms import FormSets
from desk_app.core.lifecycle import Refusal
from desk_app.core.model import Dossier, Office
from desk_app.core.slips import SlipKind
from desk_app.printing.blocks import (
    applicant_lines,
    contact_lines,
    request_lines,
    slip_opening,
)
from desk_app.printing.document import PdfInfo, PrintedCopy, write_pdf
from desk_app.printing.forms import form_info
from desk_app.printing.layout import (
    A5_PORTRAIT,
    MARGIN,
    form_title,
    markup,
    numbered_lines,
    slip_styles,
)
from desk_app.printing.refusal import verdict

WIDTH = A5_PORTRAIT[0] - 2 * MARGIN


def render_counter_refusal(
    dossier: Dossier, refusal: Refusal, office: Office, clerk: str, out: Path, *,
    sets: FormSets | None = None,
) -> Path:
    form = form_info(SlipKind.REFUSAL, to_vn(refusal.at).date(), sets)
    styles = slip_styles()
    unit = markup(office.unit_name)
    request = markup(dossier.draft.request or dossier.procedure_name)
    brought = [line.name for line in dossier.draft.documents if line.provided]
    story = [
        *slip_opening(form, office, WIDTH, refusal.at, styles),
        form_title(form, WIDTH, styles),
        Spacer(1, 2 * mm),
        Paragraph(f"{unit} nhận được hồ sơ của:", styles.body),
        *applicant_lines(dossier.applicant, styles),
        *request_lines(dossier, styles),
        *([Paragraph("Giấy tờ đã xuất trình:", styles.body), *numbered_lines(brought, styles.body)]
          if brought else []),
        Spacer(1, 1.5 * mm),
        *verdict(unit, request, refusal, clerk, contact_lines(office, form, styles), styles),
    ]
    info = PdfInfo(title=form.title, author=office.unit_name, subject=dossier.procedure_name)
    return write_pdf(out, [PrintedCopy(story=story, running_head=form.number, fit_one_page=True)],
                     A5_PORTRAIT, info, page_numbers=False)
