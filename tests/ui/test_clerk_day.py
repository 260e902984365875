"""A clerk's day by keyboard (issue 14): each test drives the window with real key presses."""

import dataclasses
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateTimeEdit, QLabel

from desk_app.core.lifecycle import EventKind
from desk_app.core.reports import BoardKey
from desk_app.core.states import DossierState
from desk_app.core.validation import MissingChoice
from desk_app.printing.layout import vn_datetime_phrase
from desk_app.services.demo import DEMO_PASSWORD
from desk_app.ui.handover_dialog import ResultReadyDialog
from desk_app.ui.login_dialog import LoginDialog
from desk_app.ui.print_preview import PrintPreviewDialog
from desk_app.ui.return_dialog import ReturnDialog
from desk_app.ui.supplement_dialog import SupplementDialog, SupplementReceivedDialog
from tests.accounts import ADMIN_USERNAME
from tests.printing.test_form_sets import pdf_text
from tests.services.factories import full_draft
from tests.ui import test_main_window
from tests.ui.conftest import wait_active
from tests.ui.test_clerk_switch import log_in
from tests.ui.test_dossier_actions import back_to, hand_over_one, select, visible

# The main window's fixtures, shared by name (pytest finds fixtures among a module's names).
demo_services, window = test_main_window.demo_services, test_main_window.window
CTRL = Qt.KeyboardModifier.ControlModifier


def search(qtbot, window, text: str) -> None:
    """Ctrl+F, the text typed, and the list reloaded as the typing pause would."""
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.dossier_list.filter_text, text)
    window.dossier_list.refresh()


def test_after_a_search_enter_selects_the_row_the_actions_act_on(qtbot, window):
    search(qtbot, window, "nguyen")
    qtbot.keyClick(window.dossier_list.filter_text, Qt.Key.Key_Return)
    listed = window.dossier_list.model.dossier_row(0)
    assert [row.uuid for row in window.dossier_list.selected_rows()] == [listed.uuid]
    assert window.dossier_actions["handover_action"].isEnabled()
    assert window.dossier_actions["result_ready_action"].isEnabled()


def result_ready_at(window, services, clock, second: int) -> str:
    """The first listed dossier handed over and its result back at 9:00:`second`."""
    uuid = window.dossier_list.model.dossier_row(0).uuid
    services.hand_over([uuid], "Công an xã", "Phạm Minh Đức")
    clock.now = clock.now.replace(second=second)
    services.record_result_ready(uuid, "Công an xã", "Phạm Minh Đức")
    window.dossier_list.refresh_selecting(uuid)
    return uuid


def test_a_result_is_returned_in_the_minute_it_came_back(
        qtbot, counter_window, services, keyboard, clock):
    uuid = result_ready_at(counter_window, services, clock, 40)
    clock.now = clock.now.replace(second=50)
    keyboard.press(Qt.Key.Key_T, CTRL)
    dialog = wait_active(qtbot, visible(counter_window, ReturnDialog))
    keyboard.press(Qt.Key.Key_Return, CTRL)
    assert not dialog.general_error.text()
    assert services.dossier(uuid).status is DossierState.RETURNED
    history = services.history(uuid)
    assert [e.kind for e in history[-2:]] == [EventKind.RESULT_READY, EventKind.RETURNED]
    assert history[-1].device_time == clock.now


def test_the_time_of_an_action_is_when_it_is_saved_unless_the_clerk_set_it(
        qtbot, counter_window, services, keyboard, clock):
    uuid = result_ready_at(counter_window, services, clock, 0)
    keyboard.press(Qt.Key.Key_T, CTRL)
    dialog = wait_active(qtbot, visible(counter_window, ReturnDialog))
    clock.now += timedelta(minutes=25)  # the citizen signed the book meanwhile
    keyboard.press(Qt.Key.Key_Return, CTRL)
    assert services.history(uuid)[-1].device_time == clock.now
    assert not dialog.isVisible()
    wait_active(qtbot, counter_window)

    # A time the clerk typed is kept: the moment the result was really handed over.
    other = counter_window.dossier_list.model.dossier_row(1).uuid
    services.hand_over([other], "Công an xã", "Phạm Minh Đức")
    services.record_result_ready(other, "Công an xã", "Phạm Minh Đức")
    counter_window.dossier_list.refresh_selecting(other)
    keyboard.press(Qt.Key.Key_T, CTRL)
    dialog = wait_active(qtbot, visible(counter_window, ReturnDialog))
    dialog.at.setFocus()
    dialog.at.setCurrentSection(QDateTimeEdit.Section.MinuteSection)
    keyboard.press(Qt.Key.Key_Up)
    clock.now += timedelta(minutes=10)
    keyboard.press(Qt.Key.Key_Return, CTRL)
    assert services.history(other)[-1].device_time == (
        clock.now - timedelta(minutes=10) + timedelta(minutes=1)).replace(second=0)


