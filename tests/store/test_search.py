import unicodedata
from dataclasses import replace
from datetime import timedelta

import pytest

from desk_app.core.model import Applicant
from desk_app.core.states import DossierState
from desk_app.store import dossiers
from desk_app.store.db import connect
from tests.store.factories import AT, insert_received_dossier, make_dossier
from tests.store.test_migrations import RETURNED_HISTORY, version_1_database


def person(name, id_number, phone, address="thôn Đông, xã Tân Lập"):
    return Applicant(name=name, id_number=id_number, phone=phone, address=address)


def add(db, code, applicant, number):
    dossier = make_dossier(code, ledger_number=number)
    dossier = replace(dossier, draft=replace(dossier.draft, applicant=applicant))
    insert_received_dossier(db, dossier)
    return dossier


@pytest.fixture
def db(tmp_path):
    db = connect(tmp_path / "desk.db")
    add(db, "000.17.22.H56-261120-1003",
        person("Nguyễn Thị Ánh", "025190012345", "0912345678"), 1)
    add(db, "000.17.22.H56-261121-1001",
        person("Đặng Văn Hùng", "025088000111", "0987000111", "xóm Gò Đình"), 2)
    add(db, "000.17.22.H56-261122-1002",
        person("Trần Thị Phượng", "025193000222", "0352000222", "Số 3, thôn Nguyễn Huệ"), 3)
    add(db, "000.17.22.H56-261123-1004",
        person("Lê Quốc Việt", "025089000333", "0912000333", "phố Hồng Tiến"), 4)
    yield db
    db.close()


def names(db, text, **filters):
    return [row.applicant_name for row in dossiers.rows(db, text=text, **filters)]


@pytest.mark.parametrize("text", [
    "Nguyễn Thị Ánh", "nguyen thi anh", "NGUYEN THI ANH", "nGuYễN tHị áNh",
    unicodedata.normalize("NFD", "Nguyễn Thị Ánh"), unicodedata.normalize("NFD", "NGUYỄN"),
    "  nguyen   anh ",
])
def test_a_name_is_found_with_or_without_marks_in_any_case_and_form(db, text):
    assert names(db, text)[0] == "Nguyễn Thị Ánh"


@pytest.mark.parametrize("text", ["dang", "Đặng", "đặng", "DANG VAN", "dang hung"])
def test_d_with_stroke_folds_to_d(db, text):
    # Every dossier here is an "Đăng ký…", so the name ranks first.
    assert names(db, text)[0] == "Đặng Văn Hùng"


@pytest.mark.parametrize("text, expected", [
    ("viet", "Lê Quốc Việt"), ("Việt", "Lê Quốc Việt"), ("quoc", "Lê Quốc Việt"),
    ("hong tien", "Lê Quốc Việt"), ("phuong", "Trần Thị Phượng"), ("PHƯỢNG", "Trần Thị Phượng"),
])
def test_double_marked_vowels_fold(db, text, expected):
    assert names(db, text) == [expected]


def test_word_prefixes_match(db):
    # The second one lives in "thôn Nguyễn Huệ": an address match, so after the name.
    assert names(db, "ngu th") == ["Nguyễn Thị Ánh", "Trần Thị Phượng"]
    assert names(db, "tr th ph") == ["Trần Thị Phượng"]
    assert names(db, "xyz") == []


@pytest.mark.parametrize("text, expected", [
    ("1003", "Nguyễn Thị Ánh"),
    ("261121-1001", "Đặng Văn Hùng"),
    ("000.17.22.H56-261122-1002", "Trần Thị Phượng"),
    ("000.17.22.h56-261122-1002", "Trần Thị Phượng"),
    ("025089000333", "Lê Quốc Việt"),
    ("0987000111", "Đặng Văn Hùng"),
    ("098700", "Đặng Văn Hùng"),
])
def test_codes_tails_id_numbers_and_phones(db, text, expected):
    assert names(db, text)[0] == expected


def test_procedure_name_and_code_are_searched(db):
    assert len(names(db, "tam tru")) == 4
    assert len(names(db, "1.004194")) == 4


def test_exact_code_id_or_phone_comes_before_a_name_or_prefix(db):
    add(db, "000.17.22.H56-261124-1005",
        person("Phạm Văn Một Không Không Ba", "025090001003", "0912001003"), 5)
    # "1003" is the first code's tail exactly, and only a prefix of nothing else...
    assert names(db, "1003")[0] == "Nguyễn Thị Ánh"
    # ...and a name in the applicant field ranks above the same word in an address.
    assert names(db, "nguyen") == ["Nguyễn Thị Ánh", "Trần Thị Phượng"]
    assert names(db, "0912")[:2] == ["Phạm Văn Một Không Không Ba", "Lê Quốc Việt"]


