"""Rendering the PDFs the counter prints, and keeping every version.

A printed slip is a legal record, so a PDF is never overwritten: a changed slip (a receipt with
a moved due time, a control slip with one more row) is a new file beside the old one, and every
file is recorded in the slips table against the event it documents. Asking again for the slip
of the same event gives back the kept file.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from desk_app.core import payloads
from desk_app.core.accounts import Permission
from desk_app.core.clock import to_vn
from desk_app.core.forms import FormSets
from desk_app.core.lifecycle import Apology, ControlRow, EventKind, Refusal
from desk_app.core.model import Dossier, Event, Office
from desk_app.core.slips import ON_REQUEST, SlipKind
from desk_app.core.validation import missing_override_line
from desk_app.printing.void import VOID_TITLE, VoidMark, voided
from desk_app.services import units
from desk_app.services.context import Context, use_case
from desk_app.services.errors import ServiceError
from desk_app.services.form_sets import form_sets
from desk_app.store import dossiers, events, issued_codes, slips, sync_state
from sync.protocol import lookup_link


def drawn_by(module: str, name: str) -> Callable[..., Any]:
    """`name` of the module desk_app.printing.`module`, imported when it first draws: reportlab
    takes about a third of a second to import, which the start of the app need not wait for
    (it prints nothing before the clerk asks)."""
    def draw(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(f"desk_app.printing.{module}"), name)(
            *args, **kwargs)

    return draw


render_apology = drawn_by("apology", "render_apology")
render_apology_extension = drawn_by("apology_extension", "render_apology_extension")
render_control_slip = drawn_by("control", "render_control_slip")
render_counter_refusal = drawn_by("counter_refusal", "render_counter_refusal")
render_handover_list = drawn_by("handover_list", "render_handover_list")
render_receipt = drawn_by("receipt", "render_receipt")
render_refusal = drawn_by("refusal", "render_refusal")
render_stop_notice = drawn_by("stop_notice", "render_stop_notice")
render_supplement = drawn_by("supplement", "render_supplement")

SLIP_FOLDER = "phieu"
REPORT_FOLDER = "bao-cao"

def draw_apology(dossier: Dossier, apology: Apology, office: Office, clerk: str,
                 out: Path, *, sets: FormSets | None = None) -> Path:
    """Form 04 of 2025 (numbered, asking for an extension) for an apology recorded with its
    number; an older one reprints as the 2018 slip it was issued on."""
    draw = render_apology_extension if apology.document_number else render_apology
    return draw(dossier, apology, office, clerk, out, sets=sets)


def draw_refusal(dossier: Dossier, refusal: Refusal, office: Office, clerk: str,
                 out: Path, *, sets: FormSets | None = None) -> Path:
    """Form 03 for a dossier refused at the counter (never received: no code), or the
    refusal of a received dossier, which names it."""
    draw = render_counter_refusal if dossier.refused_at_counter else render_refusal
    return draw(dossier, refusal, office, clerk, out, sets=sets)


# The event each single-event slip documents, how its record is read back from the event, and
# what draws it.
_EVENT_SLIPS = {
    SlipKind.SUPPLEMENT: (EventKind.SUPPLEMENT_REQUESTED, payloads.supplement_request, render_supplement),
    SlipKind.REFUSAL: (EventKind.REFUSED, payloads.refusal, draw_refusal),
    SlipKind.APOLOGY: (EventKind.RESCHEDULED, payloads.apology, draw_apology),
    SlipKind.STOP_NOTICE: (EventKind.WITHDRAWN, payloads.stop_notice, render_stop_notice),
}
# A receipt documents the receipt, or the applicant's return with the documents asked for,
# which moves the due time and so re-issues the receipt.
_RECEIPT_EVENTS = (EventKind.RECEIVED, EventKind.SUPPLEMENTED)


def new_version(folder: Path, stem: str) -> Path:
    """A path for a new PDF that leaves every earlier one alone: stem.pdf, stem-2.pdf, ..."""
    path, n = folder / f"{stem}.pdf", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}.pdf"
    return path


def dated_folder(ctx: Context, top: str, at: datetime) -> Path:
    at = to_vn(at)
    return ctx.data_dir / top / f"{at:%Y}" / f"{at:%m}"


def _dossier_folder(ctx: Context, dossier: Dossier) -> Path:
    return dated_folder(ctx, SLIP_FOLDER, dossier.received_at)


def _stem(dossier: Dossier) -> str:
    """A dossier's PDFs are named after its code; one refused at the counter has none."""
    return dossier.code or f"tu-choi-{dossier.uuid[:8]}"


