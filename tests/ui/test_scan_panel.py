"""The scan panel driven by the keyboard against SANE's real test device (scanimage)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from desk_app.scanning.sane import SaneScanner
from desk_app.scanning.spool import Spool
from desk_app.ui.scan_panel import ScanPanel
from desk_app.ui.widgets import FRAME
from sync.protocol import MAX_FILE_BYTES
from tests.sane_device import feeder_of, scanimage_children, use_test_device
from tests.scanning.pictures import encoded, paper

SLOW = {"read_delay": "true", "read_delay_duration": "20000", "read_limit": "true",
        "read_limit_size": "16384"}
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def open_panel(qtbot, tmp_path, monkeypatch):
    """`open_panel(**test_conf)`: a panel on the SANE test device, its scanners listed."""
    panels = []

    def make(no_device: bool = False, program: str = "scanimage", **options) -> ScanPanel:
        use_test_device(monkeypatch, tmp_path / "sane", **options)
        if no_device:
            (tmp_path / "sane" / "dll.conf").write_text("")  # SANE knows no scanner
        panel = ScanPanel("Giấy khai sinh (bản sao)", scanner=SaneScanner(program),
                          spool=Spool(tmp_path / "spool"))
        qtbot.addWidget(panel)
        panels.append(panel)
        panel.show()
        panel.activateWindow()
        qtbot.waitUntil(lambda: panel.device.currentData() is not None
                        or panel.device.count() == 1 and "Không có" in panel.device.currentText())
        return panel

    yield make
    for panel in panels:
        panel.reject()  # stops a run and the threads


def scan(qtbot, keyboard, panel, pages: int) -> None:
    keyboard.press(Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not panel.scanning and panel.page_list.count() == pages)


def choose(keyboard, buddy_key: Qt.Key, steps: int) -> None:
    """Alt+letter focuses a setting (its label's buddy); Down moves its choice."""
    keyboard.press(buddy_key, Qt.KeyboardModifier.AltModifier)
    for _ in range(steps):
        keyboard.press(Qt.Key.Key_Down)


def feeder_run(qtbot, keyboard, open_panel, pages: int) -> ScanPanel:
    """A slow grey feeder run started from the keyboard, once `pages` thumbnails are in."""
    panel = open_panel(**SLOW)
    choose(keyboard, Qt.Key.Key_N, 1)  # Nguồn giấy: the feeder
    choose(keyboard, Qt.Key.Key_C, 1)  # Chế độ: grey
    keyboard.press(Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: panel.page_list.count() >= pages)
    return panel


def test_f5_scans_a_flatbed_page_into_a_thumbnail(qtbot, keyboard, open_panel, tmp_path):
    panel = open_panel()
    assert panel.device.currentData().id == "test:0"
    scan(qtbot, keyboard, panel, 1)
    [page] = panel.pages()
    assert (page.dpi, page.mode) == (200, "bw")  # the defaults: 200 dpi, black-and-white
    assert panel.status.text() == "1 trang"
    assert not panel.page_list.item(0).icon().isNull()
    qtbot.waitUntil(lambda: Spool(tmp_path / "spool").pages() == [page])  # kept at once


def test_feeder_pages_appear_while_it_runs_and_the_form_stays_live(qtbot, keyboard, open_panel):
    panel = feeder_run(qtbot, keyboard, open_panel, 1)
    assert panel.settings().source == "adf" and panel.settings().mode == "gray"
    # A thumbnail is there while the feeder still runs: the GUI thread is not waiting on it.
    assert panel.scanning
    assert panel.status.text().startswith("Đang quét…")
    qtbot.waitUntil(lambda: not panel.scanning, timeout=60_000)
    assert panel.page_list.count() == 10  # the test device's feeder holds 10 sheets
    assert panel.status.text() == "10 trang"


def test_keys_reorder_rotate_mark_and_delete_pages(qtbot, keyboard, open_panel, tmp_path):
    panel = open_panel()
    scan(qtbot, keyboard, panel, 1)  # bw
    choose(keyboard, Qt.Key.Key_C, 1)
    scan(qtbot, keyboard, panel, 2)  # gray
    choose(keyboard, Qt.Key.Key_C, 1)
    scan(qtbot, keyboard, panel, 3)  # colour
    panel.page_list.setFocus()
    keyboard.press(Qt.Key.Key_Home)
    keyboard.press(Qt.Key.Key_Right, CTRL)  # the bw page goes after the grey one
    assert [p.mode for p in panel.pages()] == ["gray", "bw", "color"]
    assert panel.page_list.currentRow() == 1
    keyboard.press(Qt.Key.Key_R, CTRL)
    keyboard.press(Qt.Key.Key_R, CTRL)
    keyboard.press(Qt.Key.Key_G, CTRL)
    assert (panel.pages()[1].rotation, panel.pages()[1].sticky_note) == (180, True)
    assert "có giấy ghi chú" in panel.page_list.item(1).text()
    keyboard.press(Qt.Key.Key_Left, CTRL)
    assert [p.mode for p in panel.pages()] == ["bw", "gray", "color"]
    keyboard.press(Qt.Key.Key_End)
    keyboard.press(Qt.Key.Key_Delete)
    assert [p.mode for p in panel.pages()] == ["bw", "gray"]
    qtbot.waitUntil(lambda: Spool(tmp_path / "spool").pages() == panel.pages())


def test_f7_rescans_the_selected_page_in_its_place(qtbot, keyboard, open_panel):
    panel = open_panel()
    scan(qtbot, keyboard, panel, 1)
    scan(qtbot, keyboard, panel, 2)
    panel.page_list.setFocus()
    keyboard.press(Qt.Key.Key_Home)
    keyboard.press(Qt.Key.Key_G, CTRL)
    choose(keyboard, Qt.Key.Key_C, 1)  # this sheet is a photo: grey
    panel.page_list.setFocus()
    keyboard.press(Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: not panel.scanning and panel.pages()[0].mode == "gray")
    assert [(p.mode, p.sticky_note) for p in panel.pages()] == [("gray", True), ("bw", False)]


def test_a_jam_says_so_and_keeps_the_pages(qtbot, keyboard, open_panel, tmp_path):
    panel = open_panel()
    scan(qtbot, keyboard, panel, 1)
    # scanimage reads the test device's settings at each run: the next one jams.
    with open(tmp_path / "sane" / "test.conf", "a") as conf:
        conf.write('read-status-code "SANE_STATUS_JAMMED"\n')
    keyboard.press(Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: panel.error.isVisible())
    assert panel.error.text().startswith("Kẹt giấy trong máy quét.")
    assert len(panel.pages()) == 1 and panel.scan_button.isEnabled()


def test_a_scanner_pulled_out_mid_run_keeps_what_came(qtbot, keyboard, open_panel):
    panel = feeder_run(qtbot, keyboard, open_panel, 2)
    for pid in scanimage_children():
        os.kill(pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: not panel.scanning)
    assert panel.error.text().startswith("Mất kết nối với máy quét giữa chừng.")
    assert 2 <= len(panel.pages()) < 10


def test_f6_stops_the_feeder_and_keeps_the_pages(qtbot, keyboard, open_panel):
    panel = feeder_run(qtbot, keyboard, open_panel, 1)
    keyboard.press(Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: not panel.scanning)
    assert panel.error.text() == "Đã dừng quét. Các trang đã quét vẫn giữ."
    assert 1 <= len(panel.pages()) < 10
    assert scanimage_children() == []


def test_no_scanner_still_imports_files(qtbot, keyboard, open_panel, tmp_path, monkeypatch):
    panel = open_panel(no_device=True)
    assert panel.device.currentText() == "Không có máy quét (vẫn nhập được tệp)"
    keyboard.press(Qt.Key.Key_F5)
    assert panel.error.text().startswith("Không tìm thấy máy quét.")
    photo = tmp_path / "phone.jpg"
    photo.write_bytes(encoded(paper("RGB"), "JPEG"))
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.7 garbage")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(photo), str(broken)], ""))
    keyboard.press(Qt.Key.Key_O, CTRL)
    qtbot.waitUntil(lambda: panel.page_list.count() == 1 and "hong.pdf" in panel.error.text())
    assert "Tệp bị hỏng" in panel.error.text()
    assert panel.pages()[0].data == photo.read_bytes()


def test_files_dropped_on_the_panel_come_in_as_pages(qtbot, open_panel, tmp_path):
    panel = open_panel()
    paths = []
    for name in ("a.png", "b.jpg"):
        path = tmp_path / name
        path.write_bytes(encoded(paper("L"), "PNG" if name.endswith("png") else "JPEG"))
        paths.append(path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    # Dropped on the thumbnails, as a clerk would: the list passes the files to the panel.
    target = panel.page_list.viewport()
    for event in (QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime,
                                  Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier),
                  QDropEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime,
                             Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)):
        QApplication.sendEvent(target, event)
        assert event.isAccepted()
    qtbot.waitUntil(lambda: panel.page_list.count() == 2)
    assert [p.mode for p in panel.pages()] == ["gray", "gray"]


