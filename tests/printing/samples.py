"""Hand-built dossiers and slip inputs for the printing tests, and a way to look at every slip
by eye, as a clerk would:

/tmp/venv/bin/python -m tests.printing.samples /tmp/slips [--post] [--documents N]
for f in /tmp/slips/*.pdf; do pdftoppm -png -r 80 "$f" "${f%.pdf}"; done
"""

from __future__ import annotations

import argparse
import unicodedata
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from desk_app.core.clock import VN_TZ
from desk_app.core.lifecycle import Apology, ControlRow, LedgerLine, Refusal, SupplementRequest
from desk_app.core.model import (
    Applicant,
    DeliveryMethod,
    DocumentLine,
    Dossier,
    DossierDraft,
    DossierRow,
    LedgerEntry,
    Office,
    ProcessingTime,
    ResultDelivery,
    Sex,
    TimeUnit,
)
from desk_app.core.reports import (
    EndOfDay,
    HandedOver,
    activity_tallies,
    procedure_tallies,
    state_tallies,
)
from desk_app.core.states import DossierState
from desk_app.printing.apology import render_apology
from desk_app.printing.control import render_control_slip
from desk_app.printing.end_of_day import render_end_of_day
from desk_app.printing.handover_list import render_handover_list
from desk_app.printing.ledger import render_ledger
from desk_app.printing.ledger_excel import write_ledger_xlsx
from desk_app.printing.receipt import render_receipt
from desk_app.printing.refusal import render_refusal
from desk_app.printing.supplement import render_supplement

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


SUPPLEMENT = SupplementRequest(
    missing=(
        "Bản sao có chứng thực Giấy chứng nhận quyền sử dụng đất của chủ hộ",
        "Văn bản đồng ý của chủ hộ có chữ ký của các thành viên & người giám hộ <nếu có>",
    ),
    reason="Giấy tờ chứng minh chỗ ở hợp pháp nộp kèm là bản photo không có chứng thực.",
    contact="công chức Tư pháp - Hộ tịch Lê Thị Hồng, điện thoại 0210 3856 123",
    requested_at=datetime(2025, 8, 6, 14, 20, tzinfo=VN_TZ),
    requested_by="Công an xã Tân Lập",
)

REFUSAL = Refusal(
    reason="Nơi đăng ký thường trú thuộc địa bàn xã Hợp Nhất, không thuộc thẩm quyền giải quyết "
    "của xã Tân Lập.",
    at=datetime(2025, 8, 5, 10, 2, tzinfo=VN_TZ),
)

APOLOGY = Apology(
    reason="Cần xác minh thông tin về chỗ ở hợp pháp tại địa phương nơi cư trú trước đây.",
    old_due_at=datetime(2025, 8, 14, 9, 41, tzinfo=VN_TZ),
    new_due_at=datetime(2025, 8, 19, 9, 41, tzinfo=VN_TZ),
    at=datetime(2025, 8, 13, 16, 5, tzinfo=VN_TZ),
)


POLICE = "Công an xã Tân Lập"
POLICE_OFFICER = "Trung tá Hoàng Văn Đức"


def control_rows(count: int = 3) -> list[ControlRow]:
    """The counter hands the dossier to the police, who hand it back, and so on: `count` rows,
    the last one bringing the result back on time."""
    start = datetime(2025, 8, 5, 10, 30, tzinfo=VN_TZ)
    rows = []
    for n in range(count):
        outward = n % 2 == 0
        giver, giver_name = (OFFICE.unit_name, CLERK) if outward else (POLICE, POLICE_OFFICER)
        receiver, receiver_name = (POLICE, POLICE_OFFICER) if outward else (OFFICE.unit_name, CLERK)
        rows.append(
            ControlRow(
                giver,
                giver_name,
                receiver,
                receiver_name,
                at=start + timedelta(days=n, hours=n % 3, minutes=5 * n),
                result="Đúng hạn" if n == count - 1 else "",
                note="Bổ sung & <ghi chú>" if n == 1 else "",
            )
        )
    return rows


LEDGER_FROM = datetime(2025, 8, 1).date()
LEDGER_TO = datetime(2025, 8, 31).date()
_PROCEDURES = ("Đăng ký khai sinh", "Đăng ký thường trú", "Chứng thực bản sao từ bản chính")
_NAMES = (APPLICANT_NAME, "Công ty TNHH Hùng & Cường <Phú Thọ>", "Trần Văn Hữu")


def ledger_lines(count: int = 6) -> list[LedgerLine]:
    """`count` lines from the 2025 book, one every 15 minutes of August, numbered from 1: some
    returned, some handed over, some still at the counter."""
    start = datetime(2025, 8, 1, 7, 30, tzinfo=VN_TZ)
    lines = []
    for n in range(1, count + 1):
        received = start + timedelta(minutes=15 * n)
        returned = received + timedelta(days=2) if n % 3 == 0 else None
        handed = received + timedelta(hours=2) if n % 3 != 1 else None
        status = (
            DossierState.RETURNED
            if returned
            else DossierState.PROCESSING
            if handed
            else DossierState.RECEIVED
        )
        lines.append(
            LedgerLine(
                book=2025,
                number=n,
                code=f"000.17.22.H56-{received:%y%m%d}-1{n % 1000:03d}",
                procedure_name=_PROCEDURES[n % 3],
                applicant_name=_NAMES[n % 3],
                applicant_contact=f"{ADDRESS}; 0987 654 {n % 1000:03d}",
                received_at=received,
                due_at=received + timedelta(days=3),
                returned_at=returned,
                clerk=CLERK,
                status=status,
                timeliness="Trước hạn" if returned else "",
                sets=1 + n % 2,
                processing_unit=POLICE if handed else "",
                handed_over_at=handed,
            )
        )
    return lines


