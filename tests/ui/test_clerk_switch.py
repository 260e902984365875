"""A shared counter PC: locking, another clerk switching in, the idle lock, and the work a
clerk left open surviving all of it."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolButton,
)

from desk_app.core.accounts import FREE_FAILURES, Account, AccountPolicy, Role
from desk_app.services.demo import DEMO_PASSWORD, seed
from desk_app.ui.lock_page import HeldWindows
from desk_app.ui.main_window import MainWindow
from desk_app.ui.password_dialog import ChangePasswordDialog
from desk_app.ui.print_preview import PrintPreviewDialog
from desk_app.ui.receive_form import ReceiveDialog
from desk_app.ui.worker import InlineWorker
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
    assert form.username() == ADMIN_USERNAME and form.search.hasFocus()

    keyboard.press(Qt.Key.Key_Return)  # the clerk who locked is highlighted: on to the password
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
                 "catalogue_action", "restore_action", "verify_action", "language_vi",
                 "language_en"):
        assert not window.findChild(type(window.receive_action), name).isEnabled(), name
    for name in ("receive_action", "ledger_action", "end_of_day_action", "lock_action",
                 "switch_clerk_action", "change_password_action"):
        assert window.findChild(type(window.receive_action), name).isEnabled(), name
    # Back to the admin: everything again.
    keyboard.press(Qt.Key.Key_D, CTRL_SHIFT)
    log_in(qtbot, window, keyboard, "hoa.nt")
    assert window.session.accounts_action.isEnabled() and window.setup_action.isEnabled()
    assert window.language_actions["en"].isEnabled()


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


def test_the_lock_page_lets_in_a_clerk_an_admin_has_unlocked(
        qtbot, window, services, keyboard):
    keyboard.press(Qt.Key.Key_D, CTRL_SHIFT)
    form = window.session.lock_page.form
    wait_active(qtbot, window)
    form.search.setFocus()
    keyboard.type("lan")
    keyboard.press(Qt.Key.Key_Return)
    for _ in range(FREE_FAILURES + 1):
        keyboard.type("sai-mat-khau")
        keyboard.press(Qt.Key.Key_Return)
    assert not form.login_button.isEnabled()  # the wait counts down

    log_in(qtbot, window, keyboard, "hoa.nt")
    services.unlock_account("lan.nt")  # what the accounts dialog does
    keyboard.press(Qt.Key.Key_D, CTRL_SHIFT)
    log_in(qtbot, window, keyboard, "lan")
    assert not locked(window) and services.current_account().username == "lan.nt"


class HoldingWorker(InlineWorker):
    """Runs jobs at once, or, while `holding`, keeps them as a busy worker thread would."""

    def __init__(self) -> None:
        self.holding = False
        self.jobs = []

    def run(self, fn, on_done=None, on_error=None) -> None:
        if self.holding:
            self.jobs.append((fn, on_done, on_error))
        else:
            super().run(fn, on_done, on_error)

    def finish(self) -> None:
        self.holding = False
        while self.jobs:
            super().run(*self.jobs.pop(0))


def test_a_receipt_ready_after_the_lock_waits_hidden_for_its_clerk(
        qtbot, services, activate, keyboard, message_boxes):
    seed(services)
    worker = HoldingWorker()
    window = MainWindow(services, worker)
    qtbot.addWidget(window)
    activate(window)
    form = open_receive(qtbot, window, keyboard)
    fill_dossier(form, keyboard, name="Trần Văn Bình")
    worker.holding = True
    keyboard.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    keyboard.press(Qt.Key.Key_L, CTRL_SHIFT)  # while the save still runs
    assert locked(window)
    worker.finish()  # saved, as the clerk who typed it; the receipt opens over the form

    preview = form.findChild(PrintPreviewDialog)
    assert preview is not None
    qtbot.waitUntil(lambda: not preview.isVisible())
    assert not (preview.windowHandle() and preview.windowHandle().isVisible())  # not a glimpse
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]

    log_in(qtbot, window, keyboard, "lan")
    assert not preview.isVisible() and not form.isVisible()
    keyboard.press(Qt.Key.Key_L, CTRL_SHIFT)
    log_in(qtbot, window, keyboard, "hoa.nt")
    assert form.isVisible() and preview.isVisible()
    assert QApplication.activeModalWidget() is preview  # on top of its form, as it opened
    [row] = [r for r in services.dossier_rows() if r.applicant_name == "Trần Văn Bình"]
    assert row.clerk == ADMIN_NAME
    preview.reject()
    form.reject()


def test_guessing_the_password_in_change_password_locks_the_screen(
        qtbot, window, services, keyboard):
    keyboard.press(Qt.Key.Key_M, CTRL_SHIFT)  # then on the dialog itself: it closes midway
    dialog = wait_active(qtbot, window.findChild(ChangePasswordDialog))
    for _ in range(FREE_FAILURES + 2):  # the last one meets the lock-out
        dialog.old_password.setText("doan-mo")
        dialog.new_password.password.setText("mat-khau-moi-1")
        dialog.new_password.repeat.setText("mat-khau-moi-1")
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert locked(window) and not dialog.isVisible()
    assert services.current_account() is None
    message = window.session.lock_page.form.findChild(QLabel, "error_password")
    assert message.isVisible() and "thử lại sau" in message.text()


def test_locking_keeps_a_clerk_s_work_windows_and_answers_those_waiting_for_an_answer(qtbot):
    """A print, file or message dialog is answered by hiding it (Cancel, No): kept, it would
    come back with its question already answered. Told apart by Qt's class names, so the
    start does not load QtPrintSupport for this."""
    main = QMainWindow()
    qtbot.addWidget(main)
    main.show()
    work = QDialog(main)
    work.setWindowTitle("Tiếp nhận hồ sơ")
    files = QFileDialog(main, "Chọn tệp")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    answers = (QPrintDialog(main), files, QMessageBox(QMessageBox.Icon.Question, "Hỏi", "?",
                                                       parent=main))
    for window in (work, *answers):
        window.show()
    held = HeldWindows(main)
    held.hold(Account("lan", "Nguyễn Thị Lan", Role.CLERK))
    assert held.waiting() == [("lan", "Nguyễn Thị Lan", ["Tiếp nhận hồ sơ"])]
    assert not any(window.isVisible() for window in (work, *answers))
