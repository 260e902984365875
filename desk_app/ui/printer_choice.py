"""Which printer and paper a PDF goes to: the one set for its kind in the settings (Máy in tab),
or the system's default when none is set or the set one is gone (unplugged, renamed, removed)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from desk_app.core.options import PrinterChoice
from desk_app.core.slips import PER_DOSSIER, SlipKind

# What the services name each PDF (services.printouts, services.reports, services.sync): a
# dossier's slips "<code>-<kind>[-<n>].pdf", the others by a Vietnamese prefix.
_DOSSIER_SLIP = re.compile(rf"-({'|'.join(PER_DOSSIER)})(?:-\d+)?$")
_PREFIXES = {
    "ban-giao-": SlipKind.HANDOVER_LIST,
    "so-theo-doi-": "ledger",
    "cuoi-ngay-": "end_of_day",
    "doi-chieu-dong-bo-": "reconciliation",
}


def printed_kind(pdf_path: Path) -> str | None:
    """The kind of a PDF the app made, from its name; None for any other file."""
    stem = Path(pdf_path).stem
    if match := _DOSSIER_SLIP.search(stem):
        return match[1]
    return next((kind for prefix, kind in _PREFIXES.items() if stem.startswith(prefix)), None)


@dataclass(frozen=True)
class PrinterPick:
    name: str  # "" for the system default
    missing: str = ""  # the printer set in the settings that this PC no longer has


def pick_printer(wanted: str, available: list[str]) -> PrinterPick:
    if not wanted or wanted in available:
        return PrinterPick(wanted)
    return PrinterPick("", missing=wanted)


def available_printers() -> list[str]:
    return [info.printerName() for info in QPrinterInfo.availablePrinters()]


def new_printer(choice: PrinterChoice) -> tuple[QPrinter, str]:
    """A printer for `choice`, and a notice for the clerk when the set printer is gone."""
    pick = pick_printer(choice.printer, available_printers())
    if not pick.name:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    else:
        printer = QPrinter(QPrinterInfo.printerInfo(pick.name),
                           QPrinter.PrinterMode.HighResolution)
    notice = ""
    if pick.missing:
        notice = QCoreApplication.translate(
            "PrintPreview",
            "Không thấy máy in «{wanted}» đã chọn trong Cài đặt cho loại phiếu này (máy in "
            "chưa bật, đã rút cáp hoặc đổi tên). Phiếu sẽ in ra máy in mặc định{default}; "
            "hãy kiểm tra máy in hoặc chọn lại trong Cài đặt → Máy in.",
        ).format(wanted=pick.missing, default=(
            f" «{printer.printerName()}»" if printer.printerName() else ""))
    return printer, notice
