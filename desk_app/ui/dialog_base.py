"""The one policy of a dialog that records something through one service call.

Both kinds of such dialogs, the forms (settings, accounts, the counter set-up) and the dossier
actions (hand-over, return, refusal…), derive from `ServiceDialog`, so they behave alike:

- the call runs on the worker; meanwhile the submit button is disabled and says it is working,
  a second submit (a double click, the key pressed twice) is ignored, and Esc, Cancel or the
  window's close button do nothing: the services must answer before the dialog goes away, or
  the clerk would not know whether it was recorded;
- when the services refuse with `ValidationFailed`, each issue goes beside its field and those
  no field has above the buttons; any other error is said in Vietnamese above the buttons;
- the dialog stays open with everything typed: nothing is ever lost to a refusal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLayout, QPushButton, QVBoxLayout, QWidget

from desk_app.core.validation import Issue
from desk_app.services.errors import ValidationFailed
from desk_app.ui.messages import error_text
from desk_app.ui.shortcuts import Keys, make_shortcut
from desk_app.ui.widgets import add_parts, error_label


class ServiceDialog(QDialog):
    """Subclasses give `_job` (the call to run, or None when the form itself found a problem)
    and `_place_issues` (put issues beside their fields), and lay out with `_finish_layout`.
    They may extend `_succeeded` (the dialog is accepted there) and `_failed`."""

    def __init__(self, worker, parent: QWidget | None, *, submit_text: str, submit_name: str,
                 busy_text: str, submit_keys: Sequence[Keys]) -> None:
        super().__init__(parent)
        self._worker = worker
        self._busy = False
        self._submit_text = submit_text
        self._busy_text = busy_text
        self.general_error = error_label()
        self.submit_button = QPushButton(submit_text, objectName=submit_name)
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)
        cancel = QPushButton(self.tr("Hủy (Esc)"), objectName="cancel_button")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        for keys in submit_keys:
            make_shortcut(keys, self, self.submit)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.submit_button)
        self.buttons.addWidget(cancel)

    def _finish_layout(self, *parts: QWidget | QLayout) -> QVBoxLayout:
        """The parts from the top, then the message no field has, then the buttons."""
        layout = add_parts(QVBoxLayout(self), *parts)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addLayout(self.buttons)
        return layout

    # --- what subclasses give --------------------------------------------------------------

    def _job(self) -> Callable[[], object] | None:
        """The call to run on the worker, built here on the GUI thread because it reads the
        widgets; or None after showing what the form itself found wrong."""
        raise NotImplementedError

    def _place_issues(self, issues: list[Issue]) -> list[Issue]:
        """Put the issues beside their fields (clearing the others); return those no field
        has."""
        raise NotImplementedError

    # --- the policy ------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """The services have the call and have not answered yet."""
        return self._busy

    def submit(self) -> None:
        if self._busy:
            return  # pressed again while the first one is being recorded
        job = self._job()
        if job is None:
            return
        self._set_busy(True)
        self._worker.run(job, partial(self._answered, self._succeeded),
                         partial(self._answered, self._failed))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.submit_button.setEnabled(not busy)
        self.submit_button.setText(self._busy_text if busy else self._submit_text)

    def _answered(self, then: Callable[[object], None], value: object) -> None:
        # Unlocked before the subclass reacts: a reaction may close the dialog itself.
        self._set_busy(False)
        then(value)

    def _succeeded(self, _result: object) -> None:
        self.accept()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ValidationFailed):
            self.show_issues(exc.issues)
        else:
            self.show_issues([])
            self.show_general(error_text(exc))

    def show_issues(self, issues: list[Issue]) -> None:
        """Issues beside their fields, the rest above the buttons."""
        homeless = self._place_issues(issues)
        self.show_general("\n".join(issue.message for issue in homeless))

    def show_general(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.setVisible(bool(text))

    def reject(self) -> None:
        if not self._busy:  # the services must answer before the dialog goes away
            super().reject()
