"""Small pictures for the scanning tests, drawn with Pillow (lines of text on paper), and a
document's metadata."""

from __future__ import annotations

import io
from datetime import datetime

from PIL import Image, ImageDraw

from desk_app.core.clock import VN_TZ
from desk_app.scanning.pdfa import PdfMeta

META = PdfMeta(dossier_code="000.00.23.H56-261204-0001", document_name="Giấy khai sinh (bản sao)",
               clerk="Nguyễn Thị Ánh Tuyết", created_at=datetime(2026, 12, 4, 9, 30, tzinfo=VN_TZ))


def paper(mode: str = "L", size: tuple[int, int] = (400, 560)) -> Image.Image:
    image = Image.new(mode, size, "white")
    draw = ImageDraw.Draw(image)
    for row in range(40, size[1] - 40, 24):
        draw.text((30, row), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM 0123456789", fill="black")
    if mode == "RGB":
        draw.ellipse((300, 20, 380, 100), outline="red", width=6)  # a red seal
    return image


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()
