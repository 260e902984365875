"""The counter as a whole: today's board, the dossier ledger (form 6) and the end-of-day report,
on screen and on paper. Reading only: nothing here changes a dossier."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from desk_app.core import payloads
from desk_app.core.accounts import Permission
from desk_app.core.clock import VN_TZ, to_vn
from desk_app.core.digitisation import total
from desk_app.core.lifecycle import DOCUMENT_DIGITISED, OPEN_STATES, EventKind, LedgerLine
from desk_app.core.reports import (
    AT_COUNTER_STATES,
    Board,
    BoardSummary,
    DossierDigitisation,
    EndOfDay,
    HandedOver,
    activity_tallies,
    build_board,
    procedure_tallies,
    stage_tallies,
    state_tallies,
    summarise_board,
    tile_keys,
)
from desk_app.core.validation import Issue, Severity
from desk_app.services.context import Context, use_case
from desk_app.services.errors import ValidationFailed
from desk_app.services.form_sets import form_sets
from desk_app.services.printouts import REPORT_FOLDER, dated_folder, drawn_by, new_version
from desk_app.store import dossiers, events

render_end_of_day = drawn_by("end_of_day", "render_end_of_day")
render_ledger = drawn_by("ledger", "render_ledger")


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), VN_TZ)
    return start, start + timedelta(days=1)


def _board_scope(ctx: Context, now: datetime | None,
                 whole_counter: bool | None) -> tuple[str, datetime]:
    """Whose dossiers the board counts ('' for the whole counter's) and at what moment. Anyone
    may ask for either (the list shows every dossier to everyone); unasked, BOARD_ALL opens it
    on the whole counter (a leader), else on one's own."""
    if whole_counter is None:
        whole_counter = Permission.BOARD_ALL in ctx.permissions()
    clerk = "" if whole_counter else ctx.clerk_name()
    return clerk, to_vn(now) if now is not None else ctx.now()


@use_case(Permission.LOOK_UP)
def board(ctx: Context, now: datetime | None = None, *,
          whole_counter: bool | None = None) -> Board:
    """The day's board with its dossiers, of the whole counter or of the clerk's own, to open
    a tile; the screen shows `board_summary`."""
    clerk, now = _board_scope(ctx, now, whole_counter)
    start, end = _day_bounds(now.date())
    rows = dossiers.on_the_board(ctx.db, start, end, OPEN_STATES)
    if clerk:
        rows = [row for row in rows if row.clerk == clerk]
    return build_board(rows, now, clerk)


@use_case(Permission.LOOK_UP)
def board_summary(ctx: Context, now: datetime | None = None, *,
                  whole_counter: bool | None = None) -> BoardSummary:
    """The day's board as numbers, counted by the database: what the screen shows and
    refreshes, quick however many dossiers are open (reading each as a row took 0.1–0.3 s at a
    million generated dossiers, with 6,440 open)."""
    clerk, now = _board_scope(ctx, now, whole_counter)
    start, end = _day_bounds(now.date())
    counted = [
        (who, procedure, tile_keys(status, today, lambda verdict=verdict: verdict), n)
        for who, procedure, status, today, verdict, n in dossiers.board_counts(
            ctx.db, start, end, now, OPEN_STATES)
        if not clerk or who == clerk
    ]
    digitised = dossiers.digitisation(ctx.db, start, end, clerk)
    return summarise_board(counted, now, clerk, total(digitised.values()))


@use_case(Permission.LEDGER)
def ledger(ctx: Context, date_from: date, date_to: date) -> list[LedgerLine]:
    return _ledger(ctx, date_from, date_to)


def _ledger(ctx: Context, date_from: date, date_to: date) -> list[LedgerLine]:
    """Dossiers received from `date_from` to `date_to` (both included), in book and line order,
    so each line number is the "Số thứ tự" printed on its receipt."""
    if date_from > date_to:
        raise ValidationFailed([Issue(
            "date_from", "Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.", Severity.ERROR
        )])
    start, _ = _day_bounds(date_from)
    _, end = _day_bounds(date_to)
    return dossiers.ledger(ctx.db, start, end, ctx.now())


# The report files read under the services lock and draw outside it: a year's ledger runs to
# hundreds of pages, and a sync batch must not wait behind it.


@use_case(Permission.LEDGER, locked=False)
def ledger_pdf(ctx: Context, date_from: date, date_to: date) -> Path:
    with ctx.reading():
        lines = _ledger(ctx, date_from, date_to)
        office, sets = ctx.setup().office, form_sets(ctx)
        path = new_version(
            dated_folder(ctx, REPORT_FOLDER, ctx.now()),
            f"so-theo-doi-{date_from:%Y%m%d}-{date_to:%Y%m%d}",
        )
    render_ledger(lines, office, date_from, date_to, path, sets)
    return path


@use_case(Permission.REPORTS, locked=False)
def ledger_xlsx(ctx: Context, date_from: date, date_to: date, out: Path) -> Path:
    with ctx.reading():
        lines = _ledger(ctx, date_from, date_to)
        office, sets = ctx.setup().office, form_sets(ctx)
    # Imported here: openpyxl costs 70 ms of every start-up for an export made now and then.
    from desk_app.printing.ledger_excel import write_ledger_xlsx

    write_ledger_xlsx(lines, office, date_from, date_to, Path(out), sets)
    return Path(out)


@use_case(Permission.END_OF_DAY)
def end_of_day(ctx: Context, day: date | None = None) -> EndOfDay:
    return _end_of_day(ctx, day)


def _end_of_day(ctx: Context, day: date | None = None) -> EndOfDay:
    """The day's events and receipts. States, and what is still at the counter, are as they
    stand now (for a past day too: the database keeps states, not daily snapshots)."""
    now = ctx.now()
    day = day or now.date()
    start, end = _day_bounds(day)
    recorded = events.between(ctx.db, start, end)
    # An action a correction reversed did not happen: the correction itself is the activity.
    reversed_ = events.corrections(ctx.db, sorted({e.dossier_uuid for e in recorded}))
    day_events = [e for e in recorded if e.uuid not in reversed_]
    # A dossier refused at the counter (no code) was not received: its refusal is activity.
    received = [r for r in dossiers.rows(ctx.db, received_from=start, received_before=end,
                                         limit=None) if r.code]
    handed_over = []
    for event in day_events:
        if event.kind != EventKind.HANDED_OVER.value:
            continue
        dossier, handover = ctx.dossier(event.dossier_uuid), payloads.handover(event)
        handed_over.append(HandedOver(
            code=dossier.code, procedure_name=dossier.procedure_name,
            applicant_name=dossier.applicant.name, unit=handover.unit,
            receiver_name=handover.receiver_name, at=event.device_time,
            clerk=event.clerk, batch_uuid=handover.batch_uuid,
        ))
    tallies = dossiers.digitisation(ctx.db, start, end)
    at_counter = sorted(
        dossiers.rows(ctx.db, status=AT_COUNTER_STATES, limit=None),
        key=lambda row: (row.status, row.received_at, row.code),
    )
    return EndOfDay(
        day=day,
        made_at=now,
        clerk=ctx.clerk_name(),
        activity=activity_tallies(e.kind for e in day_events),
        by_state=state_tallies(r.status for r in received),
        by_procedure=procedure_tallies((r.procedure_code, r.procedure_name) for r in received),
        handed_over=tuple(handed_over),
        at_counter=tuple(at_counter),
        digitisation=total(tallies.values()),
        incomplete_digitisation=tuple(
            DossierDigitisation(r.code, r.applicant_name, r.procedure_name, tallies[r.uuid])
            for r in sorted(received, key=lambda row: row.code)
            if r.uuid in tallies and tallies[r.uuid].incomplete),
        digitised_later=stage_tallies(payloads.digitised(e).stage for e in day_events
                                      if e.kind == DOCUMENT_DIGITISED),
    )


@use_case(Permission.END_OF_DAY, locked=False)
def end_of_day_pdf(ctx: Context, day: date | None = None) -> Path:
    with ctx.reading():
        report = _end_of_day(ctx, day)
        office = ctx.setup().office
        path = new_version(
            dated_folder(ctx, REPORT_FOLDER, report.made_at), f"cuoi-ngay-{report.day:%Y%m%d}"
        )
    render_end_of_day(report, office, path)
    return path