def test_ctrl_enter_accepts_with_the_pages_in_order(qtbot, keyboard, open_panel):
    panel = open_panel()
    scan(qtbot, keyboard, panel, 1)
    keyboard.press(Qt.Key.Key_Return, CTRL)
    assert panel.result() == ScanPanel.DialogCode.Accepted
    assert len(panel.pages()) == 1


def test_every_button_has_a_key(open_panel):
    panel = open_panel()
    for button in panel.findChildren(QPushButton):
        assert "(" in button.text() and button.text().endswith(")"), button.text()


def test_it_fits_a_small_screen_and_looks_right(qtbot, keyboard, open_panel):
    panel = open_panel(test_picture='"Grid"')
    scan(qtbot, keyboard, panel, 1)
    choose(keyboard, Qt.Key.Key_C, 2)
    scan(qtbot, keyboard, panel, 2)
    hint = panel.minimumSizeHint()
    assert hint.width() <= 1024 - FRAME.width() and hint.height() <= 768 - 48 - FRAME.height()
    panel.resize(1024 - FRAME.width(), 768 - 48 - FRAME.height())
    panel.grab().save(str(Path(os.environ.get("SCAN_PANEL_PNG", "/tmp/scan_panel.png"))))


def resident_bytes() -> int:
    """This process's resident memory now (VmRSS)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS in /proc/self/status")


@pytest.mark.slow
def test_a_200_sheet_feeder_run_is_held_on_disk_and_its_size_said(qtbot, keyboard, open_panel,
                                                                   tmp_path):
    """Issue 16's 200-page feeder run: A4 grey sheets of the test device's colour pattern
    (about 1.4 MB each as JPEG, 280 MB in all). The pages come in one by one, are spooled,
    and the panel holds their thumbnails only; that the document is over the province's limit
    for one file is said while the pages come in, with what to do, and no page is lost."""
    panel = open_panel(program=feeder_of(200, tmp_path / "feeder"), a4=True)
    choose(keyboard, Qt.Key.Key_N, 1)  # Nguồn giấy: the feeder
    choose(keyboard, Qt.Key.Key_C, 1)  # Chế độ: grey
    before = resident_bytes()
    seen = set()

    def done() -> bool:
        seen.add(panel.page_list.count())
        return not panel.scanning and panel.page_list.count() == 200

    keyboard.press(Qt.Key.Key_F5)
    qtbot.waitUntil(done, timeout=120_000)
    grown = resident_bytes() - before

    pages = panel.pages()
    scanned = sum(len(page.data) for page in pages)
    assert len(pages) == 200 and scanned > 200 * 1_000_000  # the run was heavy
    assert len(seen) > 20  # shown as they came, not all at the end
    assert panel.status.text() == "200 trang" and not panel.error.isVisible()
    # Held in files, not in memory: before, the panel kept every page's bytes and
    # grew by as much as the scans (about 300 MB here); now by its 200 thumbnails.
    assert grown < scanned / 4, f"grew {grown / 2**20:.0f} MiB for {scanned / 2**20:.0f} MiB"
    assert not any(isinstance(page.source, bytes) for page in pages)  # each in a file
    qtbot.waitUntil(lambda: len(Spool(tmp_path / "spool").pages()) == 200)
    assert panel.size_warning.isVisible()
    warning = panel.size_warning.text()
    assert f"quá {MAX_FILE_BYTES // 2**20} MB" in warning and "đen trắng 200 dpi" in warning
    assert "chia thành nhiều giấy tờ" in warning

    for _ in range(190):  # the clerk deletes pages until the document fits: the warning goes
        panel.page_list.setFocus()
        keyboard.press(Qt.Key.Key_Delete)
    assert len(panel.pages()) == 10 and not panel.size_warning.isVisible()
