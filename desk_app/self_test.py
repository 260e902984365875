"""`desk-app --self-test OUT.pdf`: support staff's check that an installation works.

It goes through the same services the GUI uses (setup, catalogue, a scanner line, receive,
receipt), in a throw-away data folder, then digitises the bundled sample page into a PDF/A-2b
file beside the receipt (OUT-scan.pdf) and checks it, so the frozen build's smoke test covers
Pillow, img2pdf and pikepdf too. It says clearly what is broken if anything is.
"""

from __future__ import annotations

import secrets
import shutil
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from desk_app.core.citizen_id import parse_qr_line
from desk_app.core.model import Applicant, DocumentLine, DossierDraft

SCANNER_LINE = (
    "025190012345|123456789|Nguyễn Thị Ánh Tuyết|15031990|Nữ|"
    "Số 12, thôn Đông, xã Tân Lập, tỉnh Phú Thọ|20042021"
)
PROCEDURE = "1.004222"
SAMPLE_PAGE = "sample-page.png"  # resources/scan/: a black-and-white A6 page at 200 dpi  # Đăng ký thường trú: 7 working days, a fee, mandatory documents


def run(out_pdf: Path) -> int:
    from desk_app.services.app import Services
    from desk_app.services.demo import DEMO_SETUP

    workdir = Path(tempfile.mkdtemp(prefix="desk-app-self-test-"))
    try:
        services = Services(workdir)
        try:
            services.first_run(DEMO_SETUP, "kiemtra", "Tự kiểm tra", secrets.token_urlsafe())
            card = parse_qr_line(SCANNER_LINE)
            procedure = services.procedure(PROCEDURE)
            if procedure is None:
                raise RuntimeError(f"Danh mục thủ tục thiếu thủ tục {PROCEDURE}.")
            draft = DossierDraft(
                procedure_code=procedure.code,
                applicant=Applicant(
                    name=card.name, id_number=card.id_number, birth_date=card.birth_date,
                    sex=card.sex, phone="0912345678", address=card.address,
                ),
                request="Đăng ký thường trú tại địa chỉ mới",
                documents=tuple(
                    DocumentLine(d.name, d.mandatory, True, d.originals, d.certified, d.copies)
                    for d in procedure.documents
                ),
                fee=procedure.fee,
            )
            dossier = services.receive(draft, accept_warnings=True)
            receipt = services.receipt_pdf(dossier.uuid)
            out_pdf = Path(out_pdf)
            out_pdf.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(receipt, out_pdf)
            scan_pdf = digitise_sample(dossier.code, out_pdf)
        finally:
            services.close()
    except Exception as exc:  # noqa: BLE001 - support staff need the reason, not a traceback
        print(f"TỰ KIỂM TRA THẤT BẠI: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"code {dossier.code}")
    print(f"due {dossier.due_at.isoformat(timespec='minutes')}")
    print(f"receipt {out_pdf}")
    print(f"scan {scan_pdf}")
    return 0


def digitise_sample(dossier_code: str, out_pdf: Path) -> Path:
    """The sample page, imported and assembled as the scan panel's pages are, checked to be
    PDF/A-2b; written as OUT-scan.pdf."""
    from desk_app.core.clock import VN_TZ
    from desk_app.paths import resource
    from desk_app.scanning.imports import import_file
    from desk_app.scanning.pdfa import PdfMeta, assemble, check

    pages = import_file(resource("scan", SAMPLE_PAGE))
    meta = PdfMeta(dossier_code, "Trang mẫu tự kiểm tra", "Tự kiểm tra",
                   datetime.now(VN_TZ).replace(microsecond=0))
    data = assemble(pages, meta)
    if check(data) != len(pages):
        raise RuntimeError("Tệp PDF/A số hóa thiếu trang.")
    scan_pdf = out_pdf.with_name(f"{out_pdf.stem}-scan.pdf")
    scan_pdf.write_bytes(data)
    return scan_pdf