def test_a_supplement_request_ticks_only_the_mandatory_documents_missing(
        qtbot, counter_window, services, keyboard):
    draft = full_draft(services, code="1.001193")
    documents = tuple(dataclasses.replace(d, provided=not d.name.startswith("Giấy chứng sinh")
                                          and d.mandatory) for d in draft.documents)
    uuid = services.receive(dataclasses.replace(draft, documents=documents),
                            accept_warnings=True, missing=MissingChoice.OVERRIDE).uuid
    counter_window.dossier_list.refresh_selecting(uuid)
    keyboard.press(Qt.Key.Key_B, CTRL)
    dialog = wait_active(qtbot, visible(counter_window, SupplementDialog))
    assert dialog.missing() == ["Giấy chứng sinh hoặc giấy tờ thay giấy chứng sinh"]
    # The optional ones ("nếu có") are there to tick by hand.
    keyboard.press(Qt.Key.Key_End)
    keyboard.press(Qt.Key.Key_Space)
    assert dialog.missing()[-1] == "Văn bản ủy quyền có chứng thực (nếu đăng ký thay)"


def test_at_the_lock_screen_the_next_clerk_types_their_name_first(
        qtbot, counter_window, services, keyboard, message_boxes):
    keyboard.press(Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    form = counter_window.session.lock_page.form
    assert form.username() == ADMIN_USERNAME  # who locked, highlighted: Enter is enough for them
    assert form.search.hasFocus()
    keyboard.type("lan")  # a colleague: their name, not a wrong password for the first clerk
    assert form.username() == "lan.nt"
    keyboard.press(Qt.Key.Key_Return)
    keyboard.type(DEMO_PASSWORD)
    keyboard.press(Qt.Key.Key_Return)
    assert services.current_account().username == "lan.nt"


def test_a_long_refusal_at_the_login_shows_every_line(qtbot, services, worker, activate):
    dialog = activate(LoginDialog(services, worker, services.counter_setup()))
    qtbot.addWidget(dialog)
    dialog.form.say_refused(" ".join(
        ["Đăng nhập sai nhiều lần: tài khoản tạm khóa. Thử lại sau 4:59 (hoặc nhờ quản trị mở "
         "khóa)."] * 3))
    qtbot.wait(10)  # the layout settles
    label = dialog.findChild(QLabel, "error_password")
    assert label.height() >= label.heightForWidth(label.width())
    assert label.geometry().bottom() <= label.parentWidget().height()


def test_the_status_bar_says_what_each_action_made_of_the_dossier(
        qtbot, counter_window, services, keyboard):
    [uuid] = select(counter_window, 0)
    hand_over_one(qtbot, counter_window, keyboard)
    code = services.dossier(uuid).code
    assert counter_window.statusBar().currentMessage() == (
        f"Đã ghi nhận: hồ sơ {code} – Đang xử lý")
    back_to(qtbot, counter_window, visible(counter_window, PrintPreviewDialog))
    keyboard.press(Qt.Key.Key_K, CTRL)
    wait_active(qtbot, visible(counter_window, ResultReadyDialog))
    keyboard.type("Phạm Minh Đức")
    keyboard.press(Qt.Key.Key_Return)
    assert counter_window.statusBar().currentMessage() == (
        f"Đã ghi nhận: hồ sơ {code} – Đã xử lý xong")


def board_counts(window) -> dict:
    return {key: tile.count for key, tile in window.board.tiles.items()}


def test_the_board_says_whose_dossiers_it_counts_and_switches_to_the_whole_counter(
        qtbot, counter_window, services, keyboard, message_boxes):
    keyboard.press(Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)
    log_in(qtbot, counter_window, keyboard, "lan")
    keyboard.press(Qt.Key.Key_2, CTRL)
    board = counter_window.board
    assert board.scope.text() == "Chỉ hồ sơ do Nguyễn Thị Lan tiếp nhận"
    own = services.board(whole_counter=False)
    assert board_counts(counter_window) == {key: own.count(key) for key in BoardKey}

    keyboard.press(Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    # A button's mnemonic clicks it as an animated click, once Qt's event loop has turned.
    qtbot.waitUntil(lambda: board.scope.text() == "Hồ sơ của cả quầy")
    whole = services.board(whole_counter=True)
    assert board_counts(counter_window) == {key: whole.count(key) for key in BoardKey}
    assert sum(board_counts(counter_window).values()) > sum(own.count(k) for k in BoardKey)
    # A tile opens what the board counts: the whole counter's overdue dossiers.
    board.tiles[BoardKey.OVERDUE].setFocus()
    keyboard.press(Qt.Key.Key_Return)
    listed = counter_window.dossier_list.model.rowCount()
    assert listed == whole.count(BoardKey.OVERDUE)


def received_long_ago(services, clock, name: str):
    """A dossier received 90 days ago, far outside the list's default 30 days."""
    return services.receive(full_draft(services, name=name),
                            received_at=clock.now - timedelta(days=90))


def test_a_code_read_from_an_old_receipt_finds_its_dossier_whatever_the_period(
        qtbot, window, services, clock):
    old = received_long_ago(services, clock, "Võ Thị Sáu")
    assert window.dossier_list.period.currentText() == "30 ngày"
    for typed in (old.code, old.applicant.id_number, "0912 345 678"):
        search(qtbot, window, typed)
        rows = [window.dossier_list.model.dossier_row(r).uuid
                for r in range(window.dossier_list.model.rowCount())]
        assert old.uuid in rows, typed
        assert "mọi ngày nhận" in window.dossier_list.row_count.text()


def test_a_name_search_says_how_many_older_dossiers_match_and_shows_them(
        qtbot, window, services, clock, keyboard):
    old = [received_long_ago(services, clock, "Võ Thị Sáu") for _ in range(2)]
    search(qtbot, window, "vo thi sau")
    listing = window.dossier_list
    assert listing.model.rowCount() == 0
    button = listing.earlier_button
    assert button.isVisible()
    assert button.text().startswith("Còn 2 hồ sơ nhận trước khoảng này cũng khớp")
    keyboard.press(Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: listing.model.rowCount() == 2)  # the button's animated click
    assert listing.period.currentText() == "Tất cả"
    assert {listing.model.dossier_row(r).uuid for r in range(2)} == {d.uuid for d in old}
    assert not button.isVisible()


def test_the_receipt_of_a_supplement_lists_what_was_brought_and_who_received_it(
        qtbot, counter_window, services, keyboard, clock):
    [uuid] = select(counter_window, 0)
    asked = ["Bản sao giấy khai sinh", "Giấy xác nhận cư trú"]
    services.request_supplement(uuid, asked, "Thiếu giấy tờ", "")
    clock.now += timedelta(days=1)
    counter_window.dossier_list.refresh()
    keyboard.press(Qt.Key.Key_B, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = wait_active(qtbot, visible(counter_window, SupplementReceivedDialog))
    assert dialog.brought.hasFocus()
    keyboard.press(Qt.Key.Key_Down)
    keyboard.press(Qt.Key.Key_Space)  # the residence paper is still missing
    keyboard.press(Qt.Key.Key_Return, CTRL)

    event = services.history(uuid)[-1]
    assert event.payload["brought"] == ["Bản sao giấy khai sinh"]
    preview = visible(counter_window, PrintPreviewDialog)
    assert preview.pdf_path == services.receipt_pdf(uuid)
    text = pdf_text(preview.pdf_path)
    dossier = services.dossier(uuid)
    assert text.count("(Tiếp nhận hồ sơ bổ sung, hoàn thiện)") == 2  # on both copies
    assert "1. Thành phần hồ sơ nộp bổ sung gồm:" in text
    assert "Bản sao giấy khai sinh" in text and "Giấy xác nhận cư trú" not in text
    assert dossier.draft.documents[0].name not in text  # the first receipt's, not brought now
    assert services.current_account().full_name in text  # who received the supplement
    assert dossier.clerk not in text  # the clerk who received the dossier the first time
    assert vn_datetime_phrase(dossier.due_at) in text
    assert vn_datetime_phrase(clock.now) in text
