"""Store errors carry a message a clerk or support person can act on, in Vietnamese; their
types are in core.errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desk_app.core.errors import DatabaseCorrupt, DatabaseReadOnly, StoreError


def corrupt_message(path: Path | str, detail: str) -> str:
    return (
        f"Tệp dữ liệu {path} bị hỏng ({detail}). Không ghi thêm gì vào tệp này; "
        "hãy liên hệ cán bộ CNTT để khôi phục từ bản sao lưu."
    )


def explain(exc: sqlite3.Error, path: Path | str) -> StoreError:
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return DatabaseReadOnly(
            f"Tệp dữ liệu {path} chỉ cho phép đọc, không ghi được. "
            "Kiểm tra quyền ghi của thư mục dữ liệu và dung lượng đĩa."
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseCorrupt(corrupt_message(path, str(exc)))
    if "locked" in text or "busy" in text:
        return StoreError(
            f"Tệp dữ liệu {path} đang bị một chương trình khác giữ. "
            "Đóng cửa sổ ứng dụng còn mở rồi thử lại."
        )
    if "full" in text:
        return StoreError("Ổ đĩa đã đầy, không lưu được dữ liệu. Giải phóng dung lượng rồi thử lại.")
    return StoreError(f"Lỗi cơ sở dữ liệu ({path}): {exc}")
