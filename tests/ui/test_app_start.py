import sys

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox, QWidget

from desk_app.services.accounts import LEGACY_CLERK_KEY
from desk_app.services.app import Services
from desk_app.services.demo import DEMO_PASSWORD, DEMO_SETUP
from desk_app.store import settings
from desk_app.ui import app as app_module
from desk_app.ui.app import build_main_window, run_gui
from desk_app.ui.main_window import MainWindow
from tests.accounts import ADMIN_NAME, ADMIN_USERNAME, PASSWORD

ACCEPTED = QDialog.DialogCode.Accepted


@pytest.fixture(autouse=True)
def no_unexpected_dialog(qapp, monkeypatch):
    """A modal dialog nobody answers would wait forever: each test answers the ones it
    expects (by patching that class's exec), any other one fails the test at once. (Every
    test here may make dialogs: `qapp`, even when run alone.)"""
    def unexpected(dialog):
        raise AssertionError(f"unexpected dialog {dialog.objectName()}")

    monkeypatch.setattr(QDialog, "exec", unexpected)


def answer(monkeypatch, dialog_class, fill) -> list[QDialog]:
    """`dialog_class`'s exec() runs `fill(dialog)` as the clerk would, then returns the
    dialog's result; the dialogs shown are returned."""
    shown = []

    def exec_(dialog):
        shown.append(dialog)
        fill(dialog)
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", exec_)
    return shown


def type_into(dialog: QDialog, **values: str) -> None:
    for name, text in values.items():
        dialog.findChild(QWidget, name).setText(text)


@pytest.fixture
def critical(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *rest: shown.append(text))
    # run_gui installs its own excepthook; keep pytest-qt's in place after the test.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    return shown


@pytest.fixture
def fresh(tmp_path):
    services = Services(tmp_path / "fresh")
    yield services
    services.close()


def test_a_corrupt_database_is_explained_and_the_app_stops(qapp, tmp_path, critical):
    (tmp_path / "desk.db").write_bytes(b"\x00garbage, not a database\xff" * 200)
    assert run_gui(tmp_path, demo=False, language=None) == 2
    assert len(critical) == 1
    assert "bị hỏng" in critical[0] and "desk.db" in critical[0]


def test_a_new_counter_is_set_up_with_its_admin_who_is_then_logged_in(
        qtbot, fresh, worker, monkeypatch):
    def set_up(dialog) -> None:
        type_into(dialog, commune_name="UBND xã Tân Lập", unit_name="Bộ phận một cửa",
                  agency_code="000.17.22.H56", place_name="Tân Lập", full_name=ADMIN_NAME,
                  password=PASSWORD, password_repeat=PASSWORD)
        dialog.submit_button.click()

    setups = answer(monkeypatch, app_module.SetupDialog, set_up)
    window = build_main_window(fresh, worker)
    qtbot.addWidget(window)
    assert len(setups) == 1 and setups[0].first_run  # and no login asked after it
    assert window.session.account.username == ADMIN_USERNAME
    assert window.clerk_label.text() == f"Cán bộ: {ADMIN_NAME} (Quản trị)"


def test_cancelled_first_setup_means_no_main_window(fresh, worker, monkeypatch):
    answer(monkeypatch, app_module.SetupDialog, lambda dialog: dialog.reject())
    assert build_main_window(fresh, worker) is None
    assert not fresh.has_accounts()


def test_a_counter_from_before_accounts_creates_its_admin_from_the_old_clerk(
        qtbot, fresh, worker, monkeypatch):
    # What the settings upgrade leaves of an older version's setup: the clerk's name aside.
    with fresh.db.atomic():
        settings.save(fresh.db, {"counter_setup": DEMO_SETUP.__dict__,
                                 LEGACY_CLERK_KEY: ADMIN_NAME})
    prefilled = []

    def create(dialog) -> None:
        prefilled.append(dialog.findChild(QWidget, "full_name").text())
        type_into(dialog, password=PASSWORD, password_repeat=PASSWORD)
        dialog.submit_button.click()

    answer(monkeypatch, app_module.FirstAdminDialog, create)
    window = build_main_window(fresh, worker)
    qtbot.addWidget(window)
    assert prefilled == [ADMIN_NAME]
    assert window.session.account.full_name == ADMIN_NAME


def test_a_counter_with_accounts_asks_who_logs_in(qtbot, services, worker, monkeypatch):
    services.logout()

    def log_in(dialog) -> None:
        dialog.form.search.setText(ADMIN_USERNAME)
        dialog.form.password.setText(PASSWORD)
        dialog.form.login_button.click()

    logins = answer(monkeypatch, app_module.LoginDialog, log_in)
    window = build_main_window(services, worker)
    qtbot.addWidget(window)
    assert len(logins) == 1
    assert window.session.account.username == ADMIN_USERNAME
    assert window.session.stack.currentIndex() == 0  # the dossiers, not the lock page


def test_closing_the_login_means_no_main_window(services, worker, monkeypatch):
    services.logout()
    answer(monkeypatch, app_module.LoginDialog, lambda dialog: dialog.reject())
    assert build_main_window(services, worker) is None
    assert services.current_account() is None


