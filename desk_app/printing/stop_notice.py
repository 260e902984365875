"""Form 05 of Circular 03/2025/TT-VPCP: the notice that processing stopped at the applicant's
request (Thông báo dừng giải quyết hồ sơ; Decree 118/2025/NĐ-CP Art. 21, Circular 03/2025
Art. 7).

It is printed only when no decision or result exists yet (services.lifecycle.withdraw checks
that): it tells the applicant which dossier stopped, on whose request and why, and that the
documents handed in may be collected. The head of the agency signs it; the clerk who prepared it
signs beside, as on the apology.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from desk_app.core.clock import to_vn
from desk_app.core.forms import FormSets
from desk_app.core.lifecycle import StopNotice
from desk_app.core.model import Dossier, Office
from desk_app.core.slips import SlipKind
from desk_app.printing.blocks import (
    applicant_lines,
    contact_lines,
    received_line,
    request_lines,
    slip_opening,
    title_with_code,
    write_dossier_slip,
)
from desk_app.printing.forms import form_info
from desk_app.printing.head_signature import clerk_and_head
from desk_app.printing.layout import (
    A5_PORTRAIT,
    MARGIN,
    kept_with_next,
    markup,
    slip_styles,
    vn_datetime_phrase,
)

WIDTH = A5_PORTRAIT[0] - 2 * MARGIN


def render_stop_notice(
    dossier: Dossier, notice: StopNotice, office: Office, clerk: str, out: Path, *,
    sets: FormSets | None = None,
) -> Path:
    form = form_info(SlipKind.STOP_NOTICE, to_vn(notice.at).date(), sets)
    styles = slip_styles()
    unit = markup(office.unit_name)
    requester = markup(notice.requester or dossier.applicant.name)
    story = [
        *slip_opening(form, office, WIDTH, notice.at, styles),
        title_with_code(form, dossier.code, WIDTH, styles),
        Spacer(1, 2 * mm),
        *applicant_lines(dossier.applicant, styles, name_label="Kính gửi ông/bà"),
        *request_lines(dossier, styles),
        received_line(dossier, styles),
        Spacer(1, 1.5 * mm),
        Paragraph(
            f"Ngày {to_vn(notice.at):%d/%m/%Y}, {unit} nhận được đề nghị dừng giải quyết hồ sơ "
            f"mã số {markup(dossier.code)} của ông/bà {requester}.",
            styles.body,
        ),
        Paragraph(f"Lý do đề nghị dừng: {markup(notice.reason)}", styles.body),
        Paragraph(
            f"Hồ sơ chưa có quyết định hoặc kết quả giải quyết. {unit} thông báo dừng giải "
            f"quyết hồ sơ nêu trên kể từ <b>{vn_datetime_phrase(notice.at)}</b>. "
            "Ông/bà được nhận lại hồ sơ đã nộp tại Bộ phận Một cửa.",
            styles.body,
        ),
        *contact_lines(office, form, styles),
        *kept_with_next(
            Paragraph("Xin thông báo để ông/bà được biết./.", styles.body),
            Spacer(1, 3 * mm),
        ),
        clerk_and_head(office, clerk, WIDTH, styles),
    ]
    return write_dossier_slip(out, form, dossier, office, story)
