import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desk_app.core.changes import CATALOGUE
from desk_app.core.model import DeliveryMethod
from desk_app.core.states import DossierState
from desk_app.printing import PrintingError
from desk_app.services import printouts as services_module
from desk_app.services.app import Services
from desk_app.ui.receive_form import ReceiveDialog
from desk_app.ui.worker import InlineWorker
from tests.accounts import ADMIN_NAME, ADMIN_USERNAME, PASSWORD

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No

LINE = (
    "001090012345|123456789|Nguyễn Văn An|15031990|Nam|"
    "Số 12, thôn Đông, xã Tân Lập, tỉnh Phú Thọ|20042021"
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


class DeferredWorker:
    """Holds jobs until the test runs them, as the real worker thread would."""

    def __init__(self) -> None:
        self.jobs = []

    def run(self, fn, on_done=None, on_error=None) -> None:
        self.jobs.append((fn, on_done, on_error))

    def finish(self) -> None:
        while self.jobs:
            InlineWorker().run(*self.jobs.pop(0))


@pytest.fixture
def open_form(activate, services, worker):
    """Opens receive forms; at the end closes them without the "discard?" question (which
    pytest-qt's own closing would ask, with no one to answer it)."""
    opened = []

    def open_(services=services, worker=worker) -> ReceiveDialog:
        dialog = ReceiveDialog(services, worker)
        opened.append(dialog)
        return activate(dialog)

    yield open_
    for dialog in opened:
        dialog.done(QDialog.DialogCode.Rejected)
        dialog.deleteLater()


@pytest.fixture
def dialog(open_form):
    return open_form()


@pytest.fixture
def received(dialog):
    got = []
    dialog.received.connect(lambda uuid, path: got.append((uuid, path)))
    return got


def w(dialog: QDialog, name: str) -> QWidget:
    widget = dialog.findChild(QWidget, name)
    assert widget is not None, name
    return widget


def focused() -> str:
    return QApplication.focusWidget().objectName()


def message(dialog: QDialog, field: str) -> str:
    """The message shown under a field, or "" when it shows none."""
    label = w(dialog, "error_" + field.replace(".", "_"))
    return label.text() if label.isVisible() else ""


def fill(dialog, keyboard, name: str, text: str) -> None:
    """Click into a field (select what it holds), type, and leave it with Tab."""
    w(dialog, name).setFocus()
    keyboard.press(Key.Key_A, CTRL)
    keyboard.type(text)
    keyboard.press(Key.Key_Tab)


def fill_dossier(dialog, keyboard, *, name="Nguyễn Văn An", phone="0912345678", tick=True):
    fill(dialog, keyboard, "procedure", "1.004222")
    fill(dialog, keyboard, "applicant_name", name)
    fill(dialog, keyboard, "id_number", "001090012345")
    fill(dialog, keyboard, "birth_date", "15031990")
    fill(dialog, keyboard, "phone", phone)
    fill(dialog, keyboard, "address", "Số 12, thôn Đông, xã Tân Lập")
    fill(dialog, keyboard, "request", "Đăng ký thường trú")
    if tick:
        w(dialog, "documents").setFocus()
        keyboard.press(Key.Key_Space)
        keyboard.press(Key.Key_Down)
        keyboard.press(Key.Key_Space)


# --- (a) a whole dossier by keyboard -----------------------------------------------------------


def test_a_whole_dossier_received_by_keyboard_only(dialog, keyboard, services, received):
    assert focused() == "procedure"
    keyboard.type("thuong tru")
    keyboard.press(Key.Key_Tab)
    assert w(dialog, "procedure").currentText() == "1.004222 – Đăng ký thường trú"
    assert focused() == "applicant_type"
    keyboard.press(Key.Key_Tab)
    keyboard.type("Nguyễn Văn An")
    keyboard.press(Key.Key_Tab)
    keyboard.type("001090012345")
    keyboard.press(Key.Key_Tab)
    keyboard.type("15031990")
    keyboard.press(Key.Key_Tab)
    assert w(dialog, "birth_date").text() == "15/03/1990"
    keyboard.type("N")
    assert w(dialog, "sex").currentText() == "Nam"
    keyboard.press(Key.Key_Tab)
    keyboard.type("0912 345 678")
    keyboard.press(Key.Key_Return)  # Enter moves on like Tab
    assert focused() == "email"
    keyboard.press(Key.Key_Tab)
    keyboard.type("Số 12, thôn Đông, xã Tân Lập")
    keyboard.press(Key.Key_Tab)
    keyboard.type("Đăng ký thường trú cho cả gia đình")
    keyboard.press(Key.Key_Tab)
    assert focused() == "sets"
    keyboard.press(Key.Key_Tab)
    assert focused() == "documents"
    assert w(dialog, "documents_summary").text() == "Thiếu 2 giấy tờ bắt buộc"
    keyboard.press(Key.Key_Space)
    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_Space)
    assert w(dialog, "documents_summary").text() == "Đã đủ giấy tờ bắt buộc"
    keyboard.press(Key.Key_S, CTRL)

    [row] = services.dossier_rows()
    assert row.applicant_name == "Nguyễn Văn An"
    assert unicodedata.is_normalized("NFC", row.applicant_name)
    assert received == [(row.uuid, received[0][1])]
    assert Path(received[0][1]).is_file()
    assert w(dialog, "result_label").text() == f"Đã tiếp nhận hồ sơ {row.code}"
    dossier = services.dossier(row.uuid)
    assert dossier.applicant.phone == "0912345678"
    assert [d.provided for d in dossier.draft.documents] == [True, True, False]
    assert dossier.draft.fee == 20000
    # Ready for the next citizen of the same procedure.
    assert w(dialog, "applicant_name").text() == ""
    assert w(dialog, "procedure").currentText() == "1.004222 – Đăng ký thường trú"
    assert focused() == "applicant_name"
    assert not any(message(dialog, key) for key in ("applicant.name", "applicant.phone"))


