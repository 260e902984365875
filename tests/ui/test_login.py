"""The login at the start: finding oneself by typing, the password, refusals beside the field,
the lock-out counting down, and the new password an admin reset requires."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from desk_app.core.accounts import FREE_FAILURES, Role
from desk_app.ui.login_dialog import LoginDialog
from desk_app.ui.password_dialog import ChangePasswordDialog
from tests.accounts import ADMIN_USERNAME, PASSWORD
from tests.ui.conftest import wait_active

CLERK = ("lan.nt", "Nguyễn Thị Lan")
NEW_PASSWORD = "mat-khau-moi-cua-lan"


@pytest.fixture
def counter(services):
    """The fixture's counter with a clerk too, and nobody logged in."""
    services.create_account(*CLERK, Role.CLERK, PASSWORD)
    services.logout()
    return services


@pytest.fixture
def login(qtbot, counter, worker, activate):
    dialog = LoginDialog(counter, worker, counter.counter_setup())
    qtbot.addWidget(dialog)
    return activate(dialog)


def password_message(dialog) -> str:
    label = dialog.findChild(QLabel, "error_password")
    return label.text() if label.isVisible() else ""


def highlighted(dialog) -> str:
    return dialog.form.username()


def test_the_counter_s_clerks_are_listed_by_name_and_role(login):
    accounts = login.form.accounts
    assert [accounts.item(r).text() for r in range(accounts.count())] == [
        "Nguyễn Thị Hoa – Quản trị", "Nguyễn Thị Lan – Cán bộ tiếp nhận"]
    assert login.form.search.hasFocus()


def test_typing_part_of_the_name_finds_the_clerk_and_enter_logs_in(login, counter, keyboard):
    keyboard.type("lan")
    assert highlighted(login) == "lan.nt"
    keyboard.press(Qt.Key.Key_Return)
    assert login.form.password.hasFocus()
    keyboard.type(PASSWORD)
    keyboard.press(Qt.Key.Key_Return)
    assert login.result() == QDialog.DialogCode.Accepted
    assert counter.current_account().full_name == "Nguyễn Thị Lan"
    assert login.account.username == "lan.nt"


def test_the_login_name_and_the_arrow_keys_find_the_clerk_too(login, keyboard):
    keyboard.type("hoa.nt")
    assert highlighted(login) == ADMIN_USERNAME
    keyboard.press(Qt.Key.Key_Backspace)
    for _ in "hoa.nt":
        keyboard.press(Qt.Key.Key_Backspace)
    keyboard.type("nguyen thi")  # typed without diacritics: both match
    assert highlighted(login) == ADMIN_USERNAME
    keyboard.press(Qt.Key.Key_Down)
    assert highlighted(login) == "lan.nt"


def test_a_wrong_password_is_said_beside_it_and_only_the_password_is_cleared(
        login, counter, keyboard):
    keyboard.type("lan")
    keyboard.press(Qt.Key.Key_Return)
    keyboard.type("sai-mat-khau")
    keyboard.press(Qt.Key.Key_Return)
    assert login.isVisible() and login.result() != QDialog.DialogCode.Accepted
    assert password_message(login) == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert login.form.password.text() == "" and login.form.password.hasFocus()
    assert highlighted(login) == "lan.nt" and login.form.search.text() == "lan"
    assert counter.current_account() is None

    keyboard.type(PASSWORD)
    keyboard.press(Qt.Key.Key_Return)
    assert login.result() == QDialog.DialogCode.Accepted


def test_a_locked_out_account_shows_the_wait_counting_down(qtbot, login, counter, keyboard):
    keyboard.type("lan")
    keyboard.press(Qt.Key.Key_Return)
    for _ in range(FREE_FAILURES + 1):
        keyboard.type("sai-mat-khau")
        keyboard.press(Qt.Key.Key_Return)
    first = password_message(login)
    assert first.startswith("Đăng nhập sai nhiều lần: tài khoản tạm khóa. Thử lại sau 0:30")
    assert not login.form.login_button.isEnabled()
    qtbot.waitUntil(lambda: "0:29" in password_message(login), timeout=3000)

    # Even the right password waits: the button is off and Enter does nothing.
    keyboard.type(PASSWORD)
    keyboard.press(Qt.Key.Key_Return)
    assert login.result() != QDialog.DialogCode.Accepted
    assert counter.current_account() is None
    # Another clerk is not held up by it.
    login.form.search.setFocus()
    keyboard.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keyboard.type("hoa")
    assert highlighted(login) == ADMIN_USERNAME
    assert password_message(login) == "" and login.form.login_button.isEnabled()


def log_in_after_a_reset(qtbot, login, counter, keyboard) -> ChangePasswordDialog:
    """Lan logs in with the temporary password an admin set: the change dialog opens."""
    counter.login(ADMIN_USERNAME, PASSWORD)
    counter.reset_password("lan.nt", "tam-thoi-123")
    counter.logout()
    keyboard.type("lan")
    keyboard.press(Qt.Key.Key_Return)
    keyboard.type("tam-thoi-123")
    keyboard.press(Qt.Key.Key_Return)
    return wait_active(qtbot, login.findChild(ChangePasswordDialog))


def test_after_an_admin_reset_a_new_password_comes_before_any_work(
        qtbot, login, counter, keyboard):
    change = log_in_after_a_reset(qtbot, login, counter, keyboard)
    assert login.result() != QDialog.DialogCode.Accepted  # not before the new password
    assert "đặt lại mật khẩu của bạn" in change.findChild(QLabel, "password_intro").text()
    keyboard.type("tam-thoi-123")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type(NEW_PASSWORD)
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type(NEW_PASSWORD + "!")
    keyboard.press(Qt.Key.Key_Return)
    assert change.findChild(QLabel, "error_password_repeat").isVisible()
    keyboard.type(NEW_PASSWORD)
    keyboard.press(Qt.Key.Key_Return)
    assert login.result() == QDialog.DialogCode.Accepted
    assert not login.account.must_change_password
    assert counter.current_account().username == "lan.nt"
    counter.logout()
    assert counter.login("lan.nt", NEW_PASSWORD).must_change_password is False


def test_refusing_to_change_the_reset_password_logs_out_again(qtbot, login, counter, keyboard):
    change = log_in_after_a_reset(qtbot, login, counter, keyboard)
    keyboard.press(Qt.Key.Key_Escape)
    assert not change.isVisible()
    assert counter.current_account() is None
    assert login.result() != QDialog.DialogCode.Accepted
    assert password_message(login).startswith("Bạn cần đặt mật khẩu mới")


def test_escape_closes_the_login(login, keyboard):
    keyboard.press(Qt.Key.Key_Escape)
    assert login.result() == QDialog.DialogCode.Rejected


def test_the_form_says_when_the_password_is_being_checked(qtbot, counter, held_worker, activate,
                                                          keyboard):
    """While the worker checks the password (one scrypt hash), the start builds the main window
    (ui.app.WindowDuringLogin): the form says when the check has gone to the worker."""
    dialog = LoginDialog(counter, held_worker, counter.counter_setup())
    qtbot.addWidget(dialog)
    activate(dialog)
    while held_worker.jobs:  # the accounts to choose from
        held_worker.release()
    checking = []
    dialog.form.checking.connect(lambda: checking.append(counter.current_account()))
    keyboard.type("lan")
    keyboard.press(Qt.Key.Key_Return)
    keyboard.type(PASSWORD)
    keyboard.press(Qt.Key.Key_Return)

    assert checking == [None] and len(held_worker.jobs) == 1  # said while the check waits
    held_worker.release()
    assert dialog.result() == QDialog.DialogCode.Accepted
