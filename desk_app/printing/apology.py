"""Form 4: the apology and new due time (Phiếu xin lỗi và hẹn lại ngày trả kết quả).

The administration, not the clerk, apologises: the head of the unit signs and stamps it. The
clerk who prepared it signs beside, so the counter knows whom to ask about it later.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from desk_app.core.clock import to_vn
from desk_app.core.forms import FormSets
from desk_app.core.lifecycle import Apology
from desk_app.core.model import Dossier, Office
from desk_app.core.slips import SlipKind
from desk_app.printing.blocks import (
    applicant_lines,
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
    kept_with_next,
    markup,
    signature_block,
    slip_styles,
    vn_date_phrase,
    vn_datetime_phrase,
)

WIDTH = A5_PORTRAIT[0] - 2 * MARGIN
HEAD_SIGN_NOTE = "(Ký, ghi rõ họ tên và đóng dấu)"


def render_apology(
    dossier: Dossier,
    apology: Apology,
    office: Office,
    clerk: str,
    out: Path,
    sets: FormSets | None = None,
) -> Path:
    form = form_info(SlipKind.APOLOGY, to_vn(apology.at).date(), sets)
    styles = slip_styles()
    unit = markup(office.unit_name)
    name = markup(dossier.applicant.name)
    received = vn_date_phrase(dossier.received_at)
    story = [
        *slip_opening(form, office, WIDTH, apology.at, styles),
        title_with_code(form, dossier.code, WIDTH, styles),
        Spacer(1, 2 * mm),
        *applicant_lines(dossier.applicant, styles, name_label="Kính gửi ông/bà"),
        *request_lines(dossier, styles),
        Spacer(1, 1.5 * mm),
        Paragraph(
            f"{received[0].upper()}{received[1:]}, {unit} tiếp nhận giải quyết hồ sơ của "
            f"ông/bà {name}, mã hồ sơ {markup(dossier.code)}. Thời hạn trả kết quả giải quyết "
            f"hồ sơ: {vn_datetime_phrase(apology.old_due_at)}.",
            styles.body,
        ),
        Paragraph(
            f"Tuy nhiên đến nay, {unit} chưa trả kết quả giải quyết hồ sơ cho ông/bà.",
            styles.body,
        ),
        Paragraph(f"Lý do: {markup(apology.reason)}", styles.body),
        Paragraph(
            "Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của ông/bà. "
            f"{unit} xin lỗi ông/bà và sẽ trả kết quả giải quyết hồ sơ cho ông/bà vào "
            f"<b>{vn_datetime_phrase(apology.new_due_at)}</b>.",
            styles.body,
        ),
        *kept_with_next(
            Paragraph("Xin trân trọng cảm ơn sự hợp tác của ông/bà./.", styles.body),
            Spacer(1, 3 * mm),
        ),
        signature_block(
            [
                Signer("NGƯỜI LẬP PHIẾU", clerk),
                Signer(f"THỦ TRƯỞNG CƠ QUAN\n{office.unit_name.upper()}", note=HEAD_SIGN_NOTE),
            ],
            WIDTH,
            styles,
        ),
    ]
    return write_dossier_slip(out, form, dossier, office, story)
