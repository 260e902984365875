import unicodedata
from dataclasses import replace
from datetime import date

import pytest

from desk_app.core.model import (
    Applicant,
    ApplicantType,
    DeliveryMethod,
    DocumentLine,
    DossierDraft,
    Procedure,
    ProcessingTime,
    RequiredDocument,
    ResultDelivery,
    Sex,
    TimeUnit,
)
from desk_app.core.validation import (
    NAME_MAX_LENGTH,
    Issue,
    Severity,
    email_error,
    normalise_phone,
    phone_error,
    validate_draft,
)

TODAY = date(2025, 8, 5)

PROCEDURE = Procedure(
    code="1.001193",
    name="Đăng ký khai sinh",
    field="Hộ tịch",
    time=ProcessingTime(0, TimeUnit.SAME_DAY),
    documents=(
        RequiredDocument("Tờ khai đăng ký khai sinh", originals=1),
        RequiredDocument("Giấy chứng sinh", originals=1),
        RequiredDocument("Văn bản ủy quyền", mandatory=False, certified=1),
    ),
)

APPLICANT = Applicant(
    name="Nguyễn Văn An",
    id_number="001090012345",
    birth_date=date(1990, 3, 15),
    sex=Sex.MALE,
    phone="0912345678",
    email="an@gmail.com",
    address="Số 12, thôn Đông, xã Tân Lập, tỉnh Phú Thọ",
)

DOCUMENTS = (
    DocumentLine("Tờ khai đăng ký khai sinh", mandatory=True, provided=True, originals=1),
    DocumentLine("Giấy chứng sinh", mandatory=True, provided=True, originals=1),
    DocumentLine("Văn bản ủy quyền"),
)

DRAFT = DossierDraft(
    procedure_code="1.001193",
    applicant=APPLICANT,
    request="Đăng ký khai sinh cho con",
    documents=DOCUMENTS,
)

POSTED = ResultDelivery(
    method=DeliveryMethod.POST,
    recipient="Trần Thị Bình",
    phone="0987 654 321",
    address="Số 5, thôn Tây, xã Tân Lập, tỉnh Phú Thọ",
)


def check(draft=DRAFT, procedure=PROCEDURE, today=TODAY) -> list[Issue]:
    return validate_draft(draft, procedure, today)


def with_applicant(**changes) -> DossierDraft:
    return replace(DRAFT, applicant=replace(APPLICANT, **changes))


def only(issues: list[Issue]) -> Issue:
    assert len(issues) == 1, issues
    return issues[0]


# --- phone_error / normalise_phone ---------------------------------------------------------


