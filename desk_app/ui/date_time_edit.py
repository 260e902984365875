"""A date-and-time field in Vietnam time, whatever time zone the PC is set to."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from desk_app.core.clock import VN_TZ, to_vn


class DateTimeEdit(QDateTimeEdit):
    def __init__(self, value: datetime, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=name)
        self.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.setCalendarPopup(True)
        self.set_value(value)

    def set_value(self, value: datetime) -> None:
        # Built from the wall-clock parts: a QDateTime from an aware datetime would be shown
        # in the PC's own zone, which on a misconfigured PC is not Vietnam's.
        value = to_vn(value)
        self.setDateTime(QDateTime(QDate(value.year, value.month, value.day),
                                   QTime(value.hour, value.minute)))

    def value(self) -> datetime:
        chosen = self.dateTime()
        day, clock = chosen.date(), chosen.time()
        return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(),
                        tzinfo=VN_TZ)
