"""The chip ID card (CCCD): its QR line and the structure of its 12-digit number
(docs/domain.md, "The ID card QR line").

A USB scanner types the card's QR code as one keyboard line, for example
`001090012345|123456789|Nguyễn Văn An|15031990|Nam|Số 12, thôn Đông, xã Tân Lập, tỉnh Phú Thọ|20042021`.
Reading it lets the clerk fill the applicant without typing. Card generations differ a little
(newer cards append fields, some leave out the issue date), so the parser is lenient about the
ends of the line and strict only about what it hands on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desk_app.core.model import Sex
from desk_app.core.text import clean, fold, nfc

# Province-of-birth codes of the 63 provinces (Circular 59/2021/TT-BCA, the same numbers as the
# administrative unit codes). The 2025 merger into 34 provinces kept the code of each surviving
# province and issued numbers never change, so this list stays a superset of what cards carry.
PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội",
    "002": "Hà Giang",
    "004": "Cao Bằng",
    "006": "Bắc Kạn",
    "008": "Tuyên Quang",
    "010": "Lào Cai",
    "011": "Điện Biên",
    "012": "Lai Châu",
    "014": "Sơn La",
    "015": "Yên Bái",
    "017": "Hòa Bình",
    "019": "Thái Nguyên",
    "020": "Lạng Sơn",
    "022": "Quảng Ninh",
    "024": "Bắc Giang",
    "025": "Phú Thọ",
    "026": "Vĩnh Phúc",
    "027": "Bắc Ninh",
    "030": "Hải Dương",
    "031": "Hải Phòng",
    "033": "Hưng Yên",
    "034": "Thái Bình",
    "035": "Hà Nam",
    "036": "Nam Định",
    "037": "Ninh Bình",
    "038": "Thanh Hóa",
    "040": "Nghệ An",
    "042": "Hà Tĩnh",
    "044": "Quảng Bình",
    "045": "Quảng Trị",
    "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng",
    "049": "Quảng Nam",
    "051": "Quảng Ngãi",
    "052": "Bình Định",
    "054": "Phú Yên",
    "056": "Khánh Hòa",
    "058": "Ninh Thuận",
    "060": "Bình Thuận",
    "062": "Kon Tum",
    "064": "Gia Lai",
    "066": "Đắk Lắk",
    "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước",
    "072": "Tây Ninh",
    "074": "Bình Dương",
    "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu",
    "079": "Thành phố Hồ Chí Minh",
    "080": "Long An",
    "082": "Tiền Giang",
    "083": "Bến Tre",
    "084": "Trà Vinh",
    "086": "Vĩnh Long",
    "087": "Đồng Tháp",
    "089": "An Giang",
    "091": "Kiên Giang",
    "092": "Cần Thơ",
    "093": "Hậu Giang",
    "094": "Sóc Trăng",
    "095": "Bạc Liêu",
    "096": "Cà Mau",
}

# Digit 4 of the number: sex and century of birth (Ministry of Public Security rule).
_CENTURY_SEX: dict[str, tuple[int, Sex]] = {
    "0": (1900, Sex.MALE),
    "1": (1900, Sex.FEMALE),
    "2": (2000, Sex.MALE),
    "3": (2000, Sex.FEMALE),
    "4": (2100, Sex.MALE),
    "5": (2100, Sex.FEMALE),
    "6": (2200, Sex.MALE),
    "7": (2200, Sex.FEMALE),
    "8": (1800, Sex.MALE),
    "9": (1800, Sex.FEMALE),
}

# ASCII digits only: str.isdigit() would also let through Arabic-Indic or full-width digits.
_ASCII_DIGITS = re.compile(r"[0-9]+")
_TWELVE_DIGITS = re.compile(r"[0-9]{12}")
_OLD_ID = re.compile(r"[0-9]{9}|[0-9]{12}")
_DDMMYYYY = re.compile(r"[0-9]{8}")
_QR_START = re.compile(r"[0-9]{12}\|")
_WHITESPACE = re.compile(r"\s+")

_QR_MIN_FIELDS = 6  # the issue date (7th) is missing on some cards


@dataclass(frozen=True)
class CardData:
    """What a CCCD QR line carries, already normalised."""

    id_number: str
    old_id: str
    name: str
    birth_date: date
    sex: Sex
    address: str
    issue_date: date | None


class QrLineError(ValueError):
    """A scanned line that cannot be a CCCD QR code; the message is for the clerk."""


def normalise_id_number(id_number: str) -> str:
    """The number as stored: clerks often type it in groups ('001 090 012345')."""
    return _WHITESPACE.sub("", nfc(id_number))


def id_number_error(id_number: str) -> str | None:
    """A Vietnamese message if this is not a well-formed 12-digit ID number, else None."""
    number = normalise_id_number(id_number)
    if not number:
        return "Chưa nhập số CCCD (12 chữ số)."
    if not _ASCII_DIGITS.fullmatch(number):
        return "Số CCCD chỉ gồm 12 chữ số, không có chữ cái hay ký hiệu."
    if len(number) != 12:
        return f"Số CCCD phải có đúng 12 chữ số (đang có {len(number)})."
    if number[:3] not in PROVINCE_CODES:
        return (
            f"Số CCCD không đúng: 3 số đầu ({number[:3]}) không phải mã tỉnh nơi đăng ký "
            "khai sinh. Kiểm tra lại số trên thẻ."
        )
    return None


def id_number_warnings(id_number: str, birth_date: date | None, sex: Sex) -> list[str]:
    """Vietnamese warnings where the number contradicts the typed birth year or sex.

    Warnings, not errors: the typed data may be the mistake, and the clerk checks the card.
    """
    number = normalise_id_number(id_number)
    if not _TWELVE_DIGITS.fullmatch(number):
        return []  # id_number_error reports a malformed number; nothing to compare
    century, encoded_sex = _CENTURY_SEX[number[3]]
    warnings = []
    if sex and sex != encoded_sex:  # equality, so a plain "Nam" from a widget works too
        warnings.append(
            f"Số CCCD là của người giới tính {encoded_sex.value}, nhưng đang chọn "
            f"{Sex(sex).value}. Kiểm tra lại số CCCD hoặc giới tính."
        )
    encoded_year = century + int(number[4:6])
    if birth_date is not None and birth_date.year != encoded_year:
        warnings.append(
            f"Số CCCD là của người sinh năm {encoded_year}, nhưng ngày sinh đang nhập là năm "
            f"{birth_date.year}. Kiểm tra lại số CCCD hoặc ngày sinh."
        )
    return warnings


def looks_like_qr_line(text: str) -> bool:
    """Whether `text` is plausibly a whole scanner line, so the form should parse it.

    Typed names and addresses never start with twelve digits and a bar, and a lone ID number
    has no bars, so normal typing does not trigger a fill.
    """
    line = (text or "").strip()
    if "\n" in line or "\r" in line:
        return False
    return bool(_QR_START.match(line)) and line.count("|") >= _QR_MIN_FIELDS - 1


def parse_qr_line(text: str) -> CardData:
    """Read a CCCD QR line; raise QrLineError saying which part is wrong."""
    fields = [field.strip() for field in nfc(text).strip().split("|")]
    if len(fields) < _QR_MIN_FIELDS:
        raise QrLineError(
            f"Mã QR không phải của thẻ CCCD: cần ít nhất {_QR_MIN_FIELDS} phần ngăn cách "
            f"bởi dấu |, đọc được {len(fields)}. Hãy quét lại."
        )
    raw_id, raw_old_id, raw_name, raw_birth, raw_sex, raw_address = fields[:6]
    # Extra fields after the 7th come from newer cards; nothing we need is in them.
    raw_issue = fields[6] if len(fields) > 6 else ""

    if problem := id_number_error(raw_id):
        raise QrLineError(f"Số CCCD trong mã QR không hợp lệ ({raw_id}). {problem}")
    old_id = normalise_id_number(raw_old_id)
    # Some early chip cards replaced a 12-digit CMND, which then sits in this field.
    if old_id and not _OLD_ID.fullmatch(old_id):
        raise QrLineError(
            f"Số CMND cũ trong mã QR không hợp lệ ({raw_old_id}): phải có 9 chữ số (hoặc 12) hoặc để trống."
        )
    name = clean(raw_name)
    if not name:
        raise QrLineError("Mã QR không có họ tên. Hãy quét lại.")
    birth_date = _qr_date(raw_birth, "Ngày sinh")
    issue_date = _qr_date(raw_issue, "Ngày cấp") if raw_issue else None
    return CardData(
        id_number=normalise_id_number(raw_id),
        old_id=old_id,
        name=name,
        birth_date=birth_date,
        sex=_qr_sex(raw_sex),
        address=clean(raw_address),
        issue_date=issue_date,
    )


def _qr_date(raw: str, label: str) -> date:
    if not _DDMMYYYY.fullmatch(raw):
        raise QrLineError(
            f"{label} trong mã QR không đúng dạng ngày-tháng-năm 8 chữ số (DDMMYYYY): «{raw}»."
        )
    try:
        return date(int(raw[4:]), int(raw[2:4]), int(raw[:2]))
    except ValueError:
        raise QrLineError(f"{label} trong mã QR không có thật: «{raw}».") from None


def _qr_sex(raw: str) -> Sex:
    # fold() takes care of case, NFD and a scanner or font that drops the diacritic ("Nu").
    folded = fold(raw)
    if folded == "nam":
        return Sex.MALE
    if folded == "nu":
        return Sex.FEMALE
    raise QrLineError(f"Giới tính trong mã QR phải là «Nam» hoặc «Nữ», đọc được «{raw}».")
