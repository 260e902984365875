"""Slowing down guessing: failed enrollments and failed authentications, counted per client
address and over all addresses in a sliding window, in this process (no shared store: with
several worker processes each counts its own share, which only makes the limits looser by that
factor). Past a limit, enrollment and authenticated requests get 429 with Retry-After until the
oldest failure in the window has aged out, and the administrator's log says so once per block.

The address is the TCP peer's: behind a reverse proxy every counter shares the proxy's, and
the per-address limit then acts as a second overall one.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import deque
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


class Throttle:
    def __init__(self, limits: Limits, clock: Callable[[], float] = time.monotonic):
        self.limits = limits
        self._clock = clock
        self._lock = threading.Lock()
        self._failures: dict[str, deque[float]] = {}
        self._blocked: set[str] = set()  # keys whose block was logged
        self._next_sweep = clock() + limits.window_seconds

    def check(self, address: str) -> None:
        """Raise 429 if `address` (or everyone) has failed too often lately."""
        with self._lock:
            now = self._clock()
            self._forget(now, [address, ALL])
            for key, limit in ((address, self.limits.per_address), (ALL, self.limits.overall)):
                failures = self._failures.get(key)
                if failures is not None and len(failures) >= limit:
                    wait = max(1, math.ceil(failures[0] + self.limits.window_seconds - now))
                    if key not in self._blocked:
                        self._blocked.add(key)
                        log.warning("%s: %d failed enrollments or authentications in %g s; "
                                    "refused for %d s", "all addresses" if key == ALL
                                    else f"address {address}", len(failures),
                                    self.limits.window_seconds, wait)
                    raise ApiError(429, protocol.ERROR_TOO_MANY_ATTEMPTS,
                                   f"too many failed attempts: try again in {wait} s",
                                   {"Retry-After": str(wait)})

    def failed(self, address: str) -> None:
        with self._lock:
            now = self._clock()
            for key in (address, ALL):
                self._failures.setdefault(key, deque()).append(now)

    def _forget(self, now: float, keys: list[str]) -> None:
        """Drop the failures of `keys` older than the window; once a window, those of every
        address, forgetting addresses left with none (so a scan from many addresses does not
        grow the table for ever, nor make each request walk it)."""
        horizon = now - self.limits.window_seconds
        if now >= self._next_sweep:
            keys, self._next_sweep = list(self._failures), now + self.limits.window_seconds
        for key in keys:
            if key not in self._failures:
                continue
            failures = self._failures[key]
            while failures and failures[0] <= horizon:
                failures.popleft()
            if not failures:
                del self._failures[key]
                self._blocked.discard(key)
