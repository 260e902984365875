import subprocess
from datetime import datetime

import pytest

from desk_app.core.clock import VN_TZ
from desk_app.core.lifecycle import StopNotice
from desk_app.printing.stop_notice import render_stop_notice
from tests.printing.pdf_checks import A5, assert_pages
from tests.printing.samples import APPLICANT_NAME, CLERK, CODE, OFFICE, sample_dossier

STOP = StopNotice(
    reason="Công dân đã chuyển nơi cư trú, không còn nhu cầu đăng ký tại xã.",
    requester=APPLICANT_NAME,
    at=datetime(2025, 10, 6, 9, 15, tzinfo=VN_TZ),
)


def pdftotext(path):
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return " ".join(out.split())


@pytest.fixture
def stop_pdf(tmp_path):
    return render_stop_notice(sample_dossier(), STOP, OFFICE, CLERK, tmp_path / "s.pdf")


def test_form_05_on_one_a5_page(stop_pdf):
    text = pdftotext(stop_pdf)
    expected = [
        "Mẫu số 05",
        "Ban hành kèm theo Thông tư số 03/2025/TT-VPCP",
        "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
        f"Mã hồ sơ: {CODE}",
        f"Kính gửi ông/bà: {APPLICANT_NAME}",
        "Tân Lập, ngày 06 tháng 10 năm 2025",
        f"Ngày 06/10/2025, {OFFICE.unit_name} nhận được đề nghị dừng giải quyết hồ sơ",
        f"Lý do đề nghị dừng: {STOP.reason}",
        "09 giờ 15 phút, ngày 06 tháng 10 năm 2025",
        "THỦ TRƯỞNG CƠ QUAN",
        CLERK,
    ]
    assert [item for item in expected if item not in text] == []
    assert_pages(stop_pdf, A5)