def test_procedures_are_found_by_code_or_name_without_diacritics(dialog):
    picker = w(dialog, "procedure")
    completer = picker.completer()
    for typed in ("dang ky khai sinh", "khai sinh", "1.0011", "ĐĂNG KÝ KHAI SINH"):
        completer.setCompletionPrefix(typed)
        found = [
            completer.completionModel().index(row, 0).data()
            for row in range(completer.completionCount())
        ]
        assert "1.001193 – Đăng ký khai sinh" in found, typed


def test_ambiguous_procedure_text_asks_to_choose_and_is_kept(dialog, keyboard):
    keyboard.type("khai sinh")
    keyboard.press(Key.Key_Tab)
    assert w(dialog, "procedure").currentText() == "khai sinh"
    assert "khớp với 2 thủ tục" in message(dialog, "procedure")
    fill(dialog, keyboard, "procedure", "khong co thu tuc nay")
    assert "Không có thủ tục nào khớp" in message(dialog, "procedure")


def test_the_due_time_if_received_now_is_shown(dialog, keyboard, services):
    fill(dialog, keyboard, "procedure", "1.004222")
    due = services.due_if_received_now("1.004222")
    text = w(dialog, "processing_time").text()
    assert "07 ngày làm việc" in text
    assert f"Hẹn trả: {due:%H} giờ {due:%M} phút, ngày {due:%d/%m/%Y}" in text
    assert w(dialog, "fee").value() == 20000


# --- (b), (c) the scanner ----------------------------------------------------------------------


def assert_filled_from_card(dialog):
    assert w(dialog, "id_number").text() == "001090012345"
    assert w(dialog, "applicant_name").text() == "Nguyễn Văn An"
    assert w(dialog, "birth_date").text() == "15/03/1990"
    assert w(dialog, "sex").currentText() == "Nam"
    assert w(dialog, "address").text() == "Số 12, thôn Đông, xã Tân Lập, tỉnh Phú Thọ"
    assert w(dialog, "applicant_type").currentText() == "Công dân"
    assert w(dialog, "result_label").text() == "Đã đọc CCCD của Nguyễn Văn An."
    assert focused() == "phone"


def scan(keyboard, line=LINE):
    keyboard.type(line)
    keyboard.press(Key.Key_Return)


def test_a_scan_into_the_name_field_fills_the_applicant(dialog, keyboard):
    w(dialog, "applicant_name").setFocus()
    keyboard.type("Ng")
    scan(keyboard)
    assert_filled_from_card(dialog)


def test_a_scan_into_the_request_leaves_the_request_as_typed(dialog, keyboard):
    fill(dialog, keyboard, "request", "Đăng ký thường trú")
    w(dialog, "request").setFocus()
    scan(keyboard)
    assert_filled_from_card(dialog)
    assert w(dialog, "request").toPlainText() == "Đăng ký thường trú"


