"""The dossier list: what was received, when it is due, and whether it is late.

The table pages through any number of dossiers (a `LazyDossierModel`): the first page comes
at once, more as the clerk scrolls, each read on the worker. Sorting by an indexed column
(code, received, due, state) reads again in that order; the search's results come in its
ranking. The filter bar narrows by state, period, procedure, clerk and overdue. Instead, the list
can show one group of dossiers chosen elsewhere (a tile of today's board), until the clerk leaves
that group with Esc; such a group is small and sorts in memory by any column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import partial

from PySide6.QtCore import (
    QIdentityProxyModel,
    QItemSelectionModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.codes import scanned_code
from desk_app.core.lifecycle import OPEN_STATES
from desk_app.core.listing import EARLIER_CAP, ListFilter, searches_every_day
from desk_app.core.model import DossierRow
from desk_app.core.states import DossierState
from desk_app.core.text import fold
from desk_app.core.timeliness import Timeliness
from desk_app.ui.dossier_table_model import Column
from desk_app.ui.labels import state_label
from desk_app.ui.lazy_dossier_model import SORTABLE, LazyDossierModel
from desk_app.ui.messages import error_text
from desk_app.ui.shortcuts import make_shortcut

FILTER_DELAY_MS = 250
# The columns a narrow window hides, first to last, when the table is too narrow for all of
# them: the code, the applicant, the state and the timeliness always show (the timeliness
# says what the due time means today; the procedure, last to go, takes the room left). The
# detail window shows every one, and the header's right-click menu brings any back.
HIDE_FIRST = (Column.RECEIVED, Column.DUE, Column.PROCEDURE)
PROCEDURE_ROOM = 160  # the procedure's stretching column is worth showing from this width
OPEN = -1  # the state filter's choice of every open state
# Due today becomes overdue during the day: re-judge against the clock this often.
CLOCK_TICK_MS = 60_000


@dataclass(frozen=True)
class Group:
    """Dossiers picked by something other than the filter: `load` runs on the worker."""

    title: str
    load: Callable[[], list[DossierRow]]


def matches(row: DossierRow, text: str) -> bool:
    """The filter's words within a group, searched in what the list shows."""
    haystack = fold(" ".join([row.code, row.applicant_name, row.procedure_name, row.clerk]))
    return all(word in haystack for word in fold(text).split())


