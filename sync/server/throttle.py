"""Slowing down guessing: failed enrollments and failed authentications, counted per client
address and over all addresses in a sliding window, in this process (no shared store: with
several worker processes each counts its own share, which only makes the limits looser by that
factor). Past a limit, enrollment and authenticated requests get 429 with Retry-After until the
oldest failure in the window has aged out, and the administrator's log says so once per block.
The same sliding window limits the web's login and the citizen's lookup (sync.server.web).

The address is the TCP peer's: behind a reverse proxy every counter shares the proxy's, and
the per-address limit then acts as a second overall one.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass

from sync import protocol
from sync.server.errors import ApiError

log = logging.getLogger("province_hub.throttle")


@dataclass(frozen=True)
class Limits:
    """Failed attempts allowed within `window_seconds`, from one address and from all."""

    per_address: int = 20
    overall: int = 300
    window_seconds: float = 60.0

    def __post_init__(self) -> None:
        if not (self.per_address >= 1 and self.overall >= 1
                and 0 < self.window_seconds <= 86400):
            raise ValueError("limits need per_address >= 1, overall >= 1 and a window of "
                             "0 to 86400 seconds")


ALL = "*"  # the key of the overall count


class SlidingWindow:
    """At most `limit` events per key in any `window` seconds, counted in this process. Thread
    safe (the hub's routes run on a thread pool) and bounded: past `max_keys` keys the quietest
    are forgotten, so a flood from many addresses costs neither memory nor time per request.
    The clock is injectable so tests step time instead of sleeping."""

    def __init__(self, limit: int, window: float, *,
                 clock: Callable[[], float] = time.monotonic, max_keys: int = 10_000):
        self.limit = limit
        self.window = window
        self.clock = clock
        self._max_keys = max_keys
        self._lock = threading.Lock()
        self._events: OrderedDict[str, deque[float]] = OrderedDict()

    def wait(self, key: str) -> int | None:
        """None while `key` is under the limit, else the seconds until its oldest event in the
        window ages out."""
        with self._lock:
            return self._wait(key, self._recent(key))

    def add(self, key: str) -> None:
        with self._lock:
            self._recent(key).append(self.clock())
            self._bound()

    def hit(self, key: str) -> int | None:
        """Count an event unless `key` is at the limit: None when counted, else the wait."""
        with self._lock:
            events = self._recent(key)
            wait = self._wait(key, events)
            if wait is None:
                events.append(self.clock())
                self._bound()
            return wait

    def _recent(self, key: str) -> deque[float]:
        """The key's events still in the window, the key moved to the newest end."""
        horizon = self.clock() - self.window
        events = self._events.pop(key, None) or deque()
        while events and events[0] <= horizon:
            events.popleft()
        self._events[key] = events
        return events

    def _wait(self, key: str, events: deque[float]) -> int | None:
        if len(events) < self.limit:
            return None
        return max(1, math.ceil(events[0] + self.window - self.clock()))

    def _bound(self) -> None:
        while len(self._events) > self._max_keys:
            self._events.popitem(last=False)


class Throttle:
    """Failed enrollments and authentications, per address and over all addresses."""

    def __init__(self, limits: Limits, clock: Callable[[], float] = time.monotonic):
        self.limits = limits
        self._per_address = SlidingWindow(limits.per_address, limits.window_seconds, clock=clock)
        self._overall = SlidingWindow(limits.overall, limits.window_seconds, clock=clock)
        self._blocked: set[str] = set()  # keys whose current block was logged

    def check(self, address: str) -> None:
        """Raise 429 if `address` (or everyone) has failed too often lately."""
        for window, key in ((self._per_address, address), (self._overall, ALL)):
            wait = window.wait(key)
            if wait is None:
                self._blocked.discard(key)
                continue
            if key not in self._blocked:
                self._blocked.add(key)
                log.warning("%s: %d failed enrollments or authentications in %g s; refused "
                            "for %d s", "all addresses" if key == ALL else f"address {address}",
                            window.limit, window.window, wait)
            raise ApiError(429, protocol.ERROR_TOO_MANY_ATTEMPTS,
                           f"too many failed attempts: try again in {wait} s",
                           {"Retry-After": str(wait)})

    def failed(self, address: str) -> None:
        self._per_address.add(address)
        self._overall.add(ALL)
