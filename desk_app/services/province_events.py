"""Applying what the province publishes through the hub: a newer procedure catalogue, the
calendar table, a commune's new agency code, sets of official forms, and the province's decisions
on this commune's dossiers.

A page of changes is applied in one transaction together with the new pull cursor, so a crash
never applies a change twice or skips one. A province event goes through the same state
machine as a clerk's action (services.lifecycle), keeping the province's event UUID and the
hub's time, and is not queued for upload. A change that cannot be applied (a dossier this
counter does not have, a move the state machine refuses, a malformed catalogue) is recorded
as a sync problem for a supervisor, and the pull goes on: one bad change must not hold back
the rest of the province's news.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from desk_app.core.calendar import LocalOverride, OverrideKind
from desk_app.core.clock import parse_iso, to_vn
from desk_app.core.lifecycle import EventKind, kind_label
from desk_app.core.states import InvalidTransition
from desk_app.core.text import clean, clean_multiline
from desk_app.services import form_sets, lifecycle, options
from desk_app.services.context import Context
from desk_app.services.errors import ServiceError
from desk_app.store import calendar as calendar_store
from desk_app.store import catalogue, dossiers, events, sync_state
from desk_app.store.catalogue import CatalogueError

# The device id the province's events are recorded under here: they are not this PC's, so the
# counts of "what this counter recorded" leave them out.
PROVINCE_DEVICE_ID = "province"
DEFAULT_MISSING = "Giấy tờ theo yêu cầu của cơ quan giải quyết"
DEFAULT_SUPPLEMENT_REASON = "Cơ quan giải quyết yêu cầu bổ sung, hoàn thiện hồ sơ."


class ProblemChange(Exception):
    """This change cannot be applied here; the message says why, for a supervisor."""


def apply_page(ctx: Context, changes: list[dict[str, Any]], next_cursor: int) -> bool:
    """Apply a page and move the cursor, in one transaction (the caller holds the services
    lock). Returns whether the calendar changed (the services' cached calendar is then
    stale)."""
    calendar_changed = False
    with ctx.db.atomic():
        for change in changes:
            try:
                # A savepoint per change: a refused one leaves nothing half written.
                with ctx.db.atomic():
                    _apply(ctx, change)
            except (ProblemChange, ServiceError, InvalidTransition, CatalogueError, KeyError,
                    TypeError, ValueError) as exc:
                data = change.get("data") if isinstance(change.get("data"), dict) else {}
                sync_state.record_problem(
                    ctx.db, change_seq=int(change.get("seq", next_cursor)), message=str(exc),
                    at=ctx.now(), event_uuid=data.get("uuid"), dossier_uuid=data.get("dossier_uuid"),
                )
            else:
                calendar_changed |= change.get("type") == "calendar"
        sync_state.set_cursor(ctx.db, next_cursor)
    return calendar_changed


def _apply(ctx: Context, change: dict[str, Any]) -> None:
    kind, data = change["type"], change["data"]
    if kind == "catalogue":
        catalogue.apply_province(ctx.db, data, ctx.now())
    elif kind == "form_set":
        form_sets.apply_province(ctx, data)
    elif kind == "calendar":
        calendar_store.put(ctx.db, LocalOverride(
            date.fromisoformat(data["day"]), OverrideKind(data["kind"]), clean(data["note"])))
    elif kind == "event":
        _apply_event(ctx, data)
    elif kind == "agency_code":
        # A merged commune's new code (Decision 09/2025/QĐ-TTg), in force from its day.
        options.set_agency_code(ctx, clean(data["code"]).upper(), date.fromisoformat(data["since"]))
    else:
        raise ProblemChange(f"Loại thay đổi «{kind}» chưa được phiên bản này hỗ trợ; "
                            "hãy cập nhật phần mềm.")


def _apply_event(ctx: Context, event: dict[str, Any]) -> None:
    if events.get(ctx.db, event["uuid"]) is not None:
        return  # applied before (a cursor that went back after a re-enrollment)
    payload = event.get("payload") or {}
    code = payload.get("code") or event["dossier_uuid"]
    dossier = dossiers.get(ctx.db, event["dossier_uuid"])
    if dossier is None:
        raise ProblemChange(
            f"Tỉnh gửi sự kiện «{kind_label(event['kind'])}» cho hồ sơ {code}, nhưng máy này không "
            "có hồ sơ đó.")
    clerk = clean(event["clerk"]) or "Tỉnh"
    note = clean_multiline(str(payload.get("note") or ""))
    origin = events.Origin(event["uuid"], PROVINCE_DEVICE_ID, clerk,
                           datetime.fromisoformat(event["device_time"]))
    at = _when(ctx, dossier.uuid, parse_iso(event["device_time"]))
    try:
        if event["kind"] == EventKind.RESULT_READY:
            lifecycle.result_ready(ctx, dossier.uuid, clerk, "", note, at=at,
                                          origin=origin)
        elif event["kind"] == EventKind.SUPPLEMENT_REQUESTED:
            lifecycle.supplement_requested(
                ctx, dossier.uuid, [note or DEFAULT_MISSING], note or DEFAULT_SUPPLEMENT_REASON,
                contact=clerk, requested_by=clerk, at=at, origin=origin)
        else:
            raise ProblemChange(f"Tỉnh gửi loại sự kiện «{event['kind']}» mà phiên bản này chưa "
                                "hỗ trợ; hãy cập nhật phần mềm.")
    except (ServiceError, InvalidTransition) as exc:
        raise ProblemChange(
            f"Không ghi được sự kiện «{kind_label(event['kind'])}» của tỉnh cho hồ sơ {dossier.code}: "
            f"{exc}") from exc


def _when(ctx: Context, dossier_uuid: str, decided_at: datetime) -> datetime:
    """When the province decided, but never before the dossier's last local event: the
    counter's clock may be ahead of the hub's, and the history must stay in order."""
    history = events.for_dossier(ctx.db, dossier_uuid)
    return max(to_vn(decided_at), history[-1].device_time) if history else to_vn(decided_at)

