"""A date typed the way clerks type it: 15031990, 15/03/1990, 15-3-1990, or left empty.

A QDateEdit cannot be empty and makes the clerk step through sections; a plain line edit that
reads the common spellings and rewrites them as dd/mm/yyyy when left is faster to type.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtWidgets import QLineEdit, QWidget

from desk_app.core.text import clean

_SEPARATED = re.compile(r"([0-9]{1,2})[/.\- ]([0-9]{1,2})[/.\- ]([0-9]{4})")
_RUN_TOGETHER = re.compile(r"([0-9]{2})([0-9]{2})([0-9]{4})")


class DateField(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("ngày/tháng/năm"))
        self.setToolTip(self.tr("Gõ 15031990 hoặc 15/03/1990; để trống nếu không có."))
        self.editingFinished.connect(self._tidy)

    def value(self) -> date | None:
        """The date typed, or None when empty or not a date (see problem())."""
        try:
            return self._parse()
        except ValueError:
            return None

    def set_value(self, value: date | None) -> None:
        self.setText(f"{value:%d/%m/%Y}" if value else "")

    def problem(self) -> str | None:
        """A Vietnamese message when the text is not a date, else None."""
        try:
            self._parse()
        except ValueError as exc:
            return str(exc)
        return None

    def _parse(self) -> date | None:
        text = clean(self.text())
        if not text:
            return None
        match = _SEPARATED.fullmatch(text) or _RUN_TOGETHER.fullmatch(text)
        if not match:
            raise ValueError(
                self.tr("Ngày chưa đúng dạng: gõ ngày/tháng/năm, ví dụ 15/03/1990 hoặc 15031990.")
            )
        day, month, year = (int(part) for part in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            raise ValueError(self.tr("Không có ngày {0} trong lịch.").format(text)) from None

    def _tidy(self) -> None:
        if (value := self.value()) is not None:
            self.set_value(value)
