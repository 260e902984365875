"""SANE on Linux through Debian sane-utils' `scanimage`, run as a child process.

Batch mode with `--batch-print` writes each sheet to its own file and prints the file's name
once it is complete, so feeder pages reach the panel one by one while the next sheet goes
through. A child process also keeps a misbehaving driver out of the app: it can hang or crash
without taking the counter's form with it, and cancelling is a signal.
"""

from __future__ import annotations

import logging
import os
import re
import select
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from desk_app.scanning.pages import Page, page_from_image
from desk_app.scanning.scanner import Device, ScanError, ScanSettings

log = logging.getLogger(__name__)

POLL_SECONDS = 0.2  # how soon a cancel is noticed while a sheet is being read
# How long scanimage may go on after it has reported a failed read or start before it is
# stopped: it should end at once, but a driver can hang while releasing the device (SANE's own
# test device does, about one run in twenty after a busy or I/O status).
STUCK_SECONDS = 5.0
_OPTION = re.compile(r"^\s+--([\w-]+)(?:\[=\(.*?\)\])?\s+(\S.*?)\s+\[(.*)\]\s*$")

# sane_strstatus()'s words in scanimage's messages, and what each means for the clerk.
_STATUS_KINDS = (
    ("Device busy", "busy"),
    ("jammed", "jammed"),
    ("out of documents", "empty"),
    ("cover is open", "cover_open"),
    ("Error during device I/O", "gone"),
    ("Operation was cancelled", "cancelled"),
)


