"""A clerk's day by keyboard (issue 14): each test drives the window with real key presses."""

from PySide6.QtCore import Qt

from tests.ui.test_main_window import demo_services, window  # noqa: F401 (fixtures)

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
