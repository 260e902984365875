import json

import pytest

from desk_app.printing import PrintingError, forms


def test_every_official_form_has_a_number_title_and_regulation():
    for key in forms.OFFICIAL_FORM_KEYS:
        info = forms.form_info(key)
        assert info.key == key
        assert info.number.startswith("Mẫu số ")
        assert info.title == info.title.upper()
        assert "Thông tư" in info.regulation


def test_own_documents_have_a_title_and_no_official_number():
    for key in forms.OWN_DOCUMENT_KEYS:
        info = forms.form_info(key)
        assert info.title and info.title == info.title.upper()
        assert info.number == info.regulation == ""


def test_receipt_is_form_01_of_circular_01_2018():
    info = forms.form_info("receipt")
    assert info.number == "Mẫu số 01"
    assert info.title == "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
    assert info.regulation == "Ban hành kèm theo Thông tư số 01/2018/TT-VPCP"


def test_unknown_form_is_a_printing_error():
    with pytest.raises(PrintingError, match="không có mẫu «stop»"):
        forms.form_info("stop")


def test_titles_come_from_the_file(tmp_path, monkeypatch):
    renumbered = {
        "receipt": {"number": "Mẫu số 1", "title": "GIẤY TIẾP NHẬN", "regulation": "TT 03/2025"}
    }
    path = tmp_path / "forms.json"
    path.write_text(json.dumps(renumbered, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(forms, "forms_file", lambda: path)
    assert forms.form_info("receipt").number == "Mẫu số 1"


@pytest.mark.parametrize("content", ["{not json", '{"receipt": {"number": "x"}}', "[]"])
def test_malformed_file_is_a_printing_error(tmp_path, content):
    path = tmp_path / "forms.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PrintingError, match="forms.json"):
        forms.load_forms(path)


def test_a_title_breaks_where_the_file_says():
    info = forms.form_info("refusal")
    assert info.title == "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"
    assert info.title_lines == ("PHIẾU TỪ CHỐI TIẾP NHẬN", "GIẢI QUYẾT HỒ SƠ")
