import shutil

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desk_app.printing import PrintingError, fonts

# One of each Vietnamese vowel with each tone mark, đ/Đ, and the horned and breved letters.
VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
SAMPLE = VIETNAMESE + VIETNAMESE.upper() + "–“”…"


@pytest.mark.parametrize("file_name", sorted(fonts.FONT_FILES.values()))
def test_bundled_font_covers_vietnamese(file_name):
    face = TTFont("coverage-check", str(fonts.fonts_dir() / file_name)).face
    missing = [ch for ch in SAMPLE if ord(ch) not in face.charToGlyph]
    assert missing == []


def test_licence_ships_with_the_fonts():
    licence = (fonts.fonts_dir() / "LICENSE-LiberationSerif.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Reserved Font Name Liberation" in licence


def test_register_is_idempotent_and_maps_the_family():
    fonts.register_fonts()
    fonts.register_fonts()
    registered = pdfmetrics.getRegisteredFontNames()
    for name in fonts.FONT_FILES:
        assert name in registered
    from reportlab.lib.fonts import tt2ps

    assert tt2ps(fonts.REGULAR, 1, 0) == fonts.BOLD
    assert tt2ps(fonts.REGULAR, 0, 1) == fonts.ITALIC
    assert tt2ps(fonts.REGULAR, 1, 1) == fonts.BOLD_ITALIC


def _font_folder(tmp_path, monkeypatch):
    for file_name in fonts.FONT_FILES.values():
        shutil.copy(fonts.fonts_dir() / file_name, tmp_path / file_name)
    monkeypatch.setattr(fonts, "fonts_dir", lambda: tmp_path)
    return tmp_path


def test_missing_font_file_is_named_in_vietnamese(tmp_path, monkeypatch):
    folder = _font_folder(tmp_path, monkeypatch)
    (folder / "LiberationSerif-Bold.ttf").unlink()
    with pytest.raises(fonts.FontMissingError) as raised:
        fonts.register_fonts()
    assert isinstance(raised.value, PrintingError)
    assert "LiberationSerif-Bold.ttf" in str(raised.value)
    assert "phông chữ" in str(raised.value)
    assert raised.value.path == folder / "LiberationSerif-Bold.ttf"


def test_unreadable_font_file_is_reported(tmp_path, monkeypatch):
    folder = _font_folder(tmp_path, monkeypatch)
    (folder / "LiberationSerif-Italic.ttf").write_bytes(b"not a font at all")
    with pytest.raises(fonts.FontMissingError, match="LiberationSerif-Italic.ttf"):
        fonts.register_fonts()


def test_a_good_folder_registers_after_a_failed_one(tmp_path, monkeypatch):
    folder = _font_folder(tmp_path, monkeypatch)
    (folder / "LiberationSerif-Regular.ttf").unlink()
    with pytest.raises(fonts.FontMissingError):
        fonts.register_fonts()
    monkeypatch.undo()
    fonts.register_fonts()
