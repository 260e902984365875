import unicodedata
from datetime import date

import pytest

from desk_app.core.citizen_id import (
    PROVINCE_CODES,
    QrLineError,
    id_number_error,
    id_number_warnings,
    looks_like_qr_line,
    normalise_id_number,
    parse_qr_line,
)
from desk_app.core.model import Sex
from tests.cards import CARD, LINE


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- parse_qr_line -------------------------------------------------------------------------


def test_parses_a_real_looking_line():
    assert parse_qr_line(LINE) == CARD


def test_decomposed_input_comes_out_nfc():
    line = nfd(LINE)
    assert line != LINE
    card = parse_qr_line(line)
    assert card == CARD
    assert unicodedata.is_normalized("NFC", card.name)
    assert unicodedata.is_normalized("NFC", card.address)


@pytest.mark.parametrize(
    "line",
    [
        f"  {LINE}  ",
        f"{LINE}\r\n",
        f"{LINE}\n",
        LINE.replace("|Nguyễn Văn An|", "|  Nguyễn   Văn  An |"),
    ],
    ids=["spaces", "crlf", "lf", "inner-spaces"],
)
def test_tolerates_whitespace(line):
    assert parse_qr_line(line) == CARD


@pytest.mark.parametrize("line", [LINE.rsplit("|", 1)[0], LINE.rsplit("|", 1)[0] + "|"])
def test_missing_or_empty_issue_date(line):
    card = parse_qr_line(line)
    assert card.issue_date is None
    assert card.id_number == CARD.id_number


@pytest.mark.parametrize(
    "extra",
    ["|Nguyễn Văn Bình|Trần Thị Cúc", "|", "|X|Y|Z|01012030"],
    ids=["parents", "empty", "many"],
)
def test_ignores_extra_trailing_fields(extra):
    assert parse_qr_line(LINE + extra) == CARD


def test_empty_old_id():
    card = parse_qr_line(LINE.replace("|123456789|", "||"))
    assert card.old_id == ""
    assert card.name == CARD.name


def test_twelve_digit_old_id_is_kept():
    assert parse_qr_line(LINE.replace("|123456789|", "|001090012345|")).old_id == "001090012345"


@pytest.mark.parametrize(
    ("written", "sex"),
    [
        ("Nam", Sex.MALE),
        ("NAM", Sex.MALE),
        ("nam", Sex.MALE),
        ("Nữ", Sex.FEMALE),
        ("NỮ", Sex.FEMALE),
        ("nữ", Sex.FEMALE),
        (nfd("Nữ"), Sex.FEMALE),
        ("Nu", Sex.FEMALE),
        (" nu ", Sex.FEMALE),
    ],
)
def test_sex_spellings(written, sex):
    line = LINE.replace("|Nam|", f"|{written}|")
    assert parse_qr_line(line).sex is sex


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("", "ít nhất 6 phần"),
        ("hello world", "ít nhất 6 phần"),
        ("001090012345|123456789|Nguyễn Văn An|15031990|Nam", "đọc được 5"),
        ("00109001234|123456789|An|15031990|Nam|Hà Nội|20042021", "12 chữ số"),
        ("00109001234X|123456789|An|15031990|Nam|Hà Nội|20042021", "Số CCCD"),
        ("097090012345|123456789|An|15031990|Nam|Hà Nội|20042021", "mã tỉnh"),
        ("001090012345|12345|An|15031990|Nam|Hà Nội|20042021", "CMND cũ"),
        ("001090012345|123456789|  |15031990|Nam|Hà Nội|20042021", "họ tên"),
        ("001090012345|123456789|An|1503199|Nam|Hà Nội|20042021", "Ngày sinh"),
        ("001090012345|123456789|An|15-03-1990|Nam|Hà Nội|20042021", "Ngày sinh"),
        ("001090012345|123456789|An|31021990|Nam|Hà Nội|20042021", "không có thật"),
        ("001090012345|123456789|An|15131990|Nam|Hà Nội|20042021", "không có thật"),
        ("001090012345|123456789|An|15031990|Nam|Hà Nội|31042021", "Ngày cấp"),
        ("001090012345|123456789|An|15031990|Nam|Hà Nội|2004202", "Ngày cấp"),
        ("001090012345|123456789|An|15031990|Male|Hà Nội|20042021", "Giới tính"),
        ("001090012345|123456789|An|15031990||Hà Nội|20042021", "Giới tính"),
    ],
)
def test_garbage_is_refused_with_a_vietnamese_reason(line, words):
    with pytest.raises(QrLineError, match=words):
        parse_qr_line(line)


def test_qr_line_error_is_a_value_error():
    assert issubclass(QrLineError, ValueError)


# --- looks_like_qr_line --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        LINE,
        f"{LINE}\r\n",
        f"{LINE}\n",
        f"   {LINE}   ",
        nfd(LINE),
        LINE.rsplit("|", 1)[0],  # no issue date
        LINE.replace("|123456789|", "||"),
        LINE + "|extra|fields",
    ],
    ids=["plain", "crlf", "lf", "spaces", "nfd", "six-fields", "no-old-id", "extra"],
)
def test_recognises_scanner_lines(text):
    assert looks_like_qr_line(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Nguyễn Văn An",
        "Số 12, thôn Đông, xã Tân Lập, tỉnh Phú Thọ",
        "Số 12 | thôn Đông | xã Tân Lập | tỉnh Phú Thọ | Việt Nam | ",
        "001090012345",
        "001090012345\r\n",
        "001090012345|",
        "001090012345|123456789|Nguyễn Văn An",
        "001090012345|123456789|Nguyễn Văn An|15031990|Nam",  # still being typed
        "00109001234|123456789|Nguyễn Văn An|15031990|Nam|Hà Nội|20042021",
        "0010900123456|123456789|Nguyễn Văn An|15031990|Nam|Hà Nội|20042021",
        "a001090012345|123456789|Nguyễn Văn An|15031990|Nam|Hà Nội|20042021",
        f"{LINE}\n{LINE}",
    ],
    ids=[
        "empty",
        "name",
        "address",
        "address-with-bars",
        "id-alone",
        "id-crlf",
        "one-bar",
        "three-fields",
        "five-fields",
        "eleven-digits",
        "thirteen-digits",
        "letter-first",
        "two-lines",
    ],
)
def test_ignores_normal_typing(text):
    assert not looks_like_qr_line(text)


