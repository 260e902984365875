"""A dossier's life after its receipt: hand-over, result, supplement, refusal, apology, return,
withdrawal and stop (issue 3).

Each use case is one transaction: the new state, the due-time changes, the event and its
outbox entry are written together or not at all, and the state machine of core.lifecycle
decides first whether the move is allowed. Every hand-over between the counter and a
processing unit carries its control-slip row in the event's payload: the events are the
record the slip is printed from.

`at` lets a clerk record, after a power cut, an action done earlier; it defaults to now and
may not come before the dossier's last event, so the history stays in order.
"""

from __future__ import annotations

import dataclasses
import uuid as uuidlib
from collections.abc import Sequence
from datetime import datetime

from desk_app.core import payloads
from desk_app.core.accounts import Permission
from desk_app.core.changes import DOSSIERS
from desk_app.core.citizen_id import normalise_id_number
from desk_app.core.clock import iso, to_vn
from desk_app.core.lifecycle import (
    APOLOGY_REGISTER,
    Apology,
    ControlRow,
    Correction,
    EventKind,
    NotReversible,
    Refusal,
    ResultReturn,
    Reversal,
    SupplementRequest,
    apology_document_number,
    apology_issues,
    kind_label,
    reason_issues,
    rescheduled_due,
    resumed_due,
    return_issues,
    reversal,
    state_after,
    stop_request_refusal,
    supplement_issues,
    time_in_order,
    working_days_added,
)
from desk_app.core.model import Dossier, Event
from desk_app.core.states import DossierState, InvalidTransition
from desk_app.core.text import clean, clean_multiline
from desk_app.core.timeliness import timeliness
from desk_app.core.validation import Issue, error
from desk_app.services import printouts, units
from desk_app.services.context import Context, use_case
from desk_app.services.errors import ServiceError, TransitionRefused, ValidationFailed
from desk_app.store import dossiers, events, issued_codes, registers


def _raise_if(issues: list[Issue]) -> None:
    if issues:
        raise ValidationFailed(issues)


# --- The one way a dossier moves --------------------------------------------------------------


def _target(
    dossier: Dossier, kind: EventKind, resume_in: DossierState | None = None
) -> DossierState:
    try:
        return state_after(kind, dossier.status, resume_in=resume_in)
    except InvalidTransition as exc:
        raise TransitionRefused(str(exc), (dossier.code,)) from exc


def _when(ctx: Context, dossier: Dossier, at: datetime | None) -> datetime:
    """The action's time, to the second as it is stored; never in a minute before the
    dossier's last event (core.lifecycle.time_in_order)."""
    history = events.for_dossier(ctx.db, dossier.uuid)
    last = history[-1] if history else None
    chosen = at if at is not None else ctx.now()
    when = time_in_order(chosen, last.device_time if last else None)
    if when is None:
        raise ServiceError(
            f"Hồ sơ {dossier.code}: thời điểm {to_vn(chosen):%H:%M %d/%m/%Y} trước sự kiện gần "
            f"nhất («{kind_label(last.kind)}» lúc {last.device_time:%H:%M %d/%m/%Y})."
        )
    return when


def _record(
    ctx: Context,
    dossier: Dossier,
    kind: EventKind,
    payload: dict,
    at: datetime,
    *,
    resume_in: DossierState | None = None,
    origin: events.Origin | None = None,
    **changes: datetime | None,
) -> Event:
    """Check the move, then write the new state (with `changes`) and the event with its outbox
    entry (none for a province event pulled from the hub: `origin`). In the caller's
    transaction."""
    target = _target(dossier, kind, resume_in)
    dossiers.update(ctx.db, dossier.uuid, status=target, **changes)
    return events.append(
        ctx.db, dossier_uuid=dossier.uuid, kind=kind.value, status=target, payload=payload,
        clerk=origin.clerk if origin else ctx.clerk_name(), device_id=ctx.device_id(), at=at,
        origin=origin,
    )


def _counter(ctx: Context, origin: events.Origin | None = None) -> tuple[str, str]:
    """The counter's side of a hand-over: its unit and the logged-in clerk. What the province
    recorded reaches the counter by sync, which runs with nobody acting (even while the screen
    is locked): then the unit alone stands for the counter."""
    unit = ctx.setup().unit_name
    return unit, "" if origin else ctx.clerk_name()


