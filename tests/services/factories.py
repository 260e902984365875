"""Drafts for service tests: a complete one, as a careful clerk would type it."""

from __future__ import annotations

from datetime import date

from desk_app.core.model import Applicant, DocumentLine, DossierDraft


def full_draft(services, code="1.004222", name="Đặng Thị Ánh Tuyết", provide_all=True):
    procedure = services.procedure(code)
    return DossierDraft(
        procedure_code=code,
        applicant=Applicant(
            name=name, id_number="025190012345", birth_date=date(1990, 3, 15),
            phone="0912 345 678", address="Số 12, thôn Đông, xã Tân Lập, tỉnh Phú Thọ",
        ),
        request="Đăng ký thường trú",
        documents=tuple(
            DocumentLine(d.name, d.mandatory, provide_all or not d.mandatory, d.originals,
                         d.certified, d.copies)
            for d in procedure.documents
        ),
        fee=procedure.fee,
    )


def pdf_bytes(pages: int = 1, text: str = "Trang") -> bytes:
    """A real PDF of `pages` pages, each with a line of text (uncompressed, so a long `text`
    makes a large file)."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pageCompression=0)
    for number in range(1, pages + 1):
        canvas.drawString(72, 720, f"{text} {number}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()
