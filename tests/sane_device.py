"""SANE's own `test` device, for real scans in tests.

Debian's libsane1 ships the test back end but its /etc/sane.d/dll.conf leaves it commented out,
so tests point SANE_CONFIG_DIR at a folder of their own whose dll.conf says `test`, with a
test.conf giving the device's options (its picture, a delay per read, an error to return)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from desk_app.scanning import sane
from desk_app.scanning.scanner import Device

TEST_DEVICE = Device("test:0", "Noname frontend-tester")


# test.conf's geometry for an A4 sheet (its default picture is 80 x 100 mm, at most 200 mm).
A4 = "geometry_max 300.0\nbr_x 210.0\nbr_y 297.0\n"


def use_test_device(monkeypatch, folder: Path, a4: bool = False, **options: str) -> Device:
    """Make SANE see only its test device, configured with `options` (test.conf keys with _
    for -, e.g. read_delay="true"), its sheets A4 when `a4`; the device to scan from."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dll.conf").write_text("test\n")
    settings = {"test_picture": '"Color pattern"', **options}
    (folder / "test.conf").write_text("".join(
        f"{key.replace('_', '-')} {value}\n" for key, value in settings.items())
        + (A4 if a4 else ""))
    monkeypatch.setenv("SANE_CONFIG_DIR", str(folder))
    # The test device hangs about one run in twenty after an error status; a test waits for
    # the error a few seconds at most, so such a hang is cut short here.
    monkeypatch.setattr(sane, "STUCK_SECONDS", 0.5)
    return TEST_DEVICE


def feeder_of(sheets: int, folder: Path) -> str:
    """A scanimage (for SaneScanner(program=...), or first on PATH) whose test device's feeder
    holds `sheets`. The test device's own feeder is empty after 10 sheets; its flatbed scans
    as many times as asked. So a batch (a feeder run) is sent to the flatbed for `sheets`
    scans: every page still comes from the real device through the real scanimage, one by
    one, and the run ends as a feeder's does, scanimage reporting the batch done."""
    real = shutil.which("scanimage")
    assert real, "sane-utils' scanimage is not installed"
    folder.mkdir(parents=True, exist_ok=True)
    program = folder / "scanimage"
    program.write_text(
        "#!/bin/sh\n"
        'case "$*" in\n'
        f'  *--batch=*) exec {real} "$@" --source=Flatbed --batch-count={sheets} ;;\n'
        "esac\n"
        f'exec {real} "$@"\n')
    program.chmod(0o755)
    return str(program)


def scanimage_children() -> list[int]:
    """The scanimage processes this test process started (read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        if comm == "scanimage" and ppid == os.getpid():
            found.append(int(entry.name))
    return found
