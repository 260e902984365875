import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication, QFileDialog

from desk_app.services.demo import seed
from desk_app.ui import print_preview
from desk_app.ui.print_preview import PrintPreviewDialog, print_pdf
from desk_app.ui.print_preview import paint_pages as PAINT  # before a test stubs it

A5_POINTS = (419.5, 595.3)


@pytest.fixture
def receipt(services):
    seed(services, count=1)
    return services.receipt_pdf(services.dossier_rows()[0].uuid)


@pytest.fixture
def no_printer(monkeypatch):
    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: []))


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(print_preview, "warn", lambda parent, title, text: shown.append(text))
    return shown


def open_preview(qtbot, path, worker):
    dialog = PrintPreviewDialog(path, worker)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_print_pdf_sends_every_page_on_a5(qapp, receipt, tmp_path):
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    assert print_pdf(receipt, printer) == len(PdfReader(receipt).pages) == 2
    printed = PdfReader(out).pages
    assert len(printed) == 2
    for page in printed:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A5_POINTS, abs=1.5)


def test_print_resolution_is_capped(qapp):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    assert print_preview.printer_dpi(printer) == min(printer.resolution(), 300)


def test_preview_shows_every_page(qtbot, receipt, worker):
    dialog = open_preview(qtbot, receipt, worker)
    assert len(dialog.page_labels()) == 2
    assert dialog.status.text().startswith("2 trang")
    assert dialog.print_button.isEnabled()


def test_no_printer_says_the_slip_is_kept_and_can_be_printed_later(
        qtbot, receipt, worker, no_printer, warnings):
    dialog = open_preview(qtbot, receipt, worker)
    assert dialog.printer_notice.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(warnings) > 0)  # a button's shortcut animates the click first
    assert len(warnings) == 1
    assert "Không tìm thấy máy in" in warnings[0]
    assert str(receipt) in warnings[0]
    assert "Không mất dữ liệu" in warnings[0]


def test_a_damaged_pdf_is_explained_not_thrown(qtbot, tmp_path, worker):
    damaged = tmp_path / "hong.pdf"
    damaged.write_bytes(b"%PDF-1.7 this is not really a pdf")
    dialog = open_preview(qtbot, damaged, worker)
    assert "Không mở được tệp phiếu" in dialog.status.text()
    assert str(damaged) in dialog.status.text()
    assert not dialog.print_button.isEnabled()
    assert dialog.page_labels() == []


def test_a_missing_pdf_is_explained_not_thrown(qtbot, tmp_path, worker):
    dialog = open_preview(qtbot, tmp_path / "khong-co.pdf", worker)
    assert "Không mở được tệp phiếu" in dialog.status.text()


def test_zoom_with_ctrl_plus_and_minus(qtbot, receipt, worker):
    dialog = open_preview(qtbot, receipt, worker)
    width = dialog.page_labels()[0].pixmap().width()
    qtbot.keyClick(dialog, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.zoom_label.text() == "125 %"
    assert dialog.page_labels()[0].pixmap().width() > width
    qtbot.keyClick(dialog, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.zoom_label.text() == "75 %"


def test_save_a_copy(qtbot, receipt, worker, tmp_path, monkeypatch):
    target = tmp_path / "ban-sao.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    dialog = open_preview(qtbot, receipt, worker)
    qtbot.keyClick(dialog, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(target.exists)
    assert target.read_bytes() == receipt.read_bytes()
    assert str(target) in dialog.status.text()


# --- issue 14, item 11: the advice without a printer, fitting, paging and copies -------------

def test_without_a_printer_the_advice_fits_the_slip(qtbot, services, receipt, worker,
                                                    no_printer):
    """Ctrl+P in the list reprints the receipt only: another slip says where to find it."""
    uuid = services.dossier_rows()[0].uuid
    services.refuse(uuid, "Hồ sơ không thuộc thẩm quyền của xã")
    control = services.slip_pdf(uuid, "refusal")
    assert "Ctrl+P" in open_preview(qtbot, receipt, worker).printer_notice.text()
    notice = open_preview(qtbot, control, worker).printer_notice.text()
    assert "Ctrl+P" not in notice
    assert "thẻ Phiếu đã in (Alt+4)" in notice and str(control) in notice


def test_ctrl_0_fits_the_page_to_the_width(qtbot, receipt, worker):
    dialog = open_preview(qtbot, receipt, worker)
    dialog.resize(1000, 700)
    qtbot.keyClick(dialog, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    room = dialog.scroll.viewport().width()
    width = dialog.page_labels()[0].pixmap().width()
    assert room - 40 <= width <= room
    assert dialog.zoom_label.text() != "100 %"


def test_page_down_and_up_turn_the_pages(qtbot, receipt, worker):
    dialog = open_preview(qtbot, receipt, worker)
    bar = dialog.scroll.verticalScrollBar()
    second = dialog.page_labels()[1]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
    assert bar.value() == min(second.y(), bar.maximum()) > 0
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp)
    assert bar.value() == dialog.page_labels()[0].y() < second.y()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)
    assert bar.value() == min(second.y(), bar.maximum())


def test_the_number_of_copies_is_asked_and_printed(qtbot, receipt, worker, monkeypatch,
                                                   tmp_path):
    dialog = open_preview(qtbot, receipt, worker)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.copies
    qtbot.keyClick(dialog.copies, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.copies, "3")
    asked = []
    monkeypatch.setattr(print_preview.QPrinterInfo, "availablePrinters",
                        staticmethod(lambda: [QPrinterInfo()]))

    class SystemDialog:  # the system's print dialog, where the clerk just presses Enter
        def __init__(self, printer, _parent):
            asked.append(printer.copyCount())

        def exec(self):
            return PrintPreviewDialog.DialogCode.Accepted

    sent = []
    monkeypatch.setattr(print_preview, "QPrintDialog", SystemDialog)
    monkeypatch.setattr(print_preview, "paint_pages",
                        lambda pages, printer, paper, copies: sent.append(copies))
    dialog.print_document()
    assert asked == [3] and sent == [3]

    # Painted on a PDF printer (which makes no copies itself): three sets of the two pages.
    out = tmp_path / "copies.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    pages = print_preview.render_pages(receipt, 72)
    PAINT(pages, printer, copies=3)
    assert len(PdfReader(out).pages) == 6
