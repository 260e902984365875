"""A form whose rows each carry their own message line: the label, the field, and under it
what the services said about that field (ui.field_errors), plus an optional note."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desk_app.core.validation import Issue
from desk_app.ui.field_errors import FieldMessages


class FieldForm(QFormLayout):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.messages = FieldMessages()
        self.fields: dict[str, QWidget] = {}

    def row(self, text: str, key: str, field: QWidget, note: QLabel | None = None) -> None:
        """`key` is the Issue.field the services use for this field."""
        self.fields[key] = field
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(self.messages.label(key))
        if note is not None:
            column.addWidget(note)
        label = QLabel(text)
        label.setBuddy(field)
        self.addRow(label, box)

    def show_issues(self, issues: Iterable[Issue], *, focus: bool = True) -> list[Issue]:
        """Each issue beside its field, the topmost such field focused (where the clerk goes
        on typing) unless `focus` is False; the issues about no field of this form are
        returned."""
        issues = list(issues)
        homeless = self.messages.show(issues)
        concerned = {issue.field for issue in issues}
        first = next((field for key, field in self.fields.items() if key in concerned), None)
        if focus and first is not None:
            first.setFocus()
        return homeless

    def clear_issues(self) -> None:
        self.messages.clear()


def with_button(field: QWidget, button: QPushButton) -> QWidget:
    """A field with a button after it ("Chọn…" beside a path), focus going to the field."""
    button.setAutoDefault(False)
    pair = QWidget()
    row = QHBoxLayout(pair)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(field, 1)
    row.addWidget(button)
    pair.setFocusProxy(field)
    return pair
