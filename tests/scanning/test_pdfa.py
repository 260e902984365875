"""Each assembled file is PDF/A-2b in its metadata, passes qpdf --check, and holds the pages'
own bytes: JPEG as is, black-and-white as CCITT G4."""

from __future__ import annotations

import io
import subprocess

import img2pdf
import pikepdf
import pikepdf.pdfa
import pytest
from PIL import Image, ImageCms

from desk_app.scanning.pages import Page, page_from_image
from desk_app.scanning.pdfa import assemble, check
from tests.scanning.pictures import META, encoded, paper


@pytest.fixture
def pages():
    bw = page_from_image(paper("1"), 200, "bw")
    gray = Page(encoded(paper("L"), "JPEG", quality=80, dpi=(200, 200)), 200, "gray", rotation=90)
    color = Page(encoded(paper("RGB"), "JPEG", quality=80), 300, "color", sticky_note=True)
    return [bw, gray, color]


@pytest.fixture
def pdf_path(tmp_path, pages):
    path = tmp_path / "doc.pdf"
    path.write_bytes(assemble(pages, META))
    return path


def test_the_file_says_it_is_pdfa_2b_with_the_dossiers_metadata(pdf_path):
    with pikepdf.open(pdf_path) as pdf:
        xmp = pdf.open_metadata()
        assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"]) == ("2", "B")
        assert xmp["dc:title"] == "Giấy khai sinh (bản sao)"
        assert xmp["dc:creator"] == ["Nguyễn Thị Ánh Tuyết"]
        assert xmp["dc:identifier"] == "000.00.23.H56-261204-0001"
        assert xmp["xmp:CreateDate"] == "2026-12-04T09:30:00+07:00"
        assert xmp["pdf:Keywords"] == "000.00.23.H56-261204-0001; 3 trang; 200 dpi"
        assert "3 trang; 200 dpi" in xmp["dc:description"]
        # The document information agrees with the XMP, as PDF/A requires.
        assert str(pdf.docinfo.Title) == "Giấy khai sinh (bản sao)"
        assert str(pdf.docinfo.Author) == "Nguyễn Thị Ánh Tuyết"
        assert "/Filter" not in pdf.Root.Metadata.stream_dict  # PDF/A: XMP left readable


def test_pikepdfs_pdfa_validator_passes_the_file(pdf_path):
    # pikepdf.pdfa approves only what it knows conforms (an allowlist of ISO 19005-2).
    with pikepdf.open(pdf_path) as pdf:
        report = pikepdf.pdfa.check(pdf, "2b")
    assert report.findings == [] and report.passed, report.findings


def test_the_output_intent_is_srgb(pdf_path):
    with pikepdf.open(pdf_path) as pdf:
        [intent] = pdf.Root.OutputIntents
        assert intent.S == pikepdf.Name.GTS_PDFA1
        assert intent.DestOutputProfile.N == 3
        profile = ImageCms.ImageCmsProfile(io.BytesIO(intent.DestOutputProfile.read_bytes()))
        assert ImageCms.getProfileInfo(profile).strip().startswith("sRGB")


def test_qpdf_finds_nothing_wrong(pdf_path):
    done = subprocess.run(["qpdf", "--check", str(pdf_path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No syntax or stream encoding errors found" in done.stdout


def test_pages_keep_their_bytes_order_size_and_rotation(pdf_path, pages):
    with pikepdf.open(pdf_path) as pdf:
        assert len(pdf.pages) == 3
        images = [next(iter(page.get_images().values())) for page in pdf.pages]
        # Black-and-white: CCITT G4 (K < 0), not re-encoded to something larger.
        assert list(images[0].Filter) == [pikepdf.Name.CCITTFaxDecode]
        assert images[0].DecodeParms[0].K == -1
        # JPEG pages: the very bytes that were captured.
        assert images[1].read_raw_bytes() == pages[1].data
        assert images[2].read_raw_bytes() == pages[2].data
        # Each page's size from its own pixels and dpi (400 × 560 px).
        assert [float(v) for v in pdf.pages[0].MediaBox] == pytest.approx([0, 0, 144, 201.6])
        assert [float(v) for v in pdf.pages[2].MediaBox] == pytest.approx([0, 0, 96, 134.4])
        assert pdf.pages[1].Rotate == 90
        assert "/Rotate" not in pdf.pages[0]


def test_the_pdf_renders_its_text(pdf_path, tmp_path):
    # pdftoppm draws the bw page: the text rows come out dark on white.
    subprocess.run(["pdftoppm", "-r", "100", "-f", "1", "-l", "1", "-gray", "-png",
                    str(pdf_path), str(tmp_path / "p")], check=True)
    [png] = tmp_path.glob("p*.png")
    image = Image.open(png).convert("L")
    dark = sum(count for count, value in image.getcolors(256) if value < 128)
    assert 0.005 < dark / (image.width * image.height) < 0.5


def test_the_same_pages_and_metadata_give_the_same_file(pages):
    assert assemble(pages, META) == assemble(pages, META)


def test_a_document_needs_a_page():
    with pytest.raises(ValueError):
        assemble([], META)


def test_check_counts_the_pages_of_a_pdfa_file_and_refuses_others(pdf_path, pages):
    assert check(pdf_path.read_bytes()) == 3
    plain = img2pdf.convert([pages[1].data])  # the same page, not made PDF/A
    with pytest.raises(ValueError, match="PDF/A-2b"):
        check(plain)
    with pikepdf.open(pdf_path) as pdf:
        del pdf.Root.OutputIntents
        stripped = io.BytesIO()
        pdf.save(stripped)
    with pytest.raises(ValueError, match="output intent"):
        check(stripped.getvalue())
    with pytest.raises(ValueError, match="hỏng"):
        check(b"%PDF-1.7 garbage")