def test_a_scan_while_on_the_sets_spin_box_leaves_the_number(dialog, keyboard):
    fill(dialog, keyboard, "sets", "3")
    w(dialog, "sets").setFocus()
    scan(keyboard)
    assert_filled_from_card(dialog)
    assert w(dialog, "sets").value() == 3
    assert w(dialog, "sets").text() == "3"


def test_a_scan_in_the_documents_table_changes_no_tick(dialog, keyboard):
    fill(dialog, keyboard, "procedure", "1.004222")
    w(dialog, "documents").setFocus()
    keyboard.press(Key.Key_Space)
    before = w(dialog, "documents").lines()
    scan(keyboard)
    assert_filled_from_card(dialog)
    assert w(dialog, "documents").lines() == before


def test_a_scan_in_the_procedure_box_keeps_the_procedure(dialog, keyboard):
    fill(dialog, keyboard, "procedure", "1.004222")
    w(dialog, "procedure").setFocus()
    scan(keyboard)
    assert_filled_from_card(dialog)
    assert w(dialog, "procedure").currentText() == "1.004222 – Đăng ký thường trú"
    assert QApplication.activePopupWidget() is None


def test_a_malformed_scan_says_why_and_loses_nothing(dialog, keyboard):
    fill(dialog, keyboard, "applicant_name", "Trần Thị Bình")
    fill(dialog, keyboard, "phone", "0912345678")
    w(dialog, "applicant_name").setFocus()
    scan(keyboard, "001090012345|123456789|Nguyễn Văn An|1503199|Nam|Số 12|20042021")
    text = message(dialog, "applicant.id_number")
    assert text.startswith("Không đọc được mã QR trên CCCD.")
    assert "Ngày sinh trong mã QR" in text
    assert w(dialog, "applicant_name").text() == "Trần Thị Bình"
    assert w(dialog, "phone").text() == "0912345678"
    assert w(dialog, "id_number").text() == ""
    assert focused() == "applicant_name"
    # Typing the number by hand clears the scanner's complaint.
    fill(dialog, keyboard, "id_number", "001090012345")
    assert message(dialog, "applicant.id_number") == ""


def test_an_id_number_contradicting_the_birth_year_and_sex_warns(dialog, keyboard):
    fill(dialog, keyboard, "id_number", "001090012345")
    fill(dialog, keyboard, "birth_date", "15/03/1985")
    w(dialog, "sex").setFocus()
    keyboard.type("N")
    keyboard.press(Key.Key_Down)  # Nữ
    text = message(dialog, "applicant.id_number")
    assert "sinh năm 1990" in text
    assert "giới tính Nam" in text


# --- (d) validation messages -------------------------------------------------------------------


def test_required_messages_wait_until_the_field_is_left(dialog, keyboard):
    fill(dialog, keyboard, "procedure", "1.004222")
    keyboard.press(Key.Key_Tab)  # applicant type → name, not left yet
    assert focused() == "applicant_name"
    assert message(dialog, "applicant.name") == ""
    assert message(dialog, "applicant.phone") == ""
    keyboard.press(Key.Key_Tab)
    assert message(dialog, "applicant.name") == "Nhập họ và tên người nộp hồ sơ."
    assert message(dialog, "applicant.phone") == ""


def test_a_bad_phone_is_explained_beside_it_and_blocks_saving(dialog, keyboard, services):
    fill_dossier(dialog, keyboard, phone="09123")
    assert "Số điện thoại chưa đúng" in message(dialog, "applicant.phone")
    assert w(dialog, "error_applicant_phone").styleSheet() == "color: #c62828;"
    keyboard.press(Key.Key_S, CTRL)
    assert services.dossier_rows() == []
    assert focused() == "phone"
    assert w(dialog, "phone").text() == "09123"
    assert w(dialog, "applicant_name").text() == "Nguyễn Văn An"
    assert w(dialog, "request").toPlainText() == "Đăng ký thường trú"
    # Fixed, the message goes away when the field is left.
    fill(dialog, keyboard, "phone", "0912345678")
    assert message(dialog, "applicant.phone") == ""


