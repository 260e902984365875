"""Digitisation (issue 16): the size of typical pages in the PDF/A file, the time to
assemble a 10-page document once its last page has arrived, and a 200-page feeder run's
document (black-and-white text pages): its time to assemble and the memory that takes at its
peak, in a fresh process that holds the pages as the scan panel now does, in files of their own
(Page.held; peak resident memory over the resident memory before). Medians over the runs.

    .venv/bin/python bench/scan_pdfa.py [--runs 5]

The pages are drawn like real ones: an A4 form of Vietnamese text at 200 dpi with a scanner's
specks and a slight tilt (black-and-white, as the panel scans text), and an A4 page carrying a
photocopied ID card and a photograph (greyscale).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import re
import statistics
import time
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from desk_app.core.clock import VN_TZ
from desk_app.paths import resource
from desk_app.scanning.pages import Page, page_from_image
from desk_app.scanning.pdfa import PdfMeta, assemble

DPI = 200
A4 = (round(210 / 25.4 * DPI), round(297 / 25.4 * DPI))
META = PdfMeta("000.00.23.H56-261204-0001", "Tờ khai đăng ký thường trú",
               "Nguyễn Thị Ánh Tuyết", datetime(2026, 12, 4, 9, 30, tzinfo=VN_TZ))
FORM_TEXT = ("cộng hòa xã hội chủ nghĩa việt nam độc lập tự do hạnh phúc tờ khai thay đổi "
         "thông tin cư trú kính gửi công an xã họ chữ đệm và tên ngày tháng năm sinh giới tính "
         "số định danh cá nhân số điện thoại email nơi thường trú nội dung đề nghị thôn đông "
         "xã tân lập tỉnh phú thọ ý kiến của chủ hộ người kê khai ký ghi rõ họ tên")
WORDS = FORM_TEXT.split()


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "LiberationSerif-Bold.ttf" if bold else "LiberationSerif-Regular.ttf"
    return ImageFont.truetype(str(resource("fonts", name)), size)


def text_page(rng: random.Random) -> Image.Image:
    """A filled-in form: headings, 40-odd lines of 12 pt text, dotted fields, a signature."""
    page = Image.new("L", A4, 255)
    draw = ImageDraw.Draw(page)
    margin = round(25 / 25.4 * DPI)
    draw.text((A4[0] // 2, margin), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=font(36, True),
              anchor="mt", fill=0)
    draw.text((A4[0] // 2, margin + 50), "Độc lập - Tự do - Hạnh phúc", font=font(34, True),
              anchor="mt", fill=0)
    draw.text((A4[0] // 2, margin + 140), "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ",
              font=font(44, True), anchor="mt", fill=0)
    body = font(33)
    y = margin + 240
    while y < A4[1] - margin - 200:
        line, width = [], 0
        while width < A4[0] - 2 * margin - 300:
            word = rng.choice(WORDS)
            line.append(word)
            width = draw.textlength(" ".join(line), font=body)
        draw.text((margin, y), " ".join(line).capitalize(), font=body, fill=0)
        if rng.random() < 0.3:  # a field left for the citizen: a dotted line
            draw.text((margin + width + 20, y), "." * 30, font=body, fill=0)
        y += 48
    draw.line([(A4[0] - 600, y + 80), (A4[0] - 400, y + 40), (A4[0] - 300, y + 90)],
              fill=0, width=5)  # a signature
    # A scanner's tilt and specks: what makes G4 work harder than on a clean render.
    page = page.rotate(0.4, resample=Image.Resampling.BILINEAR, fillcolor=255)
    draw = ImageDraw.Draw(page)
    for _ in range(400):
        x, y = rng.randrange(A4[0]), rng.randrange(A4[1])
        draw.point((x, y), fill=0)
    return page


def photo_page(rng: random.Random) -> Image.Image:
    """A page with a photocopied ID card (text, a face photo) and a landscape photograph."""
    page = Image.new("L", A4, 250)
    # A photograph: sky to ground, a few shapes, and grain at two scales (what JPEG pays for).
    size = (A4[0] - 300, A4[1] // 2)
    photo = Image.linear_gradient("L").resize(size)
    draw = ImageDraw.Draw(photo)
    for _ in range(25):
        x, y = rng.randrange(size[0]), rng.randrange(size[1] // 3, size[1])
        draw.rectangle((x, y, x + rng.randrange(60, 300), y + rng.randrange(40, 200)),
                       fill=rng.randrange(30, 220))
    grain = Image.blend(Image.effect_noise(size, 80).filter(ImageFilter.GaussianBlur(4)),
                        Image.effect_noise(size, 40).filter(ImageFilter.GaussianBlur(1)), 0.5)
    photo = Image.blend(photo.filter(ImageFilter.GaussianBlur(2)), grain, 0.35)
    page.paste(photo, (150, A4[1] // 2 - 100))
    card = Image.new("L", (680, 430), 225)
    draw = ImageDraw.Draw(card)
    draw.rounded_rectangle((0, 0, 679, 429), 30, outline=60, width=4)
    face = Image.effect_noise((170, 220), 60).filter(ImageFilter.GaussianBlur(3))
    card.paste(face, (30, 120))
    for row, text in enumerate(("CĂN CƯỚC CÔNG DÂN", "Số: 025190012345",
                                "Họ và tên: NGUYỄN THỊ ÁNH TUYẾT", "Ngày sinh: 15/03/1990",
                                "Giới tính: Nữ   Quốc tịch: Việt Nam",
                                "Quê quán: Tân Lập, Phú Thọ")):
        draw.text((220, 40 + row * 55), text, font=font(23, row == 0), fill=20)
    page.paste(card, (120, 180))  # the front and the back of the card, side by side
    page.paste(card.rotate(180), (A4[0] - 800, 180))
    noise = Image.effect_noise(A4, 6)
    return Image.blend(page, noise, 0.04)


def pdf_size(page) -> int:
    """What one page adds to a document: the file with it less the file without it."""
    return len(assemble([page, page], META)) - len(assemble([page], META))


def resident_kib(field: str) -> int:
    """VmRSS (now) or VmHWM (the peak since `reset_peak`) of this process, in KiB."""
    status = Path("/proc/self/status").read_text()
    return int(re.search(rf"^{field}:\s+(\d+)", status, re.M).group(1))


def reset_peak() -> None:
    """Linux: VmHWM starts again from the resident memory now (proc(5), clear_refs 5)."""
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")


def assemble_held(encoded: list[bytes], times: int) -> tuple[float, int, int]:
    """In a child process: the `encoded` black-and-white pages, `times` over, held in files,
    assembled; seconds, peak KiB over the resident memory before, and the file's bytes."""
    pages = [Page(data, DPI, "bw").held() for data in encoded] * times
    reset_peak()
    before = resident_kib("VmRSS")
    started = time.perf_counter()
    size = len(assemble(pages, META))
    return time.perf_counter() - started, resident_kib("VmHWM") - before, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(16)
    text_sizes, photo_sizes, assembly = [], [], []
    long_times, long_peaks, long_sizes = [], [], []
    for _ in range(args.runs):
        text = page_from_image(text_page(rng), DPI, "bw")
        photo = page_from_image(photo_page(rng), DPI, "gray")
        text_sizes.append(pdf_size(text))
        photo_sizes.append(pdf_size(photo))
        document = [page_from_image(text_page(rng), DPI, "bw") for _ in range(8)]
        document += [photo, page_from_image(photo_page(rng), DPI, "gray")]
        started = time.perf_counter()
        assemble(document, META)  # the pages are encoded as they arrive; this is what is left
        assembly.append(time.perf_counter() - started)
        # A 200-sheet feeder run of text: 10 drawn pages over and over (drawing is slow; each
        # page is still its own image in the PDF, as img2pdf copies every one).
        encoded = [page_from_image(text_page(rng), DPI, "bw").data for _ in range(10)]
        with multiprocessing.get_context("spawn").Pool(1) as child:
            took, peak, size = child.apply(assemble_held, (encoded, 20))
        long_times.append(took)
        long_peaks.append(peak)
        long_sizes.append(size)
    print(f"text_page_200dpi_bw {statistics.median(text_sizes) / 1024:.1f} KB")
    print(f"photo_page_200dpi_gray {statistics.median(photo_sizes) / 1024:.1f} KB")
    print(f"assemble_10_pages {statistics.median(assembly) * 1000:.0f} ms")
    print(f"assemble_200_pages {statistics.median(long_times) * 1000:.0f} ms, "
          f"peak +{statistics.median(long_peaks) / 1024:.0f} MiB, "
          f"file {statistics.median(long_sizes) / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
