"""The documents a procedure asks for, as the catalogue editor edits them: name, mandatory or
not, and the usual number of originals, certified copies and photocopies.

Keyboard: Insert adds a row and starts typing its name, Delete removes the current row,
Alt+Up / Alt+Down move it, Space in the "Bắt buộc" column ticks it, typing or F2 edits a cell.
Tab leaves the table, so the form's tab order goes on past it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.model import RequiredDocument
from desk_app.ui.documents_table import CountDelegate
from desk_app.ui.shortcuts import make_shortcut
from desk_app.ui.tables import commit_edit, edit_cell, editable_table, remove_current_row

NAME, MANDATORY, ORIGINALS, CERTIFIED, COPIES = range(5)
COUNTS = (ORIGINALS, CERTIFIED, COPIES)


class RequiredDocumentsEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="documents_editor")
        self.table = editable_table("documents_table", [
            self.tr("Tên giấy tờ"), self.tr("Bắt buộc"), self.tr("Bản chính"),
            self.tr("Bản sao CT"), self.tr("Bản photo")])
        delegate = CountDelegate(self.table)
        for column in COUNTS:
            self.table.setItemDelegateForColumn(column, delegate)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (MANDATORY, *COUNTS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.add_button = QPushButton(self.tr("Thêm (Insert)"), objectName="add_document")
        self.remove_button = QPushButton(self.tr("Xóa (Delete)"), objectName="remove_document")
        self.up_button = QPushButton(self.tr("Lên (Alt+↑)"), objectName="document_up")
        self.down_button = QPushButton(self.tr("Xuống (Alt+↓)"), objectName="document_down")
        buttons = QHBoxLayout()
        for button, slot in ((self.add_button, self.add_row),
                             (self.remove_button, self.remove_row),
                             (self.up_button, lambda: self.move_row(-1)),
                             (self.down_button, lambda: self.move_row(1))):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys do it; Tab skips them
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        within = Qt.ShortcutContext.WidgetWithChildrenShortcut
        make_shortcut(QKeySequence(Qt.Key.Key_Insert), self, self.add_row, within)
        make_shortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.remove_row,
                      Qt.ShortcutContext.WidgetShortcut)
        make_shortcut(QKeySequence("Alt+Up"), self, lambda: self.move_row(-1), within)
        make_shortcut(QKeySequence("Alt+Down"), self, lambda: self.move_row(1), within)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)

    def set_documents(self, documents: Sequence[RequiredDocument]) -> None:
        self.table.setRowCount(0)
        for document in documents:
            self._insert(self.table.rowCount(), document)
        if documents:
            self.table.setCurrentCell(0, NAME)

    def documents(self) -> tuple[RequiredDocument, ...]:
        """The rows as typed (a cell being edited counts), blank rows included so that the
        services can name them."""
        commit_edit(self.table)
        return tuple(self._document(row) for row in range(self.table.rowCount()))

    def add_row(self) -> None:
        row = self.table.currentRow() + 1 if self.table.rowCount() else 0
        self._insert(row, RequiredDocument("", originals=1))
        edit_cell(self.table, row, NAME)

    def remove_row(self) -> None:
        remove_current_row(self.table)

    def move_row(self, step: int) -> None:
        row, column = self.table.currentRow(), max(self.table.currentColumn(), NAME)
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        document = self.documents()[row]
        self.table.removeRow(row)
        self._insert(target, document)
        self.table.setCurrentCell(target, column)

    def _insert(self, row: int, document: RequiredDocument) -> None:
        self.table.insertRow(row)
        self.table.setItem(row, NAME, QTableWidgetItem(document.name))
        tick = QTableWidgetItem()
        tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                      | Qt.ItemFlag.ItemIsUserCheckable)
        tick.setCheckState(
            Qt.CheckState.Checked if document.mandatory else Qt.CheckState.Unchecked)
        self.table.setItem(row, MANDATORY, tick)
        for column, count in zip(COUNTS, (document.originals, document.certified,
                                          document.copies), strict=True):
            item = QTableWidgetItem()
            item.setData(Qt.ItemDataRole.EditRole, count)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, column, item)

    def _document(self, row: int) -> RequiredDocument:
        def count(column: int) -> int:
            return int(self.table.item(row, column).data(Qt.ItemDataRole.EditRole) or 0)

        return RequiredDocument(
            name=self.table.item(row, NAME).text(),
            mandatory=self.table.item(row, MANDATORY).checkState() == Qt.CheckState.Checked,
            originals=count(ORIGINALS), certified=count(CERTIFIED), copies=count(COPIES))