def test_a_date_that_is_not_one_is_explained(dialog, keyboard):
    fill(dialog, keyboard, "birth_date", "31021990")
    assert message(dialog, "applicant.birth_date") == "Không có ngày 31021990 trong lịch."
    assert w(dialog, "birth_date").text() == "31021990"
    fill(dialog, keyboard, "birth_date", "1990")
    assert "ngày/tháng/năm" in message(dialog, "applicant.birth_date")


def test_save_shows_every_error_and_focuses_the_first(dialog, keyboard, services):
    fill(dialog, keyboard, "applicant_name", "Nguyễn Văn An")
    keyboard.press(Key.Key_S, CTRL)
    assert services.dossier_rows() == []
    assert message(dialog, "procedure") == "Chọn thủ tục hành chính trong danh mục."
    assert message(dialog, "applicant.id_number")
    assert message(dialog, "applicant.phone")
    assert message(dialog, "applicant.address")
    assert focused() == "procedure"


# --- (e) warnings ------------------------------------------------------------------------------


def test_missing_documents_ask_first_then_save_when_accepted(
        dialog, keyboard, services, message_boxes, received):
    fill_dossier(dialog, keyboard, tick=False)
    message_boxes.answers = [NO, YES]
    keyboard.press(Key.Key_S, CTRL)
    assert services.dossier_rows() == []
    assert "Thiếu giấy tờ bắt buộc" in message_boxes.shown[0]
    assert message_boxes.shown[0].endswith("ghi việc thiếu giấy tờ trên giấy tiếp nhận?")
    assert w(dialog, "applicant_name").text() == "Nguyễn Văn An"
    keyboard.press(Key.Key_S, CTRL)  # YES: received as it is, the override recorded
    [row] = services.dossier_rows()
    assert received[0][0] == row.uuid
    assert len(message_boxes.shown) == 2
    [event] = services.history(row.uuid)
    assert event.payload["missing_override"]["clerk"] == services.current_account().full_name
    assert event.payload["missing_override"]["documents"]


def test_missing_documents_may_take_the_supplement_path(
        dialog, keyboard, services, message_boxes, received):
    fill_dossier(dialog, keyboard, tick=False)
    message_boxes.answers = [QMessageBox.StandardButton.Apply]
    keyboard.press(Key.Key_S, CTRL)
    [row] = services.dossier_rows()
    assert row.status is DossierState.SUPPLEMENT
    assert [e.kind for e in services.history(row.uuid)] == ["received", "supplement_requested"]
    assert received[0][1] == str(services.slip_pdf(row.uuid, "supplement"))


# --- (f) decomposed text -----------------------------------------------------------------------


def test_a_decomposed_name_is_stored_composed(dialog, keyboard, services):
    fill_dossier(dialog, keyboard, name=nfd("Đặng Thị Ánh Nguyệt"))
    keyboard.press(Key.Key_S, CTRL)
    [row] = services.dossier_rows()
    assert row.applicant_name == "Đặng Thị Ánh Nguyệt"
    assert unicodedata.is_normalized("NFC", services.dossier(row.uuid).draft.request)


# --- (g) no double receive ---------------------------------------------------------------------


def test_a_second_ctrl_s_while_saving_is_ignored(open_form, services, keyboard):
    worker = DeferredWorker()
    dialog = open_form(worker=worker)
    worker.finish()  # the procedures and the calendar the form loads when it opens
    fill_dossier(dialog, keyboard)
    worker.finish()  # the reuse offers looked up for the ID number typed
    keyboard.press(Key.Key_S, CTRL)
    keyboard.press(Key.Key_S, CTRL)
    w(dialog, "save_button").click()
    assert len(worker.jobs) == 1
    assert not w(dialog, "save_button").isEnabled()
    dialog.reject()  # closing is refused while saving
    assert dialog.isVisible()
    worker.finish()
    assert len(services.dossier_rows()) == 1
    assert w(dialog, "save_button").isEnabled()


def test_the_form_is_locked_while_saving_and_a_scan_waits(open_form, services, keyboard):
    worker = DeferredWorker()
    dialog = open_form(worker=worker)
    worker.finish()  # the procedures and the calendar the form loads when it opens
    fill_dossier(dialog, keyboard)
    keyboard.press(Key.Key_S, CTRL)
    assert not w(dialog, "applicant_name").isEnabled()
    w(dialog, "clear_button").setFocus()
    scan(keyboard, LINE.replace("Nguyễn Văn An", "Lê Thị Hạnh").replace("0010900", "0011900"))
    assert w(dialog, "result_label").text() == "Đang lưu hồ sơ trước; quét lại thẻ khi lưu xong."
    worker.finish()
    [row] = services.dossier_rows()
    assert row.applicant_name == "Nguyễn Văn An"
    assert w(dialog, "applicant_name").isEnabled()
    assert focused() == "applicant_name"


