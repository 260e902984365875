"""The counter as a whole: today's board, the dossier ledger (form 6) and the end-of-day report,
on screen and on paper. Reading only: nothing here changes a dossier."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from desk_app.core import payloads
from desk_app.core.clock import VN_TZ, to_vn
from desk_app.core.lifecycle import OPEN_STATES, EventKind, LedgerLine
from desk_app.core.reports import (
    AT_COUNTER_STATES,
    Board,
    EndOfDay,
    HandedOver,
    activity_tallies,
    build_board,
    procedure_tallies,
    state_tallies,
)
from desk_app.core.validation import Issue, Severity
from desk_app.printing.end_of_day import render_end_of_day
from desk_app.printing.ledger import render_ledger
from desk_app.services.errors import ValidationFailed
from desk_app.services.printouts import REPORT_FOLDER, dated_folder, new_version
from desk_app.store import dossiers, events

if TYPE_CHECKING:
    from desk_app.services.app import Services


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), VN_TZ)
    return start, start + timedelta(days=1)


def board(app: Services, now: datetime | None = None, *, clerk: str | None = None) -> Board:
    """The day's board of the whole counter, or of the dossiers `clerk` received."""
    now = to_vn(now) if now is not None else app.now()
    start, end = _day_bounds(now.date())
    rows = dossiers.on_the_board(app.db, start, end, OPEN_STATES)
    if clerk is not None:
        rows = [row for row in rows if row.clerk == clerk]
    return build_board(rows, now)


def ledger(app: Services, date_from: date, date_to: date) -> list[LedgerLine]:
    """Dossiers received from `date_from` to `date_to` (both included), in book and line order,
    so each line number is the "Số thứ tự" printed on its receipt."""
    if date_from > date_to:
        raise ValidationFailed([Issue(
            "date_from", "Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.", Severity.ERROR
        )])
    start, _ = _day_bounds(date_from)
    _, end = _day_bounds(date_to)
    return dossiers.ledger(app.db, start, end, app.now())


def ledger_pdf(app: Services, date_from: date, date_to: date) -> Path:
    # A year's ledger runs to hundreds of pages: read under the services lock, draw outside it,
    # so the receive form's quick checks on the GUI thread never wait behind a long export.
    with app._lock:
        lines = ledger(app, date_from, date_to)
        office = app.required_setup().office
        path = new_version(
            dated_folder(app, REPORT_FOLDER, app.now()),
            f"so-theo-doi-{date_from:%Y%m%d}-{date_to:%Y%m%d}",
        )
    render_ledger(lines, office, date_from, date_to, path)
    return path


def ledger_xlsx(app: Services, date_from: date, date_to: date, out: Path) -> Path:
    with app._lock:
        lines = ledger(app, date_from, date_to)
        office = app.required_setup().office
    # Imported here: openpyxl costs 70 ms of every start-up for an export made now and then.
    from desk_app.printing.ledger_excel import write_ledger_xlsx

    write_ledger_xlsx(lines, office, date_from, date_to, Path(out))
    return Path(out)


def end_of_day(app: Services, day: date | None = None) -> EndOfDay:
    """The day's events and receipts. States, and what is still at the counter, are as they
    stand now (for a past day too: the database keeps states, not daily snapshots)."""
    now = app.now()
    day = day or now.date()
    start, end = _day_bounds(day)
    day_events = events.between(app.db, start, end)
    received = dossiers.rows(app.db, received_from=start, received_before=end, limit=None)
    handed_over = []
    for event in day_events:
        if event.kind != EventKind.HANDED_OVER.value:
            continue
        dossier, handover = app._dossier(event.dossier_uuid), payloads.handover(event)
        handed_over.append(HandedOver(
            code=dossier.code, procedure_name=dossier.procedure_name,
            applicant_name=dossier.applicant.name, unit=handover.unit,
            receiver_name=handover.receiver_name, at=event.device_time,
            clerk=event.clerk, batch_uuid=handover.batch_uuid,
        ))
    at_counter = sorted(
        dossiers.rows(app.db, status=AT_COUNTER_STATES, limit=None),
        key=lambda row: (row.status, row.received_at, row.code),
    )
    return EndOfDay(
        day=day,
        made_at=now,
        clerk=app._clerk_name(),
        activity=activity_tallies(e.kind for e in day_events),
        by_state=state_tallies(r.status for r in received),
        by_procedure=procedure_tallies((r.procedure_code, r.procedure_name) for r in received),
        handed_over=tuple(handed_over),
        at_counter=tuple(at_counter),
    )


def end_of_day_pdf(app: Services, day: date | None = None) -> Path:
    with app._lock:
        report = end_of_day(app, day)
        office = app.required_setup().office
        path = new_version(
            dated_folder(app, REPORT_FOLDER, report.made_at), f"cuoi-ngay-{report.day:%Y%m%d}"
        )
    render_end_of_day(report, office, path)
    return path
