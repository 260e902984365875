"""Editing the processing units the counter hands dossiers over to."""

import pytest
from PySide6.QtCore import Qt

from desk_app.core.lifecycle import ProcessingUnit
from desk_app.ui.processing_units_dialog import INTER_AGENCY, NAME, ProcessingUnitsDialog
from tests.ui.conftest import wait_active

pytestmark = pytest.mark.usefixtures("message_boxes")


@pytest.fixture
def dialog(qtbot, counter_window):
    qtbot.keyClick(counter_window, Qt.Key.Key_U,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    shown = next(d for d in counter_window.findChildren(ProcessingUnitsDialog) if d.isVisible())
    return wait_active(qtbot, shown)


def test_shows_the_units_in_use(dialog, services):
    assert dialog.units() == services.processing_units()


def test_add_an_inter_agency_unit_rename_one_and_remove_one(
        qtbot, dialog, services, keyboard):
    before = services.processing_units()
    keyboard.press(Qt.Key.Key_Insert)
    assert dialog.table.currentRow() == len(before)
    keyboard.type("Chi nhánh Văn phòng đăng ký đất đai")
    keyboard.press(Qt.Key.Key_Return)
    dialog.table.setCurrentCell(len(before), INTER_AGENCY)
    keyboard.press(Qt.Key.Key_Space)
    dialog.table.item(0, NAME).setText("Công chức Tư pháp – Hộ tịch")
    dialog.table.setCurrentCell(1, NAME)
    keyboard.press(Qt.Key.Key_Delete)
    keyboard.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    saved = services.processing_units()
    assert saved[0] == ProcessingUnit("Công chức Tư pháp – Hộ tịch")
    assert before[1] not in saved
    assert saved[-1] == ProcessingUnit("Chi nhánh Văn phòng đăng ký đất đai", inter_agency=True)
    assert not dialog.isVisible()


def test_a_unit_typed_twice_is_refused_and_kept_on_screen(dialog, services):
    before = services.processing_units()
    dialog.add_unit()
    dialog.table.item(dialog.table.rowCount() - 1, NAME).setText("cong an xa")
    dialog.save()
    assert dialog.isVisible()
    assert dialog.error.text() == "Đơn vị «cong an xa» có hai lần trong danh sách."
    assert services.processing_units() == before


def test_every_unit_removed_is_refused_by_the_services(dialog, services):
    dialog.table.setRowCount(0)
    dialog.save()
    assert dialog.isVisible()
    assert dialog.error.text() == "Cần ít nhất một đơn vị nhận hồ sơ để bàn giao."
