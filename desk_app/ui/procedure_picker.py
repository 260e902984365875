"""Choosing a procedure by typing part of its code or name, with or without diacritics.

Clerks know procedures by a few words ("khai sinh", "thuong tru") or by code ("1.0011"); the
completer matches the folded text anywhere in "code name", so either finds the procedure.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from desk_app.core.model import Procedure
from desk_app.core.text import clean, fold

CODE_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


class FoldingCompleter(QCompleter):
    """Matches the folded typed text inside each item's folded "code name"."""

    def __init__(self, model: QStandardItemModel, parent: QWidget) -> None:
        super().__init__(model, parent)
        self.setCompletionRole(SEARCH_ROLE)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(12)

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        # The default would write the folded search text into the line edit.
        return index.data(Qt.ItemDataRole.DisplayRole)


class ProcedurePicker(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(40)
        self.lineEdit().setPlaceholderText(
            self.tr("Gõ mã hoặc vài chữ trong tên thủ tục, ví dụ: khai sinh")
        )
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.setCompleter(FoldingCompleter(self._model, self))

    def set_procedures(self, procedures: Sequence[Procedure]) -> None:
        """The procedures to pick from. The list arrives from the worker, perhaps after the
        clerk has started typing, and comes again when the catalogue changes: what was chosen
        stays chosen, and what was typed stays typed (no change is signalled for either)."""
        chosen, typed = self.code(), self.currentText()
        blocked = self.blockSignals(True)
        try:
            self._model.clear()
            for procedure in procedures:
                item = QStandardItem(f"{procedure.code} – {procedure.name}")
                item.setData(procedure.code, CODE_ROLE)
                item.setData(fold(f"{procedure.code} {procedure.name}"), SEARCH_ROLE)
                item.setToolTip(procedure.name)
                self._model.appendRow(item)
            codes = [self.itemData(row, CODE_ROLE) for row in range(self.count())]
            self.setCurrentIndex(codes.index(chosen) if chosen in codes else -1)
            if not chosen or chosen not in codes:
                self.setEditText(typed)
        finally:
            self.blockSignals(blocked)

    def code(self) -> str:
        """The chosen procedure's code; empty while the text typed is not one procedure."""
        index = self.currentIndex()
        if index < 0 or self.currentText() != self.itemText(index):
            return ""
        return self.itemData(index, CODE_ROLE)

    def matches(self, text: str) -> list[int]:
        """Rows whose code or name contains `text`, ignoring case and diacritics."""
        needle = fold(text)
        return [
            row for row in range(self.count())
            if needle in self.itemData(row, SEARCH_ROLE)
        ]

    def resolve_typed(self) -> None:
        """Choose the procedure the typed text names, when exactly one matches."""
        text = clean(self.currentText())
        if text and not self.code() and len(rows := self.matches(text)) == 1:
            self.setCurrentIndex(rows[0])

    def problem(self) -> str | None:
        """A Vietnamese message when the typed text is not one procedure; empty text is left
        to the services' check ("Chọn thủ tục…")."""
        text = clean(self.currentText())
        if not text or self.code():
            return None
        count = len(self.matches(text))
        if not count:
            return self.tr(
                "Không có thủ tục nào khớp với «{0}». Gõ mã (ví dụ 1.001193) hoặc vài chữ "
                "trong tên thủ tục."
            ).format(text)
        return self.tr(
            "«{0}» khớp với %n thủ tục: gõ thêm chữ, hoặc bấm mũi tên xuống để chọn.", "", count
        ).format(text)