def _kept(ctx: Context, dossier_uuid: str, kind: str, event_uuid: str) -> Path | None:
    for slip in reversed(slips.for_dossier(ctx.db, dossier_uuid)):
        if slip.kind == kind and slip.event_uuid == event_uuid and slip.path.exists():
            return slip.path
    return None


def void_mark(correction: Event, part: str = "") -> VoidMark:
    """What a slip of the action `correction` reversed says on reprint."""
    return VoidMark(reason=correction.payload.get("reason", ""), at=correction.device_time,
                    part=part)


def slip_for_event(
    ctx: Context, dossier: Dossier, kind: str, event: Event, draw: Callable[[Path], object]
) -> Path:
    """The kept PDF of `kind` documenting `event`, drawn and recorded if there is none. Once a
    correction has reversed `event`, it is the void version, recorded against the correction:
    the slip as printed, marked "ĐÃ HỦY" with the correction's time and reason."""
    correction = events.corrections(ctx.db, [dossier.uuid]).get(event.uuid)
    key = correction or event
    kept = _kept(ctx, dossier.uuid, kind, key.uuid)
    if kept is not None:
        return kept
    path = new_version(_dossier_folder(ctx, dossier), f"{_stem(dossier)}-{kind}")
    with voided(void_mark(correction) if correction else None):
        issued_codes.keep_slip(path, draw)
    with ctx.db.atomic():
        slips.record(
            ctx.db, dossier_uuid=dossier.uuid, kind=kind, path=path,
            clerk=ctx.clerk_name(), at=ctx.now(), event_uuid=key.uuid,
        )
    return path


def _latest(ctx: Context, dossier_uuid: str, kinds: tuple[EventKind, ...]) -> Event | None:
    found = [e for e in events.for_dossier(ctx.db, dossier_uuid) if e.kind in kinds]
    return found[-1] if found else None


@use_case(Permission.LOOK_UP)
def receipt_pdf(ctx: Context, dossier_uuid: str) -> Path:
    """The kept receipt PDF of a dossier as it stands (re-issued after a supplement),
    rendered and recorded if it was never made or has gone missing. A recorded PDF is never
    overwritten: it is what was printed."""
    dossier = ctx.dossier(dossier_uuid)
    event = _latest(ctx, dossier_uuid, _RECEIPT_EVENTS)
    if event is None:
        raise ServiceError(f"Hồ sơ {dossier.code} không có sự kiện tiếp nhận.")
    return issue_receipt(ctx, dossier, event)


@use_case(Permission.LOOK_UP)
def issue_receipt(ctx: Context, dossier: Dossier, event: Event) -> Path:
    """The receipt of `dossier` as `event` (its receipt, or a supplement) left it: the kept
    PDF, or a new one drawn and recorded, in the caller's transaction if there is one."""
    office, sets = ctx.setup().office, form_sets(ctx)
    override = payloads.missing_override(event)
    note = missing_override_line(*override) if override else ""
    supplement = (payloads.supplement_receipt(event) if event.kind == EventKind.SUPPLEMENTED
                  else None)
    hub = sync_state.load(ctx.db)
    # The citizen's lookup link once the counter is enrolled with a hub that gives one; the
    # check is computed here, offline, with the commune's key.
    qr = (lookup_link(hub.lookup_url, hub.lookup_key, dossier.code)
          if hub.lookup_url and hub.lookup_key else None)
    return slip_for_event(ctx, dossier, SlipKind.RECEIPT, event,
                          lambda out: render_receipt(dossier, office, out,
                                                     to_vn(event.device_time).date(), sets,
                                                     note=note, supplement=supplement, qr=qr))


