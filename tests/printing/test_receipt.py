import subprocess
import unicodedata
from dataclasses import replace

import pytest
from pypdf import PdfReader

from desk_app.core.model import Applicant, DocumentLine
from desk_app.core.validation import NAME_MAX_LENGTH
from desk_app.printing import document
from desk_app.printing.receipt import render_receipt
from tests.printing.pdf_checks import A5, assert_pages, decoded_qr, needs_qr_tools, page_texts
from tests.printing.samples import (
    ADDRESS,
    APPLICANT_NAME,
    CLERK,
    CODE,
    OFFICE,
    decomposed,
    sample_dossier,
    without_fee,
)

COPY_1 = "Liên 1: Lưu"
COPY_2 = "Liên 2: Giao người nộp hồ sơ"


@pytest.fixture
def receipt_pdf(tmp_path):
    return render_receipt(sample_dossier(), OFFICE, tmp_path / "receipt.pdf")


def test_two_copies_each_on_its_own_page(receipt_pdf):
    first, second = page_texts(receipt_pdf)
    assert COPY_1 in first and COPY_2 not in first
    assert COPY_2 in second and COPY_1 not in second


@pytest.mark.parametrize("page", [0, 1])
def test_each_copy_carries_the_whole_slip(receipt_pdf, page):
    text = page_texts(receipt_pdf)[page]
    expected = [
        "Mẫu số 01",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN XÃ TÂN LẬP",
        "Tân Lập, ngày 05 tháng 08 năm 2025",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        f"Mã hồ sơ: {CODE}",
        "Trung tâm Phục vụ hành chính công xã Tân Lập tiếp nhận hồ sơ của:",
        f"Ông/Bà: {APPLICANT_NAME}",
        "Số CCCD: 025190012345",
        "Số điện thoại: 0987 654 321",
        f"Địa chỉ: {ADDRESS}",
        "Email: anhtuyet@example.vn",
        "Nội dung yêu cầu giải quyết: Đăng ký thường trú cho con tại nhà ông ngoại",
        "Thủ tục: 1.004222 – Đăng ký thường trú",
        "Tờ khai đăng ký thường trú (Mẫu CT01)",
        "Căn cước công dân của chủ hộ",
        "Sổ tạm trú & giấy xác nhận <cũ>",
        "Số lượng hồ sơ: 01 bộ",
        "Thời gian giải quyết hồ sơ theo quy định: 07 ngày làm việc",
        "Thời gian nhận hồ sơ: 09 giờ 41 phút, ngày 05 tháng 08 năm 2025",
        "Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 41 phút, ngày 14 tháng 08 năm 2025",
        "Nhận kết quả tại: Trung tâm Phục vụ hành chính công xã Tân Lập",
        "Phí, lệ phí đã thu: 20.000 đồng",
        "Vào Sổ theo dõi hồ sơ, Quyển số: 2025, Số thứ tự: 1234",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "(Ký và ghi rõ họ tên)",
        CLERK,
    ]
    assert [item for item in expected if item not in text] == []
    # Handed-in documents only: the marriage certificate was listed but not provided.
    assert "Giấy chứng nhận kết hôn" not in text


def test_postal_delivery(tmp_path):
    path = render_receipt(sample_dossier(post=True), OFFICE, tmp_path / "post.pdf")
    text = page_texts(path)[1]
    assert (
        "Nhận kết quả qua dịch vụ bưu chính công ích: Trần Văn Hữu, 0912 345 678, "
        "Số 5, ngõ 3, phố Chợ, phường Âu Cơ, tỉnh Phú Thọ"
    ) in text
    assert "Nhận kết quả tại" not in text


def test_no_fee_line_when_nothing_was_collected(tmp_path):
    path = render_receipt(without_fee(sample_dossier()), OFFICE, tmp_path / "free.pdf")
    assert all("Phí, lệ phí" not in text for text in page_texts(path))


def test_empty_contact_fields_are_left_out(tmp_path):
    dossier = sample_dossier()
    bare = replace(dossier.applicant, email="", phone="", id_number="")
    dossier = replace(dossier, draft=replace(dossier.draft, applicant=bare))
    text = page_texts(render_receipt(dossier, OFFICE, tmp_path / "bare.pdf"))[0]
    assert "Email" not in text and "Số điện thoại" not in text and "Số CCCD" not in text


def test_decomposed_name_prints_composed(tmp_path):
    dossier = sample_dossier(name=decomposed("Đặng Thị Ngọc Ánh"))
    assert dossier.applicant.name != "Đặng Thị Ngọc Ánh"
    text = page_texts(render_receipt(dossier, OFFICE, tmp_path / "nfd.pdf"))[0]
    assert "Ông/Bà: Đặng Thị Ngọc Ánh" in text
    assert not any(unicodedata.combining(ch) for ch in text)


def test_no_documents_says_so(tmp_path):
    dossier = sample_dossier(documents=0)
    text = page_texts(render_receipt(dossier, OFFICE, tmp_path / "none.pdf"))[0]
    assert "(Không có giấy tờ kèm theo)" in text


