"""Finding and reading dossiers: the list, its pages and filters, one dossier and its history."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from desk_app.core.accounts import Permission
from desk_app.core.listing import EARLIER_CAP, ListFilter, Page, Sort
from desk_app.core.model import Dossier, DossierRow, Event
from desk_app.core.states import DossierState
from desk_app.core.sync_records import FilesWaiting
from desk_app.services.context import Access, Context, use_case
from desk_app.store import dossiers, events, file_queue, listing


@use_case(Permission.LOOK_UP)
def dossier(ctx: Context, dossier_uuid: str) -> Dossier:
    return ctx.dossier(dossier_uuid)


@use_case(Permission.LOOK_UP)
def dossier_rows(
    ctx: Context, text: str = "", *, received_from: datetime | None = None,
    received_before: datetime | None = None, status: set[DossierState] | None = None,
    limit: int | None = 500, offset: int = 0,
) -> list[DossierRow]:
    return dossiers.rows(
        ctx.db, text=text, received_from=received_from, received_before=received_before,
        status=status, limit=limit, offset=offset,
    )


@use_case(Permission.LOOK_UP)
def dossier_page(
    ctx: Context, flt: ListFilter, sort: Sort, after: tuple | int | None = None, limit: int = 200,
) -> Page:
    """One page of the dossier list: the first with `after` None, then each from the previous
    page's `next`. Quick at any size, but it reads the disk: call it from the worker."""
    return listing.page(ctx.db, flt, sort, after, limit)


@use_case(Permission.LOOK_UP)
def earlier_matches(ctx: Context, flt: ListFilter, cap: int = EARLIER_CAP) -> int:
    """How many dossiers received before the filter's period match its search too, counted up
    to `cap` + 1 (more than `cap`: "more than cap" is all the list says)."""
    if not flt.text.strip() or flt.received_from is None:
        return 0
    earlier = dataclasses.replace(flt, received_from=None, received_before=flt.received_from)
    return len(listing.page(ctx.db, earlier, Sort(), None, cap + 1).rows)


@use_case(Permission.LOOK_UP)
def clerks(ctx: Context) -> list[str]:
    """Everyone who has received a dossier here, for the list's clerk filter."""
    return dossiers.clerks(ctx.db)


@use_case(Permission.LOOK_UP)
def history(ctx: Context, dossier_uuid: str) -> list[Event]:
    return events.for_dossier(ctx.db, dossier_uuid)


@use_case(Access.OPEN)
def outbox_counts(ctx: Context) -> dict[str, int]:
    """For the status bar, which counts while the screen is locked too."""
    return events.outbox_counts(ctx.db)


@use_case(Access.OPEN)
def files_waiting(ctx: Context) -> FilesWaiting:
    """Digitised documents' files not on the hub yet, for the status bar beside the events."""
    return file_queue.waiting(ctx.db)