def test_ctrl_s_twice_receives_once(dialog, keyboard, services):
    fill_dossier(dialog, keyboard)
    keyboard.press(Key.Key_S, CTRL)
    keyboard.press(Key.Key_S, CTRL)
    assert len(services.dossier_rows()) == 1
    # The second press met an empty form: no red messages for the next citizen.
    assert not any(message(dialog, key) for key in ("applicant.name", "applicant.phone"))


# --- (i) failures after and before saving ------------------------------------------------------


def test_a_receipt_that_cannot_be_rendered_still_leaves_the_dossier_saved(
        dialog, keyboard, services, message_boxes, received, monkeypatch):
    def no_font(*args, **kwargs):
        raise PrintingError("Không tìm thấy phông chữ «LiberationSerif-Regular.ttf».")

    monkeypatch.setattr(services_module, "render_receipt", no_font)
    saved = []
    dialog.saved.connect(saved.append)
    fill_dossier(dialog, keyboard)
    keyboard.press(Key.Key_S, CTRL)
    [row] = services.dossier_rows()
    assert saved == [row.uuid]
    assert received == []
    [shown] = message_boxes.shown
    assert shown == (
        f"Hồ sơ đã được lưu với mã {row.code}, nhưng chưa in được phiếu: Không tìm thấy "
        "phông chữ «LiberationSerif-Regular.ttf». Có thể in lại từ danh sách."
    )
    assert w(dialog, "result_label").text() == shown
    assert w(dialog, "applicant_name").text() == ""  # saved: the next citizen can come


@pytest.fixture
def not_set_up(tmp_path):
    services = Services(tmp_path / "fresh")
    services.create_first_admin(ADMIN_USERNAME, ADMIN_NAME, PASSWORD)  # an admin, no setup
    yield services
    services.close()


def test_a_service_error_is_shown_and_the_form_kept(open_form, not_set_up, keyboard,
                                                    message_boxes):
    dialog = open_form(services=not_set_up)
    fill_dossier(dialog, keyboard)
    keyboard.press(Key.Key_S, CTRL)
    assert "Quầy chưa được thiết lập" in message_boxes.shown[0]
    assert w(dialog, "applicant_name").text() == "Nguyễn Văn An"
    assert w(dialog, "save_button").isEnabled()


# --- delivery, clearing, closing ---------------------------------------------------------------


def test_postal_delivery_takes_the_applicant_details_with_ctrl_d(dialog, keyboard, services):
    assert not w(dialog, "delivery_recipient").isEnabled()
    fill_dossier(dialog, keyboard)
    keyboard.press(Key.Key_D, CTRL)
    assert w(dialog, "delivery").currentText() == "Qua bưu chính"
    assert w(dialog, "delivery_recipient").isEnabled()
    assert w(dialog, "delivery_recipient").text() == "Nguyễn Văn An"
    assert w(dialog, "delivery_address").text() == "Số 12, thôn Đông, xã Tân Lập"
    keyboard.press(Key.Key_S, CTRL)
    [row] = services.dossier_rows()
    delivery = services.dossier(row.uuid).draft.delivery
    assert delivery.method is DeliveryMethod.POST
    assert delivery.phone == "0912345678"


def test_postal_delivery_needs_a_recipient(dialog, keyboard, services):
    fill_dossier(dialog, keyboard)
    w(dialog, "delivery").setFocus()
    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_S, CTRL)
    assert services.dossier_rows() == []
    assert message(dialog, "delivery.recipient") == "Nhập tên người nhận kết quả qua bưu điện."
    assert focused() == "delivery_recipient"


def test_clearing_asks_when_something_was_typed(dialog, keyboard, message_boxes):
    fill(dialog, keyboard, "procedure", "1.004222")
    fill(dialog, keyboard, "applicant_name", "Nguyễn Văn An")
    message_boxes.answers = [NO]
    keyboard.press(Key.Key_N, CTRL)
    assert w(dialog, "applicant_name").text() == "Nguyễn Văn An"
    message_boxes.answers = [YES]
    keyboard.press(Key.Key_N, CTRL)
    assert w(dialog, "applicant_name").text() == ""
    assert w(dialog, "procedure").currentText() == "1.004222 – Đăng ký thường trú"
    assert len(message_boxes.shown) == 2


