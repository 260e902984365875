"""Form 2: the supplement request (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ).

Handed to the applicant: what to bring or complete, why, and whom to ask. The dossier waits,
its due-time clock stopped, until the applicant comes back.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from desk_app.core.clock import to_vn
from desk_app.core.forms import FormSets
from desk_app.core.lifecycle import SupplementRequest
from desk_app.core.model import Dossier, Office
from desk_app.core.slips import SlipKind
from desk_app.core.text import clean
from desk_app.printing.blocks import (
    applicant_lines,
    received_line,
    request_lines,
    slip_opening,
    title_with_code,
    write_dossier_slip,
)
from desk_app.printing.forms import form_info
from desk_app.printing.layout import (
    A5_PORTRAIT,
    MARGIN,
    Signer,
    field_line,
    kept_with_next,
    markup,
    numbered_lines,
    signature_block,
    slip_styles,
    vn_date_phrase,
)

WIDTH = A5_PORTRAIT[0] - 2 * MARGIN


def render_supplement(
    dossier: Dossier,
    request: SupplementRequest,
    office: Office,
    clerk: str,
    out: Path,
    supplement_by: date | None = None,
    sets: FormSets | None = None,
) -> Path:
    """`supplement_by`: the day by which to bring the documents, printed only when given (where
    the procedure sets one); nothing in the catalogue holds such a time limit yet."""
    form = form_info(SlipKind.SUPPLEMENT, to_vn(request.requested_at).date(), sets)
    styles = slip_styles()
    asked_by = ""
    # The processing unit may be the one that found the gap; the applicant should know.
    if request.requested_by and clean(request.requested_by) != clean(office.unit_name):
        asked_by = f" (theo yêu cầu của {markup(request.requested_by)})"
    story = [
        *slip_opening(form, office, WIDTH, request.requested_at, styles),
        title_with_code(form, dossier.code, WIDTH, styles),
        Spacer(1, 2 * mm),
        *applicant_lines(dossier.applicant, styles, name_label="Kính gửi ông/bà"),
        *request_lines(dossier, styles),
        received_line(dossier, styles),
        Spacer(1, 1.5 * mm),
        Paragraph(f"Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau{asked_by}:", styles.body),
        *numbered_lines(request.missing, styles.body),
        field_line("Lý do", request.reason, styles.body),
        *([] if form.legacy or supplement_by is None else [
            field_line("Thời hạn bổ sung, hoàn thiện hồ sơ", f"trước {vn_date_phrase(supplement_by)}",
                       styles.body, bold_value=True)
        ]),
        *kept_with_next(
            Paragraph(
                "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ với "
                f"{_whom_to_ask(request, office, clerk, form.legacy)} để được hướng dẫn./.",
                styles.body,
            ),
            Spacer(1, 3 * mm),
        ),
        signature_block([Signer("NGƯỜI HƯỚNG DẪN", clerk)], WIDTH, styles),
    ]
    return write_dossier_slip(out, form, dossier, office, story)


def _whom_to_ask(request: SupplementRequest, office: Office, clerk: str, legacy: bool) -> str:
    """Circular 01/2018's form named one contact; Circular 03/2025's wants the person to ask
    (the contact typed with the request, else the clerk who guides the applicant) and the
    office's phone."""
    if legacy:
        return markup(request.contact or office.unit_name)
    who = markup(request.contact) if request.contact else f"ông/bà {markup(clerk)}"
    whom = f"{who} – {markup(office.unit_name)}"
    return f"{whom}, số điện thoại {markup(office.phone)}," if office.phone else whom