HANDOVER_AT = datetime(2025, 8, 5, 15, 30, tzinfo=VN_TZ)


def numbered_dossiers(count: int) -> list[Dossier]:
    """`count` copies of the sample dossier with their own codes, names and ledger numbers."""
    base = sample_dossier()
    return [
        replace(
            base,
            uuid=f"{base.uuid[:-4]}{n:04d}",
            code=f"000.17.22.H56-250805-1{n:03d}",
            draft=replace(
                base.draft,
                applicant=replace(base.applicant, name=_NAMES[n % 3]),
                sets=1 + n % 2,
                notes="Kèm bản gốc & <bản sao>" if n % 4 == 0 else "",
            ),
            ledger=LedgerEntry(2025, 1000 + n),
        )
        for n in range(1, count + 1)
    ]


def end_of_day_report(handed_over: int = 4, at_counter: int = 3) -> EndOfDay:
    day_start = datetime(2025, 8, 5, 7, 30, tzinfo=VN_TZ)
    handed = tuple(
        HandedOver(
            code=f"000.17.22.H56-250805-1{n:03d}",
            procedure_name=_PROCEDURES[n % 3],
            applicant_name=_NAMES[n % 3],
            unit=POLICE if n % 2 else "Công chức Tư pháp - Hộ tịch",
            receiver_name=POLICE_OFFICER if n % 2 else "Lê Thị Hồng",
            at=day_start + timedelta(hours=n),
            clerk=CLERK,
            batch_uuid="batch-1",
        )
        for n in range(1, handed_over + 1)
    )
    states = [DossierState.RECEIVED, DossierState.SUPPLEMENT, DossierState.RESULT_READY]
    waiting = tuple(
        DossierRow(
            uuid=f"row-{n}",
            code=f"000.17.22.H56-250804-1{n:03d}",
            applicant_name=_NAMES[n % 3],
            procedure_name=_PROCEDURES[n % 3],
            received_at=day_start - timedelta(days=1),
            due_at=day_start + timedelta(hours=2 * n - 4),
            status=states[n % 3],
            clerk=CLERK,
            finished_at=day_start if states[n % 3] is DossierState.RESULT_READY else None,
        )
        for n in range(1, at_counter + 1)
    )
    return EndOfDay(
        day=day_start.date(),
        made_at=datetime(2025, 8, 5, 17, 5, tzinfo=VN_TZ),
        clerk=CLERK,
        activity=activity_tallies(["received"] * 7 + ["handed_over"] * handed_over + ["returned"]),
        by_state=state_tallies([DossierState.RECEIVED] * 3 + [DossierState.PROCESSING] * 4),
        by_procedure=procedure_tallies(
            [("1.004222", "Đăng ký thường trú")] * 5 + [("1.001193", "Đăng ký khai sinh")] * 2
        ),
        handed_over=handed,
        at_counter=waiting,
    )


def decomposed(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def without_fee(dossier: Dossier) -> Dossier:
    return replace(dossier, draft=replace(dossier.draft, fee=0))


def render_all(out_dir: Path, dossier: Dossier) -> list[Path]:
    """Every slip for one sample dossier, each to its own PDF in `out_dir`."""
    return [
        render_receipt(dossier, OFFICE, out_dir / "receipt.pdf"),
        render_supplement(dossier, SUPPLEMENT, OFFICE, CLERK, out_dir / "supplement.pdf"),
        render_refusal(dossier, REFUSAL, OFFICE, CLERK, out_dir / "refusal.pdf"),
        render_apology(dossier, APOLOGY, OFFICE, CLERK, out_dir / "apology.pdf"),
        render_control_slip(dossier, control_rows(1), OFFICE, out_dir / "control.pdf"),
        render_control_slip(dossier, control_rows(12), OFFICE, out_dir / "control-long.pdf"),
        render_ledger(ledger_lines(40), OFFICE, LEDGER_FROM, LEDGER_TO, out_dir / "ledger.pdf"),
        render_handover_list(
            numbered_dossiers(30),
            POLICE,
            CLERK,
            POLICE_OFFICER,
            HANDOVER_AT,
            OFFICE,
            out_dir / "handover.pdf",
        ),
        render_end_of_day(end_of_day_report(), OFFICE, out_dir / "end_of_day.pdf"),
        write_ledger_xlsx(
            ledger_lines(40), OFFICE, LEDGER_FROM, LEDGER_TO, out_dir / "ledger.xlsx"
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description="Render every sample slip to look at.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--post", action="store_true")
    parser.add_argument("--documents", type=int)
    args = parser.parse_args()
    for path in render_all(args.out_dir, sample_dossier(post=args.post, documents=args.documents)):
        print(path)


if __name__ == "__main__":
    main()
