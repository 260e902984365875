"""Form 2: the supplement request (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ).

Handed to the applicant: what to bring or complete, why, and whom to ask. The dossier waits,
its due-time clock stopped, until the applicant comes back.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from desk_app.core.clock import to_vn
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
)

WIDTH = A5_PORTRAIT[0] - 2 * MARGIN


def render_supplement(
    dossier: Dossier, request: SupplementRequest, office: Office, clerk: str, out: Path
) -> Path:
    form = form_info(SlipKind.SUPPLEMENT, to_vn(request.requested_at).date())
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
        *kept_with_next(
            Paragraph(
                "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ với "
                f"{markup(request.contact or office.unit_name)} để được hướng dẫn./.",
                styles.body,
            ),
            Spacer(1, 3 * mm),
        ),
        signature_block([Signer("NGƯỜI HƯỚNG DẪN", clerk)], WIDTH, styles),
    ]
    return write_dossier_slip(out, form, dossier, office, story)
