"""The end-of-day sync reconciliation slip (phiếu đối chiếu đồng bộ cuối ngày), A5 portrait.

What this counter recorded on a day, where each event stands in the sync queue, and how many
the provincial hub says it holds from this counter for that day: signed by the clerk, it shows
the commune leader that the day's work reached the province (or what is still missing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from desk_app.core.model import Office
from desk_app.core.text import megabytes
from desk_app.printing.document import PdfInfo, PrintedCopy, write_pdf
from desk_app.printing.forms import form_info
from desk_app.printing.layout import (
    A5_PORTRAIT,
    MARGIN,
    Signer,
    field_line,
    form_title,
    grid_table,
    markup,
    official_header,
    signature_block,
    slip_styles,
    top_corners,
    vn_datetime_phrase,
)

WIDTH = A5_PORTRAIT[0] - 2 * MARGIN
HEADER = ("Nội dung", "Trên máy này", "Máy chủ tỉnh đã nhận")


@dataclass(frozen=True)
class ReconciliationFigures:
    """One day of one counter's events, here and on the hub."""

    day: date
    device_name: str  # as enrolled with the province ("Quầy 1")
    hub_device_id: int | None
    hub_url: str
    created: int  # events this counter recorded that day
    synced: int  # of which the hub acknowledged
    waiting: int  # still queued
    quarantined: int  # refused by the hub, waiting for a supervisor
    discarded: int  # refused, then set aside by a supervisor (an audited event)
    conflicts: int  # of the refused: the hub holds another version under the same UUID
    hub_count: int | None  # events the hub holds from this counter for that day; None: unknown
    hub_error: str  # why the hub could not be asked
    last_sync: datetime | None
    clock_skew: timedelta | None
    printed_at: datetime
    # Digitised documents' files, now (not only the day's): queued for the hub, and set aside.
    files_waiting: int = 0
    files_waiting_bytes: int = 0
    files_quarantined: int = 0

    @property
    def matches(self) -> bool | None:
        """Whether the hub holds what this counter counts as synced; None: not asked. The hub
        may also count its own version of an event refused as a conflict (when this counter
        sent that version earlier), so those may come on top."""
        if self.hub_count is None:
            return None
        return self.synced <= self.hub_count <= self.synced + self.conflicts


def verdict(figures: ReconciliationFigures) -> str:
    if figures.matches is None:
        return f"CHƯA ĐỐI CHIẾU ĐƯỢC với máy chủ tỉnh: {figures.hub_error}"
    if figures.matches:
        left = figures.waiting + figures.quarantined
        tail = "." if not left else f"; còn {left} sự kiện chưa lên máy chủ (xem bảng trên)."
        extra = figures.hub_count - figures.synced
        if extra:
            tail = (f", và giữ {extra} bản khác nội dung của sự kiện bị từ chối do trùng "
                    f"mã{tail}")
        return f"KHỚP: máy chủ tỉnh đã nhận đủ {figures.synced} sự kiện đã đồng bộ{tail}"
    return (
        f"KHÔNG KHỚP: máy này ghi {figures.synced} sự kiện đã đồng bộ, máy chủ tỉnh có "
        f"{figures.hub_count}. Hãy báo cho quản trị viên của tỉnh."
    )


def skew_text(skew: timedelta) -> str:
    minutes = round(skew.total_seconds() / 60)
    if minutes == 0:
        return "khớp với máy chủ (lệch dưới 1 phút)"
    return f"{'nhanh' if minutes > 0 else 'chậm'} {abs(minutes)} phút so với máy chủ tỉnh"


def render_reconciliation(
    figures: ReconciliationFigures, office: Office, clerk: str, out_path: Path
) -> Path:
    styles = slip_styles()
    form = form_info("reconciliation", figures.printed_at.date())
    hub = "—" if figures.hub_count is None else str(figures.hub_count)
    rows = [
        ["Sự kiện ghi trong ngày", str(figures.created), ""],
        ["Đã đồng bộ lên tỉnh", str(figures.synced), hub],
        ["Đang chờ gửi", str(figures.waiting), ""],
        ["Bị cách ly, chờ xử lý", str(figures.quarantined), ""],
        ["Đã loại bỏ sau cách ly", str(figures.discarded), ""],
        ["Tệp số hóa đang chờ gửi (hiện tại)",
         f"{figures.files_waiting} ({megabytes(figures.files_waiting_bytes)} MB)", ""],
        ["Tệp số hóa bị cách ly (hiện tại)", str(figures.files_quarantined), ""],
    ]
    story = [
        top_corners("", form, WIDTH, styles),
        Spacer(1, 2 * mm),
        official_header(office, WIDTH, styles, figures.printed_at.date()),
        Spacer(1, 3 * mm),
        form_title(form, WIDTH, styles),
        Paragraph(f"Ngày {figures.day:%d/%m/%Y}", styles.centre),
        Spacer(1, 3 * mm),
        field_line(
            "Máy tiếp nhận",
            f"{figures.device_name} (mã trên máy chủ tỉnh: "
            f"{figures.hub_device_id or 'chưa đăng ký'})",
            styles.body,
        ),
        field_line("Máy chủ tỉnh", figures.hub_url or "chưa đăng ký", styles.body),
        Spacer(1, 2 * mm),
        grid_table(
            HEADER, rows, [WIDTH * 0.5, WIDTH * 0.22, WIDTH * 0.28], styles, numeric_columns=(1, 2)
        ),
        Spacer(1, 2 * mm),
        Paragraph(f"<b>Kết quả đối chiếu:</b> {markup(verdict(figures))}", styles.body),
        field_line(
            "Lần đồng bộ thành công gần nhất",
            vn_datetime_phrase(figures.last_sync) if figures.last_sync else "chưa có",
            styles.body,
        ),
    ]
    if figures.clock_skew is not None:
        story.append(field_line("Đồng hồ của máy", skew_text(figures.clock_skew), styles.body))
    story += [
        field_line("In lúc", vn_datetime_phrase(figures.printed_at), styles.body),
        Spacer(1, 4 * mm),
        signature_block([Signer("NGƯỜI LẬP PHIẾU", clerk)], WIDTH, styles),
    ]
    copy = PrintedCopy(
        story, f"{form.title} – ngày {figures.day:%d/%m/%Y} (tiếp theo)", fit_one_page=True
    )
    info = PdfInfo(f"{form.title} – {figures.day:%d/%m/%Y}", office.unit_name, figures.device_name)
    return write_pdf(out_path, [copy], A5_PORTRAIT, info)