def test_escape_asks_before_discarding_typed_data(dialog, keyboard, message_boxes):
    fill(dialog, keyboard, "applicant_name", "Nguyễn Văn An")
    message_boxes.answers = [NO]
    keyboard.press(Key.Key_Escape)
    assert dialog.isVisible()
    assert w(dialog, "applicant_name").text() == "Nguyễn Văn An"
    message_boxes.answers = [YES]
    keyboard.press(Key.Key_Escape)
    assert not dialog.isVisible()


def test_escape_on_an_empty_form_just_closes(dialog, keyboard, message_boxes):
    keyboard.press(Key.Key_Escape)
    assert not dialog.isVisible()
    assert message_boxes.shown == []


def test_the_tab_order_follows_the_paper_form(dialog, keyboard):
    order = []
    for _ in range(23):
        order.append(focused())
        keyboard.press(Key.Key_Tab)
    assert order == [
        "procedure", "applicant_type", "applicant_name", "id_number", "birth_date", "sex",
        "phone", "email", "address", "request", "sets", "documents", "channel", "delivery",
        "copy_applicant_button", "fee", "notes", "save_button", "refuse_button",
        "clear_button", "close_button", "procedure", "applicant_type",
    ]


def test_a_procedure_is_picked_from_the_completer_with_arrows_and_enter(dialog, keyboard):
    keyboard.type("khai sinh")
    assert QApplication.activePopupWidget() is not None
    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_Return)
    assert w(dialog, "procedure").currentText() == "1.004884 – Đăng ký lại khai sinh"
    assert w(dialog, "documents").rowCount() == 3
    assert focused() == "procedure"


def test_enter_moves_on_like_tab_except_in_the_text_boxes(dialog, keyboard):
    keyboard.type("thuong tru")
    keyboard.press(Key.Key_Return)  # closes the completer list
    keyboard.press(Key.Key_Return)
    assert w(dialog, "procedure").currentText() == "1.004222 – Đăng ký thường trú"
    visited = [focused()]
    for _ in range(9):
        keyboard.press(Key.Key_Return)
        visited.append(focused())
    assert visited == [
        "applicant_type", "applicant_name", "id_number", "birth_date", "sex", "phone",
        "email", "address", "request", "request",
    ]
    assert w(dialog, "request").toPlainText() == "\n"


def test_a_count_is_edited_with_f2_and_space_ticks_from_any_column(qtbot, dialog, keyboard):
    fill(dialog, keyboard, "procedure", "1.004222")
    table = w(dialog, "documents")
    table.setFocus()
    table.setCurrentCell(0, 2)  # originals of the first document
    keyboard.press(Key.Key_F2)
    keyboard.press(Key.Key_A, CTRL)
    keyboard.type("2")
    keyboard.press(Key.Key_Return)
    qtbot.wait(10)  # the delegate commits the editor through a queued call
    keyboard.press(Key.Key_Space)
    first = table.lines()[0]
    assert (first.provided, first.originals) == (True, 2)
    assert focused() == "documents"


def test_what_the_clerk_typed_before_the_procedures_came_stays(open_form, keyboard):
    """The list comes from the worker, which may be busy (a year's ledger being printed): the
    clerk who starts typing meanwhile keeps every letter."""
    worker = DeferredWorker()
    dialog = open_form(worker=worker)
    w(dialog, "procedure").setFocus()
    keyboard.type("1.004222")
    worker.finish()
    assert w(dialog, "procedure").currentText() == "1.004222"
    keyboard.press(Key.Key_Tab)
    assert dialog._form.procedure.code() == "1.004222"


def test_a_catalogue_change_keeps_the_chosen_procedure_and_the_ticks(open_form, keyboard,
                                                                     services):
    dialog = open_form()
    fill_dossier(dialog, keyboard)
    ticked = dialog._form.draft().documents
    dialog.data_changed(CATALOGUE)
    assert dialog._form.procedure.code() == "1.004222"
    assert dialog._form.draft().documents == ticked


# --- (g) refusal at the counter ------------------------------------------------------------------


