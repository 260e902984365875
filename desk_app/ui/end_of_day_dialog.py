"""The end of the counter's day: what happened, what was received and where it is now, what
went to which unit, and which paper dossiers are still at the counter; printable."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.reports import EndOfDay, Tally
from desk_app.core.states import DossierState
from desk_app.ui.field_errors import ERROR_COLOUR
from desk_app.ui.labels import (
    date_time_text,
    event_kind_label,
    state_label,
    weekday_text,
)
from desk_app.ui.messages import error_text, show_error
from desk_app.ui.print_preview import show_preview
from desk_app.ui.tables import fill_table, read_only_table
from desk_app.ui.widgets import make_heading, open_size


def _boxed(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    QVBoxLayout(box).addWidget(widget)
    return box


class EndOfDayDialog(QDialog):
    def __init__(self, services, worker, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="end_of_day_dialog")
        self._services = services
        self._worker = worker
        self.report: EndOfDay | None = None
        self.setWindowTitle(self.tr("Tổng kết cuối ngày"))

        self.day = QDateEdit(QDate(today.year, today.month, today.day), objectName="day")
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        self.day.dateChanged.connect(self.load)
        day_label = QLabel(self.tr("&Ngày"))
        day_label.setBuddy(self.day)
        self.heading = make_heading(QLabel(objectName="end_of_day_heading"), 1.3)
        self.summary = QLabel(objectName="end_of_day_summary")
        self.summary.setWordWrap(True)

        tally = [self.tr("Nội dung"), self.tr("Số hồ sơ")]
        self.activity = read_only_table("activity_table", tally, 0)
        self.by_state = read_only_table("by_state_table", tally, 0)
        self.by_procedure = read_only_table(
            "by_procedure_table", [self.tr("Thủ tục"), tally[1]], 0)
        self.handed_over = read_only_table("handed_over_table", [
            self.tr("Giờ"), self.tr("Mã hồ sơ"), self.tr("Người nộp"), self.tr("Thủ tục"),
            self.tr("Đơn vị nhận"), self.tr("Người nhận"),
        ], 3)
        self.at_counter = read_only_table("at_counter_table", [
            self.tr("Mã hồ sơ"), self.tr("Người nộp"), self.tr("Thủ tục"), self.tr("Trạng thái"),
            self.tr("Hẹn trả"),
        ], 2)

        self.print_button = QPushButton(self.tr("In báo cáo (Ctrl+P)"), objectName="print_button")
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_report)
        close_button = QPushButton(self.tr("Đóng (Esc)"), objectName="close_button")
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(day_label)
        top.addWidget(self.day)
        grid = QGridLayout()
        grid.addWidget(_boxed(self.tr("Hoạt động trong ngày"), self.activity), 0, 0)
        grid.addWidget(_boxed(self.tr("Hồ sơ nhận trong ngày, theo trạng thái hiện nay"),
                              self.by_state), 0, 1)
        grid.addWidget(_boxed(self.tr("Hồ sơ nhận trong ngày, theo thủ tục"),
                              self.by_procedure), 0, 2)
        grid.addWidget(_boxed(self.tr("Đã bàn giao trong ngày"), self.handed_over), 1, 0, 1, 3)
        grid.addWidget(_boxed(self.tr("Hồ sơ còn tại quầy"), self.at_counter), 2, 0, 1, 3)
        for column, stretch in enumerate((2, 2, 3)):
            grid.setColumnStretch(column, stretch)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(grid, 1)
        layout.addLayout(buttons)
        open_size(self, 1280, 680)
        self.load()

    def chosen_day(self) -> date:
        chosen = self.day.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def load(self) -> None:
        day = self.chosen_day()
        self.print_button.setEnabled(False)
        self._worker.run(lambda: self._services.end_of_day(day), self.show_report, self._failed)

    def _failed(self, exc: Exception) -> None:
        self.summary.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.summary.setText(error_text(exc))

    def show_report(self, report: EndOfDay) -> None:
        self.report = report
        self.print_button.setEnabled(True)
        self.heading.setText(self.tr("Tổng kết cuối ngày {weekday}, {date}").format(
            weekday=weekday_text(report.day), date=report.day.strftime("%d/%m/%Y")))
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr(
            "Tiếp nhận {received} hồ sơ · bàn giao {handed} hồ sơ · còn {left} hồ sơ tại quầy"
        ).format(received=report.received, handed=len(report.handed_over),
                 left=len(report.at_counter)))

        def tallies(items: tuple[Tally, ...], label) -> list[list[str]]:
            return [[label(t), str(t.count)] for t in items]

        fill_table(self.activity, tallies(report.activity, lambda t: event_kind_label(t.key)))
        fill_table(self.by_state, tallies(
            report.by_state, lambda t: state_label(DossierState(int(t.key)))))
        fill_table(self.by_procedure, tallies(report.by_procedure, lambda t: t.label))
        fill_table(self.handed_over, [
            [h.at.strftime("%H:%M"), h.code, h.applicant_name, h.procedure_name, h.unit,
             h.receiver_name]
            for h in report.handed_over
        ])
        fill_table(self.at_counter, [
            [r.code, r.applicant_name, r.procedure_name, state_label(r.status),
             date_time_text(r.due_at)]
            for r in report.at_counter
        ])

    def print_report(self) -> None:
        day = self.chosen_day()
        self.print_button.setEnabled(False)
        self._worker.run(lambda: self._services.end_of_day_pdf(day), self._preview,
                         self._print_failed)

    def _print_failed(self, exc: Exception) -> None:
        self.print_button.setEnabled(True)
        show_error(self, exc)

    def _preview(self, path: Path) -> None:
        self.print_button.setEnabled(True)
        show_preview(path, self._worker, self, services=self._services)


def open_end_of_day(services, worker, parent: QWidget) -> EndOfDayDialog:
    dialog = EndOfDayDialog(services, worker, services.now().date(), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
