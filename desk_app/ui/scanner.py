"""Recognising a CCCD QR line that a USB scanner types into whatever field has the focus.

The scanner is a keyboard: its line arrives as key presses, into the name field, the request
box, a spin box, wherever the cursor happens to be. Nothing marks the start of a scan, but a
line always begins with the 12-digit ID number and a bar, which nobody types by hand. So the
catcher lets digits through, remembering the focused widget's content when a run of digits
starts; when a bar follows 12 digits it puts that content back, swallows the rest of the line
up to Enter (or a pause) and hands the parsed card on. A clerk typing an ID number and Tab is
never a scan.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from desk_app.core.citizen_id import QrLineError, parse_qr_line
from desk_app.core.text import nfc

ID_DIGITS = 12
# Longer than a scanner ever waits between two characters, shorter than a person typing on.
PAUSE_MS = 300
_LINE_ENDS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)

Restore = Callable[[], None]


def _restorer(widget: QWidget) -> Restore:
    """A function that puts `widget` back as it is now, undoing what a scan typed into it."""
    if isinstance(widget, QLineEdit):
        text, cursor = widget.text(), widget.cursorPosition()

        def restore_line() -> None:
            widget.setText(text)
            widget.setCursorPosition(cursor)

        return restore_line
    if isinstance(widget, QPlainTextEdit):
        plain, position = widget.toPlainText(), widget.textCursor().position()

        def restore_plain() -> None:
            widget.setPlainText(plain)
            cursor = widget.textCursor()
            cursor.setPosition(position)
            widget.setTextCursor(cursor)

        return restore_plain
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        value = widget.value()
        return lambda: widget.setValue(value)  # also rewrites the text when the value is equal
    if isinstance(widget, QDateTimeEdit):
        moment = widget.dateTime()
        return lambda: widget.setDateTime(moment)
    if isinstance(widget, QComboBox):
        index, edit_text = widget.currentIndex(), widget.currentText()

        def restore_combo() -> None:
            widget.setCurrentIndex(index)
            if widget.isEditable():
                widget.setEditText(edit_text)

        return restore_combo
    if isinstance(widget, QAbstractItemView):
        current = QPersistentModelIndex(widget.currentIndex())

        def restore_view() -> None:
            if widget.state() == QAbstractItemView.State.EditingState:
                # The first digit opened a cell editor; close it without keeping the digits.
                # Called unbound: QTableWidget hides this overload behind one taking an item.
                QAbstractItemView.closePersistentEditor(widget, widget.currentIndex())
            widget.setCurrentIndex(current)

        return restore_view
    return lambda: None  # buttons and the like: typed characters changed nothing


class ScannerCatcher(QObject):
    """Event filter for the whole application while `scope` (a dialog) is shown.

    Emits `scanned(CardData)` for a good line and `scan_failed(message)` for a line that starts
    like a CCCD code but cannot be read; the message is Vietnamese, for the clerk.
    """

    scanned = Signal(object)
    scan_failed = Signal(str)

    def __init__(self, scope: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scope = scope
        self._digits = ""
        self._restore: Restore | None = None
        self._last_key_ms = 0.0
        self._line: list[str] | None = None  # not None while swallowing a scan
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self._finish)

    def start(self) -> None:
        QApplication.instance().installEventFilter(self)

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self._pause.stop()
        self._reset()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not self._is_first_delivery(watched):
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        if self._line is not None:
            self._swallow(key_event)
            return True
        return self._watch(key_event)

    def _is_first_delivery(self, watched: QObject) -> bool:
        """Whether this key press is going to the focused widget of our dialog (or its open
        completer popup), not propagating up to a parent after the widget ignored it."""
        focus = QApplication.focusWidget()
        if focus is None or not (focus is self._scope or self._scope.isAncestorOf(focus)):
            return False
        return watched is focus or watched is QApplication.activePopupWidget()

    def _watch(self, event: QKeyEvent) -> bool:
        text = event.text()
        if not text:
            return False  # Shift and other modifiers, pressed on the way to '|'
        now = event.timestamp() or time.monotonic() * 1000
        if now - self._last_key_ms > PAUSE_MS:
            self._digits = ""
        self._last_key_ms = now
        if text.isascii() and text.isdigit():
            if not self._digits:
                self._restore = _restorer(QApplication.focusWidget())
            self._digits = (self._digits + text)[-ID_DIGITS:]
            return False
        if text == "|" and len(self._digits) == ID_DIGITS:
            self._begin_capture()
            return True
        self._digits = ""
        return False

    def _begin_capture(self) -> None:
        self._line = [self._digits, "|"]
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.hide()  # a completer opened on the digits
        if self._restore is not None:
            self._restore()
        self._pause.start()

    def _swallow(self, event: QKeyEvent) -> None:
        if event.key() in _LINE_ENDS:
            self._finish()
            return
        if event.text().isprintable():
            self._line.append(event.text())
        self._pause.start()

    def _finish(self) -> None:
        self._pause.stop()
        line = nfc("".join(self._line or ()))
        self._reset()
        if not line:
            return
        try:
            card = parse_qr_line(line)
        except QrLineError as exc:
            self.scan_failed.emit(str(exc))
        else:
            self.scanned.emit(card)

    def _reset(self) -> None:
        self._digits = ""
        self._restore = None
        self._line = None
