"""The SANE back end driving the real SANE stack through scanimage and its `test` device."""

from __future__ import annotations

import io
import os
import signal

import pytest
from PIL import Image

from desk_app.scanning import sane
from desk_app.scanning.sane import SaneScanner
from desk_app.scanning.scanner import Device, ScanError, ScanSettings
from tests.sane_device import scanimage_children, use_test_device


def never() -> bool:
    return False


def test_devices_lists_the_test_scanners(monkeypatch, tmp_path):
    use_test_device(monkeypatch, tmp_path / "sane")
    assert [d.id for d in SaneScanner().devices()] == ["test:0", "test:1"]


def test_a_flatbed_page_in_grey_is_one_jpeg_at_the_asked_resolution(monkeypatch, tmp_path):
    device = use_test_device(monkeypatch, tmp_path / "sane")
    pages = []
    SaneScanner().acquire(device, ScanSettings(dpi=300, mode="gray"), pages.append, never)
    assert len(pages) == 1
    page = pages[0]
    assert (page.dpi, page.mode) == (300, "gray")
    image = Image.open(io.BytesIO(page.data))
    assert image.format == "JPEG" and image.mode == "L"
    # The test device's default area is 80 × 100 mm.
    assert image.size == pytest.approx((80 / 25.4 * 300, 100 / 25.4 * 300), abs=3)
    # A picture, not a blank: the colour pattern has many shades.
    assert len(image.getcolors(256)) > 10


def test_a_black_and_white_page_is_a_g4_tiff(monkeypatch, tmp_path):
    device = use_test_device(monkeypatch, tmp_path / "sane", test_picture='"Grid"')
    pages = []
    SaneScanner().acquire(device, ScanSettings(dpi=200, mode="bw"), pages.append, never)
    image = Image.open(io.BytesIO(pages[0].data))
    assert (image.format, image.mode, image.info["compression"]) == ("TIFF", "1", "group4")
    assert {colour for _, colour in image.getcolors()} == {0, 255}  # the grid's black lines on white


def test_the_feeder_delivers_its_pages_one_by_one_while_it_runs(monkeypatch, tmp_path):
    # The test device's feeder holds 10 sheets.
    device = use_test_device(monkeypatch, tmp_path / "sane")
    pages, running = [], []

    def arrived(page):
        pages.append(page)
        running.append(bool(scanimage_children()))

    SaneScanner().acquire(device, ScanSettings(source="adf", mode="color"), arrived, never)
    assert len(pages) == 10
    assert all(page.mode == "color" for page in pages)
    assert running[0]  # the first page came while scanimage was still feeding the rest


def test_a_scanner_unplugged_mid_run_keeps_the_pages_already_delivered(monkeypatch, tmp_path):
    # Slow reads, so the device is pulled while a sheet is still going through.
    device = use_test_device(monkeypatch, tmp_path / "sane", read_delay="true",
                             read_delay_duration="50000", read_limit="true",
                             read_limit_size="16384")
    pages = []

    def arrived(page):
        pages.append(page)
        if len(pages) == 2:
            for pid in scanimage_children():
                os.kill(pid, signal.SIGKILL)

    with pytest.raises(ScanError) as raised:
        SaneScanner().acquire(device, ScanSettings(source="adf", mode="gray"), arrived, never)
    assert raised.value.kind == "gone"
    assert "giữa chừng" in raised.value.message
    assert len(pages) == 2


def test_cancel_stops_the_feeder_and_keeps_the_pages_captured(monkeypatch, tmp_path):
    device = use_test_device(monkeypatch, tmp_path / "sane", read_delay="true",
                             read_delay_duration="20000", read_limit="true",
                             read_limit_size="16384")
    pages = []
    with pytest.raises(ScanError) as raised:
        SaneScanner().acquire(device, ScanSettings(source="adf", mode="gray"), pages.append,
                              lambda: len(pages) >= 3)
    assert raised.value.kind == "cancelled"
    assert raised.value.message == "Đã dừng quét. Các trang đã quét vẫn giữ."
    assert len(pages) == 3
    assert scanimage_children() == []  # the scanner is released, not left running


def test_a_missing_scanner_says_so(monkeypatch, tmp_path):
    use_test_device(monkeypatch, tmp_path / "sane")
    with pytest.raises(ScanError) as raised:
        SaneScanner().acquire(Device("test:7", "gone"), ScanSettings(), list().append, never)
    assert raised.value.kind == "no_scanner"
    assert raised.value.message.startswith("Không tìm thấy máy quét")


def test_no_scanimage_program_is_no_scanner(monkeypatch, tmp_path):
    scanner = SaneScanner(program=str(tmp_path / "no-such-scanimage"))
    assert scanner.devices() == []
    with pytest.raises(ScanError) as raised:
        scanner.acquire(Device("test:0", "x"), ScanSettings(), list().append, never)
    assert raised.value.kind == "no_scanner"


@pytest.mark.parametrize(("status", "kind", "words"), [
    ("SANE_STATUS_JAMMED", "jammed", "Kẹt giấy"),
    ("SANE_STATUS_DEVICE_BUSY", "busy", "đang bận"),
    ("SANE_STATUS_COVER_OPEN", "cover_open", "Nắp máy quét"),
    ("SANE_STATUS_IO_ERROR", "gone", "Mất kết nối"),
])
def test_the_scanners_own_errors_say_what_happened(monkeypatch, tmp_path, status, kind, words):
    device = use_test_device(monkeypatch, tmp_path / "sane", read_status_code=f'"{status}"')
    with pytest.raises(ScanError) as raised:
        SaneScanner().acquire(device, ScanSettings(source="adf"), list().append, never)
    assert raised.value.kind == kind
    assert words in raised.value.message


def test_a_scanner_that_hangs_after_reporting_a_status_is_stopped_and_its_report_stands(
        monkeypatch, tmp_path):
    """SANE's test device hangs about one run in twenty while releasing the device after a busy
    or I/O status (seen in CI: the scan waited for ever). A scanimage that has reported a
    failed read and does not end is stopped, and the clerk is told what it reported."""
    device = use_test_device(monkeypatch, tmp_path / "sane")
    hanging = tmp_path / "scanimage"
    hanging.write_text(
        "#!/bin/sh\n"
        'case " $* " in *" -A "*) exec scanimage "$@";; esac\n'  # its options: the real ones
        'echo "scanimage: sane_read: Device busy" >&2\n'
        "exec sleep 600\n")
    hanging.chmod(0o755)
    monkeypatch.setattr(sane, "STUCK_SECONDS", 0.5)
    with pytest.raises(ScanError) as raised:
        SaneScanner(program=str(hanging)).acquire(device, ScanSettings(source="adf"),
                                                  list().append, never)
    assert raised.value.kind == "busy"
