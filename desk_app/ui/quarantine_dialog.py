"""The supervisor's view of what sync could not do: events the hub refused (with the hub's
reason), to send again or to discard (an audited event of its own); digitised documents' files
that kept failing to go up, to send again or to give up (the file stays on this counter, an
event of its dossier records it); and changes from the province that could not be applied
here."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.sync_records import QuarantinedEvent, QuarantinedFile, SyncProblem
from desk_app.core.text import file_size
from desk_app.services.sync import SyncService
from desk_app.ui.ask import confirm
from desk_app.ui.labels import event_kind_label
from desk_app.ui.messages import show_error
from desk_app.ui.shortcuts import make_shortcut
from desk_app.ui.widgets import open_size
from sync.client import event_refusal_text

REASON_COLUMN = 4  # the last of the events table


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(len(headers) - 1,
                                                  QHeaderView.ResizeMode.Stretch)
    return table


def _cells(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    table.resizeColumnToContents(0)  # a dossier's code or a time: whole, not elided
    table.resizeRowsToContents()


class _Quarantined:
    """One list of the quarantine (the events, the files): its table, the reason field for
    discarding, and the two buttons acting on the selected row."""

    def __init__(self, table: QTableWidget, note: QLineEdit, requeue: QPushButton,
                 discard: QPushButton) -> None:
        self.table, self.note, self.requeue_button, self.discard_button = (
            table, note, requeue, discard)
        self.table.itemSelectionChanged.connect(self.selection_changed)

    def actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.requeue_button)
        row.addWidget(self.discard_button)
        return row

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def selection_changed(self) -> None:
        chosen = self.selected_row() is not None
        self.requeue_button.setEnabled(chosen)
        self.discard_button.setEnabled(chosen)

    def reason(self, missing: str) -> str:
        """The reason typed for discarding; "" after asking for one in the field."""
        note = self.note.text().strip()
        if not note:
            self.note.setFocus()
            self.note.setPlaceholderText(missing)
        return note


class QuarantineDialog(QDialog):
    changed = Signal()  # an event or a file was sent back to the queue or discarded

    def __init__(self, sync: SyncService, worker, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="quarantine_dialog")
        self._sync = sync
        self._worker = worker
        self._events: list[QuarantinedEvent] = []
        self._files: list[QuarantinedFile] = []
        self.setWindowTitle(self.tr("Sự kiện và tệp bị cách ly"))

        intro = QLabel(self.tr(
            "Máy chủ tỉnh đã từ chối các sự kiện dưới đây; những sự kiện khác vẫn được gửi bình "
            "thường. Gửi lại khi đã khắc phục nguyên nhân, hoặc loại bỏ (việc loại bỏ được ghi "
            "lại và báo lên tỉnh)."))
        intro.setWordWrap(True)
        events_note = QLineEdit(objectName="discard_note")
        events_note.setPlaceholderText(self.tr("Lý do loại bỏ (bắt buộc khi loại bỏ)"))
        self.events = _Quarantined(
            _table("quarantine_table", [
                self.tr("Mã hồ sơ"), self.tr("Sự kiện"), self.tr("Thời gian ghi"),
                self.tr("Cán bộ"), self.tr("Lý do máy chủ từ chối")]),
            events_note,
            self._button(self.tr("&Gửi lại"), "requeue_button", self.requeue),
            self._button(self.tr("&Loại bỏ…"), "discard_button", self.discard))
        # The names the event list had before files joined it.
        self.events_table, self.note = self.events.table, self.events.note
        self.requeue_button, self.discard_button = (self.events.requeue_button,
                                                    self.events.discard_button)

        files_title = QLabel(self.tr(
            "Tệp số hóa gửi lên tỉnh không được (quá lớn, bị thay đổi hay mất trên máy, máy chủ "
            "từ chối nhiều lần); các tệp khác vẫn được gửi. Gửi lại (Ctrl+R) khi đã khắc phục, "
            "hoặc bỏ gửi (Ctrl+D): tệp vẫn được giữ trên máy này, việc bỏ gửi được ghi vào hồ "
            "sơ và báo lên tỉnh."))
        files_title.setWordWrap(True)
        files_note = QLineEdit(objectName="file_discard_note")
        files_note.setPlaceholderText(self.tr("Lý do bỏ gửi tệp (bắt buộc khi bỏ gửi)"))
        self.files = _Quarantined(
            _table("quarantined_files_table", [
                self.tr("Mã hồ sơ"), self.tr("Giấy tờ"), self.tr("Dung lượng"),
                self.tr("Cách ly lúc"), self.tr("Lý do")]),
            files_note,
            self._button(self.tr("Gửi lại tệp (Ctrl+R)"), "requeue_file_button",
                         self.requeue_file, "Ctrl+R"),
            self._button(self.tr("Bỏ gửi tệp… (Ctrl+D)"), "discard_file_button",
                         self.discard_file, "Ctrl+D"))

        problems_title = QLabel(self.tr("Thay đổi từ tỉnh không áp dụng được trên máy này:"))
        self.problems_table = _table("problems_table", [
            self.tr("Thời điểm"), self.tr("Vị trí"), self.tr("Nội dung")])
        close = QPushButton(self.tr("Đóng"), objectName="close_button")
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.events.table, 3)
        layout.addLayout(self.events.actions())
        layout.addWidget(files_title)
        layout.addWidget(self.files.table, 2)
        layout.addLayout(self.files.actions())
        layout.addWidget(problems_title)
        layout.addWidget(self.problems_table, 1)
        layout.addLayout(bottom)
        open_size(self, 960, 680)
        self.events.selection_changed()
        self.files.selection_changed()
        self.reload()

    def _button(self, text: str, name: str, slot: Callable[[], None],
                keys: str | None = None) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.clicked.connect(slot)
        if keys:
            make_shortcut(keys, self, lambda: button.isEnabled() and slot())
        return button

    def reload(self) -> None:
        sync = self._sync
        self._worker.run(lambda: (sync.quarantined(), sync.quarantined_files(), sync.problems()),
                         self._show, partial(show_error, self))

    def _show(self, found: tuple[list[QuarantinedEvent], list[QuarantinedFile],
                                 list[SyncProblem]]) -> None:
        self._events, self._files, problems = found
        _cells(self.events_table, [
            [e.dossier_code, event_kind_label(e.kind), f"{e.device_time:%H:%M %d/%m/%Y}",
             e.clerk, event_refusal_text(e.reason)] for e in self._events])
        # The hub's own words, for support staff, where the clerk's eye does not fall.
        for row, event in enumerate(self._events):
            self.events_table.item(row, REASON_COLUMN).setToolTip(
                self.tr("Máy chủ tỉnh ghi: {reason}").format(reason=event.reason))
        _cells(self.files.table, [
            [f.dossier_code, f.document, file_size(f.size),
             f"{f.quarantined_at:%H:%M %d/%m/%Y}" if f.quarantined_at else "", f.reason]
            for f in self._files])
        _cells(self.problems_table, [
            [f"{p.noticed_at:%H:%M %d/%m/%Y}", str(p.change_seq), p.message] for p in problems])
        self.events.selection_changed()
        self.files.selection_changed()

    def selected(self) -> QuarantinedEvent | None:
        row = self.events.selected_row()
        return None if row is None else self._events[row]

    def selected_file(self) -> QuarantinedFile | None:
        row = self.files.selected_row()
        return None if row is None else self._files[row]

    def _after_change(self, section: _Quarantined, _result: object) -> None:
        section.note.clear()
        self.changed.emit()
        self.reload()

    def _run(self, section: _Quarantined, call: Callable[[], object]) -> None:
        self._worker.run(call, partial(self._after_change, section), partial(show_error, self))

    def requeue(self) -> None:
        event = self.selected()
        if event is not None:
            self._run(self.events, partial(self._sync.requeue, event.uuid))

    def discard(self) -> None:
        event = self.selected()
        if event is None:
            return
        note = self.events.reason(self.tr("Nhập lý do loại bỏ trước"))
        if note and confirm(self, self.tr("Loại bỏ sự kiện"), self.tr(
                "Loại bỏ sự kiện «{kind}» của hồ sơ {code}? Sự kiện sẽ không được gửi lên tỉnh "
                "nữa; việc loại bỏ được ghi lại và báo lên tỉnh.").format(
                    kind=event_kind_label(event.kind), code=event.dossier_code)):
            self._run(self.events, partial(self._sync.discard, event.uuid, note))

    def requeue_file(self) -> None:
        file = self.selected_file()
        if file is not None:
            self._run(self.files, partial(self._sync.requeue_file, file.sha256))

    def discard_file(self) -> None:
        file = self.selected_file()
        if file is None:
            return
        note = self.files.reason(self.tr("Nhập lý do bỏ gửi tệp trước"))
        if note and confirm(self, self.tr("Bỏ gửi tệp số hóa"), self.tr(
                "Không gửi tệp số hóa «{document}» của hồ sơ {code} lên tỉnh nữa? Tệp vẫn được "
                "giữ trên máy này; việc bỏ gửi được ghi vào hồ sơ và báo lên tỉnh.").format(
                    document=file.document, code=file.dossier_code)):
            self._run(self.files, partial(self._sync.discard_file, file.sha256, note))

    def keyPressEvent(self, event) -> None:
        # Enter in a reason field discards (it must not close the dialog, QDialog's default).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.events.note.hasFocus():
                self.discard()
                return
            if self.files.note.hasFocus():
                self.discard_file()
                return
        super().keyPressEvent(event)
