"""Writing a slip's PDF: one or more copies, each from a fresh page, written atomically.

The saved PDF is the legal record of what was handed over the counter, so it is rendered to a
temporary file beside the target and moved into place only when complete: a crash or power cut
leaves the previous file (or none), never half a PDF under the record's name.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
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
    out_path: Path, copies: Sequence[PrintedCopy], page_size: tuple[float, float], info: PdfInfo
) -> Path:
    register_fonts()
    out_path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(
        dir=out_path.parent, prefix=f".{out_path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            _build(stream, copies, page_size, info)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, 0o644)  # mkstemp makes it private to this user; the record is not
        os.replace(temp_name, out_path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return out_path


def _build(
    stream, copies: Sequence[PrintedCopy], page_size: tuple[float, float], info: PdfInfo
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
    doc.build(story)


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
