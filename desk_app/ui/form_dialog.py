"""A dialog of fields that saves through one service call on the worker: Save (Ctrl+S, Enter)
and Cancel (Esc), each refusal shown beside the field it is about, nothing typed ever lost
(the policy is `ServiceDialog`'s)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from desk_app.core.validation import Issue
from desk_app.ui.dialog_base import ServiceDialog
from desk_app.ui.field_form import FieldForm


class FormDialog(ServiceDialog):
    """Subclasses put their fields in `form`, call `_finish_layout` and give `_job`."""

    def __init__(self, worker, parent: QWidget | None) -> None:
        super().__init__(worker, parent, submit_text=self.tr("Lưu (Ctrl+S)"),
                         submit_name="save_button", busy_text=self.tr("Đang lưu…"),
                         submit_keys=[QKeySequence.StandardKey.Save])
        self.form = FieldForm()

    def _place_issues(self, issues: list[Issue]) -> list[Issue]:
        """A dialog of several forms (tabs) places them in each."""
        return self.form.show_issues(issues)
