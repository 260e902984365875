"""Starting the counter application: open the data, choose the language, make sure the counter
is set up and someone is logged in, then show the main window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QProgressDialog

from desk_app.core.backups import BackupInfo
from desk_app.core.errors import DatabaseCorrupt, StoreError
from desk_app.paths import APP_AUTHOR, APP_NAME, resource
from desk_app.services import backups, witnesses
from desk_app.services.app import DB_FILE, Services, upgrade_pending
from desk_app.services.errors import ServiceError
from desk_app.ui import i18n
from desk_app.ui.backup_timer import BackupTimer
from desk_app.ui.login_dialog import LoginDialog
from desk_app.ui.messages import install_excepthook
from desk_app.ui.restore_dialog import offer_restore
from desk_app.ui.setup_dialog import FirstAdminDialog, SetupDialog
from desk_app.ui.worker import Worker

if TYPE_CHECKING:
    from desk_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

EXIT_DATA_UNUSABLE = 2
MISSING_SHOWN = 30  # codes named in the message; the count says how many in all


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setWindowIcon(QIcon(str(resource("icons", "desk_app.svg"))))
    return app


def open_services(data: Path, worker) -> Services | None:
    """The services over the data folder, or None after telling the clerk why it cannot be
    used (a damaged or read-only database must stop the app cleanly, not crash or retry).

    A database missing or emptied in a folder that shows the counter has worked is not opened
    as a new counter before the newest backup is offered (declined, the set-up that follows
    asks before using again the codes' agency and counter number)."""
    try:
        newest = backups.newest_good(data) if witnesses.database_lost(data) else None
        if newest is not None and offer_restore(QCoreApplication.translate(
            "App", "Không tìm thấy dữ liệu của quầy ({file} bị mất hoặc rỗng), nhưng máy này "
            "đã cấp mã hồ sơ và có bản sao lưu. Đừng thiết lập lại quầy như máy mới: hãy khôi "
            "phục bản sao lưu.").format(file=DB_FILE), newest, quit_label=False):
            return put_back(data, newest, worker)
        return opened(data, worker)
    except DatabaseCorrupt as exc:
        newest = backups.newest_good(data)
        if newest is not None:
            return restore_from(data, newest, str(exc), worker)
        message = str(exc)
    except StoreError as exc:
        message = str(exc)
    except Exception as exc:  # noqa: BLE001 - anything else at start-up is also unusable data
        log.exception("could not open the data folder %s", data)
        message = QCoreApplication.translate(
            "App", "Không mở được dữ liệu tại {path}: {error}"
        ).format(path=data, error=exc)
    QMessageBox.critical(
        None, QCoreApplication.translate("App", "Không mở được dữ liệu"), message)
    return None


def opened(data: Path, worker) -> Services:
    """The services over `data`. When its database must first be upgraded to this version's
    schema (minutes on a large one, after a backup), that runs on the worker behind a notice:
    a start-up that shows nothing for minutes looks hung, and a clerk would switch it off."""
    if not upgrade_pending(data):
        return Services(data)
    notice = UpgradeNotice()
    notice.show()
    try:
        return worker.call(lambda: Services(data))
    finally:
        notice.close()


class UpgradeNotice(QProgressDialog):
    """A busy bar and what is happening; nothing to press: an upgrade cannot be cut short."""

    def __init__(self) -> None:
        super().__init__()
        label = QLabel(QCoreApplication.translate(
            "App", "Đang nâng cấp dữ liệu của quầy cho phiên bản mới (đã sao lưu trước khi "
            "nâng cấp). Với nhiều hồ sơ, việc này có thể mất vài phút. Xin đừng tắt máy."))
        label.setWordWrap(True)
        self.setLabel(label)
        self.setRange(0, 0)
        self.setObjectName("upgrade_notice")
        self.setWindowTitle(QCoreApplication.translate("App", "Đang nâng cấp dữ liệu"))
        self.setCancelButton(None)
        self.setMinimumDuration(0)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setFixedWidth(480)


def restore_from(data: Path, newest: BackupInfo, problem: str, worker) -> Services | None:
    """Offer the newest good backup for a damaged database; the services over it if the clerk
    accepts and it opens. Asked once: a restore that fails stops the app, never loops."""
    if not offer_restore(problem, newest):
        return None
    return put_back(data, newest, worker)


def put_back(data: Path, newest: BackupInfo, worker) -> Services | None:
    """The services over `newest` written in place of the database (set aside, never
    deleted), or None after saying why not."""
    try:
        aside = backups.restore_damaged(Path(data) / DB_FILE, newest)
        log.warning("damaged database kept as %s; restored %s", aside, newest.path)
        return opened(data, worker)
    except (StoreError, ServiceError, OSError) as exc:
        log.exception("restore of %s failed", newest.path)
        QMessageBox.critical(
            None, QCoreApplication.translate("App", "Không khôi phục được"), str(exc))
        return None


def compare_with_witnesses(data: Path, services: Services, worker) -> Services | None:
    """Tell the admin which issued codes the database lacks (services.witnesses: a damaged
    disk may drop the last transactions without a word) and offer the newest backup; going on
    with this database is recorded, so it is asked once."""
    missing = worker.call(services.missing_codes)
    if not missing:
        return services
    shown = ", ".join(missing[:MISSING_SHOWN]) + ("…" if len(missing) > MISSING_SHOWN else "")
    problem = QCoreApplication.translate(
        "App", "Dữ liệu thiếu {count} hồ sơ đã được cấp mã (theo tệp ma-ho-so.json và các phiếu "
        "đã in): {codes}. Mã cuối có thể chỉ là số đã dành cho một lần lưu bị ngắt, chưa in "
        "phiếu.").format(count=len(missing), codes=shown)
    newest = worker.call(lambda: backups.newest_good(data))
    if newest is not None and offer_restore(problem, newest, quit_label=False):
        worker.call(services.close)
        return put_back(data, newest, worker)
    if newest is None:
        QMessageBox.warning(None, QCoreApplication.translate("App", "Dữ liệu thiếu hồ sơ"),
                            problem)
    worker.call(services.acknowledge_missing_codes)
    return services


def build_main_window(services: Services, worker, *, demo: bool = False) -> MainWindow | None:
    """The main window, after seeding the demo counter into a new data folder if asked, and
    once someone is logged in; None if the clerk closes the setup or the login instead."""
    if demo and worker.call(services.counter_setup) is None:
        from desk_app.services.demo import seed as seed_demo

        worker.call(lambda: seed_demo(services, living=True))
    during = WindowDuringLogin(services, worker)
    if not sign_in(services, worker, while_checking=during.build):
        during.discard()
        return None
    return during.logged_in()


class WindowDuringLogin:
    """The main window, built on the GUI thread while the worker checks the password: scrypt
    leaves Python's lock free, so on two cores the clerk waits for the longer of the two, not
    for both. Built so, it stays locked (nothing of the dossiers shows, and what it asks of the
    services queues behind the login on the worker) until the login is accepted."""

    def __init__(self, services: Services, worker) -> None:
        self._services = services
        self._worker = worker
        self.window: MainWindow | None = None

    def build(self) -> None:
        """A new window at each check: one built for a password then refused read what it
        reads (the filters' choices) before anyone was logged in, and is no use."""
        self.discard()
        from desk_app.ui.main_window import MainWindow

        self.window = MainWindow(self._services, self._worker)

    def logged_in(self) -> MainWindow:
        if self.window is None:  # logged in before the login dialog: the setup, the demo
            self.build()
        session = self.window.session
        if session.account is None:  # built before the login was accepted
            session.start(self._services.current_account())
        return self.window

    def discard(self) -> None:
        if self.window is not None:
            self.window.deleteLater()
            self.window = None


def sign_in(services: Services, worker, *,
            while_checking: Callable[[], None] | None = None) -> bool:
    """Whether someone is logged in, after the first-run setup (which creates the admin), the
    first admin of a database from before accounts, or the login, whichever this counter
    needs. Nothing of the dossiers shows before. `while_checking`: run each time a typed
    password goes to the worker to be checked."""
    if services.current_account() is not None:
        return True
    setup = worker.call(services.counter_setup)
    if setup is None:
        first = SetupDialog(services, worker, None)
    elif not worker.call(services.has_accounts):
        first = FirstAdminDialog(services, worker, worker.call(services.suggested_admin_name))
    else:
        first = None
    if first is not None and first.exec() != QDialog.DialogCode.Accepted:
        return False
    if services.current_account() is not None:
        return True
    login = LoginDialog(services, worker, setup)
    if while_checking is not None:
        login.form.checking.connect(while_checking)
    return login.exec() == QDialog.DialogCode.Accepted


def run_gui(data: Path, demo: bool, language: str | None) -> int:
    app = application()
    install_excepthook()
    worker = Worker()
    services = open_services(data, worker)
    if services is None:
        worker.shutdown()
        return EXIT_DATA_UNUSABLE
    i18n.install(app, language or worker.call(services.language))
    services = compare_with_witnesses(data, services, worker)
    if services is None:
        worker.shutdown()
        return EXIT_DATA_UNUSABLE
    background: list = []  # the sync controller and the backup worker, once started
    starter = None
    try:
        window = build_main_window(services, worker, demo=demo)
        if window is None:
            return 0
        window.present()  # maximised: the clerk's whole working day happens in this window
        # After the window's first turn of the event loop, not before it is shown.
        starter = QTimer(window, singleShot=True, interval=0)
        starter.timeout.connect(
            lambda: background.extend(start_background(window, services)))
        starter.start()
        return app.exec()
    finally:
        if starter is not None:
            starter.stop()
        # The background threads finish their current call before the database closes.
        for part in background:
            part.shutdown()
        worker.shutdown()  # done already when the window closed; here when it never showed
        services.close()  # every thread is finished: a clean close checkpoints the WAL


def start_background(window: MainWindow, services: Services) -> tuple:
    """Sync and the backups, which run behind the clerk's work, started once the window is up
    (their first sync and backup wait a moment anyway): importing the sync client alone
    (ssl, sockets) took about a tenth of the start (issue 13). What to shut down, in order."""
    if not window.isVisible():
        return ()
    from desk_app.ui.sync_controller import SyncController

    sync = SyncController.install(window, services)
    backup_worker = Worker("backup")
    backup_timer = BackupTimer(services, backup_worker, window)
    backup_timer.disk_warning.connect(window.show_disk_warning)
    backup_timer.start()
    window.settings_saved.connect(
        lambda view: backup_timer.reschedule(view.form.values["backups.every_hours"]))
    window.settings_saved.connect(
        lambda view: sync.arm_end_of_day(view.form.values["sync_end_of_day"]))
    return sync, backup_worker
