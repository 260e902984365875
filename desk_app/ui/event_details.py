"""One line saying what an event recorded beyond its kind: the unit and the person, the
reason, the due times before and after, who collected the result. Read through core.payloads,
so events synced from a newer version show what this version understands and nothing wrong."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desk_app.core.digitisation import Stage
from desk_app.core.lifecycle import DOCUMENT_DIGITISED, FILE_DISCARDED, EventKind
from desk_app.core.model import Event
from desk_app.core.payloads import digitised, facts
from desk_app.ui.labels import (
    date_time_text,
    event_kind_label,
    satisfaction_label,
    timeliness_label,
)


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
        "reverses": QCoreApplication.translate("EventDetails", "Hủy: {kind}"),
        "not_sent": QCoreApplication.translate(
            "EventDetails", "Tệp số hóa «{document}» không gửi lên tỉnh (vẫn lưu trên máy này)"),
        Stage.SUPPLEMENT: QCoreApplication.translate(
            "EventDetails", "Hồ sơ bổ sung: {document}, {pages} trang (bản {version})"),
        Stage.RESULT: QCoreApplication.translate(
            "EventDetails", "Kết quả giải quyết: {document}, {pages} trang (bản {version})"),
    }


def event_details(event: Event) -> str:
    f, kind, say, parts = facts(event), event.kind, _texts(), []
    if kind == EventKind.CORRECTED and isinstance(event.payload.get("reversed_kind"), str):
        parts.append(say["reverses"].format(kind=event_kind_label(event.payload["reversed_kind"])))
    if kind == DOCUMENT_DIGITISED:
        done = digitised(event)
        parts.append(say[done.stage].format(document=done.document, pages=done.pages,
                                            version=done.version))
    if kind == FILE_DISCARDED:
        parts.append(say["not_sent"].format(document=event.payload.get("document") or "?"))
    if kind == EventKind.RECEIVED and f.due_at:
        parts.append(say["due"].format(due=date_time_text(f.due_at)))
    if f.unit:
        parts.append(say["unit"].format(unit=f.unit))
    if kind == EventKind.HANDED_OVER and f.receiver_name:
        parts.append(say["receiver"].format(name=f.receiver_name))
    if kind == EventKind.RESULT_READY and f.giver_name:
        parts.append(say["giver"].format(name=f.giver_name))
    if f.timeliness is not None:
        parts.append(timeliness_label(f.timeliness))
    if f.missing:
        parts.append(say["missing"].format(documents="; ".join(f.missing)))
    if f.reason:
        parts.append(say["reason"].format(reason=f.reason))
    if f.old_due_at and f.new_due_at:
        parts.append(say["moved"].format(old=date_time_text(f.old_due_at),
                                         new=date_time_text(f.new_due_at)))
    if f.collector_name:
        who = say["collector"].format(name=f.collector_name)
        if f.authorised:
            who += " " + say["authorised"].format(id=f.collector_id_number)
        parts.append(who)
    if f.by_post:
        parts.append(say["post"].format(number=f.tracking_number))
    if f.satisfaction is not None:
        parts.append(satisfaction_label(f.satisfaction))
    if f.note:
        parts.append(say["note"].format(note=f.note))
    return " · ".join(parts)
