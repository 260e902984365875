"""The receive form's scans from the keyboard, against SANE's real test device: F3 on a document
line to a saved dossier whose received event names a PDF/A file with the dossier's code; the
panel and the form side by side; pages left by a power cut offered back; no scan left lying in
the data folder by a form that was cleared or closed."""

from __future__ import annotations

import io
import os

import pikepdf
import pikepdf.pdfa
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox

from desk_app.scanning.pdfa import check
from desk_app.scanning.spool import FORM_SPOOLS, leftovers
from desk_app.store import files as file_store
from desk_app.ui.receive_form import ReceiveDialog
from tests.sane_device import feeder_of, use_test_device
from tests.ui.test_receive_form import digitisation_cell, fill, fill_dossier, focused, w

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
Button = QMessageBox.StandardButton


@pytest.fixture(autouse=True)
def sane_test_device(monkeypatch, tmp_path):
    use_test_device(monkeypatch, tmp_path / "sane")


@pytest.fixture
def open_form(activate, services, worker):
    opened = []

    def open_() -> ReceiveDialog:
        dialog = ReceiveDialog(services, worker)
        opened.append(dialog)
        return activate(dialog)

    yield open_
    for dialog in opened:
        dialog.done(QDialog.DialogCode.Rejected)  # closes a panel still open: its run stops
        dialog.deleteLater()


def kept_files(services) -> list:
    return sorted(p for p in (services.data_dir / "files").rglob("*.pdf"))


def open_panel(qtbot, keyboard, dialog, pages: int = 0):
    """F3 on the documents table's current line: its panel, active, with `pages` shown."""
    keyboard.press(Key.Key_F3)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not dialog
                    and QApplication.activeWindow() is not None)
    panel = QApplication.activeWindow()
    assert panel.objectName() == "scan_panel"
    qtbot.waitUntil(lambda: panel.device.currentData() is not None
                    and panel.page_list.count() == pages)
    return panel


def scan(qtbot, keyboard, panel, pages: int) -> None:
    keyboard.press(Key.Key_F5)
    qtbot.waitUntil(lambda: not panel.scanning and panel.page_list.count() == pages)


def accept(qtbot, keyboard, dialog, cell: str) -> None:
    """Xong (Ctrl+Enter) in the panel: the first line shows `cell`, the form is active again."""
    keyboard.press(Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: digitisation_cell(dialog, 0) == cell)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def first_line(dialog, keyboard) -> None:
    w(dialog, "documents").setFocus()
    keyboard.press(Key.Key_Home, CTRL)
    assert w(dialog, "documents").currentRow() == 0


def test_f3_scans_a_line_into_the_saved_dossier_as_pdfa_with_its_code(
        qtbot, keyboard, open_form, services):
    dialog = open_form()
    fill_dossier(dialog, keyboard, tick=False)
    first_line(dialog, keyboard)
    name = w(dialog, "documents").line(0).name

    panel = open_panel(qtbot, keyboard, dialog)
    assert panel.isVisible() and not panel.isModal()
    assert "F3: về biểu mẫu" in panel.findChild(QLabel, "scan_form_hint").text()
    scan(qtbot, keyboard, panel, 1)
    # F3 in the panel: back to the form, where the clerk was, and typing goes on there.
    keyboard.press(Key.Key_F3)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert focused() == "documents" and panel.isVisible()
    fill(dialog, keyboard, "notes", "Bản chụp mờ, đã quét lại")
    first_line(dialog, keyboard)
    keyboard.press(Key.Key_F3)  # the same line: the panel comes up again, its page in it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    accept(qtbot, keyboard, dialog, "Đã quét 1 trang")
    assert focused() == "documents"

    # F3 again on the scanned line: its page, to add one more.
    panel = open_panel(qtbot, keyboard, dialog, pages=1)
    scan(qtbot, keyboard, panel, 2)
    accept(qtbot, keyboard, dialog, "Đã quét 2 trang")
    assert len(kept_files(services)) == 2  # the one-page file, kept until the form is done

    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_Space)
    keyboard.press(Key.Key_S, CTRL)
    [row] = services.dossier_rows()
    [event] = services.history(row.uuid)
    [sha] = event.payload["files"]
    assert event.payload["documents"][0]["pages"] == 2
    assert services.dossier(row.uuid).draft.notes == "Bản chụp mờ, đã quét lại"
    data = file_store.read(services.data_dir, sha)
    assert check(data) == 2
    with pikepdf.open(io.BytesIO(data)) as pdf:
        xmp = pdf.open_metadata()
        assert (xmp["dc:identifier"], xmp["dc:title"]) == (row.code, name)
        assert xmp["dc:creator"] == [services.current_account().full_name]
        assert pikepdf.pdfa.check(pdf, "2b").passed
    # Only the file the event names is left: not the copy before the code, not the one-page
    # scan replaced; nothing is left in the spool to be offered again.
    assert kept_files(services) == [file_store.path_of(services.data_dir, sha)]
    assert leftovers(services.data_dir, FORM_SPOOLS) == []


