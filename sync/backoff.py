"""When to try the hub again after a failure: exponential backoff with jitter.

Jitter spreads the retries of a province's hundred counters that all lost the network at the
same moment (a power cut at the provider), so they do not hammer the hub together when it comes
back. Pure: the caller owns the timer, the random source is injected so tests are exact.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    first: float = 15.0  # seconds before the first retry
    cap: float = 600.0  # never wait longer than this
    factor: float = 2.0
    jitter: float = 0.2  # each delay is shortened at random by up to this share
    rng: random.Random = field(default_factory=random.Random)
    failures: int = 0

    def __post_init__(self) -> None:
        if not 0 < self.first <= self.cap or self.factor < 1 or not 0 <= self.jitter < 1:
            raise ValueError("backoff needs 0 < first <= cap, factor >= 1, 0 <= jitter < 1")

    def failed(self) -> float:
        """Count one more failure; returns the seconds to wait before the next attempt."""
        # The exponent stops growing at the cap, so a counter offline for a week cannot overflow.
        steps = min(self.failures, 64)
        self.failures += 1
        base = min(self.cap, self.first * self.factor**steps)
        # Shortened, never lengthened: counters that reached the cap stay spread out too.
        return base * (1 - self.jitter * self.rng.random())

    def succeeded(self) -> None:
        self.failures = 0