@pytest.mark.parametrize(
    ("phone", "stored"),
    [
        ("0912345678", "0912345678"),
        ("091 234 5678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("0912-345-678", "0912345678"),
        (" 0912 345 678 ", "0912345678"),
        ("+84912345678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("84912345678", "0912345678"),
        ("0387654321", "0387654321"),
        ("024 3825 1234", "02438251234"),  # Hà Nội landline, 11 digits since 2017
        ("(0210) 3846 123", "02103846123"),  # Phú Thọ landline
        ("+84 24 3825 1234", "02438251234"),
    ],
)
def test_valid_phones(phone, stored):
    assert phone_error(phone) is None
    assert normalise_phone(phone) == stored


@pytest.mark.parametrize(
    ("phone", "words"),
    [
        ("091234567", "10 chữ số"),  # too short
        ("09123456789", "10 chữ số"),  # too long, and not a landline
        ("912345678", "bắt đầu bằng 0"),  # leading 0 forgotten
        ("+8491234567", "+84"),  # +84 with 8 digits
        ("+849123456789", "+84"),  # +84 with 10 digits, not a landline
        ("0012345678", "bắt đầu bằng 0"),
        ("09l2345678", "chỉ gồm chữ số"),  # letter l for 1
        ("abc", "chỉ gồm chữ số"),
        ("0912 345 678 / 0987 654 321", "chỉ gồm chữ số"),  # two numbers in one field
        ("０９１２３４５６７８", "chỉ gồm chữ số"),  # full-width digits
    ],
)
def test_invalid_phones(phone, words):
    error = phone_error(phone)
    assert error is not None
    assert words in error


@pytest.mark.parametrize("phone", ["", "   "])
def test_empty_phone_is_not_a_format_error(phone):
    assert phone_error(phone) is None
    assert normalise_phone(phone) == ""


def test_normalise_leaves_an_invalid_phone_cleaned_only():
    assert normalise_phone("  09l2  345 678 ") == "09l2 345 678"


# --- email_error ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "email", ["", "  ", "an@gmail.com", " an.nguyen+hs@xa-tanlap.phutho.gov.vn ", "A@B.VN"]
)
def test_valid_emails(email):
    assert email_error(email) is None


@pytest.mark.parametrize(
    "email",
    [
        "an",
        "an@",
        "@gmail.com",
        "an@gmail",
        "an@@gmail.com",
        "an @gmail.com",
        "an@gmail..com",
        "an@.com",
    ],
)
def test_invalid_emails(email):
    error = email_error(email)
    assert error is not None
    assert "Email" in error


# --- validate_draft ------------------------------------------------------------------------


def test_a_complete_draft_has_no_issues():
    assert check() == []


def test_posted_result_with_everything_filled_has_no_issues():
    assert check(replace(DRAFT, delivery=POSTED)) == []


def test_procedure_is_required():
    issue = only([i for i in check(procedure=None) if i.field == "procedure"])
    assert issue.severity is Severity.ERROR
    assert "thủ tục" in issue.message


def test_without_a_procedure_only_the_draft_flags_count_for_documents():
    missing = replace(DRAFT, documents=(DocumentLine("Giấy chứng sinh", mandatory=True),))
    issues = check(missing, procedure=None)
    assert {i.field for i in issues} == {"procedure", "documents"}


@pytest.mark.parametrize(
    ("kind", "words"),
    [(ApplicantType.CITIZEN, "họ và tên"), (ApplicantType.BUSINESS, "tên tổ chức")],
)
@pytest.mark.parametrize("name", ["", "   "])
def test_name_is_required(kind, words, name):
    issue = only(check(with_applicant(name=name, type=kind)))
    assert issue == Issue("applicant.name", issue.message, Severity.ERROR)
    assert words in issue.message


# An organisation's name as long as the slips print on one line (tests/printing checks it).
LONGEST_NAME = "Công ty Cổ phần Đầu tư Xây dựng và Thương mại Hoàng Long"[:NAME_MAX_LENGTH]


def test_a_name_longer_than_a_slip_prints_is_refused_and_says_the_limit():
    assert check(with_applicant(name=LONGEST_NAME.ljust(NAME_MAX_LENGTH, "A"))) == []
    issue = only(check(with_applicant(name="Nguyễn " * 21)))  # 147 characters
    assert issue.field == "applicant.name" and issue.severity is Severity.ERROR
    assert issue.message.startswith("Tên dài 146 ký tự; phiếu in được tối đa 60 ký tự.")


def test_citizen_needs_an_id_number():
    issue = only(check(with_applicant(id_number="")))
    assert issue.field == "applicant.id_number"
    assert issue.severity is Severity.ERROR
    assert "CCCD" in issue.message


@pytest.mark.parametrize(
    "kind", [ApplicantType.BUSINESS, ApplicantType.AGENCY, ApplicantType.OTHER]
)
def test_organisation_may_leave_the_id_number_and_address_empty(kind):
    assert check(with_applicant(type=kind, id_number="", address="")) == []


@pytest.mark.parametrize("kind", [ApplicantType.CITIZEN, ApplicantType.BUSINESS])
@pytest.mark.parametrize(
    ("number", "words"),
    [("00109001234", "12 chữ số"), ("00109001234A", "chữ cái"), ("097090012345", "mã tỉnh")],
)
def test_a_given_id_number_must_be_valid(kind, number, words):
    issue = only(check(with_applicant(type=kind, id_number=number)))
    assert issue.field == "applicant.id_number"
    assert issue.severity is Severity.ERROR
    assert words in issue.message


def test_spaced_id_number_is_accepted():
    assert check(with_applicant(id_number="001 090 012345")) == []


@pytest.mark.parametrize(
    ("changes", "count"),
    [
        ({"sex": Sex.FEMALE}, 1),
        ({"birth_date": date(1991, 3, 15)}, 1),
        ({"birth_date": date(2005, 3, 15), "sex": Sex.FEMALE}, 2),
    ],
)
def test_id_number_contradictions_are_warnings(changes, count):
    issues = check(with_applicant(**changes))
    assert len(issues) == count
    assert all(i.field == "applicant.id_number" for i in issues)
    assert all(i.severity is Severity.WARNING for i in issues)


def test_no_contradiction_warning_for_a_malformed_number():
    issue = only(check(with_applicant(id_number="00119001234", sex=Sex.MALE)))
    assert issue.severity is Severity.ERROR


@pytest.mark.parametrize(
    ("birth", "words"),
    [(date(2025, 8, 6), "sau ngày hôm nay"), (date(1899, 12, 31), "1900")],
)
def test_impossible_birth_dates(birth, words):
    applicant = with_applicant(birth_date=birth, id_number="")
    issues = [i for i in check(applicant) if i.field == "applicant.birth_date"]
    issue = only(issues)
    assert issue.severity is Severity.ERROR
    assert words in issue.message


@pytest.mark.parametrize("birth", [None, TODAY, date(1900, 1, 1)])
def test_acceptable_birth_dates(birth):
    issues = check(with_applicant(birth_date=birth, id_number="", type=ApplicantType.BUSINESS))
    assert issues == []


@pytest.mark.parametrize("phone", ["", "  "])
def test_phone_is_required(phone):
    issue = only(check(with_applicant(phone=phone)))
    assert issue == Issue(
        "applicant.phone", "Nhập số điện thoại để báo khi có kết quả.", Severity.ERROR
    )


@pytest.mark.parametrize("phone", ["091234567", "09123456789", "abc"])
def test_phone_must_be_valid(phone):
    issue = only(check(with_applicant(phone=phone)))
    assert issue.field == "applicant.phone"
    assert issue.severity is Severity.ERROR
    assert issue.message == phone_error(phone)


@pytest.mark.parametrize("phone", ["+84 912 345 678", "84912345678", "024 3825 1234"])
def test_other_phone_forms_pass(phone):
    assert check(with_applicant(phone=phone)) == []


def test_email_is_optional():
    assert check(with_applicant(email="")) == []


def test_email_must_be_valid_if_given():
    issue = only(check(with_applicant(email="an@gmail")))
    assert issue.field == "applicant.email"
    assert issue.severity is Severity.ERROR


@pytest.mark.parametrize("address", ["", "   "])
def test_citizen_needs_an_address(address):
    issue = only(check(with_applicant(address=address)))
    assert issue.field == "applicant.address"
    assert issue.severity is Severity.ERROR


@pytest.mark.parametrize("sets", [0, -1])
def test_at_least_one_set(sets):
    issue = only(check(replace(DRAFT, sets=sets)))
    assert issue.field == "sets"
    assert issue.severity is Severity.ERROR


@pytest.mark.parametrize("sets", [1, 3])
def test_sets_accepted(sets):
    assert check(replace(DRAFT, sets=sets)) == []


def test_fee_cannot_be_negative():
    issue = only(check(replace(DRAFT, fee=-1000)))
    assert issue.field == "fee"
    assert issue.severity is Severity.ERROR


@pytest.mark.parametrize("fee", [0, 8000])
def test_fee_accepted(fee):
    assert check(replace(DRAFT, fee=fee)) == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"recipient": ""}, "delivery.recipient"),
        ({"recipient": "  "}, "delivery.recipient"),
        ({"phone": ""}, "delivery.phone"),
        ({"phone": "091234567"}, "delivery.phone"),
        ({"address": ""}, "delivery.address"),
    ],
)
def test_posted_result_needs_recipient_phone_and_address(changes, field):
    issue = only(check(replace(DRAFT, delivery=replace(POSTED, **changes))))
    assert issue.field == field
    assert issue.severity is Severity.ERROR


