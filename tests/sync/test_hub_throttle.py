"""Guessing is slowed down: failed enrollments and authentications are limited per client
address and overall (429 with Retry-After), on a clock the test steps by hand."""

from __future__ import annotations

import logging
import os

import pytest
from fastapi.testclient import TestClient

from sync import protocol
from sync.server.app import create_app
from sync.server.settings import HubSettings, Quotas
from sync.server.throttle import Limits

ENROLL = f"{protocol.API_PREFIX}/enroll"
CHANGES = f"{protocol.API_PREFIX}/changes"
WRONG_CODE = {"code": "AAAAA-BBBBB", "device_name": "Quầy 1"}
WRONG_TOKEN = {"Authorization": "Bearer not-a-token"}


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def hub(hub_engine, clock):
    """`hub(address)`: a TestClient calling from that address, all over one app."""
    app = create_app(hub_engine, HubSettings(Limits(per_address=3, overall=5,
                                                    window_seconds=60)), clock)
    clients: list[TestClient] = []

    def client(address: str = "10.0.0.1") -> TestClient:
        clients.append(TestClient(app, client=(address, 40000)))
        return clients[-1]

    yield client
    for made in clients:
        made.close()


def test_wrong_enrollment_codes_from_one_address_are_slowed_down(hub, hub_admin, clock, caplog):
    guesser = hub("10.0.0.9")
    assert [guesser.post(ENROLL, json=WRONG_CODE).status_code for _ in range(3)] == [401] * 3
    clock.now += 20
    with caplog.at_level(logging.WARNING, logger="province_hub.throttle"):
        blocked = guesser.post(ENROLL, json=WRONG_CODE)
        # Even a right code waits: the guesser must not learn which one was right.
        right = guesser.post(ENROLL, json={"code": hub_admin.enrollment_code(hub_admin.commune()),
                                           "device_name": "Quầy 1"})
    assert blocked.status_code == right.status_code == 429
    assert blocked.json()["error"] == protocol.ERROR_TOO_MANY_ATTEMPTS
    assert blocked.headers["Retry-After"] == "40"
    assert [r.getMessage() for r in caplog.records] == [
        "address 10.0.0.9: 3 failed enrollments or authentications in 60 s; refused for 40 s"]
    # Another address is not held up by this one.
    assert hub("10.0.0.2").post(ENROLL, json=WRONG_CODE).status_code == 401
    clock.now += 40
    assert guesser.post(ENROLL, json=WRONG_CODE).status_code == 401


def test_failed_authentication_counts_and_a_good_token_is_not_a_failure(hub, hub_admin, clock):
    device = hub_admin.enroll(hub_admin.commune())
    caller = hub()
    for _ in range(10):
        assert caller.get(CHANGES, headers=device.headers).status_code == 200
    assert [caller.get(CHANGES, headers=WRONG_TOKEN).status_code for _ in range(4)] == [
        401, 401, 401, 429]
    assert caller.get(CHANGES).status_code == 429
    assert int(caller.get(CHANGES, headers=device.headers).headers["Retry-After"]) == 60


def test_guessing_spread_over_many_addresses_meets_the_overall_limit(hub, clock):
    answers = [hub(f"10.1.0.{n}").post(ENROLL, json=WRONG_CODE).status_code for n in range(7)]
    assert answers == [401] * 5 + [429] * 2
    clock.now += 61
    assert hub("10.1.0.99").post(ENROLL, json=WRONG_CODE).status_code == 401


def test_the_limits_are_settings_of_serve(hub_db_url, monkeypatch):
    from sync.server import cli

    started = {}
    monkeypatch.setenv(cli.DB_ENV, "")  # serve sets both for its workers
    monkeypatch.setenv(cli.SETTINGS_ENV, "")
    monkeypatch.setattr("uvicorn.run", lambda *args, **kwargs: started.update(kwargs))
    assert cli.main(["serve", "--db", hub_db_url, "--failures-per-address", "7",
                     "--failures-overall", "70", "--failure-window", "30",
                     "--max-event-kib", "32", "--daily-mib-per-device", "16"]) == 0
    assert started["factory"] is True
    settings = HubSettings.from_json(os.environ[cli.SETTINGS_ENV])
    assert settings.limits == Limits(per_address=7, overall=70, window_seconds=30)
    assert settings.quotas == Quotas(max_payload_bytes=32 * 1024, daily_bytes=16 * 1024 * 1024)