@use_case(Permission.LOOK_UP)
def current_unit(ctx: Context, dossier_uuid: str) -> str:
    """The processing unit that last received the dossier from the counter ('' if none)."""
    return _current_unit(ctx, dossier_uuid)


def _current_unit(ctx: Context, dossier_uuid: str) -> str:
    counter_unit = ctx.setup().unit_name
    for _, row in reversed(printouts.control_moves(ctx, dossier_uuid)):
        if row.giver_unit == counter_unit:
            return row.receiver_unit
    return ""


# --- Use cases ----------------------------------------------------------------------------


@use_case(Permission.HAND_OVER, changes=DOSSIERS)
def hand_over(
    ctx: Context, dossier_uuids: list[str], unit: str, receiver_name: str, note: str = "",
    *, at: datetime | None = None,
) -> str:
    """Hand dossiers to a processing unit, all or none; returns the batch's uuid."""
    unit, receiver_name, note = clean(unit), clean(receiver_name), clean_multiline(note)
    uuids = list(dict.fromkeys(dossier_uuids))
    issues = []
    if not uuids:
        issues.append(error("dossiers", "Chọn ít nhất một hồ sơ để bàn giao."))
    if not unit:
        issues.append(error("unit", "Chọn đơn vị nhận hồ sơ."))
    if not receiver_name:
        issues.append(error("receiver_name", "Nhập họ tên người nhận hồ sơ của đơn vị xử lý."))
    _raise_if(issues)
    batch = [ctx.dossier(u) for u in uuids]
    refused = []
    for dossier in batch:
        try:
            _target(dossier, EventKind.HANDED_OVER)
        except TransitionRefused as exc:
            refused.append((dossier.code, str(exc)))
    if refused:
        raise TransitionRefused(
            "Chưa bàn giao hồ sơ nào, vì có hồ sơ không bàn giao được:\n"
            + "\n".join(f"• {code}: {why}" for code, why in refused),
            tuple(code for code, _ in refused),
        )
    inter_agency = any(u.inter_agency for u in units.configured(ctx) if u.name == unit)
    counter_unit, clerk = _counter(ctx)
    batch_uuid = str(uuidlib.uuid4())
    at = at or ctx.now()  # one moment for the whole batch
    with ctx.db.atomic():
        for dossier in batch:
            when = _when(ctx, dossier, at)
            row = ControlRow(counter_unit, clerk, unit, receiver_name, when, note=note)
            _record(ctx, dossier, EventKind.HANDED_OVER, {
                "batch_uuid": batch_uuid, "unit": unit, "inter_agency": inter_agency,
                "giver_name": clerk, "receiver_name": receiver_name, "note": note,
                "batch_size": len(batch), "control": payloads.control_payload(row),
            }, when)
    return batch_uuid


@use_case(Permission.HAND_OVER, changes=DOSSIERS)
def record_result_ready(
    ctx: Context, dossier_uuid: str, unit: str, giver_name: str, note: str = "",
    *, at: datetime | None = None,
) -> Dossier:
    return result_ready(ctx, dossier_uuid, unit, giver_name, note, at=at)


def result_ready(
    ctx: Context, dossier_uuid: str, unit: str, giver_name: str, note: str = "",
    *, at: datetime | None = None, origin: events.Origin | None = None,
) -> Dossier:
    """The result came back to the counter from `unit` (the counter itself for what it settles
    on the spot); the control row says whether that was in time. `origin`: the province
    recorded it, and sync brings it down (services.province_events)."""
    unit, giver_name, note = clean(unit), clean(giver_name), clean_multiline(note)
    _raise_if([] if unit else [error("unit", "Chọn đơn vị trả kết quả về bộ phận một cửa.")])
    dossier = ctx.dossier(dossier_uuid)
    counter_unit, clerk = _counter(ctx, origin)
    with ctx.db.atomic():
        when = _when(ctx, dossier, at)
        verdict = timeliness(dossier.due_at, when, when)
        row = ControlRow(unit, giver_name, counter_unit, clerk, when, verdict.label, note)
        _record(ctx, dossier, EventKind.RESULT_READY, {
            "unit": unit, "giver_name": giver_name, "receiver_name": clerk, "note": note,
            "due_at": iso(dossier.due_at), "timeliness": verdict.value,
            "control": payloads.control_payload(row),
        }, when, origin=origin, finished_at=when)
    return ctx.dossier(dossier_uuid)