def test_posted_result_with_nothing_filled_gives_three_errors():
    draft = replace(DRAFT, delivery=ResultDelivery(method=DeliveryMethod.POST))
    fields = [i.field for i in check(draft)]
    assert fields == ["delivery.recipient", "delivery.phone", "delivery.address"]


def test_counter_delivery_needs_no_recipient():
    assert check(replace(DRAFT, delivery=ResultDelivery(method=DeliveryMethod.COUNTER))) == []


def test_missing_mandatory_documents_are_one_warning():
    documents = (
        DocumentLine("Tờ khai đăng ký khai sinh", mandatory=True, provided=False),
        DocumentLine("Văn bản ủy quyền", provided=True, certified=1),
    )
    issue = only(check(replace(DRAFT, documents=documents)))
    assert issue.field == "documents"
    assert issue.severity is Severity.WARNING
    assert issue.message == (
        "Thiếu giấy tờ bắt buộc: Tờ khai đăng ký khai sinh; Giấy chứng sinh. "
        "Có thể lưu và yêu cầu bổ sung sau."
    )


def test_no_document_lines_at_all_lists_every_mandatory_document():
    issue = only(check(replace(DRAFT, documents=())))
    assert "Tờ khai đăng ký khai sinh; Giấy chứng sinh." in issue.message
    assert "ủy quyền" not in issue.message


