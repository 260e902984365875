import json
from datetime import date

import pytest

from desk_app.printing import PrintingError, forms

BEFORE = date(2024, 3, 1)  # under Circular 01/2018
AFTER = date(2026, 12, 4)  # under Circular 03/2025
CHANGEOVER = date(2025, 9, 15)


@pytest.mark.parametrize("day", [BEFORE, AFTER])
def test_every_official_form_has_a_number_title_and_regulation(day):
    for key in forms.OFFICIAL_FORM_KEYS:
        info = forms.form_info(key, day)
        assert info.key == key
        assert info.number.startswith("Mẫu số ")
        assert info.title == info.title.upper()
        assert "Thông tư" in info.regulation


def test_own_documents_have_a_title_and_no_official_number():
    for key in forms.OWN_DOCUMENT_KEYS:
        for day in (BEFORE, AFTER):
            info = forms.form_info(key, day)
            assert info.title and info.title == info.title.upper()
            assert info.number == info.regulation == ""


def test_receipt_is_form_01_of_circular_01_2018_before_the_changeover():
    info = forms.form_info("receipt", date(2025, 9, 14))
    assert info.number == "Mẫu số 01"
    assert info.title == "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
    assert info.regulation == "Ban hành kèm theo Thông tư số 01/2018/TT-VPCP"
    assert info.set_name == "2018"


def test_receipt_is_form_01_of_circular_03_2025_from_the_changeover():
    info = forms.form_info("receipt", CHANGEOVER)
    assert info.number == "Mẫu số 01"
    assert info.regulation == "Ban hành kèm theo Thông tư số 03/2025/TT-VPCP"
    assert info.set_name == "2025"


def test_the_stop_notice_is_form_05_of_the_2025_set_only():
    info = forms.form_info("stop_notice", AFTER)
    assert info.number == "Mẫu số 05"
    assert info.title == "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"
    assert info.regulation == "Ban hành kèm theo Thông tư số 03/2025/TT-VPCP"
    with pytest.raises(PrintingError, match="không có mẫu «stop_notice» áp dụng ngày 01/03/2024"):
        forms.form_info("stop_notice", BEFORE)


def test_unknown_form_is_a_printing_error():
    with pytest.raises(PrintingError, match="không có mẫu «stop»"):
        forms.form_info("stop", AFTER)


def test_titles_come_from_the_file(tmp_path, monkeypatch):
    renumbered = {
        "sets": [
            {
                "name": "2030",
                "effective_from": None,
                "regulation": "TT 09/2030",
                "forms": {"receipt": {"number": "Mẫu số 1", "title": "GIẤY TIẾP NHẬN"}},
            }
        ]
    }
    path = tmp_path / "forms.json"
    path.write_text(json.dumps(renumbered, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(forms, "forms_file", lambda: path)
    info = forms.form_info("receipt", AFTER)
    assert (info.number, info.regulation) == ("Mẫu số 1", "TT 09/2030")


@pytest.mark.parametrize(
    "content",
    ["{not json", '{"sets": [{"name": "x"}]}', "[]", '{"sets": []}',
     '{"sets": [{"name": "a", "effective_from": "soon", "regulation": "", "forms": {}}]}'],
)
def test_malformed_file_is_a_printing_error(tmp_path, content):
    path = tmp_path / "forms.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PrintingError, match="forms.json"):
        forms.load_forms(path)


def test_a_title_breaks_where_the_file_says():
    info = forms.form_info("refusal", AFTER)
    assert info.title == "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"
    assert info.title_lines == ("PHIẾU TỪ CHỐI TIẾP NHẬN", "GIẢI QUYẾT HỒ SƠ")


def test_the_shipped_file_names_its_sources():
    raw = json.loads(forms.forms_file().read_text(encoding="utf-8"))
    sources = " ".join(" ".join(s["sources"]) for s in raw["sets"])
    for document in ("01/2018/TT-VPCP", "118/2025/NĐ-CP", "03/2025/TT-VPCP"):
        assert document in sources
