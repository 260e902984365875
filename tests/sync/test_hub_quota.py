"""Quotas: an event's payload is bounded (a dossier needs a few KB), and so is what a device
may store in a day; the refusals are clear, and the counter shows them instead of retrying
the same thing for ever."""

from __future__ import annotations

import gzip
import json
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from sync import protocol
from sync.client import HubClient, HubRefused
from sync.protocol import canonical_json
from sync.server import clock
from sync.server.app import create_app
from sync.server.settings import HubSettings, Quotas
from tests.sync.samples import received_event

PUSH = f"{protocol.API_PREFIX}/events"


def largest_dossier(code: str) -> dict:
    """A received event as large as a counter makes one: 40 documents with 300-character
    Vietnamese names, all also listed as missing, and long request, address and notes."""
    event = received_event(code=code)
    names = [f"{n:02d} " + "Bản sao giấy chứng nhận quyền sử dụng đất có chứng thực " * 6
             for n in range(40)]
    names = [name[:300] for name in names]
    payload = event["payload"]
    payload["documents"] = [{"name": name, "mandatory": True, "provided": False, "originals": 1,
                             "certified": 2, "copies": 3} for name in names]
    payload["missing_documents"] = names
    payload["request"] = "Đề nghị cấp lại giấy chứng nhận do bị mất. " * 25
    payload["notes"] = "Công dân hẹn bổ sung bản gốc vào tuần sau; đã hướng dẫn cách nộp. " * 30
    payload["applicant"]["address"] = "Thôn Đông, xã Tân Lập, huyện Yên Lập, tỉnh Phú Thọ " * 5
    return event


def size(event: dict) -> int:
    return len(canonical_json(event["payload"]).encode("utf-8"))


def test_an_events_payload_is_bounded_with_room_for_the_largest_dossier(hub_client, hub_admin):
    device = hub_admin.enroll(hub_admin.commune())
    largest = largest_dossier("000.01.22.H56-261124-1001")
    assert 20_000 < size(largest) < Quotas().max_payload_bytes * 0.8
    huge = received_event(code="000.01.22.H56-261124-1002")
    huge["payload"]["notes"] = "x" * (9 * 1024 * 1024)  # 9 MiB, compresses to almost nothing
    body = gzip.compress(json.dumps({"events": [largest, huge]}).encode())

    response = hub_client.post(PUSH, content=body, headers={
        **device.headers, "Content-Encoding": "gzip", "Content-Type": "application/json"})

    assert response.status_code == 200, response.text
    accepted, refused = response.json()["results"]
    assert accepted["result"] == "accepted"
    assert refused["result"] == "invalid" and refused["reason"].startswith("quota: ")
    assert hub_admin.count("events") == 1


@pytest.fixture
def small_quota_hub(hub_engine):
    quotas = Quotas(max_payload_bytes=4096, daily_bytes=3 * 4096)
    with TestClient(create_app(hub_engine, HubSettings(quotas=quotas))) as client:
        yield client


def test_a_devices_daily_volume_is_bounded(small_quota_hub, hub_admin, monkeypatch):
    device = hub_admin.enroll(hub_admin.commune())
    made: dict[int, dict] = {}

    def event(n: int) -> dict:  # the same event each time it is asked for
        if n in made:
            return made[n]
        made[n] = received_event(code=f"000.01.22.H56-261124-{1000 + n}", seq=n)
        made[n]["payload"]["notes"] = "n" * 3000
        return made[n]

    first = small_quota_hub.post(PUSH, json={"events": [event(1), event(2)]},
                                 headers=device.headers)
    assert [r["result"] for r in first.json()["results"]] == ["accepted", "accepted"]
    over = small_quota_hub.post(PUSH, json={"events": [event(3), event(4)]},
                                headers=device.headers)
    assert over.status_code == 429
    assert over.json()["error"] == protocol.ERROR_DAILY_QUOTA
    assert 0 < int(over.headers["Retry-After"]) <= 86400
    assert hub_admin.count("events") == 2  # nothing of the refused batch
    # Re-sending what is stored costs nothing.
    resent = small_quota_hub.post(PUSH, json={"events": [event(1)]}, headers=device.headers)
    assert [r["result"] for r in resent.json()["results"]] == ["duplicate"]

    tomorrow = clock.now() + timedelta(days=1)
    monkeypatch.setattr(clock, "now", lambda: tomorrow)
    later = small_quota_hub.post(PUSH, json={"events": [event(3), event(4)]},
                                 headers=device.headers)
    assert [r["result"] for r in later.json()["results"]] == ["accepted", "accepted"]


def test_the_counter_says_why_the_hub_refuses_its_push_for_the_day(live_hub):
    admin = live_hub.admin
    device = admin.enroll(admin.commune())
    client = HubClient(live_hub.url, token=device.token)
    with admin.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO device_volume (device_id, day, events, bytes) VALUES (?, ?, 1, ?)"
            if admin.engine.dialect.name == "sqlite" else
            "INSERT INTO device_volume (device_id, day, events, bytes) VALUES (%s, %s, 1, %s)",
            (device.device_id, clock.now().date().isoformat(), Quotas().daily_bytes))
    with pytest.raises(HubRefused, match="hạn mức") as refused:
        client.push([received_event()], sent_at=clock.stamp(clock.now()))
    assert refused.value.status == 429 and refused.value.error == protocol.ERROR_DAILY_QUOTA
    assert not refused.value.offline
