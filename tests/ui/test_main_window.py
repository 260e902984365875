import threading
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desk_app.core.clock import VN_TZ
from desk_app.core.model import DossierRow
from desk_app.core.states import DossierState
from desk_app.services.demo import seed
from desk_app.ui.dossier_detail import DossierDetailDialog
from desk_app.ui.dossier_table_model import Column, DossierTableModel, applicant_sort_key
from desk_app.ui.main_window import MainWindow
from desk_app.ui.print_preview import PrintPreviewDialog
from desk_app.ui.receive_form import ReceiveDialog
from desk_app.ui.worker import InlineWorker
from tests.services.factories import full_draft

NOW = datetime(2025, 8, 12, 9, 0, tzinfo=VN_TZ)  # for the model alone, no database


def show_active(qtbot, window):
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


@pytest.fixture
def demo_services(services):
    seed(services)
    return services


@pytest.fixture
def window(qtbot, demo_services, worker):
    return show_active(qtbot, MainWindow(demo_services, worker))


def names(window) -> list[str]:
    model = window.dossier_list.model
    return [model.dossier_row(r).applicant_name for r in range(model.rowCount())]


def cell(window, row: int, column: Column, role=Qt.ItemDataRole.DisplayRole):
    proxy = window.dossier_list.proxy
    return proxy.data(proxy.index(row, column), role)


def select_first_row(qtbot, window):
    table = window.dossier_list.table
    table.setFocus()
    table.setCurrentIndex(window.dossier_list.proxy.index(0, 0))
    return window.dossier_list.selected_uuid()


def test_shows_the_demo_dossiers_newest_first(window, demo_services):
    assert window.dossier_list.proxy.rowCount() == 36
    assert window.findChild(QLabel, "row_count").text().startswith("36 hồ sơ")
    newest = demo_services.dossier_rows(limit=1)[0]
    assert cell(window, 0, Column.CODE) == newest.code
    assert cell(window, 0, Column.RECEIVED) == newest.received_at.strftime("%d/%m/%Y %H:%M")
    assert cell(window, 0, Column.STATE) == "Được tiếp nhận"


def test_title_and_status_bar_say_where_and_who(window):
    assert window.windowTitle() == "Tiếp nhận và trả kết quả – UBND xã Tân Lập"
    assert window.sync_status.text() == "Chưa kết nối máy chủ tỉnh"
    assert window.outbox_count.text() == "36 sự kiện chờ đồng bộ"
    assert window.clerk_label.text() == "Cán bộ: Nguyễn Thị Hoa (Quản trị)"
    assert window.counter_label.text() == "Quầy số 1"


def test_f5_shows_what_was_received_since(qtbot, window, demo_services):
    seed(demo_services, count=2, seed_value=7)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.dossier_list.proxy.rowCount() == 38
    assert window.outbox_count.text() == "38 sự kiện chờ đồng bộ"


def test_refresh_keeps_the_selected_dossier(qtbot, window, demo_services):
    # Sorted otherwise than newest first, which the new ones would come at the top of.
    window.dossier_list.proxy.sort(Column.CODE, Qt.SortOrder.AscendingOrder)
    uuid = select_first_row(qtbot, window)
    seed(demo_services, count=2, seed_value=7)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.dossier_list.selected_uuid() == uuid


def test_filter_without_diacritics_finds_nguyen(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.dossier_list.filter_text.hasFocus()
    qtbot.keyClicks(window.dossier_list.filter_text, "nguyen")
    qtbot.waitUntil(lambda: window.dossier_list.proxy.rowCount() < 36)
    found = names(window)
    assert found and all("Nguyễn" in name for name in found)
    assert window.dossier_list.row_count.text().startswith(f"{len(found)} hồ sơ")


def test_filter_with_no_match_says_so(qtbot, window):
    window.dossier_list.filter_text.setText("khong ai ten nay")
    qtbot.waitUntil(lambda: window.dossier_list.proxy.rowCount() == 0)
    assert window.dossier_list.row_count.text() == "Không có hồ sơ phù hợp"


def test_period_today_shows_only_todays_dossiers(window, demo_services, clock):
    window.dossier_list.period.setCurrentIndex(0)  # Hôm nay
    today = [r for r in demo_services.dossier_rows() if r.received_at.date() == clock.now.date()]
    assert window.dossier_list.proxy.rowCount() == len(today)


def test_overdue_dossiers_stand_out(qtbot, worker, demo_services, clock):
    clock.now += timedelta(days=40)
    window = show_active(qtbot, MainWindow(demo_services, worker))
    window.dossier_list.period.setCurrentIndex(3)  # Tất cả
    assert window.dossier_list.proxy.rowCount() == 36
    assert cell(window, 0, Column.TIMELINESS) == "Quá hạn"
    assert window.dossier_list.row_count.text() == "36 hồ sơ · 36 quá hạn"
    background = cell(window, 0, Column.TIMELINESS, Qt.ItemDataRole.BackgroundRole)
    assert background.color().red() > 150 and background.color().green() < 100


def test_due_today_and_on_track_are_told_apart():
    def row(due: datetime) -> DossierRow:
        return DossierRow("u", "C", "A", "P", NOW - timedelta(days=1), due,
                          DossierState.RECEIVED, "clerk")

    model = DossierTableModel()
    model.set_rows([row(NOW + timedelta(hours=3)), row(NOW + timedelta(days=2)),
                    row(NOW - timedelta(minutes=1))], NOW)
    texts = [model.data(model.index(r, Column.TIMELINESS)) for r in range(3)]
    assert texts == ["Đến hạn hôm nay", "Trong hạn", "Quá hạn"]
    assert model.data(model.index(1, Column.TIMELINESS), Qt.ItemDataRole.BackgroundRole) is None
    model.set_now(NOW + timedelta(hours=4))
    assert model.data(model.index(0, Column.TIMELINESS)) == "Quá hạn"


def click_header(qtbot, window, column: Column) -> None:
    header = window.dossier_list.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_clicking_an_indexed_header_sorts_the_whole_list_by_it(qtbot, window, demo_services):
    # At a million dossiers only the indexed columns sort: the database reads in that order.
    header = window.dossier_list.table.horizontalHeader()
    click_header(qtbot, window, Column.DUE)
    assert header.sortIndicatorSection() == Column.DUE
    descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    shown = [window.dossier_list.model.dossier_row(r) for r in range(36)]
    dues = [row.due_at for row in shown]
    assert dues == sorted(dues, reverse=descending)
    codes = sorted(r.code for r in demo_services.dossier_rows())
    click_header(qtbot, window, Column.CODE)
    descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert [cell(window, r, Column.CODE) for r in range(36)] == (
        codes[::-1] if descending else codes)


def test_a_header_without_an_index_does_not_pretend_to_sort(qtbot, window):
    header = window.dossier_list.table.horizontalHeader()
    click_header(qtbot, window, Column.APPLICANT)
    assert header.sortIndicatorSection() == Column.RECEIVED
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    received = [window.dossier_list.model.dossier_row(r).received_at for r in range(36)]
    assert received == sorted(received, reverse=True)


def test_given_name_sort_key():
    names = ["Trần Văn Bình", "Đặng Thị Ánh", "Nguyễn Văn An", "Lê Thị Đào", "Phạm Văn Dũng"]
    assert sorted(names, key=applicant_sort_key) == [
        "Nguyễn Văn An", "Đặng Thị Ánh", "Trần Văn Bình", "Lê Thị Đào", "Phạm Văn Dũng"]


def test_enter_opens_the_detail_with_the_code(qtbot, window, demo_services):
    uuid = select_first_row(qtbot, window)
    qtbot.keyClick(window.dossier_list.table, Qt.Key.Key_Return)
    detail = window.findChild(DossierDetailDialog)
    assert detail is not None and detail.isVisible()
    dossier = demo_services.dossier(uuid)
    assert detail.code.text() == dossier.code
    assert detail.findChild(type(detail.code), "detail_applicant").text() == dossier.applicant.name
    assert detail.history_table.item(0, 1).text() == "Tiếp nhận hồ sơ"
    assert detail.documents_table.rowCount() == len(dossier.draft.documents)


def test_double_click_opens_the_detail_too(qtbot, window):
    table = window.dossier_list.table
    rect = table.visualRect(window.dossier_list.proxy.index(2, Column.APPLICANT))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    detail = window.findChild(DossierDetailDialog)
    assert detail is not None and detail.code.text() == cell(window, 2, Column.CODE)


def test_enter_in_the_filter_moves_to_the_first_row(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.dossier_list.filter_text, Qt.Key.Key_Return)
    assert window.dossier_list.table.hasFocus()
    assert window.dossier_list.selected_uuid() == window.dossier_list.model.dossier_row(0).uuid


@pytest.mark.parametrize("qr", ["{code}", "https://dongbo.tinh.gov.vn/tra-cuu/{code}?k=0a1b2c3d4e"])
def test_a_scanned_receipt_qr_finds_and_opens_its_dossier(qtbot, window, qr):
    # A receipt's QR code holds the dossier code, or the citizen's lookup link
    # (sync.protocol.lookup_link) once the counter is enrolled; a USB scanner types it and
    # Enter into the search box faster than the search waits for typing to stop.
    code = window.dossier_list.model.dossier_row(5).code
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.dossier_list.filter_text, qr.format(code=code))
    qtbot.keyClick(window.dossier_list.filter_text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.dossier_list.proxy.rowCount() == 1)
    assert cell(window, 0, Column.CODE) == code
    qtbot.keyClick(window.dossier_list.table, Qt.Key.Key_Return)
    detail = window.findChild(DossierDetailDialog)
    assert detail is not None and detail.code.text() == code


