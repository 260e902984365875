"""Form 1: the receipt and appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả).

Two copies in one PDF, each from a fresh page: one stays in the dossier, one goes home with the
applicant. A normal dossier (up to six documents) gets one A5 page per copy, its text shrunk a
little if long addresses or names would push it over; a longer list flows onto more pages.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from desk_app.core.clock import to_vn
from desk_app.core.forms import FormSets
from desk_app.core.model import DeliveryMethod, Dossier, Office
from desk_app.core.slips import SlipKind
from desk_app.printing.blocks import (
    applicant_lines,
    office_phone_line,
    request_lines,
    slip_opening,
    title_with_code,
)
from desk_app.printing.document import PdfInfo, PrintedCopy, write_pdf
from desk_app.printing.forms import FormInfo, form_info
from desk_app.printing.layout import (
    A5_PORTRAIT,
    MARGIN,
    Signer,
    SlipStyles,
    field_line,
    grid_table,
    kept_with_next,
    markup,
    signature_block,
    slip_styles,
    two_digits,
    vn_datetime_phrase,
    vn_money,
)

COPY_LABELS = ("Liên 1: Lưu", "Liên 2: Giao người nộp hồ sơ")
DOCUMENT_HEADER = ("STT", "Tên giấy tờ", "Bản chính", "Bản sao chứng thực", "Bản photo")
ONE_PAGE_DOCUMENTS = 6
WIDTH = A5_PORTRAIT[0] - 2 * MARGIN


def render_receipt(
    dossier: Dossier,
    office: Office,
    out_path: Path,
    on: date | None = None,
    sets: FormSets | None = None,
    *,
    note: str = "",
    qr: str | None = None,
) -> Path:
    """`on` is the day of the event the receipt records (its reception, or the applicant's
    return with the documents asked for); the form in force that day is printed. `note`: a line
    printed under the documents, e.g. that mandatory documents are missing and who received
    the dossier anyway. `qr`: what the QR code holds, the citizen's lookup link when the
    counter has one (by default the dossier code)."""
    form = form_info(SlipKind.RECEIPT, on or to_vn(dossier.received_at).date(), sets)
    styles = slip_styles()
    provided = sum(line.provided for line in dossier.draft.documents)
    copies = [
        PrintedCopy(
            story=_copy_story(dossier, office, form, label, styles, note, qr),
            running_head=f"{form.number} – Mã hồ sơ: {dossier.code} – {label} (tiếp theo)",
            fit_one_page=provided <= ONE_PAGE_DOCUMENTS,
        )
        for label in COPY_LABELS
    ]
    info = PdfInfo(
        title=f"{form.title} – {dossier.code}",
        author=office.unit_name,
        subject=dossier.procedure_name,
    )
    return write_pdf(out_path, copies, A5_PORTRAIT, info)


def _copy_story(
    dossier: Dossier, office: Office, form: FormInfo, label: str, styles: SlipStyles,
    note: str = "", qr: str | None = None,
) -> list[Flowable]:
    return [
        *slip_opening(form, office, WIDTH, dossier.received_at, styles, label),
        title_with_code(form, dossier.code, WIDTH, styles, qr),
        Spacer(1, 2 * mm),
        Paragraph(f"{markup(office.unit_name)} tiếp nhận hồ sơ của:", styles.body),
        *applicant_lines(dossier.applicant, styles),
        *request_lines(dossier, styles),
        Paragraph("1. Thành phần hồ sơ nộp gồm:", styles.body),
        _documents_table(dossier, styles),
        *([Paragraph(f"<b>{markup(note)}</b>", styles.body)] if note else []),
        Spacer(1, 1.5 * mm),
        *_appointment_lines(dossier, office, form, styles),
        *kept_with_next(_ledger_line(dossier, styles), Spacer(1, 2 * mm)),
        signature_block(
            [
                Signer("NGƯỜI NỘP HỒ SƠ", dossier.applicant.name),
                Signer("NGƯỜI TIẾP NHẬN HỒ SƠ", dossier.clerk),
            ],
            WIDTH,
            styles,
        ),
        *_footnote(form, styles),
    ]


def _footnote(form: FormInfo, styles: SlipStyles) -> list[Flowable]:
    """The form's own Ghi chú, word for word from the forms file, when it holds one."""
    if not form.footnote:
        return []
    return [Spacer(1, 2 * mm), Paragraph(f"<i>Ghi chú:</i> {markup(form.footnote)}", styles.body)]


def _documents_table(dossier: Dossier, styles: SlipStyles) -> Table:
    def count(value: int) -> str:
        return two_digits(value) if value else ""

    provided = [line for line in dossier.draft.documents if line.provided]
    rows = [
        [str(number), line.name, count(line.originals), count(line.certified), count(line.copies)]
        for number, line in enumerate(provided, start=1)
    ] or [["", "(Không có giấy tờ kèm theo)", "", "", ""]]
    number_width, count_width, certified_width = 8 * mm, 14 * mm, 17 * mm
    name_width = WIDTH - number_width - 2 * count_width - certified_width
    return grid_table(
        DOCUMENT_HEADER,
        rows,
        [number_width, name_width, count_width, certified_width, count_width],
        styles,
        numeric_columns=(0, 2, 3, 4),
    )


def _appointment_lines(
    dossier: Dossier, office: Office, form: FormInfo, styles: SlipStyles
) -> list[Flowable]:
    draft = dossier.draft
    lines = [
        field_line("2. Số lượng hồ sơ", f"{two_digits(draft.sets)} bộ", styles.body),
        field_line(
            "3. Thời gian giải quyết hồ sơ theo quy định",
            dossier.processing_time.text(),
            styles.body,
        ),
        field_line("4. Thời gian nhận hồ sơ", vn_datetime_phrase(dossier.received_at), styles.body),
        field_line(
            "5. Thời gian trả kết quả giải quyết hồ sơ",
            vn_datetime_phrase(dossier.due_at),
            styles.body,
            bold_value=True,
        ),
        _delivery_line(dossier, office, form, styles),
    ]
    if draft.fee > 0:
        lines.append(field_line("Phí, lệ phí đã thu", vn_money(draft.fee), styles.body))
    if office.phone and not form.legacy:
        lines.append(office_phone_line(office, styles))
    return lines


def _ledger_line(dossier: Dossier, styles: SlipStyles) -> Paragraph:
    ledger = dossier.ledger
    return Paragraph(
        f"Vào Sổ theo dõi hồ sơ, Quyển số: {ledger.book}, Số thứ tự: {ledger.number}", styles.body
    )


def _delivery_line(
    dossier: Dossier, office: Office, form: FormInfo, styles: SlipStyles
) -> Paragraph:
    delivery = dossier.draft.delivery
    # Circular 03/2025 words it as where the applicant registered to collect the result.
    label = "6. Nhận kết quả" if form.legacy else "6. Đăng ký nhận kết quả"
    if delivery.method is DeliveryMethod.POST:
        recipient = ", ".join(
            part for part in (delivery.recipient, delivery.phone, delivery.address) if part
        )
        if form.legacy:
            return field_line(f"{label} qua dịch vụ bưu chính công ích", recipient, styles.body)
        return field_line(
            f"{label} tại", f"{recipient} (qua dịch vụ bưu chính công ích)", styles.body
        )
    return field_line(f"{label} tại", office.unit_name, styles.body)
