"""Reading rendered PDFs back in the printing tests."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

A5 = (419.53, 595.28)
A4_PORTRAIT = (595.28, 841.89)
A4_LANDSCAPE = (841.89, 595.28)

needs_qr_tools = pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")),
    reason="needs pdftoppm (poppler-utils) and zbarimg (zbar-tools)",
)


def page_texts(path: Path) -> list[str]:
    """Each page's text with runs of whitespace made one space, since lines wrap where they fit."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def squeezed(text: str) -> str:
    """Without any whitespace: for values a narrow table cell breaks over lines."""
    return "".join(text.split())


def assert_pages(path: Path, size: tuple[float, float]) -> None:
    """Every page has the size and uses only the bundled font, embedded; the text is NFC."""
    for page in PdfReader(path).pages:
        assert float(page.mediabox.width) == pytest.approx(size[0], abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(size[1], abs=0.01)
        fonts = [font.get_object() for font in page["/Resources"]["/Font"].values()]
        assert fonts
        for font in fonts:
            assert "LiberationSerif" in font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"]
        text = page.extract_text()
        assert not any(unicodedata.combining(ch) for ch in text)


def decoded_qr(path: Path, tmp_path: Path, page: int = 1) -> str:
    image = tmp_path / f"qr-page-{page}"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "200", "-f", str(page), "-l", str(page), "-singlefile"]
        + [str(path), str(image)],
        check=True,
    )
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", f"{image}.png"],
        check=True,
        capture_output=True,
        text=True,
    )
    return decoded.stdout.strip()
