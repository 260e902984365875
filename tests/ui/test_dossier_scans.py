"""The dossier detail's digitised documents (issue 16, item 4): each file and version listed,
its pages as thumbnails once opened, a page in the full view, all by keyboard; the opening
recorded, and the record shown to those who check the journal only."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desk_app.core.accounts import ROLE_PERMISSIONS, Role
from desk_app.core.digitisation import Stage
from desk_app.scanning.imports import import_file
from desk_app.store import files
from desk_app.ui.dossier_detail import DossierDetailDialog
from desk_app.ui.print_preview import PrintPreviewDialog
from tests.services.factories import digitised, full_draft, pdf_bytes
from tests.ui.conftest import wait_active

pytestmark = pytest.mark.usefixtures("message_boxes")

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def scanned(services):
    """A dossier received with a 3-page scan, and a supplement digitised later in 2 versions."""
    draft = digitised(services, full_draft(services), [pdf_bytes(3, "Căn cước")])
    dossier = services.receive(draft, accept_warnings=True)
    for text in ("Bổ sung lần một", "Bổ sung lần hai"):
        services.digitise_document(dossier.uuid, "Giấy xác nhận cư trú", Stage.SUPPLEMENT,
                                   services.keep_pdf(pdf_bytes(1, text)))
    return dossier


def open_detail(qtbot, services, worker, activate, uuid, granted=None):
    detail = DossierDetailDialog(services, worker, uuid, granted=granted)
    qtbot.addWidget(detail)
    activate(detail)
    qtbot.waitUntil(lambda: detail.row is not None)
    return detail


def test_a_scan_is_opened_paged_through_and_closed_by_keyboard_and_the_opening_recorded(
        qtbot, services, worker, activate, keyboard, scanned, message_boxes):
    detail = open_detail(qtbot, services, worker, activate, scanned.uuid)
    scans = detail.scans
    assert detail.tabs.tabText(4) == "Bản số hóa (3)"
    keyboard.press(Qt.Key.Key_5, ALT)
    assert detail.tabs.currentWidget() is scans and scans.files_table.hasFocus()
    table = scans.files_table
    assert [[table.item(r, c).text() for c in range(4)] for r in range(3)] == [
        [full_draft(services).documents[0].name, "Khi tiếp nhận", "1", "3"],
        ["Giấy xác nhận cư trú", "Hồ sơ bổ sung", "1", "1"],
        ["Giấy xác nhận cư trú", "Hồ sơ bổ sung", "2", "1"],
    ]
    assert services.file_views(scanned.uuid) == []  # the list shows no page, records nothing

    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: scans.thumbnails.count() == 3)
    assert scans.thumbnails.hasFocus()
    assert not scans.thumbnails.item(0).icon().isNull()
    [view] = services.file_views(scanned.uuid)
    assert view.clerk == services.current_account().full_name
    qtbot.waitUntil(lambda: scans.views_table.rowCount() == 1)
    assert [scans.views_table.item(0, c).text() for c in (1, 3)] == ["Xem", view.clerk]

    keyboard.press(Qt.Key.Key_Right)
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: detail.findChild(PrintPreviewDialog) is not None)
    full = wait_active(qtbot, detail.findChild(PrintPreviewDialog))
    qtbot.waitUntil(lambda: len(full.page_labels()) == 3)
    assert "lần 1" in full.windowTitle() and full.print_button.isEnabled()
    assert full.open_folder_button.isHidden()  # its folder holds every dossier's scans
    assert message_boxes.shown == []  # the Enter that opened it did not print it too
    # Without a printer, not where the file lies: a print from there would not be recorded.
    assert str(services.data_dir) not in full.printer_notice.text()
    scroll = full.scroll.verticalScrollBar()
    assert scroll.value() == full.page_labels()[1].y()  # opened at the page chosen
    keyboard.press(Qt.Key.Key_PageDown)
    assert scroll.value() == full.page_labels()[2].y()
    zoom = full.zoom_label.text()
    keyboard.press(Qt.Key.Key_Plus, CTRL)
    assert full.zoom_label.text() != zoom
    keyboard.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not full.isVisible())

    # Back to the list, down to the second version of the supplement.
    wait_active(qtbot, detail)
    scans.thumbnails.setFocus()
    keyboard.press(Qt.Key.Key_Backspace)
    assert table.hasFocus()
    keyboard.press(Qt.Key.Key_Down)
    keyboard.press(Qt.Key.Key_Down)
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: scans.thumbnails.count() == 1)
    assert "lần 2" in scans.status.text()
    assert len(services.file_views(scanned.uuid)) == 2


def open_full_view(qtbot, detail, keyboard):
    keyboard.press(Qt.Key.Key_5, ALT)
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: detail.scans.thumbnails.count() == 3)
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: detail.findChild(PrintPreviewDialog) is not None)
    full = wait_active(qtbot, detail.findChild(PrintPreviewDialog))
    qtbot.waitUntil(lambda: len(full.page_labels()) == 3)
    return full


def test_saving_a_copy_of_a_scan_is_recorded_before_the_copy_is_made(
        qtbot, services, worker, activate, keyboard, scanned, tmp_path, monkeypatch):
    target = tmp_path / "ban-sao.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    detail = open_detail(qtbot, services, worker, activate, scanned.uuid)
    full = open_full_view(qtbot, detail, keyboard)
    keyboard.press(Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: target.exists())
    sha = services.dossier_files(scanned.uuid)[0].sha256
    assert target.read_bytes() == files.read(services.data_dir, sha)
    assert [(v.action, v.sha256) for v in services.file_views(scanned.uuid)] == [
        ("view", sha), ("copy", sha)]
    # The leader looking at the record sees the copy at once, newest first.
    qtbot.waitUntil(lambda: detail.scans.views_table.rowCount() == 2)
    assert detail.scans.views_table.item(0, 1).text() == "Lưu bản sao"
    assert "Đã lưu bản sao" in full.status.text()


def test_a_copy_that_cannot_be_recorded_is_not_made(
        qtbot, services, worker, activate, keyboard, scanned, tmp_path, monkeypatch,
        message_boxes):
    target = tmp_path / "ban-sao.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    detail = open_detail(qtbot, services, worker, activate, scanned.uuid)
    open_full_view(qtbot, detail, keyboard)
    # The kept file altered after it was opened: the use is refused, so nothing leaves.
    path = files.path_of(services.data_dir, services.dossier_files(scanned.uuid)[0].sha256)
    path.chmod(0o644)
    path.write_bytes(path.read_bytes() + b"%altered\n")

    keyboard.press(Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(message_boxes.shown))
    assert "đã bị thay đổi" in message_boxes.shown[-1], message_boxes.shown
    assert not target.exists()
    assert [v.action for v in services.file_views(scanned.uuid)] == ["view"]


def test_a_clerk_who_does_not_check_the_journal_does_not_see_the_view_record(
        qtbot, services, worker, activate, scanned):
    clerk = ROLE_PERMISSIONS[Role.CLERK]
    detail = open_detail(qtbot, services, worker, activate, scanned.uuid, lambda: clerk)
    assert detail.scans.files_table.rowCount() == 3
    assert detail.scans.views_table.isHidden() and detail.scans.views_label.isHidden()
    leader = ROLE_PERMISSIONS[Role.LEADER]
    detail = open_detail(qtbot, services, worker, activate, scanned.uuid, lambda: leader)
    assert not detail.scans.views_table.isHidden()


def test_a_file_changed_on_disk_is_named_not_shown(qtbot, services, worker, activate, keyboard,
                                                   scanned):
    sha = services.dossier_files(scanned.uuid)[0].sha256
    path = files.path_of(services.data_dir, sha)
    path.chmod(0o644)
    path.write_bytes(path.read_bytes() + b"%altered\n")
    detail = open_detail(qtbot, services, worker, activate, scanned.uuid)
    keyboard.press(Qt.Key.Key_5, ALT)
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "đã bị thay đổi" in detail.scans.status.text())
    assert detail.scans.thumbnails.count() == 0
    assert services.file_views(scanned.uuid) == []


def test_pages_are_rendered_and_documents_assembled_in_worker_jobs_only(
        qtbot, services, worker, activate, keyboard, scanned, monkeypatch):
    """pypdfium2 and the PDF/A assembly never run on the GUI thread outside a worker job
    (the tests' worker runs jobs inline and says so)."""
    import threading

    from desk_app.ui import digitise_dialog, print_preview, scans_page
    from desk_app.ui.worker import running_inline_job

    calls = []

    def watched(module, name):
        real = getattr(module, name)

        def call(*args, **kwargs):
            calls.append((name, running_inline_job()
                          or threading.current_thread() is not threading.main_thread()))
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, call)

    for module, name in ((scans_page, "render_pages"), (print_preview, "render_pages"),
                         (digitise_dialog, "assemble")):
        watched(module, name)
    detail = open_detail(qtbot, services, worker, activate, scanned.uuid)
    keyboard.press(Qt.Key.Key_5, ALT)
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: detail.scans.thumbnails.count() == 3)
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: detail.findChild(PrintPreviewDialog) is not None)
    full = detail.findChild(PrintPreviewDialog)
    qtbot.waitUntil(lambda: len(full.page_labels()) == 3)
    full.done(0)
    detail.actions.digitise()
    dialog = detail.findChild(digitise_dialog.DigitiseDialog)
    dialog._pages = import_file(Path("resources/scan/sample-page.png"))
    dialog.submit()
    qtbot.waitUntil(lambda: len(services.dossier_files(scanned.uuid)) == 4)
    assert {name for name, _ in calls} == {"render_pages", "assemble"}
    assert all(in_job for _, in_job in calls), calls
