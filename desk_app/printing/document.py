"""Writing a slip's PDF: one or more copies, each from a fresh page, written atomically
(see `atomic`), optionally with "Trang x/y" on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
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
from desk_app.printing.fonts import ITALIC, REGULAR, register_fonts
from desk_app.printing.layout import MARGIN

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
    for index, copy in enumerate(copies):
        first, later = f"copy{index}", f"copy{index}-continued"
        templates.append(PageTemplate(first, [_frame(doc)], autoNextPageTemplate=later))
        templates.append(
            PageTemplate(later, [_frame(doc)], onPage=_running_head(copy.running_head))
        )
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


def _running_head(text: str):
    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(ITALIC, RUNNING_HEAD_SIZE)
        canvas.drawRightString(
            doc.pagesize[0] - doc.rightMargin, doc.pagesize[1] - MARGIN + 3 * mm, nfc(text)
        )
        canvas.restoreState()

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