def test_results_are_limited_and_paged(db):
    every = names(db, "tam tru")
    assert names(db, "tam tru", limit=2) == every[:2]
    assert names(db, "tam tru", limit=2, offset=2) == every[2:]
    assert names(db, "tam tru", limit=None, offset=3) == every[3:]


def test_search_combines_with_filters(db):
    first = dossiers.rows(db, text="nguyen thi anh")[0]
    dossiers.update(db, first.uuid, status=DossierState.RETURNED)
    assert names(db, "thi", status={DossierState.RECEIVED}) == ["Trần Thị Phượng"]
    assert names(db, "thi", status={DossierState.RETURNED}) == ["Nguyễn Thị Ánh"]


def test_the_index_follows_every_write(db):
    [row] = dossiers.rows(db, text="nguyen thi anh")
    dossiers.update(db, row.uuid, status=DossierState.RESULT_READY)
    assert names(db, "nguyen thi anh") == ["Nguyễn Thị Ánh"]
    add(db, "000.17.22.H56-261125-1001", person("Đỗ Thị Ước", "025195000444", "0383000444"), 5)
    assert names(db, "do thi uoc")[0] == "Đỗ Thị Ước"
    with db.atomic():
        db.execute("UPDATE dossiers SET applicant_name = 'Bùi Thị Ước' WHERE code LIKE '%261125%'")
    assert "Đỗ Thị Ước" not in names(db, "do thi uoc")
    assert names(db, "bui thi uoc") == ["Bùi Thị Ước"]


def test_vacuum_keeps_the_index_pointing_at_the_right_dossiers(tmp_path, db):
    db.execute("VACUUM")
    assert names(db, "hung") == ["Đặng Văn Hùng"]
    assert names(db, "0352000222") == ["Trần Thị Phượng"]


def test_migration_4_indexes_the_dossiers_already_kept(tmp_path):
    path = tmp_path / "desk.db"
    version_1_database(path, RETURNED_HISTORY[:1])
    db = connect(path)
    assert names(db, "dang thi anh") == ["Đặng Thị Ánh"]
    assert names(db, "1001") == ["Đặng Thị Ánh"]
    db.close()


def test_search_within_a_receipt_period(db):
    assert len(names(db, "thi", received_from=AT)) == 2
    assert names(db, "thi", received_from=AT + timedelta(minutes=1)) == []
    assert names(db, "thi", received_before=AT) == []
    assert len(names(db, "thi", received_before=AT + timedelta(minutes=1))) == 2


@pytest.mark.parametrize("text, expected", [
    # One letter: the names with a word starting with it, newest first, then the dossiers with
    # such a word elsewhere (every one here is a "Đăng ký tạm trú" in a "thôn", "phố"...).
    ("t", ["Trần Thị Phượng", "Nguyễn Thị Ánh", "Lê Quốc Việt", "Đặng Văn Hùng"]),
    ("T", ["Trần Thị Phượng", "Nguyễn Thị Ánh", "Lê Quốc Việt", "Đặng Văn Hùng"]),
    ("v", ["Lê Quốc Việt", "Đặng Văn Hùng"]),
    ("đ", ["Đặng Văn Hùng", "Lê Quốc Việt", "Trần Thị Phượng", "Nguyễn Thị Ánh"]),
    ("d", ["Đặng Văn Hùng", "Lê Quốc Việt", "Trần Thị Phượng", "Nguyễn Thị Ánh"]),
    ("á", ["Nguyễn Thị Ánh"]),
    # Two letters, with the marks typed or not, and a word typed whole before them.
    ("ng", ["Nguyễn Thị Ánh", "Trần Thị Phượng"]),
    ("Ng", ["Nguyễn Thị Ánh", "Trần Thị Phượng"]),
    ("ph", ["Trần Thị Phượng", "Lê Quốc Việt"]),
    ("Phư", ["Trần Thị Phượng"]),
    ("nguyen t", ["Nguyễn Thị Ánh", "Trần Thị Phượng"]),  # the second in "thôn Nguyễn Huệ"
    ("Nguyễn T", ["Nguyễn Thị Ánh", "Trần Thị Phượng"]),
    ("Nguyễn Thị Á", ["Nguyễn Thị Ánh"]),
    ("z", []),
])
def test_the_first_letters_find_what_the_whole_word_would(db, text, expected):
    assert names(db, text) == expected
