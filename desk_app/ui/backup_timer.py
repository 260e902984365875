"""The automatic backups while the app runs: one at start, then one every N hours (the backup
setting).

They run on a worker of their own, not the database worker: a backup copies the whole file
through its own read-only connection, outside the services lock (minutes for a large database),
and the clerk's saves and lists must not queue behind it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from desk_app.ui.messages import show_error

log = logging.getLogger(__name__)

HOUR_MS = 60 * 60 * 1000


class BackupTimer(QObject):
    # After each backup: a warning that a backup folder's disk is filling, or "" for none.
    disk_warning = Signal(str)

    def __init__(self, services, worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services, self._worker = services, worker
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.back_up)

    def start(self) -> None:
        """The backup at start, then the timer, once the worker has read its interval (on the
        worker, not here: the GUI thread never waits on the disk)."""
        self._worker.run(self._services.back_up_at_start, on_done=self._done,
                         on_error=self._failed)
        self._worker.run(self._services.backup_interval_hours, on_done=self.reschedule,
                         on_error=self._failed)

    def reschedule(self, every_hours: int) -> None:
        """A changed interval counts from now, so the next backup is at most that far away."""
        interval = every_hours * HOUR_MS
        if interval != self.timer.interval() or not self.timer.isActive():
            self.timer.start(interval)

    def back_up(self) -> None:
        self._worker.run(self._services.back_up_now, on_done=self._done, on_error=self._failed)

    def _done(self, made) -> None:
        log.info("backup %s: %d dossiers", made.path, made.dossiers)
        self._check_disk()

    def _check_disk(self) -> None:
        self._worker.run(self._services.disk_warning,
                         on_done=lambda text: self.disk_warning.emit(text or ""),
                         on_error=lambda exc: log.error("disk check failed", exc_info=exc))

    def _failed(self, exc: Exception) -> None:
        self._check_disk()  # a full disk is the likely cause: say so where it stays
        # A backup that cannot be made (disk full, folder read-only) is for the clerk to pass
        # on: the next one may fail the same way.
        log.error("backup failed", exc_info=exc)
        parent = self.parent()
        show_error(parent if parent is not None and parent.isWidgetType() else None, exc)
