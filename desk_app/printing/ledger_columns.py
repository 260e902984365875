"""The dossier ledger's official columns (form 06, then 07), shared by the PDF and the Excel workbook so
that the two can never disagree about what a column holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from desk_app.core.lifecycle import LedgerLine
from desk_app.printing.layout import short_datetime, vn_date_phrase

LedgerValue = str | int | datetime | None


@dataclass(frozen=True)
class LedgerColumn:
    title: str
    pdf_width: float  # mm, on A4 landscape
    xlsx_width: float  # Excel's unit: characters of the default font
    value: Callable[[LedgerLine], LedgerValue]
    centred: bool = False
    dated: bool = False  # under the "Ngày, tháng, năm" head of Circular 03/2025's form 07


def note(line: LedgerLine) -> str:
    """Where the dossier stands and, once it can be judged, whether it was in time; then who
    received it and how its documents were digitised, which the official columns have no
    place for."""
    status = line.status.label
    if line.timeliness:
        status = f"{status} – {line.timeliness}"
    if line.original_due_at is not None:  # an apology extended it (form 04)
        status += (f"\nGia hạn đến {short_datetime(line.due_at)}; "
                   f"hẹn ban đầu {short_datetime(line.original_due_at)}")
    if line.clerk:
        status += f"\nTiếp nhận: {line.clerk}"
    return f"{status}\nSố hóa: {line.digitisation}" if line.digitisation else status


LEDGER_COLUMNS: tuple[LedgerColumn, ...] = (
    LedgerColumn("STT", 10, 7, lambda line: line.number, centred=True),
    LedgerColumn("Mã hồ sơ", 20, 26, lambda line: line.code),
    LedgerColumn("Tên thủ tục hành chính", 30, 30, lambda line: line.procedure_name),
    LedgerColumn("Số lượng hồ sơ (bộ)", 12, 9, lambda line: line.sets, centred=True),
    LedgerColumn("Tên cá nhân, tổ chức", 28, 24, lambda line: line.applicant_name),
    LedgerColumn("Địa chỉ, số điện thoại", 34, 34, lambda line: line.applicant_contact),
    LedgerColumn("Cơ quan chủ trì giải quyết", 26, 24, lambda line: line.processing_unit),
    LedgerColumn("Nhận hồ sơ", 17, 16, lambda line: line.received_at, centred=True, dated=True),
    LedgerColumn("Hẹn trả kết quả", 17, 16, lambda line: line.due_at, centred=True, dated=True),
    LedgerColumn(
        "Chuyển hồ sơ đến cơ quan giải quyết",
        17,
        16,
        lambda line: line.handed_over_at,
        centred=True,
        dated=True,
    ),
    LedgerColumn("Trả kết quả", 17, 16, lambda line: line.returned_at, centred=True, dated=True),
    # Signed by hand by whoever collects the result, on the printed book.
    LedgerColumn("Ký nhận", 12, 12, lambda line: ""),
    LedgerColumn("Ghi chú", 33, 30, note),
)


DATE_GROUP = "Ngày, tháng, năm"


def column_numbers() -> list[str]:
    """The row under the heads numbering the columns: (1), (2), …"""
    return [f"({n})" for n in range(1, len(LEDGER_COLUMNS) + 1)]


def book_label(lines: Sequence[LedgerLine], date_from: date) -> str:
    """The book is the year; a period across New Year spans two books."""
    books = sorted({line.book for line in lines}) or [date_from.year]
    return ", ".join(str(book) for book in books)


def period_phrase(date_from: date, date_to: date) -> str:
    return f"Từ {vn_date_phrase(date_from)} đến {vn_date_phrase(date_to)}"
