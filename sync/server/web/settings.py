"""The web's settings, from the environment so that every `province-hub serve` worker reads
the same ones."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sync.server import clock
from sync.server.throttle import SlidingWindow

PUBLIC_URL_ENV = "PROVINCE_HUB_PUBLIC_URL"
SECURE_COOKIES_ENV = "PROVINCE_HUB_SECURE_COOKIES"


@dataclass
class WebSettings:
    public_url: str | None = None
    secure_cookies: bool = False
    # Per client address. The login also has the per-account lock-out (accounts.MAX_FAILURES).
    login_limiter: SlidingWindow = field(default_factory=lambda: SlidingWindow(20, 300))
    lookup_limiter: SlidingWindow = field(default_factory=lambda: SlidingWindow(30, 300))
    # What "today" and "overdue" are measured from, and when lock-outs and sessions end.
    now: Callable[[], datetime] = clock.now

    @classmethod
    def from_environment(cls) -> WebSettings:
        return cls(public_url=os.environ.get(PUBLIC_URL_ENV) or None,
                   secure_cookies=os.environ.get(SECURE_COOKIES_ENV, "") in ("1", "true", "yes"))

