"""What every official slip shares: page sizes, styles, the national header, dates, signatures.

Every piece of text that goes into a Paragraph passes through `markup()`: Paragraph text is XML,
so a name with "&" or "<" would otherwise break the render, and decomposed Vietnamese
(Unikey's "Unicode tổ hợp") would print with tone marks floating beside the letters.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desk_app.core.clock import to_vn
from desk_app.core.model import Office
from desk_app.core.text import nfc
from desk_app.printing.fonts import BOLD, ITALIC, REGULAR, register_fonts
from desk_app.printing.forms import FormInfo

A5_PORTRAIT = A5
A4_LANDSCAPE = landscape(A4)
MARGIN = 12 * mm

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
SIGN_NOTE = "(Ký và ghi rõ họ tên)"

HEADER_SIZE = 9
LINE = 0.6  # pt, the weight of rules and table grids


@dataclass(frozen=True)
class SlipStyles:
    body: ParagraphStyle
    header: ParagraphStyle
    header_bold: ParagraphStyle
    place_date: ParagraphStyle
    title: ParagraphStyle
    code: ParagraphStyle
    corner_left: ParagraphStyle
    corner_right: ParagraphStyle
    centre: ParagraphStyle
    table_head: ParagraphStyle
    table_cell: ParagraphStyle
    table_number: ParagraphStyle
    sign_title: ParagraphStyle
    sign_note: ParagraphStyle


def slip_styles(body_size: float = 10, table_size: float = 8.5) -> SlipStyles:
    """The slips' paragraph styles; registers the fonts first, as no style works without them."""
    register_fonts()

    def style(
        name: str, size: float, font: str = REGULAR, align: int = TA_LEFT, **kw
    ) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=size * 1.22, alignment=align, **kw
        )

    return SlipStyles(
        body=style("body", body_size, spaceAfter=0.5),
        header=style("header", HEADER_SIZE, align=TA_CENTER),
        header_bold=style("header_bold", HEADER_SIZE, BOLD, TA_CENTER),
        place_date=style("place_date", body_size, ITALIC, TA_CENTER),
        title=style("title", body_size + 2, BOLD, TA_CENTER),
        code=style("code", body_size + 1, align=TA_CENTER),
        corner_left=style("corner_left", body_size - 1.5, BOLD),
        corner_right=style("corner_right", body_size - 2.5, ITALIC, TA_RIGHT),
        centre=style("centre", body_size, align=TA_CENTER),
        table_head=style("table_head", table_size, BOLD, TA_CENTER),
        table_cell=style("table_cell", table_size),
        table_number=style("table_number", table_size, align=TA_CENTER),
        sign_title=style("sign_title", body_size, BOLD, TA_CENTER),
        sign_note=style("sign_note", body_size - 1, ITALIC, TA_CENTER),
    )


def markup(text: str | None) -> str:
    """Plain text made safe for a Paragraph: NFC, XML-escaped, line breaks kept."""
    return escape(nfc(text)).replace("\n", "<br/>")


def field_line(
    label: str, value: str, style: ParagraphStyle, *, bold_value: bool = False
) -> Paragraph:
    """'Label: value', the value escaped; the label is trusted markup from our own code."""
    shown = markup(value)
    if bold_value:
        shown = f"<b>{shown}</b>"
    return Paragraph(f"{label}: {shown}", style)


# --- words -------------------------------------------------------------------------------------


def vn_date_phrase(day: date) -> str:
    """'ngày 05 tháng 08 năm 2025'. Zero-padded so a handwritten digit cannot change the date."""
    if isinstance(day, datetime):
        day = to_vn(day).date()
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def vn_datetime_phrase(moment: datetime) -> str:
    """'14 giờ 05 phút, ngày 05 tháng 08 năm 2025', in Vietnam time whatever the offset given."""
    local = to_vn(moment)
    return f"{local.hour:02d} giờ {local.minute:02d} phút, {vn_date_phrase(local.date())}"


def vn_money(amount: int) -> str:
    """'20.000 đồng': Vietnamese groups thousands with dots."""
    return f"{amount:,} đồng".replace(",", ".")


def two_digits(count: int) -> str:
    """Counts on slips are written '01', '02' ... as the official forms do."""
    return f"{count:02d}"


def balanced_lines(text: str, style: ParagraphStyle, width: float) -> str:
    """Paragraph markup for a centred heading: when it needs two lines they are made about equal,
    as a typesetter would, instead of leaving one word alone on the second line."""
    words = nfc(text).split()

    def measure(part: list[str]) -> float:
        return stringWidth(" ".join(part), style.fontName, style.fontSize)

    if measure(words) <= width or len(words) < 2:
        return markup(" ".join(words))
    cut = min(range(1, len(words)), key=lambda at: max(measure(words[:at]), measure(words[at:])))
    return "<br/>".join(markup(" ".join(part)) for part in (words[:cut], words[cut:]))


# --- flowables ---------------------------------------------------------------------------------


class ShortRule(Flowable):
    """A centred horizontal line of a fixed length, as under the header names on official forms."""

    def __init__(self, length: float, space_above: float = 1.5):
        super().__init__()
        self.length = length
        self.space_above = space_above

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.space_above + LINE

    def draw(self) -> None:
        start = (self.width - self.length) / 2
        self.canv.setLineWidth(LINE)
        self.canv.line(start, LINE / 2, start + self.length, LINE / 2)


