"""A TCP proxy on loopback that stands between the counter and the hub and breaks a share of
the traffic, as a rural link does.

Every chunk the client sends (on a keep-alive connection, typically one request) draws a fate
from a seeded random source (after the fates listed in `first`, which make sure a short test
meets each kind of breakage at least once):

- pass: forwarded;
- refuse: both sides closed at once, the hub never sees the request;
- cut_request: half of the chunk forwarded, then both sides closed (a truncated request);
- cut_response: forwarded whole, then closed as soon as the hub starts answering — the hub has
  done the work and the client never hears of it (the case that makes re-sends duplicates);
- stall: nothing more is forwarded for `stall_seconds` (longer than the client's read
  timeout), then both sides are closed.

Everything is bounded: connections live at most `lifetime` seconds, loops wake every 0.1 s to
check for `stop()`, and the proxy stops by itself after `lifetime` with no one calling stop.
"""

from __future__ import annotations

import contextlib
import random
import selectors
import socket
import threading
import time
from collections import Counter
from collections.abc import Sequence

FATES = ("pass", "refuse", "cut_request", "cut_response", "stall")


class ChaosProxy:
    def __init__(self, target_port: int, *, refuse: float = 0.1, cut_request: float = 0.1,
                 cut_response: float = 0.15, stall: float = 0.05, stall_seconds: float = 1.5,
                 seed: int = 0, lifetime: float = 120.0, first: Sequence[str] = ()):
        if set(first) - set(FATES):
            raise ValueError(f"unknown fates in {first}")
        self.target_port = target_port
        self._first = list(first)
        weights = [refuse, cut_request, cut_response, stall]
        if sum(weights) >= 1:
            raise ValueError("the shares of broken exchanges must leave some passing")
        self._weights = [1 - sum(weights), *weights]
        self.stall_seconds = stall_seconds
        self.lifetime = lifetime
        self.fates: Counter[str] = Counter()
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self._threads: list[threading.Thread] = []
        self._started = time.monotonic()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ChaosProxy:
        self._spawn(self._accept)
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()

    def stop(self) -> None:
        self._stop.set()
        for thread in list(self._threads):
            thread.join(timeout=self.stall_seconds + 2)
        self._listener.close()

    def _spawn(self, target, *args) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _over(self) -> bool:
        return self._stop.is_set() or time.monotonic() - self._started > self.lifetime

    def _accept(self) -> None:
        while not self._over():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._spawn(self._relay, client)

    def _draw(self) -> str:
        with self._lock:
            fate = self._first.pop(0) if self._first else self._rng.choices(FATES, self._weights)[0]
            self.fates[fate] += 1
            return fate

    def _relay(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=2)
        except OSError:
            client.close()  # the hub is down: the client sees a reset, as it would for real
            return
        with client, upstream, selectors.DefaultSelector() as selector:
            selector.register(client, selectors.EVENT_READ)
            selector.register(upstream, selectors.EVENT_READ)
            # Either side going away ends the connection, as it would for real.
            with contextlib.suppress(OSError):
                self._pump(client, upstream, selector)

    def _pump(self, client: socket.socket, upstream: socket.socket,
              selector: selectors.BaseSelector) -> None:
        cut_on_answer = False
        deadline = time.monotonic() + self.lifetime
        while not self._over() and time.monotonic() < deadline:
            for key, _ in selector.select(timeout=0.1):
                data = key.fileobj.recv(65536)
                if not data:
                    return
                if key.fileobj is upstream:
                    if cut_on_answer:
                        return
                    client.sendall(data)
                    continue
                fate = self._draw()
                if fate == "refuse":
                    return
                if fate == "cut_request":
                    upstream.sendall(data[: max(1, len(data) // 2)])
                    return
                if fate == "stall":
                    self._stop.wait(self.stall_seconds)
                    return
                cut_on_answer = cut_on_answer or fate == "cut_response"
                upstream.sendall(data)
