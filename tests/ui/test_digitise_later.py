"""Digitising a document after reception (issue 16, item 5), from the dossier detail: a
supplement brought later and the result, scanned on SANE's real test device or imported from
a real image file, assembled into PDF/A with the dossier's code, kept and recorded as the next
version; earlier versions stay visible."""

import pikepdf
import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from desk_app.core.digitisation import Stage
from desk_app.scanning.sane import SaneScanner
from desk_app.scanning.spool import DOSSIER_SPOOLS, leftovers
from desk_app.store import files
from desk_app.ui.ask import Button
from desk_app.ui.digitise_dialog import DigitiseDialog
from desk_app.ui.dossier_detail import DossierDetailDialog
from tests.sane_device import use_test_device
from tests.scanning.pictures import paper
from tests.services.factories import full_draft
from tests.ui.conftest import wait_active

pytestmark = pytest.mark.usefixtures("message_boxes")

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
SAMPLE = "resources/scan/sample-page.png"


@pytest.fixture
def detail(qtbot, services, worker, activate):
    dossier = services.receive(full_draft(services), accept_warnings=True)
    detail = DossierDetailDialog(services, worker, dossier.uuid)
    qtbot.addWidget(detail)
    activate(detail)
    qtbot.waitUntil(lambda: detail.row is not None)
    return detail


def open_digitise(qtbot, keyboard, detail, monkeypatch, scanner=None):
    if scanner is not None:
        real = DigitiseDialog.__init__

        def with_scanner(self, *args, **kwargs):
            real(self, *args, **kwargs, scanner=scanner)

        monkeypatch.setattr(DigitiseDialog, "__init__", with_scanner)
    keyboard.press(Qt.Key.Key_H, CTRL | SHIFT)
    qtbot.waitUntil(lambda: detail.findChild(DigitiseDialog) is not None)
    return wait_active(qtbot, detail.findChild(DigitiseDialog))


def open_panel(qtbot, keyboard, dialog):
    keyboard.press(Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: dialog.panel is not None)
    return wait_active(qtbot, dialog.panel)


def take_pages(qtbot, keyboard, dialog, key: Qt.Key, pages: int = 1):
    """F4 opens the scan panel; `key` there (F5 scans, Ctrl+O imports) brings `pages`
    pages; Ctrl+Enter takes them back to the dialog. The pages."""
    panel = open_panel(qtbot, keyboard, dialog)
    if key == Qt.Key.Key_F5:  # the scanners listed first (import needs none)
        qtbot.waitUntil(lambda: panel.device.currentData() is not None)
    keyboard.press(key, CTRL if key == Qt.Key.Key_O else Qt.KeyboardModifier.NoModifier)
    qtbot.waitUntil(lambda: not panel.scanning and panel.page_list.count() == pages,
                    timeout=20000)
    taken = panel.pages()
    keyboard.press(Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: dialog.panel is None)
    assert f"{pages} trang" in dialog.pages_label.text()
    wait_active(qtbot, dialog)
    return taken


def take_pages_and_save(qtbot, keyboard, dialog, key: Qt.Key, pages: int = 1) -> None:
    """`take_pages`, then Ctrl+Enter saves."""
    take_pages(qtbot, keyboard, dialog, key, pages)
    keyboard.press(Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_supplement_scanned_on_the_test_device_then_a_second_version_imported(
        qtbot, services, keyboard, detail, monkeypatch, tmp_path):
    use_test_device(monkeypatch, tmp_path / "sane")
    dialog = open_digitise(qtbot, keyboard, detail, monkeypatch, scanner=SaneScanner())
    assert dialog.chosen_stage() is Stage.SUPPLEMENT  # a received dossier: no result yet
    assert dialog.stage.count() == 1
    document = dialog.document.currentText()

    keyboard.press(Qt.Key.Key_Return, CTRL)  # nothing scanned yet: said, nothing recorded
    assert "ít nhất một trang" in dialog.findChild(QLabel, "error_pages").text()
    assert services.dossier_files(detail.uuid) == []

    take_pages_and_save(qtbot, keyboard, dialog, Qt.Key.Key_F5)

    [first] = services.dossier_files(detail.uuid)
    assert (first.document, first.stage, first.version, first.pages) == (
        document, Stage.SUPPLEMENT, 1, 1)
    with pikepdf.open(files.path_of(services.data_dir, first.sha256)) as pdf:
        meta = pdf.open_metadata()
        assert (meta["pdfaid:part"], meta["dc:identifier"]) == ("2", detail.row.code)
    qtbot.waitUntil(lambda: detail.scans.files_table.rowCount() == 1)

    # The same document brought again: imported from a real picture, a second version.
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([SAMPLE], ""))
    wait_active(qtbot, detail)
    dialog = open_digitise(qtbot, keyboard, detail, monkeypatch)
    take_pages_and_save(qtbot, keyboard, dialog, Qt.Key.Key_O)

    kept = services.dossier_files(detail.uuid)
    assert [(f.document, f.version) for f in kept] == [(document, 1), (document, 2)]
    qtbot.waitUntil(lambda: detail.scans.files_table.rowCount() == 2)
    assert [e.kind for e in services.history(detail.uuid)][-2:] == [
        "document_digitised", "document_digitised"]


