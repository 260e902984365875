"""The Máy in tab: for each kind of paper the counter prints, which printer and which paper.

The printers listed are this PC's (QPrinterInfo). A printer set earlier that the PC no longer
has stays listed, marked, so opening and saving the settings never silently drops it.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from desk_app.core.options import AS_DRAWN, PRINTED_KINDS, PrinterChoice, printer_option_name
from desk_app.ui.field_form import FieldForm
from desk_app.ui.labels import slip_kind_label
from desk_app.ui.printer_choice import available_printers


def printed_kind_label(kind: str) -> str:
    reports = {
        "ledger": QCoreApplication.translate("SettingsDialog", "Sổ theo dõi hồ sơ"),
        "end_of_day": QCoreApplication.translate("SettingsDialog", "Tổng kết cuối ngày"),
        "reconciliation": QCoreApplication.translate(
            "SettingsDialog", "Biên bản đối chiếu đồng bộ"),
    }
    return reports.get(kind) or slip_kind_label(kind)


class PrinterRow(QWidget):
    def __init__(self, kind: str, choice: PrinterChoice, printers: list[str]) -> None:
        super().__init__(objectName=f"printer_row_{kind}")
        self.printer = QComboBox(objectName=f"printer_{kind}")
        self.printer.addItem(self.tr("Máy in mặc định"), "")
        for name in printers:
            self.printer.addItem(name, name)
        if choice.printer and choice.printer not in printers:
            self.printer.addItem(
                self.tr("{name} (không thấy trên máy này)").format(name=choice.printer),
                choice.printer)
        self.printer.setCurrentIndex(self.printer.findData(choice.printer))
        self.paper = QComboBox(objectName=f"paper_{kind}")
        self.paper.addItem(self.tr("Theo mẫu (A5 cho phiếu, A4 cho sổ, báo cáo)"), AS_DRAWN)
        self.paper.addItem("A4", "A4")
        self.paper.addItem("A5", "A5")
        self.paper.setCurrentIndex(max(0, self.paper.findData(choice.paper)))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.printer, 3)
        layout.addWidget(self.paper, 2)
        self.setFocusProxy(self.printer)

    def choice(self) -> PrinterChoice:
        return PrinterChoice(self.printer.currentData(), self.paper.currentData())


class PrinterSettings(QWidget):
    def __init__(self, values: Mapping, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="printer_settings")
        printers = available_printers()
        self.form = FieldForm(self)
        intro = QLabel(self.tr(
            "Chọn máy in và khổ giấy cho từng loại phiếu. Nếu máy in đã chọn không có (chưa bật "
            "hoặc đã rút cáp), phiếu in ra máy in mặc định và phần mềm báo cho cán bộ biết."))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        if not printers:
            none = QLabel(self.tr(
                "Máy tính này chưa cài máy in nào: mọi phiếu sẽ dùng máy in mặc định khi có."),
                objectName="no_printers_label")
            none.setWordWrap(True)
            none.setStyleSheet("color: #a85400;")
            self.form.addRow(none)
        self.rows: dict[str, PrinterRow] = {}
        for kind in PRINTED_KINDS:
            name = printer_option_name(kind)
            row = PrinterRow(kind, values[name], printers)
            self.rows[kind] = row
            self.form.row(printed_kind_label(kind), name, row)

    def values(self) -> dict[str, PrinterChoice]:
        return {printer_option_name(kind): row.choice() for kind, row in self.rows.items()}