@use_case(Permission.HAND_OVER, changes=DOSSIERS)
def request_supplement(
    ctx: Context, dossier_uuid: str, missing: list[str], reason: str, contact: str,
    requested_by: str = "", *, giver_name: str = "", at: datetime | None = None,
) -> SupplementRequest:
    return supplement_requested(ctx, dossier_uuid, missing, reason, contact, requested_by,
                                giver_name=giver_name, at=at)


def supplement_requested(
    ctx: Context, dossier_uuid: str, missing: list[str], reason: str, contact: str,
    requested_by: str = "", *, giver_name: str = "", at: datetime | None = None,
    origin: events.Origin | None = None,
) -> SupplementRequest:
    """The dossier waits for the applicant (state 5) and its clock stops. Asked for by the
    counter before the hand-over, or by the processing unit, which sends the dossier back: then
    a control row records that return. `origin`: the province asked, and sync brings it down."""
    missing_docs = tuple(dict.fromkeys(m for m in (clean(x) for x in missing) if m))
    reason, contact = clean_multiline(reason), clean(contact)
    _raise_if(supplement_issues(missing_docs, reason))
    dossier = ctx.dossier(dossier_uuid)
    counter_unit, clerk = _counter(ctx, origin)
    from_unit = dossier.status is DossierState.PROCESSING
    requested_by = clean(requested_by) or (
        _current_unit(ctx, dossier_uuid) if from_unit else counter_unit
    )
    contact = contact or f"{clerk}, {counter_unit}"
    with ctx.db.atomic():
        when = _when(ctx, dossier, at)
        payload = {
            "missing": list(missing_docs), "reason": reason, "contact": contact,
            "requested_by": requested_by, "paused_at": iso(when),
            "resume_in": int(dossier.status), "due_at": iso(dossier.due_at),
        }
        if from_unit:
            row = ControlRow(requested_by, clean(giver_name), counter_unit, clerk, when,
                             note="Trả lại để yêu cầu bổ sung hồ sơ")
            payload["control"] = payloads.control_payload(row)
        event = _record(ctx, dossier, EventKind.SUPPLEMENT_REQUESTED, payload, when,
                        origin=origin)
    return payloads.supplement_request(event)


@use_case(Permission.HAND_OVER, changes=DOSSIERS)
def receive_supplement(
    ctx: Context, dossier_uuid: str, note: str = "", *, brought: Sequence[str] = (),
    receiver_name: str = "", at: datetime | None = None,
) -> Dossier:
    """The applicant brought the documents (`brought`, from those the request asked for): the
    dossier goes back where it was, its due time moves on by the working time spent waiting,
    and a receipt of the supplement is issued (form 01 again: what was brought, who received
    it, the new due time; the first receipt is kept). A dossier the unit had sent back goes
    back to that unit (`receiver_name` takes it)."""
    note = clean_multiline(note)
    brought = [name for name in map(clean, brought) if name]
    dossier = ctx.dossier(dossier_uuid)
    request = events.latest(ctx.db, dossier_uuid, EventKind.SUPPLEMENT_REQUESTED.value)
    resume_in = payloads.resume_in(request) if request else None
    _target(dossier, EventKind.SUPPLEMENTED, resume_in)
    if request is None:
        raise ServiceError(f"Hồ sơ {dossier.code}: không tìm thấy phiếu yêu cầu bổ sung.")
    paused_at = request.device_time
    calendar = ctx.calendar()
    counter_unit, clerk = _counter(ctx)
    with ctx.db.atomic():
        when = _when(ctx, dossier, at)
        new_due = resumed_due(calendar, dossier.due_at, paused_at, when)
        payload = {
            "paused_at": iso(paused_at), "resumed_at": iso(when),
            "waited_working_seconds": int(
                calendar.working_time_between(paused_at, when).total_seconds()
            ),
            "old_due_at": iso(dossier.due_at), "new_due_at": iso(new_due), "note": note,
            "resume_in": int(resume_in), "brought": brought,
        }
        if resume_in is DossierState.PROCESSING:
            unit = payloads.requested_by(request)
            row = ControlRow(counter_unit, clerk, unit, clean(receiver_name), when,
                             note="Chuyển lại sau khi nhận hồ sơ bổ sung")
            payload["control"] = payloads.control_payload(row)
        event = _record(
            ctx, dossier, EventKind.SUPPLEMENTED, payload, when, resume_in=resume_in,
            due_at=new_due,
            original_due_at=resumed_due(calendar, dossier.original_due_at or dossier.due_at,
                                        paused_at, when),
        )
        resumed = ctx.dossier(dossier_uuid)
        printouts.issue_receipt(ctx, resumed, event)
    return resumed