def test_ctrl_shift_r_refuses_at_the_counter_without_a_code(
        qtbot, dialog, keyboard, services, message_boxes):
    from desk_app.ui.reason_dialog import ReasonDialog
    from tests.ui.conftest import wait_active

    refused = []
    dialog.refused.connect(lambda uuid, path: refused.append((uuid, path)))
    fill(dialog, keyboard, "procedure", "1.004222")
    fill(dialog, keyboard, "applicant_name", "Nguyễn Văn An")
    keyboard.press(Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    reason = wait_active(qtbot, next(d for d in dialog.findChildren(ReasonDialog)
                                     if d.isVisible()))
    assert reason.objectName() == "counter_refusal_dialog"
    keyboard.press(Key.Key_Return, CTRL)  # no reason yet: asked for, nothing recorded
    assert services.dossier_rows() == []
    keyboard.type("Không thuộc thẩm quyền của xã")
    message_boxes.answers = [YES]
    keyboard.press(Key.Key_Return, CTRL)
    assert message_boxes.shown[0].startswith("Từ chối tiếp nhận hồ sơ của Nguyễn Văn An?")
    [row] = services.dossier_rows()
    assert row.status is DossierState.REFUSED and row.code == ""
    assert services.dossier(row.uuid).ledger is None
    assert services.history(row.uuid)[-1].payload["reason"] == "Không thuộc thẩm quyền của xã"
    qtbot.waitUntil(lambda: refused != [])
    assert refused == [(row.uuid, str(services.slip_pdf(row.uuid, "refusal")))]
    assert w(dialog, "applicant_name").text() == ""  # ready for the next citizen


def test_the_detail_of_a_dossier_refused_at_the_counter_shows_no_code_or_due_time(
        qtbot, services, worker):
    from PySide6.QtWidgets import QLabel

    from desk_app.ui.dossier_detail import DossierDetailDialog
    from tests.services.factories import full_draft

    refused = services.refuse_at_counter(full_draft(services), "Không thuộc thẩm quyền")
    detail = DossierDetailDialog(services, worker, refused.uuid)
    qtbot.addWidget(detail)
    assert detail.findChild(QLabel, "detail_due").text() == (
        "Không có (từ chối tiếp nhận tại quầy)")
    assert detail.findChild(QLabel, "detail_code").text() == "Chưa cấp mã (từ chối tại quầy)"


def test_a_name_longer_than_the_slips_print_is_refused_beside_the_field(
        dialog, keyboard, services):
    """Issue 14, item 11: a 147-character name was accepted; the field says the limit."""
    assert "tối đa 60 ký tự" in w(dialog, "applicant_name").placeholderText()
    too_long = ("Nguyễn Văn An " * 11)[:146] + "h"
    fill_dossier(dialog, keyboard, name=too_long)
    keyboard.press(Key.Key_S, CTRL)
    assert services.dossier_rows() == []
    assert message(dialog, "applicant.name").startswith(
        "Tên dài 147 ký tự; phiếu in được tối đa 60 ký tự.")
    assert w(dialog, "applicant_name").text() == too_long  # nothing typed is lost


def test_the_cards_message_goes_when_it_no_longer_describes_the_form(
        dialog, keyboard, message_boxes):
    """Issue 14, item 11: "Đã đọc CCCD của …" stayed under a form that held someone else."""
    w(dialog, "applicant_name").setFocus()
    scan(keyboard)
    assert w(dialog, "result_label").text().startswith("Đã đọc CCCD của")
    fill(dialog, keyboard, "id_number", "001190012345")  # another person's number, by hand
    assert w(dialog, "result_label").text() == ""

    scan(keyboard)
    assert w(dialog, "result_label").text().startswith("Đã đọc CCCD của")
    message_boxes.answers = [QMessageBox.StandardButton.Yes]
    keyboard.press(Key.Key_N, CTRL)  # a new dossier: the form and its footer start empty
    assert w(dialog, "applicant_name").text() == ""
    assert w(dialog, "result_label").text() == ""


# --- digitisation (issue 16) -------------------------------------------------------------------


def digitisation_cell(dialog, row: int) -> str:
    from desk_app.ui.documents_table import DIGITISED

    return w(dialog, "documents").item(row, DIGITISED).text()


def test_f4_changes_a_line_s_digitisation_and_the_dossier_records_it(
        dialog, keyboard, services, received):
    fill_dossier(dialog, keyboard)
    assert focused() == "documents" and w(dialog, "documents").currentRow() == 1
    assert digitisation_cell(dialog, 1) == "Chưa số hóa"
    keyboard.press(Key.Key_F4)  # nothing scanned nor offered: shown only, then exempt
    assert digitisation_cell(dialog, 1) == "Chỉ xuất trình"
    keyboard.press(Key.Key_F4)
    assert digitisation_cell(dialog, 1) == "Không phải số hóa"
    keyboard.press(Key.Key_F4)
    keyboard.press(Key.Key_F4)
    assert digitisation_cell(dialog, 1) == "Chỉ xuất trình"
    keyboard.press(Key.Key_S, CTRL)
    [row] = services.dossier_rows()
    lines = services.dossier(row.uuid).draft.documents
    assert [line.digitisation.value for line in lines] == ["", "shown", ""]


def test_a_scan_kept_through_the_hook_shows_its_pages_and_goes_into_the_event(
        dialog, keyboard, services, received):
    from tests.services.factories import pdf_bytes

    asked = []
    w(dialog, "documents").scan_requested.connect(asked.append)
    fill_dossier(dialog, keyboard, tick=False)
    w(dialog, "documents").setFocus()
    keyboard.press(Key.Key_F3)
    assert asked == [0]
    pdf = pdf_bytes(3)
    dialog.digitise_line(0, lambda: pdf, 3)
    assert digitisation_cell(dialog, 0) == "Đã quét 3 trang"
    assert w(dialog, "documents").lines()[0].provided  # a scanned paper was handed in
    w(dialog, "documents").setFocus()
    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_Space)
    keyboard.press(Key.Key_S, CTRL)
    [row] = services.dossier_rows()
    [event] = services.history(row.uuid)
    assert event.payload["files"] == [services.keep_pdf(pdf)]
    assert event.payload["documents"][0]["pages"] == 3


