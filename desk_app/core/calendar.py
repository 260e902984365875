"""Working calendar and due times (ngày hẹn trả), docs/domain.md, "Due time and the calendar".

Working time is two periods a day, half-open: a moment at 11:30 or 17:00 is already outside
working time, but a due time may fall exactly on such a period end.

Whether a day is worked, strongest rule first: the commune's local table, then the official
holidays with their compensatory days, then the weekend days the government swapped into working
days, then the ordinary working weekdays.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache

from desk_app.core.clock import VN_TZ, to_vn
from desk_app.core.model import ProcessingTime, TimeUnit

# A commune marking ten years in a row as days off is a data error, not a long holiday.
MAX_DAYS_OFF_IN_A_ROW = 3660

WEEKDAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


@dataclass(frozen=True)
class WorkingHours:
    morning: tuple[time, time] = (time(7, 0), time(11, 30))
    afternoon: tuple[time, time] = (time(13, 30), time(17, 0))
    same_day_cutoff: time = time(15, 0)
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Monday=0

    def __post_init__(self) -> None:
        (m_start, m_end), (a_start, a_end) = self.morning, self.afternoon
        if not m_start < m_end <= a_start < a_end:
            raise ValueError(
                "Giờ làm việc không hợp lệ: buổi sáng phải bắt đầu trước khi kết thúc, "
                "kết thúc không muộn hơn giờ bắt đầu buổi chiều, và buổi chiều phải bắt đầu "
                "trước khi kết thúc."
            )
        cutoff = self.same_day_cutoff
        if not (m_start < cutoff <= m_end or a_start <= cutoff <= a_end):
            raise ValueError(
                "Giờ chốt nhận hồ sơ trả trong ngày phải nằm trong giờ làm việc "
                f"({m_start:%H:%M}–{m_end:%H:%M} hoặc {a_start:%H:%M}–{a_end:%H:%M})."
            )
        if not self.weekdays or not all(isinstance(d, int) and 0 <= d <= 6 for d in self.weekdays):
            raise ValueError(
                "Ngày làm việc trong tuần phải có ít nhất một ngày, đánh số từ 0 (Thứ Hai) "
                "đến 6 (Chủ nhật)."
            )

    @property
    def periods(self) -> tuple[tuple[time, time], tuple[time, time]]:
        return (self.morning, self.afternoon)


DEFAULT_HOURS = WorkingHours()


class OverrideKind(StrEnum):
    DAY_OFF = "off"
    WORKING_DAY = "work"


@dataclass(frozen=True)
class LocalOverride:
    day: date
    kind: OverrideKind
    note: str = ""


@lru_cache(maxsize=64)
def _official_year(year: int) -> tuple[dict[date, str], frozenset[date]]:
    """Holiday names and government-swapped weekend working days of one year.

    A swap can cross a new year (a day off on 31/12 paid back on a January Saturday) and is
    recorded while the package fills the year of the day off, so the neighbours are filled too.
    """
    import holidays  # here, not at start: the first window needs no due time

    official = holidays.country_holidays("VN", language="vi", years=range(year - 1, year + 2))
    # Copy to plain containers: looking up a date outside `years` would make the package expand.
    names = {d: name for d, name in official.items() if d.year == year}
    swapped = frozenset(d for d in getattr(official, "weekend_workdays", ()) if d.year == year)
    return names, swapped


class WorkCalendar:
    def __init__(
        self, hours: WorkingHours = DEFAULT_HOURS, overrides: Iterable[LocalOverride] = ()
    ) -> None:
        self.hours = hours
        # One entry per day; a later override of the same day replaces an earlier one.
        self.overrides: dict[date, LocalOverride] = {o.day: o for o in overrides}

    # Days

    def is_working_day(self, day: date) -> bool:
        override = self.overrides.get(day)
        if override is not None:
            return override.kind is OverrideKind.WORKING_DAY
        names, swapped = _official_year(day.year)
        if day in names:
            return False
        return day in swapped or day.weekday() in self.hours.weekdays

    def day_off_reason(self, day: date) -> str | None:
        """Why the office is closed that day, in Vietnamese; None on a working day."""
        if self.is_working_day(day):
            return None
        override = self.overrides.get(day)
        if override is not None:
            return override.note or "Ngày nghỉ theo lịch của địa phương"
        names, _ = _official_year(day.year)
        return names.get(day) or WEEKDAY_NAMES[day.weekday()]

    def _next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        for offset in range(1, MAX_DAYS_OFF_IN_A_ROW + 1):
            candidate = day + timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        raise ValueError(
            f"Không tìm thấy ngày làm việc nào trong {MAX_DAYS_OFF_IN_A_ROW} ngày sau "
            f"{day:%d/%m/%Y}: hãy kiểm tra lại lịch nghỉ của địa phương."
        )

    def _at(self, day: date, clock: time) -> datetime:
        return datetime.combine(day, clock, tzinfo=VN_TZ)

    # Moments

    def is_working_time(self, moment: datetime) -> bool:
        moment = to_vn(moment)
        clock = moment.time()
        return self.is_working_day(moment.date()) and any(
            start <= clock < end for start, end in self.hours.periods
        )

    def next_working_start(self, moment: datetime) -> datetime:
        """`moment` itself if inside working time, else the next start of a working period."""
        moment = to_vn(moment)
        day = moment.date()
        if self.is_working_day(day):
            clock = moment.time()
            for start, end in self.hours.periods:
                if clock < start:
                    return self._at(day, start)
                if clock < end:
                    return moment
        return self._at(self._next_working_day(day), self.hours.morning[0])

    # Due times

    def due_time(self, received_at: datetime, time: ProcessingTime) -> datetime:
        unit, value = time.unit, time.value
        if unit is TimeUnit.SAME_DAY:
            return self.same_day_due(received_at)
        if unit is TimeUnit.WORKING_DAYS:
            return self.add_working_days(received_at, value)
        if unit is TimeUnit.WORKING_HOURS:
            return self.add_working_hours(received_at, value)
        if unit is TimeUnit.CALENDAR_DAYS:
            return self.add_calendar_days(received_at, value)
        raise ValueError(f"Đơn vị thời hạn không được hỗ trợ: {unit!r}")

    def same_day_due(self, received_at: datetime) -> datetime:
        """End of the receipt's working day, or of the next one if received at/after the cutoff."""
        received = self.next_working_start(received_at)
        day = received.date()
        if received.time() >= self.hours.same_day_cutoff:
            day = self._next_working_day(day)
        return self._at(day, self.hours.afternoon[1])

    def add_working_days(self, start: datetime, days: int) -> datetime:
        """Same clock time on the `days`-th working day after the (effective) receipt day."""
        _not_negative(days)
        received = self.next_working_start(start)
        day = received.date()
        for _ in range(days):
            day = self._next_working_day(day)
        return self._at(day, received.time())

    def add_working_hours(self, start: datetime, hours: float | int) -> datetime:
        """`hours` of working time counted from the (effective) receipt."""
        _not_negative(hours)
        return self.add_working_time(self.next_working_start(start), timedelta(hours=hours))

    def add_calendar_days(self, start: datetime, days: int) -> datetime:
        """`days` later at the same clock time, pushed to the next working day if that is off."""
        _not_negative(days)
        received = self.next_working_start(start)
        day = received.date() + timedelta(days=days)
        if not self.is_working_day(day):
            day = self._next_working_day(day)
        # The effective receipt is inside working time, so its clock time is on any working day.
        return self._at(day, received.time())

    # Working time arithmetic (also used to stop the clock while waiting for a supplement)

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Working time inside [start, end); zero if `end` is not after `start`."""
        start, end = to_vn(start), to_vn(end)
        total = timedelta()
        day = start.date()
        while day <= end.date():
            if self.is_working_day(day):
                for p_start, p_end in self.hours.periods:
                    lo = max(start, self._at(day, p_start))
                    hi = min(end, self._at(day, p_end))
                    if hi > lo:
                        total += hi - lo
            day += timedelta(days=1)
        return total

    def add_working_time(self, start: datetime, amount: timedelta) -> datetime:
        """The earliest moment by which `amount` of working time has passed since `start`.

        So the result may be a period end (11:30, 17:00) rather than the next period's start, and
        an amount of zero returns `start` unchanged.
        """
        if amount < timedelta():
            raise ValueError("Thời gian cộng thêm không được âm.")
        start = to_vn(start)
        if not amount:
            return start
        remaining = amount
        day = start.date()
        if not self.is_working_day(day):
            day = self._next_working_day(day)
        while True:
            for p_start, p_end in self.hours.periods:
                lo = max(start, self._at(day, p_start))
                hi = self._at(day, p_end)
                if hi <= lo:
                    continue
                if remaining <= hi - lo:
                    return lo + remaining
                remaining -= hi - lo
            day = self._next_working_day(day)


def _not_negative(value: float) -> None:
    if value < 0:
        raise ValueError("Thời hạn giải quyết không được âm.")
