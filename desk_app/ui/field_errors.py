"""Messages shown right under the field they are about, coloured by severity.

Services report problems as `Issue`s with stable field keys ("applicant.phone"); a form asks
this class for one label per key and hands it every issue list it gets back.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from desk_app.core.validation import Issue, Severity

ERROR_COLOUR = "#c62828"
WARNING_COLOUR = "#a85400"  # dark orange: readable on white, unlike plain orange


def label_name(field: str) -> str:
    """The objectName of a field's message label: 'applicant.phone' → 'error_applicant_phone'."""
    return "error_" + field.replace(".", "_")


def severity_colour(severity: Severity) -> str:
    return ERROR_COLOUR if severity is Severity.ERROR else WARNING_COLOUR


class MessageLabel(QLabel):
    """A word-wrapped message that keeps room for all its lines. By height-for-width,
    QFormLayout gave a message the lines of a wider label, and a window is sized by its
    layout's minimum, which does not count them: a long refusal under the password was cut
    off at the bottom of the login dialog."""

    def hasHeightForWidth(self) -> bool:
        return False  # the layouts go by the minimum below instead

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if not self.text() or self.width() <= 0:
            return hint
        return QSize(hint.width(), max(hint.height(), self.heightForWidth(self.width())))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # another width, another number of lines


class FieldMessages:
    def __init__(self) -> None:
        self._labels: dict[str, QLabel] = {}

    def label(self, field: str, parent: QWidget | None = None) -> QLabel:
        label = MessageLabel(parent)
        label.setObjectName(label_name(field))
        label.setWordWrap(True)
        label.hide()
        self._labels[field] = label
        return label

    def show(self, issues: Iterable[Issue]) -> list[Issue]:
        """Put each issue beside its field, clear the others; return the issues no field has."""
        by_field: dict[str, list[Issue]] = {}
        homeless = []
        for issue in issues:
            if issue.field in self._labels:
                by_field.setdefault(issue.field, []).append(issue)
            else:
                homeless.append(issue)
        for field, label in self._labels.items():
            field_issues = by_field.get(field, [])
            if not field_issues:
                label.clear()
                label.hide()
                continue
            worst = min(
                (issue.severity for issue in field_issues),
                key=lambda severity: severity is not Severity.ERROR,
            )
            label.setText("\n".join(issue.message for issue in field_issues))
            label.setStyleSheet(f"color: {severity_colour(worst)};")
            label.show()
        return homeless

    def clear(self) -> None:
        self.show([])
