"""The admin's settings dialog, driven from the keyboard like at the counter."""

from datetime import date, time

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from desk_app.core.calendar import LocalOverride, OverrideKind
from desk_app.core.options import PrinterChoice
from desk_app.ui.backup_timer import HOUR_MS, BackupTimer
from desk_app.ui.enroll_dialog import EnrollDialog
from desk_app.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import wait_active
from tests.ui.sync_hub import install_sync

pytestmark = pytest.mark.usefixtures("message_boxes")

OFFICE, HOURS, DAYS_OFF, UNITS, PRINTERS, SYNC, BACKUPS, LANGUAGE, ACCOUNTS = range(9)


def open_dialog(qtbot, window) -> SettingsDialog:
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    shown = [d for d in window.findChildren(SettingsDialog) if d.isVisible()]
    assert len(shown) == 1
    return wait_active(qtbot, shown[0])


@pytest.fixture
def dialog(qtbot, counter_window):
    return open_dialog(qtbot, counter_window)


def message(dialog, field):
    return dialog.findChild(QLabel, "error_" + field.replace(".", "_"))


def save(qtbot, dialog):
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_opens_from_the_menu_on_the_counter_as_stored(dialog, services):
    setup = services.counter_setup()
    assert dialog.commune.text() == setup.commune_name
    assert dialog.agency.text() == setup.agency_code
    assert dialog.tabs.currentIndex() == OFFICE
    assert dialog.commune.hasFocus()
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Đơn vị", "Giờ làm việc", "Ngày nghỉ / làm bù", "Đơn vị xử lý", "Máy in", "Đồng bộ",
        "Sao lưu", "Ngôn ngữ", "Tài khoản"]
    assert dialog.units.units() == services.processing_units()


