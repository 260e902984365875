"""The checklist of a procedure's documents: ticked when handed in, with how many of each kind.

Keyboard: arrows move, Space ticks the current row whatever column it is in, F2 (or a double
click) edits a count. Tab leaves the table, so the form's tab order is not trapped in it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desk_app.core.model import DocumentLine, RequiredDocument

TICK, NAME, ORIGINALS, CERTIFIED, COPIES = range(5)
COUNT_COLUMNS = (ORIGINALS, CERTIFIED, COPIES)
MAX_COUNT = 99
MIN_VISIBLE_ROWS = 3
NAME_ROLE = Qt.ItemDataRole.UserRole
MANDATORY_ROLE = Qt.ItemDataRole.UserRole + 1


class CountDelegate(QStyledItemDelegate):
    """Edits a count of copies with a spin box from 0 to MAX_COUNT."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QSpinBox(parent)
        editor.setRange(0, MAX_COUNT)
        editor.setFrame(False)
        return editor


class DocumentsTable(QTableWidget):
    changed = Signal()  # the clerk ticked a document or changed a count; not set_documents()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels([
            self.tr("Đã nhận"), self.tr("Tên giấy tờ"), self.tr("Bản chính"),
            self.tr("Bản sao CT"), self.tr("Bản chụp"),
        ])
        self.horizontalHeaderItem(CERTIFIED).setToolTip(self.tr("Bản sao có chứng thực"))
        self.setToolTip(self.tr(
            "Phím cách: đánh dấu đã nhận giấy tờ ở dòng đang chọn. F2: sửa số bản."
        ))
        header = self.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (TICK, *COUNT_COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda *_: self.resizeRowsToContents())
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setTabKeyNavigation(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # No editing on plain typing: a scanner's digits must not land in a count.
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        delegate = CountDelegate(self)
        for column in COUNT_COLUMNS:
            self.setItemDelegateForColumn(column, delegate)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def set_documents(self, documents: Sequence[RequiredDocument]) -> None:
        self.blockSignals(True)
        self.setRowCount(0)
        self.setRowCount(len(documents))
        for row, document in enumerate(documents):
            tick = QTableWidgetItem()
            tick.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            tick.setCheckState(Qt.CheckState.Unchecked)
            self.setItem(row, TICK, tick)

            label = f"{document.name} *" if document.mandatory else document.name
            name = QTableWidgetItem(label)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            name.setData(NAME_ROLE, document.name)
            name.setData(MANDATORY_ROLE, document.mandatory)
            if document.mandatory:
                font = name.font()
                font.setBold(True)
                name.setFont(font)
                name.setToolTip(self.tr("Giấy tờ bắt buộc"))
            self.setItem(row, NAME, name)

            counts = (document.originals, document.certified, document.copies)
            for column, count in zip(COUNT_COLUMNS, counts, strict=True):
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.EditRole, count)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(row, column, item)
        self.blockSignals(False)
        self.resizeRowsToContents()

    def lines(self) -> tuple[DocumentLine, ...]:
        return tuple(
            DocumentLine(
                name=self.item(row, NAME).data(NAME_ROLE),
                mandatory=bool(self.item(row, NAME).data(MANDATORY_ROLE)),
                provided=self.item(row, TICK).checkState() == Qt.CheckState.Checked,
                originals=int(self.item(row, ORIGINALS).data(Qt.ItemDataRole.EditRole)),
                certified=int(self.item(row, CERTIFIED).data(Qt.ItemDataRole.EditRole)),
                copies=int(self.item(row, COPIES).data(Qt.ItemDataRole.EditRole)),
            )
            for row in range(self.rowCount())
        )

    def missing_mandatory(self) -> int:
        return sum(1 for line in self.lines() if line.mandatory and not line.provided)

    def any_ticked(self) -> bool:
        return any(line.provided for line in self.lines())

    def toggle(self, row: int) -> None:
        tick = self.item(row, TICK)
        ticked = tick.checkState() == Qt.CheckState.Checked
        tick.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)

    def sizeHint(self) -> QSize:
        # Just tall enough for its rows: the default asks for 192 px, which pushes the receive
        # form into scrolling on a 768-pixel-high screen.
        rows = sum(self.rowHeight(row) for row in range(self.rowCount()))
        empty_rows = max(0, MIN_VISIBLE_ROWS - self.rowCount())
        rows += empty_rows * self.verticalHeader().defaultSectionSize()
        height = self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth()
        return QSize(super().sizeHint().width(), height)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() == Qt.Key.Key_Space
            and self.state() != QAbstractItemView.State.EditingState
            and self.currentRow() >= 0
        ):
            self.toggle(self.currentRow())
            event.accept()
            return
        super().keyPressEvent(event)
