"""What every official slip shares: page sizes, styles, the national header, dates, signatures.

Every piece of text that goes into a Paragraph passes through `markup()`: Paragraph text is XML,
so a name with "&" or "<" would otherwise break the render, and decomposed Vietnamese
(Unikey's "Unicode tổ hợp") would print with tone marks floating beside the letters. Text in
table cells is drawn as plain strings (see `grid_table`), so it is only composed, not escaped.
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
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desk_app.core.clock import to_vn
from desk_app.core.model import Office
from desk_app.core.text import nfc
from desk_app.printing.fonts import BOLD, ITALIC, REGULAR, register_fonts
from desk_app.printing.forms import FormInfo

A5_PORTRAIT = A5
A4_PORTRAIT = A4
A4_LANDSCAPE = landscape(A4)
MARGIN = 12 * mm

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
SIGN_NOTE = "(Ký và ghi rõ họ tên)"

HEADER_SIZE = 9
LINE = 0.6  # pt, the weight of rules and table grids
CELL_PADDING = 2.5  # pt, left and right inside a ruled table's cells


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
    sign_title: ParagraphStyle
    sign_note: ParagraphStyle


def slip_styles(
    body_size: float = 10, table_size: float = 8.5, header_size: float = HEADER_SIZE
) -> SlipStyles:
    """The slips' paragraph styles, sized for A5; registers the fonts first, as no style works
    without them."""
    register_fonts()

    def style(
        name: str, size: float, font: str = REGULAR, align: int = TA_LEFT, **kw
    ) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=size * 1.22, alignment=align, **kw
        )

    return SlipStyles(
        # Justified, as administrative prose is printed; a one-line field is unaffected.
        body=style("body", body_size, align=TA_JUSTIFY, spaceAfter=0.5),
        header=style("header", header_size, align=TA_CENTER),
        header_bold=style("header_bold", header_size, BOLD, TA_CENTER),
        place_date=style("place_date", body_size, ITALIC, TA_CENTER),
        title=style("title", body_size + 2, BOLD, TA_CENTER),
        code=style("code", body_size + 1, align=TA_CENTER),
        corner_left=style("corner_left", body_size - 1.5, BOLD),
        corner_right=style("corner_right", body_size - 2.5, ITALIC, TA_RIGHT),
        centre=style("centre", body_size, align=TA_CENTER),
        table_head=style("table_head", table_size, BOLD, TA_CENTER),
        sign_title=style("sign_title", body_size, BOLD, TA_CENTER),
        sign_note=style("sign_note", body_size - 1, ITALIC, TA_CENTER),
    )


def a4_styles(table_size: float = 10) -> SlipStyles:
    """Larger type for A4 papers, closer to the 13 pt of official documents yet leaving room
    for tables."""
    return slip_styles(body_size=12, table_size=table_size, header_size=11)


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


def short_datetime(moment: datetime, separator: str = " ") -> str:
    """'09:41 05/08/2025', in Vietnam time: for table cells, where the full phrase is too long."""
    local = to_vn(moment)
    return f"{local:%H:%M}{separator}{local:%d/%m/%Y}"


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


def official_header(
    office: Office, width: float, styles: SlipStyles, day: date | None = None
) -> Table:
    """The two-column heading: issuing body on the left, the national name and motto on the right
    and, given a day, the place and date under the motto, where official documents put it.

    The right column is at least as wide as the national name needs, so it never wraps; the
    issuing body's names wrap in what is left.
    """
    size = styles.header_bold.fontSize
    # On A4 the two blocks share the width about equally, as on printed administrative papers.
    right_width = max(stringWidth(NATION, BOLD, size) + 8, width * 0.5)
    left_width = width - right_width
    unit_width = stringWidth(nfc(office.unit_name).upper(), BOLD, size)
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
        ShortRule(stringWidth(MOTTO, BOLD, size)),
    ]
    if day is not None:
        right += [Spacer(1, 1.5 * mm), place_and_date(office.place_name, day, styles)]
    return layout_table([[left, right]], [left_width, right_width])


def place_and_date(place: str, day: date, styles: SlipStyles) -> Paragraph:
    return Paragraph(f"{markup(place)}, {vn_date_phrase(day)}", styles.place_date)


def top_corners(copy_label: str, form: FormInfo, width: float, styles: SlipStyles) -> Table:
    """The line above the header: which copy this is on the left, the form's number on the right
    (nothing there for our own documents, such as the handover list, which no circular numbers).
    """
    number = ""
    if form.number:
        number = f"{markup(form.number)} ({markup(form.regulation)})"
    return layout_table(
        [
            [
                Paragraph(markup(copy_label), styles.corner_left),
                Paragraph(number, styles.corner_right),
            ]
        ],
        [width * 0.35, width * 0.65],
    )


def form_title(form: FormInfo, width: float, styles: SlipStyles) -> Paragraph:
    """The title on one line if it fits, else broken where the forms file says, else evenly."""
    style = styles.title
    fits = stringWidth(nfc(form.title), style.fontName, style.fontSize) <= width
    if fits or len(form.title_lines) < 2:
        return Paragraph(balanced_lines(form.title, style, width), style)
    return Paragraph("<br/>".join(markup(line) for line in form.title_lines), style)


@dataclass(frozen=True)
class Signer:
    title: str  # "NGƯỜI TIẾP NHẬN HỒ SƠ"
    name: str = ""
    note: str = SIGN_NOTE


def signature_block(
    signers: Sequence[Signer], width: float, styles: SlipStyles, space: float = 14 * mm
) -> Table:
    """One column per signer: title, '(Ký và ghi rõ họ tên)', room to sign, the printed name.
    A lone signer signs in the right half, where official papers put the signature.
    Titles, notes and names each share a row, so the printed names line up even when one
    title takes two lines; the rows are kept on one page, a title never parted from its name.
    """
    columns: list[list[object]] = [
        [
            Paragraph(markup(signer.title), styles.sign_title),
            Paragraph(markup(signer.note), styles.sign_note),
            Spacer(1, space),
            Paragraph(f"<b>{markup(signer.name)}</b>", styles.centre),
        ]
        for signer in signers
    ]
    if len(columns) == 1:
        columns.insert(0, [""] * 4)
    rows = [list(row) for row in zip(*columns, strict=True)]
    return layout_table(
        rows, [width / len(columns)] * len(columns), valign="BOTTOM", keep_together=True
    )


def kept_with_next(*flowables: Flowable) -> tuple[Flowable, ...]:
    """Keeps what leads up to a signature block on its page: a signature block alone at the top
    of a page would sign nothing visible."""
    for flowable in flowables:
        flowable.keepWithNext = True
    return flowables


def numbered_lines(items: Sequence[str], style: ParagraphStyle) -> list[Paragraph]:
    """'1. …', '2. …', each item its own paragraph, wrapped lines indented under the text."""
    indent = style.fontSize * 1.6
    hanging = ParagraphStyle(
        f"{style.name}-numbered", parent=style, leftIndent=indent, firstLineIndent=-indent
    )
    return [
        Paragraph(f"{number}.&nbsp;{markup(item)}", hanging)
        for number, item in enumerate(items, start=1)
    ]


class _WholeTable(Table):
    """A table that moves to the next page whole rather than split between two."""

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []


def layout_table(
    rows: Sequence[Sequence[object]],
    col_widths: Sequence[float],
    valign: str = "TOP",
    *,
    keep_together: bool = False,
) -> Table:
    """A borderless table that only places things side by side, without padding that would
    misalign its contents with the text around it."""
    table = (_WholeTable if keep_together else Table)(rows, colWidths=list(col_widths))
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


Cell = str | Flowable | Sequence[Flowable]


class _WideText(Flowable):
    """Text centred over several columns, drawn from the first one's cell: a merged head cell
    without reportlab's SPAN, which makes a long table recompute every cell at each page
    break (a 2,000-line ledger took two and a half times as long)."""

    def __init__(self, text: str, width: float, style: ParagraphStyle) -> None:
        super().__init__()
        self._paragraph = Paragraph(markup(text), style)
        self._width = width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, height = self._paragraph.wrap(self._width, avail_height)
        return avail_width, height

    def draw(self) -> None:
        self._paragraph.drawOn(self.canv, 0, 0)


@dataclass(frozen=True)
class HeadGroup:
    """One head ("Ngày, tháng, năm") over the columns first..last, on the line above theirs;
    the other columns' heads take both lines, with no rule between."""

    first: int
    last: int
    text: str

    def row(self, col_widths: Sequence[float], style: ParagraphStyle) -> list[Cell]:
        width = sum(col_widths[self.first:self.last + 1]) - 2 * CELL_PADDING
        return ["" if column != self.first else [_WideText(self.text, width, style)]
                for column in range(len(col_widths))]

    def ruling(self, columns: int) -> list[tuple]:
        inside = range(self.first, self.last)  # the rules the group's line leaves out
        return [
            ("BOX", (0, 0), (-1, -1), LINE, colors.black),
            ("INNERGRID", (0, 1), (-1, -1), LINE, colors.black),
            ("LINEBELOW", (self.first, 0), (self.last, 0), LINE, colors.black),
            *[("LINEAFTER", (column, 0), (column, 0), LINE, colors.black)
              for column in range(columns - 1) if column not in inside],
        ]


def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    col_widths: Sequence[float],
    styles: SlipStyles,
    numeric_columns: Sequence[int] = (),
    *,
    more_head: Sequence[Sequence[str]] = (),
    group: HeadGroup | None = None,
) -> Table:
    """A ruled table whose header row repeats on every page it flows onto; `numeric_columns`
    (numbers, times, short verdicts) are centred. `more_head` are further header rows under it
    (a row of column numbers), repeated with it; `group` puts one head over some columns, on a
    line of its own above theirs.

    Text cells are wrapped here and drawn as plain strings rather than Paragraphs: a ledger of
    thousands of lines renders several times faster, and the text needs no escaping. A cell
    that needs more (a signature box) is given as flowables.
    """
    head_style = styles.table_head
    table_size, leading = head_style.fontSize, head_style.leading

    def cell(value: Cell, column: int) -> Cell:
        if not isinstance(value, str):
            return value
        room = col_widths[column] - 2 * CELL_PADDING
        return "\n".join(wrap_text(value, REGULAR, table_size, room))

    head: list[list[Cell]] = [[Paragraph(markup(text), head_style) for text in row]
                              for row in (header, *more_head)]
    ruling: list[tuple] = [("GRID", (0, 0), (-1, -1), LINE, colors.black)]
    if group is not None:
        head.insert(0, group.row(col_widths, head_style))
        ruling = group.ruling(len(col_widths))
    data = head + [[cell(value, column) for column, value in enumerate(row)] for row in rows]
    table = Table(data, colWidths=list(col_widths), repeatRows=len(head))
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, table_size, leading),
                *ruling,
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                *[("ALIGN", (column, len(head)), (column, -1), "CENTER")
                  for column in numeric_columns],
            ]
        )
    )
    return table


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """The lines `text` takes in `width`: broken at spaces, and inside a word only when the word
    alone is too long (an e-mail address, a dossier code), so nothing runs into the next cell."""
    lines: list[str] = []
    for paragraph in nfc(text).split("\n"):
        # Most cells fit as they are; measuring once spares splitting thousands of ledger cells.
        if stringWidth(paragraph, font, size) <= width:
            lines.append(paragraph)
            continue
        for line in simpleSplit(paragraph, font, size, width):
            # simpleSplit keeps a line to the width unless it is one word, too long alone.
            while " " not in line and len(line) > 1 and stringWidth(line, font, size) > width:
                cut = _longest_prefix(line, font, size, width)
                lines.append(line[:cut])
                line = line[cut:]
            lines.append(line)
    return lines


def _longest_prefix(text: str, font: str, size: float, width: float) -> int:
    """How much of an overlong word goes on this line: up to its last hyphen, slash or dot that
    fits, so a code reads "000.17.22.H56-" / "250805-1007"; else as many characters as fit."""
    fits = 1
    while fits < len(text) and stringWidth(text[: fits + 1], font, size) <= width:
        fits += 1
    for cut in range(fits, 1, -1):
        if text[cut - 1] in "-/.@":
            return cut
    return fits


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
