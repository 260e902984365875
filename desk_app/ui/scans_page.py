"""The dossier detail's digitised documents: every file of the dossier (at reception, brought
later, the result; every version), the pages of the one the clerk opens as thumbnails, each
page in the full view (which also prints), and for those who check the journal, who viewed
which file when.

A file is shown only once the clerk opens it (Enter): opening goes through the services, which
check its bytes and record the viewing, since scans of ID cards and personal papers are
sensitive personal data (Decree 356/2025/NĐ-CP). Pages are rendered with pypdfium2 on the
worker, like the print preview's; the GUI thread only places the images.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.clock import parse_iso
from desk_app.core.digitisation import DossierFile, FileUse
from desk_app.ui.labels import date_time_text, file_use_label, stage_label
from desk_app.ui.messages import error_text
from desk_app.ui.print_preview import PageImage, render_pages, show_preview
from desk_app.ui.shortcuts import make_shortcut
from desk_app.ui.tables import fill_table, on_activated, read_only_table

THUMBNAIL_DPI = 16  # an A4 page about 132×187 pixels
THUMBNAIL = QSize(132, 187)


class ScansPage(QWidget):
    """`viewed()` after a file was opened (the view record has a new row)."""

    viewed = Signal()

    def __init__(self, services, worker, uuid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="scans_page")
        self._services = services
        self._worker = worker
        self._uuid = uuid
        self._files: list[DossierFile] = []
        self._opened: tuple[DossierFile, Path] | None = None

        self.files_table = read_only_table("scans_table", [
            self.tr("Giấy tờ"), self.tr("Giai đoạn"), self.tr("Lần"), self.tr("Số trang"),
            self.tr("Cán bộ"), self.tr("Thời gian"),
        ], stretch=0)
        on_activated(self.files_table, self.open_selected)
        self.open_button = QPushButton(self.tr("Xem bản số hóa đã chọn (Enter)"),
                                       objectName="open_scan_button")
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_selected)

        self.thumbnails = QListWidget(objectName="scan_thumbnails")
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setFlow(QListView.Flow.LeftToRight)
        self.thumbnails.setWrapping(True)
        self.thumbnails.setResizeMode(QListView.ResizeMode.Adjust)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.setIconSize(THUMBNAIL)
        self.thumbnails.setSpacing(6)
        # Two pages wide at least; what the height does not show scrolls (the detail window
        # fits 1024×768).
        self.thumbnails.setMinimumWidth(2 * THUMBNAIL.width() + 40)
        on_activated(self.thumbnails, lambda index: self.full_view(index.row()))
        self.page_button = QPushButton(self.tr("Xem toàn trang, in (Enter trên trang)"),
                                       objectName="full_view_button")
        self.page_button.setAutoDefault(False)
        self.page_button.setEnabled(False)
        self.page_button.clicked.connect(lambda: self.full_view(self.thumbnails.currentRow()))
        # Back from the pages to the list of files, where the next one is chosen.
        make_shortcut(Qt.Key.Key_Backspace, self.thumbnails, self.files_table.setFocus,
                      Qt.ShortcutContext.WidgetShortcut)

        self.status = QLabel(objectName="scans_status")
        self.status.setWordWrap(True)

        self.views_label = QLabel(self.tr("Ai đã xem, in, lưu bản sao bản số hóa, lúc nào:"),
                                  objectName="views_label")
        self.views_table = read_only_table("views_table", [
            self.tr("Thời gian"), self.tr("Việc"), self.tr("Giấy tờ"), self.tr("Cán bộ"),
        ], stretch=2)
        self.views_table.setMinimumHeight(60)

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.page_button)
        buttons.addStretch(1)
        self.buttons = buttons
        # The files and who viewed them on the left, the opened file's pages on the right.
        left = QVBoxLayout()
        left.addWidget(self.files_table, 2)
        left.addWidget(self.views_label)
        left.addWidget(self.views_table, 1)
        sides = QHBoxLayout()
        sides.addLayout(left, 3)
        sides.addWidget(self.thumbnails, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(sides, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.show_files([], None)

    def add_action(self, action: QAction) -> None:
        """A button for `action` (digitising a document later) beside the page's own, shown
        and enabled as the action is."""
        button = QPushButton(action.iconText(), objectName=f"{action.objectName()}_button")
        button.setAutoDefault(False)
        button.clicked.connect(action.trigger)

        def follow() -> None:
            button.setVisible(action.isVisible())
            button.setEnabled(action.isEnabled())

        self.buttons.addWidget(button)  # first: a widget shown without a parent is a window
        action.changed.connect(follow)
        follow()

    def show_files(self, files: list[DossierFile], views: list | None) -> None:
        """The dossier's files, and the view record (None: not for this account)."""
        self._files = files
        fill_table(self.files_table, [
            [f.document, stage_label(f.stage), str(f.version), str(f.pages), f.clerk,
             date_time_text(f.at)]
            for f in files
        ])
        self.open_button.setEnabled(bool(files))
        if files and self.files_table.currentRow() < 0:
            self.files_table.setCurrentCell(0, 0)
        if not self._opened:
            self.status.setText(self.tr("Hồ sơ chưa có giấy tờ nào được số hóa.") if not files
                                else self.tr("Chọn một bản số hóa và bấm Enter để xem các trang."))
        for widget in (self.views_label, self.views_table):
            widget.setVisible(views is not None)
        if views is not None:
            fill_table(self.views_table, [
                [date_time_text(parse_iso(v.at)), file_use_label(FileUse(v.action)), v.document, v.clerk]
                for v in reversed(views)])

    def open_selected(self) -> None:
        row = self.files_table.currentRow()
        if not 0 <= row < len(self._files):
            return
        chosen = self._files[row]
        services, uuid = self._services, self._uuid

        def fetch() -> tuple[Path, list[PageImage]]:
            path = services.use_file(uuid, chosen.sha256, FileUse.VIEW)
            return path, render_pages(path, THUMBNAIL_DPI)

        self.status.setStyleSheet("")
        self.status.setText(self.tr("Đang mở {document}…").format(document=chosen.document))
        self._worker.run(fetch, partial(self._show_pages, chosen), self._failed)

    def _show_pages(self, chosen: DossierFile, opened: tuple[Path, list[PageImage]]) -> None:
        path, pages = opened
        self._opened = (chosen, path)
        self.thumbnails.clear()
        for number, page in enumerate(pages, start=1):
            pixmap = QPixmap.fromImage(page.image).scaled(
                THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation)
            item = QListWidgetItem(QIcon(pixmap), self.tr("Trang {number}").format(number=number))
            self.thumbnails.addItem(item)
        self.status.setText(self.tr(
            "{document} ({stage}, lần {version}): %n trang. Mũi tên chọn trang, Enter xem toàn "
            "trang, Backspace trở lại danh sách.", "", len(pages)).format(
                document=chosen.document, stage=stage_label(chosen.stage).lower(),
                version=chosen.version))
        self.page_button.setEnabled(bool(pages))
        if pages:
            self.thumbnails.setCurrentRow(0)
            self.thumbnails.setFocus(Qt.FocusReason.OtherFocusReason)
        self.viewed.emit()

    def _failed(self, exc: Exception) -> None:
        self.status.setStyleSheet("color: #b71c1c;")
        self.status.setText(error_text(exc))

    def full_view(self, page: int) -> None:
        """Page `page` (from 0) of the opened file in the full view: PageDown and PageUp for
        the next and previous page, Ctrl+ and Ctrl- to zoom, Ctrl+P to print, Esc to close."""
        if self._opened is None or page < 0:
            return
        chosen, path = self._opened
        dialog = show_preview(path, self._worker, self, first_page=page, record_use=partial(
            self._services.use_file, self._uuid, chosen.sha256))
        # A print or a copy is a new row of the record a leader sees here.
        dialog.used.connect(self.viewed)
        dialog.setWindowTitle(self.tr("{document} ({stage}, lần {version})").format(
            document=chosen.document, stage=stage_label(chosen.stage).lower(), version=chosen.version))