class DossierTable(QTableView):
    """Enter or a double click asks to open the current dossier. The current row is the
    selection: what the actions act on is what the clerk sees highlighted. `resized` when its
    width may leave more or less room for the columns."""

    open_requested = Signal()
    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def setModel(self, model) -> None:
        super().setModel(model)
        selection = self.selectionModel()
        selection.currentChanged.connect(self._select_current)
        selection.selectionChanged.connect(self._select_current)

    def _select_current(self) -> None:
        """Never a current row with nothing selected. Qt makes the first row current without
        selecting it when the table takes the focus, and code setting the current row
        (Enter in the search box, a group opening) selects or toggles by whatever modifier
        keys Qt last saw: the row looked chosen while Ctrl+G and Ctrl+K stayed greyed. A
        selection the clerk made (Shift, Ctrl) is theirs to keep."""
        selection = self.selectionModel()
        current = selection.currentIndex()
        if current.isValid() and not selection.hasSelection():
            selection.select(current, QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.indexAt(event.position().toPoint()).isValid():
            self.open_requested.emit()
            return
        super().mouseDoubleClickEvent(event)


class DossierListWidget(QWidget):
    """Filter line, filters and count above the table. `open_requested(uuid)` on Enter or a
    double click; `loaded` once the first page of each reload is shown; `selection_changed`
    whenever the selected dossiers change."""

    open_requested = Signal(str)
    loaded = Signal()
    selection_changed = Signal()

    def __init__(self, services, worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sortable = SORTABLE
        self._services = services
        self._worker = worker
        # Only the newest request's answer is shown, should answers ever cross.
        self._generation = 0
        self._select_after_load: list[str] = []
        self._awaiting_first = False  # a reload was asked for: its first page is still to come
        # A group just opened, or a search entered with Enter: its first dossier becomes current.
        self._first_after_load = False
        self._group: Group | None = None

        self.filter_text = QLineEdit(objectName="filter_text")
        self.filter_text.setPlaceholderText(
            self.tr("Tìm theo mã hồ sơ, họ tên, số CCCD, điện thoại, thủ tục… (Ctrl+F)"))
        self.filter_text.setClearButtonEnabled(True)
        self.filter_text.textChanged.connect(self._filter_changed)
        self.filter_text.returnPressed.connect(self._search_entered)
        make_shortcut(QKeySequence(Qt.Key.Key_Down), self.filter_text, self.focus_table,
                      Qt.ShortcutContext.WidgetShortcut)

        self.period = QComboBox(objectName="period")
        for text, days in (
            (self.tr("Hôm nay"), 1),
            (self.tr("7 ngày"), 7),
            (self.tr("30 ngày"), 30),
            (self.tr("Tất cả"), None),
        ):
            self.period.addItem(text, days)
        self.period.setCurrentIndex(2)
        self.period.currentIndexChanged.connect(lambda _index: self.refresh())
        period_label = QLabel(self.tr("&Nhận trong:"))
        period_label.setBuddy(self.period)

        self.state_filter = QComboBox(objectName="state_filter")
        self.state_filter.setToolTip(self.tr("Trạng thái hồ sơ"))
        self.state_filter.addItem(self.tr("Mọi trạng thái"), None)
        self.state_filter.addItem(self.tr("Đang giải quyết"), OPEN)
        for state in DossierState:
            self.state_filter.addItem(state_label(state), int(state))
        self.state_filter.currentIndexChanged.connect(lambda _index: self.refresh())

        self.procedure_filter = QComboBox(objectName="procedure_filter")
        self.procedure_filter.setToolTip(self.tr("Thủ tục"))
        self.procedure_filter.addItem(self.tr("Mọi thủ tục"), None)
        self.procedure_filter.currentIndexChanged.connect(lambda _index: self.refresh())

        self.clerk_filter = QComboBox(objectName="clerk_filter")
        self.clerk_filter.setToolTip(self.tr("Cán bộ tiếp nhận"))
        self.clerk_filter.addItem(self.tr("Mọi cán bộ"), None)
        self.clerk_filter.currentIndexChanged.connect(lambda _index: self.refresh())

        self.overdue_filter = QCheckBox(self.tr("&Quá hạn"), objectName="overdue_filter")
        self.overdue_filter.toggled.connect(lambda _checked: self.refresh())

        self.group_label = QLabel(objectName="group_label")
        self.group_label.setStyleSheet("font-weight: bold; color: #0d47a1;")
        self.leave_group_button = QPushButton(
            self.tr("Xem tất cả (Esc)"), objectName="leave_group_button")
        self.leave_group_button.setAutoDefault(False)
        self.leave_group_button.clicked.connect(self.leave_group)
        make_shortcut(QKeySequence(Qt.Key.Key_Escape), self, self.leave_group,
                      Qt.ShortcutContext.WidgetWithChildrenShortcut)

        # A name searched within the period: older dossiers that match too, one key away.
        self.earlier_button = QPushButton(objectName="earlier_matches")
        self.earlier_button.setAutoDefault(False)
        self.earlier_button.clicked.connect(self.search_every_day)
        self.earlier_button.hide()

        self.row_count = QLabel(objectName="row_count")
        self.row_count.setWordWrap(True)  # a load error can be a long sentence
        self.row_count.setMaximumWidth(480)
        # Wide enough for the usual "36 hồ sơ · 31 quá hạn" on one line.
        self.row_count.setMinimumWidth(
            self.row_count.fontMetrics().horizontalAdvance("000 hồ sơ · 000 quá hạn") + 8)

        self.model = LazyDossierModel(services, worker, self)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.failed.connect(self._show_error)
        # Sorting goes through to the model, which reads in the new order (or, for a group,
        # sorts its few rows).
        self.proxy = QIdentityProxyModel(self)
        self.table = DossierTable(objectName="dossier_table")
        self.table.setModel(self.proxy)
        self._set_up_table()
        # Only now: turning sorting on sorts at once, and the model would read the list
        # before the window asks for it (then read it again when the session shows it).
        self.proxy.setSourceModel(self.model)
        self.table.open_requested.connect(self._open_current)
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        self.model.modelReset.connect(self.selection_changed)

        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.refresh)
        self._clock = QTimer(self, interval=CLOCK_TICK_MS)
        self._clock.timeout.connect(self._tick)
        self._clock.start()

        # Two rows, so that the window fits a 1024-pixel screen: the search box, which clerks
        # use most, on top; the filters, at a compact width, and the count under it (the
        # filters' lists still show whole names when opened).
        search_bar = QHBoxLayout()
        for widget in (self.filter_text, self.group_label, self.leave_group_button):
            search_bar.addWidget(widget, 1 if widget is self.filter_text else 0)
        self.filter_text.setMinimumWidth(280)
        filter_bar = QHBoxLayout()
        for combo in (self.state_filter, self.procedure_filter, self.clerk_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        for widget in (period_label, self.period, self.state_filter, self.procedure_filter,
                       self.clerk_filter, self.overdue_filter):
            filter_bar.addWidget(widget)
        filter_bar.addStretch(1)
        filter_bar.addWidget(self.row_count)
        self._period_label = period_label
        self._show_group()
        layout = QVBoxLayout(self)
        layout.addLayout(search_bar)
        layout.addLayout(filter_bar)
        # On a line of its own under the filters, which already fill a 1024-pixel-wide screen.
        layout.addWidget(self.earlier_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.table)
        self._load_choices()

    def _set_up_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Shift+arrows and Ctrl+click pick several dossiers, to hand them over as one batch.
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSortIndicator(Column.RECEIVED, Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)
        self._sort_indicator = (int(Column.RECEIVED), Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().setVisible(False)
        # Compact rows: a 768-pixel-high screen should show a good part of the day's work.
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.setTabKeyNavigation(False)
        header.setHighlightSections(False)
        metrics = table.fontMetrics()
        padding = 24

        def fit(sample: str) -> int:
            return metrics.horizontalAdvance(sample) + padding

        widths = {
            Column.CODE: fit("000.17.22.H56-250805-1007"),
            Column.APPLICANT: fit("Nguyễn Thị Ánh Tuyết Hương"),
            Column.RECEIVED: fit("00/00/0000 00:00"),
            Column.DUE: fit("00/00/0000 00:00"),
            # The longest state's name, in the language shown ("…nghĩa vụ tài chính").
            Column.STATE: max(fit(state_label(state)) for state in DossierState),
            Column.TIMELINESS: fit("Đến hạn hôm nay"),
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(Column.PROCEDURE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self._widths = {**widths, Column.PROCEDURE: PROCEDURE_ROOM}
        # The header's right-click menu: a column to show or hide, which then stays as the
        # clerk chose whatever the width.
        self._chosen_columns: dict[Column, bool] = {}
        self.column_actions: dict[Column, QAction] = {}
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for column in Column:
            # (Unnamed: the window's named actions are those of ui.actions' table.)
            action = QAction(self.model.headerData(column, Qt.Orientation.Horizontal), header)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(partial(self._choose_column, column))
            header.addAction(action)
            self.column_actions[column] = action
        for column in (Column.CODE, Column.APPLICANT):  # what names a dossier never hides
            self.column_actions[column].setEnabled(False)
        table.resized.connect(self._fit_columns)

    def _choose_column(self, column: Column, shown: bool) -> None:
        self._chosen_columns[column] = shown
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Hide the columns of HIDE_FIRST, in order, that the table has no room for (unless
        the clerk chose to show them), so that the state and the timeliness stay in view."""
        room = self.table.viewport().width()
        shown = {column: self._chosen_columns.get(column, True) for column in Column}
        for column in HIDE_FIRST:
            needed = sum(self._widths[c] for c in Column if shown[c])
            if needed <= room:
                break
            if column not in self._chosen_columns:
                shown[column] = False
        for column, visible in shown.items():
            self.table.setColumnHidden(column, not visible)
            action = self.column_actions[column]
            action.blockSignals(True)
            action.setChecked(visible)
            action.blockSignals(False)

    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        """Outside a group only the indexed columns sort: a click on another keeps the header
        showing the order the rows are really in."""
        if self._group is None and Column(column) not in self._sortable:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(*self._sort_indicator)
            header.blockSignals(False)
            return
        self._sort_indicator = (column, order)

    def _load_choices(self) -> None:
        """The procedures and clerks to filter by, read on the worker."""

        def load() -> tuple[list[tuple[str, str]], list[str]]:
            # Withdrawn procedures too: old dossiers still name them.
            procedures = [(e.procedure.code, e.procedure.name)
                          for e in self._services.catalogue_entries()]
            return procedures, self._services.clerks()

        self._worker.run(load, self._show_choices, lambda _exc: None)

    def _show_choices(self, choices: tuple[list[tuple[str, str]], list[str]]) -> None:
        procedures, clerks = choices
        for combo, items in (
            (self.procedure_filter, procedures),
            (self.clerk_filter, [(clerk, clerk) for clerk in clerks]),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for data, text in items:
                combo.addItem(text, data)
                combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    # --- loading ---------------------------------------------------------------------------

    def _filter_changed(self) -> None:
        self._filter_timer.start()

    def received_from(self) -> datetime | None:
        days = self.period.currentData()
        if days is None:
            return None
        now = self._services.now()
        first_day = now.date() - timedelta(days=days - 1)
        return datetime.combine(first_day, time(0, 0), now.tzinfo)

    def list_filter(self) -> ListFilter:
        """What the filter bar asks for. A code, an ID number or a phone is looked for on
        every receipt date, whatever the period says."""
        text = self.search_text()
        return ListFilter(
            text=text,
            states=self.chosen_states(),
            received_from=None if searches_every_day(text) else self.received_from(),
            procedure_code=self.procedure_filter.currentData(),
            clerk=self.clerk_filter.currentData(),
            overdue_at=self._services.now() if self.overdue_filter.isChecked() else None,
        )

    def search_text(self) -> str:
        """The search box's words; a receipt's QR link that a scanner typed there is read as
        the dossier code it names."""
        return scanned_code(self.filter_text.text()).strip()

    def chosen_states(self) -> frozenset[DossierState] | None:
        chosen = self.state_filter.currentData()
        if chosen is None:
            return None
        return OPEN_STATES if chosen == OPEN else frozenset({DossierState(chosen)})

    def refresh(self) -> None:
        """Reload from the services, keeping the selected dossiers selected."""
        self.refresh_selecting(*self.selected_uuids())

    def select_after_reload(self, *uuids: str | None) -> None:
        """Select the dossiers just acted on: once the reload their change started has come,
        or at once when it already has (the current dossier last, so it stays current)."""
        wanted = [uuid for uuid in uuids if uuid]
        if self._awaiting_first:
            self._select_after_load = wanted
            return
        for n, uuid in enumerate(wanted):
            self.select_uuid(uuid, keep=n > 0)

    def refresh_selecting(self, *uuids: str | None) -> None:
        self._filter_timer.stop()
        self._generation += 1
        generation = self._generation
        current = self.selected_uuid()
        # The current dossier last, so that it is also the current row after the reload.
        self._select_after_load = sorted(
            (uuid for uuid in uuids if uuid), key=lambda uuid: uuid == current)
        self._awaiting_first = True
        self.earlier_button.hide()
        group = self._group
        if group is None:
            self.model.set_query(self.list_filter())
            return
        text = self.search_text()

        def load() -> tuple[list[DossierRow], datetime]:
            return [row for row in group.load() if matches(row, text)], self._services.now()

        self._worker.run_latest(self, load, partial(self._show_rows, generation),
                                partial(self._failed, generation))

    def _show_rows(self, generation: int, result: tuple[list[DossierRow], datetime]) -> None:
        if generation != self._generation:
            return
        rows, now = result
        self.model.set_fixed_rows(rows, now)
        self._page_loaded()

    def _page_loaded(self) -> None:
        self._show_count()
        if not self._awaiting_first:
            return
        self._awaiting_first = False
        for uuid in self._select_after_load:
            self.select_uuid(uuid, keep=True)
        if self._first_after_load and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._first_after_load = False
        if self._group is None:
            self._count_earlier()
        self.loaded.emit()

    def _count_earlier(self) -> None:
        """For a search within the period, how many older dossiers match too (on the worker)."""
        flt = self.list_filter()
        if not flt.text or flt.received_from is None:
            return
        generation = self._generation
        self._worker.run(partial(self._services.earlier_matches, flt),
                         partial(self._show_earlier, generation), lambda _exc: None)

    def _show_earlier(self, generation: int, count: int) -> None:
        if generation != self._generation or not count:
            return
        shown = (self.tr("hơn {count}").format(count=EARLIER_CAP) if count > EARLIER_CAP
                 else str(count))
        self.earlier_button.setText(self.tr(
            "Còn {count} hồ sơ nhận trước khoảng này cũng khớp: &Tìm cả các hồ sơ đó").format(
            count=shown))
        self.earlier_button.show()

    def search_every_day(self) -> None:
        """The same search over every receipt date (the period set to all)."""
        self.period.setCurrentIndex(self.period.findData(None))
        self.focus_table()

    def _tick(self) -> None:
        self.model.set_now(self._services.now())
        self._show_count()

    def _show_count(self) -> None:
        """How many are listed, and how many of them need attention (what a leader asks)."""
        count = self.model.rowCount()
        if self.model.has_more():
            # Counting a million dossiers would take the time paging saves: say there are more.
            self.row_count.setStyleSheet("")
            self.row_count.setText(
                self.tr("%n+ hồ sơ (cuộn để xem thêm)", "", count))
            return
        if count == 0:
            parts = [self.tr("Không có hồ sơ phù hợp") if self._filtered()
                     else self.tr("Chưa có hồ sơ")]
        else:
            parts = [self.tr("%n hồ sơ", "", count)]
        if self._group is None and searches_every_day(self.filter_text.text()):
            parts.append(self.tr("mọi ngày nhận"))
        judged = [self.model.timeliness(row) for row in range(count)]
        overdue, due_today = judged.count(Timeliness.OVERDUE), judged.count(Timeliness.DUE_TODAY)
        if overdue:
            parts.append(self.tr("{count} quá hạn").format(count=overdue))
        if due_today:
            parts.append(self.tr("{count} đến hạn hôm nay").format(count=due_today))
        self.row_count.setStyleSheet("")
        self.row_count.setText(" · ".join(parts))

    def _filtered(self) -> bool:
        """Whether the clerk narrowed the list (so an empty one says no match)."""
        if self.filter_text.text().strip():
            return True
        if self._group is not None:
            return False
        combos = (self.state_filter, self.procedure_filter, self.clerk_filter)
        return self.overdue_filter.isChecked() or any(c.currentIndex() > 0 for c in combos)

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._show_error(error_text(exc))

    def _show_error(self, message: str) -> None:
        self.row_count.setStyleSheet("color: #b71c1c;")
        self.row_count.setText(
            self.tr("Không tải được danh sách: {error}").format(error=message))

    # --- a group from elsewhere ------------------------------------------------------------

    def show_group(self, group: Group) -> None:
        """List just `group`'s dossiers (filtered by the text typed) until `leave_group`."""
        self._group = group
        self._show_group()
        self._first_after_load = True
        self.refresh_selecting()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def leave_group(self) -> None:
        if self._group is None:
            return
        self._group = None
        self._show_group()
        if Column(self._sort_indicator[0]) not in self._sortable:
            # The group was sorted by a column the whole list cannot be: back to the model's.
            flt, sort = self.model.query()
            column = next(c for c, key in self._sortable.items() if key == sort.key)
            order = (Qt.SortOrder.DescendingOrder if sort.descending
                     else Qt.SortOrder.AscendingOrder)
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(column, order)
            header.blockSignals(False)
            self._sort_indicator = (int(column), order)
        self.refresh()

    def group(self) -> Group | None:
        return self._group

    def _show_group(self) -> None:
        grouped = self._group is not None
        self.group_label.setText(
            self.tr("Đang xem: {title}").format(title=self._group.title) if grouped else "")
        for widget in (self.group_label, self.leave_group_button):
            widget.setVisible(grouped)
        for widget in (self._period_label, self.period, self.state_filter, self.procedure_filter,
                       self.clerk_filter, self.overdue_filter):
            widget.setVisible(not grouped)

    # --- selection -------------------------------------------------------------------------

    def selected_uuid(self) -> str | None:
        """The current dossier: the one Enter opens."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.dossier_row(self.proxy.mapToSource(index).row()).uuid

    def selected_rows(self) -> list[DossierRow]:
        """Every selected dossier, in the order the table shows them."""
        indexes = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [self.model.dossier_row(self.proxy.mapToSource(i).row()) for i in indexes]

    def selected_uuids(self) -> list[str]:
        return [row.uuid for row in self.selected_rows()]

    def select_uuid(self, uuid: str, *, keep: bool = False) -> bool:
        """Make `uuid` the current dossier, if it is among the rows loaded; with `keep`, add it
        to the selection."""
        for row in range(self.model.rowCount()):
            if self.model.dossier_row(row).uuid == uuid:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                flags = QItemSelectionModel.SelectionFlag.Rows | (
                    QItemSelectionModel.SelectionFlag.Select if keep
                    else QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.table.selectionModel().setCurrentIndex(index, flags)
                self.table.scrollTo(index)
                return True
        return False

    def focus_filter(self) -> None:
        self.filter_text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_text.selectAll()

    def _search_entered(self) -> None:
        """Enter in the search box: on to the list's first dossier. A scanner types a receipt's
        code (or lookup link) and Enter faster than the search waits for typing to stop: the
        search still pending runs now, and its first find becomes the current dossier, ready
        to open with Enter."""
        if self._filter_timer.isActive():
            self._first_after_load = True
            self.refresh()
        self.focus_table()

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.currentIndex().isValid() and self.proxy.rowCount() > 0:
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _open_current(self) -> None:
        uuid = self.selected_uuid()
        if uuid:
            self.open_requested.emit(uuid)