def _ending(
    ctx: Context, dossier_uuid: str, kind: EventKind, reason: str, what: str,
    at: datetime | None,
) -> Event:
    """A move whose only input is a mandatory reason: refusal, withdrawal, stop."""
    reason = clean_multiline(reason)
    _raise_if(reason_issues(reason, what))
    dossier = ctx.dossier(dossier_uuid)
    with ctx.db.atomic():
        when = _when(ctx, dossier, at)
        return _record(ctx, dossier, kind, {"reason": reason}, when)


@use_case(Permission.REFUSE, changes=DOSSIERS)
def refuse(
    ctx: Context, dossier_uuid: str, reason: str, *, at: datetime | None = None
) -> Refusal:
    event = _ending(ctx, dossier_uuid, EventKind.REFUSED, reason, "từ chối tiếp nhận hồ sơ", at)
    return payloads.refusal(event)


@use_case(Permission.RETURN, changes=DOSSIERS)
def withdraw(
    ctx: Context, dossier_uuid: str, reason: str, *, requester: str = "",
    at: datetime | None = None,
) -> Dossier:
    """Stop processing at the applicant's request (Decree 118/2025 Art. 21, Circular 03/2025
    Art. 7; state 7 of the national portal, "Công dân yêu cầu rút hồ sơ"), which form 05
    (SlipKind.STOP_NOTICE) notifies. Allowed only while no decision or result exists: see
    core.lifecycle.DECIDED_STATES; a decided dossier is refused with the reason why.
    `requester`: who asked (the applicant when empty), kept in the event with the reason.

    `stop_processing` is the administration's own stop (state 8), with no form 05."""
    reason, requester = clean_multiline(reason), clean(requester)
    dossier = ctx.dossier(dossier_uuid)
    if why := stop_request_refusal(dossier.status):
        raise TransitionRefused(why, (dossier.code,))
    _raise_if(reason_issues(reason, "công dân rút hồ sơ"))
    with ctx.db.atomic():
        when = _when(ctx, dossier, at)
        _record(ctx, dossier, EventKind.WITHDRAWN, {
            "reason": reason, "requester": requester or dossier.applicant.name,
        }, when)
    return ctx.dossier(dossier_uuid)


@use_case(Permission.RETURN, changes=DOSSIERS)
def stop_processing(
    ctx: Context, dossier_uuid: str, reason: str, *, at: datetime | None = None
) -> Dossier:
    """The administration stops processing (state 8, e.g. on the processing agency's word); the
    applicant's own request is `withdraw`, with form 05."""
    _ending(ctx, dossier_uuid, EventKind.STOPPED, reason, "dừng xử lý hồ sơ", at)
    return ctx.dossier(dossier_uuid)


