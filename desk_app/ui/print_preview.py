"""Looking at a kept slip before printing it, and printing it.

Pages are rasterised with pypdfium2 (PySide6-Essentials has no QtPdf). pypdfium2 must not be
called from two threads at once, so rendering always goes through the serial worker; only the
finished QImages cross to the GUI thread, which paints them onto the printer.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QDesktopServices,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPixmap,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.digitisation import FileUse
from desk_app.core.options import AS_DRAWN, PrinterChoice
from desk_app.core.slips import SlipKind
from desk_app.ui.ask import warn
from desk_app.ui.messages import ClerkError, error_text
from desk_app.ui.printer_choice import new_printer, printed_kind
from desk_app.ui.shortcuts import make_shortcut
from desk_app.ui.widgets import open_size

log = logging.getLogger(__name__)

POINTS_PER_INCH = 72
PREVIEW_DPI = 150
MAX_PRINT_DPI = 300
SCREEN_DPI = 96
ZOOM_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
MAX_COPIES = 20


class PdfUnreadable(ClerkError):
    """The kept PDF is missing or damaged."""


class PrintFailed(ClerkError):
    """The printer refused the job."""


@dataclass(frozen=True)
class PageImage:
    image: QImage
    size_points: QSizeF  # the PDF page's size, which decides the paper


def render_pages(pdf_path: Path, dpi: int) -> list[PageImage]:
    """Every page of the PDF as an image at `dpi`. Safe off the GUI thread (QImage only)."""
    import pypdfium2  # here, not at start: the app shows no PDF before the clerk prints

    try:
        document = pypdfium2.PdfDocument(str(pdf_path))
    except (OSError, pypdfium2.PdfiumError) as exc:
        raise PdfUnreadable(QCoreApplication.translate(
            "PrintPreview",
            "Không mở được tệp phiếu {path} ({error}). Tệp có thể đã bị xóa, di chuyển hoặc "
            "hỏng; hãy in lại phiếu từ danh sách hồ sơ để tạo lại.",
        ).format(path=pdf_path, error=exc)) from exc
    try:
        pages = []
        for page in document:
            width, height = page.get_size()
            bitmap = page.render(
                scale=dpi / POINTS_PER_INCH,
                force_bitmap_format=pypdfium2.raw.FPDFBitmap_BGRx,
                rev_byteorder=True,
            )
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGBX8888).copy()
            image.setDotsPerMeterX(round(dpi / 0.0254))
            image.setDotsPerMeterY(round(dpi / 0.0254))
            pages.append(PageImage(image, QSizeF(width, height)))
            bitmap.close()
            page.close()
        return pages
    finally:
        document.close()


PAPER_SIZES = {"A4": QPageSize.PageSizeId.A4, "A5": QPageSize.PageSizeId.A5}


def page_layout(size_points: QSizeF, paper: str = AS_DRAWN) -> QPageLayout:
    """Paper matching the PDF page (A5 portrait for slips, A4 landscape for the ledger), or
    the paper set for its kind in the settings, turned the way the page is drawn. A4 and A5
    have the same proportions, so a page fills either."""
    short, long = sorted((size_points.width(), size_points.height()))
    orientation = (QPageLayout.Orientation.Landscape if size_points.width() > size_points.height()
                   else QPageLayout.Orientation.Portrait)
    if paper == AS_DRAWN:
        page_size = QPageSize(QSizeF(short, long), QPageSize.Unit.Point)
    else:
        page_size = QPageSize(PAPER_SIZES[paper])
    return QPageLayout(page_size, orientation, QMarginsF())


def printer_dpi(printer: QPrinter) -> int:
    return min(printer.resolution(), MAX_PRINT_DPI)


def paint_pages(pages: list[PageImage], printer: QPrinter, paper: str = AS_DRAWN,
                copies: int = 1) -> None:
    """Each image over the whole sheet: the PDF already carries its own margins. `copies`
    by the printer where it can make them, else page by page here (Qt leaves that to us)."""
    if not pages:
        raise PrintFailed(QCoreApplication.translate("PrintPreview", "Tệp phiếu không có trang nào."))
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(pages[0].size_points, paper))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(QCoreApplication.translate(
            "PrintPreview",
            "Máy in {printer} không nhận lệnh in. Kiểm tra máy in đã bật, còn giấy, rồi in lại.",
        ).format(printer=printer.printerName()))
    printer.setCopyCount(copies)
    sets = 1 if printer.supportsMultipleCopies() else copies
    try:
        for number, page in enumerate(pages * sets):
            if number:
                printer.setPageLayout(page_layout(page.size_points, paper))
                printer.newPage()
            sheet = printer.pageLayout().fullRectPixels(printer.resolution())
            painter.drawImage(QRectF(sheet), page.image)
    finally:
        painter.end()


def print_pdf(pdf_path: Path, printer: QPrinter, paper: str = AS_DRAWN) -> int:
    """Print the PDF on `printer`; returns the number of pages sent."""
    pages = render_pages(pdf_path, printer_dpi(printer))
    paint_pages(pages, printer, paper)
    return len(pages)


def no_printer_message(pdf_path: Path) -> str:
    """Where the PDF is kept and how to print it later, which depends on what it is: only the
    receipt is reprinted from the list with Ctrl+P."""
    kind = printed_kind(pdf_path)
    if kind == SlipKind.RECEIPT:
        later = QCoreApplication.translate(
            "PrintPreview", "chọn hồ sơ trong danh sách và bấm Ctrl+P để in lại phiếu.")
    elif kind in tuple(SlipKind):
        later = QCoreApplication.translate(
            "PrintPreview", "mở hồ sơ (Enter trong danh sách), thẻ Phiếu đã in (Alt+4), chọn "
            "phiếu này và bấm Enter để in.")
    else:
        later = QCoreApplication.translate(
            "PrintPreview", "mở tệp trên bằng trình đọc PDF để in, hoặc tạo lại báo cáo.")
    return QCoreApplication.translate(
        "PrintPreview",
        "Không tìm thấy máy in nào trên máy tính này. Phiếu đã được lưu tại:\n{path}\n"
        "Không mất dữ liệu: khi có máy in, {later}",
    ).format(path=pdf_path, later=later)


class PrintPreviewDialog(QDialog):
    """`used()` after a print was sent or a copy saved."""

    used = Signal()

    def __init__(self, pdf_path: Path | str, worker, parent: QWidget | None = None,
                 *, services=None, first_page: int = 0,
                 record_use: Callable[[FileUse], object] | None = None) -> None:
        """`services` gives the printer and paper set for the PDF's kind; without it (or for
        a PDF the app did not make) the system's default printer and the drawn paper.
        `first_page` (from 0): the page shown first, once the pages are rendered.
        `record_use`, for a citizen's scan: run on the worker before printing or saving a copy,
        to record it; when it raises, nothing is printed or copied. Such a file has no "open
        folder" button: its folder holds every dossier's scans."""
        super().__init__(parent, objectName="print_preview")
        self.pdf_path = Path(pdf_path)
        self._worker = worker
        self._record_use = record_use
        self.printer_choice = PrinterChoice()
        self._pages: list[PageImage] = []
        self._page_labels: list[QLabel] = []
        self._zoom = 1.0
        self.setWindowTitle(self.tr("Xem trước phiếu – {name}").format(name=self.pdf_path.name))

        self.print_button = QPushButton(self.tr("In (Ctrl+P)"), objectName="print_button")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.save_copy_button = QPushButton(
            self.tr("Lưu bản sao PDF… (Ctrl+Shift+S)"), objectName="save_copy_button")
        self.save_copy_button.clicked.connect(self.save_copy)
        self.open_folder_button = QPushButton(
            self.tr("Mở &thư mục chứa tệp"), objectName="open_folder_button")
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_folder_button.setVisible(record_use is None)
        zoom_out = QPushButton(self.tr("Thu nhỏ (Ctrl+-)"), objectName="zoom_out_button")
        zoom_out.clicked.connect(lambda: self.zoom_by(-1))
        zoom_in = QPushButton(self.tr("Phóng to (Ctrl++)"), objectName="zoom_in_button")
        zoom_in.clicked.connect(lambda: self.zoom_by(1))
        self.zoom_label = QLabel(objectName="zoom_label")
        fit_width = QPushButton(self.tr("Vừa khổ rộng (Ctrl+0)"), objectName="fit_width_button")
        fit_width.clicked.connect(self.fit_width)
        self.copies = QSpinBox(objectName="copies")
        self.copies.setRange(1, MAX_COPIES)
        copies_label = QLabel(self.tr("Số &bản:"))
        copies_label.setBuddy(self.copies)
        close_button = QPushButton(self.tr("Đóng (Esc)"), objectName="close_button")
        close_button.clicked.connect(self.reject)
        for button in (self.save_copy_button, self.open_folder_button, zoom_out, zoom_in,
                       fit_width, close_button):
            button.setAutoDefault(False)

        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.save_copy_button.setShortcut(QKeySequence("Ctrl+Shift+S"))
        for keys in (QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")):
            make_shortcut(keys, self, lambda: self.zoom_by(1))
        make_shortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self.zoom_by(-1))
        make_shortcut(QKeySequence("Ctrl+0"), self, self.fit_width)
        # Page by page wherever the focus is (the print button has it): the slips are short.
        for keys, step in ((Qt.Key.Key_PageDown, 1), (Qt.Key.Key_PageUp, -1)):
            make_shortcut(keys, self, partial(self.turn_page, step))
        make_shortcut(Qt.Key.Key_Home, self, partial(self.show_page, 0))
        make_shortcut(Qt.Key.Key_End, self, lambda: self.show_page(len(self._page_labels) - 1))

        self.printer_notice = QLabel(objectName="printer_notice")
        self.printer_notice.setWordWrap(True)
        self.printer_notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.printer_notice.setStyleSheet(
            "background: #fff4e0; border: 1px solid #e65100; padding: 6px; color: #5d2a00;")
        self.printer_notice.setVisible(not QPrinterInfo.availablePrinters())
        self.printer_notice.setText(self._no_printer_text())

        self.status = QLabel(self.tr("Đang tạo bản xem trước…"), objectName="preview_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._pages_box = QWidget(objectName="pages")
        self._pages_box.setStyleSheet("#pages { background: #8a8f98; }")
        self._pages_layout = QVBoxLayout(self._pages_box)
        self._pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._pages_layout.setSpacing(16)
        self.scroll = QScrollArea(objectName="pages_scroll")
        self.scroll.setWidget(self._pages_box)
        self.scroll.setWidgetResizable(True)
        self._page = first_page  # the page PageUp/PageDown turn from

        buttons = QHBoxLayout()
        for widget in (self.print_button, copies_label, self.copies, self.save_copy_button,
                       self.open_folder_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        # Under the pages, how to move through them: the two rows fit a 1024-pixel screen.
        view = QHBoxLayout()
        view.addWidget(QLabel(self.tr("PageDown, PageUp: trang sau, trang trước; Home, End: "
                                      "trang đầu, trang cuối."), objectName="pages_hint"))
        view.addStretch(1)
        for widget in (zoom_out, self.zoom_label, zoom_in, fit_width):
            view.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.printer_notice)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(view)
        open_size(self, 880, 660)
        self._show_zoom()

        self.print_button.setEnabled(False)
        kind = printed_kind(self.pdf_path)
        if services is not None and kind is not None:
            # Queued first on the serial worker: known before the pages, so before printing.
            self._worker.run(partial(services.printer_choice, kind), self._set_printer_choice,
                             lambda exc: log.warning("printer setting unreadable", exc_info=exc))
        self._worker.run(lambda: render_pages(self.pdf_path, PREVIEW_DPI),
                         self._show_pages, self._preview_failed)

    def _set_printer_choice(self, choice: PrinterChoice) -> None:
        self.printer_choice = choice

    # --- preview ---------------------------------------------------------------------------

    def _show_pages(self, pages: list[PageImage]) -> None:
        self._pages = pages
        self.status.setText(self.tr("%n trang · {path}", "", len(pages)).format(
            path=self.pdf_path))
        self.print_button.setEnabled(bool(pages))
        self._layout_pages()
        self.show_page(self._page)

    def _preview_failed(self, exc: Exception) -> None:
        self.status.setStyleSheet("color: #b71c1c;")
        self.status.setText(error_text(exc))
        self.print_button.setEnabled(False)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Pages rendered before the window showed could not scroll yet (the view had no
        size): the first page is scrolled to once it has."""
        super().showEvent(event)
        QTimer.singleShot(0, lambda: self.show_page(self._page))

    def page_labels(self) -> list[QLabel]:
        return list(self._page_labels)

    def _layout_pages(self) -> None:
        for label in self._page_labels:
            self._pages_layout.removeWidget(label)
            label.deleteLater()
        self._page_labels = []
        for number, page in enumerate(self._pages, start=1):
            width = round(page.size_points.width() * SCREEN_DPI / POINTS_PER_INCH * self._zoom)
            pixmap = QPixmap.fromImage(page.image).scaledToWidth(
                width, Qt.TransformationMode.SmoothTransformation)
            label = QLabel(objectName=f"page_{number}")
            label.setPixmap(pixmap)
            label.setStyleSheet("border: 1px solid #555;")
            self._pages_layout.addWidget(label)
            self._page_labels.append(label)

    def zoom_by(self, steps: int) -> None:
        position = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - self._zoom))
        position = max(0, min(len(ZOOM_STEPS) - 1, position + steps))
        self._zoom = ZOOM_STEPS[position]
        self._show_zoom()
        self._layout_pages()

    def fit_width(self) -> None:
        """The pages as wide as the window shows them, whatever its size."""
        if not self._pages:
            return
        room = self.scroll.viewport().width() - 2 * self._pages_layout.contentsMargins().left()
        drawn = self._pages[0].size_points.width() * SCREEN_DPI / POINTS_PER_INCH
        self._zoom = max(0.1, room / drawn)
        self._show_zoom()
        self._layout_pages()

    def turn_page(self, step: int) -> None:
        self.show_page(self._page + step)

    def show_page(self, number: int) -> None:
        """Scroll page `number` (from 0, kept within the pages) to the top of the view."""
        if not self._page_labels:
            return
        self._page = max(0, min(len(self._page_labels) - 1, number))
        self._pages_box.layout().activate()  # the labels' places, even before a paint
        self.scroll.verticalScrollBar().setValue(self._page_labels[self._page].y())

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{round(self._zoom * 100)} %")

    # --- actions ---------------------------------------------------------------------------

    def print_document(self) -> None:
        if not QPrinterInfo.availablePrinters():
            warn(self, self.tr("Không có máy in"), self._no_printer_text())
            return
        printer, notice = new_printer(self.printer_choice)
        paper = self.printer_choice.paper
        self.printer_notice.setText(notice)
        self.printer_notice.setVisible(bool(notice))
        if self._pages:
            printer.setPageLayout(page_layout(self._pages[0].size_points, paper))
        printer.setCopyCount(self.copies.value())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.status.setText(self.tr("Đang gửi tới máy in…"))
        dpi = printer_dpi(printer)
        copies = printer.copyCount()  # as the clerk left it in the system's dialog
        def render() -> list[PageImage]:
            self._recorded(FileUse.PRINT)
            return render_pages(self.pdf_path, dpi)

        self._worker.run(render, lambda pages: self._send(pages, printer, paper, copies),
                         self._print_failed)

    def _no_printer_text(self) -> str:
        if self._record_use is None:
            return no_printer_message(self.pdf_path)
        # Not where the scan is kept: printing it from there would not be recorded.
        return self.tr("Không tìm thấy máy in nào trên máy tính này. Khi có máy in, mở lại bản "
                       "số hóa này trong hồ sơ để in.")

    def _recorded(self, use: FileUse) -> None:
        """On the worker: the use recorded, where this file's uses are."""
        if self._record_use is not None:
            self._record_use(use)

    def _send(self, pages: list[PageImage], printer: QPrinter, paper: str,
              copies: int) -> None:
        try:
            paint_pages(pages, printer, paper, copies)
        except PrintFailed as exc:
            self._print_failed(exc)
            return
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Đã gửi %n trang tới máy in {printer}.", "", len(pages)).format(
            printer=printer.printerName()))
        self.used.emit()

    def _print_failed(self, exc: Exception) -> None:
        message = error_text(exc)
        self.status.setStyleSheet("color: #b71c1c;")
        self.status.setText(message)
        warn(self, self.tr("Chưa in được"), message)

    def save_copy(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu bản sao PDF"), str(Path.home() / self.pdf_path.name),
            self.tr("Tệp PDF (*.pdf)"))
        if not target:
            return

        def copy() -> None:
            self._recorded(FileUse.COPY)
            shutil.copyfile(self.pdf_path, target)

        self._worker.run(copy, lambda _: self._copied(target), partial(self._copy_failed, target))

    def _copied(self, target: str) -> None:
        self.status.setText(self.tr("Đã lưu bản sao tại {target}").format(target=target))
        self.used.emit()

    def _copy_failed(self, target: str, exc: Exception) -> None:
        error = exc if isinstance(exc, OSError) else error_text(exc)
        warn(self, self.tr("Chưa lưu được"), self.tr(
            "Không lưu được bản sao vào {target}: {error}").format(target=target, error=error))

    def open_folder(self) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf_path.parent))):
            warn(self, self.tr("Thư mục chứa tệp"), self.tr(
                "Không mở được trình quản lý tệp. Tệp nằm tại:\n{path}").format(
                    path=self.pdf_path))


def show_preview(pdf_path: Path | str, worker, parent: QWidget | None,
                 *, services=None, first_page: int = 0,
                 record_use: Callable[[FileUse], object] | None = None) -> PrintPreviewDialog:
    """Open the preview window-modal, without blocking; it deletes itself when closed."""
    dialog = PrintPreviewDialog(pdf_path, worker, parent, services=services,
                                first_page=first_page, record_use=record_use)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
