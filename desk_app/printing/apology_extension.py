"""Form 04 of Circular 03/2025/TT-VPCP: the apology that also asks for an extension (Văn bản xin
lỗi và đề nghị gia hạn thời gian giải quyết). It replaces the 2018 apology slip (printing.apology,
still used to reprint an apology recorded before, which has no document number).

It is a numbered document ("Số: 07/VBXL", from the year's register, kept in the event) that the
head of the agency signs (head_signature); it names the extra working days asked for and the new
due time the calendar gives, and the first due time when an earlier apology already moved it.
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
    contact_lines,
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
    layout_table,
    markup,
    slip_styles,
    vn_date_phrase,
    vn_datetime_phrase,
)

WIDTH = A5_PORTRAIT[0] - 2 * MARGIN


def render_apology_extension(
    dossier: Dossier, apology: Apology, office: Office, clerk: str, out: Path, *,
    sets: FormSets | None = None,
) -> Path:
    """Form 04 as Circular 03/2025 has it: the apology that also asks for more time, numbered
    from the agency's register of the year."""
    form = form_info(SlipKind.APOLOGY, to_vn(apology.at).date(), sets)
    styles = slip_styles()
    unit = markup(office.unit_name)
    received = vn_date_phrase(dossier.received_at)
    days = apology.extra_working_days
    asked = f"thêm <b>{days} ngày làm việc</b>, " if days else ""
    earlier = apology.original_due_at
    first_due = (
        f" (thời hạn ban đầu: {vn_datetime_phrase(earlier)})"
        if earlier is not None and earlier != apology.old_due_at else ""
    )
    story = [
        *slip_opening(form, office, WIDTH, apology.at, styles),
        layout_table(
            [[Paragraph(f"Số: {markup(apology.document_number)}", styles.header), ""]],
            [WIDTH * 0.45, WIDTH * 0.55],
        ),
        Spacer(1, 1 * mm),
        title_with_code(form, dossier.code, WIDTH, styles),
        Spacer(1, 2 * mm),
        *applicant_lines(dossier.applicant, styles, name_label="Kính gửi ông/bà"),
        *request_lines(dossier, styles),
        Spacer(1, 1.5 * mm),
        Paragraph(
            f"{received[0].upper()}{received[1:]}, {unit} tiếp nhận hồ sơ của ông/bà, mã hồ sơ "
            f"{markup(dossier.code)}. Thời hạn trả kết quả giải quyết hồ sơ: "
            f"{vn_datetime_phrase(apology.old_due_at)}{first_due}.",
            styles.body,
        ),
        Paragraph(
            f"Tuy nhiên đến nay, hồ sơ của ông/bà chưa được giải quyết xong. "
            f"Lý do: {markup(apology.reason)}",
            styles.body,
        ),
        Paragraph(
            f"{unit} xin lỗi ông/bà vì sự chậm trễ này và đề nghị gia hạn thời gian giải quyết "
            f"hồ sơ {asked}đến <b>{vn_datetime_phrase(apology.new_due_at)}</b>.",
            styles.body,
        ),
        *contact_lines(office, form, styles),
        *kept_with_next(
            Paragraph("Rất mong nhận được sự thông cảm của ông/bà./.", styles.body),
            Spacer(1, 3 * mm),
        ),
        clerk_and_head(office, clerk, WIDTH, styles),
    ]
    return write_dossier_slip(out, form, dossier, office, story)
