"""What the dossier list asks for: which dossiers (filters) and in what order (sort), and the
pages it gets back."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from desk_app.core.citizen_id import normalise_id_number
from desk_app.core.clock import VN_TZ
from desk_app.core.model import DossierRow
from desk_app.core.states import DossierState
from desk_app.core.text import clean
from desk_app.core.timeliness import Timeliness, dossier_timeliness
from desk_app.core.validation import phone_error

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


# Older dossiers matching a name are counted up to this many: beyond, the list says "more
# than 500" rather than read ten years of Nguyễns.
EARLIER_CAP = 500

# A dossier code, whole or from its date on ("250805-1007"), as the receipt's QR code types it.
_CODE = re.compile(r"(?:[0-9A-Za-z.]+-)?[0-9]{6}-[1-9][0-9]{3,}")
_ID_NUMBER = re.compile(r"[0-9]{9}|[0-9]{12}")  # the chip card's, or an old 9-digit one


def searches_every_day(text: str) -> bool:
    """Whether a search names one dossier or one person: a dossier code, an ID number or a
    phone number. Such a search looks at every receipt date, since the period filter would
    only hide the dossier asked for (a code read from an old receipt found nothing); a name
    searches the period chosen, where the list says how many older dossiers match too."""
    text = clean(text)
    return bool(text) and bool(
        _CODE.fullmatch(text) or _ID_NUMBER.fullmatch(normalise_id_number(text))
        or phone_error(text) is None)
