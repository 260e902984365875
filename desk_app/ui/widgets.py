"""The small pieces every window repeats, made one way so they look and behave alike: the red
line for a refusal that belongs to no field, a heading, a column of parts, and a form's own
error `Issue`."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QLabel, QLayout, QWidget

from desk_app.ui.field_errors import ERROR_COLOUR


def error_label(name: str = "error_form") -> QLabel:
    """A hidden, word-wrapped red label: a refusal can be a long sentence, and the label
    takes no room until there is something to say."""
    label = QLabel(objectName=name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.hide()
    return label


def make_heading(label: QLabel, scale: float) -> QLabel:
    """Make `label` a bold heading `scale` times the usual size (relative, so the clerk's
    system font size still counts)."""
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def add_parts(layout: QBoxLayout, *parts: QWidget | QLayout) -> QBoxLayout:
    """Add widgets and layouts alike, in order: a page is often both."""
    for part in parts:
        if isinstance(part, QWidget):
            layout.addWidget(part)
        else:
            layout.addLayout(part)
    return layout

