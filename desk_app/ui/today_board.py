"""Today's board: what was received, what is due, what is late, what waits for the citizen,
as big tiles and as tables by clerk and by procedure. Every number opens the list of its
dossiers, so the leader goes from "3 overdue" to the three dossiers in one keystroke."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.model import DossierRow
from desk_app.core.reports import Board, BoardCounts, BoardKey, BoardSummary
from desk_app.ui.dossier_list import Group
from desk_app.ui.labels import board_key_label, date_time_text, weekday_text
from desk_app.ui.messages import error_text
from desk_app.ui.tables import compact_rows
from desk_app.ui.widgets import make_heading

REFRESH_MS = 60_000

# Red for what is already late, orange for what is late tonight, calm colours for the rest.
_TILE_COLOURS = {
    BoardKey.RECEIVED_TODAY: ("#e3f2fd", "#0d47a1"),
    BoardKey.DUE_TODAY: ("#fff3e0", "#e65100"),
    BoardKey.OVERDUE: ("#fdecea", "#c62828"),
    BoardKey.READY_TO_RETURN: ("#e8f5e9", "#2e7d32"),
    BoardKey.WAITING_SUPPLEMENT: ("#f3e5f5", "#6a1b9a"),
}
_OVERDUE_CELL = "#c62828"
_OVERDUE_ALARM = f"background: {_OVERDUE_CELL}; color: white; border: 2px solid #8e0000;"
KEY_ROLE = Qt.ItemDataRole.UserRole


class Tile(QPushButton):
    """A big count with its name under it; Enter opens it as well as Space and a click."""

    def __init__(self, key: BoardKey, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=f"tile_{key.value}")
        self.key = key
        self.count = 0
        self.number = QLabel(objectName="tile_count")
        self.name = QLabel(board_key_label(key), objectName="tile_name")
        self.name.setWordWrap(True)
        column = QVBoxLayout(self)
        for label in (self.number, self.name):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            column.addWidget(label)
        self.setMinimumHeight(110)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.show_count(0)

    def show_count(self, count: int) -> None:
        self.count = count
        self.number.setText(str(count))
        self.setAccessibleName(f"{board_key_label(self.key)}: {count}")
        background, colour = _TILE_COLOURS[self.key]
        alarm = self.key is BoardKey.OVERDUE and count > 0
        look = _OVERDUE_ALARM if alarm else (
            f"background: {background}; color: {colour}; border: 1px solid {colour};")
        self.setStyleSheet(
            f"Tile {{ {look} border-radius: 6px; }}"
            " Tile:focus { border: 3px solid #1a237e; }"
            f" QLabel {{ color: {'white' if alarm else colour}; background: transparent;"
            " border: none; }"
            " QLabel#tile_count { font-size: 26pt; font-weight: bold; }"
            " QLabel#tile_name { font-size: 11pt; font-weight: bold; }")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)


class GroupTable(QTableWidget):
    """One line per clerk or procedure, one count per tile; Enter or a double click on a
    count opens those dossiers."""

    def __init__(self, name: str, first_header: str, parent: QWidget | None = None) -> None:
        super().__init__(0, 1 + len(BoardKey), parent, objectName=name)
        self.setHorizontalHeaderLabels([first_header, *map(board_key_label, BoardKey)])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        compact_rows(self)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.groups: list[BoardCounts] = []

    def show_groups(self, groups: tuple[BoardCounts, ...]) -> None:
        self.groups = list(groups)
        self.setRowCount(len(groups))
        for r, group in enumerate(groups):
            name = QTableWidgetItem(group.name)
            name.setToolTip(group.name)
            self.setItem(r, 0, name)
            for c, key in enumerate(BoardKey, start=1):
                count = group.count(key)
                item = QTableWidgetItem(str(count) if count else "")
                item.setData(KEY_ROLE, key.value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if key is BoardKey.OVERDUE and count:
                    item.setBackground(QColor(_OVERDUE_CELL))
                    item.setForeground(QColor("white"))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.setItem(r, c, item)

    def key_at(self, column: int) -> BoardKey | None:
        return list(BoardKey)[column - 1] if column > 0 else None


class TodayBoard(QWidget):
    """`group_chosen(Group)` when the clerk opens a tile or a count."""

    group_chosen = Signal(object)

    def __init__(self, services, worker, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="today_board")
        self._services = services
        self._worker = worker
        self.board: BoardSummary | None = None

        self.heading = make_heading(QLabel(objectName="board_heading"), 1.3)
        self.status = QLabel(objectName="board_status")
        self.status.setWordWrap(True)
        # Whose dossiers the numbers count, said where the numbers are; the clerk may switch
        # to the whole counter's (the list shows those too). None: as the role opens it.
        self._whole_counter: bool | None = None
        self.scope = QLabel(objectName="board_scope")
        self.scope.setStyleSheet("font-weight: bold;")
        self.whole_counter = QCheckBox(self.tr("&Xem cả quầy"), objectName="whole_counter")
        self.whole_counter.toggled.connect(self._scope_chosen)
        scope = QHBoxLayout()
        scope.addWidget(self.scope)
        scope.addWidget(self.whole_counter)
        scope.addStretch(1)

        # Decree 118/2025: the documents of today's receipts by how they were digitised.
        self.digitisation = QLabel(objectName="board_digitisation")
        self.digitisation.setWordWrap(True)

        self.tiles = {key: Tile(key) for key in BoardKey}
        tiles = QHBoxLayout()
        for tile in self.tiles.values():
            tile.clicked.connect(lambda _checked=False, key=tile.key: self.open_tile(key))
            tiles.addWidget(tile, 1)

        self.by_clerk = GroupTable("by_clerk_table", self.tr("Cán bộ tiếp nhận"))
        self.by_procedure = GroupTable("by_procedure_table", self.tr("Thủ tục"))
        # One above the other, so that every column fits a 1366-pixel-wide screen.
        tables = QVBoxLayout()
        for table, title, stretch in (
            (self.by_clerk, self.tr("Theo cán bộ"), 1),
            (self.by_procedure, self.tr("Theo thủ tục"), 2),
        ):
            table.cellActivated.connect(
                lambda row, column, table=table: self.open_cell(table, row, column))
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(table)
            tables.addWidget(box, stretch)

        hint = QLabel(self.tr(
            "Tab chuyển giữa các ô; Enter mở danh sách hồ sơ của ô đang chọn. F5: cập nhật."))
        hint.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(scope)
        layout.addWidget(self.status)
        layout.addLayout(tiles)
        layout.addWidget(self.digitisation)
        layout.addLayout(tables, 1)
        layout.addWidget(hint)

        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self._worker.run(partial(self._services.board_summary,
                                 whole_counter=self._whole_counter),
                         self.show_board, self._failed)

    def _read(self) -> Board:
        return self._services.board(whole_counter=self._whole_counter)

    def _scope_chosen(self, whole: bool) -> None:
        self._whole_counter = whole
        self.refresh()

    def _tick(self) -> None:
        if self.isVisible():  # the worker is shared with saves: no reading for nobody
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()  # however the clerk came here, the numbers are fresh

    def show_board(self, board: BoardSummary) -> None:
        self.board = board
        self.heading.setText(self.tr("Bảng theo dõi hôm nay – {weekday}, {date}").format(
            weekday=weekday_text(board.at), date=board.at.strftime("%d/%m/%Y")))
        self.status.setStyleSheet("color: #555;")
        self.status.setText(self.tr("Cập nhật lúc {time}").format(time=date_time_text(board.at)))
        self.scope.setText(
            self.tr("Hồ sơ của cả quầy") if not board.clerk
            else self.tr("Chỉ hồ sơ do {clerk} tiếp nhận").format(clerk=board.clerk))
        self.whole_counter.blockSignals(True)  # showing the scope is not choosing it
        self.whole_counter.setChecked(not board.clerk)
        self.whole_counter.blockSignals(False)
        for key, tile in self.tiles.items():
            tile.show_count(board.count(key))
        self.by_clerk.show_groups(board.by_clerk)
        self.by_procedure.show_groups(board.by_procedure)
        d = board.digitisation
        self.digitisation.setText(self.tr(
            "Số hóa giấy tờ của hồ sơ tiếp nhận hôm nay: quét {scanned}, tái sử dụng {reused}, "
            "chỉ xuất trình {shown}, không phải số hóa {exempt}, chưa số hóa {pending}; "
            "{incomplete} hồ sơ chưa số hóa đủ.").format(
                scanned=d.scanned, reused=d.reused, shown=d.shown, exempt=d.exempt,
                pending=d.pending, incomplete=d.incomplete))

    def _failed(self, exc: Exception) -> None:
        self.status.setStyleSheet("color: #b71c1c;")
        self.status.setText(self.tr("Không tải được bảng theo dõi: {error}").format(
            error=error_text(exc)))

    # --- opening a number ------------------------------------------------------------------

    def _choose(self, title: str, rows_of: Callable[[Board], tuple[DossierRow, ...]]) -> None:
        self.group_chosen.emit(Group(title, lambda: list(rows_of(self._read()))))

    def open_tile(self, key: BoardKey) -> None:
        self._choose(board_key_label(key), lambda board: board.category(key).rows)

    def open_cell(self, table: GroupTable, row: int, column: int) -> None:
        if not 0 <= row < len(table.groups):
            return
        name = table.groups[row].name
        by_clerk = table is self.by_clerk
        key = table.key_at(column)

        def rows_of(board: Board) -> tuple[DossierRow, ...]:
            groups = board.by_clerk if by_clerk else board.by_procedure
            group = next((g for g in groups if g.name == name), None)
            if group is None:
                return ()
            if key is not None:
                return group.category(key).rows
            # The name itself: every dossier of that clerk or procedure on the board, once.
            unique = {r.uuid: r for category in group.categories for r in category.rows}
            return tuple(unique.values())

        what = board_key_label(key) if key else self.tr("Tất cả trên bảng")
        self._choose(f"{what} – {name}", rows_of)