def test_an_earlier_digitised_document_of_the_same_id_number_is_offered_for_reuse(
        dialog, keyboard, services, received):
    from dataclasses import replace

    from desk_app.core.model import Digitisation
    from tests.services.factories import full_draft, pdf_bytes

    earlier = full_draft(services)
    first = replace(earlier.documents[0], digitisation=Digitisation.SCANNED,
                    file=services.keep_pdf(pdf_bytes(2, "CT01")), pages=2)
    before = services.receive(replace(
        earlier, applicant=replace(earlier.applicant, id_number="001090012345"),
        documents=(first, *earlier.documents[1:])))

    fill_dossier(dialog, keyboard)
    assert digitisation_cell(dialog, 0) == f"Chưa số hóa – có bản điện tử ({before.code}): F4"
    assert "có bản điện tử" not in digitisation_cell(dialog, 1)
    keyboard.press(Key.Key_Up)
    for _ in range(3):  # past shown only and exempt: no scan, so the offer comes next
        keyboard.press(Key.Key_F4)
    assert digitisation_cell(dialog, 0) == f"Tái sử dụng ({before.code})"
    keyboard.press(Key.Key_S, CTRL)
    row = next(r for r in services.dossier_rows() if r.uuid != before.uuid)
    [event] = services.history(row.uuid)
    assert event.payload["documents"][0]["reused_from"] == before.code
    assert event.payload["files"] == [first.file]


def test_changing_the_id_number_withdraws_the_reuse_offer(dialog, keyboard, services):
    from dataclasses import replace

    from desk_app.core.model import Digitisation
    from tests.services.factories import full_draft, pdf_bytes

    earlier = full_draft(services)
    first = replace(earlier.documents[0], digitisation=Digitisation.SCANNED,
                    file=services.keep_pdf(pdf_bytes(1)), pages=1)
    services.receive(replace(earlier, applicant=replace(earlier.applicant,
                                                        id_number="001090012345"),
                             documents=(first, *earlier.documents[1:])))
    fill_dossier(dialog, keyboard)
    keyboard.press(Key.Key_Up)
    for _ in range(3):
        keyboard.press(Key.Key_F4)
    assert w(dialog, "documents").lines()[0].digitisation is Digitisation.REUSED
    fill(dialog, keyboard, "id_number", "001090099999")
    assert w(dialog, "documents").lines()[0].digitisation is Digitisation.PENDING
    assert digitisation_cell(dialog, 0) == "Chưa số hóa"
