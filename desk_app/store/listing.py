"""Pages of the dossier list, at any size: each page starts where the last one ended.

A sorted page continues from the (sort value, rowid) of the last row shown, so page 1,000 costs
what page 1 costs (an OFFSET would read and skip every row before it). Each sort column has an
index, which SQLite ends with the rowid, so the index gives the whole order. A search page
comes from store.search's ranking, which pages by position. Codes sort by their sort text
(`code_sort`, never NULL), which is also what their cursor holds.
"""

from __future__ import annotations

import sqlite_utils

from desk_app.core.clock import iso
from desk_app.core.lifecycle import OPEN_STATES
from desk_app.core.listing import OVERDUE_STATES, ListFilter, Page, Sort, SortKey
from desk_app.store import dossiers

# The column each sort reads, where it is not the key's own: codes sort by their stored sort
# text (core.codes.sort_text, migration 10), so -11000 comes after -1999, not before -1101.
_SORT_COLUMNS = {SortKey.CODE: "code_sort"}


def _few(flt: ListFilter) -> bool:
    """Whether the filter keeps few dossiers however many are kept: the open ones (a counter's
    working set) or the overdue ones. SQLite cannot tell: it has no statistics (an ANALYZE run
    on a new, empty database would mislead it for years), so the queries below say how."""
    open_only = flt.states is not None and flt.states <= OPEN_STATES
    return flt.overdue_at is not None or open_only


def _conditions(flt: ListFilter, walk: str | None = None) -> tuple[list[str], list]:
    """The SQL conditions of `flt`. With `walk` (a sort column), conditions on other indexed
    columns are marked "+" so that SQLite walks that column's index, filtering as it goes."""
    unindexed = "+" if walk else ""
    where: list[str] = []
    params: list = []
    states = flt.states
    if flt.overdue_at is not None:
        states = OVERDUE_STATES if states is None else states & OVERDUE_STATES
        where.append("+due_at < ?")
        params.append(iso(flt.overdue_at))
    if states is not None:
        codes = sorted(int(s) for s in states) or [-1]
        where.append(f"{unindexed}status IN ({', '.join('?' * len(codes))})")
        params.extend(codes)
    # Each has an index ending in received_at, which gives the newest-first order too.
    by_filter_index = "" if walk == SortKey.RECEIVED.value else unindexed
    for condition, value in (
        ("received_at >= ?", flt.received_from and iso(flt.received_from)),
        ("received_at < ?", flt.received_before and iso(flt.received_before)),
        (f"{by_filter_index}procedure_code = ?", flt.procedure_code),
        (f"{by_filter_index}clerk = ?", flt.clerk),
    ):
        if value is not None:
            where.append(condition)
            params.append(value)
    return where, params


def page(
    db: sqlite_utils.Database, flt: ListFilter, sort: Sort, after: tuple | int | None,
    limit: int,
) -> Page:
    """Up to `limit` rows after the cursor `after` (None for the first page)."""
    if flt.text.strip():
        return _search_page(db, flt, after or 0, limit)
    key = _SORT_COLUMNS.get(sort.key, sort.key.value)
    direction = "DESC" if sort.descending else "ASC"
    # A filter that keeps few dossiers: find them by its index and sort them ("+" keeps SQLite
    # off the sort's index). Any other: walk the sort's index and stop once the page is full,
    # rather than sort most of a million rows.
    few = _few(flt)
    where, params = _conditions(flt, walk=None if few else key)
    if after is not None:
        condition, values = _beyond(key, sort.descending, *after)
        where.append(condition)
        params.extend(values)
    order = f"+{key}" if few else key
    sql = (
        f"SELECT {dossiers.ROW_COLUMNS}, {key}, rowid FROM dossiers"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {order} {direction}, rowid {direction} LIMIT ?"
    )
    fetched = db.execute(sql, [*params, limit]).fetchall()
    rows = [dossiers.dossier_row(r[:-2]) for r in fetched]
    return Page(rows, tuple(fetched[-1][-2:]) if len(fetched) == limit else None)


# Columns that may hold NULL: a dossier refused at the counter has no due time. SQLite puts
# NULLs first in ascending order and last in descending, and a row comparison with NULL is
# never true, so the cursor says where those rows stand in so many words.
_NULLABLE = frozenset({"due_at"})


def _beyond(key: str, descending: bool, value: object, rowid: int) -> tuple[str, list]:
    """The condition for the rows after the cursor (value, rowid) in the list's order."""
    beyond = "<" if descending else ">"
    if key not in _NULLABLE:
        return f"({key}, rowid) {beyond} (?, ?)", [value, rowid]
    if value is None:
        rest = "" if descending else f" OR {key} IS NOT NULL"
        return f"(({key} IS NULL AND rowid {beyond} ?){rest})", [rowid]
    rest = f" OR {key} IS NULL" if descending else ""
    return f"(({key}, rowid) {beyond} (?, ?){rest})", [value, rowid]


def _search_page(db: sqlite_utils.Database, flt: ListFilter, offset: int, limit: int) -> Page:
    where, params = _conditions(flt)
    rows = dossiers.search_rows(db, flt.text, where, params, limit, offset,
                                received_from=flt.received_from,
                                received_before=flt.received_before)
    return Page(rows, offset + limit if len(rows) == limit else None)
