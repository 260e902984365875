"""The first window imports only what it needs: printing, reports, the sync client's HTTP
library, the PDF preview and the dialogs load when first used, not at every start of the app."""

import subprocess
import sys

DEFERRED = (
    "reportlab", "openpyxl", "requests", "urllib3", "pypdfium2", "holidays",
    # The main window's dialogs, imported when first opened.
    "desk_app.ui.receive_form", "desk_app.ui.dossier_detail", "desk_app.ui.catalogue_dialog",
    "desk_app.ui.ledger_dialog", "desk_app.ui.end_of_day_dialog",
    "desk_app.ui.settings_dialog", "desk_app.ui.processing_units_dialog",
)


def test_the_main_window_s_modules_leave_printing_sync_and_reports_unimported():
    # A fresh interpreter: this one has long imported all of them for other tests.
    script = (
        "import sys\n"
        "import desk_app.ui.app, desk_app.ui.main_window\n"
        f"print(' '.join(sorted(m for m in {DEFERRED!r} if m in sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == []
