"""The dossier list's model for any number of dossiers: it holds only the pages seen so far.

The view asks for more as the clerk scrolls near the end (canFetchMore/fetchMore); each page
comes from the services on the worker, so the GUI never waits on the disk. Sorting by a column
with an index (received, due, code, state) starts again from the first page in the new order;
the other columns do not sort at this size. Answers to an older query (the clerk typed on, or
sorted again) are dropped. It can also show a few rows chosen elsewhere (`set_fixed_rows`):
those it sorts in memory, by any column.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QWidget

from desk_app.core.listing import ListFilter, Page, Sort, SortKey
from desk_app.core.model import DossierRow
from desk_app.core.timeliness import dossier_timeliness
from desk_app.ui.dossier_table_model import Column, DossierTableModel
from desk_app.ui.messages import error_text

PAGE_SIZE = 200
# A search's page: more than a screenful, and few enough that each keystroke's search stops
# early (its work grows with the page); more come as the clerk scrolls.
SEARCH_PAGE_SIZE = 50
_ROOT = QModelIndex()  # a flat table: every row hangs off the invalid root index

SORTABLE = {
    Column.CODE: SortKey.CODE,
    Column.RECEIVED: SortKey.RECEIVED,
    Column.DUE: SortKey.DUE,
    Column.STATE: SortKey.STATE,
}


def page_size(flt: ListFilter) -> int:
    """How many dossiers the list asks for at a time with this filter."""
    return SEARCH_PAGE_SIZE if flt.text.strip() else PAGE_SIZE


class LazyDossierModel(DossierTableModel):
    """`page_loaded` after each page is shown; `failed(message)` when one could not be read."""

    page_loaded = Signal()
    failed = Signal(str)

    def __init__(self, services, worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._worker = worker
        self._filter = ListFilter()
        self._sort = Sort()
        self._next: tuple | int | None = None
        self._generation = 0
        self._fetching = False
        self._fixed = False
        # The column order of Sort()'s: newest received first.
        self._fixed_order = (int(Column.RECEIVED), Qt.SortOrder.DescendingOrder)

    def query(self) -> tuple[ListFilter, Sort]:
        return self._filter, self._sort

    def set_query(self, flt: ListFilter, sort: Sort | None = None) -> None:
        """Show `flt`'s dossiers from the first page; the rows shown stay until it arrives."""
        self._filter, self._sort = flt, sort or self._sort
        self._generation += 1
        self._fetching = False
        self._fixed = False
        self._load(None)

    def set_fixed_rows(self, rows: list[DossierRow], now: datetime) -> None:
        """Show just `rows` (a few, chosen elsewhere), in the column order last asked for;
        no pages follow, and any page still on its way is dropped."""
        self._generation += 1
        self._fetching = False
        self._fixed = True
        self._next = None
        self.set_rows(rows, now)
        self._sort_fixed(*self._fixed_order)

    def has_more(self) -> bool:
        """Whether more dossiers follow the rows loaded so far."""
        return self._next is not None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        return not parent.isValid() and self._next is not None and not self._fetching

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:
        if self.canFetchMore(parent):
            self._load(self._next)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._fixed_order = (column, order)
        if self._fixed:
            self._sort_fixed(column, order)
            return
        key = SORTABLE.get(Column(column))
        if key is not None:
            self.set_query(self._filter, Sort(key, order == Qt.SortOrder.DescendingOrder))

    def _sort_fixed(self, column: int, order: Qt.SortOrder) -> None:
        paired = sorted(
            zip(self._rows, self._timeliness, strict=True),
            key=lambda pair: self._sort_key(pair[0], Column(column), pair[1]),
            reverse=order == Qt.SortOrder.DescendingOrder)
        self.beginResetModel()
        self._rows = [row for row, _ in paired]
        self._timeliness = [timeliness for _, timeliness in paired]
        self.endResetModel()

    def _load(self, after: tuple | int | None) -> None:
        self._fetching = True
        flt, sort, generation = self._filter, self._sort, self._generation

        size = page_size(flt)

        def load() -> tuple[Page, datetime]:
            return self._services.dossier_page(flt, sort, after, size), self._services.now()

        # Only the newest query runs: pages of older ones still waiting are dropped unread.
        self._worker.run_latest(self, load, partial(self._arrived, generation, after is None),
                                partial(self._not_loaded, generation))

    def _arrived(self, generation: int, first: bool, result: tuple[Page, datetime]) -> None:
        if generation != self._generation:
            return
        page, now = result
        self._fetching = False
        self._next = page.next
        if first:
            self.set_rows(page.rows, now)
        elif page.rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self._timeliness.extend(
                dossier_timeliness(r.status, r.due_at, now, r.finished_at) for r in page.rows)
            self.endInsertRows()
        self.page_loaded.emit()

    def _not_loaded(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self.failed.emit(error_text(exc))
