"""Pieces that several slips print about one dossier: the opening (form number, national header,
place and date), the title with the dossier code and its QR code, and the dossier's identity
(applicant, request, received and due times). Built on `layout`, which knows nothing of dossiers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from desk_app.core.model import Applicant, Dossier, Office
from desk_app.printing.document import PdfInfo, PrintedCopy, write_pdf
from desk_app.printing.forms import FormInfo
from desk_app.printing.layout import (
    A5_PORTRAIT,
    QrCode,
    SlipStyles,
    field_line,
    form_title,
    layout_table,
    markup,
    official_header,
    top_corners,
    vn_datetime_phrase,
)

QR_SIZE = 17 * mm
GAP = "&nbsp;" * 6  # between two short fields sharing a line


def slip_opening(
    form: FormInfo,
    office: Office,
    width: float,
    day: date,
    styles: SlipStyles,
    copy_label: str = "",
) -> list[Flowable]:
    """Form number, the issuing body beside the national name and motto, place and date."""
    return [
        top_corners(copy_label, form, width, styles),
        Spacer(1, 2 * mm),
        official_header(office, width, styles, day),
        Spacer(1, 2 * mm),
    ]


def title_with_code(form: FormInfo, code: str, width: float, styles: SlipStyles,
                    qr: str | None = None) -> Table:
    """Title and dossier code centred, the QR code at the right (holding `qr`, by default the
    code); an empty cell of the QR's width on the left keeps the text centred on the page
    rather than in the space left over."""
    code_line = Paragraph(f"Mã hồ sơ: <b>{markup(code)}</b>", styles.code)
    return layout_table(
        [
            [
                "",
                [form_title(form, width - 2 * QR_SIZE, styles), Spacer(1, 1 * mm), code_line],
                QrCode(qr or code, QR_SIZE),
            ]
        ],
        [QR_SIZE, width - 2 * QR_SIZE, QR_SIZE],
        valign="MIDDLE",
    )


def applicant_lines(
    applicant: Applicant, styles: SlipStyles, name_label: str = "Ông/Bà"
) -> list[Paragraph]:
    """Name, ID number and phone, address, e-mail. An empty field is left out rather than
    printed blank, so nothing can be written in later."""
    lines = [field_line(name_label, applicant.name, styles.body, bold_value=True)]
    id_and_phone = [
        f"{label}: {markup(value)}"
        for label, value in (("Số CCCD", applicant.id_number), ("Số điện thoại", applicant.phone))
        if value
    ]
    if id_and_phone:
        lines.append(Paragraph(GAP.join(id_and_phone), styles.body))
    lines += [
        field_line(label, value, styles.body)
        for label, value in (("Địa chỉ", applicant.address), ("Email", applicant.email))
        if value
    ]
    return lines


def request_lines(dossier: Dossier, styles: SlipStyles) -> list[Paragraph]:
    draft = dossier.draft
    return [
        field_line(
            "Nội dung yêu cầu giải quyết", draft.request or dossier.procedure_name, styles.body
        ),
        field_line("Thủ tục", f"{draft.procedure_code} – {dossier.procedure_name}", styles.body),
    ]


def office_phone_line(office: Office, styles: SlipStyles) -> Paragraph:
    """The office's phone, for the applicant to call (Circular 03/2025's forms 01 and 02)."""
    return field_line(f"Số điện thoại của {markup(office.unit_name)}", office.phone, styles.body)


def contact_lines(office: Office, form: FormInfo, styles: SlipStyles) -> list[Paragraph]:
    """The office's phone on a slip the applicant takes home, so they can call rather than
    come back (the 2025 forms; a slip of an earlier event prints as it always did)."""
    return [office_phone_line(office, styles)] if office.phone and not form.legacy else []


def received_line(dossier: Dossier, styles: SlipStyles) -> Paragraph:
    return field_line("Thời gian nhận hồ sơ", vn_datetime_phrase(dossier.received_at), styles.body)


def due_line(dossier: Dossier, styles: SlipStyles) -> Paragraph:
    return field_line(
        "Thời gian hẹn trả kết quả",
        vn_datetime_phrase(dossier.due_at),
        styles.body,
        bold_value=True,
    )


def dossier_identity(dossier: Dossier, styles: SlipStyles) -> list[Paragraph]:
    """Whose dossier, what for, when it came in and when it is due."""
    return [
        *applicant_lines(dossier.applicant, styles),
        *request_lines(dossier, styles),
        received_line(dossier, styles),
        due_line(dossier, styles),
    ]


def write_dossier_slip(
    out_path: Path,
    form: FormInfo,
    dossier: Dossier,
    office: Office,
    story: Sequence[Flowable],
    page_size: tuple[float, float] = A5_PORTRAIT,
) -> Path:
    """One copy of a slip about one dossier. An A5 slip is shrunk a little rather than sent over
    a page break when long reasons or addresses push it over; an A4 one flows on, its pages
    numbered."""
    one_page = page_size == A5_PORTRAIT
    copy = PrintedCopy(
        story=story,
        running_head=f"{form.number} – Mã hồ sơ: {dossier.code} (tiếp theo)",
        fit_one_page=one_page,
    )
    info = PdfInfo(
        title=f"{form.title} – {dossier.code}",
        author=office.unit_name,
        subject=dossier.procedure_name,
    )
    return write_pdf(out_path, [copy], page_size, info, page_numbers=not one_page)
