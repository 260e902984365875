"""Pulling what the province publishes: catalogue versions, the calendar table and province
events, each commune seeing its own and the province-wide ones, paged by a server cursor."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from sync import protocol
from sync.server import clock, publishing
from sync.server.database import reading
from sync.server.errors import AdminError
from sync.server.tables import dossiers, events
from tests.sync.samples import received_event

CHANGES = f"{protocol.API_PREFIX}/changes"
CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "catalogue" / "procedures.json"


def pull_all(client_get, headers, cursor=0, limit=protocol.DEFAULT_PULL_LIMIT):
    """Every change from `cursor`, page by page: (changes, pages, final cursor)."""
    found, pages = [], 0
    while True:
        page = client_get(CHANGES, params={"cursor": cursor, "limit": limit}, headers=headers)
        assert page.status_code == 200, page.text
        body = page.json()
        pages += 1
        found += body["changes"]
        cursor = body["next_cursor"]
        if not body["more"]:
            return found, pages, cursor


def test_paging_with_the_cursor_returns_each_change_once_in_order(hub_client, hub_admin):
    device = hub_admin.enroll(hub_admin.commune())
    for day in range(1, 26):
        publishing.set_calendar_day(hub_admin.engine, date(2027, 1, day), "off", f"ngày {day}")

    found, pages, cursor = pull_all(hub_client.get, device.headers, limit=10)

    assert pages == 3
    assert [c["data"]["day"] for c in found] == [f"2027-01-{d:02d}" for d in range(1, 26)]
    seqs = [c["seq"] for c in found]
    assert seqs == sorted(set(seqs)) and cursor == seqs[-1]
    again = hub_client.get(CHANGES, params={"cursor": cursor}, headers=device.headers).json()
    assert again == {"changes": [], "next_cursor": cursor, "more": False}


def test_each_commune_sees_its_own_events_and_everyone_sees_the_catalogue(live_hub):
    admin = live_hub.admin
    ours = admin.enroll(admin.commune("Xã Tân Lập", "000.17.22.H56"))
    theirs = admin.enroll(admin.commune("Xã Đông Sơn", "000.18.22.H56"))
    received = received_event(code="000.17.22.H56-261124-1001")
    requests.post(f"{live_hub.api}/events", json={"events": [received]}, headers=ours.headers,
                  timeout=10)
    publishing.publish_catalogue(admin.engine, json.loads(CATALOGUE.read_text(encoding="utf-8")))
    event = admin.province_event("000.17.22.H56-261124-1001", "result_ready", "Đã có kết quả")

    def get(path, **kwargs):
        return requests.get(f"{live_hub.url}{path}", timeout=10, **kwargs)

    ours_found, _, _ = pull_all(get, ours.headers)
    theirs_found, _, _ = pull_all(get, theirs.headers)

    assert [c["type"] for c in ours_found] == ["catalogue", "event"]
    assert [c["type"] for c in theirs_found] == ["catalogue"]
    assert ours_found[0]["data"]["version"] == "2026.11.1"
    down = ours_found[1]["data"]
    assert down == event
    assert set(down) == set(protocol.EVENT_FIELDS)
    assert (down["dossier_uuid"], down["kind"], down["status"], down["device_seq"]) == (
        received["dossier_uuid"], "result_ready", 9, 0)
    assert down["payload"] == {"code": "000.17.22.H56-261124-1001", "note": "Đã có kết quả"}
    assert down["uuid"] != received["uuid"]


def test_a_province_event_moves_the_dossier_and_is_acknowledged_if_sent_back(hub_client,
                                                                            hub_admin):
    device = hub_admin.enroll(hub_admin.commune())
    received = received_event(at=clock.now() - timedelta(hours=1))
    hub_client.post(f"{protocol.API_PREFIX}/events", json={"events": [received]},
                    headers=device.headers)

    event = hub_admin.province_event(received["dossier_uuid"], "supplement_requested", "Thiếu tờ khai")

    with reading(hub_admin.engine) as connection:
        assert connection.execute(select(dossiers.c.status)).scalar_one() == 5
        stored = connection.execute(select(events.c.device_id).where(
            events.c.uuid == event["uuid"])).scalar_one()
    assert stored is None
    echoed = hub_client.post(f"{protocol.API_PREFIX}/events", json={"events": [event]},
                             headers=device.headers)
    assert echoed.json()["results"][0]["result"] == "duplicate"


def test_province_events_need_a_dossier_the_hub_knows(hub_admin):
    with pytest.raises(AdminError, match="has reached the hub"):
        hub_admin.province_event("000.17.22.H56-261124-9999")


def test_catalogue_versions_only_go_forward(hub_admin):
    document = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    assert publishing.publish_catalogue(hub_admin.engine, document) == ("2026.11.1", True)
    assert publishing.publish_catalogue(hub_admin.engine, document) == ("2026.11.1", False)
    changed = {**document, "source": "khác"}
    with pytest.raises(AdminError, match="already published with other content"):
        publishing.publish_catalogue(hub_admin.engine, changed)
    with pytest.raises(AdminError, match="not newer"):
        publishing.publish_catalogue(hub_admin.engine, {**document, "version": "2026.10.9"})
    assert publishing.publish_catalogue(hub_admin.engine, {**document, "version": "2026.11.10"})[1]
    assert hub_admin.count("changes") == 2


@pytest.mark.parametrize("broken, reason", [
    ({"procedures": []}, "procedures"),
    ({"version": "mới nhất"}, "version"),
    ({"procedures": [{"code": "1.001193", "name": "Khai sinh", "field": "Hộ tịch",
                      "time": {"value": 2, "unit": "same_day"}}]}, "same-day"),
    ({"procedures": [{"code": "1.1", "name": "A", "field": "F", "time": {"value": 1,
                      "unit": "working_days"}}] * 2}, "listed twice"),
])
def test_a_malformed_catalogue_is_not_published(hub_admin, broken, reason):
    document = {**json.loads(CATALOGUE.read_text(encoding="utf-8")), **broken}
    with pytest.raises(AdminError, match=reason):
        publishing.publish_catalogue(hub_admin.engine, document)
    assert hub_admin.count("changes") == 0


def test_setting_a_calendar_day_again_replaces_it(hub_admin):
    publishing.set_calendar_day(hub_admin.engine, date(2027, 2, 13), "work", "làm bù")
    publishing.set_calendar_day(hub_admin.engine, date(2027, 2, 13), "off", "  nghỉ   Tết ")
    assert publishing.list_calendar(hub_admin.engine) == [("2027-02-13", "off", "nghỉ Tết")]
    assert hub_admin.count("changes") == 2
