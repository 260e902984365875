"""One line saying what an event recorded beyond its kind: the unit and the person, the
reason, the due times before and after, who collected the result. Read from the payload, so
events synced from a newer version show what this version understands and nothing wrong."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desk_app.core.clock import parse_iso
from desk_app.core.lifecycle import EventKind, Satisfaction
from desk_app.core.model import Event
from desk_app.core.timeliness import Timeliness
from desk_app.ui.labels import date_time_text, satisfaction_label, timeliness_label


def _texts() -> dict[str, str]:
    return {
        "due": QCoreApplication.translate("EventDetails", "Hẹn trả: {due}"),
        "unit": QCoreApplication.translate("EventDetails", "Đơn vị: {unit}"),
        "receiver": QCoreApplication.translate("EventDetails", "Người nhận: {name}"),
        "giver": QCoreApplication.translate("EventDetails", "Người giao: {name}"),
        "missing": QCoreApplication.translate("EventDetails", "Cần bổ sung: {documents}"),
        "reason": QCoreApplication.translate("EventDetails", "Lý do: {reason}"),
        "moved": QCoreApplication.translate("EventDetails", "Hẹn trả: {old} → {new}"),
        "collector": QCoreApplication.translate("EventDetails", "Người nhận kết quả: {name}"),
        "authorised": QCoreApplication.translate(
            "EventDetails", "(được ủy quyền, CCCD {id})"),
        "post": QCoreApplication.translate(
            "EventDetails", "Qua bưu chính, số vận đơn {number}"),
        "note": QCoreApplication.translate("EventDetails", "Ghi chú: {note}"),
    }


def _time(value: str) -> str:
    return date_time_text(parse_iso(value))


def event_details(event: Event) -> str:
    p, kind, say, parts = event.payload, event.kind, _texts(), []
    if kind == EventKind.RECEIVED and p.get("due_at"):
        parts.append(say["due"].format(due=_time(p["due_at"])))
    if p.get("unit"):
        parts.append(say["unit"].format(unit=p["unit"]))
    if kind == EventKind.HANDED_OVER and p.get("receiver_name"):
        parts.append(say["receiver"].format(name=p["receiver_name"]))
    if kind == EventKind.RESULT_READY and p.get("giver_name"):
        parts.append(say["giver"].format(name=p["giver_name"]))
    if p.get("timeliness") in {t.value for t in Timeliness}:
        parts.append(timeliness_label(Timeliness(p["timeliness"])))
    if p.get("missing"):
        parts.append(say["missing"].format(documents="; ".join(p["missing"])))
    if p.get("reason"):
        parts.append(say["reason"].format(reason=p["reason"]))
    if p.get("old_due_at") and p.get("new_due_at"):
        parts.append(say["moved"].format(old=_time(p["old_due_at"]), new=_time(p["new_due_at"])))
    if p.get("collector_name"):
        who = say["collector"].format(name=p["collector_name"])
        if p.get("authorised"):
            who += " " + say["authorised"].format(id=p.get("collector_id_number", ""))
        parts.append(who)
    if p.get("by_post"):
        parts.append(say["post"].format(number=p.get("tracking_number", "")))
    if p.get("satisfaction") in {int(s) for s in Satisfaction}:
        parts.append(satisfaction_label(Satisfaction(p["satisfaction"])))
    if p.get("note"):
        parts.append(say["note"].format(note=p["note"]))
    return " · ".join(parts)
