"""The check every GUI test runs under: desk_app.ui taking the services lock on the GUI thread
fails the test, while the worker (or the InlineWorker standing in for it) and the tests' own
calls pass."""

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from desk_app.ui.change_bus import ChangeBus
from desk_app.ui.worker import InlineWorker
from tests.services.factories import full_draft
from tests.ui.gui_thread import UI_DIR, LockTakenOnGuiThread


def ui_code(name: str):
    """A function that looks, to the check, as if desk_app/ui defined it."""
    namespace: dict = {}
    source = f"def {name}(services):\n    return services.dossier_rows(limit=1)\n"
    exec(compile(source, str(Path(UI_DIR) / "pretend_window.py"), "exec"), namespace)
    return namespace[name]


def test_a_use_case_called_by_the_ui_on_the_gui_thread_fails(services):
    with pytest.raises(LockTakenOnGuiThread, match="pretend_window.py"):
        ui_code("refresh")(services)


def test_the_same_call_through_the_worker_passes(services):
    got = []
    InlineWorker().run(lambda: ui_code("refresh")(services), got.append)
    assert got == [[]]


def test_the_same_call_on_another_thread_passes(services):
    got = []
    thread = threading.Thread(target=lambda: got.append(ui_code("refresh")(services)))
    thread.start()
    thread.join()
    assert got == [[]]


def test_a_test_calling_the_services_itself_passes(services):
    assert services.dossier_rows(limit=1) == []


def test_a_callback_of_a_job_is_gui_thread_work(services):
    """With the real worker a job's on_done runs on the GUI thread, even when the InlineWorker
    runs it inside another job."""
    outer = InlineWorker()
    with pytest.raises(LockTakenOnGuiThread):
        outer.run(lambda: InlineWorker().run(
            lambda: None, lambda _value: ui_code("show")(services)))


def test_a_reaction_to_announced_changes_is_gui_thread_work(qtbot, services):
    host = QWidget()
    qtbot.addWidget(host)
    bus = ChangeBus(services, host)
    caught = []

    def react(_changes) -> None:
        try:
            ui_code("reload")(services)
        except LockTakenOnGuiThread as exc:
            caught.append(exc)

    bus.changed.connect(react)
    draft = full_draft(services)
    InlineWorker().run(lambda: services.receive(draft, accept_warnings=True))
    assert len(caught) == 1
