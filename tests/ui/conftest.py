"""Shared GUI test fixtures: a set-up counter on a pinned clock, a synchronous worker, and a
keyboard that types the way a real one does."""

from datetime import datetime

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desk_app.core.clock import VN_TZ
from desk_app.services.lock import ServicesLock
from desk_app.ui.worker import InlineWorker
from tests.clock import Clock
from tests.ui.gui_thread import fail_on_gui_thread

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=VN_TZ)  # a Tuesday morning: due times are fixed


@pytest.fixture(autouse=True)
def gui_thread_never_takes_the_services_lock(monkeypatch):
    """Every GUI test fails when desk_app.ui takes the services lock on the GUI thread."""
    monkeypatch.setattr(ServicesLock, "watch", staticmethod(fail_on_gui_thread))


@pytest.fixture(autouse=True)
def common_screen(monkeypatch):
    """Windows open as on a common counter PC's 1366×768 screen (offscreen Qt has 800×800);
    tests/ui/test_small_screen.py tries a 1024×768 one."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, 1366, 728))


@pytest.fixture
def clock():
    return Clock(NOW)


@pytest.fixture
def worker():
    return InlineWorker()


class HeldWorker:
    """A worker whose services are still busy: each job waits until the test `release`s it,
    then runs as InlineWorker would. Shows what the GUI does while a call is running."""

    def __init__(self) -> None:
        self.jobs: list[tuple] = []

    def run(self, fn, on_done=None, on_error=None) -> None:
        self.jobs.append((fn, on_done, on_error))

    def run_latest(self, _slot, fn, on_done=None, on_error=None) -> None:
        # Every call is kept (the real worker drops one superseded while waiting): what a
        # call answers for a question since changed must be ignored by whoever asked.
        self.run(fn, on_done, on_error)

    def release(self) -> None:
        InlineWorker().run(*self.jobs.pop(0))

    def shutdown(self) -> None:
        pass


@pytest.fixture
def held_worker():
    return HeldWorker()


class Keyboard:
    """Sends keys where the keyboard would: to the open popup, the focused widget, or the
    active window when nothing in it has the focus.

    QTest can only type ASCII (it aborts on anything else), so other characters, Vietnamese
    letters and combining marks, go as key presses carrying just their text, which is what a
    Vietnamese input method or a scanner in Unicode mode produces.
    """

    def __init__(self, qtbot) -> None:
        self._qtbot = qtbot

    @staticmethod
    def target() -> QWidget:
        target = (
            QApplication.activePopupWidget() or QApplication.focusWidget()
            or QApplication.activeWindow()
        )
        assert target is not None, "no window is active"
        return target

    def type(self, text: str) -> None:
        for char in text:
            if char.isascii():
                self._qtbot.keyClick(self.target(), char)
            else:
                QTest.sendKeyEvent(
                    QTest.KeyAction.Click, self.target(), Qt.Key.Key_unknown, char,
                    Qt.KeyboardModifier.NoModifier,
                )

    def press(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self._qtbot.keyClick(self.target(), key, modifier)


@pytest.fixture
def keyboard(qtbot):
    return Keyboard(qtbot)


class MessageBoxes:
    """Stands in for the clerk in front of QMessageBox: records what each box said and
    answers from a queue (a box with nothing queued gets Ok, which means No to a question)."""

    def __init__(self) -> None:
        self.answers: list[QMessageBox.StandardButton] = []
        self.shown: list[str] = []

    def exec(self, box: QMessageBox) -> QMessageBox.StandardButton:
        self.shown.append(f"{box.text()}\n{box.informativeText()}".strip())
        return self.answers.pop(0) if self.answers else QMessageBox.StandardButton.Ok


@pytest.fixture
def message_boxes(monkeypatch):
    boxes = MessageBoxes()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.exec(box))
    return boxes


@pytest.fixture
def activate(qtbot):
    """Show a window as the active one, so that its widgets get the keyboard focus."""

    def show(widget: QWidget) -> QWidget:
        widget.show()
        qtbot.waitExposed(widget)
        widget.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
        return widget

    return show


@pytest.fixture
def counter_window(qtbot, services, worker, activate):
    """The main window over the demo counter's 36 received dossiers, active for the keyboard."""
    from desk_app.services.demo import seed
    from desk_app.ui.main_window import MainWindow

    seed(services)
    window = MainWindow(services, worker)
    qtbot.addWidget(window)
    return activate(window)


def wait_active(qtbot, widget: QWidget) -> QWidget:
    """Wait until a dialog opened by the window is the one the keyboard types into."""
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget
