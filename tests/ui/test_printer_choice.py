"""Which printer and paper a PDF is printed on: the kind read from the PDFs the services make,
the choice among this PC's printers, and the paper set for the kind."""

from datetime import timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog

from desk_app.core.options import PRINTED_KINDS, PrinterChoice
from desk_app.services.demo import seed
from desk_app.ui import printer_choice
from desk_app.ui.print_preview import PrintPreviewDialog, print_pdf
from desk_app.ui.printer_choice import PrinterPick, new_printer, pick_printer, printed_kind

A4_POINTS = (595.3, 841.9)


def test_the_kind_of_every_pdf_the_services_make(services):
    seed(services, count=2)
    first, second = (row.uuid for row in services.dossier_rows())
    unit = services.processing_units()[0].name
    batch = services.hand_over([first], unit, "Trần Văn Bình")
    services.request_supplement(second, ["Tờ khai"], "Thiếu tờ khai", "0912345678")
    made = {
        "receipt": services.receipt_pdf(first),
        "handover_list": services.handover_list_pdf(batch),
        "control": services.slip_pdf(first, "control"),
        "supplement": services.slip_pdf(second, "supplement"),
    }
    today = services.now().date()
    made["ledger"] = services.ledger_pdf(today - timedelta(days=30), today)
    made["end_of_day"] = services.end_of_day_pdf(today)
    for kind, path in made.items():
        assert printed_kind(path) == kind, path.name
    again = services.ledger_pdf(today - timedelta(days=30), today)
    assert again.stem.endswith("-2") and printed_kind(again) == "ledger"


def test_names_of_the_other_kinds_and_of_foreign_files(tmp_path):
    assert printed_kind(tmp_path / "000.17.22.H56-261201-1007-supplement-2.pdf") == "supplement"
    assert printed_kind(tmp_path / "doi-chieu-dong-bo-20261201.pdf") == "reconciliation"
    assert printed_kind(tmp_path / "hop-dong.pdf") is None
    assert set(PRINTED_KINDS) >= {"refusal", "apology", "reconciliation"}


def test_the_set_printer_when_the_pc_has_it_else_the_default():
    available = ["HP LaserJet P1102", "Canon LBP2900"]
    assert pick_printer("", available) == PrinterPick("")
    assert pick_printer("Canon LBP2900", available) == PrinterPick("Canon LBP2900")
    assert pick_printer("Epson L3110", available) == PrinterPick("", missing="Epson L3110")


def test_a_missing_printer_is_told_and_the_default_used(qapp):
    printer, notice = new_printer(PrinterChoice("Epson L3110", "A4"))
    assert "Epson L3110" in notice
    assert "máy in mặc định" in notice
    assert new_printer(PrinterChoice())[1] == ""


@pytest.fixture
def receipt(services):
    seed(services, count=1)
    return services.receipt_pdf(services.dossier_rows()[0].uuid)


def test_an_a5_slip_printed_on_a4_fills_the_sheet(qapp, receipt, tmp_path):
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    assert print_pdf(receipt, printer, "A4") == 2
    for page in PdfReader(out).pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_POINTS, abs=1.5)


def test_the_preview_knows_the_choice_for_its_kind(qtbot, services, receipt, worker):
    form = services.settings_view().form
    services.save_settings(type(form)(
        values={**form.values, "printers.receipt": PrinterChoice("Canon LBP2900", "A4")},
        overrides=form.overrides, units=form.units, account_policy=form.account_policy))
    dialog = PrintPreviewDialog(receipt, worker, services=services)
    qtbot.addWidget(dialog)
    assert dialog.printer_choice == PrinterChoice("Canon LBP2900", "A4")
    without = PrintPreviewDialog(receipt, worker)
    qtbot.addWidget(without)
    assert without.printer_choice == PrinterChoice()


def test_printing_to_a_printer_that_is_gone_says_so_in_the_preview(
        qtbot, services, receipt, worker, monkeypatch):
    form = services.settings_view().form
    services.save_settings(type(form)(
        values={**form.values, "printers.receipt": PrinterChoice("Epson L3110")},
        overrides=form.overrides, units=form.units, account_policy=form.account_policy))
    # A PC with one other printer; the print dialog is cancelled.
    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: [QPrinterInfo()]))
    monkeypatch.setattr(printer_choice, "available_printers", lambda: ["HP LaserJet P1102"])
    asked = []
    monkeypatch.setattr(QPrintDialog, "exec",
                        lambda dialog: asked.append(dialog) or QDialog.DialogCode.Rejected)
    dialog = PrintPreviewDialog(receipt, worker, services=services)
    qtbot.addWidget(dialog)
    dialog.print_document()
    assert len(asked) == 1
    assert not dialog.printer_notice.isHidden()
    assert "Epson L3110" in dialog.printer_notice.text()