def test_the_form_is_not_saved_while_its_panel_is_open(qtbot, keyboard, open_form, services):
    dialog = open_form()
    fill_dossier(dialog, keyboard)
    first_line(dialog, keyboard)
    panel = open_panel(qtbot, keyboard, dialog)
    scan(qtbot, keyboard, panel, 1)
    keyboard.press(Key.Key_F3)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    keyboard.press(Key.Key_S, CTRL)
    assert services.dossier_rows() == []
    assert "còn mở" in w(dialog, "result_label").text()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)  # brought up to finish
    keyboard.press(Key.Key_Escape)  # Hủy: the line stays as it was, its pages not kept
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert digitisation_cell(dialog, 0) == "Chưa số hóa"
    assert leftovers(services.data_dir, FORM_SPOOLS) == []
    keyboard.press(Key.Key_S, CTRL)
    assert len(services.dossier_rows()) == 1


def test_pages_left_by_a_power_cut_are_offered_back_in_the_next_form(
        qtbot, keyboard, open_form, services, message_boxes):
    dying = open_form()
    fill_dossier(dying, keyboard, tick=False)
    first_line(dying, keyboard)
    name = w(dying, "documents").line(0).name
    panel = open_panel(qtbot, keyboard, dying)
    scan(qtbot, keyboard, panel, 1)
    qtbot.waitUntil(lambda: len(leftovers(services.data_dir, FORM_SPOOLS)) == 1)
    [page] = panel.pages()
    # The power goes: that form never saves nor discards. The next form offers the page back.
    message_boxes.answers = [Button.Open]
    dialog = open_form()
    qtbot.waitUntil(lambda: bool(message_boxes.shown))
    [said] = message_boxes.shown
    assert "chưa được lưu vào hồ sơ nào" in said and f"«{name}»: 1 trang" in said
    assert "F3" in w(dialog, "result_label").text()

    fill_dossier(dialog, keyboard, tick=False)
    first_line(dialog, keyboard)
    recovered = open_panel(qtbot, keyboard, dialog, pages=1)
    assert recovered.pages() == [page]
    accept(qtbot, keyboard, dialog, "Đã quét 1 trang")
    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_Space)
    keyboard.press(Key.Key_S, CTRL)
    [row] = services.dossier_rows()
    assert services.history(row.uuid)[0].payload["documents"][0]["pages"] == 1
    # The dead form's spool went with the save; only that form's open panel remains.
    assert leftovers(services.data_dir, FORM_SPOOLS) == []


@pytest.mark.parametrize("answer, left", [(Button.Discard, 0), (Button.No, 1)])
def test_leftover_pages_may_be_thrown_away_or_kept_for_later(
        qtbot, open_form, services, message_boxes, answer, left):
    from desk_app.scanning.pages import page_from_image
    from desk_app.scanning.spool import Spool, spool_folder
    from tests.scanning.pictures import paper

    Spool(spool_folder(services.data_dir, FORM_SPOOLS, "an-old-form-0"), "Tờ khai").add(
        page_from_image(paper("1"), 200, "bw"))
    message_boxes.answers = [answer]
    open_form()
    qtbot.waitUntil(lambda: bool(message_boxes.shown))
    assert len(leftovers(services.data_dir, FORM_SPOOLS)) == left


@pytest.mark.parametrize("how", ["clear", "close", "other procedure"])
def test_a_scan_kept_for_a_form_that_is_cleared_or_closed_is_removed(
        qtbot, keyboard, open_form, services, message_boxes, how):
    dialog = open_form()
    fill_dossier(dialog, keyboard, tick=False)
    first_line(dialog, keyboard)
    panel = open_panel(qtbot, keyboard, dialog)
    scan(qtbot, keyboard, panel, 1)
    accept(qtbot, keyboard, dialog, "Đã quét 1 trang")
    [kept] = kept_files(services)
    earlier = services.receive(services_draft(services))  # a dossier's file stays
    [named] = [p for p in kept_files(services) if p != kept]

    message_boxes.answers = [Button.Yes]  # "discard what is typed?"
    if how == "clear":
        keyboard.press(Key.Key_N, CTRL)
    elif how == "close":
        keyboard.press(Key.Key_Escape)
        assert not dialog.isVisible()
    else:
        fill(dialog, keyboard, "procedure", "1.001193")
    assert kept_files(services) == [named]
    assert services.dossier_files(earlier.uuid)[0].sha256 == named.stem
    assert leftovers(services.data_dir, FORM_SPOOLS) == []


