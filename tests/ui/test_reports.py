"""The ledger and the end-of-day report, opened from the main window."""

from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from desk_app.ui.end_of_day_dialog import EndOfDayDialog
from desk_app.ui.ledger_dialog import LedgerDialog, default_file_name, month_of
from desk_app.ui.print_preview import PrintPreviewDialog
from tests.ui.conftest import wait_active
from tests.ui.test_clerk_switch import log_in

pytestmark = pytest.mark.usefixtures("message_boxes")

CTRL = Qt.KeyboardModifier.ControlModifier
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))


def opened(qtbot, window, kind):
    dialog = next(d for d in window.findChildren(kind) if d.isVisible())
    return wait_active(qtbot, dialog)


@pytest.fixture
def ledger(qtbot, counter_window):
    qtbot.keyClick(counter_window, Qt.Key.Key_L, CTRL)
    return opened(qtbot, counter_window, LedgerDialog)


def test_the_ledger_opens_on_this_month(ledger):
    assert ledger.period() == (date(2026, 12, 1), date(2026, 12, 31))
    assert month_of(date(2024, 2, 10)) == (date(2024, 2, 1), date(2024, 2, 29))


def test_last_month_shows_its_lines_in_ledger_order(qtbot, ledger, services):
    qtbot.keyClick(ledger, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # Tháng t&rước
    qtbot.waitUntil(lambda: ledger.period() == NOVEMBER)
    lines = services.ledger(*NOVEMBER)
    assert len(lines) == 36 and ledger.table.rowCount() == 36
    assert ledger.table.item(0, 0).text() == f"{lines[0].number}/{lines[0].book}"
    assert ledger.table.item(0, 1).text() == lines[0].code
    assert ledger.status.text() == "36 hồ sơ trong sổ"


def test_a_period_that_ends_before_it_starts_is_explained(ledger):
    ledger.date_from.setDate(QDate(2026, 12, 20))
    ledger.date_to.setDate(QDate(2026, 12, 10))
    assert ledger.status.text() == "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."
    assert not ledger.xlsx_button.isEnabled() and not ledger.pdf_button.isEnabled()


def test_excel_export_writes_the_file_the_clerk_names(
        qtbot, ledger, services, tmp_path, monkeypatch):
    asked = []

    def save_as(parent, title, suggested, filters):
        asked.append(suggested)
        return str(tmp_path / "so-thang-11"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    ledger.set_period(*NOVEMBER)
    qtbot.keyClick(ledger, Qt.Key.Key_S, CTRL)
    written = tmp_path / "so-thang-11.xlsx"
    qtbot.waitUntil(written.is_file)  # a button's shortcut animates the click first
    assert asked[0].endswith(default_file_name(*NOVEMBER))
    assert default_file_name(*NOVEMBER) == "So-theo-doi-ho-so_2026-11-01_2026-11-30.xlsx"
    sheet = load_workbook(written).active
    codes = {cell.value for row in sheet.iter_rows() for cell in row}
    assert {line.code for line in services.ledger(*NOVEMBER)} <= codes
    assert str(written) in ledger.status.text()


def test_cancelling_the_excel_dialog_writes_nothing(ledger, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: asked.append(1) or ("", ""))
    ledger.export_xlsx()
    assert asked and not list(tmp_path.rglob("*.xlsx"))


def test_a_clerk_without_reports_is_not_offered_the_excel_file(
        qtbot, counter_window, keyboard, tmp_path, monkeypatch):
    keyboard.press(Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)
    log_in(qtbot, counter_window, keyboard, "lan")  # a clerk: the ledger, not the reports
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: asked.append(1) or (str(tmp_path / "so.xlsx"), ""))
    qtbot.keyClick(counter_window, Qt.Key.Key_L, CTRL)
    ledger = opened(qtbot, counter_window, LedgerDialog)
    assert ledger.pdf_button.isVisible() and not ledger.xlsx_button.isVisible()
    qtbot.keyClick(ledger, Qt.Key.Key_S, CTRL)
    ledger.export_xlsx()
    assert asked == [] and not list(tmp_path.rglob("*.xlsx"))


def test_the_ledger_pdf_is_previewed(qtbot, ledger, services):
    ledger.set_period(*NOVEMBER)
    qtbot.keyClick(ledger, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: ledger.findChild(PrintPreviewDialog) is not None)
    pdf = ledger.findChild(PrintPreviewDialog).pdf_path
    assert pdf.is_file() and pdf.name.startswith("so-theo-doi-20261101-20261130")


@pytest.fixture
def end_of_day(qtbot, counter_window, services):
    rows = services.dossier_rows()
    services.hand_over([r.uuid for r in rows[:3]], "Công an xã", "Phạm Minh Đức")
    services.hand_over([rows[3].uuid], "Công chức Tư pháp - Hộ tịch", "Lê Văn Tâm")
    services.record_result_ready(rows[0].uuid, "Công an xã", "Phạm Minh Đức")
    qtbot.keyClick(counter_window, Qt.Key.Key_E, CTRL)
    return opened(qtbot, counter_window, EndOfDayDialog)


def column(table, c: int) -> list[str]:
    return [table.item(r, c).text() for r in range(table.rowCount())]


def test_end_of_day_shows_the_services_counts(end_of_day, services):
    report = services.end_of_day()
    assert end_of_day.report == report
    assert column(end_of_day.activity, 1) == [str(t.count) for t in report.activity]
    assert column(end_of_day.activity, 0) == [t.label for t in report.activity]
    assert column(end_of_day.by_state, 1) == [str(t.count) for t in report.by_state]
    assert column(end_of_day.by_procedure, 1) == [str(t.count) for t in report.by_procedure]
    assert column(end_of_day.handed_over, 1) == [h.code for h in report.handed_over]
    assert column(end_of_day.handed_over, 4) == [h.unit for h in report.handed_over]
    assert column(end_of_day.at_counter, 0) == [r.code for r in report.at_counter]
    assert end_of_day.summary.text() == (
        f"Tiếp nhận {report.received} hồ sơ · bàn giao 4 hồ sơ · "
        f"còn {len(report.at_counter)} hồ sơ tại quầy")


def test_end_of_day_prints_its_report(qtbot, end_of_day, services):
    qtbot.keyClick(end_of_day, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: end_of_day.findChild(PrintPreviewDialog) is not None)
    assert end_of_day.findChild(PrintPreviewDialog).pdf_path.is_file()


def test_end_of_day_of_another_day(end_of_day, services):
    end_of_day.day.setDate(QDate(2026, 11, 30))
    assert end_of_day.report == services.end_of_day(date(2026, 11, 30))
    assert end_of_day.heading.text() == "Tổng kết cuối ngày Thứ Hai, 30/11/2026"