def test_ctrl_o_with_nothing_selected_says_what_to_do(qtbot, window):
    window.dossier_list.table.clearSelection()
    window.dossier_list.table.setCurrentIndex(window.dossier_list.proxy.index(-1, -1))
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.findChild(DossierDetailDialog) is None
    assert "Chọn một hồ sơ" in window.statusBar().currentMessage()


def test_ctrl_p_previews_the_kept_receipt(qtbot, window, demo_services):
    uuid = select_first_row(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    preview = window.findChild(PrintPreviewDialog)
    assert preview is not None and preview.pdf_path.is_file()
    assert len(preview.page_labels()) == 2  # two copies: kept, and the applicant's
    assert [s.path for s in demo_services.printed_slips(uuid)] == [preview.pdf_path]


def test_reprint_from_the_detail_lists_the_slip(qtbot, window):
    select_first_row(qtbot, window)
    detail = window.open_detail()
    qtbot.mouseClick(detail.reprint_button, Qt.MouseButton.LeftButton)
    assert detail.findChild(PrintPreviewDialog) is not None
    assert detail.slips_table.rowCount() == 1
    assert detail.slips_table.item(0, 0).text() == "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"


def test_f2_opens_the_receive_form_and_a_received_dossier_is_shown_and_previewed(
        qtbot, window, demo_services):
    qtbot.keyClick(window, Qt.Key.Key_F2)
    form = window.findChild(ReceiveDialog)
    assert form is not None and form.isVisible()
    seed(demo_services, count=1, seed_value=11)
    newest = demo_services.dossier_rows(limit=1)[0]
    pdf = demo_services.receipt_pdf(newest.uuid)
    form.saved.emit(newest.uuid)
    form.received.emit(newest.uuid, str(pdf))
    assert window.dossier_list.proxy.rowCount() == 37
    assert window.dossier_list.selected_uuid() == newest.uuid
    preview = form.findChild(PrintPreviewDialog)
    assert preview is not None and preview.pdf_path == pdf


def test_language_choice_is_saved_for_next_start(window, demo_services, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    window.language_actions["en"].trigger()
    assert demo_services.language() == "en"
    assert "English" in told[0]


def test_every_menu_action_has_a_shortcut(window):
    for action in (window.receive_action, window.detail_action, window.reprint_action,
                   window.refresh_action, window.find_action, window.quit_action,
                   window.setup_action):
        assert not action.shortcut().isEmpty(), action.objectName()


def test_closing_waits_for_queued_saves(qtbot, demo_services):
    class RecordingWorker(InlineWorker):
        stopped = False

        def shutdown(self) -> None:
            self.stopped = True

    worker = RecordingWorker()
    window = show_active(qtbot, MainWindow(demo_services, worker))
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert worker.stopped and not window.isVisible()


def test_a_change_made_on_another_thread_reloads_the_list_without_f5(qtbot, window,
                                                                    demo_services):
    """What the sync thread records (or any use case on another thread) is announced, and the
    window reloads from that announcement, queued onto the GUI thread."""
    thread = threading.Thread(target=lambda: demo_services.receive(
        full_draft(demo_services, name="Lò Văn Páo"), accept_warnings=True))
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: "Lò Văn Páo" in names(window))
    assert window.dossier_list.proxy.rowCount() == 37
    assert window.outbox_count.text() == "37 sự kiện chờ đồng bộ"


def test_a_closed_window_stops_listening(qtbot, demo_services, worker):
    window = MainWindow(demo_services, worker)
    listening = len(demo_services.ctx.listeners)
    window.deleteLater()
    qtbot.waitUntil(lambda: len(demo_services.ctx.listeners) == listening - 1)
