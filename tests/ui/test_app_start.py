import sys

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox

from desk_app.services.app import Services
from desk_app.ui import app as app_module
from desk_app.ui.app import build_main_window, run_gui
from desk_app.ui.main_window import MainWindow


@pytest.fixture
def critical(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *rest: shown.append(text))
    # run_gui installs its own excepthook; keep pytest-qt's in place after the test.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    return shown


def test_a_corrupt_database_is_explained_and_the_app_stops(qapp, tmp_path, critical):
    (tmp_path / "desk.db").write_bytes(b"\x00garbage, not a database\xff" * 200)
    assert run_gui(tmp_path, demo=False, language=None) == 2
    assert len(critical) == 1
    assert "bị hỏng" in critical[0] and "desk.db" in critical[0]


def test_demo_on_an_empty_database_seeds_dossiers(qtbot, services, worker):
    assert services.dossier_rows() == []
    window = build_main_window(services, worker, demo=True)
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    assert window.dossier_list.proxy.rowCount() > 0


def test_demo_does_not_add_to_a_database_in_use(qtbot, services, worker):
    from desk_app.services.demo import seed
    seed(services, count=3)
    window = build_main_window(services, worker, demo=True)
    qtbot.addWidget(window)
    assert len(services.dossier_rows()) == 3


def test_cancelled_first_setup_means_no_main_window(tmp_path, worker, monkeypatch):
    monkeypatch.setattr(app_module.SetupDialog, "exec",
                        lambda self: QDialog.DialogCode.Rejected)
    services = Services(tmp_path)
    try:
        assert build_main_window(services, worker) is None
    finally:
        services.close()


def test_run_gui_starts_the_demo_and_closes_the_data_on_exit(qapp, tmp_path, critical,
                                                             monkeypatch):
    shown = []

    def exec_returning_at_once(*_args):
        shown.extend(w for w in QApplication.topLevelWidgets()
                     if isinstance(w, MainWindow) and w.isVisible())
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_returning_at_once)
    assert run_gui(tmp_path, demo=True, language="vi") == 0
    assert critical == []
    assert len(shown) == 1
    # Sync runs in the background of every real start: its menu and status are installed.
    assert shown[0].findChild(QMenu, "sync_menu") is not None
    shown[0].close()
    services = Services(tmp_path)
    try:
        assert services.dossier_rows()
    finally:
        services.close()