class SaneScanner:
    def __init__(self, program: str = "scanimage") -> None:
        self._program = program

    def devices(self) -> list[Device]:
        try:
            done = subprocess.run([self._program, "-f", "%d\t%v %m%n"], capture_output=True,
                                  text=True, timeout=60, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            log.warning("scanimage -f failed: %s", exc)
            return []
        found = []
        for line in done.stdout.splitlines():
            device_id, _, name = line.partition("\t")
            if device_id:
                found.append(Device(device_id, name.strip() or device_id))
        return found

    def acquire(self, device: Device, settings: ScanSettings, on_page: Callable[[Page], None],
                cancelled: Callable[[], bool]) -> None:
        args = self._arguments(device, settings)
        with tempfile.TemporaryDirectory(prefix="desk-app-scan-") as tmp:
            stderr_path = Path(tmp) / "stderr.txt"
            with open(stderr_path, "wb") as stderr:
                process = subprocess.Popen(
                    [self._program, "-d", device.id, *args, "--format=pnm",
                     f"--batch={tmp}/page%04d.pnm", "--batch-print"]
                    + (["--batch-count=1"] if settings.source == "flatbed" else []),
                    stdout=subprocess.PIPE, stderr=stderr, stdin=subprocess.DEVNULL)
            delivered = 0
            try:
                for path in _printed_lines(process, cancelled, stderr_path):
                    with Image.open(path) as image:
                        page = page_from_image(image, settings.dpi, settings.mode)
                    os.remove(path)
                    on_page(page)
                    delivered += 1
            except _Hung:
                process.kill()  # a hung driver does not answer SIGINT either
            except BaseException:
                _stop(process, interrupt=True)  # not the rest of the feeder for nothing
                raise
            interrupted = cancelled()
            _stop(process, interrupt=interrupted)
            if interrupted:
                raise ScanError("cancelled")
            _check_outcome(process.returncode, stderr_path.read_text(errors="replace"),
                           delivered, settings)

    def _arguments(self, device: Device, settings: ScanSettings) -> list[str]:
        """scanimage options for `settings` in this device's own words (each driver names
        its modes and sources differently)."""
        try:
            done = subprocess.run([self._program, "-d", device.id, "-A"], capture_output=True,
                                  text=True, timeout=60, check=False)
        except FileNotFoundError as exc:
            raise ScanError("no_scanner", str(exc)) from exc
        except subprocess.TimeoutExpired as exc:
            raise ScanError("busy", str(exc)) from exc
        if done.returncode != 0:
            _check_outcome(done.returncode, done.stderr, 0, settings)
        options = {}
        for line in done.stdout.splitlines():
            match = _OPTION.match(line)
            if match:
                options[match.group(1)] = match.group(2)
        args = [f"--resolution={_resolution(options.get('resolution', ''), settings.dpi)}"]
        modes = _choices(options.get("mode", ""))
        if settings.mode == "bw":
            mode = _pick(modes, ("lineart", "binary", "black & white", "black and white"))
            if mode is None:
                mode = _pick(modes, ("gray", "grey"))
                # 1-bit grey where the driver has it; else page_from_image thresholds grey.
                if "1" in _choices(options.get("depth", "")):
                    args.append("--depth=1")
        elif settings.mode == "gray":
            mode = _pick(modes, ("gray", "grey"))
        else:
            mode = _pick(modes, ("color", "colour"))
        if mode:
            args.append(f"--mode={mode}")
        if settings.mode != "bw" and "8" in _choices(options.get("depth", "")):
            args.append("--depth=8")
        sources = _choices(options.get("source", ""))
        if sources:
            if settings.source == "flatbed":
                source = _pick(sources, ("flatbed", "platen"))
            elif settings.source == "adf":
                source = _pick([s for s in sources if "duplex" not in s.lower()],
                               ("feeder", "adf"))
            else:
                source = _pick(sources, ("duplex",))
            if source is None and settings.source != "flatbed":
                raise ScanError("failed", f"sources {sources}", message=(
                    "Máy quét này không có khay nạp giấy"
                    + (" hai mặt" if settings.source == "adf-duplex" else "")
                    + ". Chọn mặt kính (flatbed) rồi quét lại."))
            if source:
                args.append(f"--source={source}")
        elif settings.source != "flatbed":
            raise ScanError("failed", "no source option", message=(
                "Máy quét này không có khay nạp giấy. Chọn mặt kính (flatbed) rồi quét lại."))
        return args


def _choices(spec: str) -> list[str]:
    """`Gray|Color` → ["Gray", "Color"]; `1|8|16` → ["1", "8", "16"] (units dropped)."""
    if not spec or ".." in spec:
        return []
    return [re.sub(r"(dpi|bit|mm)$", "", part.strip()) for part in spec.split("|")]


def _pick(choices: list[str], words: tuple[str, ...]) -> str | None:
    for word in words:
        for choice in choices:
            if word in choice.lower():
                return choice
    return None


def _resolution(spec: str, wanted: int) -> int:
    """The wanted dpi, or the device's nearest listed one (many list only a few)."""
    listed = [int(float(c)) for c in _choices(spec) if re.fullmatch(r"[\d.]+", c)]
    if not listed:
        return wanted
    return min(listed, key=lambda dpi: (abs(dpi - wanted), -dpi))


def _printed_lines(process: subprocess.Popen, cancelled: Callable[[], bool], stderr_path: Path):
    """The file names scanimage prints as each page is complete, until it ends, is cancelled
    or hangs after reporting a failure (STUCK_SECONDS). Read raw with select so a cancel is
    seen while a sheet is still in the scanner."""
    fd = process.stdout.fileno()
    pending = b""
    failed_at = None
    while not cancelled():
        ready, _, _ = select.select([fd], [], [], POLL_SECONDS)
        if not ready:
            if failed_at is None and _reported_failure(stderr_path):
                failed_at = time.monotonic()
            if failed_at is not None and time.monotonic() - failed_at > STUCK_SECONDS:
                raise _Hung  # what it reported says what happened
            continue
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        pending += chunk
        *lines, pending = pending.split(b"\n")
        for line in lines:
            if cancelled():
                return  # pages printed after the cancel are not wanted
            if line.strip():
                yield line.decode().strip()


class _Hung(Exception):
    """scanimage reported a failure and then did not end."""


def _reported_failure(stderr_path: Path) -> bool:
    """Whether scanimage has said a read or a start failed (its last act before it ends)."""
    text = stderr_path.read_text(errors="replace")
    return "sane_read:" in text or "sane_start:" in text


def _stop(process: subprocess.Popen, interrupt: bool) -> None:
    """Let scanimage end, interrupted if asked (SIGINT makes it call sane_cancel and release
    the device cleanly); killed if it does not."""
    if interrupt and process.poll() is None:
        process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    process.stdout.close()


def _check_outcome(returncode: int, stderr: str, delivered: int, settings: ScanSettings) -> None:
    """Raise the ScanError scanimage's exit and messages mean; nothing when it went well."""
    if returncode == 0:
        if delivered == 0 and settings.source != "flatbed":
            raise ScanError("empty", stderr.strip())
        return
    detail = stderr.strip().splitlines()[-1] if stderr.strip() else f"exit {returncode}"
    if "open of device" in stderr:
        raise ScanError("no_scanner", detail)
    # Before the exit status: a scanimage stopped because it hung after reporting a status
    # (STUCK_SECONDS) ends by a signal, and what it reported is what happened.
    for words, kind in _STATUS_KINDS:
        if words.lower() in stderr.lower():
            if kind == "empty" and delivered:
                return  # the feeder ran out after the last sheet: the normal end of a run
            raise ScanError(kind, detail)
    if returncode < 0:
        # Killed by a signal no one here sent: the device or its driver went away.
        raise ScanError("gone", detail)
    raise ScanError("gone" if delivered else "failed", detail)