@use_case(Permission.LOOK_UP)
def slip_pdf(ctx: Context, dossier_uuid: str, kind: str, event_uuid: str | None = None) -> Path:
    """The kept slip of `kind` for a dossier. For a supplement, refusal or apology: the one of
    `event_uuid`, or of the latest such event. For the control slip: the version with every
    hand-over so far (a new version once a row has been added)."""
    if kind not in ON_REQUEST:
        raise ValueError(f"unknown slip kind: {kind!r}")
    dossier = ctx.dossier(dossier_uuid)
    office = ctx.setup().office
    if kind == SlipKind.CONTROL:
        return _control_slip(ctx, dossier, office)
    event_kind, read, draw = _EVENT_SLIPS[kind]
    if event_uuid is None:
        event = _latest(ctx, dossier_uuid, (event_kind,))
    else:
        event = events.get(ctx.db, event_uuid)
    if event is None or event.kind != event_kind or event.dossier_uuid != dossier_uuid:
        raise ServiceError(
            f"Hồ sơ {dossier.code} không có sự kiện «{event_kind.label}» để in phiếu."
        )
    sets = form_sets(ctx)
    return slip_for_event(
        ctx, dossier, kind, event,
        lambda out: draw(dossier, read(event), office, event.clerk, out, sets=sets),
    )


def _control_slip(ctx: Context, dossier: Dossier, office: Office) -> Path:
    """Every row ever written, a row whose move a correction reversed marked void in its note:
    the slip is a record of what passed between hands. A new version after each new row and
    after each correction of a row (recorded against whichever came last); the version made
    for a correction also says across the page which row it voids, when and why."""
    moves = control_moves(ctx, dossier.uuid, standing=False)
    if not moves:
        raise ServiceError(
            f"Hồ sơ {dossier.code} chưa được bàn giao lần nào: chưa có phiếu kiểm soát."
        )
    corrections = events.corrections(ctx.db, [dossier.uuid])
    rows = [_void_row(row, corrections.get(event.uuid)) for event, row in moves]
    voids = [(row, corrections[event.uuid]) for event, row in moves if event.uuid in corrections]
    latest = max([event for event, _ in moves] + [c for _, c in voids],
                 key=lambda e: (e.device_time, e.device_seq))
    mark = next((void_mark(c, f"Dòng giao nhận lúc {to_vn(row.at):%H:%M ngày %d/%m/%Y}")
                 for row, c in voids if c is latest), None)
    handed_to, sets = units.configured(ctx), form_sets(ctx)

    def draw(out: Path) -> None:
        with voided(mark):
            render_control_slip(dossier, rows, office, out, handed_to, sets)

    return slip_for_event(ctx, dossier, SlipKind.CONTROL, latest, draw)


def _void_row(row: ControlRow, correction: Event | None) -> ControlRow:
    if correction is None:
        return row
    return dataclasses.replace(row, note=f"{VOID_TITLE} (đính chính lúc "
                                         f"{to_vn(correction.device_time):%H:%M %d/%m/%Y})")


