"""The scan panel: the pages of one document line, from the scanner or from files.

Thumbnails appear as the feeder runs; the clerk reorders, rotates, deletes and rescans pages,
marks the capture that shows a sticky note, imports files (chosen or dropped), and accepts with
the pages in order (`pages()`). Every key is on the keyboard. Scanning and reading files run on
threads of their own, never the GUI's and never the services' worker (a feeder run of minutes
must not hold up the form's calls); a scanner failure is said in Vietnamese with the pages
captured so far kept. When given a spool, every change of the pages is written to it at once,
so a power cut loses nothing; the caller discards the spool once the document is saved. The
pages that come in are held in files (Page.held, on the thread that made them), not in
memory: the panel keeps their thumbnails, so a 200-sheet run costs the same memory in
black-and-white or in colour, here and in the window given the pages after Xong.

A document whose pages pass the province's limit for one file (the sync protocol's
MAX_FILE_BYTES: the counter would keep it but never send it) is said while the pages come in,
with what to do: black-and-white 200 dpi for text pages, or the pages split into documents.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap, QTransform
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.scanning.imports import SUFFIXES, import_file
from desk_app.scanning.pages import THUMB_SIZE, Page, thumbnail
from desk_app.scanning.scanner import (
    DPIS,
    Device,
    ScanError,
    Scanner,
    ScanSettings,
    default_scanner,
)
from desk_app.scanning.spool import Spool
from desk_app.ui.messages import error_text
from desk_app.ui.shortcuts import make_shortcut
from desk_app.ui.widgets import error_label, make_heading, open_size
from desk_app.ui.worker import Worker
from sync.protocol import MAX_FILE_BYTES

Thumb = tuple[int, int, bytes]  # pages.thumbnail's RGB picture


class _Arrivals(QObject):
    """Pages cross from the scanning and import threads to the GUI thread here (queued)."""

    page = Signal(object, object, object)  # Page, its thumbnail, the row it replaces or None


class ScanPanel(QDialog):
    def __init__(self, document_name: str, *, scanner: Scanner | None = None,
                 spool: Spool | None = None, pages: Sequence[Page] = (), mode: str = "bw",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Số hóa giấy tờ"))
        self.setAcceptDrops(True)
        self._scanner = scanner or default_scanner()
        self._spool = spool
        self._pages: list[Page] = []
        self._thumbs: dict[object, QImage] = {}  # by Page.source
        # One thread scans (a run can take minutes), another reads files, so an import is
        # never stuck behind the feeder; a third writes the spool, in order, with its fsyncs.
        self._scan_thread = Worker("scan")
        self._file_thread = Worker("import")
        self._spool_thread = Worker("spool")
        self._arrivals = _Arrivals()
        self._arrivals.page.connect(self._arrived)
        self._cancel = threading.Event()
        self._scanning = False

        heading = make_heading(QLabel(self.tr("Số hóa: {name}").format(name=document_name)), 1.2)
        self.device = QComboBox(objectName="scan_device")
        self.device.setMinimumContentsLength(18)
        self.device.addItem(self.tr("Đang tìm máy quét…"), None)
        self.source = QComboBox(objectName="scan_source")
        for text, value in ((self.tr("Mặt kính"), "flatbed"), (self.tr("Khay nạp giấy"), "adf"),
                            (self.tr("Khay nạp, hai mặt"), "adf-duplex")):
            self.source.addItem(text, value)
        self.dpi = QComboBox(objectName="scan_dpi")
        for dpi in DPIS:
            self.dpi.addItem(f"{dpi} dpi", dpi)
        self.mode = QComboBox(objectName="scan_mode")
        for text, value in ((self.tr("Đen trắng (trang chữ)"), "bw"),
                            (self.tr("Xám (ảnh, CCCD)"), "gray"), (self.tr("Màu"), "color")):
            self.mode.addItem(text, value)
        self.mode.setCurrentIndex(max(0, self.mode.findData(mode)))
        settings = QFormLayout()
        for label, field in ((self.tr("&Máy quét:"), self.device),
                              (self.tr("&Nguồn giấy:"), self.source),
                              (self.tr("Độ &phân giải:"), self.dpi),
                              (self.tr("&Chế độ:"), self.mode)):
            settings.addRow(label, field)

        self.scan_button = self._button(self.tr("&Quét (F5)"), "scan_button", self.scan, "F5")
        self.stop_button = self._button(self.tr("&Dừng quét (F6)"), "stop_button", self.stop, "F6")
        self.stop_button.setEnabled(False)
        self.import_button = self._button(self.tr("Nhập &tệp… (Ctrl+O)"), "import_button",
                                          self.choose_files, "Ctrl+O")
        acquire = QVBoxLayout()
        for button in (self.scan_button, self.stop_button, self.import_button):
            acquire.addWidget(button)
        acquire.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(settings, 1)
        top.addLayout(acquire)

        self.page_list = QListWidget(objectName="scan_pages")
        self.page_list.setViewMode(QListWidget.ViewMode.IconMode)
        self.page_list.setIconSize(QSize(THUMB_SIZE, THUMB_SIZE))
        self.page_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.page_list.setMovement(QListWidget.Movement.Static)
        self.page_list.setSpacing(6)
        self.page_list.setWordWrap(True)
        self.page_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.page_list.setAcceptDrops(False)  # files dropped on it go to the panel
        self.page_list.setMinimumHeight(THUMB_SIZE + 60)
        on_list = Qt.ShortcutContext.WidgetWithChildrenShortcut
        page_buttons = QHBoxLayout()
        for text, name, slot, keys in (
                (self.tr("Lên trước (Ctrl+←)"), "move_earlier_button", self.move_earlier,
                 "Ctrl+Left"),
                (self.tr("Ra sau (Ctrl+→)"), "move_later_button", self.move_later, "Ctrl+Right"),
                (self.tr("&Xoay (Ctrl+R)"), "rotate_button", self.rotate, "Ctrl+R"),
                (self.tr("Xóa trang (Delete)"), "delete_button", self.delete_page, "Delete"),
                (self.tr("Quét &lại trang (F7)"), "rescan_button", self.rescan, "F7"),
                (self.tr("Có &giấy ghi chú (Ctrl+G)"), "sticky_button", self.toggle_sticky,
                 "Ctrl+G")):
            button = QPushButton(text, objectName=name)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            # Page keys act on the list (Delete in a combo box must not delete a page).
            make_shortcut(keys, self.page_list, slot, on_list)
            page_buttons.addWidget(button)
        page_buttons.addStretch(1)

        self.status = QLabel(objectName="scan_status")
        self.error = error_label("scan_error")
        self.size_warning = error_label("scan_size_warning")
        self.done_button = QPushButton(self.tr("Xong (Ctrl+Enter)"), objectName="done_button")
        self.done_button.clicked.connect(self.accept)
        self.done_button.setAutoDefault(False)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            make_shortcut(keys, self, self.accept)
        cancel = QPushButton(self.tr("Hủy (Esc)"), objectName="cancel_button")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.done_button)
        bottom.addWidget(cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(self.page_list, 1)
        layout.addLayout(page_buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.size_warning)
        layout.addLayout(bottom)
        open_size(self, 960, 680)

        for page in pages:
            self._file_thread.run(lambda page=page: (page, thumbnail(page)),
                                  lambda found: self._arrived(*found, None))
        self._scan_thread.run(self._scanner.devices, self._found_devices, self._failed)
        self._show_count()
        self.scan_button.setFocus()

    def _button(self, text: str, name: str, slot: Callable[[], None], keys: str) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        make_shortcut(keys, self, slot)
        return button

    # --- what the caller reads -------------------------------------------------------------

    def pages(self) -> list[Page]:
        return list(self._pages)

    @property
    def scanning(self) -> bool:
        return self._scanning

    def settings(self) -> ScanSettings:
        return ScanSettings(dpi=self.dpi.currentData(), mode=self.mode.currentData(),
                            source=self.source.currentData())

    # --- acquiring -------------------------------------------------------------------------

    def _found_devices(self, devices: list[Device]) -> None:
        self.device.clear()
        for device in devices:
            self.device.addItem(device.name if device.name == device.id
                                else f"{device.name} ({device.id})", device)
        if not devices:
            self.device.addItem(self.tr("Không có máy quét (vẫn nhập được tệp)"), None)

    def scan(self) -> None:
        self._acquire(None)

    def rescan(self) -> None:
        """Scan the selected page again: the first sheet replaces it."""
        row = self.page_list.currentRow()
        if row >= 0:
            self._acquire(row)

    def stop(self) -> None:
        self._cancel.set()

    def _acquire(self, replace_row: int | None) -> None:
        if self._scanning:
            return
        device = self.device.currentData()
        if device is None:
            self._show_error(ScanError("no_scanner").message)
            return
        settings = self.settings()
        self._cancel.clear()
        self._set_scanning(True)
        self._show_error("")
        arrivals, cancel, scanner = self._arrivals.page, self._cancel, self._scanner
        delivered = threading.Event()

        def on_page(page: Page) -> None:  # on the scan thread
            small = thumbnail(page)
            arrivals.emit(page.held(), small, replace_row)
            delivered.set()

        def run() -> None:
            # One page only when rescanning, then the feeder is stopped.
            wanted = ((lambda: cancel.is_set() or delivered.is_set()) if replace_row is not None
                      else cancel.is_set)
            try:
                scanner.acquire(device, settings, on_page, wanted)
            except ScanError as exc:
                if not (exc.kind == "cancelled" and replace_row is not None
                        and delivered.is_set() and not cancel.is_set()):
                    raise

        self._scan_thread.run(run, self._scan_ended, self._scan_failed)

    def _arrived(self, page: Page, thumb: Thumb, replace_row: int | None) -> None:
        width, height, rgb = thumb
        self._thumbs[page.source] = QImage(rgb, width, height, 3 * width,
                                         QImage.Format.Format_RGB888).copy()
        if replace_row is not None and replace_row < len(self._pages):
            # The rescan keeps the page's place and its sticky-note mark.
            self._pages[replace_row] = dataclasses.replace(
                page, sticky_note=self._pages[replace_row].sticky_note)
            self._changed(replace_row)
        else:
            # A feeder run of 200 sheets adds one item each, not the whole list again.
            self._pages.append(page)
            self._add_item(len(self._pages), page)
            if self.page_list.currentRow() < 0:
                self.page_list.setCurrentRow(0)  # page keys work at once
            self._saved()

    def _scan_ended(self, _result: object) -> None:
        self._set_scanning(False)

    def _scan_failed(self, exc: Exception) -> None:
        self._set_scanning(False)
        self._failed(exc)

    def _failed(self, exc: Exception) -> None:
        self._show_error(exc.message if isinstance(exc, ScanError) else error_text(exc))

    def _set_scanning(self, scanning: bool) -> None:
        self._scanning = scanning
        self.scan_button.setEnabled(not scanning)
        self.stop_button.setEnabled(scanning)
        self._show_count()

    # --- files -----------------------------------------------------------------------------

    def choose_files(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Chọn tệp ảnh hoặc PDF"), "",
            self.tr("Ảnh và PDF ({patterns})").format(patterns=patterns))
        self.import_files([Path(path) for path in paths])

    def import_files(self, paths: Sequence[Path]) -> None:
        """Each file's pages go after the others, in the order given; a bad file is named
        with its reason and the rest still come in."""
        arrivals = self._arrivals.page
        for path in paths:
            def read(path: Path = path) -> None:  # on the file thread
                for page in import_file(path):
                    small = thumbnail(page)
                    arrivals.emit(page.held(), small, None)

            self._file_thread.run(read, None, lambda exc, path=path: self._show_error(
                f"{path.name}: {exc.message if isinstance(exc, ScanError) else error_text(exc)}"))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    # --- editing the pages -----------------------------------------------------------------

    def move_earlier(self) -> None:
        self._move(-1)

    def move_later(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        row = self.page_list.currentRow()
        if row < 0 or not 0 <= row + step < len(self._pages):
            return
        pages = self._pages
        pages[row], pages[row + step] = pages[row + step], pages[row]
        self._changed(row + step)

    def rotate(self) -> None:
        row = self.page_list.currentRow()
        if row >= 0:
            page = self._pages[row]
            self._pages[row] = dataclasses.replace(page, rotation=(page.rotation + 90) % 360)
            self._changed(row)

    def toggle_sticky(self) -> None:
        row = self.page_list.currentRow()
        if row >= 0:
            page = self._pages[row]
            self._pages[row] = dataclasses.replace(page, sticky_note=not page.sticky_note)
            self._changed(row)

    def delete_page(self) -> None:
        row = self.page_list.currentRow()
        if row >= 0:
            del self._pages[row]
            self._changed(min(row, len(self._pages) - 1))

    def _changed(self, current: int) -> None:
        """Show the pages again, select `current`, and write them to the spool."""
        self.page_list.clear()
        self._thumbs = {page.source: self._thumbs[page.source] for page in self._pages}
        for number, page in enumerate(self._pages, start=1):
            self._add_item(number, page)
        if current >= 0:
            self.page_list.setCurrentRow(current)
        self._saved()

    def _add_item(self, number: int, page: Page) -> None:
        image = self._thumbs[page.source]
        if page.rotation:
            image = image.transformed(QTransform().rotate(page.rotation))
        text = self.tr("Trang {n}").format(n=number)
        if page.sticky_note:
            text += "\n" + self.tr("(có giấy ghi chú)")
        QListWidgetItem(QIcon(QPixmap.fromImage(image)), text, self.page_list)

    def _saved(self) -> None:
        """The spool holds the pages as they are now; the count says how many."""
        if self._spool is not None:
            self._spool_thread.run(partial(self._spool.replace, list(self._pages)), None,
                                   self._failed)
        self._show_count()

    def _show_count(self) -> None:
        count = len(self._pages)
        if self._scanning:
            text = self.tr("Đang quét… %n trang", "", count)
        else:
            text = self.tr("%n trang", "", count)
        self.status.setText(text)
        size = sum(page.size for page in self._pages)
        self.size_warning.setText(self.tr(
            "Các trang đã quét khoảng {size} MB, quá {limit} MB mà cổng dịch vụ công của tỉnh "
            "nhận cho một tệp: giấy tờ vẫn được lưu ở máy này nhưng sẽ không được gửi lên tỉnh. "
            "Trang chữ nên quét đen trắng 200 dpi; giấy tờ dài nên chia thành nhiều giấy tờ."
        ).format(size=_mb(size), limit=_mb(MAX_FILE_BYTES)) if size > MAX_FILE_BYTES else "")
        self.size_warning.setVisible(size > MAX_FILE_BYTES)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # --- closing ---------------------------------------------------------------------------

    def done(self, result: int) -> None:
        # A run still going is stopped and the scanner released, and the spool holds the last
        # pages, before the panel goes away (a cancelled scanimage ends within a poll).
        self._cancel.set()
        for thread in (self._scan_thread, self._file_thread, self._spool_thread):
            thread.shutdown()
        # Pages that arrived while the threads ended are still queued to this thread: take
        # them in now, so `pages()` has them when the caller asks right after.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)
        super().done(result)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f}"
