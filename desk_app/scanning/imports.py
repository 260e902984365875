"""Pages from files: a phone's photos, a citizen's PDF, a scan made elsewhere.

A JPEG stays as it is (its bytes go into the PDF unchanged); other pictures become pages the
way a scan does (black-and-white as G4, the rest as JPEG); a PDF's pages are rendered with
pypdfium2. Every file that cannot give pages raises ScanError with the reason in Vietnamese.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageChops, ImageOps, UnidentifiedImageError

from desk_app.scanning.pages import Page, page_from_image
from desk_app.scanning.scanner import ScanError

SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".pdf")
PDF_DPI = 200  # a citizen's PDF rendered as a scan at the counter's usual resolution
A4_LONG_INCHES = 297 / 25.4
# A file's own dpi below this is a camera's or editor's default, not a scan's resolution.
MIN_PLAUSIBLE_DPI = 100


def import_file(path: str | Path) -> list[Page]:
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise ScanError("unsupported", path.name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ScanError("unreadable", f"{path.name}: {exc}") from exc
    if not data:
        raise ScanError("empty_file", path.name)
    if data.startswith(b"%PDF") or path.suffix.lower() == ".pdf":
        return _pdf_pages(data, path.name)
    try:
        with Image.open(io.BytesIO(data)) as image:
            return _image_pages(image, data)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ScanError("unreadable", f"{path.name}: {exc}") from exc


def _image_pages(image: Image.Image, data: bytes) -> list[Page]:
    pages = []
    for index in range(getattr(image, "n_frames", 1)):  # a multi-page TIFF is many sheets
        image.seek(index)
        image.load()
        dpi = _dpi(image)
        if image.format == "JPEG" and image.mode in ("L", "RGB") and _upright(image):
            # Kept byte for byte: no second JPEG generation on a photo of a paper.
            pages.append(Page(data, dpi, "gray" if image.mode == "L" else "color"))
            continue
        upright = ImageOps.exif_transpose(image)
        mode = "bw" if upright.mode == "1" else "gray" if upright.mode in ("L", "LA", "I;16") else "color"
        pages.append(page_from_image(upright, dpi, mode))
    return pages


def _upright(image: Image.Image) -> bool:
    """No EXIF rotation to apply (a phone photo taken sideways is turned when re-encoded)."""
    return image.getexif().get(0x0112, 1) == 1


def _dpi(image: Image.Image) -> int:
    """The file's resolution when it is a scan's; else one that makes the picture A4-long."""
    found = image.info.get("dpi")
    if found and min(found) >= MIN_PLAUSIBLE_DPI:
        return round(min(found))
    return max(1, round(max(image.size) / A4_LONG_INCHES))


def _pdf_pages(data: bytes, name: str) -> list[Page]:
    import pypdfium2  # here, not at start: as print_preview, loaded when first needed

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ScanError("password", name) from exc
        raise ScanError("unreadable", f"{name}: {exc}") from exc
    try:
        if len(document) == 0:
            raise ScanError("empty_file", name)
        pages = []
        for pdf_page in document:
            image = pdf_page.render(scale=PDF_DPI / 72).to_pil()
            pages.append(page_from_image(image, PDF_DPI, _pdf_mode(image)))
        return pages
    except pypdfium2.PdfiumError as exc:
        raise ScanError("unreadable", f"{name}: {exc}") from exc
    finally:
        document.close()


def _pdf_mode(image: Image.Image) -> str:
    """Colour only where the page has colour: a black text page is stored grey, smaller."""
    red, green, blue = image.convert("RGB").split()
    spread = max(ImageChops.difference(red, green).getextrema()[1],
                 ImageChops.difference(green, blue).getextrema()[1])
    return "color" if spread > 24 else "gray"