# --- id_number_error -----------------------------------------------------------------------


def test_province_list_has_the_63_provinces():
    assert len(PROVINCE_CODES) == 63
    assert PROVINCE_CODES["001"] == "Hà Nội"
    assert PROVINCE_CODES["079"] == "Thành phố Hồ Chí Minh"
    assert min(PROVINCE_CODES) == "001"
    assert max(PROVINCE_CODES) == "096"
    assert all(len(code) == 3 and code.isdigit() for code in PROVINCE_CODES)


@pytest.mark.parametrize(
    "number",
    ["001090012345", "079203001234", "096190000001", "025 090 012345", " 001090012345 "],
)
def test_valid_numbers(number):
    assert id_number_error(number) is None


@pytest.mark.parametrize(
    ("number", "words"),
    [
        ("", "Chưa nhập"),
        ("   ", "Chưa nhập"),
        ("00109001234", "đang có 11"),
        ("0010900123456", "đang có 13"),
        ("00109001234A", "chữ cái"),
        ("001-090-012345", "chữ cái"),
        ("００１０９００１２３４５", "chữ cái"),  # full-width digits
        ("000090012345", "mã tỉnh"),
        ("003090012345", "mã tỉnh"),  # a gap in the list
        ("097090012345", "mã tỉnh"),
        ("099090012345", "mã tỉnh"),
    ],
)
def test_invalid_numbers(number, words):
    error = id_number_error(number)
    assert error is not None
    assert words in error


def test_normalise_id_number_drops_spaces():
    assert normalise_id_number(" 001 090\t012345 ") == "001090012345"


# --- id_number_warnings --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "birth", "sex"),
    [
        ("001090012345", date(1990, 3, 15), Sex.MALE),
        ("001190012345", date(1990, 3, 15), Sex.FEMALE),
        ("001205012345", date(2005, 1, 1), Sex.MALE),
        ("001305012345", date(2005, 1, 1), Sex.FEMALE),
        ("001400012345", date(2100, 1, 1), Sex.MALE),
        ("001599012345", date(2199, 1, 1), Sex.FEMALE),
        ("001600012345", date(2200, 1, 1), Sex.MALE),
        ("001700012345", date(2200, 1, 1), Sex.FEMALE),
        ("001899012345", date(1899, 12, 31), Sex.MALE),
        ("001999012345", date(1899, 12, 31), Sex.FEMALE),
        ("001090012345", None, Sex.UNSPECIFIED),  # nothing to compare
        ("001090012345", None, Sex.MALE),
        ("001190012345", date(1990, 1, 1), Sex.UNSPECIFIED),
        ("00109001234", date(2001, 1, 1), Sex.FEMALE),  # malformed: the error covers it
        ("", date(2001, 1, 1), Sex.FEMALE),
    ],
)
def test_consistent_or_nothing_to_compare(number, birth, sex):
    assert id_number_warnings(number, birth, sex) == []


@pytest.mark.parametrize(
    ("number", "birth", "sex", "words"),
    [
        # sex contradicts digit 4
        ("001090012345", date(1990, 3, 15), Sex.FEMALE, ["giới tính Nam", "đang chọn Nữ"]),
        ("001190012345", date(1990, 3, 15), Sex.MALE, ["giới tính Nữ", "đang chọn Nam"]),
        ("001205012345", date(2005, 3, 15), Sex.FEMALE, ["giới tính Nam"]),
        ("001305012345", date(2005, 3, 15), Sex.MALE, ["giới tính Nữ"]),
        # century contradicts digit 4
        ("001090012345", date(2090, 3, 15), Sex.MALE, ["sinh năm 1990", "năm 2090"]),
        ("001205012345", date(1905, 3, 15), Sex.MALE, ["sinh năm 2005", "năm 1905"]),
        ("001305012345", date(1905, 3, 15), Sex.UNSPECIFIED, ["sinh năm 2005"]),
        ("001805012345", date(1905, 3, 15), Sex.MALE, ["sinh năm 1805"]),
        # year contradicts digits 5-6
        ("001090012345", date(1991, 3, 15), Sex.MALE, ["sinh năm 1990", "năm 1991"]),
        ("001310012345", date(2011, 3, 15), Sex.FEMALE, ["sinh năm 2010", "năm 2011"]),
    ],
)
def test_single_contradiction(number, birth, sex, words):
    warnings = id_number_warnings(number, birth, sex)
    assert len(warnings) == 1
    for word in words:
        assert word in warnings[0]


def test_sex_and_year_both_wrong_give_two_warnings():
    warnings = id_number_warnings("001090012345", date(2005, 1, 1), Sex.FEMALE)
    assert len(warnings) == 2
    assert "giới tính" in warnings[0]
    assert "năm sinh" in warnings[1] or "ngày sinh" in warnings[1]


def test_warnings_accept_spaced_numbers():
    assert id_number_warnings("001 190 012345", date(1990, 1, 1), Sex.MALE) != []