@use_case(Permission.APOLOGISE, changes=DOSSIERS)
def apologise(
    ctx: Context, dossier_uuid: str, reason: str, *, extra_working_days: int | None = None,
    new_due_at: datetime | None = None, at: datetime | None = None,
) -> Apology:
    """Apologise and ask for an extension (form 04 of Circular 03/2025): `extra_working_days`
    after the current due time, or `new_due_at` (the working days it adds are then counted by
    the calendar). The dossier's due time becomes the new one; the one before the first apology
    stays in original_due_at, and the event keeps both. The letter takes the next number of the
    year's apology register (store.registers) in this transaction; the event keeps it
    (`document_number`, `document_seq`, `document_year`) so the slip reprints the same."""
    reason = clean_multiline(reason)
    if extra_working_days is not None and new_due_at is not None:
        raise ValidationFailed([error(
            "new_due_at", "Chỉ chọn một cách hẹn lại: số ngày làm việc gia hạn, hoặc ngày hẹn mới."
        )])
    if extra_working_days is not None and extra_working_days < 1:
        raise ValidationFailed([error(
            "extra_working_days", "Số ngày làm việc gia hạn phải từ 1 trở lên."
        )])
    dossier = ctx.dossier(dossier_uuid)
    _target(dossier, EventKind.RESCHEDULED)
    if extra_working_days is not None:
        new_due_at = rescheduled_due(ctx.calendar(), dossier.due_at, extra_working_days)
    elif new_due_at is not None:
        new_due_at = to_vn(new_due_at)
    with ctx.db.atomic():
        when = _when(ctx, dossier, at)
        _raise_if(apology_issues(reason, dossier.due_at, new_due_at, when))
        if extra_working_days is None:
            extra_working_days = working_days_added(ctx.calendar(), dossier.due_at, new_due_at)
        year = when.year
        seq = registers.next_document_number(
            ctx.db, APOLOGY_REGISTER, year,
            max(registers.highest_in_events(ctx.db, EventKind.RESCHEDULED.value, year),
                issued_codes.highest_document(ctx.data_dir, APOLOGY_REGISTER, year)),
        )
        # A signed letter carries the number: reserved outside the database before the
        # commit, so a restored older backup cannot number another letter the same.
        ctx.reserve(issued_codes.document_numbers(APOLOGY_REGISTER, year, seq))
        event = _record(ctx, dossier, EventKind.RESCHEDULED, {
            "reason": reason, "old_due_at": iso(dossier.due_at), "new_due_at": iso(new_due_at),
            "original_due_at": iso(dossier.original_due_at or dossier.due_at),
            "extra_working_days": extra_working_days,
            "document_number": apology_document_number(seq, ctx.setup().counter_number),
            "document_seq": seq,
            "document_year": year, "signed_by": "head_of_agency",
        }, when, due_at=new_due_at)
    return payloads.apology(event)


@use_case(Permission.RETURN, changes=DOSSIERS)
def return_result(ctx: Context, dossier_uuid: str, ret: ResultReturn) -> Dossier:
    """The result reached the applicant (or the person they authorised, or the post)."""
    ret = dataclasses.replace(
        ret, at=to_vn(ret.at), collector_name=clean(ret.collector_name),
        collector_id_number=normalise_id_number(ret.collector_id_number),
        tracking_number=clean(ret.tracking_number),
    )
    _raise_if(return_issues(ret))
    dossier = ctx.dossier(dossier_uuid)
    with ctx.db.atomic():
        when = _when(ctx, dossier, ret.at)
        payload = {**payloads.return_payload(ret), "due_at": iso(dossier.due_at)}
        _record(ctx, dossier, EventKind.RETURNED, payload, when, returned_at=when)
    return ctx.dossier(dossier_uuid)


# --- Correcting a mistake (docs/domain.md, "Correcting a mistake") ---------------------------


@use_case(Permission.LOOK_UP)
def last_action_reversal(ctx: Context, dossier_uuid: str) -> Reversal:
    """What correcting the dossier's last action would reverse, and the state it would go back
    to; TransitionRefused says why it cannot be (the dialog shows that instead of opening)."""
    return _reversal(ctx, ctx.dossier(dossier_uuid))


def _reversal(ctx: Context, dossier: Dossier) -> Reversal:
    try:
        return reversal(events.for_dossier(ctx.db, dossier.uuid), ctx.device_id(),
                        ctx.now().date())
    except NotReversible as exc:
        raise TransitionRefused(f"Hồ sơ {dossier.code}: {exc}", (dossier.code,)) from exc


@use_case(Permission.CORRECT, changes=DOSSIERS)
def correct_last_action(ctx: Context, dossier_uuid: str, reason: str) -> Correction:
    """Reverse the dossier's last action, recorded today at this counter, with a mandatory
    reason: a new `corrected` event (the reversed one stays in the journal, untouched), the
    state the dossier had before it, and the fields it set (finished_at, returned_at) empty
    again. The hub projects the event's state like any other's; the slips of the reversed
    action reprint marked void (services.printouts)."""
    reason = clean_multiline(reason)
    dossier = ctx.dossier(dossier_uuid)
    undo = _reversal(ctx, dossier)
    _raise_if(reason_issues(reason, "đính chính (hủy thao tác cuối của hồ sơ)"))
    with ctx.db.atomic():
        when = _when(ctx, dossier, None)
        _record(ctx, dossier, EventKind.CORRECTED, {
            "reverses": undo.reversed.uuid, "reversed_kind": undo.reversed.kind,
            "reason": reason, "restored_status": int(undo.restored),
            "cleared": list(undo.cleared),
        }, when, resume_in=undo.restored, **dict.fromkeys(undo.cleared))
        voided = printouts.reprint_voided(ctx, undo.reversed)
    return Correction(undo, voided)