def official_header(office: Office, width: float, day: date | None = None) -> Table:
    """The two-column heading: issuing body on the left, the national name and motto on the right
    and, given a day, the place and date under the motto, where official documents put it.

    The right column is as wide as the national name needs, so it never wraps; the issuing
    body's names wrap in what is left.
    """
    styles = slip_styles()
    right_width = stringWidth(NATION, BOLD, HEADER_SIZE) + 8
    left_width = width - right_width
    unit_width = stringWidth(nfc(office.unit_name).upper(), BOLD, HEADER_SIZE)
    left = [
        Paragraph(
            balanced_lines(office.commune_name.upper(), styles.header, left_width), styles.header
        ),
        Paragraph(
            balanced_lines(office.unit_name.upper(), styles.header_bold, left_width),
            styles.header_bold,
        ),
        ShortRule(min(unit_width, left_width) * 0.4),
    ]
    right = [
        Paragraph(NATION, styles.header_bold),
        Paragraph(MOTTO, styles.header_bold),
        ShortRule(stringWidth(MOTTO, BOLD, HEADER_SIZE)),
    ]
    if day is not None:
        right += [Spacer(1, 1.5 * mm), place_and_date(office.place_name, day)]
    return layout_table([[left, right]], [left_width, right_width])


def place_and_date(place: str, day: date) -> Paragraph:
    return Paragraph(f"{markup(place)}, {vn_date_phrase(day)}", slip_styles().place_date)


def top_corners(copy_label: str, form: FormInfo, width: float) -> Table:
    """The line above the header: which copy this is on the left, the form's number on the right."""
    styles = slip_styles()
    return layout_table(
        [
            [
                Paragraph(markup(copy_label), styles.corner_left),
                Paragraph(
                    f"{markup(form.number)} ({markup(form.regulation)})", styles.corner_right
                ),
            ]
        ],
        [width * 0.35, width * 0.65],
    )


def form_title(form: FormInfo, width: float) -> Paragraph:
    style = slip_styles().title
    return Paragraph(balanced_lines(form.title, style, width), style)


@dataclass(frozen=True)
class Signer:
    title: str  # "NGƯỜI TIẾP NHẬN HỒ SƠ"
    name: str = ""
    note: str = SIGN_NOTE


def signature_block(signers: Sequence[Signer], width: float, space: float = 14 * mm) -> Table:
    """One column per signer: title, '(Ký và ghi rõ họ tên)', room to sign, the printed name."""
    styles = slip_styles()
    cells = [
        [
            Paragraph(markup(signer.title), styles.sign_title),
            Paragraph(markup(signer.note), styles.sign_note),
            Spacer(1, space),
            Paragraph(f"<b>{markup(signer.name)}</b>", styles.centre),
        ]
        for signer in signers
    ]
    return layout_table([cells], [width / len(signers)] * len(signers))


def layout_table(
    rows: Sequence[Sequence[object]], col_widths: Sequence[float], valign: str = "TOP"
) -> Table:
    """A borderless table that only places things side by side, without padding that would
    misalign its contents with the text around it."""
    table = Table(rows, colWidths=list(col_widths))
    table.setStyle(
        TableStyle(
            [
                # Otherwise reportlab names Helvetica for the cells, unembedded, in every PDF.
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), valign),
                *[
                    (side, (0, 0), (-1, -1), 0)
                    for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
                ],
            ]
        )
    )
    return table


def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    col_widths: Sequence[float],
    numeric_columns: Sequence[int] = (),
) -> Table:
    """A ruled table whose header row repeats on every page it flows onto."""
    styles = slip_styles()

    def cell(text: str, column: int) -> Paragraph:
        style = styles.table_number if column in numeric_columns else styles.table_cell
        return Paragraph(markup(text), style)

    data = [[Paragraph(markup(text), styles.table_head) for text in header]]
    data += [[cell(text, column) for column, text in enumerate(row)] for row in rows]
    table = Table(data, colWidths=list(col_widths), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("GRID", (0, 0), (-1, -1), LINE, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


class QrCode(Flowable):
    """A square QR code, drawn as one filled path.

    ASCII only: phone apps and USB scanners disagree on how other text is encoded. The quiet
    zone (four modules of white around the code, which scanners need) is inside `size`.
    """

    QUIET_ZONE = 4

    def __init__(self, payload: str, size: float = 17 * mm):
        super().__init__()
        if not payload.isascii():
            raise ValueError(f"QR payload must be ASCII: {payload!r}")
        self.payload = payload
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        modules = _qr_modules(self.payload)
        box = self.size / (len(modules) + 2 * self.QUIET_ZONE)
        path = self.canv.beginPath()
        for row_number, row in enumerate(modules):
            y = self.size - (row_number + self.QUIET_ZONE + 1) * box
            column = 0
            for dark, run in itertools.groupby(row):
                length = len(list(run))
                if dark:
                    path.rect((column + self.QUIET_ZONE) * box, y, length * box, box)
                column += length
        self.canv.setFillColor(colors.black)
        self.canv.drawPath(path, stroke=0, fill=1)


@functools.lru_cache(maxsize=32)
def _qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The code's dark and light modules; cached, as both copies of a slip draw the same code."""
    widget = QrCodeWidget(payload, barLevel="M")  # M: still reads with a smudge or a fold
    widget.qr.make()
    return tuple(tuple(bool(module) for module in row) for row in widget.qr.modules)