def test_optional_document_not_provided_is_fine():
    assert all(not line.provided for line in DOCUMENTS if not line.mandatory)
    assert check() == []


def test_document_names_match_across_normalisation_forms():
    documents = tuple(
        replace(line, name=" " + unicodedata.normalize("NFD", line.name) + " ")
        for line in DOCUMENTS
    )
    assert check(replace(DRAFT, documents=documents)) == []


def test_draft_line_marked_mandatory_counts_even_if_the_catalogue_changed():
    extra = DocumentLine("Giấy xác nhận cư trú", mandatory=True)
    issue = only(check(replace(DRAFT, documents=(*DOCUMENTS, extra))))
    assert "Giấy xác nhận cư trú" in issue.message
    assert issue.severity is Severity.WARNING


def test_provided_document_without_counts_is_a_warning():
    documents = (DOCUMENTS[0], replace(DOCUMENTS[1], originals=0))
    issue = only(check(replace(DRAFT, documents=documents)))
    assert issue.field == "documents"
    assert issue.severity is Severity.WARNING
    assert "chưa ghi số bản" in issue.message
    assert "Giấy chứng sinh" in issue.message


def test_negative_document_count_is_an_error():
    documents = (DOCUMENTS[0], replace(DOCUMENTS[1], copies=-1))
    issue = only(check(replace(DRAFT, documents=documents)))
    assert issue.field == "documents"
    assert issue.severity is Severity.ERROR


def test_issues_come_in_form_order_and_warnings_do_not_hide_errors():
    draft = DossierDraft(
        procedure_code="",
        applicant=Applicant(name="", id_number="001190012345", sex=Sex.MALE),
        sets=0,
        delivery=ResultDelivery(method=DeliveryMethod.POST),
        fee=-1,
    )
    issues = validate_draft(draft, None, TODAY)
    assert [(i.field, i.severity) for i in issues] == [
        ("procedure", Severity.ERROR),
        ("applicant.name", Severity.ERROR),
        ("applicant.id_number", Severity.WARNING),
        ("applicant.phone", Severity.ERROR),
        ("applicant.address", Severity.ERROR),
        ("sets", Severity.ERROR),
        ("delivery.recipient", Severity.ERROR),
        ("delivery.phone", Severity.ERROR),
        ("delivery.address", Severity.ERROR),
        ("fee", Severity.ERROR),
    ]


def test_messages_are_nfc():
    draft = DossierDraft(procedure_code="", applicant=Applicant(name=""), sets=0, fee=-1)
    for issue in validate_draft(draft, PROCEDURE, TODAY):
        assert unicodedata.is_normalized("NFC", issue.message)


def test_severity_values_are_stable():
    assert Severity.ERROR == "error"
    assert Severity.WARNING == "warning"
