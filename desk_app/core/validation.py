"""Checks on the receive form before a dossier is saved.

Errors block saving; warnings are shown and the clerk may go on, because a counter must still
be able to receive an incomplete dossier and ask for a supplement later. Every message is in
Vietnamese and says what to do, and every issue names a stable field key the UI maps to a widget.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desk_app.core.citizen_id import id_number_error, id_number_warnings
from desk_app.core.digitisation import line_problem
from desk_app.core.model import (
    ApplicantType,
    DeliveryMethod,
    DocumentLine,
    DossierDraft,
    Procedure,
)
from desk_app.core.text import clean, nfc

EARLIEST_BIRTH_DATE = date(1900, 1, 1)
# The longest applicant's name the slips print on one line. Measured on the receipt (A5, the
# bold 10-point "Ông/Bà: …" line): 62 characters of a mixed-case Vietnamese name fit, an
# organisation's as well; tests/printing/test_receipt.py checks that this many still do.
NAME_MAX_LENGTH = 60

_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")
_ASCII_DIGITS = re.compile(r"[0-9]+")
# Mobile numbers have 10 digits; fixed lines have 11 since the 2017 renumbering (02x area codes).
_MOBILE = re.compile(r"0[1-9][0-9]{8}")
_LANDLINE = re.compile(r"02[0-9]{9}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Issue:
    field: str
    message: str
    severity: Severity


def error(field: str, message: str) -> Issue:
    """An issue that blocks saving: the way every layer says "this field is wrong"."""
    return Issue(field, message, Severity.ERROR)


def _national_digits(phone: str) -> str | None:
    """The number in national form ('0…'), or None if it has characters a phone cannot."""
    compact = _PHONE_SEPARATORS.sub("", nfc(phone))
    if compact.startswith("+84"):
        compact = "0" + compact[3:]
    elif compact.startswith("84") and len(compact) in (11, 12):
        # Only the lengths of +84 numbers: a national number never starts with 8.
        compact = "0" + compact[2:]
    if not _ASCII_DIGITS.fullmatch(compact):
        return None
    return compact


def phone_error(phone: str) -> str | None:
    """A Vietnamese message if this is not a Vietnamese phone number; empty is not an error."""
    if not clean(phone):
        return None
    national = _national_digits(phone)
    if national is None:
        return "Số điện thoại chỉ gồm chữ số (có thể có dấu cách, dấu chấm, gạch ngang)."
    if not (_MOBILE.fullmatch(national) or _LANDLINE.fullmatch(national)):
        return (
            "Số điện thoại chưa đúng: cần 10 chữ số bắt đầu bằng 0 (ví dụ 0912 345 678) "
            "hoặc +84 và 9 chữ số; máy bàn có 11 chữ số, bắt đầu bằng 02."
        )
    return None


def normalise_phone(phone: str) -> str:
    """The stored form, '0xxxxxxxxx'. A number that fails phone_error comes back cleaned only."""
    if not clean(phone) or phone_error(phone):
        return clean(phone)
    return _national_digits(phone) or clean(phone)


def email_error(email: str) -> str | None:
    """A Vietnamese message if this cannot be an e-mail address; empty is not an error."""
    address = clean(email)
    if not address or _EMAIL.fullmatch(address):
        return None
    return "Email chưa đúng dạng, ví dụ đúng: nguyenvanan@gmail.com."


def validate_draft(draft: DossierDraft, procedure: Procedure | None, today: date) -> list[Issue]:
    """Every problem with the receive form, in the order of the form's fields."""
    issues: list[Issue] = []

    def error(field: str, message: str) -> None:
        issues.append(Issue(field, message, Severity.ERROR))

    def warning(field: str, message: str) -> None:
        issues.append(Issue(field, message, Severity.WARNING))

    if procedure is None:
        error("procedure", "Chọn thủ tục hành chính trong danh mục.")

    applicant = draft.applicant
    is_citizen = applicant.type is ApplicantType.CITIZEN
    if not clean(applicant.name):
        if is_citizen:
            error("applicant.name", "Nhập họ và tên người nộp hồ sơ.")
        else:
            error("applicant.name", "Nhập tên tổ chức nộp hồ sơ.")
    elif len(clean(applicant.name)) > NAME_MAX_LENGTH:
        error("applicant.name",
              f"Tên dài {len(clean(applicant.name))} ký tự; phiếu in được tối đa "
              f"{NAME_MAX_LENGTH} ký tự. Viết tắt phần phụ, ví dụ «Công ty TNHH» thay cho "
              "«Công ty trách nhiệm hữu hạn».")

    if not clean(applicant.id_number):
        if is_citizen:
            error("applicant.id_number", "Nhập số CCCD (12 chữ số) của người nộp hồ sơ.")
    elif problem := id_number_error(applicant.id_number):
        error("applicant.id_number", problem)
    else:
        for message in id_number_warnings(applicant.id_number, applicant.birth_date, applicant.sex):
            warning("applicant.id_number", message)

    if applicant.birth_date is not None:
        if applicant.birth_date > today:
            error("applicant.birth_date", "Ngày sinh không thể sau ngày hôm nay.")
        elif applicant.birth_date < EARLIEST_BIRTH_DATE:
            error(
                "applicant.birth_date", "Ngày sinh phải từ năm 1900 trở đi. Kiểm tra lại năm sinh."
            )

    if not clean(applicant.phone):
        error("applicant.phone", "Nhập số điện thoại để báo khi có kết quả.")
    elif problem := phone_error(applicant.phone):
        error("applicant.phone", problem)

    if problem := email_error(applicant.email):
        error("applicant.email", problem)

    if is_citizen and not clean(applicant.address):
        error("applicant.address", "Nhập địa chỉ của người nộp hồ sơ.")

    if draft.sets < 1:
        error("sets", "Số bộ hồ sơ phải từ 1 trở lên.")

    issues.extend(_document_issues(draft.documents, procedure))

    if draft.delivery.method is DeliveryMethod.POST:
        delivery = draft.delivery
        if not clean(delivery.recipient):
            error("delivery.recipient", "Nhập tên người nhận kết quả qua bưu điện.")
        if not clean(delivery.phone):
            error("delivery.phone", "Nhập số điện thoại người nhận để bưu điện liên hệ.")
        elif problem := phone_error(delivery.phone):
            error("delivery.phone", problem)
        if not clean(delivery.address):
            error("delivery.address", "Nhập địa chỉ nhận kết quả qua bưu điện.")

    if draft.fee < 0:
        error("fee", "Lệ phí không thể là số âm.")

    return issues


