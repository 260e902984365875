"""Vietnam time.

Vietnam has no daylight saving time, so one fixed +07:00 offset is exact for every date we care
about. Every stored time carries that offset explicitly.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7), "ICT")


def now_vn() -> datetime:
    return datetime.now(VN_TZ)


def to_vn(dt: datetime) -> datetime:
    """An aware datetime in +07:00; a naive one is taken to be Vietnam wall-clock time already."""
    if dt.tzinfo is None:
        return dt.replace(tzinfo=VN_TZ)
    return dt.astimezone(VN_TZ)


def iso(dt: datetime) -> str:
    return to_vn(dt).isoformat(timespec="seconds")


def parse_iso(text: str) -> datetime:
    return to_vn(datetime.fromisoformat(text))

