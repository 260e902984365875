"""The dossier detail after the receipt: its whole history, its hand-overs, every slip printed
(each reprintable), and the actions its state allows."""

import pytest
from PySide6.QtCore import Qt

from desk_app.core.lifecycle import ResultReturn, Satisfaction
from desk_app.core.states import DossierState
from desk_app.ui.print_preview import PrintPreviewDialog
from desk_app.ui.reason_dialog import ReasonDialog
from tests.ui.conftest import NOW, wait_active

pytestmark = pytest.mark.usefixtures("message_boxes")


@pytest.fixture
def lived(services, counter_window):
    """A dossier handed over, sent back for a supplement, brought back, returned."""
    uuid = services.dossier_rows()[0].uuid
    services.receipt_pdf(uuid)
    services.hand_over([uuid], "Công an xã", "Phạm Minh Đức")
    services.slip_pdf(uuid, "control")
    services.request_supplement(uuid, ["Giấy xác nhận cư trú"], "Thiếu xác nhận", "",
                                giver_name="Phạm Minh Đức")
    services.slip_pdf(uuid, "supplement")
    services.receive_supplement(uuid, "Đã nộp đủ", receiver_name="Phạm Minh Đức")
    services.record_result_ready(uuid, "Công an xã", "Phạm Minh Đức")
    services.return_result(uuid, ResultReturn(
        NOW, "Trần Thị Bích", "025190012345", authorised=True,
        satisfaction=Satisfaction.SATISFIED))
    return uuid


@pytest.fixture
def detail(qtbot, counter_window, lived):
    dialog = counter_window.open_detail(lived)
    return wait_active(qtbot, dialog)


def column(table, c: int) -> list[str]:
    return [table.item(r, c).text() for r in range(table.rowCount())]


def test_every_event_is_listed_with_what_who_and_the_details(detail, services, lived):
    assert column(detail.history_table, 1) == [
        "Tiếp nhận hồ sơ", "Bàn giao xử lý", "Yêu cầu bổ sung, hoàn thiện hồ sơ",
        "Nhận hồ sơ bổ sung", "Nhận kết quả giải quyết", "Trả kết quả",
    ]
    details = column(detail.history_table, 2)
    assert "Đơn vị: Công an xã · Người nhận: Phạm Minh Đức" in details[1]
    assert "Cần bổ sung: Giấy xác nhận cư trú · Lý do: Thiếu xác nhận" in details[2]
    assert details[3].startswith("Hẹn trả: ") and "Ghi chú: Đã nộp đủ" in details[3]
    assert details[5] == ("Người nhận kết quả: Trần Thị Bích (được ủy quyền, CCCD 025190012345)"
                          " · Hài lòng")
    # A demo clerk received it; the logged-in admin did the rest.
    received_by = services.dossier(lived).clerk
    assert column(detail.history_table, 4) == [received_by] + ["Nguyễn Thị Hoa"] * 5
    assert detail.tabs.tabText(1) == "Quá trình xử lý (6)"


def test_a_result_digitised_later_is_listed_with_its_document_pages_and_version(
        qtbot, services, counter_window, lived):
    from desk_app.core.digitisation import Stage
    from tests.services.factories import pdf_bytes

    sha = services.keep_pdf(pdf_bytes(2, "Giấy xác nhận"))
    services.digitise_document(lived, "Giấy xác nhận thường trú", Stage.RESULT, sha)
    detail = wait_active(qtbot, counter_window.open_detail(lived))
    assert column(detail.history_table, 1)[-1] == "Số hóa giấy tờ"
    assert column(detail.history_table, 2)[-1] == (
        "Kết quả giải quyết: Giấy xác nhận thường trú, 2 trang (bản 1)")


def test_the_control_rows_are_shown(detail, services, lived):
    rows = services.control_rows(lived)
    assert detail.control_table.rowCount() == len(rows) == 4
    assert detail.control_table.item(0, 1).text() == "Công an xã – Phạm Minh Đức"


def test_every_slip_printed_is_listed_and_enter_reprints_it(qtbot, detail, services, lived,
                                                          message_boxes):
    slips = services.printed_slips(lived)
    assert column(detail.slips_table, 0) == [
        {"receipt": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
         "control": "Phiếu kiểm soát quá trình giải quyết hồ sơ",
         "supplement": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"}[s.kind]
        for s in slips
    ]
    detail.tabs.setCurrentIndex(3)
    detail.slips_table.setFocus()
    detail.slips_table.setCurrentCell(1, 0)
    qtbot.keyClick(detail.slips_table, Qt.Key.Key_Return)
    preview = detail.findChild(PrintPreviewDialog)
    assert preview is not None and preview.pdf_path == slips[1].path
    assert message_boxes.shown == []  # the Enter that opened it did not print it too


def test_a_returned_dossier_offers_no_action_but_correcting_the_return(detail):
    """Returned today: the return may still be corrected (docs/domain.md, "Correcting a
    mistake"), and its result digitised (services.digitisation); nothing else can happen
    to it."""
    assert detail.state.text() == "Đã trả kết quả"
    assert [name for name, a in detail.actions.actions.items() if a.isVisible()] == [
        "digitise_action", "correct_action"]


def test_an_action_from_the_detail_updates_it_and_the_list(
        qtbot, counter_window, services, keyboard):
    uuid = services.dossier_rows()[1].uuid
    detail = wait_active(qtbot, counter_window.open_detail(uuid))
    shown = {name for name, a in detail.actions.actions.items() if a.isVisible()}
    assert "handover_action" in shown and "return_action" not in shown
    keyboard.press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    wait_active(qtbot, next(d for d in detail.findChildren(ReasonDialog) if d.isVisible()))
    keyboard.type("Theo đề nghị của cơ quan giải quyết")
    keyboard.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert services.dossier(uuid).status is DossierState.STOPPED
    assert detail.state.text() == "Dừng xử lý"
    assert detail.history_table.item(1, 2).text() == "Lý do: Theo đề nghị của cơ quan giải quyết"
    assert counter_window.dossier_list.selected_uuid() == uuid
    assert counter_window.dossier_list.selected_rows()[0].status is DossierState.STOPPED
