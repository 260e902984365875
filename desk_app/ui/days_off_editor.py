"""The commune's own calendar: extra days off (a local festival, an election) and weekend days
worked to make up for a bridge day. Kept sorted by date; one line per day."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.calendar import LocalOverride, OverrideKind
from desk_app.core.text import clean
from desk_app.ui.date_field import DateField
from desk_app.ui.shortcuts import make_shortcut
from desk_app.ui.tables import fill_table, read_only_table
from desk_app.ui.widgets import error_label

DAY, KIND, NOTE = 0, 1, 2


class DaysOffEditor(QWidget):
    def __init__(self, overrides: Iterable[LocalOverride], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="days_off_editor")
        self._overrides: dict = {o.day: o for o in overrides}
        self.table = read_only_table(
            "days_off_table", [self.tr("Ngày"), self.tr("Loại"), self.tr("Ghi chú")], NOTE)
        self.table.setSelectionMode(self.table.SelectionMode.SingleSelection)

        self.day = DateField()
        self.day.setObjectName("override_day")
        self.kind = QComboBox(objectName="override_kind")
        self.kind.addItem(self.tr("Nghỉ"), OverrideKind.DAY_OFF)
        self.kind.addItem(self.tr("Làm bù"), OverrideKind.WORKING_DAY)
        self.note = QLineEdit(objectName="override_note")
        self.note.setPlaceholderText(self.tr("ví dụ Lễ hội truyền thống của xã"))
        self.add_button = QPushButton(self.tr("Thêm (Insert)"), objectName="add_override_button")
        self.add_button.clicked.connect(self.add_override)
        self.remove_button = QPushButton(self.tr("Xóa dòng (Delete)"),
                                         objectName="remove_override_button")
        self.remove_button.clicked.connect(self.remove_override)
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        self.day_error = error_label("error_override_day")
        # Enter in the entry line adds the day; it must not reach the dialog's Save button.
        for field in (self.day, self.kind, self.note):
            field.installEventFilter(self)
        make_shortcut(QKeySequence(Qt.Key.Key_Insert), self, self.add_override,
                      Qt.ShortcutContext.WidgetWithChildrenShortcut)
        make_shortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.remove_override,
                      Qt.ShortcutContext.WidgetShortcut)

        entry = QHBoxLayout()
        entry.addWidget(QLabel(self.tr("Ngày")))
        entry.addWidget(self.day)
        entry.addWidget(self.kind)
        entry.addWidget(self.note, 1)
        entry.addWidget(self.add_button)
        hint = QLabel(self.tr(
            "Ngày lễ, Tết và ngày làm bù theo quy định của Nhà nước đã có sẵn; ở đây chỉ ghi "
            "các ngày riêng của địa phương. Thêm lại một ngày đã có để sửa dòng đó."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addLayout(entry)
        layout.addWidget(self.day_error)
        layout.addWidget(self.table, 1)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        layout.addLayout(remove_row)
        self._show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.add_override()
            return True
        return super().eventFilter(watched, event)

    def overrides(self) -> tuple[LocalOverride, ...]:
        return tuple(self._overrides[day] for day in sorted(self._overrides))

    def add_override(self) -> None:
        """The typed day joins the table, or replaces that day's line."""
        problem = self.day.problem()
        day = self.day.value()
        if problem is None and day is None:
            problem = self.tr("Nhập ngày, ví dụ 02/09/2026.")
        self.day_error.setText(problem or "")
        self.day_error.setVisible(bool(problem))
        if problem:
            self.day.setFocus()
            return
        self._overrides[day] = LocalOverride(day, OverrideKind(self.kind.currentData()),
                                             clean(self.note.text()))
        self._show(select=day)
        self.day.clear()
        self.note.clear()
        self.day.setFocus()

    def remove_override(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        del self._overrides[self.overrides()[row].day]
        self._show(select_row=min(row, len(self._overrides) - 1))

    def _show(self, select=None, select_row: int = -1) -> None:
        shown = self.overrides()
        fill_table(self.table, [
            [f"{o.day:%d/%m/%Y}", self._kind_text(o.kind), o.note] for o in shown])
        if select is not None:
            select_row = [o.day for o in shown].index(select)
        if select_row >= 0:
            self.table.selectRow(select_row)

    def _kind_text(self, kind: OverrideKind) -> str:
        return self.tr("Nghỉ") if kind is OverrideKind.DAY_OFF else self.tr("Làm bù")
