"""On a real X display with no window manager (Xvfb), the keyboard reaches the main window once
the login dialog closes (issue 14): Qt's offscreen platform activates every window it shows,
so only a real X server shows the focus going nowhere. Skipped where Xvfb or Qt's xcb
libraries are missing (.ci/run installs them)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# A login dialog stand-in accepted after half a second, then the main window over a new
# counter, shown as ui.app shows it; prints whether it is active with the keyboard in it.
SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout
from desk_app.services.app import Services
from desk_app.services.demo import DEMO_SETUP
from desk_app.ui.main_window import MainWindow
from desk_app.ui.worker import InlineWorker

app = QApplication([])
services = Services(Path(sys.argv[1]))
services.first_run(DEMO_SETUP, "quantri", "Hoàng Văn Nam", "motcua2026")
login = QDialog()
QVBoxLayout(login).addWidget(QLineEdit())
QTimer.singleShot(500, login.accept)
login.exec()
window = MainWindow(services, InlineWorker())
window.present()

def report():
    focus = app.focusWidget()
    print("active" if app.activeWindow() is window else "inactive",
          "keyboard" if focus is not None and focus.window() is window else "no-keyboard")
    app.quit()

QTimer.singleShot(1500, report)
app.exec()
services.close()
"""


@pytest.fixture
def bare_display():
    if shutil.which("Xvfb") is None:
        pytest.skip("needs Xvfb")
    display = f":{os.getpid() % 400 + 100}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1024x768x24", "-nolisten",
                               "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
    for _ in range(100):  # bounded: the server's socket appears within a second or two
        if socket.exists() or server.poll() is not None:
            break
        time.sleep(0.05)
    if not socket.exists():
        server.kill()
        pytest.skip("Xvfb did not start")
    yield display
    server.terminate()
    server.wait(timeout=10)


def test_the_main_window_has_the_keyboard_after_the_login_without_a_window_manager(
        bare_display, tmp_path):
    env = {**os.environ, "DISPLAY": bare_display, "QT_QPA_PLATFORM": "xcb",
           "PYTHONPATH": str(REPO)}
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "data")], env=env,
                         capture_output=True, text=True, timeout=120)
    if "could not load the Qt platform plugin" in run.stderr:
        pytest.skip("Qt's xcb libraries are missing")
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["active", "keyboard"]
