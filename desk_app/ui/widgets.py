"""The small pieces every window repeats, made one way so they look and behave alike: the red
line for a refusal that belongs to no field, a heading, a column of parts, and a form's own
error `Issue`."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
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


# A window's frame and title bar, around what resize() sizes.
FRAME = QSize(16, 40)


def open_size(window: QWidget, width: int, height: int) -> None:
    """Open `window` at width×height where its screen has room, and within the screen's free
    area otherwise: a 1024×768 screen must show every window whole."""
    room = window.screen().availableGeometry().size() - FRAME
    window.resize(QSize(width, height).boundedTo(room))


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



class ElidedLabel(QLabel):
    """A one-line label that may be narrower than its text: it then ends in "…" and the whole
    text is in its tooltip, so a long status never widens the window past a small screen."""

    def __init__(self, *, objectName: str = "", minimum: int = 120) -> None:
        """`minimum`: the width it keeps however narrow the window (its whole text if less)."""
        super().__init__(objectName=objectName)
        self._minimum = minimum

    def minimumSizeHint(self) -> QSize:
        return QSize(min(self._minimum, super().minimumSizeHint().width()),
                     super().minimumSizeHint().height())

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                             rect.width())
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment()), text)
