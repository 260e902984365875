"""Form 1: the receipt and appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả).

Two copies in one PDF, each from a fresh page: one stays in the dossier, one goes home with the
applicant. A normal dossier (up to six documents) gets one A5 page per copy, its text shrunk a
little if long addresses or names would push it over; a longer list flows onto more pages.

When the applicant brings what a supplement request (form 02) asked for, form 01 is issued
again for the supplemented dossier: the same form of the day of the supplement, saying that it
receives a supplement, listing the documents brought, the clerk who received them, when, and
the due time the wait moved the dossier to. The first receipt stays as it was printed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from desk_app.core.clock import to_vn
from desk_app.core.forms import FormSets
from desk_app.core.lifecycle import SupplementReceipt
from desk_app.core.model import DeliveryMethod, Dossier, Office
from desk_app.core.slips import SlipKind
from desk_app.printing.blocks import (
    applicant_lines,
    contact_lines,
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
    supplement: SupplementReceipt | None = None,
    qr: str | None = None,
) -> Path:
    """`on` is the day of the event the receipt records (its reception, or the applicant's
    return with the documents asked for: `supplement`); the form in force that day is
    printed. `note`: a line printed under the documents, e.g. that mandatory documents are
    missing and who received the dossier anyway. `qr`: what the QR code holds, the citizen's
    lookup link when the counter has one (by default the dossier code)."""
    form = form_info(SlipKind.RECEIPT, on or to_vn(dossier.received_at).date(), sets)
    styles = slip_styles()
    provided = (len(supplement.brought) if supplement
                else sum(line.provided for line in dossier.draft.documents))
    copies = [
        PrintedCopy(
            story=_copy_story(dossier, office, form, label, styles, note, supplement, qr),
            running_head=f"{form.number} – Mã hồ sơ: {dossier.code} – {label} (tiếp theo)",
            fit_one_page=provided <= ONE_PAGE_DOCUMENTS,
        )
        for label in COPY_LABELS
    ]
    what = f"{form.title} (hồ sơ bổ sung)" if supplement else form.title
    info = PdfInfo(
        title=f"{what} – {dossier.code}",
        author=office.unit_name,
        subject=dossier.procedure_name,
    )
    return write_pdf(out_path, copies, A5_PORTRAIT, info)


def _copy_story(
    dossier: Dossier, office: Office, form: FormInfo, label: str, styles: SlipStyles,
    note: str = "", supplement: SupplementReceipt | None = None, qr: str | None = None,
) -> list[Flowable]:
    if supplement is None:
        issued_at, clerk, documents = dossier.received_at, dossier.clerk, _documents(dossier)
        opening = [Paragraph(f"{markup(office.unit_name)} tiếp nhận hồ sơ của:", styles.body)]
        listed = "1. Thành phần hồ sơ nộp gồm:"
    else:
        issued_at, clerk = supplement.at, supplement.clerk
        documents = [(name, 0, 0, 0) for name in supplement.brought]
        opening = [
            Paragraph("<i>(Tiếp nhận hồ sơ bổ sung, hoàn thiện)</i>", styles.centre),
            Paragraph(f"{markup(office.unit_name)} tiếp nhận hồ sơ bổ sung, hoàn thiện của:",
                      styles.body),
        ]
        listed = "1. Thành phần hồ sơ nộp bổ sung gồm:"
        note = "\n".join(part for part in (note, supplement.note) if part)
    return [
        *slip_opening(form, office, WIDTH, issued_at, styles, label),
        title_with_code(form, dossier.code, WIDTH, styles, qr),
        Spacer(1, 2 * mm),
        *opening,
        *applicant_lines(dossier.applicant, styles),
        *request_lines(dossier, styles),
        Paragraph(listed, styles.body),
        _documents_table(documents, styles),
        *([Paragraph(f"<b>{markup(note)}</b>", styles.body)] if note else []),
        Spacer(1, 1.5 * mm),
        *_appointment_lines(dossier, office, form, styles, supplement),
        *kept_with_next(_ledger_line(dossier, styles), Spacer(1, 2 * mm)),
        signature_block(
            [
                Signer("NGƯỜI NỘP HỒ SƠ", dossier.applicant.name),
                Signer("NGƯỜI TIẾP NHẬN HỒ SƠ", clerk),
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


# A document line: its name and how many originals, certified copies and photocopies.
DocumentCounts = tuple[str, int, int, int]


def _documents(dossier: Dossier) -> list[DocumentCounts]:
    return [(line.name, line.originals, line.certified, line.copies)
            for line in dossier.draft.documents if line.provided]


def _documents_table(documents: list[DocumentCounts], styles: SlipStyles) -> Table:
    """The documents handed in; the counts of a supplement's documents were not asked for,
    so they stay blank."""
    def count(value: int) -> str:
        return two_digits(value) if value else ""

    rows = [
        [str(number), name, count(originals), count(certified), count(copies)]
        for number, (name, originals, certified, copies) in enumerate(documents, start=1)
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
    dossier: Dossier, office: Office, form: FormInfo, styles: SlipStyles,
    supplement: SupplementReceipt | None = None,
) -> list[Flowable]:
    draft = dossier.draft
    if supplement is None:
        received = field_line("4. Thời gian nhận hồ sơ", vn_datetime_phrase(dossier.received_at),
                              styles.body)
        due_at = dossier.due_at
    else:
        received = field_line(
            "4. Thời gian nhận hồ sơ bổ sung",
            f"{vn_datetime_phrase(supplement.at)} (hồ sơ tiếp nhận "
            f"{vn_datetime_phrase(dossier.received_at)})", styles.body)
        due_at = supplement.new_due_at  # what it moved to then, whatever came after
    lines = [
        field_line("2. Số lượng hồ sơ", f"{two_digits(draft.sets)} bộ", styles.body),
        field_line(
            "3. Thời gian giải quyết hồ sơ theo quy định",
            dossier.processing_time.text(),
            styles.body,
        ),
        received,
        field_line(
            "5. Thời gian trả kết quả giải quyết hồ sơ",
            vn_datetime_phrase(due_at),
            styles.body,
            bold_value=True,
        ),
        _delivery_line(dossier, office, form, styles),
    ]
    if draft.fee > 0:
        lines.append(field_line("Phí, lệ phí đã thu", vn_money(draft.fee), styles.body))
    return [*lines, *contact_lines(office, form, styles)]


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
