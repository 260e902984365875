"""The dossier table's rows, columns, colours and sort keys: the model both the dossier list and
its lazy, paging model (ui.lazy_dossier_model) build on, kept apart so neither imports the
other."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QWidget

from desk_app.core.model import DossierRow
from desk_app.core.text import fold
from desk_app.core.timeliness import Timeliness, dossier_timeliness
from desk_app.ui.labels import date_time_text, state_label, timeliness_label

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_ROOT = QModelIndex()  # a flat table: every row hangs off the invalid root index

_LATE_ROW = QColor("#fdecea")
_LATE_CELL = QColor("#c62828")
_TODAY_ROW = QColor("#fff4e0")
_TODAY_CELL = QColor("#e65100")
_CELL_TEXT = QColor("#ffffff")
# Sorting by timeliness puts the urgent first.
_URGENCY = {
    Timeliness.OVERDUE: 0, Timeliness.DUE_TODAY: 1, Timeliness.ON_TRACK: 2,
    Timeliness.LATE: 3, Timeliness.ON_TIME: 4, Timeliness.EARLY: 5, None: 6,
}


def applicant_sort_key(name: str) -> str:
    """Vietnamese lists go by given name (the last word), then the full name; folding puts
    Đặng among the D's rather than after Z."""
    folded = fold(name)
    return f"{folded.rpartition(' ')[2]}\x00{folded}"


def due_text(row: DossierRow) -> str:
    """The due time; once an apology extended it (form 04), the first one beside it."""
    if not row.rescheduled:
        return date_time_text(row.due_at)
    return QCoreApplication.translate("DossierTable", "{due} (gia hạn; hẹn đầu {first})").format(
        due=date_time_text(row.due_at), first=date_time_text(row.original_due_at))


class Column(IntEnum):
    CODE = 0
    APPLICANT = 1
    PROCEDURE = 2
    RECEIVED = 3
    DUE = 4
    STATE = 5
    TIMELINESS = 6


class DossierTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DossierRow] = []
        self._timeliness: list[Timeliness | None] = []

    def set_rows(self, rows: list[DossierRow], now: datetime) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._judge(now)
        self.endResetModel()

    def set_now(self, now: datetime) -> None:
        if not self._rows:
            return
        self._judge(now)
        last = self.index(len(self._rows) - 1, len(Column) - 1)
        self.dataChanged.emit(self.index(0, 0), last)

    def _judge(self, now: datetime) -> None:
        self._timeliness = [dossier_timeliness(r.status, r.due_at, now, r.finished_at)
                            for r in self._rows]

    def dossier_row(self, row: int) -> DossierRow:
        return self._rows[row]

    def timeliness(self, row: int) -> Timeliness | None:
        return self._timeliness[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.CODE: self.tr("Mã hồ sơ"),
            Column.APPLICANT: self.tr("Người nộp"),
            Column.PROCEDURE: self.tr("Thủ tục"),
            Column.RECEIVED: self.tr("Ngày nhận"),
            Column.DUE: self.tr("Hẹn trả"),
            Column.STATE: self.tr("Trạng thái"),
            Column.TIMELINESS: self.tr("Tiến độ"),
        }[Column(section)]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], Column(index.column())
        timeliness = self._timeliness[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column, timeliness)
        if role == SORT_ROLE:
            return self._sort_key(row, column, timeliness)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (Column.APPLICANT, Column.PROCEDURE, Column.STATE, Column.DUE):
                return self._text(row, column, timeliness)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(column, timeliness)
        if role == Qt.ItemDataRole.ForegroundRole:
            cell = column == Column.TIMELINESS and timeliness in (
                Timeliness.OVERDUE, Timeliness.DUE_TODAY)
            return QBrush(_CELL_TEXT) if cell else None
        if role == Qt.ItemDataRole.FontRole and column == Column.TIMELINESS and timeliness in (
                Timeliness.OVERDUE, Timeliness.DUE_TODAY):
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def _text(row: DossierRow, column: Column, timeliness: Timeliness | None) -> str:
        return {
            Column.CODE: lambda: row.code,
            Column.APPLICANT: lambda: row.applicant_name,
            Column.PROCEDURE: lambda: row.procedure_name,
            Column.RECEIVED: lambda: date_time_text(row.received_at),
            Column.DUE: lambda: due_text(row),
            Column.STATE: lambda: state_label(row.status),
            Column.TIMELINESS: lambda: timeliness_label(timeliness),
        }[column]()

    @staticmethod
    def _sort_key(row: DossierRow, column: Column, timeliness: Timeliness | None):
        if column == Column.RECEIVED:
            return row.received_at.timestamp()
        if column == Column.DUE:
            return row.due_at.timestamp()
        if column == Column.STATE:
            return int(row.status)
        if column == Column.TIMELINESS:
            return _URGENCY[timeliness]
        if column == Column.APPLICANT:
            return applicant_sort_key(row.applicant_name)
        return fold(DossierTableModel._text(row, column, timeliness))

    @staticmethod
    def _background(column: Column, timeliness: Timeliness | None) -> QBrush | None:
        if timeliness is Timeliness.OVERDUE:
            return QBrush(_LATE_CELL if column == Column.TIMELINESS else _LATE_ROW)
        if timeliness is Timeliness.DUE_TODAY:
            return QBrush(_TODAY_CELL if column == Column.TIMELINESS else _TODAY_ROW)
        return None
