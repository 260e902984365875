"""A shared counter PC: locking, another clerk switching in, the idle lock, and the work a
clerk left open surviving all of it."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QToolButton

from desk_app.core.accounts import AccountPolicy
from desk_app.services.demo import DEMO_PASSWORD
from desk_app.ui.receive_form import ReceiveDialog
from tests.accounts import ADMIN_NAME, ADMIN_USERNAME, PASSWORD
from tests.ui.conftest import wait_active
from tests.ui.test_receive_form import fill, fill_dossier, w

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
PASSWORDS = {"hoa.nt": PASSWORD, "lan": DEMO_PASSWORD}  # the seeded demo clerk's


@pytest.fixture
def window(counter_window, message_boxes):
    yield counter_window
    # Closing the window at the end asks about the forms still held for a clerk: yes.
    message_boxes.answers.append(QMessageBox.StandardButton.Yes)


def locked(window) -> bool:
    return window.session.stack.currentWidget() is window.session.lock_page


def log_in(qtbot, window, keyboard, search: str) -> None:
    """At the lock page: find the clerk by typing ("hoa.nt", "lan"), the password, Enter."""
    form = window.session.lock_page.form
    wait_active(qtbot, window)
    form.search.setFocus()
    keyboard.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keyboard.type(search)
    keyboard.press(Qt.Key.Key_Return)
    assert form.password.hasFocus()
    keyboard.type(PASSWORDS[search])
    keyboard.press(Qt.Key.Key_Return)


def open_receive(qtbot, window, keyboard) -> ReceiveDialog:
    keyboard.press(Qt.Key.Key_F2)
    return wait_active(qtbot, window.findChild(ReceiveDialog))


def test_locking_hides_the_dossiers_until_the_same_clerk_logs_in_again(
        qtbot, window, services, keyboard):
    keyboard.press(Qt.Key.Key_L, CTRL_SHIFT)
    assert locked(window)
    assert not window.dossier_list.isVisible() and not window.board.isVisible()
    assert services.current_account() is None
    assert window.clerk_label.text() == "Đã khóa"
    assert not window.receive_action.isEnabled() and not window.detail_action.isEnabled()
    assert window.quit_action.isEnabled()
    form = window.session.lock_page.form
    assert form.username() == ADMIN_USERNAME and form.password.hasFocus()

    keyboard.type(PASSWORD)
    keyboard.press(Qt.Key.Key_Return)
    assert not locked(window) and window.dossier_list.isVisible()
    assert window.clerk_label.text() == f"Cán bộ: {ADMIN_NAME} (Quản trị)"
    assert window.receive_action.isEnabled()


def test_another_clerk_switches_in_and_what_they_receive_carries_their_name(
        qtbot, window, services, keyboard):
    keyboard.press(Qt.Key.Key_D, CTRL_SHIFT)
    assert locked(window)
    assert window.session.lock_page.form.username() == ""  # switching: nobody chosen yet
    log_in(qtbot, window, keyboard, "lan")
    assert window.clerk_label.text() == "Cán bộ: Nguyễn Thị Lan (Cán bộ tiếp nhận)"
    assert services.current_account().username == "lan.nt"

    form = open_receive(qtbot, window, keyboard)
    fill_dossier(form, keyboard, name="Trần Văn Bình")
    keyboard.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [row] = [r for r in services.dossier_rows() if r.applicant_name == "Trần Văn Bình"]
    assert row.clerk == "Nguyễn Thị Lan"
    assert services.history(row.uuid)[0].clerk == "Nguyễn Thị Lan"
    assert window.dossier_list.selected_uuid() == row.uuid


def test_a_clerk_account_finds_the_admin_actions_disabled(qtbot, window, keyboard):
    keyboard.press(Qt.Key.Key_D, CTRL_SHIFT)
    log_in(qtbot, window, keyboard, "lan")
    for name in ("accounts_action", "settings_action", "setup_action", "units_action",
                 "catalogue_action", "restore_action", "verify_action"):
        assert not window.findChild(type(window.receive_action), name).isEnabled(), name
    for name in ("receive_action", "ledger_action", "end_of_day_action", "lock_action",
                 "switch_clerk_action", "change_password_action"):
        assert window.findChild(type(window.receive_action), name).isEnabled(), name
    # Back to the admin: everything again.
    keyboard.press(Qt.Key.Key_D, CTRL_SHIFT)
    log_in(qtbot, window, keyboard, "hoa.nt")
    assert window.session.accounts_action.isEnabled() and window.setup_action.isEnabled()


def test_the_detail_offers_a_clerk_only_what_their_role_allows(
        qtbot, window, services, keyboard):
    services.save_account_policy(AccountPolicy(leader_approves=True))
    keyboard.press(Qt.Key.Key_D, CTRL_SHIFT)
    log_in(qtbot, window, keyboard, "lan")
    received = services.dossier_rows()[0]
    detail = wait_active(qtbot, window.open_detail(received.uuid))
    shown = {name for name, action in detail.actions.actions.items() if action.isVisible()}
    # A received dossier may be handed over, refused or withdrawn; refusing is the leader's here.
    assert {"handover_action", "withdraw_action"} <= shown
    assert "refuse_action" not in shown and "apology_action" not in shown
    detail.reject()


def test_idle_time_locks_and_an_open_receive_form_keeps_its_text_for_its_clerk(
        qtbot, window, services, keyboard):
    form = open_receive(qtbot, window, keyboard)
    fill(form, keyboard, "applicant_name", "Lê Thị Cúc")
    window.session.watch.set_idle_ms(200)
    qtbot.waitUntil(lambda: locked(window), timeout=3000)
    assert not form.isVisible() and not window.dossier_list.isVisible()
    assert services.current_account() is None
    note = window.session.lock_page.findChild(QLabel, "held_note")
    assert note.isVisible() and "«Tiếp nhận hồ sơ»" in note.text()

    log_in(qtbot, window, keyboard, "hoa.nt")
    assert form.isVisible()
    assert w(form, "applicant_name").text() == "Lê Thị Cúc"


def test_the_lock_key_works_over_the_form_and_another_clerk_cannot_see_or_lose_it(
        qtbot, window, services, keyboard):
    form = open_receive(qtbot, window, keyboard)
    fill(form, keyboard, "applicant_name", "Lê Thị Cúc")
    keyboard.press(Qt.Key.Key_L, CTRL_SHIFT)  # typed in the form, over which the window waits
    assert locked(window) and not form.isVisible()

    lock_page = window.session.lock_page
    note = lock_page.findChild(QLabel, "held_note")
    assert note.text().startswith("Các cửa sổ bạn đang làm dở («Tiếp nhận hồ sơ»)")
    log_in(qtbot, window, keyboard, "lan")
    assert not form.isVisible()  # Lan works on; Hoa's form waits, hidden
    assert services.current_account().username == "lan.nt"

    keyboard.press(Qt.Key.Key_L, CTRL_SHIFT)
    form_search = lock_page.form.search
    form_search.setFocus()
    keyboard.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keyboard.type("lan")
    assert note.text() == (
        "Nguyễn Thị Hoa đang làm dở «Tiếp nhận hồ sơ». Nội dung đó được giữ nguyên và chỉ "
        "hiện lại khi Nguyễn Thị Hoa đăng nhập; cán bộ khác đăng nhập không làm mất nó.")
    log_in(qtbot, window, keyboard, "hoa.nt")
    assert form.isVisible() and w(form, "applicant_name").text() == "Lê Thị Cúc"
    assert not window.session.held  # nothing waits for anyone any more


def test_quitting_with_a_clerk_s_work_held_asks_first(qtbot, window, keyboard, message_boxes):
    form = open_receive(qtbot, window, keyboard)
    fill(form, keyboard, "applicant_name", "Lê Thị Cúc")
    keyboard.press(Qt.Key.Key_L, CTRL_SHIFT)
    assert not window.close()  # Ok to the question is No
    assert "còn cửa sổ đang làm dở" in message_boxes.shown[-1]
    assert window.isVisible()
    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    assert window.close()


def test_no_idle_lock_when_the_commune_sets_none(qtbot, window):
    window.session.watch.set_idle_ms(0)
    qtbot.wait(300)
    assert not locked(window)


def test_the_status_bar_buttons_switch_and_lock_too(qtbot, window):
    qtbot.mouseClick(window.findChild(QToolButton, "lock_button"), Qt.MouseButton.LeftButton)
    assert locked(window)
    assert not window.findChild(QToolButton, "switch_clerk_button").isEnabled()
