"""Tables the way every screen of the counter shows them: compact rows (a 768-pixel-high
screen should show many); read-only ones select whole rows and show full text in the tooltip,
editable ones (lists an admin keeps) edit a cell as soon as it is typed into."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

ROW_PADDING = 10


def compact_rows(table: QTableWidget) -> None:
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + ROW_PADDING)


def read_only_table(name: str, headers: list[str], stretch: int | None = None) -> QTableWidget:
    """`stretch` is the column that takes the width left over (the longest text)."""
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    compact_rows(table)
    if stretch is not None:
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class _EnterStops(QObject):
    """Enter on an item view activates its current item and goes no further. The view itself
    emits `activated` and then passes the key on to its window; a dialog there presses its
    default button, which may be one of the window the activation just opened (Enter on a scan's
    page opened the full view and printed it at once, when the pages were ready in time)."""

    def eventFilter(self, view: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and view.currentIndex().isValid()):
            view.activated.emit(view.currentIndex())
            return True
        return False


def on_activated(view: QAbstractItemView, slot: Callable[[QModelIndex], object]) -> None:
    """`slot` for an item chosen by Enter (the key stops at the view) or by the mouse."""
    view.activated.connect(slot)
    view.installEventFilter(_EnterStops(view))


def editable_table(name: str, headers: list[str]) -> QTableWidget:
    """Tab leaves the table (the form's tab order goes on); Insert and Delete are the host's."""
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    compact_rows(table)
    return table


def fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
    """Replace the rows; numbers align right, and the columns fit their contents (the
    stretched column keeps the rest of the width)."""
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            if value.isdigit():
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def edit_cell(table: QTableWidget, row: int, column: int) -> None:
    """Put the typing cursor in a cell, as after Insert in an editable table."""
    table.setFocus()
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))


def remove_current_row(table: QTableWidget) -> None:
    row = table.currentRow()
    if row >= 0:
        table.removeRow(row)


def commit_edit(table: QTableWidget) -> None:
    """Keep what is being typed in a cell (read the table while a clerk is still in one):
    moving the current cell away and back ends the edit."""
    if table.state() == QAbstractItemView.State.EditingState:
        row, column = table.currentRow(), table.currentColumn()
        table.setCurrentCell(row, (column + 1) % table.columnCount())
        table.setCurrentCell(row, column)
