"""Hub time. Vietnam has no daylight saving, so every time is stored with the fixed +07:00 offset
(ISO-8601 text sorts chronologically when every value has the same offset and precision)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7), "ICT")


def now() -> datetime:
    return datetime.now(VN_TZ)


def stamp(moment: datetime) -> str:
    """The hub's one text form of a time: +07:00, microseconds."""
    return moment.astimezone(VN_TZ).isoformat(timespec="microseconds")


def parse_aware(text: str) -> datetime:
    """An ISO-8601 time that must carry its UTC offset (a naive device time is ambiguous)."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError("time has no UTC offset")
    return moment
