"""Running service calls off the GUI thread.

One serial worker does every database call, in order, so writes never race and the GUI never
waits on the disk (Anki's idea). Results come back on the GUI thread through a queued signal.
Tests swap in `InlineWorker`, which runs the call at once on the caller's thread (Picard's fake
thread pool), so GUI tests need no waiting.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Signal

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


class _Bridge(QObject):
    # Emitted from the worker thread; Qt queues it onto the thread that owns the bridge (GUI).
    finished = Signal(object, object, object)  # callback, value, error


class Worker:
    """`run(fn, on_done=..., on_error=...)`: fn runs on the worker thread, the callbacks on the
    GUI thread. An error with no on_error is logged, never lost silently."""

    def __init__(self, name: str = "db") -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._bridge = _Bridge()
        self._bridge.finished.connect(self._deliver)
        self._closed = False
        # The newest call asked for each slot of run_latest (set on the GUI thread, read on
        # the worker's: one reference, which the interpreter reads and writes whole).
        self._latest: dict[object, object] = {}

    def run(self, fn: Callable[[], Any], on_done: Done | None = None,
            on_error: Failed | None = None) -> None:
        self._submit(fn, on_done, on_error, lambda: True)

    def run_latest(self, slot: object, fn: Callable[[], Any], on_done: Done | None = None,
                   on_error: Failed | None = None) -> None:
        """As `run`, for calls of which only the newest matters (the list's query as the clerk
        types): a call for `slot` still waiting its turn when a newer one for the same slot
        is asked for is dropped, never run and never answered, so a slow call cannot queue
        up the keystrokes behind it."""
        ticket = self._latest[slot] = object()
        self._submit(fn, on_done, on_error, lambda: self._latest.get(slot) is ticket)

    def _submit(self, fn: Callable[[], Any], on_done: Done | None, on_error: Failed | None,
                wanted: Callable[[], bool]) -> None:
        def job() -> None:
            if not wanted():
                return
            try:
                value = fn()
            except Exception as exc:  # noqa: BLE001 - handed to the GUI thread below
                self._bridge.finished.emit(on_error, None, exc)
            else:
                self._bridge.finished.emit(on_done, value, None)

        if self._closed:
            # The window is closing: late refreshes (a timer, a result arriving) have nowhere
            # to go, and the queued writes before shutdown have already been finished.
            log.debug("worker closed; dropped %r", fn)
            return
        self._pool.submit(job)

    def _deliver(self, callback: Callable | None, value: Any, error: Exception | None) -> None:
        if error is not None:
            if callback is None:
                log.error("background task failed", exc_info=error)
            else:
                callback(error)
        elif callback is not None:
            callback(value)

    def call(self, fn: Callable[[], Any]) -> Any:
        """`fn`'s value (or its exception), run on the worker while the GUI thread goes on
        handling events. Only for the start-up, before the main window shows, where the next
        step needs the answer; everything after goes through `run`."""
        loop = QEventLoop()
        outcome: dict[str, Any] = {}

        def settle(key: str, value: Any) -> None:
            outcome[key] = value
            loop.quit()

        self.run(fn, lambda value: settle("value", value), lambda exc: settle("error", exc))
        loop.exec()  # the answer is delivered through the event queue, so never before this
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]

    def shutdown(self) -> None:
        """Finish queued work (a save in progress must complete), then stop the thread."""
        self._closed = True
        self._pool.shutdown(wait=True)


_inline = threading.local()


def running_inline_job() -> bool:
    """Whether this thread is inside an InlineWorker's job: what stands in for the worker
    thread in tests, so a check of "never on the GUI thread" lets it through."""
    return getattr(_inline, "depth", 0) > 0


@contextmanager
def outside_inline_job() -> Iterator[None]:
    """What runs here would run on the GUI thread with the real worker (a job's callbacks, a
    signal queued from the worker), even when an InlineWorker job is running around it."""
    depth = getattr(_inline, "depth", 0)
    _inline.depth = 0
    try:
        yield
    finally:
        _inline.depth = depth


class InlineWorker:
    """Runs each call at once on the calling thread: for tests and scripts."""

    def run(self, fn: Callable[[], Any], on_done: Done | None = None,
            on_error: Failed | None = None) -> None:
        _inline.depth = getattr(_inline, "depth", 0) + 1
        try:
            value = fn()
        except Exception as exc:  # noqa: BLE001 - same contract as Worker
            _inline.depth -= 1
            if on_error is None:
                raise
            with outside_inline_job():
                on_error(exc)
        else:
            _inline.depth -= 1
            if on_done is not None:
                with outside_inline_job():
                    on_done(value)

    def run_latest(self, slot: object, fn: Callable[[], Any], on_done: Done | None = None,
                   on_error: Failed | None = None) -> None:
        # Each call runs at once, so none is ever waiting when a newer one comes.
        self.run(fn, on_done, on_error)

    def call(self, fn: Callable[[], Any]) -> Any:
        box: list[Any] = []
        self.run(fn, box.append)
        return box[0]

    def shutdown(self) -> None:
        pass
