"""The rule "the GUI thread never takes the services lock", checked while the GUI tests run.

The tests' InlineWorker runs jobs on the GUI thread, standing in for the worker thread, and the
tests themselves call the services directly to set up and check: neither breaks the rule. What
does is code of desk_app.ui calling a use case on the GUI thread outside a worker job, so the
check looks for a frame of desk_app/ui on the stack of such an acquisition.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import desk_app.ui
from desk_app.ui.worker import running_inline_job

UI_DIR = str(Path(desk_app.ui.__file__).parent)


class LockTakenOnGuiThread(AssertionError):
    pass


def fail_on_gui_thread() -> None:
    """ServicesLock.watch for the GUI tests."""
    if threading.current_thread() is not threading.main_thread() or running_inline_job():
        return
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename.startswith(UI_DIR):
            raise LockTakenOnGuiThread(
                f"the services lock was taken on the GUI thread from "
                f"{Path(frame.f_code.co_filename).name}:{frame.f_lineno} "
                f"({frame.f_code.co_name}); run it on the worker")
        frame = frame.f_back
