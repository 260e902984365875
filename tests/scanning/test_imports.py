"""Files to pages: each kind the counter meets, and each bad one with its Vietnamese reason."""

from __future__ import annotations

import io

import pikepdf
import pytest
from PIL import Image

from desk_app.scanning.imports import import_file
from desk_app.scanning.pdfa import PdfMeta, assemble
from desk_app.scanning.scanner import ScanError
from tests.scanning.pictures import META, encoded, paper


def opened(page) -> Image.Image:
    return Image.open(io.BytesIO(page.data))


def test_a_jpeg_is_kept_byte_for_byte(tmp_path):
    data = encoded(paper("RGB"), "JPEG", quality=85, dpi=(300, 300))
    (tmp_path / "photo.JPG").write_bytes(data)
    [page] = import_file(tmp_path / "photo.JPG")
    assert (page.data, page.mode, page.dpi) == (data, "color", 300)


def test_a_phone_photo_gets_an_a4_resolution_and_is_turned_upright(tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6  # taken sideways: to be turned 90° clockwise
    data = encoded(paper("L", (2000, 1500)), "JPEG", dpi=(72, 72), exif=exif)
    (tmp_path / "phone.jpg").write_bytes(data)
    [page] = import_file(tmp_path / "phone.jpg")
    assert page.mode == "gray"
    assert opened(page).size == (1500, 2000)  # upright
    assert page.dpi == round(2000 / (297 / 25.4))  # 2000 px over A4's length, not 72 dpi


def test_a_png_with_transparency_is_a_page_on_white(tmp_path):
    image = paper("RGB").convert("RGBA")
    image.putalpha(0)  # fully transparent: the paper must come out white, not black
    (tmp_path / "scan.png").write_bytes(encoded(image, "PNG", dpi=(200, 200)))
    [page] = import_file(tmp_path / "scan.png")
    assert page.mode == "color" and page.dpi == 200
    assert opened(page).convert("L").getextrema()[0] > 240


def test_a_multipage_black_and_white_tiff_is_one_g4_page_per_sheet(tmp_path):
    sheets = [paper("1"), paper("1"), paper("1")]
    sheets[0].save(tmp_path / "fax.tif", save_all=True, append_images=sheets[1:],
                   compression="group4", dpi=(200, 200))
    pages = import_file(tmp_path / "fax.tif")
    assert [page.mode for page in pages] == ["bw"] * 3
    assert opened(pages[0]).info["compression"] == "group4"


def test_a_pdf_gives_its_pages_rendered_at_200_dpi(tmp_path):
    from desk_app.scanning.pages import page_from_image

    source = assemble([page_from_image(paper("L"), 100, "gray"),
                       page_from_image(paper("RGB"), 100, "color")], META)
    (tmp_path / "citizen.pdf").write_bytes(source)
    pages = import_file(tmp_path / "citizen.pdf")
    assert [(page.mode, page.dpi) for page in pages] == [("gray", 200), ("color", 200)]
    assert opened(pages[0]).size == pytest.approx((800, 1120), abs=1)  # 4 × 5.6 in at 200 dpi


def write_password_pdf(path) -> None:
    from desk_app.scanning.pages import page_from_image

    with pikepdf.open(io.BytesIO(assemble([page_from_image(paper("L"), 100, "gray")],
                                          PdfMeta("x", "y", "z", META.created_at)))) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(owner="chu", user="mat-khau"))


@pytest.mark.parametrize(("name", "write", "kind", "words"), [
    ("empty.jpg", lambda p: p.write_bytes(b""), "empty_file", "Tệp rỗng (0 byte)"),
    ("empty.pdf", lambda p: p.write_bytes(b""), "empty_file", "Tệp rỗng (0 byte)"),
    ("broken.jpg", lambda p: p.write_bytes(encoded(paper(), "JPEG")[:300]), "unreadable",
     "Tệp bị hỏng"),
    ("broken.png", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 50), "unreadable",
     "Tệp bị hỏng"),
    ("broken.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj garbage"), "unreadable",
     "Tệp bị hỏng"),
    ("text.png", lambda p: p.write_text("not a picture"), "unreadable", "Tệp bị hỏng"),
    ("locked.pdf", write_password_pdf, "password", "có mật khẩu"),
    ("letter.docx", lambda p: p.write_bytes(b"PK\3\4"), "unsupported", "JPEG, PNG, TIFF hoặc PDF"),
])
def test_a_bad_file_says_why_in_vietnamese(tmp_path, name, write, kind, words):
    path = tmp_path / name
    write(path)
    with pytest.raises(ScanError) as raised:
        import_file(path)
    assert raised.value.kind == kind
    assert words in raised.value.message


def test_a_missing_file_is_unreadable(tmp_path):
    with pytest.raises(ScanError) as raised:
        import_file(tmp_path / "gone.jpg")
    assert raised.value.kind == "unreadable"
