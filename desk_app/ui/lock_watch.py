"""When the counter should lock: after a while with no keyboard or mouse input anywhere in the
app, or when the lock key is pressed in any of its windows.

The main window's own shortcut cannot do the second: while a window-modal form (the receive
form) is open, Qt does not deliver the window's shortcuts, yet a clerk called away from the
counter must be able to lock with the form open.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
})


class LockWatch(QObject):
    """`idle` after `set_idle_ms` of no input (0: never); `lock_pressed` on the lock key,
    while `window` (the main window, whose windows lock with it) is shown."""

    idle = Signal()
    lock_pressed = Signal()

    def __init__(self, lock_key: QKeySequence, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._lock_key = lock_key
        self._timer = QTimer(self, singleShot=True, objectName="idle_lock_timer")
        self._timer.timeout.connect(self.idle)
        QCoreApplication.instance().installEventFilter(self)

    def set_idle_ms(self, milliseconds: int) -> None:
        self._timer.setInterval(milliseconds)
        self.arm()

    def arm(self) -> None:
        """Count the idle time from now (after a login); stopped when idling never locks."""
        if self._timer.interval() > 0:
            self._timer.start()
        else:
            self._timer.stop()

    def disarm(self) -> None:
        """While locked there is nothing more to lock."""
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT and self._timer.isActive():
            self._timer.start()
        if (kind == QEvent.Type.KeyPress and self._window.isVisible()
                and QKeySequence(event.keyCombination()) == self._lock_key):
            self.lock_pressed.emit()
            return True
        return False
