"""The units the counter hands dossiers over to: the commune's offices, the commune police,
the province's agencies (liên thông). Edited in a table, saved as a whole."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.lifecycle import ProcessingUnit
from desk_app.core.text import clean, fold
from desk_app.ui.messages import error_text, show_error
from desk_app.ui.shortcuts import make_shortcut
from desk_app.ui.tables import commit_edit, edit_cell, editable_table, remove_current_row
from desk_app.ui.widgets import error_label, open_size

NAME, INTER_AGENCY = 0, 1


class ProcessingUnitsEditor(QWidget):
    """The table of units with its add and remove keys: this dialog's, and a tab of the
    settings dialog."""

    def __init__(self, units: Sequence[ProcessingUnit], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="units_editor")
        self.table = editable_table(
            "units_table", [self.tr("Tên đơn vị"), self.tr("Liên thông")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(INTER_AGENCY, QHeaderView.ResizeMode.ResizeToContents)
        for unit in units:
            self._append(unit.name, unit.inter_agency)
        hint = QLabel(self.tr(
            "Gõ để sửa tên; phím cách: đánh dấu liên thông; Insert: thêm; Delete: xóa dòng."))
        hint.setStyleSheet("color: #555;")

        self.add_button = QPushButton(self.tr("Thêm (Insert)"), objectName="add_button")
        self.add_button.clicked.connect(self.add_unit)
        self.remove_button = QPushButton(self.tr("Xóa (Delete)"), objectName="remove_button")
        self.remove_button.clicked.connect(self.remove_unit)
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        # Within the editor only: in the settings dialog, Insert elsewhere belongs to others.
        make_shortcut(QKeySequence(Qt.Key.Key_Insert), self, self.add_unit,
                      Qt.ShortcutContext.WidgetWithChildrenShortcut)
        make_shortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.remove_unit,
                      Qt.ShortcutContext.WidgetShortcut)

        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.remove_button)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addLayout(self.buttons)
        if self.table.rowCount():
            self.table.setCurrentCell(0, NAME)
        self.setFocusProxy(self.table)

    def _append(self, name: str, inter_agency: bool) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, NAME, QTableWidgetItem(name))
        tick = QTableWidgetItem()
        tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                      | Qt.ItemFlag.ItemIsUserCheckable)
        tick.setCheckState(Qt.CheckState.Checked if inter_agency else Qt.CheckState.Unchecked)
        self.table.setItem(row, INTER_AGENCY, tick)
        return row

    def add_unit(self) -> None:
        row = self._append("", False)
        edit_cell(self.table, row, NAME)

    def remove_unit(self) -> None:
        remove_current_row(self.table)

    def units(self) -> list[ProcessingUnit]:
        """The units as typed, empty lines left out; a name being typed counts."""
        commit_edit(self.table)
        units = []
        for row in range(self.table.rowCount()):
            name = clean(self.table.item(row, NAME).text())
            if name:
                ticked = self.table.item(row, INTER_AGENCY).checkState() == Qt.CheckState.Checked
                units.append(ProcessingUnit(name, ticked))
        return units

    def duplicate_message(self) -> str:
        """Names the first unit typed twice (the services only say that one is), or ""."""
        seen: set[str] = set()
        for unit in self.units():
            if fold(unit.name) in seen:
                return self.tr("Đơn vị «{name}» có hai lần trong danh sách.").format(
                    name=unit.name)
            seen.add(fold(unit.name))
        return ""


class ProcessingUnitsDialog(QDialog):
    def __init__(self, services, worker, units: Sequence[ProcessingUnit],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="processing_units_dialog")
        self._services = services
        self._worker = worker
        self.setWindowTitle(self.tr("Đơn vị xử lý hồ sơ"))

        intro = QLabel(self.tr(
            "Các đơn vị nhận hồ sơ khi bàn giao. Đánh dấu «Liên thông» cho cơ quan cấp tỉnh "
            "hoặc cơ quan khác ngoài xã."))
        intro.setWordWrap(True)
        self.editor = ProcessingUnitsEditor(units)
        self.table = self.editor.table
        self.error = error_label()

        self.save_button = QPushButton(self.tr("Lưu (Ctrl+S)"), objectName="save_button")
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Hủy (Esc)"), objectName="cancel_button")
        cancel.clicked.connect(self.reject)
        for button in (self.save_button, cancel):
            button.setAutoDefault(False)
        make_shortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.editor.buttons.addWidget(self.save_button)
        self.editor.buttons.addWidget(cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.error)
        open_size(self, 720, 480)
        self.table.setFocus()

    def units(self) -> list[ProcessingUnit]:
        return self.editor.units()

    def add_unit(self) -> None:
        self.editor.add_unit()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def save(self) -> None:
        units = self.units()
        duplicate = self.editor.duplicate_message()
        self._say(duplicate)
        if duplicate:
            return
        self.save_button.setEnabled(False)
        self._worker.run(partial(self._services.save_processing_units, units),
                         lambda _saved: self.accept(), self._failed)

    def _failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        self._say(error_text(exc))


def open_processing_units(services, worker, parent: QWidget) -> None:
    def opened(units: list[ProcessingUnit]) -> None:
        dialog = ProcessingUnitsDialog(services, worker, units, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    worker.run(services.processing_units, opened, partial(show_error, parent))
