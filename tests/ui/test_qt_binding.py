import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel


def test_qt_calls_do_not_leak_references_to_none(qtbot):
    # PySide6 6.12.0 on Python 3.11 dropped one reference to None per void call, which aborts
    # the app ("none_dealloc") after some thousands of calls: a working day. Keep the pin.
    label, timer = QLabel(), QTimer()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        timer.start(10)
    timer.stop()
    assert abs(sys.getrefcount(None) - before) < 50
