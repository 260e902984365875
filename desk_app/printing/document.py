"""Writing a slip's PDF: one or more copies, each from a fresh page, written atomically
(see `atomic`), optionally with "Trang x/y" on every page, and marked void on every page when
it is drawn inside `voided(...)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import Color, white
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepInFrame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from desk_app.core.text import nfc
from desk_app.printing.atomic import atomic_output
from desk_app.printing.fonts import BOLD, ITALIC, REGULAR, register_fonts
from desk_app.printing.layout import MARGIN
from desk_app.printing.void import VOID_TITLE, VoidMark, current_void_mark

CREATOR = "desk-app"
RUNNING_HEAD_SIZE = 7.5


@dataclass(frozen=True)
class PrintedCopy:
    """One copy (liên) of a slip: its story, and the line that identifies its later pages.

    `fit_one_page` shrinks the copy onto one page when it is a little too long, instead of
    sending its signatures alone to a second sheet; leave it off for stories that can be long.
    """

    story: Sequence[Flowable]
    running_head: str  # drawn atop continuation pages, so a loose second sheet is traceable
    fit_one_page: bool = False


@dataclass(frozen=True)
class PdfInfo:
    title: str
    author: str
    subject: str = ""


VOID_RED = Color(0.8, 0, 0)


def _draw_void(canvas, doc, mark: VoidMark) -> None:
    """Across the page, VOID_TITLE large and pale (the whole slip), and a box with the title,
    what, when and why, on white so it stays readable over the slip."""
    width, height = doc.pagesize
    canvas.saveState()
    if not mark.part:
        canvas.saveState()
        canvas.setFillColor(Color(0.8, 0, 0, alpha=0.18))
        canvas.setFont(BOLD, min(width, height) / 5)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(35)
        canvas.drawCentredString(0, -min(width, height) / 14, VOID_TITLE)
        canvas.restoreState()
    box_width = width - 2 * MARGIN - 16 * mm
    size = 10
    lines = [line for text in mark.lines()
             for line in simpleSplit(nfc(text), REGULAR, size, box_width - 8 * mm)]
    box_height = 14 * mm + len(lines) * size * 1.25
    # A whole void slip has its box mid-page; a partial one at the foot, clear of the rows
    # (the void row says so in its own cell).
    x = (width - box_width) / 2
    y = MARGIN + 2 * mm if mark.part else height / 2 - box_height / 2
    canvas.setFillColor(white)
    canvas.setStrokeColor(VOID_RED)
    canvas.setLineWidth(2)
    canvas.rect(x, y, box_width, box_height, fill=1, stroke=1)
    canvas.setFillColor(VOID_RED)
    canvas.setFont(BOLD, 18)
    canvas.drawCentredString(width / 2, y + box_height - 9 * mm, VOID_TITLE)
    canvas.setFont(REGULAR, size)
    for n, line in enumerate(lines):
        canvas.drawCentredString(width / 2, y + box_height - 14 * mm - n * size * 1.25, line)
    canvas.restoreState()


def write_pdf(
    out_path: Path,
    copies: Sequence[PrintedCopy],
    page_size: tuple[float, float],
    info: PdfInfo,
    *,
    page_numbers: bool = False,
) -> Path:
    """`page_numbers` prints "Trang x/y" under every page: for long documents (the ledger, a
    report) whose loose sheets must be put back in order and checked complete."""
    register_fonts()
    with atomic_output(out_path) as stream:
        _build(stream, copies, page_size, info, page_numbers)
    return out_path


def _build(
    stream,
    copies: Sequence[PrintedCopy],
    page_size: tuple[float, float],
    info: PdfInfo,
    page_numbers: bool = False,
) -> None:
    doc = BaseDocTemplate(
        stream,
        pagesize=page_size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=nfc(info.title),
        author=nfc(info.author),
        subject=nfc(info.subject),
        creator=CREATOR,
        lang="vi-VN",
        # Otherwise the pages name Helvetica, a font we neither use nor embed.
        initialFontName=REGULAR,
    )
    templates: list[PageTemplate] = []
    story: list[Flowable] = []
    mark = current_void_mark()
    for index, copy in enumerate(copies):
        first, later = f"copy{index}", f"copy{index}-continued"
        templates.append(PageTemplate(first, [_frame(doc)], autoNextPageTemplate=later,
                                      onPageEnd=_decor(None, mark)))
        templates.append(PageTemplate(later, [_frame(doc)],
                                      onPageEnd=_decor(copy.running_head, mark)))
        if index:
            story += [NextPageTemplate(first), PageBreak()]
        if copy.fit_one_page:
            story.append(KeepInFrame(0, 0, list(copy.story), mode="shrink"))
        else:
            story += copy.story
    doc.addPageTemplates(templates)
    doc.build(story, canvasmaker=_PageNumberedCanvas if page_numbers else Canvas)


def _frame(doc: BaseDocTemplate) -> Frame:
    return Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def _decor(running_head: str | None, mark: VoidMark | None):
    """What is drawn on a finished page: the running head of a continuation page, and the void
    mark over the page's content."""
    def draw(canvas, doc) -> None:
        if running_head is not None:
            canvas.saveState()
            canvas.setFont(ITALIC, RUNNING_HEAD_SIZE)
            canvas.drawRightString(doc.pagesize[0] - doc.rightMargin,
                                   doc.pagesize[1] - MARGIN + 3 * mm, nfc(running_head))
            canvas.restoreState()
        if mark is not None:
            _draw_void(canvas, doc, mark)

    return draw


class _PageNumberedCanvas(Canvas):
    """Holds every finished page back until the end, when the total page count is known."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._held_pages: list[dict] = []

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, page in enumerate(self._held_pages, start=1):
            self.__dict__.update(page)
            self.setFont(ITALIC, RUNNING_HEAD_SIZE)
            self.drawCentredString(self._pagesize[0] / 2, MARGIN / 2, f"Trang {number}/{total}")
            super().showPage()
        super().save()
