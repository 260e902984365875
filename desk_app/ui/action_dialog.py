"""The shape every dossier action dialog shares: which dossiers it is about, the fields with
their messages beside them, and one button that records the action through the services.

The service call runs on the worker; while it runs the dialog is locked, and when the services
refuse (an impossible transition, a missing reason) the dialog stays open with everything the
clerk typed, the refusal shown beside the field it concerns or above the buttons.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.model import DossierRow
from desk_app.core.text import clean, clean_multiline
from desk_app.core.validation import Issue
from desk_app.services.errors import ValidationFailed
from desk_app.ui.field_errors import FieldMessages
from desk_app.ui.messages import error_text
from desk_app.ui.shortcuts import make_shortcut
from desk_app.ui.widgets import error_issue, error_label, make_heading

log = logging.getLogger(__name__)

# More dossiers than this scroll inside the summary instead of pushing the fields down.
SUMMARY_VISIBLE_ROWS = 6


def dossier_line(row: DossierRow) -> str:
    return f"{row.code} – {row.applicant_name} – {row.procedure_name}"


def text_of(widget: QWidget) -> str:
    """What a text field holds, normalised as the services will store it."""
    if isinstance(widget, QPlainTextEdit):
        return clean_multiline(widget.toPlainText())
    if isinstance(widget, QComboBox):
        return clean(widget.currentText())
    if isinstance(widget, QLineEdit):
        return clean(widget.text())
    raise TypeError(f"no text in {type(widget).__name__}")


def fit_rows(listing: QListWidget, rows: int) -> None:
    """Make a list exactly `rows` rows high, long lines elided (their tooltip has them)."""
    listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    listing.setTextElideMode(Qt.TextElideMode.ElideRight)
    row = max(listing.sizeHintForRow(0), listing.fontMetrics().height() + 4)
    listing.setFixedHeight(row * max(rows, 1) + 2 * listing.frameWidth())


def reason_edit(name: str, placeholder: str) -> QPlainTextEdit:
    """A few lines of free text where Tab moves on, as in every other field."""
    edit = QPlainTextEdit(objectName=name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
    return edit


class ActionDialog(QDialog):
    """Subclasses add their fields with `add_field`, say what is missing in `local_issues`
    and return the service call in `action`. `performed(result)` is emitted, and the dialog
    accepted, once the services have recorded the action."""

    performed = Signal(object)

    def __init__(self, services, worker, rows: Sequence[DossierRow], *, name: str, title: str,
                 submit_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=name)
        self.services = services
        self._worker = worker
        self.rows = list(rows)
        self._busy = False
        self._messages = FieldMessages()
        self._fields: dict[str, QWidget] = {}
        self._required: dict[str, str] = {}
        self.setWindowTitle(title)

        heading = make_heading(QLabel(title, objectName="action_title"), 1.25)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general_error = error_label()

        self.submit_button = QPushButton(
            self.tr("{action} (Ctrl+Enter)").format(action=submit_text),
            objectName="submit_button")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)
        self._submit_text = self.submit_button.text()
        cancel = QPushButton(self.tr("Hủy (Esc)"), objectName="cancel_button")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        # Enter is taken by the multi-line fields; Ctrl+Enter records from anywhere.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            make_shortcut(QKeySequence(keys), self, self.submit)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self._summary())
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(620)

    def _summary(self) -> QWidget:
        if len(self.rows) == 1:
            label = QLabel(dossier_line(self.rows[0]), objectName="dossier_summary")
            label.setWordWrap(True)
            label.setStyleSheet("font-weight: bold;")
            return label
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        count = QLabel(self.tr("{count} hồ sơ:").format(count=len(self.rows)),
                       objectName="dossier_count")
        count.setStyleSheet("font-weight: bold;")
        listing = QListWidget(objectName="dossier_summary")
        for row in self.rows:
            listing.addItem(dossier_line(row))
            listing.item(listing.count() - 1).setToolTip(dossier_line(row))
        listing.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        listing.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        fit_rows(listing, min(len(self.rows), SUMMARY_VISIBLE_ROWS))
        column.addWidget(count)
        column.addWidget(listing)
        return box

    # --- fields ----------------------------------------------------------------------------

    def add_field(self, key: str, text: str, field: QWidget, *, required: str = "",
                  note: QWidget | None = None) -> QWidget:
        """A labelled row with its message label; `required` is what to say when it is empty."""
        self._fields[key] = field
        if required:
            self._required[key] = required
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        if note is not None:
            column.addWidget(note)
        column.addWidget(self._messages.label(key))
        label = QLabel(text)
        label.setBuddy(field)
        self.form.addRow(label, box)
        return field

    def local_issues(self) -> list[Issue]:
        """What can be told without the services: required fields left empty. Subclasses add
        their own checks."""
        return [error_issue(key, message) for key, message in self._required.items()
                if self._fields[key].isEnabled() and not text_of(self._fields[key])]

    def show_issues(self, issues: list[Issue]) -> None:
        homeless = self._messages.show(issues)
        self.show_general("\n".join(issue.message for issue in homeless))
        first = next((i.field for i in issues if i.field in self._fields), None)
        if first is not None:
            self._fields[first].setFocus(Qt.FocusReason.OtherFocusReason)

    def show_general(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.setVisible(bool(text))

    # --- recording -------------------------------------------------------------------------

    def action(self) -> Callable[[], object]:
        """The service call recording what was typed. Built here, on the GUI thread, because
        it reads the widgets; run on the worker."""
        raise NotImplementedError

    def submit(self) -> None:
        if self._busy:
            return  # a second Ctrl+Enter while the first one is being recorded
        issues = self.local_issues()
        self.show_issues(issues)
        if issues:
            return
        self._set_busy(True)
        self._worker.run(self.action(), self._succeeded, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.submit_button.setEnabled(not busy)
        self.submit_button.setText(self.tr("Đang ghi nhận…") if busy else self._submit_text)

    def _succeeded(self, result: object) -> None:
        self._set_busy(False)
        self.performed.emit(result)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationFailed):
            self.show_issues(exc.issues)
        else:
            self._messages.clear()
            self.show_general(error_text(exc))

    def reject(self) -> None:
        if not self._busy:  # the services must answer before the dialog goes away
            super().reject()
