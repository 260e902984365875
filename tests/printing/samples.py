"""Hand-built dossiers for the slip tests, and a way to look at a slip by eye.

/tmp/venv/bin/python -m tests.printing.samples /tmp/receipt.pdf [--post] [--documents N]
pdftoppm -png -r 80 /tmp/receipt.pdf /tmp/receipt
"""

from __future__ import annotations

import argparse
import unicodedata
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from desk_app.core.clock import VN_TZ
from desk_app.core.model import (
    Applicant,
    DeliveryMethod,
    DocumentLine,
    Dossier,
    DossierDraft,
    LedgerEntry,
    Office,
    ProcessingTime,
    ResultDelivery,
    Sex,
    TimeUnit,
)
from desk_app.core.states import DossierState
from desk_app.printing.receipt import render_receipt

CODE = "000.17.22.H56-250805-1007"
APPLICANT_NAME = "Nguyễn Thị Ánh Tuyết"
ADDRESS = "Số 12, thôn Đông, xã Tân Lập, tỉnh Phú Thọ"
CLERK = "Đặng Văn Ước"

OFFICE = Office(
    commune_name="Ủy ban nhân dân xã Tân Lập",
    unit_name="Trung tâm Phục vụ hành chính công xã Tân Lập",
    place_name="Tân Lập",
)

DOCUMENTS = (
    DocumentLine("Tờ khai đăng ký thường trú (Mẫu CT01)", True, True, originals=1),
    DocumentLine("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp", True, True, certified=1, copies=1),
    DocumentLine("Văn bản đồng ý của chủ hộ cho nhập hộ khẩu", True, True, originals=1),
    DocumentLine("Giấy khai sinh của con (bản sao)", False, True, certified=2),
    DocumentLine("Giấy chứng nhận kết hôn", False, False, certified=1),
    DocumentLine("Căn cước công dân của chủ hộ", False, True, copies=1),
    DocumentLine("Sổ tạm trú & giấy xác nhận <cũ>", False, True, originals=1, copies=2),
)


def sample_dossier(
    *, post: bool = False, documents: int | None = None, name: str = APPLICANT_NAME
) -> Dossier:
    """A permanent-residence dossier with diacritic-heavy text; `documents` makes N extra lines."""
    lines = DOCUMENTS
    if documents is not None:
        lines = tuple(
            DocumentLine(
                f"Giấy tờ kèm theo số {n} – bản xác nhận của Ủy ban", provided=True, copies=1
            )
            for n in range(1, documents + 1)
        )
    delivery = ResultDelivery()
    if post:
        delivery = ResultDelivery(
            DeliveryMethod.POST,
            "Trần Văn Hữu",
            "0912 345 678",
            "Số 5, ngõ 3, phố Chợ, phường Âu Cơ, tỉnh Phú Thọ",
        )
    draft = DossierDraft(
        procedure_code="1.004222",
        applicant=Applicant(
            name=name,
            id_number="025190012345",
            sex=Sex.FEMALE,
            phone="0987 654 321",
            email="anhtuyet@example.vn",
            address=ADDRESS,
        ),
        request="Đăng ký thường trú cho con tại nhà ông ngoại",
        documents=lines,
        delivery=delivery,
        fee=20_000,
    )
    return Dossier(
        uuid="6f1c2a52-6a36-4c1e-9a53-0d1f3c1b2a01",
        code=CODE,
        procedure_name="Đăng ký thường trú",
        processing_time=ProcessingTime(7, TimeUnit.WORKING_DAYS),
        draft=draft,
        received_at=datetime(2025, 8, 5, 9, 41, tzinfo=VN_TZ),
        due_at=datetime(2025, 8, 14, 9, 41, tzinfo=VN_TZ),
        status=DossierState.RECEIVED,
        clerk=CLERK,
        ledger=LedgerEntry(2025, 1234),
    )


def decomposed(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def without_fee(dossier: Dossier) -> Dossier:
    return replace(dossier, draft=replace(dossier.draft, fee=0))


def main() -> None:
    parser = argparse.ArgumentParser(description="Render a sample receipt to look at.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--post", action="store_true")
    parser.add_argument("--documents", type=int)
    args = parser.parse_args()
    print(
        render_receipt(sample_dossier(post=args.post, documents=args.documents), OFFICE, args.out)
    )


if __name__ == "__main__":
    main()
