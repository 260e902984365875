"""What the status bar says about sync, in words a clerk reads at a glance: offline, syncing,
failed (and why), synced; the last good sync; a clock that is off by more than two minutes."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from desk_app.core.clock import to_vn
from desk_app.core.text import megabytes
from desk_app.services.sync import SyncState, SyncStatus

translate = QCoreApplication.translate
SKEW_SHOWN = timedelta(minutes=2)
SHORT_ERROR = 70  # characters of the reason shown in the bar; the tooltip has all of it
COLOURS = {SyncState.FAILED: "#b71c1c", SyncState.OFFLINE: "#a85400",
           SyncState.NOT_ENROLLED: "#a85400", SyncState.SYNCED: "#1b5e20"}


def moment(at: datetime, now: datetime) -> str:
    """'10:32' today, '10:32 24/11' another day."""
    at = to_vn(at)
    return f"{at:%H:%M}" if at.date() == to_vn(now).date() else f"{at:%H:%M %d/%m}"


def skew_words(skew: timedelta) -> str:
    minutes = round(skew.total_seconds() / 60)
    if minutes > 0:
        text = translate("SyncStatus", "Đồng hồ máy nhanh {minutes} phút so với máy chủ tỉnh")
    else:
        text = translate("SyncStatus", "Đồng hồ máy chậm {minutes} phút so với máy chủ tỉnh")
    return text.format(minutes=abs(minutes))


def short(text: str) -> str:
    return text if len(text) <= SHORT_ERROR else text[: SHORT_ERROR - 1].rstrip() + "…"


def status_text(status: SyncStatus, now: datetime) -> str:
    last = moment(status.last_sync, now) if status.last_sync else None
    if status.state is SyncState.NOT_ENROLLED:
        parts = [translate("SyncStatus", "Chưa đăng ký đồng bộ với tỉnh")]
    elif status.state is SyncState.SYNCING:
        parts = [translate("SyncStatus", "Đang đồng bộ…")]
    elif status.state is SyncState.SYNCED:
        parts = [translate("SyncStatus", "Đã đồng bộ lúc {time}").format(time=last)]
    elif status.state is SyncState.OFFLINE:
        parts = [translate("SyncStatus", "Mất kết nối với máy chủ tỉnh")]
        if last:
            parts.append(translate("SyncStatus", "đồng bộ lần cuối {time}").format(time=last))
        else:
            parts.append(translate("SyncStatus", "chưa đồng bộ lần nào"))
    else:
        parts = [translate("SyncStatus", "Đồng bộ lỗi: {reason}").format(
            reason=short(status.error))]
    if status.quarantined:
        parts.append(translate("SyncStatus", "%n sự kiện bị cách ly", "",
                               status.quarantined))
    if status.files_quarantined:
        parts.append(translate("SyncStatus", "%n tệp bị cách ly", "",
                               status.files_quarantined))
    if status.skew is not None and abs(status.skew) > SKEW_SHOWN:
        parts.append(skew_words(status.skew))
    return " · ".join(parts)


def status_tooltip(status: SyncStatus, now: datetime, next_try: datetime | None) -> str:
    lines = [status.error] if status.error else []
    last = (moment(status.last_sync, now) if status.last_sync
            else translate("SyncStatus", "chưa có"))
    lines.append(translate("SyncStatus", "Lần đồng bộ thành công gần nhất: {time}").format(
        time=last))
    lines.append(translate("SyncStatus", "Sự kiện chờ gửi: {count}").format(
        count=status.waiting))
    lines.append(translate("SyncStatus", "Tệp số hóa chờ gửi: {count} ({size} MB)").format(
        count=status.files_waiting, size=megabytes(status.files_waiting_bytes)))
    if status.skew is not None:
        lines.append(translate("SyncStatus", "Độ lệch đồng hồ so với máy chủ: {seconds} giây")
                     .format(seconds=f"{status.skew.total_seconds():+.0f}"))
    if next_try is not None:
        lines.append(translate("SyncStatus", "Tự thử lại lúc {time}").format(
            time=f"{to_vn(next_try):%H:%M:%S}"))
    lines.append(translate("SyncStatus", "Nhấn F6 để đồng bộ ngay."))
    return "\n".join(lines)
