"""The end-of-day report (Báo cáo cuối ngày): what the counter did today, where today's dossiers
went, and what is still lying at the counter tonight; signed by the clerk and the leader.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from desk_app.core.lifecycle import PAUSED_STATES
from desk_app.core.model import DossierRow, Office
from desk_app.core.reports import EndOfDay, Tally, digitisation_tallies
from desk_app.core.timeliness import dossier_timeliness
from desk_app.printing.blocks import slip_opening
from desk_app.printing.document import PdfInfo, PrintedCopy, write_pdf
from desk_app.printing.forms import form_info
from desk_app.printing.layout import (
    A4_PORTRAIT,
    MARGIN,
    Signer,
    SlipStyles,
    a4_styles,
    form_title,
    grid_table,
    kept_with_next,
    short_datetime,
    signature_block,
    two_digits,
    vn_date_phrase,
    vn_datetime_phrase,
)

WIDTH = A4_PORTRAIT[0] - 2 * MARGIN
NUMBER, COUNT = 10 * mm, 22 * mm
NONE_LINE = "(Không có)"
LIST_SIZE = 9  # pt: a dossier code then takes two lines in its column, a date one


def render_end_of_day(report: EndOfDay, office: Office, out: Path) -> Path:
    form = form_info("end_of_day", report.day)
    styles = a4_styles(table_size=LIST_SIZE)
    day = vn_date_phrase(report.day)
    story: list[Flowable] = [
        *slip_opening(form, office, WIDTH, report.day, styles),
        form_title(form, WIDTH, styles),
        Paragraph(f"{day[0].upper()}{day[1:]}", styles.centre),
        Paragraph(f"(Lập lúc {vn_datetime_phrase(report.made_at)})", styles.place_date),
        Spacer(1, 3 * mm),
        *_tally_section("I. CÔNG VIỆC TRONG NGÀY", "Công việc", "Số lượt", report.activity, styles),
        *_tally_section(
            "II. HỒ SƠ TIẾP NHẬN TRONG NGÀY THEO TRẠNG THÁI HIỆN NAY",
            "Trạng thái",
            "Số hồ sơ",
            report.by_state,
            styles,
            total=True,
        ),
        *_tally_section(
            "III. HỒ SƠ TIẾP NHẬN TRONG NGÀY THEO THỦ TỤC",
            "Thủ tục",
            "Số hồ sơ",
            report.by_procedure,
            styles,
            total=True,
        ),
        *_handed_over_section(report, styles),
        *_at_counter_section(report, styles),
        *_digitisation_section(report, styles),
        *kept_with_next(_summary(report, styles), Spacer(1, 4 * mm)),
        signature_block(
            [Signer("NGƯỜI LẬP BÁO CÁO", report.clerk), Signer("LÃNH ĐẠO")], WIDTH, styles
        ),
    ]
    copy = PrintedCopy(story, running_head=f"{form.title} – {day} (tiếp theo)")
    info = PdfInfo(title=f"{form.title} – {day}", author=office.unit_name)
    return write_pdf(out, [copy], A4_PORTRAIT, info, page_numbers=True)


def _summary(report: EndOfDay, styles: SlipStyles) -> Paragraph:
    """The day in one sentence, just above the signatures, so that what they sign is in view
    even when the tables fill the page before."""
    counts = (
        ("tiếp nhận", report.received),
        ("bàn giao", len(report.handed_over)),
        ("còn tại bộ phận tiếp nhận", len(report.at_counter)),
    )
    parts = ", ".join(f"{what} <b>{two_digits(count)}</b>" for what, count in counts)
    return Paragraph(f"Tổng hợp trong ngày: {parts} hồ sơ.", styles.body)


def _section(
    heading: str,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    styles: SlipStyles,
    numeric_columns: Sequence[int],
) -> list[Flowable]:
    """A heading kept with what follows it: the table, or '(Không có)' when it has no rows."""
    title = Paragraph(f"<b>{heading}</b>", styles.body)
    if not rows:
        return [*kept_with_next(title), Paragraph(NONE_LINE, styles.body), Spacer(1, 3 * mm)]
    table = grid_table(header, rows, widths, styles, numeric_columns=numeric_columns)
    return [*kept_with_next(title, Spacer(1, 1 * mm)), table, Spacer(1, 4 * mm)]


def _tally_section(
    heading: str,
    what: str,
    count: str,
    tallies: Sequence[Tally],
    styles: SlipStyles,
    *,
    total: bool = False,
) -> list[Flowable]:
    rows = [[str(n), t.label, str(t.count)] for n, t in enumerate(tallies, start=1)]
    if total and rows:
        rows.append(["", "Tổng cộng", str(sum(t.count for t in tallies))])
    widths = [NUMBER, WIDTH - NUMBER - COUNT, COUNT]
    return _section(heading, ("STT", what, count), rows, widths, styles, (0, 2))


def _handed_over_section(report: EndOfDay, styles: SlipStyles) -> list[Flowable]:
    by_unit = _tally_section(
        "IV. HỒ SƠ ĐÃ BÀN GIAO TRONG NGÀY",
        "Đơn vị nhận",
        "Số hồ sơ",
        report.handed_over_by_unit(),
        styles,
        total=True,
    )
    if not report.handed_over:
        return by_unit
    header = ("STT", "Mã hồ sơ", "Người nộp", "Thủ tục", "Giao cho", "Lúc", "Người giao")
    rows = [
        [
            str(n),
            h.code,
            h.applicant_name,
            h.procedure_name,
            f"{h.unit} – {h.receiver_name}" if h.receiver_name else h.unit,
            short_datetime(h.at, "\n"),
            h.clerk,
        ]
        for n, h in enumerate(report.handed_over, start=1)
    ]
    widths = [w * mm for w in (10, 25, 30, 35, 41, 19, 26)]
    return [
        *by_unit,
        *_section("Danh sách hồ sơ đã bàn giao:", header, rows, widths, styles, (0, 5)),
    ]


def _at_counter_section(report: EndOfDay, styles: SlipStyles) -> list[Flowable]:
    header = ("STT", "Mã hồ sơ", "Người nộp", "Thủ tục", "Trạng thái", "Hẹn trả", "Tình trạng hạn")
    rows = [
        [
            str(n),
            row.code,
            row.applicant_name,
            row.procedure_name,
            row.status.label,
            short_datetime(row.due_at, "\n"),
            _deadline(row, report),
        ]
        for n, row in enumerate(report.at_counter, start=1)
    ]
    widths = [w * mm for w in (10, 25, 32, 36, 35, 19, 29)]
    heading = f"V. HỒ SƠ CÒN TẠI BỘ PHẬN TIẾP NHẬN ({two_digits(len(report.at_counter))} hồ sơ)"
    return _section(heading, header, rows, widths, styles, (0, 5))


def _digitisation_section(report: EndOfDay, styles: SlipStyles) -> list[Flowable]:
    """Decree 118/2025 Art. 17.1(c): how the day's receipts were digitised, which of them are
    not yet complete, and what was digitised later (supplements, results)."""
    by_kind = _tally_section("VI. SỐ HÓA HỒ SƠ TIẾP NHẬN TRONG NGÀY", "Cách số hóa", "Số lượng",
                             digitisation_tallies(report.digitisation), styles)
    # Said only when there were some: most days have none, and the tallies above say the rest.
    later = _tally_section("Giấy tờ số hóa sau khi tiếp nhận:", "Loại", "Số giấy tờ",
                           report.digitised_later, styles) if report.digitised_later else []
    if not report.incomplete_digitisation:
        return [*by_kind, *later]
    header = ("STT", "Mã hồ sơ", "Người nộp", "Thủ tục", "Số hóa")
    rows = [[str(n), d.code, d.applicant_name, d.procedure_name, d.tally.text()]
            for n, d in enumerate(report.incomplete_digitisation, start=1)]
    widths = [w * mm for w in (10, 25, 32, 50, 69)]
    return [*by_kind, *later,
            *_section("Hồ sơ tiếp nhận chưa số hóa đủ:", header, rows, widths, styles, (0,))]


def _deadline(row: DossierRow, report: EndOfDay) -> str:
    """Not judged while the clock is stopped for the applicant: the due time will move."""
    if row.status in PAUSED_STATES:
        return "Tạm dừng tính hạn"
    verdict = dossier_timeliness(row.status, row.due_at, report.made_at, row.finished_at)
    return verdict.label if verdict else ""