def log_in_as_demo_admin(dialog) -> None:
    dialog.form.search.setText("quantri")
    dialog.form.password.setText(DEMO_PASSWORD)
    dialog.form.login_button.click()


def test_demo_on_a_new_data_folder_seeds_the_counter_and_its_accounts(
        qtbot, fresh, worker, monkeypatch):
    answer(monkeypatch, app_module.LoginDialog, log_in_as_demo_admin)
    window = build_main_window(fresh, worker, demo=True)
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    assert window.dossier_list.proxy.rowCount() > 0


def test_demo_does_not_add_to_a_database_in_use(qtbot, services, worker):
    from desk_app.services.demo import seed
    seed(services, count=3)
    window = build_main_window(services, worker, demo=True)
    qtbot.addWidget(window)
    assert len(services.dossier_rows()) == 3


def run_demo_gui(qtbot, monkeypatch, tmp_path, event_loop) -> int:
    """run_gui on a demo data folder, the demo admin logging in, `event_loop` standing in for
    the application's loop (what the clerk does while the window is open)."""
    monkeypatch.setattr(QApplication, "exec", event_loop)

    def log_in_and_wait(dialog) -> None:
        log_in_as_demo_admin(dialog)
        # The real worker answers on its thread: wait for the login as the dialog's loop would.
        qtbot.waitUntil(lambda: dialog.result() == ACCEPTED)

    answer(monkeypatch, app_module.LoginDialog, log_in_and_wait)
    return run_gui(tmp_path, demo=True, language="vi")


def test_run_gui_starts_the_demo_and_closes_the_data_on_exit(qtbot, tmp_path, critical,
                                                             monkeypatch):
    shown = []

    def exec_returning_at_once(*_args):
        shown.extend(w for w in QApplication.topLevelWidgets()
                     if isinstance(w, MainWindow) and w.isVisible())
        # Sync and the backups start after the window's first turn of the event loop.
        qtbot.waitUntil(lambda: shown[0].findChild(QMenu, "sync_menu") is not None)
        return 0

    assert run_demo_gui(qtbot, monkeypatch, tmp_path, exec_returning_at_once) == 0
    assert critical == []
    assert len(shown) == 1
    # Sync runs in the background of every real start: its menu and status are installed.
    assert shown[0].findChild(QMenu, "sync_menu") is not None
    shown[0].close()
    services = Services(tmp_path)
    try:
        services.login("quantri", DEMO_PASSWORD)
        assert services.dossier_rows()
    finally:
        services.close()


def test_closing_the_window_then_quitting_closes_the_data_cleanly(qtbot, tmp_path, critical,
                                                                 monkeypatch):
    """The window's close finishes the worker first; the data must still be closed after, or
    the day's last transactions stay in desk.db-wal beside the file a clerk might copy."""
    def clerk_closes_the_window(*_args):
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow) and window.isVisible():
                window.close()
        return 0

    assert run_demo_gui(qtbot, monkeypatch, tmp_path, clerk_closes_the_window) == 0
    assert critical == []
    assert not (tmp_path / "desk.db-wal").exists()



def test_the_list_is_read_once_at_start(qtbot, services, worker, monkeypatch):
    # Turning the table's sorting on used to read the list's first page before the window
    # asked, and the session's start read it again: a wasted query at every start, ahead of
    # the one the clerk waits for (about 20 ms at a million dossiers).
    from desk_app.services.demo import seed
    seed(services, count=3)
    read = []
    real_page = services.dossier_page

    def dossier_page(*args, **kwargs):
        read.append(args)
        return real_page(*args, **kwargs)

    monkeypatch.setattr(services, "dossier_page", dossier_page)
    window = build_main_window(services, worker)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.dossier_list.model.rowCount() == 3)
    assert len(read) == 1


def test_the_main_window_is_built_while_the_password_is_checked(qtbot, services, worker,
                                                               monkeypatch):
    """One window per password sent: the one built for a refused password read the filters'
    choices before anyone was logged in; the window shown is the one built for the password
    accepted, its choices read."""
    services.logout()
    built = []
    real_build = app_module.WindowDuringLogin.build

    def build(during) -> None:
        real_build(during)
        built.append(during.window)

    monkeypatch.setattr(app_module.WindowDuringLogin, "build", build)

    def log_in(dialog) -> None:
        dialog.form.search.setText(ADMIN_USERNAME)
        for password in ("sai-mat-khau", PASSWORD):
            dialog.form.password.setText(password)
            dialog.form.login_button.click()

    answer(monkeypatch, app_module.LoginDialog, log_in)
    window = build_main_window(services, worker)
    qtbot.addWidget(window)
    assert len(built) == 2 and window is built[-1]
    assert window.session.account.username == ADMIN_USERNAME
    assert window.session.stack.currentIndex() == 0  # the dossiers, not the lock page
    assert window.dossier_list.procedure_filter.count() > 1  # the choices, read once logged in