def services_draft(services):
    """A dossier received with a scanned line of its own (its file must survive)."""
    from dataclasses import replace

    from desk_app.core.model import Digitisation
    from tests.services.factories import full_draft, pdf_bytes

    draft = full_draft(services, name="Lê Văn Hùng")
    first = replace(draft.documents[0], digitisation=Digitisation.SCANNED,
                    file=services.keep_pdf(pdf_bytes(1, "CT01")), pages=1)
    return replace(draft, documents=(first, *draft.documents[1:]))


def test_a_save_asked_while_a_line_s_file_is_being_made_waits_for_it(
        qtbot, keyboard, activate, services, held_worker):
    from tests.services.factories import pdf_bytes

    dialog = activate(ReceiveDialog(services, held_worker))
    qtbot.addWidget(dialog)

    def settle() -> None:
        while held_worker.jobs:
            held_worker.release()

    settle()
    fill_dossier(dialog, keyboard)
    settle()
    dialog.digitise_line(0, lambda: pdf_bytes(2), 2)  # Xong: the file is made on the worker
    keyboard.press(Key.Key_S, CTRL)
    assert len(held_worker.jobs) == 1  # only the file: the save waits for it
    assert "ngay khi xong" in w(dialog, "result_label").text()
    settle()  # the file is kept, then the save goes on by itself
    [row] = services.dossier_rows()
    assert services.dossier(row.uuid).draft.documents[0].pages == 2
    dialog.done(QDialog.DialogCode.Rejected)


def feeder_panel(qtbot, keyboard, monkeypatch, tmp_path, dialog, sheets: int, mode_steps: int):
    """F3 on the first line of a filled form, the panel set to a feeder of `sheets` A4 sheets
    of the test device, mode the `mode_steps`-th (0 black-and-white, 1 grey)."""
    use_test_device(monkeypatch, tmp_path / "sane", a4=True)
    folder = tmp_path / "feeder"
    feeder_of(sheets, folder)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    fill_dossier(dialog, keyboard, tick=False)
    first_line(dialog, keyboard)
    panel = open_panel(qtbot, keyboard, dialog)
    for buddy, steps in ((Key.Key_N, 1), (Key.Key_C, mode_steps)):  # Nguồn giấy, Chế độ
        keyboard.press(buddy, Qt.KeyboardModifier.AltModifier)
        keyboard.press(Key.Key_Home)
        for _ in range(steps):
            keyboard.press(Key.Key_Down)
    assert (panel.settings().source, panel.settings().mode) == ("adf", ("bw", "gray")[mode_steps])
    keyboard.press(Key.Key_F5)
    qtbot.waitUntil(lambda: not panel.scanning and panel.page_list.count() == sheets,
                    timeout=120_000)
    return panel


@pytest.mark.slow
def test_a_200_sheet_feeder_run_becomes_one_pdfa_file_made_on_the_worker(
        qtbot, keyboard, open_form, services, monkeypatch, tmp_path, message_boxes):
    dialog = open_form()
    feeder_panel(qtbot, keyboard, monkeypatch, tmp_path, dialog, 200, 0)
    keyboard.press(Key.Key_Return, CTRL)  # Xong: the form at once, the file made behind it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.waitUntil(lambda: digitisation_cell(dialog, 0) == "Đã quét 200 trang", timeout=60_000)
    [path] = kept_files(services)
    assert check(path.read_bytes()) == 200
    assert path.stat().st_size < 20 * 2**20 and message_boxes.shown == []


def test_a_file_over_the_province_limit_is_said_when_made_and_kept(
        qtbot, keyboard, open_form, services, monkeypatch, tmp_path, message_boxes):
    """16 grey A4 sheets of the test pattern, about 22 MB: the panel says so as they come in,
    and Xong makes and keeps the file and says it will not go to the province, and why."""
    dialog = open_form()
    panel = feeder_panel(qtbot, keyboard, monkeypatch, tmp_path, dialog, 16, 1)
    assert panel.size_warning.isVisible()
    keyboard.press(Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: bool(message_boxes.shown))
    [said] = message_boxes.shown
    assert "quá 20 MB" in said and "sẽ không được gửi lên tỉnh" in said
    assert "đen trắng 200 dpi" in said and "các trang đã quét vẫn giữ" in said
    assert digitisation_cell(dialog, 0) == "Đã quét 16 trang"
    [path] = kept_files(services)
    assert check(path.read_bytes()) == 16 and path.stat().st_size > 20 * 2**20
    assert len(leftovers(services.data_dir, FORM_SPOOLS)[0].pages) == 16  # F3: them again
