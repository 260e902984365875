"""Assembling a document's pages into one PDF/A-2b file.

img2pdf places each page's bytes in the PDF as they are (JPEG as DCTDecode, G4 TIFF as
CCITTFaxDecode), so nothing is re-encoded and the file is as small as the scans. pikepdf then
makes it PDF/A-2b: the XMP identification (part 2, conformance B) with the dossier's metadata,
an sRGB output intent, and each page's rotation as /Rotate (no pixel is touched).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache

import img2pdf
import pikepdf
from PIL import ImageCms

from desk_app.scanning.pages import Page

CREATOR_TOOL = "desk-app (số hóa tại bộ phận một cửa)"


@dataclass(frozen=True)
class PdfMeta:
    dossier_code: str
    document_name: str
    clerk: str
    created_at: datetime  # aware: XMP dates carry their offset


def assemble(pages: Sequence[Page], meta: PdfMeta) -> bytes:
    """One PDF/A-2b file holding `pages` in order, one per PDF page."""
    if not pages:
        raise ValueError("a document needs at least one page")
    raw = img2pdf.convert([page.data for page in pages], layout_fun=_layout(pages),
                          creationdate=meta.created_at, moddate=meta.created_at,
                          nodate=False)
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        for pdf_page, page in zip(pdf.pages, pages, strict=True):
            if page.rotation:
                pdf_page.Rotate = page.rotation
        pdf.Root.OutputIntents = pdf.make_indirect(pikepdf.Array([_output_intent(pdf)]))
        dpi = min(page.dpi for page in pages)
        with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
            xmp["pdfaid:part"] = "2"
            xmp["pdfaid:conformance"] = "B"
            xmp["dc:title"] = meta.document_name
            xmp["dc:creator"] = [meta.clerk]
            xmp["dc:identifier"] = meta.dossier_code
            xmp["dc:description"] = (f"Hồ sơ {meta.dossier_code}: {meta.document_name}; "
                                     f"{len(pages)} trang; {dpi} dpi; người số hóa {meta.clerk}")
            xmp["xmp:CreateDate"] = meta.created_at.isoformat()
            xmp["xmp:ModifyDate"] = meta.created_at.isoformat()
            xmp["xmp:MetadataDate"] = meta.created_at.isoformat()
            xmp["xmp:CreatorTool"] = CREATOR_TOOL
            xmp["pdf:Producer"] = f"img2pdf {img2pdf.__version__}; pikepdf {pikepdf.__version__}"
            # Pages and resolution in plain properties every PDF/A validator allows: the
            # paged-text and TIFF schemas are allowed by ISO 19005-2 but not by pikepdf's
            # stricter allowlist (pikepdf.pdfa), which the tests hold the files to.
            xmp["pdf:Keywords"] = f"{meta.dossier_code}; {len(pages)} trang; {dpi} dpi"
        out = io.BytesIO()
        # A fixed /ID from the content (qpdf's deterministic id): the same pages and metadata
        # give the same file, so the same scan saved twice is one file by its SHA-256.
        pdf.save(out, deterministic_id=True, min_version="1.7")
    return out.getvalue()


def _layout(pages: Sequence[Page]):
    """img2pdf's layout function, called once per image in order: each page's size in points
    from its own pixels and dpi (a phone photo's file may claim 72 dpi; the page knows)."""
    dpis = iter(page.dpi for page in pages)

    def layout(width_px, height_px, _file_dpi):
        dpi = next(dpis)
        width, height = width_px * 72 / dpi, height_px * 72 / dpi
        return width, height, width, height

    return layout


def _output_intent(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    profile = pikepdf.Stream(pdf, srgb_profile())
    profile.N = 3
    return pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name.GTS_PDFA1,  # the subtype PDF/A-2 uses too
        OutputConditionIdentifier="sRGB IEC61966-2.1",
        Info="sRGB IEC61966-2.1",
        DestOutputProfile=profile,
    )


@cache
def srgb_profile() -> bytes:
    """The sRGB ICC profile littleCMS (in Pillow) builds: nothing to ship or license."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def check(data: bytes) -> int:
    """The page count of a PDF/A-2b file as `assemble` makes it; ValueError (in Vietnamese)
    naming what a file lacks. What the self-test and a support check rely on."""
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError as exc:
        raise ValueError(f"Tệp PDF hỏng, không đọc được: {exc}") from exc
    with pdf:
        xmp = pdf.open_metadata()
        if (xmp.get("pdfaid:part"), xmp.get("pdfaid:conformance")) != ("2", "B"):
            raise ValueError("Tệp không khai báo PDF/A-2b trong siêu dữ liệu XMP.")
        intents = pdf.Root.get("/OutputIntents") or []
        if not any(intent.get("/S") == pikepdf.Name.GTS_PDFA1
                   and "/DestOutputProfile" in intent for intent in intents):
            raise ValueError("Tệp thiếu hồ sơ màu (output intent) mà PDF/A yêu cầu.")
        return len(pdf.pages)
