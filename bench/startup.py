"""Time from process start to the main window shown, against an empty PySide6 window.

    .venv/bin/python bench/startup.py [--runs 7]

Each run is a fresh Python process on Qt's offscreen platform with a data folder that already
holds the demo commune (a clerk's second start of the day, the usual case). The floor is the
same measurement for a process that only shows an empty QMainWindow; its runs alternate with
the app's, so both see the same load.

The processes read compiled bytecode, as a counter's do: `pip install` compiles every module
when it installs it and the frozen build holds only bytecode, so no counter compiles the app's
source at start. A development shell often sets PYTHONDONTWRITEBYTECODE (this project's VMs
do), and then every start compiled the app's own modules again (about 110), some 100 ms;
the measured processes keep their bytecode in a folder of their own instead (PYTHONPYCACHEPREFIX,
so the source tree is not written to), filled by a first start that is not counted.
`--no-bytecode-cache` measures the development shell's way.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

APP = """
import sys, time
from functools import partial
from desk_app.ui.app import WindowDuringLogin, application
from desk_app.services.app import Services
from desk_app.services.demo import log_in_to_demo
from desk_app.ui.worker import Worker
from PySide6.QtCore import QTimer
app = application()
services = Services(sys.argv[1])
worker = Worker()
# The clerk's password check (one scrypt hash), not their typing, on the worker while the main
# window is built, as the login dialog has it done.
during = WindowDuringLogin(services, worker)
worker.run(partial(log_in_to_demo, services))  # the check, on the worker...
during.build()  # ...while the window is built
worker.call(lambda: None)  # the worker runs in order: the login is done
window = during.logged_in()
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


# Where the measured processes keep their compiled bytecode; None: nowhere, each compiles.
BYTECODE: Path | None = Path(tempfile.gettempdir()) / "desk_app_bench" / "bytecode"


def child_env() -> dict[str, str]:
    """The environment of a measured process: Qt's offscreen platform unless another is set,
    and Python's bytecode cached in BYTECODE as an installed app has it (see the docstring)."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    if BYTECODE is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(BYTECODE)
    return env


def add_bytecode_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="compile every module at every start, as a shell with "
                             "PYTHONDONTWRITEBYTECODE does (no counter does)")


def use_bytecode_option(args: argparse.Namespace) -> None:
    global BYTECODE
    if args.no_bytecode_cache:
        BYTECODE = None


def time_to_shown(code: str, *args: str) -> float:
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                               text=True, env=child_env())
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.wait(timeout=60)
    if line.strip() != "shown":
        raise SystemExit(f"the window was never shown (exit code {process.returncode})")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    add_bytecode_option(parser)
    args = parser.parse_args()
    use_bytecode_option(args)
    with tempfile.TemporaryDirectory() as data:
        from desk_app.services.app import Services
        from desk_app.services.demo import seed

        services = Services(data)
        seed(services)
        services.close()
        # Warm the OS file cache and the bytecode once, as on a PC used every day.
        time_to_shown(APP, data)
        time_to_shown(EMPTY)
        app, empty = [], []
        for _ in range(args.runs):
            app.append(time_to_shown(APP, data))
            empty.append(time_to_shown(EMPTY))
    print(f"startup_to_main_window_median {statistics.median(app) * 1000:.0f} ms")
    print(f"empty_qt_window_median {statistics.median(empty) * 1000:.0f} ms")
    print(f"startup_ratio_to_empty_window {statistics.median(app) / statistics.median(empty):.2f} x")
    print(f"runs {args.runs} count")


if __name__ == "__main__":
    main()