@use_case(Permission.LOOK_UP)
def handover_list_pdf(ctx: Context, batch_uuid: str) -> Path:
    """The batch's handover list: drawn once, recorded against every dossier of the batch.
    Once a correction has reversed the hand-over of some of its dossiers, it is a new version,
    marked void (the whole list, or the lines of those dossiers) and recorded against the
    latest such correction."""
    batch = events.of_batch(ctx.db, EventKind.HANDED_OVER.value, batch_uuid)
    if not batch:
        raise ServiceError("Không tìm thấy lần bàn giao này.")
    first = batch[0]
    corrections = events.corrections(ctx.db, [e.dossier_uuid for e in batch])
    undone = [(e, corrections[e.uuid]) for e in batch if e.uuid in corrections]
    key = max((c for _, c in undone), key=lambda c: (c.device_time, c.device_seq),
              default=first)
    kept = _kept(ctx, first.dossier_uuid, SlipKind.HANDOVER_LIST, key.uuid)
    if kept is not None:
        return kept
    handed = [dossiers.get(ctx.db, e.dossier_uuid) for e in batch]
    handover = payloads.handover(first)
    path = new_version(
        dated_folder(ctx, SLIP_FOLDER, first.device_time),
        f"ban-giao-{to_vn(first.device_time):%Y%m%d-%H%M}",
    )
    mark = None
    if undone:
        codes = {e.dossier_uuid: d.code for e, d in zip(batch, handed, strict=True)}
        part = "" if len(undone) == len(batch) else "Bàn giao hồ sơ " + ", ".join(
            codes[e.dossier_uuid] for e, _ in undone)
        mark = dataclasses.replace(void_mark(key, part), reason="; ".join(
            dict.fromkeys(c.payload.get("reason", "") for _, c in undone)))
    with voided(mark):
        render_handover_list(
            handed, handover.unit, handover.giver_name, handover.receiver_name,
            first.device_time, ctx.setup().office, path,
        )
    with ctx.db.atomic():
        for event in batch:
            slips.record(
                ctx.db, dossier_uuid=event.dossier_uuid, kind=SlipKind.HANDOVER_LIST, path=path,
                clerk=ctx.clerk_name(), at=ctx.now(),
                event_uuid=key.uuid if undone else event.uuid,
            )
    return path


def reprint_voided(ctx: Context, reversed_event: Event) -> tuple[Path, ...]:
    """The slips printed for `reversed_event`, which a correction has just reversed, each
    reprinted marked void (in the caller's transaction): what the clerk staples to the paper
    that was handed out."""
    dossier_uuid = reversed_event.dossier_uuid
    printed = dict.fromkeys(slip.kind for slip in slips.for_dossier(ctx.db, dossier_uuid)
                            if slip.event_uuid == reversed_event.uuid)
    paths = []
    for kind in printed:
        if kind == SlipKind.HANDOVER_LIST:
            paths.append(handover_list_pdf(ctx, payloads.handover(reversed_event).batch_uuid))
        elif kind == SlipKind.CONTROL or kind in _EVENT_SLIPS:
            paths.append(slip_pdf(ctx, dossier_uuid, kind, reversed_event.uuid))
    return tuple(paths)


@use_case(Permission.LOOK_UP)
def printed_slips(ctx: Context, dossier_uuid: str) -> list[slips.SlipRecord]:
    return slips.for_dossier(ctx.db, dossier_uuid)


@use_case(Permission.LOOK_UP)
def control_rows(ctx: Context, dossier_uuid: str) -> list[ControlRow]:
    return [row for _, row in control_moves(ctx, dossier_uuid)]


def control_moves(ctx: Context, dossier_uuid: str, *,
                  standing: bool = True) -> list[tuple[Event, ControlRow]]:
    """Each event that moved the dossier between the counter and a unit, with its row of the
    control slip: the events are the record the slip is printed from. `standing`: without the
    moves a correction reversed (they did not happen; the slip still shows them, void)."""
    reversed_ = events.corrections(ctx.db, [dossier_uuid]) if standing else {}
    return [
        (event, row)
        for event in events.for_dossier(ctx.db, dossier_uuid)
        if (row := payloads.control_row(event.payload)) is not None
        and event.uuid not in reversed_
    ]
