"""Read-only tables of text, the way every screen of the counter shows them: whole rows
selected, compact rows (a 768-pixel-high screen should show many), full text in the tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