def test_fonts_are_embedded_and_page_is_a5(receipt_pdf):
    assert_pages(receipt_pdf, A5)


def test_pdf_metadata(receipt_pdf):
    meta = PdfReader(receipt_pdf).metadata
    assert meta.title == f"GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ – {CODE}"
    assert meta.author == OFFICE.unit_name
    assert meta.creator == "desk-app"


def test_six_long_documents_and_long_addresses_still_fit_one_page_per_copy(tmp_path):
    dossier = sample_dossier(post=True)
    documents = tuple(
        DocumentLine(
            "Bản sao giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác "
            f"gắn liền với đất số {n}",
            provided=True,
            certified=1,
        )
        for n in range(1, 7)
    )
    applicant = replace(
        dossier.applicant,
        address="Số nhà 125, ngõ 48, đường Nguyễn Tất Thành, tổ dân phố Đồng Tâm, xã Tân Lập, "
        "tỉnh Phú Thọ",
    )
    request = (
        "Đăng ký thường trú cho con mới sinh tại nhà ông bà ngoại theo hộ khẩu của ông "
        "Nguyễn Văn Bình, chủ hộ"
    )
    draft = replace(dossier.draft, documents=documents, applicant=applicant, request=request)
    path = render_receipt(replace(dossier, draft=draft), OFFICE, tmp_path / "crowded.pdf")
    first, second = page_texts(path)
    assert COPY_1 in first and "gắn liền với đất số 6" in first and CLERK in first
    assert COPY_2 in second


def test_signatures_never_go_alone_to_a_new_page(tmp_path):
    path = render_receipt(sample_dossier(documents=9), OFFICE, tmp_path / "nine.pdf")
    texts = page_texts(path)
    assert len(texts) == 4
    assert "Vào Sổ theo dõi hồ sơ" in texts[1] and "NGƯỜI NỘP HỒ SƠ" in texts[1]


def test_long_list_flows_on_but_each_copy_starts_a_fresh_page(tmp_path):
    path = render_receipt(sample_dossier(documents=32), OFFICE, tmp_path / "long.pdf")
    texts = page_texts(path)
    assert len(texts) == 4
    copy_1_start, copy_1_more, copy_2_start, copy_2_more = texts
    assert COPY_1 in copy_1_start and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in copy_1_start
    assert COPY_2 in copy_2_start and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in copy_2_start
    for later, label in ((copy_1_more, COPY_1), (copy_2_more, COPY_2)):
        assert f"Mã hồ sơ: {CODE} – {label} (tiếp theo)" in later
        assert "Tên giấy tờ" in later  # the table header repeats
        assert "Giấy tờ kèm theo số 32" in later
        assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in later


def test_failed_render_keeps_the_previous_record(tmp_path, monkeypatch):
    target = render_receipt(sample_dossier(), OFFICE, tmp_path / "receipt.pdf")
    before = target.read_bytes()

    def crash(stream, *args):
        stream.write(b"%PDF-1.4 half written")
        raise RuntimeError("power cut")

    monkeypatch.setattr(document, "_build", crash)
    with pytest.raises(RuntimeError):
        render_receipt(sample_dossier(post=True), OFFICE, target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["receipt.pdf"]


def test_markup_characters_in_names_do_not_break_the_render(tmp_path):
    dossier = sample_dossier(name="Công ty <TNHH> Hùng & Cường")
    dossier = replace(
        dossier, draft=replace(dossier.draft, applicant=Applicant(dossier.applicant.name))
    )
    text = page_texts(render_receipt(dossier, OFFICE, tmp_path / "amp.pdf"))[0]
    assert "Ông/Bà: Công ty <TNHH> Hùng & Cường" in text


@needs_qr_tools
def test_qr_code_decodes_to_the_dossier_code(receipt_pdf, tmp_path):
    assert decoded_qr(receipt_pdf, tmp_path, page=2) == CODE


def test_the_longest_name_allowed_prints_on_one_line_of_the_receipt(tmp_path):
    """core.validation.NAME_MAX_LENGTH is what the receipt's "Ông/Bà:" line holds (issue 14,
    item 11): capitals are the widest letters a mixed-case name has, the first of each word."""
    words = ("Công Ty Cổ Phần Đầu Tư Xây Dựng Và Thương Mại Hoàng Long Phú Thọ Việt Nam "
             * 2).split()
    name = ""
    while len(name) + 1 + len(words[0]) <= NAME_MAX_LENGTH:
        name = f"{name} {words.pop(0)}".strip()
    name = name.ljust(NAME_MAX_LENGTH, "Ư")
    pdf = render_receipt(sample_dossier(name=name), OFFICE, tmp_path / "receipt.pdf")
    lines = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"],
                           check=True, capture_output=True, text=True).stdout.splitlines()
    assert any(line.strip() == f"Ông/Bà: {name}" for line in lines), name
