"""The procedure catalogue editor: adding and editing procedures by keyboard, the versions it
shows, messages beside the fields, the JSON file, and the handover's suggested unit."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QMessageBox

from desk_app.core.model import RequiredDocument
from desk_app.ui.catalogue_dialog import CatalogueDialog
from desk_app.ui.dossier_detail import DossierDetailDialog
from desk_app.ui.handover_dialog import HandoverDialog
from desk_app.ui.required_documents_editor import MANDATORY, NAME
from tests.services.factories import full_draft
from tests.ui.conftest import wait_active

pytestmark = pytest.mark.usefixtures("message_boxes")

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CODE = "1.004222"


@pytest.fixture
def dialog(qtbot, services, worker, activate):
    shown = CatalogueDialog(services, worker, services.catalogue_entries(),
                            services.processing_units())
    qtbot.addWidget(shown)
    return activate(shown)


def message(dialog, field: str) -> QLabel:
    return dialog.findChild(QLabel, f"error_{field}")


def history(dialog) -> list[str]:
    """The versions listed, the current one (in bold) marked with a star."""
    rows = []
    for row in range(dialog.history.rowCount()):
        item = dialog.history.item(row, 0)
        rows.append(item.text() + ("*" if item.font().bold() else ""))
    return rows


def test_opens_from_the_settings_menu_with_its_shortcut(qtbot, counter_window, keyboard):
    settings_menu = counter_window.findChild(QMenu, "settings_menu")
    assert counter_window.catalogue_action in settings_menu.actions()
    keyboard.press(Qt.Key.Key_P, CTRL | SHIFT)
    shown = [d for d in counter_window.findChildren(CatalogueDialog) if d.isVisible()]
    assert shown
    dialog = wait_active(qtbot, shown[0])
    assert dialog.list.count() == len(counter_window.services.catalogue_entries())


def test_add_a_procedure_with_two_documents_then_edit_it(qtbot, dialog, services, keyboard):
    keyboard.press(Qt.Key.Key_N, CTRL)
    assert QApplication.focusWidget() is dialog.code
    keyboard.type("XA.01")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("Xác nhận hộ nghèo")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("Bảo trợ xã hội")
    keyboard.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.time_value
    dialog.time_value.selectAll()
    keyboard.type("5")
    dialog.unit.set_unit("Văn phòng UBND xã")
    dialog.documents.table.setFocus()
    keyboard.press(Qt.Key.Key_Insert)
    keyboard.type("Đơn đề nghị xác nhận")
    keyboard.press(Qt.Key.Key_Return)
    keyboard.press(Qt.Key.Key_Insert)
    keyboard.type("Giấy tờ tùy thân")
    keyboard.press(Qt.Key.Key_Return)
    dialog.documents.table.setCurrentCell(1, MANDATORY)
    keyboard.press(Qt.Key.Key_Space)  # not mandatory
    keyboard.press(Qt.Key.Key_S, CTRL)

    saved = services.procedure("XA.01")
    assert saved.version == 1 and saved.name == "Xác nhận hộ nghèo"
    assert saved.field == "Bảo trợ xã hội" and saved.time.value == 5
    assert saved.unit == "Văn phòng UBND xã"
    assert saved.documents == (RequiredDocument("Đơn đề nghị xác nhận", originals=1),
                               RequiredDocument("Giấy tờ tùy thân", mandatory=False,
                                                originals=1))
    assert dialog.list.currentItem().text() == "XA.01 – Xác nhận hộ nghèo"
    assert dialog.code.isReadOnly()
    assert history(dialog) == ["1*"]

    dialog.name.setFocus()
    dialog.name.selectAll()
    keyboard.type("Xác nhận hộ nghèo, cận nghèo")
    dialog.documents.table.setCurrentCell(1, NAME)
    keyboard.press(Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    keyboard.press(Qt.Key.Key_S, CTRL)

    edited = services.procedure("XA.01")
    assert edited.version == 2 and edited.name == "Xác nhận hộ nghèo, cận nghèo"
    assert [d.name for d in edited.documents] == ["Giấy tờ tùy thân", "Đơn đề nghị xác nhận"]
    assert history(dialog) == ["2*", "1"]
    assert dialog.notice.text() == "Đã lưu thủ tục XA.01, phiên bản 2."
    assert services.procedure_at("XA.01", 1) == saved


def test_saving_without_a_change_says_so_and_makes_no_version(dialog, services):
    dialog.select(CODE)
    dialog.local_override.setChecked(True)
    dialog.save()
    assert dialog.notice.text() == "Không có thay đổi nội dung: vẫn là phiên bản 1."
    assert history(dialog) == ["1*"]


def test_invalid_input_is_shown_beside_the_fields_and_nothing_typed_is_lost(
        dialog, services, keyboard):
    before = services.catalogue_entries()
    keyboard.press(Qt.Key.Key_N, CTRL)
    keyboard.type("1 004")
    dialog.name.setText("Thủ tục thử")
    dialog.documents.add_row()
    keyboard.type("Tờ khai")
    keyboard.press(Qt.Key.Key_Return)
    dialog.documents.add_row()
    keyboard.type("tờ khai")
    keyboard.press(Qt.Key.Key_Return)
    keyboard.press(Qt.Key.Key_S, CTRL)

    assert message(dialog, "code").isVisible()
    assert "không có khoảng trắng" in message(dialog, "code").text()
    assert message(dialog, "field").text() == "Nhập lĩnh vực của thủ tục (ví dụ Hộ tịch)."
    assert message(dialog, "documents").text() == "Giấy tờ dòng 2: trùng tên với dòng 1."
    assert not message(dialog, "name").isVisible()
    assert QApplication.focusWidget() is dialog.code  # the first field to correct
    assert dialog.code.text() == "1 004" and dialog.name.text() == "Thủ tục thử"
    assert [d.name for d in dialog.documents.documents()] == ["Tờ khai", "tờ khai"]
    assert services.catalogue_entries() == before

    dialog.code.setText("1.004")
    dialog.field.setEditText("Khác")
    dialog.documents.table.setCurrentCell(1, NAME)
    dialog.documents.remove_row()
    dialog.save()
    assert not message(dialog, "code").isVisible()
    assert services.procedure("1.004").documents == (RequiredDocument("Tờ khai", originals=1),)


def test_unsaved_edits_are_not_lost_by_choosing_another_procedure(
        dialog, services, message_boxes):
    dialog.select(CODE)
    dialog.name.setText("Tên đang sửa dở")
    message_boxes.answers.append(QMessageBox.StandardButton.No)
    dialog.select("1.004194")
    assert dialog.name.text() == "Tên đang sửa dở"
    assert dialog.list.currentItem().data(Qt.ItemDataRole.UserRole) == CODE
    assert message_boxes.shown == [
        "Thủ tục đang sửa có thay đổi chưa được lưu. Bỏ các thay đổi đó?"]


def test_search_folds_diacritics(dialog, keyboard):
    dialog.search.setFocus()
    keyboard.type("thuong tru")
    shown = [dialog.list.item(r).text() for r in range(dialog.list.count())
             if not dialog.list.item(r).isHidden()]
    assert shown == ["1.004222 – Đăng ký thường trú"]


def test_an_older_version_comes_back_through_the_form(dialog, services):
    old = services.procedure(CODE)
    services.save_procedure(replace(old, name="Tên mới", fee=0))
    dialog._reload(CODE, "")
    dialog.history.selectRow(1)
    dialog.copy_version()
    assert dialog.name.text() == old.name and dialog.fee.value() == old.fee
    dialog.save()
    current = services.procedure(CODE)
    assert current.version == 3 and current.name == old.name


def test_export_then_import_bypassing_the_file_dialog(dialog, services, tmp_path):
    path = tmp_path / "danh-muc.json"
    dialog.export_to(path)
    assert dialog.notice.text() == (
        f"Đã xuất {len(services.catalogue_entries())} thủ tục ra tệp {path}.")
    path.write_text(path.read_text("utf-8").replace("Đăng ký thường trú", "Thường trú (sửa)"),
                    "utf-8")
    dialog.select(CODE)
    dialog.import_from(path)
    assert services.procedure(CODE).name == "Thường trú (sửa)"
    assert dialog.name.text() == "Thường trú (sửa)"
    assert "1 thủ tục có phiên bản mới" in dialog.notice.text()

    path.write_text("[]", "utf-8")
    dialog.import_from(path)
    assert dialog.error.isVisible() and "không hợp lệ" in dialog.error.text()


def test_the_handover_suggests_the_unit_of_the_procedures(
        qtbot, services, request, keyboard):
    for procedure in services.procedures():
        services.save_procedure(replace(procedure, unit="Công an xã"))
    window = request.getfixturevalue("counter_window")
    table = window.dossier_list.table
    table.setFocus()
    table.setCurrentIndex(window.dossier_list.proxy.index(0, 0))
    keyboard.press(Qt.Key.Key_G, CTRL)
    dialog = wait_active(qtbot, next(
        d for d in window.findChildren(HandoverDialog) if d.isVisible()))
    assert dialog.unit.currentText() == "Công an xã"
    assert QApplication.focusWidget() is dialog.person


def test_the_detail_names_the_version_a_dossier_was_received_under(qtbot, services, worker):
    dossier = services.receive(full_draft(services, CODE))
    services.save_procedure(replace(services.procedure(CODE), name="Tên mới"))
    detail = DossierDetailDialog(services, worker, dossier.uuid)
    qtbot.addWidget(detail)
    shown = detail.findChild(QLabel, "detail_procedure").text()
    assert shown == f"Đăng ký thường trú ({CODE}, phiên bản 1)"
