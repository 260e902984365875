"""The shape every dossier action dialog shares: which dossiers it is about, the fields with
their messages beside them, and one button that records the action through the services.

How it records is `ServiceDialog`'s policy (ui.dialog_base), the same as every form's: locked
while the services work, and when they refuse (an impossible transition, a missing reason) open
with everything the clerk typed, the refusal beside the field it concerns or above the buttons.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.core import validation
from desk_app.core.model import DossierRow
from desk_app.core.text import clean, clean_multiline
from desk_app.core.validation import Issue
from desk_app.ui.date_time_edit import DateTimeEdit
from desk_app.ui.dialog_base import ServiceDialog
from desk_app.ui.field_errors import FieldMessages
from desk_app.ui.widgets import make_heading

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


class ActionDialog(ServiceDialog):
    """Subclasses add their fields with `add_field`, say what is missing in `local_issues`
    and return the service call in `action`. `performed(result)` is emitted, and the dialog
    accepted, once the services have recorded the action."""

    performed = Signal(object)

    def __init__(self, services, worker, rows: Sequence[DossierRow], *, name: str, title: str,
                 submit_text: str, parent: QWidget | None = None) -> None:
        # Enter is taken by the multi-line fields; Ctrl+Enter records from anywhere.
        super().__init__(
            worker, parent, submit_text=self.tr("{action} (Ctrl+Enter)").format(
                action=submit_text),
            submit_name="submit_button", busy_text=self.tr("Đang ghi nhận…"),
            submit_keys=["Ctrl+Return", "Ctrl+Enter"])
        self.setObjectName(name)
        self.services = services
        self.rows = list(rows)
        self._messages = FieldMessages()
        self._fields: dict[str, QWidget] = {}
        self._required: dict[str, str] = {}
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._finish_layout(make_heading(QLabel(title, objectName="action_title"), 1.25),
                            self._summary(), self.form)
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

    def add_time_field(self, key: str, text: str) -> DateTimeEdit:
        """When the action happened: the moment it is saved, unless the clerk sets the time
        (an action done earlier, recorded after a power cut)."""
        field = DateTimeEdit.now(self.services.now, key)
        self.add_field(key, text, field)
        return field

    def local_issues(self) -> list[Issue]:
        """What can be told without the services: required fields left empty. Subclasses add
        their own checks."""
        return [validation.error(key, message) for key, message in self._required.items()
                if self._fields[key].isEnabled() and not text_of(self._fields[key])]

    def _place_issues(self, issues: list[Issue]) -> list[Issue]:
        homeless = self._messages.show(issues)
        first = next((i.field for i in issues if i.field in self._fields), None)
        if first is not None:
            self._fields[first].setFocus(Qt.FocusReason.OtherFocusReason)
        return homeless

    # --- recording -------------------------------------------------------------------------

    def action(self) -> Callable[[], object]:
        """The service call recording what was typed. Built here, on the GUI thread, because
        it reads the widgets; run on the worker."""
        raise NotImplementedError

    def _job(self) -> Callable[[], object] | None:
        issues = self.local_issues()
        self.show_issues(issues)
        return None if issues else self.action()

    def _succeeded(self, result: object) -> None:
        self.performed.emit(result)
        super()._succeeded(result)
