"""Form 3: the refusal (Phiếu từ chối tiếp nhận giải quyết hồ sơ), with its mandatory reason."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from desk_app.core.clock import to_vn
from desk_app.core.forms import FormSets
from desk_app.core.lifecycle import Refusal
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
from desk_app.printing.layout import (
    A5_PORTRAIT,
    MARGIN,
    Signer,
    SlipStyles,
    kept_with_next,
    markup,
    signature_block,
    slip_styles,
)

WIDTH = A5_PORTRAIT[0] - 2 * MARGIN


def verdict(
    unit: str, request: str, refusal: Refusal, clerk: str, contact: list[Paragraph],
    styles: SlipStyles,
) -> list[Flowable]:
    """The refusal itself, its reason, whom to call (`contact`) and the clerk's signature: the
    same whether the dossier was received first or refused at the counter
    (printing.counter_refusal)."""
    return [
        Paragraph(
            f"Sau khi xem xét, kiểm tra, đối chiếu thành phần hồ sơ, {unit} xin thông báo: "
            f"Yêu cầu “{request}” của ông/bà không được tiếp nhận giải quyết với lý do cụ thể "
            "như sau:",
            styles.body,
        ),
        Paragraph(f"<b>{markup(refusal.reason)}</b>", styles.body),
        *contact,
        *kept_with_next(
            Paragraph("Xin thông báo để ông/bà được biết và thực hiện./.", styles.body),
            Spacer(1, 3 * mm),
        ),
        signature_block([Signer("NGƯỜI TIẾP NHẬN HỒ SƠ", clerk)], WIDTH, styles),
    ]


def render_refusal(
    dossier: Dossier,
    refusal: Refusal,
    office: Office,
    clerk: str,
    out: Path,
    sets: FormSets | None = None,
) -> Path:
    form = form_info(SlipKind.REFUSAL, to_vn(refusal.at).date(), sets)
    styles = slip_styles()
    unit = markup(office.unit_name)
    request = markup(dossier.draft.request or dossier.procedure_name)
    story = [
        *slip_opening(form, office, WIDTH, refusal.at, styles),
        title_with_code(form, dossier.code, WIDTH, styles),
        Spacer(1, 2 * mm),
        Paragraph(f"{unit} tiếp nhận hồ sơ của:", styles.body),
        *applicant_lines(dossier.applicant, styles),
        *request_lines(dossier, styles),
        received_line(dossier, styles),
        Spacer(1, 1.5 * mm),
        *verdict(unit, request, refusal, clerk, contact_lines(office, form, styles), styles),
    ]
    return write_dossier_slip(out, form, dossier, office, story)
