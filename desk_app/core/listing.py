"""What the dossier list asks for: which dossiers (filters) and in what order (sort), and the
pages it gets back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from desk_app.core.clock import VN_TZ
from desk_app.core.model import DossierRow
from desk_app.core.states import DossierState
from desk_app.core.timeliness import Timeliness, dossier_timeliness

_SOME_DAY = datetime(2000, 1, 3, 9, 0, tzinfo=VN_TZ)

# The states in which a dossier past its due time is overdue, straight from the rule itself.
OVERDUE_STATES = frozenset(
    state for state in DossierState
    if dossier_timeliness(state, _SOME_DAY, _SOME_DAY + timedelta(days=1)) is Timeliness.OVERDUE
)


class SortKey(StrEnum):
    """The orders the list can be sorted in straight from an index, at any size."""

    RECEIVED = "received_at"
    DUE = "due_at"
    CODE = "code"
    STATE = "status"


@dataclass(frozen=True)
class ListFilter:
    """Every condition is optional; `overdue_at` keeps only the dossiers overdue at that time.
    With `text`, the order is the search's ranking and the sort is ignored."""

    text: str = ""
    states: frozenset[DossierState] | None = None
    received_from: datetime | None = None
    received_before: datetime | None = None
    procedure_code: str | None = None
    clerk: str | None = None
    overdue_at: datetime | None = None


@dataclass(frozen=True)
class Sort:
    key: SortKey = SortKey.RECEIVED
    descending: bool = True


@dataclass(frozen=True)
class Page:
    rows: list[DossierRow]
    # Where the next page starts (store.listing's cursor); None when this one was the last.
    next: tuple | int | None
