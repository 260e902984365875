"""What every official slip shares: page sizes, styles, the national header, dates, signatures.

Every piece of text that goes into a Paragraph passes through `markup()`: Paragraph text is XML,
so a name with "&" or "<" would otherwise break the render, and decomposed Vietnamese
(Unikey's "Unicode tổ hợp") would print with tone marks floating beside the letters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
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
from desk_app.printing.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_fonts
from desk_app.printing.forms import FormInfo

A5_PORTRAIT = A5
A4_LANDSCAPE = landscape(A4)
MARGIN = 12 * mm

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
SIGN_NOTE = "(Ký và ghi rõ họ tên)"

HEADER_SIZE = 9.5
LINE = 0.6  # pt, the weight of rules and table grids

# Layout tables only place things side by side; their padding would misalign them with the text.
NO_PADDING = [
    (side, (0, 0), (-1, -1), 0)
    for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
]


@dataclass(frozen=True)
class SlipStyles:
    body: ParagraphStyle
    small: ParagraphStyle
    header: ParagraphStyle
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

    def style(name: str, size: float, font: str = REGULAR, align: int = TA_LEFT, **kw) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=size * 1.22, alignment=align, **kw
        )

    return SlipStyles(
        body=style("body", body_size, spaceAfter=1.5),
        small=style("small", body_size - 2),
        header=style("header", HEADER_SIZE, align=TA_CENTER),
        place_date=style("place_date", body_size, ITALIC, TA_RIGHT),
        title=style("title", body_size + 2, BOLD, TA_CENTER),
        code=style("code", body_size + 1, align=TA_CENTER),
        corner_left=style("corner_left", body_size - 1.5, BOLD_ITALIC),
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


def field_line(label: str, value: str, style: ParagraphStyle, *, bold_value: bool = False) -> Paragraph:
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


def official_header(office: Office, width: float) -> Table:
    """The two-column heading: issuing body on the left, the national name and motto on the right."""
    styles = slip_styles()
    motto_width = stringWidth(MOTTO, BOLD, HEADER_SIZE)
    unit_width = stringWidth(nfc(office.unit_name).upper(), BOLD, HEADER_SIZE)
    left_width = width * 0.44
    left = [
        Paragraph(markup(office.commune_name.upper()), styles.header),
        Paragraph(f"<b>{markup(office.unit_name.upper())}</b>", styles.header),
        ShortRule(min(unit_width, left_width) * 0.4),
    ]
    right = [
        Paragraph(f"<b>{NATION}</b>", styles.header),
        Paragraph(f"<b>{MOTTO}</b>", styles.header),
        ShortRule(motto_width),
    ]
    table = Table([[left, right]], colWidths=[left_width, width - left_width])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *NO_PADDING]))
    return table


def place_and_date(place: str, day: date) -> Paragraph:
    return Paragraph(f"{markup(place)}, {vn_date_phrase(day)}", slip_styles().place_date)


def top_corners(copy_label: str, form: FormInfo, width: float) -> Table:
    """The line above the header: which copy this is on the left, the form's number on the right."""
    styles = slip_styles()
    table = Table(
        [[
            Paragraph(markup(copy_label), styles.corner_left),
            Paragraph(f"{markup(form.number)}<br/>({markup(form.regulation)})", styles.corner_right),
        ]],
        colWidths=[width * 0.4, width * 0.6],
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *NO_PADDING]))
    return table


def form_title(form: FormInfo) -> Paragraph:
    return Paragraph(markup(form.title), slip_styles().title)


@dataclass(frozen=True)
class Signer:
    title: str  # "NGƯỜI TIẾP NHẬN HỒ SƠ"
    name: str = ""
    note: str = SIGN_NOTE


def signature_block(signers: Sequence[Signer], width: float, space: float = 18 * mm) -> Table:
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
    table = Table([cells], colWidths=[width / len(signers)] * len(signers))
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *NO_PADDING]))
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
        TableStyle([
            ("GRID", (0, 0), (-1, -1), LINE, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ])
    )
    return table


def qr_code(payload: str, size: float = 17 * mm) -> Drawing:
    """A QR code flowable. ASCII only: phone apps and USB scanners disagree on other encodings."""
    if not payload.isascii():
        raise ValueError(f"QR payload must be ASCII: {payload!r}")
    drawing = Drawing(size, size)
    drawing.add(QrCodeWidget(payload, barWidth=size, barHeight=size, barLevel="M"))
    return drawing

