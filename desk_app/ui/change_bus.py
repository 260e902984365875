"""The services' announcements of what changed (core.changes), brought to the GUI thread.

Use cases announce on the thread that ran them (the database worker, or the network worker for
what sync pulled); a Qt signal emitted there is queued to the receivers on the GUI thread.
Screens reload from these facts, not from guesses about what an action may have touched.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desk_app.ui.worker import outside_inline_job


class ChangeBus(QObject):
    changed = Signal(object)  # core.changes.Changes

    def __init__(self, services, parent: QObject) -> None:
        super().__init__(parent)
        stop = services.on_change(self._announce)
        # The services outlive a window (a test's, or one closed before the app quits).
        parent.destroyed.connect(lambda *_: stop())

    def _announce(self, changes: object) -> None:
        # With the real worker this is queued to the GUI thread; with the tests' InlineWorker it
        # runs inside the job, so say that what the receivers do is GUI-thread work.
        with outside_inline_job():
            self.changed.emit(changes)
