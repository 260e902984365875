"""The first window imports only what it needs: printing, reports, the sync client's HTTP
library, the PDF preview and the dialogs load when first used, not at every start of the app.
Every module the start imports costs its share of the start-up (issue 13): the count is capped
just above today's, so a new module-level import shows here and is a choice, not an accident."""

import subprocess
import sys

DEFERRED = (
    "reportlab", "openpyxl", "requests", "urllib3", "pypdfium2", "holidays",
    # The main window's dialogs, imported when first opened.
    "desk_app.ui.receive_form", "desk_app.ui.dossier_detail", "desk_app.ui.catalogue_dialog",
    "desk_app.ui.ledger_dialog", "desk_app.ui.end_of_day_dialog",
    "desk_app.ui.settings_dialog", "desk_app.ui.processing_units_dialog",
    "desk_app.ui.print_preview", "desk_app.ui.apology_dialog", "desk_app.ui.correction_dialog",
    "desk_app.ui.handover_dialog", "desk_app.ui.reason_dialog", "desk_app.ui.return_dialog",
    "desk_app.ui.supplement_dialog", "desk_app.services.demo", "desk_app.ui.accounts_dialog",
    # Sync starts once the window is up: its client, with ssl and sockets, loads then.
    "desk_app.ui.sync_controller", "desk_app.services.sync", "sync.client", "ssl",
)
# Modules loaded by importing the app and its main window (the interpreter's own included):
# 467 before issue 13's start-up work, 354 after (sqlite_utils, the store's library, brings about 60).
MAX_MODULES = 360


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