def open_back_from_the_unit(qtbot, services, keyboard, detail, monkeypatch):
    """The dialog on the dossier once its result is back from the unit, importing SAMPLE."""
    services.hand_over([detail.uuid], "Công an xã", "Phạm Minh Đức")
    services.record_result_ready(detail.uuid, "Công an xã", "Phạm Minh Đức")
    detail.load()
    qtbot.waitUntil(lambda: detail.actions["digitise_action"].isEnabled())
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([SAMPLE], ""))
    dialog = open_digitise(qtbot, keyboard, detail, monkeypatch)
    return dialog


def test_the_result_is_offered_once_the_dossier_is_back_from_the_unit(
        qtbot, services, keyboard, detail, monkeypatch):
    dialog = open_back_from_the_unit(qtbot, services, keyboard, detail, monkeypatch)
    assert [dialog.stage.itemData(i) for i in range(dialog.stage.count())] == [
        Stage.SUPPLEMENT, Stage.RESULT]
    assert dialog.chosen_stage() is Stage.RESULT
    assert dialog.document.currentText() == "Kết quả giải quyết hồ sơ"
    take_pages_and_save(qtbot, keyboard, dialog, Qt.Key.Key_O)
    [result] = services.dossier_files(detail.uuid)
    assert (result.stage, result.document) == (Stage.RESULT, "Kết quả giải quyết hồ sơ")


def spooled(services) -> list:
    return leftovers(services.data_dir, DOSSIER_SPOOLS)


def test_pages_left_by_a_power_cut_are_offered_back_when_the_dialog_opens_again(
        qtbot, services, keyboard, detail, monkeypatch, message_boxes, tmp_path):
    photo = tmp_path / "photo.jpg"  # a second page, from a phone
    paper("RGB").save(photo, "JPEG")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([SAMPLE, str(photo)], ""))
    dialog = open_digitise(qtbot, keyboard, detail, monkeypatch)
    document = dialog.document.currentText()
    panel = open_panel(qtbot, keyboard, dialog)
    keyboard.press(Qt.Key.Key_O, CTRL)
    qtbot.waitUntil(lambda: panel.page_list.count() == 2)
    # On the disk as they arrived, before the panel's Xong.
    qtbot.waitUntil(lambda: [len(left.pages) for left in spooled(services)] == [2])
    pages = panel.pages()
    keyboard.press(Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: dialog.panel is None)
    assert "2 trang" in dialog.pages_label.text()

    # The power goes: the dialog vanishes without closing, saving or discarding anything.
    dialog.hide()
    shiboken6.delete(dialog)
    assert [len(left.pages) for left in spooled(services)] == [2]
    assert services.dossier_files(detail.uuid) == []

    wait_active(qtbot, detail)
    message_boxes.answers = [Button.Open]
    dialog = open_digitise(qtbot, keyboard, detail, monkeypatch)
    qtbot.waitUntil(lambda: bool(message_boxes.shown))
    [said] = message_boxes.shown
    assert "chưa lưu" in said and f"«{document} (Hồ sơ bổ sung)»: 2 trang" in said
    qtbot.waitUntil(lambda: "2 trang" in dialog.pages_label.text())
    assert dialog.document.currentText() == document
    panel = open_panel(qtbot, keyboard, dialog)
    qtbot.waitUntil(lambda: panel.page_list.count() == 2)
    assert panel.pages() == pages  # in order, as they were
    keyboard.press(Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: dialog.panel is None)
    wait_active(qtbot, dialog)
    keyboard.press(Qt.Key.Key_Return, CTRL)  # saved: the spool goes with it
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [saved] = services.dossier_files(detail.uuid)
    assert (saved.document, saved.pages) == (document, 2)
    assert spooled(services) == []


def test_pages_the_clerk_cancels_are_not_offered_back(
        qtbot, services, keyboard, detail, monkeypatch, message_boxes):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([SAMPLE], ""))
    dialog = open_digitise(qtbot, keyboard, detail, monkeypatch)
    take_pages(qtbot, keyboard, dialog, Qt.Key.Key_O)
    assert len(spooled(services)) == 1
    # One Esc too many does not throw the pages away: the clerk is asked (No by default).
    keyboard.press(Qt.Key.Key_Escape)
    assert "1 trang đã quét chưa được lưu" in message_boxes.shown[-1]
    assert dialog.isVisible() and len(spooled(services)) == 1
    message_boxes.answers.append(Button.Yes)
    keyboard.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: spooled(services) == [])
    wait_active(qtbot, detail)
    shown = len(message_boxes.shown)
    open_digitise(qtbot, keyboard, detail, monkeypatch)
    assert len(message_boxes.shown) == shown  # nothing offered back


def test_pages_follow_the_stage_chosen_after_they_were_taken(
        qtbot, services, keyboard, detail, monkeypatch):
    dialog = open_back_from_the_unit(qtbot, services, keyboard, detail, monkeypatch)
    take_pages(qtbot, keyboard, dialog, Qt.Key.Key_O)  # as the result
    assert ["_result_" in left.spool.key for left in spooled(services)] == [True]

    dialog.stage.setFocus()
    keyboard.press(Qt.Key.Key_Up)  # a supplement after all
    assert dialog.chosen_stage() is Stage.SUPPLEMENT
    qtbot.waitUntil(lambda: ["_supplement_" in left.spool.key
                             for left in spooled(services)] == [True])
