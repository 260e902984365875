import unicodedata
from dataclasses import replace

import pytest

from desk_app.core.catalogue import cleaned, procedure_issues, same_content
from desk_app.core.model import Procedure, ProcessingTime, RequiredDocument, TimeUnit

GOOD = Procedure(
    code="1.004194", name="Đăng ký tạm trú", field="Đăng ký, quản lý cư trú",
    time=ProcessingTime(3, TimeUnit.WORKING_DAYS), fee=15000, unit="Công an xã",
    documents=(RequiredDocument("Tờ khai thay đổi thông tin cư trú", originals=1),
               RequiredDocument("Giấy tờ chứng minh chỗ ở hợp pháp", mandatory=False,
                                copies=1)),
)


def fields(issues):
    return [issue.field for issue in issues]


def test_a_complete_procedure_has_no_issue():
    assert procedure_issues(GOOD) == []
    assert procedure_issues(GOOD, ["1.001193", "1.000894"]) == []


@pytest.mark.parametrize("code", ["", "  ", "1 004194", "mã.1", "1/2", "x" * 41])
def test_the_code_must_be_typed_and_well_formed(code):
    issues = procedure_issues(replace(GOOD, code=code))
    assert fields(issues) == ["code"]
    assert "mã thủ tục" in issues[0].message.lower()


@pytest.mark.parametrize("code", ["1.004194", "XA-01", "tt_2"])
def test_local_codes_with_letters_are_accepted(code):
    assert procedure_issues(replace(GOOD, code=code)) == []


def test_a_new_procedure_may_not_take_a_code_in_use():
    issues = procedure_issues(GOOD, ["1.001193", "1.004194"])
    assert fields(issues) == ["code"]
    assert "đã có trong danh mục" in issues[0].message


def test_a_code_in_use_with_other_capitals_is_refused_naming_the_one_in_use():
    [issue] = procedure_issues(replace(GOOD, code="xa-01"), ["XA-01"])
    assert issue.field == "code"
    assert issue.message.startswith("Mã thủ tục XA-01 đã có trong danh mục")
    assert "xa-01" in issue.message


def test_name_and_field_are_required():
    issues = procedure_issues(replace(GOOD, name=" ", field=""))
    assert fields(issues) == ["name", "field"]
    assert issues[0].message == "Nhập tên thủ tục."


def test_a_time_in_days_must_be_positive_and_believable():
    zero = replace(GOOD, time=ProcessingTime(0, TimeUnit.WORKING_DAYS))
    assert fields(procedure_issues(zero)) == ["time"]
    assert "Trong ngày" in procedure_issues(zero)[0].message
    huge = replace(GOOD, time=ProcessingTime(3650, TimeUnit.CALENDAR_DAYS))
    assert fields(procedure_issues(huge)) == ["time"]
    same_day = replace(GOOD, time=ProcessingTime(0, TimeUnit.SAME_DAY))
    assert procedure_issues(same_day) == []


def test_the_fee_cannot_be_negative():
    issues = procedure_issues(replace(GOOD, fee=-1))
    assert fields(issues) == ["fee"]
    assert "âm" in issues[0].message


def test_documents_need_unique_names_and_counts_that_make_sense():
    documents = (
        RequiredDocument("Tờ khai", originals=1),
        RequiredDocument(""),
        RequiredDocument("TO KHAI"),  # the same name, folded
        RequiredDocument("Sổ hộ khẩu", copies=-1),
        RequiredDocument("Ảnh", copies=100),
    )
    issues = procedure_issues(replace(GOOD, documents=documents))
    assert set(fields(issues)) == {"documents"}
    assert [i.message for i in issues] == [
        "Giấy tờ dòng 2: nhập tên giấy tờ, hoặc xoá dòng trống.",
        "Giấy tờ dòng 3: trùng tên với dòng 1.",
        "Giấy tờ dòng 4: số bản không được âm.",
        "Giấy tờ dòng 5: số bản tối đa là 99.",
    ]


def test_cleaning_makes_every_text_nfc_and_single_spaced():
    decomposed = unicodedata.normalize("NFD", "  Đăng   ký tạm trú ")
    messy = replace(GOOD, name=decomposed, unit=" Công an  xã ",
                    documents=(RequiredDocument(unicodedata.normalize("NFD", "Tờ khai ")),))
    tidy = cleaned(messy)
    assert tidy.name == "Đăng ký tạm trú" and tidy.unit == "Công an xã"
    assert tidy.documents[0].name == "Tờ khai"
    assert unicodedata.is_normalized("NFC", tidy.name)


def test_the_same_content_under_another_version_number_is_the_same():
    assert same_content(GOOD, replace(GOOD, version=7))
    assert not same_content(GOOD, replace(GOOD, fee=0))
