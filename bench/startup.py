"""Time from process start to the main window shown, against an empty PySide6 window.

    .venv/bin/python bench/startup.py [--runs 7]

Each run is a fresh Python process on Qt's offscreen platform with a data folder that already
holds the demo commune (a clerk's second start of the day, the usual case). The floor is the
same measurement for a process that only shows an empty QMainWindow.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

APP = """
import sys, time
from desk_app.ui.app import application, build_main_window
from desk_app.services.app import Services
from desk_app.services.demo import log_in_to_demo
from desk_app.ui.worker import Worker
from PySide6.QtCore import QTimer
app = application()
services = Services(sys.argv[1])
log_in_to_demo(services)  # the clerk's password check (one scrypt hash), not their typing
worker = Worker()
window = build_main_window(services, worker)
window.show()
def shown():
    print("shown", flush=True)
    window.close()
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

EMPTY = """
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QTimer
app = QApplication([])
window = QMainWindow()
window.show()
def shown():
    print("shown", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def time_to_shown(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                               text=True, env=env)
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.wait(timeout=60)
    if line.strip() != "shown":
        raise SystemExit(f"the window was never shown (exit code {process.returncode})")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        from desk_app.services.app import Services
        from desk_app.services.demo import seed

        services = Services(data)
        seed(services)
        services.close()
        time_to_shown(APP, data)  # warm the OS file cache once, as on a PC used every day
        app = [time_to_shown(APP, data) for _ in range(args.runs)]
        empty = [time_to_shown(EMPTY) for _ in range(args.runs)]
    print(f"startup_to_main_window_median {statistics.median(app) * 1000:.0f} ms")
    print(f"empty_qt_window_median {statistics.median(empty) * 1000:.0f} ms")
    print(f"startup_ratio_to_empty_window {statistics.median(app) / statistics.median(empty):.2f} x")
    print(f"runs {args.runs} count")


if __name__ == "__main__":
    main()
