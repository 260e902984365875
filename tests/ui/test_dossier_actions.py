"""A dossier's life after the receipt, driven from the main window by keyboard: hand-over,
supplement, result, return, apology, withdrawal, and the actions a state does not allow."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from desk_app.core.lifecycle import EventKind, Satisfaction, rescheduled_due
from desk_app.core.model import DossierRow
from desk_app.core.states import DossierState
from desk_app.ui.apology_dialog import ApologyDialog
from desk_app.ui.dossier_table_model import Column, DossierTableModel
from desk_app.ui.handover_dialog import HandoverDialog, ResultReadyDialog
from desk_app.ui.print_preview import PrintPreviewDialog
from desk_app.ui.reason_dialog import ReasonDialog
from desk_app.ui.return_dialog import ReturnDialog
from desk_app.ui.supplement_dialog import SupplementDialog, SupplementReceivedDialog
from tests.ui.conftest import NOW, wait_active

# A box popping up would wait for a click forever: record it instead.
pytestmark = pytest.mark.usefixtures("message_boxes")

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def visible(parent: QWidget, kind: type) -> QWidget:
    shown = [w for w in parent.findChildren(kind) if w.isVisible()]
    assert shown, f"no {kind.__name__} is open"
    return shown[-1]


def select(window, first: int, count: int = 1, *, keyboard=None) -> list[str]:
    """Select `count` rows from row `first`, with Shift+Down as a clerk would."""
    table = window.dossier_list.table
    table.setFocus()
    table.setCurrentIndex(window.dossier_list.proxy.index(first, 0))
    for _ in range(count - 1):
        keyboard.press(Qt.Key.Key_Down, SHIFT)
    return window.dossier_list.selected_uuids()


def back_to(qtbot, window, preview: PrintPreviewDialog) -> None:
    """Close the preview the action opened, as Esc would, and return to the list."""
    preview.reject()
    wait_active(qtbot, window)
    window.dossier_list.table.setFocus()


def hand_over_one(qtbot, window, keyboard, unit="Công an xã", receiver="Phạm Minh Đức"):
    keyboard.press(Qt.Key.Key_G, CTRL)
    wait_active(qtbot, visible(window, HandoverDialog))
    keyboard.type(unit)
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type(receiver)
    keyboard.press(Qt.Key.Key_Return)


def test_a_batch_is_handed_over_by_keyboard_and_its_list_previewed(
        qtbot, counter_window, services, keyboard):
    window = counter_window
    picked = select(window, 0, 3, keyboard=keyboard)
    assert len(picked) == 3

    keyboard.press(Qt.Key.Key_G, CTRL)
    dialog = wait_active(qtbot, visible(window, HandoverDialog))
    assert dialog.findChild(QLabel, "dossier_count").text() == "3 hồ sơ:"
    keyboard.type("Công an xã")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("Phạm Minh Đức")
    keyboard.press(Qt.Key.Key_Return)

    assert {services.dossier(uuid).status for uuid in picked} == {DossierState.PROCESSING}
    handed = [services.history(uuid)[-1] for uuid in picked]
    assert {e.payload["unit"] for e in handed} == {"Công an xã"}
    assert {e.payload["receiver_name"] for e in handed} == {"Phạm Minh Đức"}
    assert len({e.payload["batch_uuid"] for e in handed}) == 1
    preview = visible(window, PrintPreviewDialog)
    assert preview.pdf_path == services.handover_list_pdf(handed[0].payload["batch_uuid"])
    # The batch stays selected, in its new state, and cannot be handed over twice.
    assert set(window.dossier_list.selected_uuids()) == set(picked)
    assert not window.dossier_actions["handover_action"].isEnabled()


def test_one_dossier_handed_over_previews_its_control_slip(
        qtbot, counter_window, services, keyboard):
    [uuid] = select(counter_window, 0)
    hand_over_one(qtbot, counter_window, keyboard)
    preview = visible(counter_window, PrintPreviewDialog)
    assert preview.pdf_path == services.slip_pdf(uuid, "control")


def test_a_handover_without_a_receiver_says_so_beside_the_field(
        qtbot, counter_window, services, keyboard):
    [uuid] = select(counter_window, 0)
    keyboard.press(Qt.Key.Key_G, CTRL)
    dialog = wait_active(qtbot, visible(counter_window, HandoverDialog))
    keyboard.type("Công an xã")
    keyboard.press(Qt.Key.Key_Return)  # picks the unit the list offers
    keyboard.press(Qt.Key.Key_Return)  # records
    assert dialog.isVisible()
    assert dialog.findChild(QLabel, "error_receiver_name").text() == (
        "Nhập họ tên người nhận hồ sơ ở đơn vị.")
    assert dialog.person.hasFocus()
    assert dialog.unit.currentText() == "Công an xã"  # nothing typed is lost
    assert services.dossier(uuid).status is DossierState.RECEIVED


def test_a_batch_with_a_dossier_that_cannot_move_moves_none(
        qtbot, counter_window, services, keyboard):
    window = counter_window
    picked = select(window, 0, 2, keyboard=keyboard)
    services.hand_over([picked[1]], "Công an xã", "Phạm Minh Đức")
    window.dossier_list.refresh()
    assert not window.dossier_actions["handover_action"].isEnabled()

    window.dossier_actions.hand_over()  # as if the menu had not greyed it out
    dialog = wait_active(qtbot, visible(window, HandoverDialog))
    keyboard.type("Công chức Tư pháp - Hộ tịch")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("Lê Văn Tâm")
    keyboard.press(Qt.Key.Key_Return)

    assert dialog.isVisible()
    error = dialog.general_error.text()
    assert error.startswith("Chưa bàn giao hồ sơ nào")
    assert services.dossier(picked[1]).code in error
    assert "Traceback" not in error
    assert services.dossier(picked[0]).status is DossierState.RECEIVED


def test_a_supplement_request_waits_in_state_5_and_previews_form_2(
        qtbot, counter_window, services, keyboard):
    [uuid] = select(counter_window, 0)
    keyboard.press(Qt.Key.Key_B, CTRL)
    dialog = wait_active(qtbot, visible(counter_window, SupplementDialog))
    first = dialog.checklist.item(0)
    assert dialog.checklist.hasFocus() and dialog.checklist.currentItem() is first
    ticked_before = first.checkState()
    keyboard.press(Qt.Key.Key_Space)
    assert first.checkState() != ticked_before
    keyboard.press(Qt.Key.Key_Tab)  # to "other documents"
    keyboard.type("Giấy xác nhận cư trú")
    keyboard.press(Qt.Key.Key_Tab)  # to the reason
    keyboard.type("Bản sao chưa được chứng thực")
    missing = dialog.missing()
    assert "Giấy xác nhận cư trú" in missing
    keyboard.press(Qt.Key.Key_Return, CTRL)

    dossier = services.dossier(uuid)
    assert dossier.status is DossierState.SUPPLEMENT
    request = services.history(uuid)[-1]
    assert request.kind == EventKind.SUPPLEMENT_REQUESTED
    assert request.payload["missing"] == missing
    assert request.payload["reason"] == "Bản sao chưa được chứng thực"
    assert request.payload["contact"] == "Nguyễn Thị Hoa, Trung tâm Phục vụ hành chính công xã Tân Lập"
    preview = visible(counter_window, PrintPreviewDialog)
    assert preview.pdf_path == services.slip_pdf(uuid, "supplement")


def test_a_supplement_request_needs_a_document_and_a_reason(
        qtbot, counter_window, services, keyboard):
    [uuid] = select(counter_window, 0)
    keyboard.press(Qt.Key.Key_B, CTRL)
    dialog = wait_active(qtbot, visible(counter_window, SupplementDialog))
    for row in range(dialog.checklist.count()):
        dialog.checklist.item(row).setCheckState(Qt.CheckState.Unchecked)
    keyboard.press(Qt.Key.Key_Return, CTRL)
    assert dialog.findChild(QLabel, "error_missing").text() == (
        "Đánh dấu hoặc gõ ít nhất một giấy tờ cần bổ sung.")
    assert dialog.findChild(QLabel, "error_reason").isVisible()
    assert services.dossier(uuid).status is DossierState.RECEIVED


def test_the_supplement_brought_moves_the_due_time_and_previews_a_new_receipt(
        qtbot, counter_window, services, keyboard, clock):
    window = counter_window
    [uuid] = select(window, 0)
    services.request_supplement(uuid, ["Bản sao giấy khai sinh"], "Thiếu bản sao", "")
    due_before = services.dossier(uuid).due_at
    clock.now = NOW + timedelta(days=1)  # the applicant comes back the next working day
    window.dossier_list.refresh()
    assert window.dossier_actions["supplemented_action"].isEnabled()

    keyboard.press(Qt.Key.Key_B, CTRL | SHIFT)
    wait_active(qtbot, visible(window, SupplementReceivedDialog))
    keyboard.press(Qt.Key.Key_Tab)  # past the documents brought (all ticked) to the note
    keyboard.type("Đã nộp bản sao")
    keyboard.press(Qt.Key.Key_Return, CTRL)

    dossier = services.dossier(uuid)
    assert dossier.status is DossierState.RECEIVED
    assert dossier.due_at == due_before + timedelta(days=1)  # a whole working day waited
    assert services.history(uuid)[-1].payload["note"] == "Đã nộp bản sao"
    preview = visible(window, PrintPreviewDialog)
    assert preview.pdf_path == services.receipt_pdf(uuid)
    assert window.dossier_list.selected_rows()[0].due_at == dossier.due_at  # the list shows it


def test_result_ready_then_returned_with_the_citizens_satisfaction(
        qtbot, counter_window, services, keyboard):
    window = counter_window
    [uuid] = select(window, 0)
    hand_over_one(qtbot, window, keyboard)
    back_to(qtbot, window, visible(window, PrintPreviewDialog))
    assert not window.dossier_actions["return_action"].isEnabled()

    keyboard.press(Qt.Key.Key_K, CTRL)
    dialog = wait_active(qtbot, visible(window, ResultReadyDialog))
    assert dialog.unit.currentText() == "Công an xã"  # the unit it was handed to
    assert dialog.person.hasFocus()
    keyboard.type("Phạm Minh Đức")
    keyboard.press(Qt.Key.Key_Return)
    assert services.dossier(uuid).status is DossierState.RESULT_READY
    control = visible(window, PrintPreviewDialog)
    assert control.pdf_path == services.slip_pdf(uuid, "control")
    assert len(services.control_rows(uuid)) == 2
    back_to(qtbot, window, control)

    keyboard.press(Qt.Key.Key_T, CTRL)
    dialog = wait_active(qtbot, visible(window, ReturnDialog))
    dossier = services.dossier(uuid)
    assert dialog.collector_name.text() == dossier.applicant.name
    assert dialog.collector_id.text() == dossier.applicant.id_number
    keyboard.press(Qt.Key.Key_1)
    assert dialog.chosen_satisfaction() is Satisfaction.VERY_SATISFIED
    keyboard.press(Qt.Key.Key_Return, CTRL)

    dossier = services.dossier(uuid)
    assert dossier.status is DossierState.RETURNED
    returned = services.history(uuid)[-1].payload
    assert returned["satisfaction"] == 1
    assert returned["collector_name"] == dossier.applicant.name
    assert not returned["authorised"]


def test_an_authorised_collector_needs_an_id_number(qtbot, counter_window, services, keyboard):
    window = counter_window
    [uuid] = select(window, 0)
    services.hand_over([uuid], "Công an xã", "Phạm Minh Đức")
    services.record_result_ready(uuid, "Công an xã", "Phạm Minh Đức")
    window.dossier_list.refresh()
    keyboard.press(Qt.Key.Key_T, CTRL)
    dialog = wait_active(qtbot, visible(window, ReturnDialog))
    dialog.by_authorised.click()
    assert dialog.collector_name.text() == "" and dialog.collector_name.hasFocus()
    keyboard.type("Trần Thị Bích")
    keyboard.press(Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert "CCCD" in dialog.findChild(QLabel, "error_collector_id_number").text()
    assert dialog.collector_name.text() == "Trần Thị Bích"
    assert services.dossier(uuid).status is DossierState.RESULT_READY


def test_impossible_actions_are_greyed_out_and_refused_in_vietnamese(
        qtbot, counter_window, services, keyboard):
    window = counter_window
    [uuid] = select(window, 0)
    actions = window.dossier_actions
    enabled = {name for name, action in actions.actions.items() if action.isEnabled()}
    assert enabled == {"handover_action", "result_ready_action", "supplement_action",
                       "refuse_action", "apology_action", "withdraw_action", "stop_action",
                       "digitise_action"}
    keyboard.press(Qt.Key.Key_T, CTRL)  # greyed out: the shortcut does nothing
    assert not [d for d in window.findChildren(ReturnDialog) if d.isVisible()]

    actions.return_result()  # asked anyway: the services refuse, the dialog explains
    dialog = wait_active(qtbot, visible(window, ReturnDialog))
    keyboard.press(Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert dialog.general_error.text() == (
        "Không thể chuyển hồ sơ từ trạng thái «Được tiếp nhận» sang «Đã trả kết quả».")
    assert services.dossier(uuid).status is DossierState.RECEIVED


def test_several_selected_dossiers_allow_only_the_batch_hand_over(counter_window, keyboard):
    select(counter_window, 0, 2, keyboard=keyboard)
    enabled = {name for name, action in counter_window.dossier_actions.actions.items()
               if action.isEnabled()}
    assert enabled == {"handover_action"}


def test_a_withdrawal_needs_its_reason(qtbot, counter_window, services, keyboard,
                                       message_boxes):
    [uuid] = select(counter_window, 0)
    keyboard.press(Qt.Key.Key_R, CTRL)
    dialog = wait_active(qtbot, visible(counter_window, ReasonDialog))
    assert dialog.objectName() == "withdraw_dialog"
    keyboard.press(Qt.Key.Key_Return, CTRL)
    assert dialog.findChild(QLabel, "error_reason").text() == "Nhập lý do công dân rút hồ sơ."
    assert message_boxes.shown == []  # nothing to ask before there is a reason
    keyboard.type("Công dân có đơn xin rút")
    message_boxes.answers = [QMessageBox.StandardButton.Yes]
    keyboard.press(Qt.Key.Key_Return, CTRL)
    assert message_boxes.shown[0].startswith("Dừng giải quyết hồ sơ của ")
    assert services.dossier(uuid).status is DossierState.WITHDRAWN
    assert services.history(uuid)[-1].payload["reason"] == "Công dân có đơn xin rút"


def test_a_refusal_with_its_reason_previews_form_3(qtbot, counter_window, services, keyboard,
                                                   message_boxes):
    [uuid] = select(counter_window, 0)
    keyboard.press(Qt.Key.Key_R, CTRL | SHIFT)
    dialog = wait_active(qtbot, visible(counter_window, ReasonDialog))
    assert dialog.objectName() == "refusal_dialog"
    keyboard.type("Thủ tục không thuộc thẩm quyền của xã")
    message_boxes.answers = [QMessageBox.StandardButton.Yes]
    keyboard.press(Qt.Key.Key_Return, CTRL)
    assert services.dossier(uuid).status is DossierState.REFUSED
    preview = visible(counter_window, PrintPreviewDialog)
    assert preview.pdf_path == services.slip_pdf(uuid, "refusal")


@pytest.mark.parametrize(("keys", "question"), [
    ((Qt.Key.Key_R, CTRL | SHIFT), "Từ chối tiếp nhận hồ sơ của {name}?"),
    ((Qt.Key.Key_R, CTRL), "Dừng giải quyết hồ sơ của {name} theo yêu cầu của công dân?"),
])
def test_a_refusal_or_withdrawal_asks_first_and_no_keeps_everything(
        qtbot, counter_window, services, keyboard, message_boxes, keys, question):
    """Issue 14, item 11: neither could be undone, and neither asked. The safe answer, No,
    is what Enter and Esc give (the queue's default here)."""
    [uuid] = select(counter_window, 0)
    before = services.dossier(uuid).status
    keyboard.press(*keys)
    dialog = wait_active(qtbot, visible(counter_window, ReasonDialog))
    keyboard.type("Lý do gõ vào")
    keyboard.press(Qt.Key.Key_Return, CTRL)
    name = services.dossier(uuid).applicant.name
    assert message_boxes.shown[0].startswith(question.format(name=name))
    assert "Không hoàn tác được" in message_boxes.shown[0]
    assert services.dossier(uuid).status is before
    assert dialog.isVisible() and dialog.reason.toPlainText() == "Lý do gõ vào"


def test_a_result_settled_at_the_counter_comes_from_the_counter(
        qtbot, counter_window, services, keyboard):
    [uuid] = select(counter_window, 0)
    keyboard.press(Qt.Key.Key_K, CTRL)
    dialog = wait_active(qtbot, visible(counter_window, ResultReadyDialog))
    assert dialog.unit.currentText() == services.counter_setup().unit_name


def test_stop_processing_with_a_reason(qtbot, counter_window, services, keyboard):
    [uuid] = select(counter_window, 0)
    keyboard.press(Qt.Key.Key_D, CTRL)
    wait_active(qtbot, visible(counter_window, ReasonDialog))
    keyboard.type("Theo đề nghị của cơ quan giải quyết")
    keyboard.press(Qt.Key.Key_Return, CTRL)
    assert services.dossier(uuid).status is DossierState.STOPPED


def test_an_apology_shows_the_new_due_time_as_the_days_change(
        qtbot, counter_window, services, keyboard):
    [uuid] = select(counter_window, 0)
    old_due = services.dossier(uuid).due_at
    keyboard.press(Qt.Key.Key_H, CTRL)
    dialog = wait_active(qtbot, visible(counter_window, ApologyDialog))
    dialog.days.setValue(5)
    expected = rescheduled_due(services.calendar(), old_due, 5)
    assert expected.strftime("%d/%m/%Y %H:%M") in dialog.computed_due.text()
    keyboard.type("Cần xác minh thêm tại nơi cư trú trước đây")
    keyboard.press(Qt.Key.Key_Return, CTRL)

    dossier = services.dossier(uuid)
    assert dossier.due_at == expected
    assert dossier.original_due_at == old_due
    preview = visible(counter_window, PrintPreviewDialog)
    assert preview.pdf_path == services.slip_pdf(uuid, "apology")


def test_an_apology_to_a_picked_time_in_the_past_is_refused_beside_the_field(
        qtbot, counter_window, services, keyboard):
    [uuid] = select(counter_window, 0)
    keyboard.press(Qt.Key.Key_H, CTRL)
    dialog = wait_active(qtbot, visible(counter_window, ApologyDialog))
    keyboard.type("Chậm do mất điện")
    dialog.by_date.click()
    dialog.picked.set_value(services.dossier(uuid).due_at - timedelta(days=1))
    dialog.submit()
    assert dialog.isVisible()
    assert "phải sau ngày hẹn cũ" in dialog.findChild(QLabel, "error_new_due_at").text()


def test_the_list_has_the_actions_in_its_context_menu(counter_window):
    names = {a.objectName() for a in counter_window.dossier_list.table.actions()}
    assert {"handover_action", "return_action", "supplement_action", "detail_action"} <= names


def test_every_dossier_action_has_its_own_shortcut(counter_window):
    keys = [a.shortcut().toString() for a in counter_window.dossier_actions.actions.values()]
    assert all(keys) and len(set(keys)) == len(keys)
    taken = {a.shortcut().toString() for a in counter_window.actions()
             if a.objectName() not in counter_window.dossier_actions.actions}
    assert not taken & set(keys)


def test_finished_dossiers_are_judged_by_when_the_result_came():
    def row(status, finished_at):
        return DossierRow("u", "C", "A", "P", NOW - timedelta(days=2), NOW + timedelta(days=1),
                          status, "clerk", finished_at=finished_at)

    model = DossierTableModel()
    model.set_rows([row(DossierState.RESULT_READY, NOW),
                    row(DossierState.RETURNED, NOW + timedelta(days=1, minutes=5)),
                    row(DossierState.RETURNED, None)], NOW)
    texts = [model.data(model.index(r, Column.TIMELINESS)) for r in range(3)]
    assert texts == ["Trước hạn", "Quá hạn", ""]
