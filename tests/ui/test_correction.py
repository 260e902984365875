"""Correcting a mistake from the main window by keyboard: Ctrl+Z on the dossier, the reason and
the confirmation, and the void slip previewed (docs/domain.md, "Correcting a mistake")."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desk_app.core.states import DossierState
from desk_app.ui.correction_dialog import CorrectionDialog
from desk_app.ui.print_preview import PrintPreviewDialog
from desk_app.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import NOW, wait_active
from tests.ui.test_dossier_actions import back_to, hand_over_one, select, visible

pytestmark = pytest.mark.usefixtures("message_boxes")

CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_wrong_hand_over_is_undone_by_keyboard_and_its_slip_reprinted_void(
        qtbot, counter_window, services, keyboard):
    window = counter_window
    [uuid] = select(window, 0)
    hand_over_one(qtbot, window, keyboard)
    back_to(qtbot, window, visible(window, PrintPreviewDialog))
    assert window.dossier_actions["correct_action"].isEnabled()

    keyboard.press(Qt.Key.Key_Z, CTRL)
    dialog = wait_active(qtbot, visible(window, CorrectionDialog))
    said = dialog.findChild(QLabel, "reversed_action").text()
    assert "«Bàn giao xử lý»" in said and "«Được tiếp nhận»" in said
    assert dialog.reason.hasFocus()
    # Neither a reason nor the confirmation: both said beside their fields, nothing recorded.
    keyboard.press(Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert dialog.findChild(QLabel, "error_reason").text().startswith("Nhập lý do đính chính")
    assert dialog.findChild(QLabel, "error_confirm").text() == (
        "Đánh dấu xác nhận để hủy thao tác này.")
    assert services.dossier(uuid).status is DossierState.PROCESSING

    keyboard.type("Giao nhầm đơn vị")
    keyboard.press(Qt.Key.Key_Tab)
    assert dialog.confirm.hasFocus()
    keyboard.press(Qt.Key.Key_Space)
    keyboard.press(Qt.Key.Key_Return, CTRL)

    assert services.dossier(uuid).status is DossierState.RECEIVED
    correction = services.history(uuid)[-1]
    assert correction.kind == "corrected" and correction.payload["reason"] == "Giao nhầm đơn vị"
    preview = visible(window, PrintPreviewDialog)
    assert preview.pdf_path == services.slip_pdf(uuid, "control")
    assert preview.pdf_path.name.endswith("-control-2.pdf")  # the void version, a new file
    back_to(qtbot, window, preview)
    # The list follows, and it can be handed over again but not corrected twice.
    assert window.dossier_list.selected_rows()[0].status is DossierState.RECEIVED
    assert window.dossier_actions["handover_action"].isEnabled()
    assert not window.dossier_actions["correct_action"].isEnabled()


def test_a_dossier_just_received_has_nothing_to_correct(qtbot, counter_window, services,
                                                        keyboard):
    [uuid] = select(counter_window, 0)
    assert services.dossier(uuid).status is DossierState.RECEIVED
    assert not counter_window.dossier_actions["correct_action"].isEnabled()
    keyboard.press(Qt.Key.Key_Z, CTRL)
    assert not [w for w in counter_window.findChildren(CorrectionDialog) if w.isVisible()]


def test_yesterdays_action_says_why_it_cannot_be_corrected(
        qtbot, counter_window, services, keyboard, clock, message_boxes):
    window = counter_window
    [uuid] = select(window, 0)
    services.hand_over([uuid], "Công an xã", "Phạm Minh Đức")
    clock.now = NOW + timedelta(days=1)
    # The window reloads the list when the change is announced (queued onto the GUI thread).
    qtbot.waitUntil(lambda: select(window, 0) == [uuid]
                    and window.dossier_list.selected_rows()[0].status is DossierState.PROCESSING)
    keyboard.press(Qt.Key.Key_Z, CTRL)
    assert any("chỉ đính chính được trong ngày" in shown for shown in message_boxes.shown)
    assert not [w for w in window.findChildren(CorrectionDialog) if w.isVisible()]
    assert services.dossier(uuid).status is DossierState.PROCESSING


def test_the_settings_say_whether_only_the_leader_corrects(qtbot, services, worker, activate):
    dialog = SettingsDialog(services, worker, services.settings_view())
    qtbot.addWidget(dialog)
    activate(dialog)
    assert not dialog.leader_corrects.isChecked()
    dialog.leader_corrects.setChecked(True)
    dialog.submit()
    assert services.settings_view().form.values["corrections.leader_only"] is True
