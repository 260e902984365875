"""The first window imports only what it needs: printing, reports, the sync client's HTTP
library, the PDF preview and the dialogs load when first used, not at every start of the app.
Every module the start imports costs its share of the start-up (issue 13): the count is capped
just above today's, so a new module-level import shows here and is a choice, not an accident."""

import os
import subprocess
import sys

from tests.accounts import ADMIN_USERNAME, PASSWORD

DEFERRED = (
    "reportlab", "openpyxl", "requests", "urllib3", "pypdfium2", "holidays",
    # The main window's dialogs, imported when first opened.
    "desk_app.ui.receive_form", "desk_app.ui.dossier_detail", "desk_app.ui.catalogue_dialog",
    "desk_app.ui.ledger_dialog", "desk_app.ui.end_of_day_dialog",
    "desk_app.ui.settings_dialog", "desk_app.ui.processing_units_dialog",
    "desk_app.ui.print_preview", "desk_app.ui.apology_dialog", "desk_app.ui.correction_dialog",
    "desk_app.ui.handover_dialog", "desk_app.ui.reason_dialog", "desk_app.ui.return_dialog",
    "desk_app.ui.supplement_dialog", "desk_app.services.demo", "desk_app.ui.accounts_dialog",
    "desk_app.ui.digitise_dialog", "desk_app.ui.scan_panel", "desk_app.scanning",
    # Sync starts once the window is up: its client, with ssl and sockets, loads then.
    "desk_app.ui.sync_controller", "desk_app.services.sync", "sync.client", "ssl",
    # The lock page tells a print dialog by its Qt class name: printing loads QtPrintSupport.
    "PySide6.QtPrintSupport",
)
# The services' modules the first window does not call: Services binds each use case when it
# is first looked up, so receiving, the dossier's life and digitisation load on first use.
NOT_FOR_THE_FIRST_WINDOW = ("desk_app.services.receiving", "desk_app.services.lifecycle",
                            "desk_app.services.digitisation")
# Modules loaded by importing the app and its main window (the interpreter's own included):
# 467 before issue 13's start-up work, 354 after it (sqlite_utils, the store's library, brings
# about 60), 328 once Services bound its use cases on first use.
MAX_MODULES = 330


def test_the_main_window_s_modules_leave_printing_sync_and_reports_unimported():
    # A fresh interpreter: this one has long imported all of them for other tests.
    script = (
        "import sys\n"
        "import desk_app.ui.app, desk_app.ui.main_window\n"
        f"print(' '.join(sorted(m for m in {DEFERRED!r} if m in sys.modules)))\n"
        # sqlite_utils imports numpy whenever it is installed: a developer's venv has it for the
        # hub's charts, a counter's install and its frozen build do not, so it is not counted.
        "print(sum(1 for m in sys.modules if m.split('.')[0] != 'numpy'))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    imported, count = done.stdout.split("\n")[:2]
    assert imported.split() == []
    assert int(count) <= MAX_MODULES


# The start as bench/scale.py measures it: the services, a clerk's login, the main window shown
# with its list's first page and today's board read; then the modules loaded by then.
START = f"""
import sys
from PySide6.QtCore import QTimer
from desk_app.services.app import Services
from desk_app.ui.app import application, build_main_window
from desk_app.ui.worker import Worker

app = application()
services = Services(sys.argv[1])
services.login({ADMIN_USERNAME!r}, {PASSWORD!r})
worker = Worker()
window = build_main_window(services, worker)
window.show()
def done():
    print(" ".join(sorted(m for m in sys.modules if m.startswith("desk_app.services."))))
    app.quit()
window.dossier_list.loaded.connect(lambda: QTimer.singleShot(0, done))
app.exec()
worker.shutdown()
"""


def test_the_first_window_leaves_the_services_it_does_not_call_unimported(services):
    services.close()
    done = subprocess.run(
        [sys.executable, "-c", START, str(services.data_dir)], capture_output=True, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=True, timeout=120)
    imported = done.stdout.split()
    assert "desk_app.services.lookup" in imported  # the list was read through the services
    assert [m for m in NOT_FOR_THE_FIRST_WINDOW if m in imported] == []
