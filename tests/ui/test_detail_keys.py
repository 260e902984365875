"""The detail window by keyboard (issue 14, defect 8): every action in a labelled menu, not
only behind the button row's overflow arrow, and the tabs on Alt+digit and Ctrl+Tab."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QTabWidget

from desk_app.ui.apology_dialog import ApologyDialog
from tests.ui.conftest import wait_active

pytestmark = pytest.mark.usefixtures("message_boxes")

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def detail(qtbot, counter_window, keyboard):
    counter_window.dossier_list.focus_table()
    keyboard.press(Qt.Key.Key_Return)  # opens the current dossier, as a clerk does
    detail = counter_window.findChild(QTabWidget, "detail_tabs").window()
    wait_active(qtbot, detail)
    qtbot.waitUntil(lambda: detail.row is not None)
    return detail


def test_alt_t_opens_a_menu_with_every_action_the_dossier_allows(qtbot, detail, keyboard):
    keyboard.press(Qt.Key.Key_T, ALT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert menu.objectName() == "detail_actions_menu"
    shown = {a.objectName() for a in menu.actions() if a.isVisible() and a.isEnabled()}
    allowed = {name for name, a in detail.actions.actions.items() if a.isEnabled()}
    # A received dossier: among them the ones the overflow arrow used to hide.
    assert {"apology_action", "withdraw_action", "stop_action"} <= allowed
    assert allowed <= shown
    texts = [a.text() for a in menu.actions()]
    assert "In lại phiếu tiếp nhận\tCtrl+P" in texts and "Đóng\tEsc" in texts

    # Its letter in the menu (Xin lỗi, _h_ẹn lại…) opens the apology, as Ctrl+H does.
    keyboard.press(Qt.Key.Key_H)
    qtbot.waitUntil(lambda: detail.findChild(ApologyDialog) is not None)
    assert detail.findChild(ApologyDialog).isVisible()


def test_the_tabs_answer_alt_digits_and_ctrl_tab(qtbot, detail, keyboard):
    tabs = detail.tabs
    assert tabs.currentIndex() == 0
    keyboard.press(Qt.Key.Key_2, ALT)
    assert tabs.currentIndex() == 1
    assert detail.history_table.hasFocus()  # the arrows scroll the history at once
    keyboard.press(Qt.Key.Key_Tab, CTRL)
    assert tabs.currentIndex() == 2
    keyboard.press(Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert tabs.currentIndex() == 1
    keyboard.press(Qt.Key.Key_5, ALT)
    assert tabs.currentIndex() == 4
    keyboard.press(Qt.Key.Key_Tab, CTRL)
    assert tabs.currentIndex() == 0  # round again
    # The keys are written where a clerk looks for them.
    assert "Alt+2" in tabs.tabToolTip(1)
