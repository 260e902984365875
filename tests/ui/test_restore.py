import json
import sqlite3
import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desk_app.core.accounts import Role
from desk_app.core.backups import BackupKind
from desk_app.services import backups
from desk_app.services.accounts import LEGACY_CLERK_KEY
from desk_app.services.app import Services, upgrade_pending
from desk_app.services.backups import BackupSettings
from desk_app.store import backup
from desk_app.ui import app as app_module
from desk_app.ui import restore_dialog
from desk_app.ui.app import open_services
from desk_app.ui.backup_timer import BackupTimer
from desk_app.ui.main_window import MainWindow
from desk_app.ui.restore_dialog import RestoreDialog
from desk_app.ui.setup_dialog import FirstAdminDialog
from desk_app.ui.worker import InlineWorker
from tests.accounts import ADMIN_NAME, ADMIN_USERNAME, PASSWORD, log_in_again, login_as
from tests.services.factories import full_draft
from tests.services.test_witnesses import copy_while_open, damage_frame
from tests.store.test_migrations import version_9_database
from tests.ui.test_receive_form import DeferredWorker


@pytest.fixture
def critical(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text, *rest: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    return shown


@pytest.fixture
def offers(monkeypatch):
    """The start-up offer, answered as the test says."""
    asked = []

    def answer(problem, newest):
        asked.append((problem, newest))
        return offers.answer

    offers = type("Offers", (), {"asked": asked, "answer": True})
    monkeypatch.setattr(app_module, "offer_restore", answer)
    return offers


def data_with_backup(tmp_path, clock):
    services = Services(tmp_path, clock=clock)
    from desk_app.services.demo import DEMO_SETUP
    from tests.accounts import ADMIN_NAME, ADMIN_USERNAME, PASSWORD
    services.first_run(DEMO_SETUP, ADMIN_USERNAME, ADMIN_NAME, PASSWORD)
    codes = [services.receive(full_draft(services), accept_warnings=True).code for _ in range(3)]
    services.back_up_now()
    services.close()
    return codes


def damage(path):
    with open(path, "r+b") as f:
        f.seek(path.stat().st_size // 2)
        f.write(b"\xde\xad\xbe\xef" * 2048)


def test_a_damaged_database_offers_the_newest_good_backup(qapp, tmp_path, clock, critical,
                                                          offers):
    codes = data_with_backup(tmp_path, clock)
    damage(tmp_path / "desk.db")

    services = open_services(tmp_path, InlineWorker())

    try:
        assert services is not None and critical == []
        [(problem, newest)] = offers.asked
        assert "bị hỏng" in problem and newest.dossiers == 3
        log_in_again(services)
        assert sorted(r.code for r in services.dossier_rows()) == sorted(codes)
        assert list(tmp_path.glob("desk.db.hong-*"))  # the damaged file is kept
    finally:
        services.close()


def test_garbage_over_the_whole_file_is_restored_too(qapp, tmp_path, clock, critical, offers):
    data_with_backup(tmp_path, clock)
    (tmp_path / "desk.db").write_bytes(b"\x00garbage\xff" * 5000)
    services = open_services(tmp_path, InlineWorker())
    assert services is not None
    services.close()


def test_declining_the_restore_stops_the_app_without_touching_the_file(qapp, tmp_path, clock,
                                                                      critical, offers):
    data_with_backup(tmp_path, clock)
    damage(tmp_path / "desk.db")
    before = (tmp_path / "desk.db").read_bytes()
    offers.answer = False
    assert open_services(tmp_path, InlineWorker()) is None
    assert (tmp_path / "desk.db").read_bytes() == before
    assert not list(tmp_path.glob("desk.db.hong-*"))


def test_without_a_backup_the_damage_is_explained(qapp, tmp_path, critical, offers):
    (tmp_path / "desk.db").write_bytes(b"\x00garbage\xff" * 5000)
    assert open_services(tmp_path, InlineWorker()) is None
    assert offers.asked == [] and "bị hỏng" in critical[0]


def test_the_offer_names_the_backup(qtbot, monkeypatch, services):
    made = services.back_up_now()
    texts = []

    def exec_(box):
        texts.append(box.informativeText())
        box.buttons()[0].click()

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    restore_dialog.offer_restore("Tệp dữ liệu bị hỏng", made)
    assert f"{made.made_at:%d/%m/%Y}" in texts[0] and "0 hồ sơ" in texts[0]


def test_the_restore_dialog_lists_backups_and_restores_after_confirming(
        qtbot, monkeypatch, services, worker, clock):
    first = [services.receive(full_draft(services), accept_warnings=True).code for _ in range(2)]
    services.back_up_now()
    services.receive(full_draft(services), accept_warnings=True)
    services.back_up_now()
    monkeypatch.setattr(restore_dialog, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)

    dialog = RestoreDialog(services, worker)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(r, 2).text() for r in range(2)] == ["3", "2"]
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(1)
    dialog.restore_button.click()

    assert dialog.restored is not None and dialog.restored.dossiers == 2
    log_in_again(services)  # the restored file has its own accounts
    assert sorted(r.code for r in services.dossier_rows()) == sorted(first)
    kinds = [b.kind for b in services.list_backups()]
    assert BackupKind.PRE_RESTORE in kinds


def test_a_declined_confirmation_changes_nothing(qtbot, monkeypatch, services, worker):
    services.receive(full_draft(services), accept_warnings=True)
    services.back_up_now()
    services.receive(full_draft(services), accept_warnings=True)
    monkeypatch.setattr(restore_dialog, "confirm", lambda *a, **k: False)
    dialog = RestoreDialog(services, worker)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    assert dialog.restored is None and len(services.dossier_rows()) == 2


def test_the_timer_backs_up_at_start_and_every_few_hours(qtbot, services, worker):
    timer = BackupTimer(services, worker)
    timer.start()
    assert [b.kind for b in services.list_backups()] == [BackupKind.START]
    assert timer.timer.interval() == 4 * 60 * 60 * 1000
    timer.timer.timeout.emit()
    assert sorted(b.kind for b in services.list_backups()) == [BackupKind.PERIODIC, BackupKind.START]


def test_a_disk_too_full_for_the_next_backup_is_shown_on_the_status_bar(
        qtbot, services, worker, monkeypatch):
    window = MainWindow(services, worker)
    qtbot.addWidget(window)
    timer = BackupTimer(services, worker, window)
    timer.disk_warning.connect(window.show_disk_warning)
    monkeypatch.setattr(backup, "free_bytes", lambda place: 1000)
    timer.start()
    assert window.disk_warning.isVisibleTo(window)
    assert "sắp đầy" in window.disk_warning.toolTip()
    monkeypatch.setattr(backup, "free_bytes", lambda place: 10 ** 12)
    timer.back_up()
    assert not window.disk_warning.isVisibleTo(window)


def test_the_timer_starts_for_a_clerk_with_its_interval_read_on_the_worker(
        qtbot, services, clock):
    services.save_backup_settings(BackupSettings(every_hours=2))
    login_as(services, Role.CLERK)  # may not read the backup settings: the timer must start
    worker = DeferredWorker()
    timer = BackupTimer(services, worker)
    timer.start()  # nothing read on the GUI thread, where it would wait for the backup
    assert not timer.timer.isActive() and len(worker.jobs) == 2
    worker.finish()
    assert timer.timer.isActive() and timer.timer.interval() == 2 * 60 * 60 * 1000
    assert [b.kind for b in backup.listed(backups.folder(services.data_dir))] == [BackupKind.START]


def restore_from_the_window(qtbot, window, monkeypatch) -> None:
    """Settings → restore, the newest backup, confirmed."""
    monkeypatch.setattr(restore_dialog, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    window.restore_action.trigger()
    dialog = window.findChild(RestoreDialog)
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    assert dialog.restored is not None


def lock_page_shown(window) -> bool:
    return window.session.stack.currentWidget() is window.session.lock_page


def test_after_a_restore_the_window_asks_who_logs_in(
        qtbot, counter_window, services, monkeypatch):
    services.back_up_now()
    restore_from_the_window(qtbot, counter_window, monkeypatch)

    assert lock_page_shown(counter_window) and not counter_window.dossier_list.isVisible()
    assert counter_window.session.account is None and services.current_account() is None
    assert not counter_window.receive_action.isEnabled()
    form = counter_window.session.lock_page.form
    assert form.username() == ADMIN_USERNAME  # who restored, to log in again
    assert form.accounts.count() == len(services.login_choices()) > 1
    form.password.setText(PASSWORD)
    form.login_button.click()
    assert not lock_page_shown(counter_window) and counter_window.receive_action.isEnabled()


def without_accounts(info) -> None:
    """The backup as a counter from before accounts left it (its clerk's name aside)."""
    with sqlite3.connect(info.path) as conn:
        conn.execute("DELETE FROM account_log")
        conn.execute("DELETE FROM accounts")
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                     (LEGACY_CLERK_KEY, json.dumps(ADMIN_NAME)))
    conn.close()
    meta = backup.sidecar(info.path)
    data = json.loads(meta.read_text("utf-8"))
    meta.write_text(json.dumps({**data, "size": info.path.stat().st_size}), "utf-8")


def test_a_restored_backup_without_accounts_asks_for_its_first_admin(
        qtbot, counter_window, services, monkeypatch):
    without_accounts(services.back_up_now())
    restore_from_the_window(qtbot, counter_window, monkeypatch)

    assert lock_page_shown(counter_window) and not services.has_accounts()
    dialog = counter_window.findChild(FirstAdminDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.findChild(QWidget, "full_name").text() == ADMIN_NAME
    for name in ("password", "password_repeat"):
        dialog.findChild(QWidget, name).setText(PASSWORD)
    dialog.findChild(QWidget, "save_button").click()

    assert not dialog.isVisible() and not lock_page_shown(counter_window)
    assert services.current_account().full_name == ADMIN_NAME
    assert counter_window.session.account.full_name == ADMIN_NAME
    qtbot.waitUntil(lambda: counter_window.receive_action.isEnabled())


def test_cancelling_the_first_admin_after_a_restore_closes_the_app(
        qtbot, counter_window, services, monkeypatch):
    without_accounts(services.back_up_now())
    restore_from_the_window(qtbot, counter_window, monkeypatch)
    counter_window.findChild(FirstAdminDialog).reject()
    assert not counter_window.isVisible()


def press_in_next_box(qtbot, key, shown):
    """Answer the next modal box with a real key press on its focused button, as the admin
    would; its texts go to `shown`. (Gives up after a few seconds: no box was shown.)"""
    tries = iter(range(300))

    def press():
        box = QApplication.activeModalWidget()
        if box is None:  # not shown yet: the exec() has not started
            if next(tries, None) is not None:
                QTimer.singleShot(10, press)
            return
        shown.append(f"{box.text()}\n{box.informativeText()}")
        qtbot.keyClick(box.focusWidget() or box, key)

    QTimer.singleShot(0, press)


@pytest.mark.parametrize("loss", ["deleted", "emptied"])
def test_a_lost_database_offers_the_backup_before_a_new_setup(qtbot, tmp_path, clock, critical,
                                                              loss):
    codes = data_with_backup(tmp_path, clock)
    live = tmp_path / "desk.db"
    if loss == "deleted":
        live.unlink()
    else:
        live.write_bytes(b"")
    shown = []
    press_in_next_box(qtbot, Qt.Key.Key_Return, shown)  # the default button: restore

    services = open_services(tmp_path, InlineWorker())

    try:
        assert services is not None and critical == []
        assert "desk.db bị mất hoặc rỗng" in shown[0] and "3 hồ sơ" in shown[0]
        assert services.counter_setup() is not None  # no first-run setup as a new counter
        log_in_again(services)
        assert sorted(r.code for r in services.dossier_rows()) == sorted(codes)
    finally:
        services.close()


def test_codes_missing_at_open_are_named_and_the_backup_offered(qtbot, tmp_path, clock,
                                                                worker):
    services = Services(tmp_path / "data", clock=clock)
    from desk_app.services.demo import DEMO_SETUP
    services.first_run(DEMO_SETUP, ADMIN_USERNAME, ADMIN_NAME, PASSWORD)
    services.db.execute("PRAGMA wal_autocheckpoint=0")
    kept = [services.receive(full_draft(services), accept_warnings=True).code for _ in range(3)]
    services.back_up_now()
    lost = [services.receive(full_draft(services), accept_warnings=True).code for _ in range(2)]
    damaged = copy_while_open(services, tmp_path / "after-power-cut")
    services.close()
    damage_frame(damaged / "desk.db-wal")
    opened = Services(damaged)
    shown = []
    press_in_next_box(qtbot, Qt.Key.Key_Return, shown)

    restored = app_module.compare_with_witnesses(damaged, opened, worker)

    try:
        assert lost[-1] in shown[0] and lost[0] not in shown[0]  # only the one SQLite dropped
        assert "3 hồ sơ" in shown[0]  # the backup offered
        log_in_again(restored)
        assert sorted(r.code for r in restored.dossier_rows()) == sorted(kept)
        assert restored.missing_codes() == []  # told once: the restore recorded it
    finally:
        restored.close()


def test_going_on_with_the_data_is_recorded_and_not_asked_again(qtbot, tmp_path, clock, worker):
    services = Services(tmp_path / "data", clock=clock)
    from desk_app.services.demo import DEMO_SETUP
    services.first_run(DEMO_SETUP, ADMIN_USERNAME, ADMIN_NAME, PASSWORD)
    services.back_up_now()
    services.db.execute("PRAGMA wal_autocheckpoint=0")
    services.receive(full_draft(services), accept_warnings=True)
    damaged = copy_while_open(services, tmp_path / "after-power-cut")
    services.close()
    damage_frame(damaged / "desk.db-wal")
    opened = Services(damaged)
    shown = []
    press_in_next_box(qtbot, Qt.Key.Key_Escape, shown)  # "Dùng dữ liệu hiện tại"

    same = app_module.compare_with_witnesses(damaged, opened, worker)

    try:
        assert same is opened and len(shown) == 1
        assert app_module.compare_with_witnesses(damaged, same, worker) is same  # no box now
    finally:
        same.close()


class WatchingWorker(InlineWorker):
    """Runs each call inline, noting which windows were on screen while it ran."""

    def __init__(self):
        super().__init__()
        self.shown_during: list[list[str]] = []

    def call(self, fn):
        self.shown_during.append([w.objectName() for w in QApplication.topLevelWidgets()
                                  if w.isVisible()])
        return super().call(fn)


def test_an_older_database_is_upgraded_on_the_worker_behind_a_notice(qapp, tmp_path):
    """At a million dossiers the upgrade takes minutes: a start that shows nothing that long
    looks hung."""
    version_9_database(tmp_path / "desk.db")
    assert upgrade_pending(tmp_path)
    worker = WatchingWorker()

    services = open_services(tmp_path, worker)

    try:
        assert worker.shown_during == [["upgrade_notice"]]
        assert not any(w.isVisible() for w in QApplication.topLevelWidgets())
        assert not upgrade_pending(tmp_path)
    finally:
        services.close()
    # Opened again at its version: straight away, no notice, nothing on the worker.
    again = WatchingWorker()
    open_services(tmp_path, again).close()
    assert again.shown_during == []
