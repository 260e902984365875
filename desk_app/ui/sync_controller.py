"""Sync in the background of the main window, and its face: the status bar, the "Đồng bộ"
menu, F6.

Syncing runs on a network worker of its own (never the GUI thread, never the database worker:
a slow link must not delay a clerk's save); the sync service takes the services' lock for each
local transaction. It syncs at start-up; a few seconds after a local save; on F6; at the
configured end-of-day time; every few minutes while all is well, to bring down what the
province decided; and, while offline or failing, on an exponential backoff with jitter, each
retry first asking the hub's health (a few hundred bytes) so that connectivity coming back is
noticed cheaply. Offline, those probes back off only up to two minutes, so a counter is
syncing again soon after its line comes back; a hub that answers but refuses (a revoked
token, a 5xx) is asked less and less often, up to ten minutes.

`SyncController.install(main_window, services)` is the only call the application makes.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from desk_app.core.accounts import Permission
from desk_app.core.clock import VN_TZ
from desk_app.core.options import DEFAULT_END_OF_DAY
from desk_app.services.app import Services
from desk_app.services.province_copies import ProvinceCopies
from desk_app.services.sync import (
    EnrolledCounter,
    SyncService,
    SyncState,
    SyncStatus,
)
from desk_app.ui.actions import Owner, build_actions, fill_menu, part
from desk_app.ui.ask import confirm, warn
from desk_app.ui.enroll_dialog import EnrollDialog
from desk_app.ui.messages import show_error
from desk_app.ui.quarantine_dialog import QuarantineDialog
from desk_app.ui.reuse_offers import ProvinceAccess
from desk_app.ui.sync_status import COLOURS, status_text, status_tooltip
from desk_app.ui.worker import Worker
from sync.backoff import Backoff

SAVE_DEBOUNCE_MS = 3_000  # a burst of saves (a hand-over of twenty dossiers) is one push
STEADY_MS = 5 * 60_000  # while all is well: how often to look for the province's news
OFFLINE_CAP_S = 120.0  # offline, probe the hub at least this often
START_DELAY_MS = 1_000  # let the window paint first


class SyncController(QObject):
    status_changed = Signal(object)  # SyncStatus

    def __init__(self, window: QMainWindow, services: Services, *,
                 sync: SyncService | None = None, net_worker=None,
                 backoff: Backoff | None = None, probing: Backoff | None = None,
                 province: ProvinceAccess | None = None) -> None:
        super().__init__(window)
        self.setObjectName("sync_controller")
        self.window = window
        self.services = services
        self.sync = sync or SyncService(services)
        self.worker = net_worker or Worker(name="net")
        # The receive form's lookups of the province's copies: a worker of their own, so that
        # a lookup never waits behind a round of uploads.
        self.province = province or ProvinceAccess(ProvinceCopies(services),
                                                   Worker(name="province"))
        self.backoff = backoff or Backoff()  # after failures
        self.probing = probing or Backoff(cap=OFFLINE_CAP_S)  # while offline
        self.status: SyncStatus | None = None
        self.next_try: datetime | None = None
        self._busy = False
        self._again = False
        self._end_of_day = DEFAULT_END_OF_DAY
        self._closed = False
        self._asked = False  # the clerk pressed F6: a sync that cannot run says why

        self.retry_timer = QTimer(self, objectName="sync_retry_timer", singleShot=True)
        self.retry_timer.timeout.connect(self._retry)
        self.save_timer = QTimer(self, objectName="sync_save_timer", singleShot=True)
        self.save_timer.setInterval(SAVE_DEBOUNCE_MS)
        self.save_timer.timeout.connect(self._after_saves)
        self.day_end_timer = QTimer(self, objectName="sync_day_end_timer", singleShot=True)
        self.day_end_timer.timeout.connect(self._day_end)
        self.start_timer = QTimer(self, objectName="sync_start_timer", singleShot=True)
        self.start_timer.setInterval(START_DELAY_MS)
        self.start_timer.timeout.connect(self.sync_now)

    @classmethod
    def install(cls, window: QMainWindow, services: Services, **options) -> SyncController:
        """Add sync to the main window: menu, F6, status bar, timers; the first sync starts a
        moment after the window shows."""
        controller = cls(window, services, **options)
        controller._build_menu()
        window.province = controller.province
        # The list reloads after every save (and on F5): a cue that events may be waiting.
        window.dossier_list.loaded.connect(controller.save_timer.start)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(controller.shutdown)
        controller.refresh_status()
        controller.worker.run(controller.sync.end_of_day, controller.arm_end_of_day)
        controller.start_timer.start()
        return controller

    # --- menu ------------------------------------------------------------------------------

    def _build_menu(self) -> None:
        """The sync's part of the action table (ui.actions), in a menu of its own."""
        self.actions = build_actions(part(Owner.SYNC), self.window, self)
        for name, action in self.actions.items():
            setattr(self, name, action)  # controller.sync_now_action…
        menu = QMenu(self.tr("Đồ&ng bộ"), self.window, objectName="sync_menu")
        fill_menu(menu, "sync_menu", self.actions)
        bar = self.window.menuBar()
        settings = self.window.findChild(QMenu, "settings_menu")
        if settings is not None:
            bar.insertMenu(settings.menuAction(), menu)
        else:
            bar.addMenu(menu)
        self.menu = menu

    # --- syncing ---------------------------------------------------------------------------

    def sync_now(self) -> None:
        """Sync at once (F6, the timers); if a sync is running, once more after it."""
        if self._closed:
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        self.retry_timer.stop()
        self.next_try = None
        if self.status is not None and self.status.state is not SyncState.NOT_ENROLLED:
            self._show(replace(self.status, state=SyncState.SYNCING, error=""))
        self.worker.run(self.sync.sync_now, self._synced, self._crashed)

    def sync_asked(self) -> None:
        """F6: sync now, and if this PC cannot sync yet, say what to do (the status bar's
        words alone looked like nothing happened)."""
        self._asked = True
        self.sync_now()

    def _tell_not_enrolled(self) -> None:
        title = self.tr("Chưa đồng bộ được")
        text = self.tr("Máy này chưa được đăng ký với máy chủ tỉnh, nên chưa gửi được hồ sơ "
                       "nào lên tỉnh. Hồ sơ vẫn được lưu đầy đủ trên máy này.")
        if not self.services.can(Permission.SYNC_ADMIN):
            warn(self.window, title, text + "\n\n" + self.tr(
                "Hãy nhờ quản trị viên đăng ký máy: menu Đồng bộ → Đăng ký máy với tỉnh…, với "
                "mã đăng ký do tỉnh cấp."))
        elif confirm(self.window, title, text, detail=self.tr(
                "Mở hộp Đăng ký máy với tỉnh ngay? (Cần địa chỉ máy chủ và mã đăng ký do tỉnh "
                "cấp.)")):
            self.open_enroll()

    def _synced(self, status: SyncStatus) -> None:
        self._busy = False
        asked, self._asked = self._asked, False
        if asked and status.state is SyncState.NOT_ENROLLED:
            self._tell_not_enrolled()
        if status.state is SyncState.SYNCED:
            self.backoff.succeeded()
            self.probing.succeeded()
            self._schedule(STEADY_MS / 1000)
        elif status.state in (SyncState.OFFLINE, SyncState.FAILED):
            self._schedule(self._retry_delay(status.state))
        self._show(status)
        # What the province decided reaches the list and the board as announced changes.
        self.window.refresh_outbox()
        if self._again:
            self._again = False
            self.sync_now()

    def _crashed(self, exc: Exception) -> None:
        """A bug, not a network failure (those come back as a status): say it, retry later."""
        self._busy = False
        self._asked = False  # the error says it
        if self._closed:  # the window is going away: nobody is there to read a message
            return
        self._schedule(self.backoff.failed())
        self.refresh_status()
        show_error(self.window, exc)

    def _retry_delay(self, state: SyncState) -> float:
        return (self.probing if state is SyncState.OFFLINE else self.backoff).failed()

    def _schedule(self, seconds: float) -> None:
        self.next_try = self.services.now() + timedelta(seconds=seconds)
        self.retry_timer.start(round(seconds * 1000))

    def _retry(self) -> None:
        if self.status is not None and self.status.state in (SyncState.OFFLINE,
                                                             SyncState.FAILED):
            self.probe()
        else:
            self.sync_now()

    def probe(self) -> None:
        """Ask the hub whether it is there; sync if it is, wait longer if not."""
        if self._busy or self._closed:
            return
        self._busy = True
        self.worker.run(self.sync.probe, self._probed, self._crashed)

    def _probed(self, reachable: bool) -> None:
        self._busy = False
        if reachable:
            self.sync_now()
        else:
            self._schedule(self.probing.failed())
            if self.status is not None:
                self._show(self.status)  # the tooltip's next try

    def _after_saves(self) -> None:
        """Push soon after a save, if anything is queued; while offline or failing, the
        backoff decides instead."""
        if self._closed:
            return
        if self._busy:
            self._again = True
        elif self.status is None or self.status.state is SyncState.SYNCED:
            self._busy = True
            self.worker.run(self.sync.sync_if_waiting, self._synced, self._crashed)

    # --- end of day ------------------------------------------------------------------------

    def arm_end_of_day(self, at: time) -> None:
        """Sync at `at` today (or tomorrow, if that is past): the province wants every dossier
        by the end of the day."""
        now = self.services.now()
        target = datetime.combine(now.date(), at, VN_TZ)
        if target <= now:
            target += timedelta(days=1)
        self._end_of_day = at
        self.day_end_timer.start(round((target - now).total_seconds() * 1000))

    def _day_end(self) -> None:
        self.sync_now()
        self.arm_end_of_day(self._end_of_day)

    # --- status bar ------------------------------------------------------------------------

    def refresh_status(self) -> None:
        if not self._closed:
            self.worker.run(self.sync.status, self._show)

    def _show(self, status: SyncStatus) -> None:
        self.status = status
        label = self.window.sync_status
        label.setText(status_text(status, self.services.now()))
        label.setToolTip(status_tooltip(status, self.services.now(), self.next_try))
        colour = COLOURS.get(status.state)
        label.setStyleSheet(f"color: {colour};" if colour else "")
        self.status_changed.emit(status)

    # --- dialogs ---------------------------------------------------------------------------

    def open_enroll(self) -> EnrollDialog:
        setup = self.window.counter_setup
        default = self.tr("Quầy {number}").format(number=setup.counter_number) if setup else ""
        dialog = EnrollDialog(self.sync, self.worker, default, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.enrolled.connect(self._enrolled)
        dialog.open()
        return dialog

    def _enrolled(self, counter: EnrolledCounter) -> None:
        setup = self.window.counter_setup
        text = self.tr("Đã đăng ký máy «{name}» với {commune} (mã máy trên máy chủ tỉnh: "
                       "{device}).").format(name=counter.device_name,
                                            commune=counter.commune_name,
                                            device=counter.hub_device_id)
        if setup is not None and setup.agency_code != counter.agency_code:
            text += "\n\n" + self.tr(
                "Lưu ý: mã định danh của xã trên máy chủ tỉnh ({hub}) khác mã trong thông tin "
                "quầy ({local}). Hãy kiểm tra lại với tỉnh.").format(
                    hub=counter.agency_code, local=setup.agency_code)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Đăng ký thành công"), text,
                          QMessageBox.StandardButton.Ok, self.window)
        box.exec()
        self.backoff.succeeded()
        self.probing.succeeded()
        self.sync_now()

    def open_quarantine(self) -> QuarantineDialog:
        # Database work only: the database worker, not the network one.
        dialog = QuarantineDialog(self.sync, self.window.worker, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self._quarantine_changed)
        dialog.open()
        return dialog

    def _quarantine_changed(self) -> None:
        self.refresh_status()
        self.window.refresh_outbox()
        self.save_timer.start()

    def print_reconciliation(self) -> None:
        """The end-of-day slip, with the hub's count asked on the network worker."""
        self.window.statusBar().showMessage(self.tr("Đang đối chiếu với máy chủ tỉnh…"), 5000)
        day = self.services.now().date()
        self.worker.run(partial(self.sync.reconciliation_pdf, day), self._preview,
                        partial(show_error, self.window))

    def _preview(self, pdf: Path) -> None:
        from desk_app.ui.print_preview import show_preview

        self.window.statusBar().clearMessage()
        show_preview(pdf, self.window.worker, self.window, services=self.services)

    # --- closing ---------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop the timers and let a running sync finish its current request."""
        if self._closed:
            return
        self._closed = True
        for timer in (self.start_timer, self.retry_timer, self.save_timer, self.day_end_timer):
            timer.stop()
        self.sync.cancel()
        self.worker.shutdown()
        self.sync.close()
        self.province.worker.shutdown()
        self.province.copies.close()
