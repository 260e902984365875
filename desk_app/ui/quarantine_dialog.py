"""The supervisor's view of what sync could not do: events the hub refused (with the hub's
reason), to send again or to discard (an audited event of its own), and changes from the
province that could not be applied here."""

from __future__ import annotations

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

from desk_app.core.sync_records import QuarantinedEvent, SyncProblem
from desk_app.services.sync import SyncService
from desk_app.ui.ask import confirm
from desk_app.ui.labels import event_kind_label
from desk_app.ui.messages import show_error
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
    table.resizeRowsToContents()


class QuarantineDialog(QDialog):
    changed = Signal()  # an event was sent back to the queue or discarded

    def __init__(self, sync: SyncService, worker, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="quarantine_dialog")
        self._sync = sync
        self._worker = worker
        self._events: list[QuarantinedEvent] = []
        self.setWindowTitle(self.tr("Sự kiện bị cách ly"))

        intro = QLabel(self.tr(
            "Máy chủ tỉnh đã từ chối các sự kiện dưới đây; những sự kiện khác vẫn được gửi bình "
            "thường. Gửi lại khi đã khắc phục nguyên nhân, hoặc loại bỏ (việc loại bỏ được ghi "
            "lại và báo lên tỉnh)."))
        intro.setWordWrap(True)
        self.events_table = _table("quarantine_table", [
            self.tr("Mã hồ sơ"), self.tr("Sự kiện"), self.tr("Thời gian ghi"),
            self.tr("Cán bộ"), self.tr("Lý do máy chủ từ chối")])
        self.events_table.itemSelectionChanged.connect(self._selection_changed)
        self.note = QLineEdit(objectName="discard_note")
        self.note.setPlaceholderText(self.tr("Lý do loại bỏ (bắt buộc khi loại bỏ)"))
        self.requeue_button = QPushButton(self.tr("&Gửi lại"), objectName="requeue_button")
        self.requeue_button.clicked.connect(self.requeue)
        self.discard_button = QPushButton(self.tr("&Loại bỏ…"), objectName="discard_button")
        self.discard_button.clicked.connect(self.discard)
        actions = QHBoxLayout()
        actions.addWidget(self.note, 1)
        actions.addWidget(self.requeue_button)
        actions.addWidget(self.discard_button)

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
        layout.addWidget(self.events_table, 3)
        layout.addLayout(actions)
        layout.addWidget(problems_title)
        layout.addWidget(self.problems_table, 1)
        layout.addLayout(bottom)
        open_size(self, 960, 560)
        self._selection_changed()
        self.reload()

    def reload(self) -> None:
        self._worker.run(lambda: (self._sync.quarantined(), self._sync.problems()),
                         self._show, partial(show_error, self))

    def _show(self, found: tuple[list[QuarantinedEvent], list[SyncProblem]]) -> None:
        self._events, problems = found
        _cells(self.events_table, [
            [e.dossier_code, event_kind_label(e.kind), f"{e.device_time:%H:%M %d/%m/%Y}",
             e.clerk, event_refusal_text(e.reason)] for e in self._events])
        # The hub's own words, for support staff, where the clerk's eye does not fall.
        for row, event in enumerate(self._events):
            self.events_table.item(row, REASON_COLUMN).setToolTip(
                self.tr("Máy chủ tỉnh ghi: {reason}").format(reason=event.reason))
        _cells(self.problems_table, [
            [f"{p.noticed_at:%H:%M %d/%m/%Y}", str(p.change_seq), p.message] for p in problems])
        self._selection_changed()

    def selected(self) -> QuarantinedEvent | None:
        rows = self.events_table.selectionModel().selectedRows()
        return self._events[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        chosen = self.selected() is not None
        self.requeue_button.setEnabled(chosen)
        self.discard_button.setEnabled(chosen)

    def _after_change(self, _result: object) -> None:
        self.note.clear()
        self.changed.emit()
        self.reload()

    def requeue(self) -> None:
        event = self.selected()
        if event is not None:
            self._worker.run(partial(self._sync.requeue, event.uuid), self._after_change,
                             partial(show_error, self))

    def discard(self) -> None:
        event = self.selected()
        if event is None:
            return
        note = self.note.text().strip()
        if not note:
            self.note.setFocus()
            self.note.setPlaceholderText(self.tr("Nhập lý do loại bỏ trước"))
            return
        if not confirm(self, self.tr("Loại bỏ sự kiện"), self.tr(
                "Loại bỏ sự kiện «{kind}» của hồ sơ {code}? Sự kiện sẽ không được gửi lên tỉnh "
                "nữa; việc loại bỏ được ghi lại và báo lên tỉnh.").format(
                    kind=event_kind_label(event.kind), code=event.dossier_code)):
            return
        self._worker.run(partial(self._sync.discard, event.uuid, note), self._after_change,
                         partial(show_error, self))

    def keyPressEvent(self, event) -> None:
        # Enter in the reason field must not close the dialog (QDialog's default button).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.note.hasFocus():
            self.discard()
            return
        super().keyPressEvent(event)
