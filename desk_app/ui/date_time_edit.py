"""A date-and-time field in Vietnam time, whatever time zone the PC is set to."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from desk_app.core.clock import VN_TZ, to_vn


class DateTimeEdit(QDateTimeEdit):
    """With a `clock`, the field stands for "now" until the clerk changes it: `value()` is the
    clock's time when asked (when the action is saved), not when the dialog opened, so a
    dialog left open, or a retry after a refusal, does not record a time gone by."""

    def __init__(self, value: datetime, name: str, parent: QWidget | None = None, *,
                 clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent, objectName=name)
        self._clock = clock
        self._setting = False
        self.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.setCalendarPopup(True)
        self.set_value(value)
        self.dateTimeChanged.connect(self._changed)

    @classmethod
    def now(cls, clock: Callable[[], datetime], name: str,
            parent: QWidget | None = None) -> DateTimeEdit:
        return cls(clock(), name, parent, clock=clock)

    def set_value(self, value: datetime) -> None:
        # Built from the wall-clock parts: a QDateTime from an aware datetime would be shown
        # in the PC's own zone, which on a misconfigured PC is not Vietnam's.
        value = to_vn(value)
        self._setting = True
        self.setDateTime(QDateTime(QDate(value.year, value.month, value.day),
                                   QTime(value.hour, value.minute)))
        self._setting = False

    def _changed(self) -> None:
        if not self._setting:
            self._clock = None  # the clerk chose a time: it is no longer "now"

    def value(self) -> datetime:
        if self._clock is not None:
            now = self._clock()
            self.set_value(now)  # what is recorded is what the field shows
            return now
        chosen = self.dateTime()
        day, clock = chosen.date(), chosen.time()
        return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(),
                        tzinfo=VN_TZ)
