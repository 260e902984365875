"""Searching as the clerk types, with the real worker thread: a slow search never makes the
keystrokes after it wait their turn; only the newest query runs and is shown."""

import threading

import pytest

from desk_app.core.listing import Sort
from desk_app.services.demo import seed
from desk_app.ui.dossier_list import DossierListWidget
from desk_app.ui.worker import Worker


class SlowFirstSearch:
    """The services, with the search for "n" held on the worker until the test releases it,
    as a slow one at a million dossiers would be; records every search that really ran."""

    def __init__(self, services) -> None:
        self._services = services
        self.gate = threading.Event()
        self.searched: list[str] = []

    def __getattr__(self, name):
        return getattr(self._services, name)

    def dossier_page(self, flt, *args, **kwargs):
        if flt.text:  # not the list's first load, when the window opens
            self.searched.append(flt.text)
        if flt.text == "n":
            self.gate.wait(timeout=30)
        return self._services.dossier_page(flt, *args, **kwargs)


class CountingWorker(Worker):
    """The real worker, counting the calls it was asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0

    def run(self, *args) -> None:
        self.asked += 1
        super().run(*args)

    def run_latest(self, *args) -> None:
        self.asked += 1
        super().run_latest(*args)


@pytest.fixture
def typing_list(qtbot, services, activate):
    seed(services)
    slow = SlowFirstSearch(services)
    worker = CountingWorker()
    widget = DossierListWidget(slow, worker)
    qtbot.addWidget(widget)
    activate(widget)
    widget.focus_filter()
    yield widget, slow, worker
    slow.gate.set()
    worker.shutdown()


def test_keystrokes_typed_during_a_slow_search_run_only_the_newest(
        qtbot, typing_list, keyboard, services):
    widget, slow, worker = typing_list
    keyboard.type("n")
    qtbot.waitUntil(lambda: slow.searched == ["n"])  # the worker is busy with "n"
    for letter in "gu":
        asked = worker.asked
        keyboard.type(letter)
        # Each keystroke's query is asked for while "n" still runs.
        qtbot.waitUntil(lambda asked=asked: worker.asked == asked + 1)
    assert widget.filter_text.text() == "ngu" and slow.searched == ["n"]
    slow.gate.set()
    expected = [row.uuid for row in services.dossier_page(widget.list_filter(), Sort()).rows]
    assert expected
    qtbot.waitUntil(lambda: [widget.model.dossier_row(r).uuid
                             for r in range(widget.model.rowCount())] == expected)
    # "ng" waited while "n" ran and was overtaken by "ngu": never run. "n", answered last
    # but asked first, is not what the list shows.
    assert slow.searched == ["n", "ngu"]