class MissingChoice(StrEnum):
    """What the clerk chose for a dossier missing mandatory documents: never a normal receipt
    without saying so. SUPPLEMENT: received and at once asked to supplement (form 02);
    OVERRIDE: received as it is, recorded in the received event (who, which documents) and
    printed on the receipt."""

    SUPPLEMENT = "supplement"
    OVERRIDE = "override"


MISSING_DOCUMENTS_FIELD = "documents"


def missing_mandatory(lines: tuple[DocumentLine, ...], procedure: Procedure | None) -> list[str]:
    """The mandatory documents not handed in: the procedure's, and the draft's own flags (its
    lines may come from an older catalogue version)."""
    provided = {clean(line.name) for line in lines if line.provided}
    mandatory = (
        [clean(doc.name) for doc in procedure.documents if doc.mandatory] if procedure else []
    )
    mandatory += [clean(line.name) for line in lines if line.mandatory]
    return [name for name in dict.fromkeys(mandatory) if name not in provided]


def missing_override_line(documents: list[str], clerk: str) -> str:
    """The receipt's line for a dossier received without its mandatory documents."""
    return (f"Tiếp nhận khi còn thiếu giấy tờ bắt buộc: {'; '.join(documents)} "
            f"(cán bộ tiếp nhận {clerk} xác nhận).")


def _document_issues(lines: tuple[DocumentLine, ...], procedure: Procedure | None) -> list[Issue]:
    missing = missing_mandatory(lines, procedure)

    issues = []
    if missing:
        issues.append(
            Issue(
                "documents",
                f"Thiếu giấy tờ bắt buộc: {'; '.join(missing)}. Có thể lưu và yêu cầu bổ sung sau.",
                Severity.WARNING,
            )
        )
    negative = [line for line in lines if min(line.originals, line.certified, line.copies) < 0]
    if negative:
        issues.append(
            Issue(
                "documents",
                f"Số lượng giấy tờ không thể là số âm: {_names(negative)}.",
                Severity.ERROR,
            )
        )
    issues.extend(Issue("documents", problem, Severity.ERROR)
                  for problem in map(line_problem, lines) if problem)
    uncounted = [
        line
        for line in lines
        if line.provided and line.originals == line.certified == line.copies == 0
    ]
    if uncounted:
        issues.append(
            Issue(
                "documents",
                f"Đã đánh dấu nhận nhưng chưa ghi số bản (bản chính, bản sao chứng thực, "
                f"bản chụp): {_names(uncounted)}.",
                Severity.WARNING,
            )
        )
    return issues


def _names(lines: list[DocumentLine]) -> str:
    return "; ".join(clean(line.name) for line in lines)
