from datetime import date

import pytest

from desk_app.core.codes import (
    make_code,
    parse_code,
    scanned_code,
    sequence_of,
    sort_key,
    sort_text,
)

DAY = date(2026, 11, 20)
AGENCY = "000.17.22.H56"


@pytest.mark.parametrize(("counter", "sequence", "tail"), [
    (1, 1, "1001"), (1, 999, "1999"), (1, 1000, "11000"), (1, 1001, "11001"),
    (9, 12345, "912345"), (3, 7, "3007"),
])
def test_the_sequence_has_three_digits_or_more(counter, sequence, tail):
    code = str(make_code(AGENCY, DAY, counter, sequence))
    assert code == f"{AGENCY}-261120-{tail}"
    assert parse_code(code) == make_code(AGENCY, DAY, counter, sequence)


def test_the_thousandth_code_of_a_counter_is_issued_not_refused():
    assert str(make_code(AGENCY, DAY, 1, 1000)).endswith("-11000")


def test_tails_read_back_one_way_only():
    assert sequence_of("007") == 7 and sequence_of("1000") == 1000
    assert sequence_of("0999") is None  # never issued: past 999 there is no leading zero
    assert sequence_of("99") is None and sequence_of("1a00") is None
    assert parse_code(f"{AGENCY}-261120-0001") is None  # counter 0 does not exist
    assert parse_code(f"{AGENCY}-261320-1001") is None  # month 13
    assert parse_code("not a code") is None


def test_codes_sort_by_sequence_as_a_number():
    codes = [f"{AGENCY}-261120-{tail}" for tail in ("11000", "1999", "2001", "1100", "11001")]
    assert sorted(codes, key=sort_key) == [
        f"{AGENCY}-261120-{tail}" for tail in ("1100", "1999", "11000", "11001", "2001")]
    next_day = f"{AGENCY}-261121-1001"
    assert sorted([next_day, codes[0]], key=sort_key) == [codes[0], next_day]


def test_the_sort_text_orders_codes_as_sort_key_does():
    codes = [f"{AGENCY}-{day}-{tail}" for day in ("261120", "261121")
             for tail in ("1001", "1100", "1999", "11000", "11001", "1123456789", "2001", "9999")]
    codes.append("000.17.H56-261120-1001")  # a shorter agency code
    shuffled = codes[::-1]
    assert sorted(shuffled, key=sort_text) == sorted(shuffled, key=sort_key)


def test_the_sort_text_zero_fills_the_sequence_to_nine_digits():
    assert sort_text(f"{AGENCY}-261120-1007") == f"0{AGENCY}-261120-1000000007"
    assert sort_text(f"{AGENCY}-261120-11000") == f"0{AGENCY}-261120-1000001000"


def test_codes_of_other_shapes_sort_after_and_no_code_first():
    central = f"{AGENCY}-261120-AB1234"
    assert sort_text(central) == "1" + central
    assert sort_text("") == "" and sort_text(None) == ""
    ours = f"{AGENCY}-261120-1001"
    assert sorted([central, "", ours], key=sort_text) == ["", ours, central]


def test_a_scanned_lookup_link_reads_as_the_code_it_names():
    code = "000.17.22.H56-261204-1001"
    for scanned in (f"https://dongbo.tinh.gov.vn/tra-cuu/{code}?k=0a1b2c3d4e",
                    f"http://10.0.0.5:8765/tra-cuu/{code}", f" HTTPS://HUB/TRA-CUU/{code}?k=1\n"):
        assert scanned_code(scanned) == code
    for text in (code, "nguyen van", "https://example.vn/other/000.17.22.H56-261204-1001"):
        assert scanned_code(text) == text
