"""The dossier ledger (form 6) for a date range: looked at on screen, then printed as an A4
landscape PDF or saved as an Excel file with the official columns."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.accounts import Permission
from desk_app.core.lifecycle import LedgerLine
from desk_app.ui.field_errors import ERROR_COLOUR
from desk_app.ui.labels import date_time_text, state_label
from desk_app.ui.messages import error_text
from desk_app.ui.print_preview import show_preview
from desk_app.ui.tables import fill_table, read_only_table
from desk_app.ui.widgets import open_size


def default_file_name(date_from: date, date_to: date) -> str:
    return f"So-theo-doi-ho-so_{date_from:%Y-%m-%d}_{date_to:%Y-%m-%d}.xlsx"


LONG_COLUMNS = (2, 4)
LONG_WIDTH = 240


def month_of(day: date) -> tuple[date, date]:
    """The first and last day of `day`'s month."""
    first = day.replace(day=1)
    next_first = (first + timedelta(days=32)).replace(day=1)
    return first, next_first - timedelta(days=1)


def _date_edit(value: date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day), objectName=name)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


def _python_date(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class LedgerDialog(QDialog):
    """`granted`: the permissions of the clerk who opens it; saving as Excel (for reports
    sent on) is offered only with REPORTS."""

    def __init__(self, services, worker, today: date, parent: QWidget | None = None, *,
                 granted: frozenset[Permission]) -> None:
        super().__init__(parent, objectName="ledger_dialog")
        self._services = services
        self._worker = worker
        self._may_save_excel = Permission.REPORTS in granted
        self.lines: list[LedgerLine] = []
        self.setWindowTitle(self.tr("Sổ theo dõi hồ sơ"))

        first, last = month_of(today)
        self.date_from = _date_edit(first, "date_from")
        self.date_to = _date_edit(last, "date_to")
        this_month = QPushButton(self.tr("Tháng &này"), objectName="this_month_button")
        this_month.clicked.connect(lambda: self.set_period(*month_of(today)))
        last_month = QPushButton(self.tr("Tháng t&rước"), objectName="last_month_button")
        last_month.clicked.connect(
            lambda: self.set_period(*month_of(today.replace(day=1) - timedelta(days=1))))
        from_label = QLabel(self.tr("&Từ ngày"))
        from_label.setBuddy(self.date_from)
        to_label = QLabel(self.tr("Đến n&gày"))
        to_label.setBuddy(self.date_to)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.load)
        self.status = QLabel(objectName="ledger_status")
        self.status.setWordWrap(True)

        self.table = read_only_table("ledger_table", [
            self.tr("Số TT"), self.tr("Mã hồ sơ"), self.tr("Thủ tục"), self.tr("Người nộp"),
            self.tr("Địa chỉ, điện thoại"), self.tr("Ngày nhận"), self.tr("Hẹn trả"),
            self.tr("Ngày trả"), self.tr("Cán bộ tiếp nhận"), self.tr("Trạng thái"),
            self.tr("Tiến độ"),
        ])

        self.pdf_button = QPushButton(self.tr("Xuất PDF (Ctrl+P)"), objectName="pdf_button")
        self.pdf_button.setShortcut(QKeySequence.StandardKey.Print)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.xlsx_button = QPushButton(self.tr("Xuất Excel… (Ctrl+S)"), objectName="xlsx_button")
        self.xlsx_button.setShortcut(QKeySequence.StandardKey.Save)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.xlsx_button.setVisible(self._may_save_excel)  # hidden, its Ctrl+S does nothing
        close_button = QPushButton(self.tr("Đóng (Esc)"), objectName="close_button")
        close_button.clicked.connect(self.reject)
        for button in (this_month, last_month, self.pdf_button, self.xlsx_button, close_button):
            button.setAutoDefault(False)

        top = QHBoxLayout()
        for widget in (from_label, self.date_from, to_label, self.date_to, this_month,
                       last_month):
            top.addWidget(widget)
        top.addWidget(self.status, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.pdf_button, self.xlsx_button, close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        open_size(self, 1280, 640)
        self.date_from.setFocus()
        self.load()

    def set_period(self, date_from: date, date_to: date) -> None:
        for edit, value in ((self.date_from, date_from), (self.date_to, date_to)):
            edit.blockSignals(True)
            edit.setDate(QDate(value.year, value.month, value.day))
            edit.blockSignals(False)
        self.load()

    def period(self) -> tuple[date, date]:
        return _python_date(self.date_from), _python_date(self.date_to)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.status.setText(text)

    def _period_or_say(self) -> tuple[date, date] | None:
        date_from, date_to = self.period()
        if date_from > date_to:
            self._say(self.tr("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."), error=True)
            return None
        return date_from, date_to

    def load(self) -> None:
        period = self._period_or_say()
        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(period is not None)
        if period is None:
            self._show_lines([])
            return
        self._say(self.tr("Đang tải sổ…"))
        self._worker.run(lambda: self._services.ledger(*period), self._loaded,
                         lambda exc: self._say(error_text(exc), error=True))

    def _loaded(self, lines: list[LedgerLine]) -> None:
        self._show_lines(lines)
        self._say(self.tr("%n hồ sơ trong sổ", "", len(lines)))

    def _show_lines(self, lines: list[LedgerLine]) -> None:
        self.lines = list(lines)
        fill_table(self.table, [
            [f"{line.number}/{line.book}", line.code, line.procedure_name, line.applicant_name,
             line.applicant_contact, date_time_text(line.received_at), date_time_text(line.due_at),
             date_time_text(line.returned_at), line.clerk, state_label(line.status),
             line.timeliness]
            for line in lines
        ])
        # The procedure and the address are the long ones: elided, whole in their tooltip.
        for column in LONG_COLUMNS:
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), LONG_WIDTH))

    def export_pdf(self) -> None:
        period = self._period_or_say()
        if period is None:
            return
        self._say(self.tr("Đang tạo tệp PDF…"))
        self._worker.run(lambda: self._services.ledger_pdf(*period), self._pdf_ready,
                         lambda exc: self._say(error_text(exc), error=True))

    def _pdf_ready(self, path: Path) -> None:
        self._say(self.tr("Đã tạo {path}").format(path=path))
        show_preview(path, self._worker, self, services=self._services)

    def export_xlsx(self) -> None:
        period = self._period_or_say() if self._may_save_excel else None
        if period is None:
            return
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu sổ theo dõi hồ sơ"), str(Path.home() / default_file_name(*period)),
            self.tr("Tệp Excel (*.xlsx)"))
        if not target:
            return
        out = Path(target)
        if out.suffix.lower() != ".xlsx":
            out = out.with_name(out.name + ".xlsx")
        self._say(self.tr("Đang lưu tệp Excel…"))
        self._worker.run(
            lambda: self._services.ledger_xlsx(*period, out),
            lambda path: self._say(self.tr("Đã lưu sổ tại {path}").format(path=path)),
            lambda exc: self._say(error_text(exc), error=True))


def open_ledger(services, worker, parent: QWidget,
                granted: frozenset[Permission]) -> LedgerDialog:
    dialog = LedgerDialog(services, worker, services.now().date(), parent, granted=granted)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
