"""WIA on Windows (the counter PCs), through comtypes and WIA's scripting objects (wiaaut.dll,
part of Windows). Imported only on Windows: CI cannot run it; the README says how to check it
on a counter. Pages arrive one by one: one Transfer per sheet until the feeder is empty.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import comtypes  # type: ignore[import-not-found]  # Windows only
import comtypes.client  # type: ignore[import-not-found]
from PIL import Image

from desk_app.scanning.pages import Page, page_from_image
from desk_app.scanning.scanner import Device, ScanError, ScanSettings

SCANNER_TYPE = 1
FORMAT_PNG = "{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}"
# Property ids (wiadef.h): on the device, the paper source and pages to feed; on its item,
# the resolution and the kind of picture.
DOCUMENT_HANDLING_SELECT, PAGES = "3088", "3096"
FEEDER, FLATBED, DUPLEX = 1, 2, 4
HORIZONTAL_RES, VERTICAL_RES, DATA_TYPE = "6147", "6148", "4103"
DATA_TYPES = {"bw": 0, "gray": 2, "color": 3}
# WIA's HRESULTs (wiadef.h) and what each means for the clerk.
PAPER_EMPTY = 0x80210003
ERROR_KINDS = {
    0x80210002: "jammed",
    0x80210004: "jammed",  # paper problem: misfeed
    0x80210005: "gone",  # offline
    0x80210006: "busy",
    0x80210007: "busy",  # warming up
    0x8021000A: "gone",  # device communication
    0x8021000D: "busy",  # locked
    0x80210015: "no_scanner",
    0x80210016: "cover_open",
    0x80210064: "cancelled",  # WIA_S... user cancelled on the device
}


class WiaScanner:
    def devices(self) -> list[Device]:
        with _com():
            manager = comtypes.client.CreateObject("WIA.DeviceManager", dynamic=True)
            return [Device(info.DeviceID, info.Properties.Item("Name").Value)
                    for info in manager.DeviceInfos if info.Type == SCANNER_TYPE]

    def acquire(self, device: Device, settings: ScanSettings, on_page: Callable[[Page], None],
                cancelled: Callable[[], bool]) -> None:
        with _com():
            delivered = 0
            try:
                manager = comtypes.client.CreateObject("WIA.DeviceManager", dynamic=True)
                infos = [info for info in manager.DeviceInfos if info.DeviceID == device.id]
                if not infos:
                    raise ScanError("no_scanner", device.id)
                scanner = infos[0].Connect()
                feeder = settings.source != "flatbed"
                _set(scanner, DOCUMENT_HANDLING_SELECT,
                     FLATBED if not feeder else FEEDER | (DUPLEX if "duplex" in settings.source else 0))
                _set(scanner, PAGES, 0 if feeder else 1)  # 0: all the feeder holds
                item = scanner.Items.Item(1)  # the explicit Item: dynamic dispatch has no default member
                _set(item, HORIZONTAL_RES, settings.dpi)
                _set(item, VERTICAL_RES, settings.dpi)
                _set(item, DATA_TYPE, DATA_TYPES[settings.mode])
                while not cancelled():
                    try:
                        picture = item.Transfer(FORMAT_PNG)
                    except comtypes.COMError as exc:
                        if exc.hresult & 0xFFFFFFFF == PAPER_EMPTY and (delivered or not feeder):
                            return  # the feeder ran out after the last sheet
                        raise
                    data = bytes(picture.FileData.BinaryData)
                    with Image.open(io.BytesIO(data)) as image:
                        on_page(page_from_image(image, settings.dpi, settings.mode))
                    delivered += 1
                    if not feeder:
                        return
                raise ScanError("cancelled")
            except comtypes.COMError as exc:
                code = exc.hresult & 0xFFFFFFFF
                kind = "empty" if code == PAPER_EMPTY else ERROR_KINDS.get(code)
                raise ScanError(kind or ("gone" if delivered else "failed"), hex(code)) from exc


def _set(owner, prop_id: str, value: int) -> None:
    """Set a WIA property where the driver has it (not every one knows every property)."""
    for prop in owner.Properties:
        if str(prop.PropertyID) == prop_id:
            prop.Value = value
            return


class _com:
    """COM on this thread (the scan runs on a worker thread, not the GUI's)."""

    def __enter__(self) -> None:
        comtypes.CoInitialize()

    def __exit__(self, *_exc) -> None:
        comtypes.CoUninitialize()
