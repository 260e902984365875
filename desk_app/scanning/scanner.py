"""The one small interface every scanner back end gives, its settings and its errors.

A back end delivers pages one by one through `on_page` as the feeder runs, so the panel shows
them while the next sheet goes through; when it fails halfway, the pages delivered so far stay
delivered and the error says in Vietnamese what happened.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from desk_app.scanning.pages import MODES, Page

SOURCES = ("flatbed", "adf", "adf-duplex")
DPIS = (200, 300)

# What the clerk reads for each kind of failure: what happened and what to do next.
MESSAGES = {
    "no_scanner": "Không tìm thấy máy quét. Kiểm tra máy quét đã bật và cắm cáp, hoặc nhập tệp ảnh.",
    "busy": "Máy quét đang bận (chương trình khác đang dùng). Đóng chương trình đó rồi quét lại.",
    "jammed": "Kẹt giấy trong máy quét. Gỡ tờ bị kẹt rồi quét tiếp; các trang đã quét vẫn giữ.",
    "empty": "Khay nạp giấy trống. Đặt giấy vào khay rồi quét lại.",
    "cover_open": "Nắp máy quét đang mở. Đóng nắp rồi quét lại.",
    "gone": "Mất kết nối với máy quét giữa chừng. Các trang đã quét vẫn giữ; cắm lại máy rồi quét tiếp.",
    "cancelled": "Đã dừng quét. Các trang đã quét vẫn giữ.",
    "failed": "Máy quét báo lỗi. Các trang đã quét vẫn giữ; thử quét lại hoặc nhập tệp ảnh.",
    # Importing files (imports.py).
    "empty_file": "Tệp rỗng (0 byte), không có trang nào để nhập.",
    "unreadable": "Tệp bị hỏng hoặc không phải ảnh/PDF đọc được.",
    "unsupported": "Loại tệp không hỗ trợ. Chỉ nhập được JPEG, PNG, TIFF hoặc PDF.",
    "password": "Tệp PDF có mật khẩu, không mở được. Xin tệp không đặt mật khẩu hoặc quét bản giấy.",
}


class ScanError(Exception):
    """A scanner or file problem the clerk can act on: `.kind` (a key of MESSAGES) and
    `.message`, in Vietnamese; `detail` is the back end's own words, for the log."""

    def __init__(self, kind: str, detail: str = "", message: str = "") -> None:
        self.kind = kind
        self.message = message or MESSAGES[kind]
        self.detail = detail
        super().__init__(self.message + (f" ({detail})" if detail else ""))


@dataclass(frozen=True)
class Device:
    id: str  # what the back end opens it by
    name: str  # what the clerk sees


@dataclass(frozen=True)
class ScanSettings:
    dpi: int = 200
    mode: str = "bw"  # "bw" | "gray" | "color"
    source: str = "flatbed"  # "flatbed" | "adf" | "adf-duplex"

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode {self.mode!r} is not one of {MODES}")
        if self.source not in SOURCES:
            raise ValueError(f"source {self.source!r} is not one of {SOURCES}")


class Scanner(Protocol):
    def devices(self) -> list[Device]:
        """The scanners attached now (may take seconds: never on the GUI thread)."""
        ...

    def acquire(self, device: Device, settings: ScanSettings, on_page: Callable[[Page], None],
                cancelled: Callable[[], bool]) -> None:
        """Scan until the feeder is empty (one page on the flatbed), calling `on_page` with
        each page as it arrives; stop soon after `cancelled()` turns true. Raises ScanError;
        pages already delivered stay delivered."""
        ...


def default_scanner() -> Scanner:
    """WIA on Windows (the counter PCs), SANE's scanimage elsewhere."""
    if sys.platform == "win32":
        from desk_app.scanning.wia import WiaScanner

        return WiaScanner()
    from desk_app.scanning.sane import SaneScanner

    return SaneScanner()
