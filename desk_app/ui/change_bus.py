"""The services' announcements of what changed (core.changes), brought to the GUI thread.

Use cases announce on the thread that ran them (the database worker, or the network worker for
what sync pulled); a Qt signal emitted there is queued to the receivers on the GUI thread.
Screens reload from these facts, not from guesses about what an action may have touched.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ChangeBus(QObject):
    changed = Signal(object)  # core.changes.Changes

    def __init__(self, services, parent: QObject) -> None:
        super().__init__(parent)
        stop = services.on_change(self.changed.emit)
        # The services outlive a window (a test's, or one closed before the app quits).
        parent.destroyed.connect(lambda *_: stop())
