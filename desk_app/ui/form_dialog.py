"""A dialog of fields that saves through one service call on the worker: Save (Ctrl+S, Enter)
and Cancel (Esc), each refusal shown beside the field it is about, nothing typed ever lost."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.validation import Issue
from desk_app.services.errors import ValidationFailed
from desk_app.ui.field_form import FieldForm
from desk_app.ui.messages import error_text
from desk_app.ui.shortcuts import make_shortcut
from desk_app.ui.widgets import error_label


class FormDialog(QDialog):
    """Subclasses put their fields in `form`, call `_finish_layout` and give `_job`."""

    def __init__(self, worker, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.form = FieldForm()
        self._general_error = error_label()
        self._save_button = QPushButton(self.tr("Lưu (Ctrl+S)"), objectName="save_button")
        self._save_button.setDefault(True)
        self._save_button.clicked.connect(self._save)
        cancel = QPushButton(self.tr("Hủy (Esc)"), objectName="cancel_button")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        make_shortcut(QKeySequence.StandardKey.Save, self, self._save)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self._save_button)
        self.buttons.addWidget(cancel)

    def _finish_layout(self, *parts: QWidget | QFormLayout) -> None:
        layout = QVBoxLayout(self)
        for part in parts:
            if isinstance(part, QWidget):
                layout.addWidget(part)
            else:
                layout.addLayout(part)
        layout.addWidget(self._general_error)
        layout.addStretch(1)
        layout.addLayout(self.buttons)

    def _save(self) -> None:
        if not self._save_button.isEnabled():
            return  # Ctrl+S again while the save runs
        job = self._job()
        if job is None:
            return
        self._save_button.setEnabled(False)
        self._worker.run(job, self._saved, self._refused)

    def _job(self) -> Callable[[], object] | None:
        """The save to run on the worker, or None when the form itself found a problem."""
        raise NotImplementedError

    def _saved(self, _result: object) -> None:
        self._save_button.setEnabled(True)
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self._save_button.setEnabled(True)
        issues = exc.issues if isinstance(exc, ValidationFailed) else []
        homeless = self._show_issues(issues)
        text = "\n".join(issue.message for issue in homeless) if issues else error_text(exc)
        self._general_error.setText(text)
        self._general_error.setVisible(bool(text))

    def _show_issues(self, issues: list[Issue]) -> list[Issue]:
        """Put the issues beside their fields; returns those no field has. A dialog of several
        forms (tabs) places them in each."""
        return self.form.show_issues(issues)
