"""Apologising for a late (or soon late) dossier and asking for an extension (form 04 of
Circular 03/2025).

The new time is either a number of extra working days, shown at once as the date the calendar
gives, or a date and time the clerk picks. The old due time stays on record beside the new one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from desk_app.core.calendar import WorkCalendar
from desk_app.core.lifecycle import rescheduled_due
from desk_app.core.model import DossierRow
from desk_app.ui.action_dialog import ActionDialog, reason_edit, text_of
from desk_app.ui.date_time_edit import DateTimeEdit
from desk_app.ui.field_errors import ERROR_COLOUR
from desk_app.ui.labels import date_time_text, weekday_date_time_text

MAX_EXTRA_DAYS = 90
DEFAULT_EXTRA_DAYS = 3


class ApologyDialog(ActionDialog):
    def __init__(self, services, worker, row: DossierRow, calendar: WorkCalendar,
                 now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(services, worker, [row], name="apology_dialog",
                         title=self.tr("Xin lỗi và đề nghị gia hạn thời gian giải quyết"),
                         submit_text=self.tr("Ghi nhận và in văn bản"), parent=parent)
        self._calendar = calendar
        self._now = now
        old_due = QLabel(date_time_text(row.due_at), objectName="old_due")
        self.add_field("old_due", self.tr("Hẹn trả cũ"), old_due)
        self.reason = self.add_field(
            "reason", self.tr("&Lý do"),
            reason_edit("reason", self.tr("Ví dụ: cần xác minh thêm tại nơi cư trú trước đây")),
            required=self.tr("Nhập lý do chậm trả kết quả: lý do được in trên phiếu xin lỗi."))

        self.by_days = QRadioButton(self.tr("Thêm số &ngày làm việc:"), objectName="by_days")
        self.by_date = QRadioButton(self.tr("Chọn n&gày giờ hẹn mới:"), objectName="by_date")
        group = QButtonGroup(self)
        group.addButton(self.by_days)
        group.addButton(self.by_date)
        self.days = QSpinBox(objectName="extra_working_days")
        self.days.setRange(1, MAX_EXTRA_DAYS)
        self.days.setValue(DEFAULT_EXTRA_DAYS)
        self.computed_due = QLabel(objectName="computed_due")
        self.picked = DateTimeEdit(self._days_due(), "new_due_at")
        choice = QWidget()
        grid = QGridLayout(choice)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.by_days, 0, 0)
        grid.addWidget(self.days, 0, 1)
        grid.addWidget(self.computed_due, 0, 2)
        grid.addWidget(self.by_date, 1, 0)
        grid.addWidget(self.picked, 1, 1, 1, 2)
        grid.setColumnStretch(2, 1)
        self.add_field("new_due_at", self.tr("Hẹn trả mới"), choice)

        self.days.valueChanged.connect(self._show_computed)
        self.by_days.toggled.connect(self._choice_changed)
        self.by_days.setChecked(True)
        self._show_computed()
        # Form 04 is numbered from the year's register when it is recorded, and the head of the
        # agency signs it.
        self.add_field("document_number", self.tr("Số văn bản"), QLabel(
            self.tr("cấp tự động khi ghi nhận; thủ trưởng cơ quan ký"),
            objectName="document_number"))
        self.reason.setFocus()

    def _days_due(self) -> datetime:
        return rescheduled_due(self._calendar, self.rows[0].due_at, self.days.value())

    def _show_computed(self) -> None:
        due = self._days_due()
        text = "→ " + weekday_date_time_text(due)
        if due <= self._now:
            text += " " + self.tr("(đã qua: thêm ngày hoặc chọn ngày giờ)")
        self.computed_due.setText(text)
        self.computed_due.setStyleSheet(
            f"font-weight: bold; color: {ERROR_COLOUR if due <= self._now else '#1b5e20'};")

    def _choice_changed(self) -> None:
        by_days = self.by_days.isChecked()
        self.days.setEnabled(by_days)
        self.computed_due.setEnabled(by_days)
        self.picked.setEnabled(not by_days)

    def action(self) -> Callable[[], object]:
        uuid, reason = self.rows[0].uuid, text_of(self.reason)
        if self.by_days.isChecked():
            days = self.days.value()
            return lambda: self.services.apologise(uuid, reason, extra_working_days=days)
        due = self.picked.value()
        return lambda: self.services.apologise(uuid, reason, new_due_at=due)