def test_ctrl_tab_goes_through_the_tabs_into_their_first_field(qtbot, dialog, keyboard):
    for expected in (HOURS, DAYS_OFF):
        keyboard.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        assert dialog.tabs.currentIndex() == expected
    assert dialog.days_off.day.hasFocus()
    keyboard.press(Qt.Key.Key_Backtab,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert dialog.tabs.currentIndex() == HOURS
    assert dialog.hours["morning_start"].hasFocus()


def test_values_changed_on_several_tabs_are_saved_together_and_shown_again(
        qtbot, dialog, services, counter_window, keyboard, activate):
    emitted = []
    counter_window.settings_saved.connect(emitted.append)
    dialog.place.setFocus()
    dialog.place.selectAll()
    keyboard.type("Xã Tân Lập")
    dialog.phone.setFocus()
    keyboard.type("0210 3856 123")
    dialog.hours["morning_start"].setTime(QTime(7, 30))
    dialog.hours["same_day_cutoff"].setTime(QTime(16, 0))
    receipt = dialog.printers.rows["receipt"]
    receipt.paper.setCurrentIndex(receipt.paper.findData("A4"))
    dialog.every_hours.setValue(2)
    assert dialog.budget.text() == "Tự động (3 lần dung lượng dữ liệu)"
    dialog.budget.setValue(40)
    dialog.end_of_day.setTime(QTime(16, 15))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.idle_lock.setValue(5)
    dialog.leader_approves.setChecked(True)
    save(qtbot, dialog)

    assert not dialog.isVisible()
    values = services.settings_view().form.values
    assert values["counter_setup.place_name"] == "Xã Tân Lập"
    assert values["counter_setup.phone"] == "0210 3856 123"
    assert services.required_setup().office.phone == "0210 3856 123"
    assert values["working_hours.morning_start"] == time(7, 30)
    assert values["working_hours.same_day_cutoff"] == time(16, 0)
    assert values["printers.receipt"] == PrinterChoice("", "A4")
    assert values["backups.every_hours"] == 2
    assert values["backups.budget_gb"] == 40
    assert values["sync_end_of_day"] == time(16, 15)
    assert services.language() == "en"
    assert services.account_policy().idle_lock_minutes == 5
    assert len(emitted) == 1 and emitted[0].form.values == values
    assert counter_window.language_actions["en"].isChecked()

    again = open_dialog(qtbot, activate(counter_window))
    assert again.place.text() == "Xã Tân Lập"
    assert again.hours["morning_start"].time() == QTime(7, 30)
    assert again.printers.rows["receipt"].paper.currentData() == "A4"
    assert again.every_hours.value() == 2
    assert again.budget.value() == 40
    assert again.language.currentData() == "en"
    assert again.idle_lock.value() == 5
    assert again.leader_approves.isChecked()


def test_a_wrong_agency_code_is_shown_beside_it_and_kept(qtbot, dialog, services):
    before = services.settings_view()
    dialog.agency.setText("h56-17")
    dialog.tabs.setCurrentIndex(BACKUPS)
    dialog.every_hours.setFocus()
    dialog.every_hours.setValue(3)
    save(qtbot, dialog)

    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == OFFICE
    assert dialog.agency.hasFocus()
    assert dialog.agency.text() == "h56-17"
    label = message(dialog, "counter_setup.agency_code")
    assert label.isVisible()
    assert "000.17.22.H56" in label.text()
    assert dialog.every_hours.value() == 3
    assert services.settings_view() == before


def test_hours_that_do_not_make_a_day_are_refused_on_their_tab(qtbot, dialog, services):
    dialog.hours["afternoon_end"].setTime(QTime(13, 0))
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == HOURS
    assert message(dialog, "working_hours.afternoon_end").text() == (
        "Giờ kết thúc buổi chiều phải sau giờ bắt đầu.")
    assert services.settings_view().form.values["working_hours.afternoon_end"] == time(17, 0)


def test_days_off_are_added_sorted_and_removed(qtbot, dialog, services, keyboard):
    dialog.tabs.setCurrentIndex(DAYS_OFF)
    editor = dialog.days_off
    editor.day.setFocus()
    keyboard.type("15122026")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("Lễ hội đình làng")
    keyboard.press(Qt.Key.Key_Return)
    editor.day.setFocus()
    keyboard.type("05/12/2026")
    editor.kind.setCurrentIndex(editor.kind.findData(OverrideKind.WORKING_DAY))
    keyboard.press(Qt.Key.Key_Insert)
    editor.day.setFocus()
    keyboard.type("31/11/2026")
    keyboard.press(Qt.Key.Key_Insert)
    assert "31/11/2026" in editor.day_error.text()
    assert editor.day.text() == "31/11/2026"

    table = editor.table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [
        "05/12/2026", "15/12/2026"]
    assert table.item(0, 1).text() == "Làm bù"
    assert table.item(1, 2).text() == "Lễ hội đình làng"
    editor.day.clear()
    table.setFocus()
    table.selectRow(0)
    keyboard.press(Qt.Key.Key_Delete)
    assert table.rowCount() == 1
    save(qtbot, dialog)

    assert not dialog.isVisible()
    assert services.settings_view().form.overrides == (
        LocalOverride(date(2026, 12, 15), OverrideKind.DAY_OFF, "Lễ hội đình làng"),)


def test_a_unit_typed_twice_is_refused_on_the_units_tab(qtbot, dialog, services):
    before = services.processing_units()
    dialog.tabs.setCurrentIndex(OFFICE)
    dialog.units.add_unit()
    dialog.units.table.item(dialog.units.table.rowCount() - 1, 0).setText("cong an xa")
    save(qtbot, dialog)
    assert dialog.tabs.currentIndex() == UNITS
    assert message(dialog, "units").text() == "Đơn vị «cong an xa» có hai lần trong danh sách."
    assert services.processing_units() == before


def test_printers_tab_without_printers_keeps_a_printer_set_earlier(qtbot, counter_window,
                                                                   services):
    form = services.settings_view().form
    services.save_settings(type(form)(
        values={**form.values, "printers.ledger": PrinterChoice("Canon LBP2900", "A4")},
        overrides=form.overrides, units=form.units, account_policy=form.account_policy))
    dialog = open_dialog(qtbot, counter_window)
    dialog.tabs.setCurrentIndex(PRINTERS)
    receipt = dialog.printers.rows["receipt"].printer
    assert [receipt.itemText(i) for i in range(receipt.count())] == ["Máy in mặc định"]
    assert dialog.findChild(QLabel, "no_printers_label").isVisible()
    ledger = dialog.printers.rows["ledger"]
    assert ledger.printer.currentText() == "Canon LBP2900 (không thấy trên máy này)"
    ledger.paper.setCurrentIndex(ledger.paper.findData("A5"))
    save(qtbot, dialog)
    assert services.printer_choice("ledger") == PrinterChoice("Canon LBP2900", "A5")


def test_a_new_backup_interval_reaches_the_running_timer(qtbot, services, worker):
    timer = BackupTimer(services, worker)
    timer.timer.start(4 * HOUR_MS)
    timer.reschedule(2)
    assert timer.timer.isActive()
    assert timer.timer.interval() == 2 * HOUR_MS


def test_the_sync_tab_shows_the_hub_and_opens_the_enrolment(qtbot, services, worker, activate):
    controller = install_sync(qtbot, services, worker)
    try:
        dialog = open_dialog(qtbot, activate(controller.window))
        dialog.tabs.setCurrentIndex(SYNC)
        assert dialog.hub_url.text() == "(máy chưa đăng ký với tỉnh)"
        dialog.enroll_button.click()
        assert any(d.isVisible() for d in controller.window.findChildren(EnrollDialog))
    finally:
        controller.shutdown()


def test_without_sync_there_is_no_enrol_button(dialog):
    assert dialog.findChild(QPushButton, "enroll_button") is None


def test_a_new_agency_code_is_saved_with_its_first_day(qtbot, dialog, services):
    from datetime import date

    from PySide6.QtCore import QDate

    from desk_app.core.codes import DatedAgencyCode

    old = services.counter_setup().agency_code
    dialog.agency.setText("000.00.31.h56")
    dialog.agency_since.setDate(QDate(2026, 12, 1))
    save(qtbot, dialog)

    values = services.settings_view().form.values
    assert values["counter_setup.agency_code"] == "000.00.31.H56"
    assert values["counter_setup.agency_code_since"] == date(2026, 12, 1)
    assert values["counter_setup.earlier_agency_codes"] == (DatedAgencyCode(old, None),)


def test_a_day_before_the_last_codes_is_shown_beside_the_day(qtbot, counter_window, services):
    from dataclasses import replace
    from datetime import date

    from PySide6.QtCore import QDate

    form = services.settings_view().form
    services.save_settings(replace(form, values={
        **form.values, "counter_setup.agency_code": "000.00.31.H56",
        "counter_setup.agency_code_since": date(2026, 12, 1)}))
    dialog = open_dialog(qtbot, counter_window)
    dialog.agency.setText("000.00.40.H56")
    dialog.agency_since.setDate(QDate(2026, 11, 1))
    save(qtbot, dialog)

    assert dialog.isVisible()
    label = message(dialog, "counter_setup.agency_code_since")
    assert label.isVisible() and "01/12/2026" in label.text()
    assert services.counter_setup().agency_code == "000.00.31.H56"
