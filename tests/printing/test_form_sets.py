"""Each official slip names the form it is printed on, chosen by the day of the event it records:
before the changeover Circular 01/2018's numbering, from it Circular 03/2025's. Read back with
pdftotext, as a person reading the paper would."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desk_app.core.clock import VN_TZ
from desk_app.printing.apology import render_apology
from desk_app.printing.control import render_control_slip
from desk_app.printing.ledger import render_ledger
from desk_app.printing.receipt import render_receipt
from desk_app.printing.refusal import render_refusal
from desk_app.printing.supplement import render_supplement
from tests.printing import samples

# The samples are dated August 2025, before the 2025 set (15 September 2025).
SHIFT = timedelta(days=490)  # to 8 December 2026
CIRCULAR_2018 = "Ban hành kèm theo Thông tư số 01/2018/TT-VPCP"
CIRCULAR_2025 = "Ban hành kèm theo Thông tư số 03/2025/TT-VPCP"


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                         text=True).stdout
    return " ".join(out.split())


def _dossier(after: bool):
    dossier = samples.sample_dossier()
    if not after:
        return dossier
    return replace(dossier, received_at=dossier.received_at + SHIFT,
                   due_at=dossier.due_at + SHIFT)


def _rows(after: bool):
    rows = samples.control_rows(2)
    return [replace(row, at=row.at + SHIFT) for row in rows] if after else rows


def _ledger(after: bool, out: Path) -> Path:
    start, end = samples.LEDGER_FROM, samples.LEDGER_TO
    lines = samples.ledger_lines(3)
    if after:
        start, end = start + SHIFT, end + SHIFT
        lines = [replace(line, received_at=line.received_at + SHIFT,
                         due_at=line.due_at + SHIFT) for line in lines]
    return render_ledger(lines, samples.OFFICE, start, end, out)


def _render(kind: str, after: bool, out: Path) -> Path:
    dossier, office, clerk = _dossier(after), samples.OFFICE, samples.CLERK
    move = SHIFT if after else timedelta(0)
    if kind == "receipt":
        return render_receipt(dossier, office, out)
    if kind == "supplement":
        request = replace(samples.SUPPLEMENT, requested_at=samples.SUPPLEMENT.requested_at + move)
        return render_supplement(dossier, request, office, clerk, out)
    if kind == "refusal":
        return render_refusal(dossier, replace(samples.REFUSAL, at=samples.REFUSAL.at + move),
                              office, clerk, out)
    if kind == "apology":
        apology = replace(samples.APOLOGY, at=samples.APOLOGY.at + move,
                          old_due_at=samples.APOLOGY.old_due_at + move,
                          new_due_at=samples.APOLOGY.new_due_at + move)
        return render_apology(dossier, apology, office, clerk, out)
    if kind == "control":
        return render_control_slip(dossier, _rows(after), office, out)
    return _ledger(after, out)


FORMS = [
    # kind, 2018 number, 2025 number, 2025 title as printed
    ("receipt", "01", "01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
    ("supplement", "02", "02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"),
    ("refusal", "03", "03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"),
    ("apology", "04", "04", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"),
    ("control", "05", "06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"),
    ("ledger", "06", "07", "SỔ THEO DÕI HỒ SƠ"),
]


@pytest.mark.parametrize(("kind", "old", "new", "title"), FORMS)
def test_before_the_changeover_the_2018_form_is_printed(tmp_path, kind, old, new, title):
    text = pdf_text(_render(kind, False, tmp_path / f"{kind}.pdf"))
    assert f"Mẫu số {old} ({CIRCULAR_2018})" in text
    assert "03/2025" not in text


@pytest.mark.parametrize(("kind", "old", "new", "title"), FORMS)
def test_after_the_changeover_the_2025_form_is_printed(tmp_path, kind, old, new, title):
    text = pdf_text(_render(kind, True, tmp_path / f"{kind}.pdf"))
    assert f"Mẫu số {new} ({CIRCULAR_2025})" in text
    assert title in text
    assert "01/2018" not in text


def test_a_receipt_reissued_after_the_changeover_takes_the_day_it_is_given(tmp_path):
    # A dossier received before the changeover, re-issued on the applicant's return after it.
    text = pdf_text(render_receipt(_dossier(False), samples.OFFICE, tmp_path / "r.pdf",
                                   on=datetime(2025, 9, 20, tzinfo=VN_TZ).date()))
    assert CIRCULAR_2025 in text
