"""Arranging the province's web in tests: a hub app with a stepped clock and test limiters,
accounts, logging in through the real form, and dossiers pushed by real enrolled devices."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from sync.protocol import API_PREFIX
from sync.server.app import create_app
from sync.server.throttle import SlidingWindow
from sync.server.web import accounts
from sync.server.web.settings import WebSettings
from tests.sync.live_hub import EnrolledDevice
from tests.sync.samples import VN, next_event, received_event

PASSWORD = "mật-khẩu-đủ-dài-1"
NOW = datetime(2026, 12, 4, 10, 0, tzinfo=VN)


@dataclass
class SteppedClock:
    """Wall time for the web (`now`) and monotonic time for the limiters, stepped by tests."""

    at: datetime = NOW
    ticks: float = 0.0

    def now(self) -> datetime:
        return self.at

    def monotonic(self) -> float:
        return self.ticks

    def step(self, delta: timedelta) -> None:
        self.at += delta
        self.ticks += delta.total_seconds()


@dataclass
class Web:
    engine: Engine
    clock: SteppedClock
    settings: WebSettings
    _pushed: dict[int, int] = field(default_factory=dict)

    def user(self, username: str, role: str, commune_id: int | None = None,
             name: str = "Trần Văn Bình") -> str:
        accounts.add_user(self.engine, username, name, role, PASSWORD, commune_id)
        return username

    def push(self, client: TestClient, device: EnrolledDevice, *events: dict) -> None:
        response = client.post(f"{API_PREFIX}/events", json={"events": list(events)},
                               headers=device.headers)
        assert response.status_code == 200, response.text
        assert {r["result"] for r in response.json()["results"]} == {"accepted"}, response.text

    def dossier(self, client: TestClient, device: EnrolledDevice, code: str, *,
                received: datetime, due_in: timedelta = timedelta(days=3),
                then: tuple[tuple, ...] = (), payload: dict | None = None,
                **fields) -> dict:
        """A dossier received at `received` (its payload updated with `payload`), due
        `due_in` later, then moved by `then`'s (kind, status) events, each 30 minutes after
        the one before, or (kind, status, how long after the reception, payload); the
        device's events are numbered on from what it pushed before."""
        seq = self._pushed.get(device.device_id, 0) + 1
        first = received_event(code=code, seq=seq, at=received, **fields)
        first["payload"]["due_at"] = (received + due_in).isoformat(timespec="seconds")
        first["payload"].update(payload or {})
        chain = [first]
        for kind, status, *when_and_payload in then:
            seq += 1
            after, step_payload = when_and_payload or (None, None)
            minutes = 30 if after is None else (
                received + after - datetime.fromisoformat(chain[-1]["device_time"])
            ) // timedelta(minutes=1)
            chain.append(next_event(chain[-1], kind, status, seq=seq, minutes_later=minutes,
                                    payload=step_payload))
        self._pushed[device.device_id] = seq
        self.push(client, device, *chain)
        return first

    def then(self, client: TestClient, device: EnrolledDevice, previous: dict, kind: str,
             status: int, after: timedelta, payload: dict) -> dict:
        """One more event on `previous`'s dossier, `after` it."""
        seq = self._pushed[device.device_id] + 1
        event = next_event(previous, kind, status, seq=seq,
                           minutes_later=after // timedelta(minutes=1), payload=payload)
        self._pushed[device.device_id] = seq
        self.push(client, device, event)
        return event


def make_web(engine: Engine, **settings) -> tuple[Web, TestClient]:
    clock = SteppedClock()
    web_settings = WebSettings(
        now=clock.now,
        login_limiter=SlidingWindow(1000, 300, clock=clock.monotonic),
        lookup_limiter=SlidingWindow(1000, 300, clock=clock.monotonic),
        **settings,
    )
    return Web(engine, clock, web_settings), TestClient(create_app(engine, web=web_settings),
                                                        follow_redirects=False)


def form_token(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]*)"', html).group(1)


def log_in(client: TestClient, username: str, password: str = PASSWORD, next_: str = ""):
    """Through the real form: GET the page (its CSRF cookie and field), POST it back."""
    page = client.get("/dang-nhap")
    return client.post("/dang-nhap", data={"csrf": form_token(page.text), "username": username,
                                           "password": password, "next": next_})

