"""The one lock every use case takes around its use of the SQLite connection.

Two threads call the services: the database worker (the clerk's saves and reads) and the
network worker (sync). The lock makes them take turns on the one connection. The GUI thread
must never take it: a save holding it for a moment would freeze the window for that moment,
and a backup or a sync batch for much longer. `watch` lets the app and the GUI tests install a
check that reports (or fails on) an acquisition from the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

Watch = Callable[[], None]


class ServicesLock:
    """A re-entrant lock (a use case may call another) with an optional check on acquiring."""

    watch: Watch | None = None  # called before each acquisition, on the acquiring thread

    def __init__(self) -> None:
        self._lock = threading.RLock()

    def __enter__(self) -> ServicesLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._lock.release()

    def acquire(self) -> None:
        watch = type(self).watch
        if watch is not None:
            watch()
        self._lock.acquire()

    def release(self) -> None:
        self._lock.release()
