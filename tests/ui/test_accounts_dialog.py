"""The admin's account dialog, opened from the main window with Ctrl+Shift+A: adding a clerk,
resetting a forgotten password, stopping an account, ending a lock-out, and the log."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from desk_app.core.accounts import FREE_FAILURES, Role
from desk_app.services.errors import LoginRefused
from desk_app.ui.accounts_dialog import (
    AccountsDialog,
    EditAccountDialog,
    NewAccountDialog,
    ResetPasswordDialog,
)
from tests.accounts import ADMIN_USERNAME, PASSWORD
from tests.ui.conftest import wait_active

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
USERNAME, NAME = "binh.lv", "Lê Văn Bình"


@pytest.fixture
def dialog(qtbot, counter_window, keyboard, message_boxes):
    keyboard.press(Qt.Key.Key_A, CTRL_SHIFT)
    return wait_active(qtbot, counter_window.findChild(AccountsDialog))


def column(table, col: int) -> list[str]:
    return [table.item(row, col).text() for row in range(table.rowCount())]


def select(dialog, username: str) -> None:
    dialog.select(username)
    dialog.table.setFocus()


def row_of(dialog, username: str) -> list[str]:
    row = column(dialog.table, 0).index(username)
    return [dialog.table.item(row, c).text() for c in range(dialog.table.columnCount())]


def form(qtbot, parent, kind):
    return wait_active(qtbot, parent.findChild(kind))


def field(dialog, name: str) -> QWidget:
    return dialog.findChild(QWidget, name)


def message(dialog, name: str) -> str:
    label = dialog.findChild(QLabel, "error_" + name)
    return label.text() if label.isVisible() else ""


def test_it_lists_the_accounts_and_what_was_done_to_them(dialog):
    assert row_of(dialog, ADMIN_USERNAME) == [
        ADMIN_USERNAME, "Nguyễn Thị Hoa", "Quản trị", "Đang dùng", ""]
    assert row_of(dialog, "lan.nt")[2:4] == ["Cán bộ tiếp nhận", "Đang dùng"]
    assert "Tạo tài khoản" in column(dialog.log_table, 3)


def test_the_admin_adds_a_clerk_by_keyboard(qtbot, dialog, services, keyboard):
    keyboard.press(Qt.Key.Key_Insert)
    new = form(qtbot, dialog, NewAccountDialog)
    assert field(new, "full_name").hasFocus()
    keyboard.type(NAME)
    keyboard.press(Qt.Key.Key_Tab)
    assert field(new, "username").text() == USERNAME
    keyboard.press(Qt.Key.Key_Tab)
    assert field(new, "role").currentText() == "Cán bộ tiếp nhận"
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("mat-khau-binh")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("mat-khau-binh")
    keyboard.press(Qt.Key.Key_Return)
    assert not new.isVisible()
    assert row_of(dialog, USERNAME) == [USERNAME, NAME, "Cán bộ tiếp nhận", "Đang dùng", ""]
    assert dialog.selected_username() == USERNAME
    created = next(a for a in services.accounts() if a.username == USERNAME)
    assert created.role is Role.CLERK and created.full_name == NAME


def test_a_refused_account_is_explained_beside_its_fields_and_kept(
        qtbot, dialog, services, keyboard):
    keyboard.press(Qt.Key.Key_Insert)
    new = form(qtbot, dialog, NewAccountDialog)
    keyboard.type("Nguyễn Thị Lan")  # the demo's clerk already has this name
    for name, text in (("password", "ngan"), ("password_repeat", "ngan")):
        field(new, name).setFocus()
        keyboard.type(text)
    keyboard.press(Qt.Key.Key_S, CTRL)
    assert new.isVisible()
    assert message(new, "full_name").startswith("Họ tên này đã dùng cho tài khoản lan.nt")
    assert message(new, "password").startswith("Mật khẩu cần ít nhất 8 ký tự")
    assert field(new, "full_name").hasFocus() and field(new, "full_name").text() == (
        "Nguyễn Thị Lan")
    assert len(services.accounts()) == len(column(dialog.table, 0))


def test_a_reset_password_is_typed_twice_and_must_be_changed_at_the_next_login(
        qtbot, dialog, services, keyboard):
    select(dialog, "lan.nt")
    keyboard.press(Qt.Key.Key_R, CTRL)
    reset = form(qtbot, dialog, ResetPasswordDialog)
    keyboard.type("tam-thoi-123")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("tam-thoi-124")
    keyboard.press(Qt.Key.Key_Return)
    assert message(reset, "password_repeat").startswith("Hai lần nhập mật khẩu không giống")
    keyboard.type("tam-thoi-123")
    keyboard.press(Qt.Key.Key_Return)
    assert not reset.isVisible()
    assert row_of(dialog, "lan.nt")[3] == "Chờ đổi mật khẩu"
    assert column(dialog.log_table, 3)[0] == "Đặt lại mật khẩu"
    assert services.login("lan.nt", "tam-thoi-123").must_change_password


def test_the_admin_changes_a_role_and_stops_an_account(qtbot, dialog, services, keyboard,
                                                       message_boxes):
    select(dialog, "lan.nt")
    keyboard.press(Qt.Key.Key_F4)
    edit = form(qtbot, dialog, EditAccountDialog)
    field(edit, "role").setCurrentIndex(1)
    keyboard.press(Qt.Key.Key_S, CTRL)
    assert row_of(dialog, "lan.nt")[2] == "Lãnh đạo"

    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    wait_active(qtbot, dialog)
    keyboard.press(Qt.Key.Key_D, CTRL)
    assert "Ngừng tài khoản lan.nt" in message_boxes.shown[-1]
    assert row_of(dialog, "lan.nt")[3] == "Ngừng sử dụng"
    assert dialog.buttons["active_button"].text() == "Mở lại (Ctrl+D)"
    assert "lan.nt" not in [a.username for a in services.login_choices()]


def test_the_admin_cannot_stop_their_own_account(dialog, keyboard, message_boxes):
    select(dialog, ADMIN_USERNAME)
    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    keyboard.press(Qt.Key.Key_D, CTRL)
    assert dialog.error.isVisible() and "không thể tự khóa" in dialog.error.text()
    assert row_of(dialog, ADMIN_USERNAME)[3] == "Đang dùng"


def test_a_locked_out_account_is_unlocked(qtbot, counter_window, services, keyboard, worker):
    for _ in range(FREE_FAILURES + 1):
        with pytest.raises(LoginRefused):
            services.login("lan.nt", "sai-mat-khau")
    services.login(ADMIN_USERNAME, PASSWORD)
    keyboard.press(Qt.Key.Key_A, CTRL_SHIFT)
    dialog = wait_active(qtbot, counter_window.findChild(AccountsDialog))
    select(dialog, "lan.nt")
    assert row_of(dialog, "lan.nt")[3] == "Tạm khóa" and row_of(dialog, "lan.nt")[4]
    assert dialog.buttons["unlock_button"].isEnabled()
    keyboard.press(Qt.Key.Key_U, CTRL)
    assert row_of(dialog, "lan.nt")[3:] == ["Đang dùng", ""]
    assert not dialog.buttons["unlock_button"].isEnabled()
    assert column(dialog.log_table, 3)[:2] == ["Mở khóa", "Tạm khóa do nhập sai mật khẩu"]


def test_the_admin_s_own_new_name_shows_in_the_status_bar_once_the_dialog_closes(
        qtbot, counter_window, dialog, keyboard):
    select(dialog, ADMIN_USERNAME)
    keyboard.press(Qt.Key.Key_F4)
    edit = form(qtbot, dialog, EditAccountDialog)
    field(edit, "full_name").setFocus()
    keyboard.press(Qt.Key.Key_A, CTRL)
    keyboard.type("Nguyễn Thị Hoà An")
    keyboard.press(Qt.Key.Key_Return)
    assert row_of(dialog, ADMIN_USERNAME)[1] == "Nguyễn Thị Hoà An"
    wait_active(qtbot, dialog)
    keyboard.press(Qt.Key.Key_Escape)
    assert counter_window.clerk_label.text() == "Cán bộ: Nguyễn Thị Hoà An (Quản trị)"
