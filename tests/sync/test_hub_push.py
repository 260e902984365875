"""Pushing event batches: the idempotency contract, per-event refusals, commune ownership, the
province's view of each dossier, and clock skew."""

from __future__ import annotations

from datetime import timedelta

import pytest
import requests
from sqlalchemy import select

from sync import protocol
from sync.server import clock, publishing, registry
from sync.server.database import reading
from sync.server.errors import AdminError
from sync.server.tables import devices, dossiers, events
from tests.sync.samples import AT, next_event, received_event

PUSH = f"{protocol.API_PREFIX}/events"


def results(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [r["result"] for r in response.json()["results"]]


def stored_event(engine, uuid: str):
    with reading(engine) as connection:
        return connection.execute(select(events).where(events.c.uuid == uuid)).one()


def test_one_batch_answers_each_event_on_its_own(live_hub):
    device = live_hub.admin.enroll(live_hub.admin.commune())
    earlier = received_event(code="000.01.22.H56-261124-1001", seq=1)
    url = f"{live_hub.api}/events"
    first = requests.post(url, json={"events": [earlier]}, headers=device.headers, timeout=10)
    original_time = first.json()["results"][0]["server_time"]
    fresh = received_event(code="000.01.22.H56-261124-1002", seq=2)
    changed = {**earlier, "payload": {**earlier["payload"], "request": "sửa lén"}}
    poisoned = {**received_event(seq=3), "status": "2"}
    batch = [fresh, dict(reversed(list(earlier.items()))), changed, poisoned]

    response = requests.post(url, json={"events": batch}, headers=device.headers, timeout=10)

    body = response.json()
    assert results(response) == ["accepted", "duplicate", "conflict", "invalid"]
    assert [r["uuid"] for r in body["results"]] == [e["uuid"] for e in batch]
    assert body["results"][0]["server_time"] == body["server_time"]
    assert body["results"][1]["server_time"] == original_time
    assert "other content" in body["results"][2]["reason"]
    assert body["results"][3]["reason"].startswith("status:")
    assert body["results"][3]["server_time"] is None
    assert live_hub.admin.count("events") == 2
    assert stored_event(live_hub.admin.engine, earlier["uuid"]).payload == protocol.canonical_json(
        earlier["payload"])


def test_the_same_batch_delivered_twice_is_stored_once(hub_client, hub_admin):
    device = hub_admin.enroll(hub_admin.commune())
    batch = {"events": [received_event(code=f"000.01.22.H56-261124-10{n:02d}", seq=n)
                        for n in range(1, 21)]}

    first = hub_client.post(PUSH, json=batch, headers=device.headers)
    second = hub_client.post(PUSH, json=batch, headers=device.headers)

    assert results(first) == ["accepted"] * 20
    assert results(second) == ["duplicate"] * 20
    assert [r["server_time"] for r in second.json()["results"]] == [
        r["server_time"] for r in first.json()["results"]]
    assert hub_admin.count("events") == 20
    assert hub_admin.count("dossiers") == 20


def test_a_conflict_leaves_no_trace(hub_client, hub_admin):
    device = hub_admin.enroll(hub_admin.commune())
    event = received_event()
    hub_client.post(PUSH, json={"events": [event]}, headers=device.headers)
    before = hub_admin.counts()
    # Same UUID, naming a dossier the hub has never seen.
    moved = {**event, "dossier_uuid": received_event()["dossier_uuid"]}

    response = hub_client.post(PUSH, json={"events": [moved]}, headers=device.headers)

    assert results(response) == ["conflict"]
    assert hub_admin.counts() == before


def test_a_copy_inside_one_batch_is_a_duplicate(hub_client, hub_admin):
    device = hub_admin.enroll(hub_admin.commune())
    event = received_event()
    response = hub_client.post(PUSH, json={"events": [event, event]}, headers=device.headers)
    assert results(response) == ["accepted", "duplicate"]


@pytest.mark.parametrize("change, reason", [
    ({"uuid": "not-a-uuid"}, "uuid:"),
    ({"uuid": "6F9619FF-8B86-D011-B42D-00C04FC964FF"}, "uuid:"),
    ({"kind": "teleported"}, "unknown kind"),
    ({"status": 11}, "status:"),
    ({"status": 9}, "does not follow a 'received' event"),
    ({"status": True}, "status:"),
    ({"device_seq": -1}, "device_seq:"),
    ({"device_seq": "1"}, "device_seq:"),
    ({"device_time": "2026-11-24T09:30:00"}, "UTC offset"),
    ({"device_time": "yesterday"}, "device_time:"),
    ({"device_time": "0001-01-01T00:00:00+14:00"}, "out of range"),
    ({"device_time": "2026-11-24T09:30:00." + "1" * 40 + "+07:00"}, "device_time:"),
    ({"clerk": "Hoa\x00"}, "control characters"),
    ({"payload": {"code": "C", "deep": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}},
     "nests deeper"),
    ({"clerk": ""}, "clerk:"),
    ({"payload": ["code"]}, "payload:"),
    ({"payload": {"request": "no code"}}, "needs the dossier code"),
    ({"surprise": 1}, "surprise: Extra inputs are not permitted"),
])
def test_invalid_events_are_refused_with_a_reason(hub_client, hub_admin, change, reason):
    device = hub_admin.enroll(hub_admin.commune())
    good = received_event(seq=1)
    bad = {**received_event(seq=2), **change}

    response = hub_client.post(PUSH, json={"events": [bad, good]}, headers=device.headers)

    assert results(response) == ["invalid", "accepted"]
    assert reason in response.json()["results"][0]["reason"]
    assert hub_admin.count("events") == 1


def test_an_event_that_is_not_an_object_is_invalid_without_a_uuid(hub_client, hub_admin):
    device = hub_admin.enroll(hub_admin.commune())
    response = hub_client.post(PUSH, json={"events": [{"uuid": 5}]}, headers=device.headers)
    assert results(response) == ["invalid"]
    assert response.json()["results"][0]["uuid"] is None


def test_a_device_writes_only_its_own_communes_dossiers(live_hub):
    admin = live_hub.admin
    ours = admin.enroll(admin.commune("Xã Tân Lập", "000.17.22.H56"))
    theirs = admin.enroll(admin.commune("Xã Đông Sơn", "000.18.22.H56"))
    received = received_event(code="000.17.22.H56-261124-1001")
    url = f"{live_hub.api}/events"
    assert results(requests.post(url, json={"events": [received]}, headers=ours.headers,
                                 timeout=10)) == ["accepted"]
    before = admin.counts()
    # The intruder even uses the right commune's code prefix: ownership decides, not the code.
    forged = next_event(received, "returned", 10, seq=7, payload={"code": received["payload"]["code"]})
    replayed = {**received}

    response = requests.post(url, json={"events": [forged, replayed]}, headers=theirs.headers,
                             timeout=10)

    assert results(response) == ["invalid", "invalid"]
    assert all(r["reason"].startswith("forbidden:") for r in response.json()["results"])
    assert admin.counts() == before
    with reading(admin.engine) as connection:
        assert connection.execute(select(dossiers.c.status)).scalar_one() == 2


def test_the_province_sees_each_dossiers_current_state(hub_client, hub_admin):
    device = hub_admin.enroll(hub_admin.commune())
    received = received_event(code="000.01.22.H56-261124-1001")
    handed_over = next_event(received, "handed_over", 4, seq=2)
    ready = next_event(handed_over, "result_ready", 9, seq=3)

    # The newest event arrives first; the older ones must not move the state back.
    assert results(hub_client.post(PUSH, json={"events": [ready]},
                                    headers=device.headers)) == ["accepted"]
    assert results(hub_client.post(PUSH, json={"events": [received, handed_over]},
                                    headers=device.headers)) == ["accepted", "accepted"]

    with reading(hub_admin.engine) as connection:
        row = connection.execute(select(dossiers)).one()
    assert (row.uuid, row.code, row.status, row.last_event_uuid) == (
        received["dossier_uuid"], "000.01.22.H56-261124-1001", 9, ready["uuid"])
    assert row.procedure_code == "1.004194"
    assert row.applicant_name == "Đặng Thị Ánh"
    assert row.due_at == received["payload"]["due_at"]


def test_text_is_stored_in_nfc(hub_client, hub_admin):
    device = hub_admin.enroll(hub_admin.commune())
    decomposed = "Nguyê\u0303n Thi\u0323 Hoa"
    event = received_event(clerk=decomposed)
    event["payload"]["applicant"]["name"] = decomposed
    assert results(hub_client.post(PUSH, json={"events": [event]}, headers=device.headers)) == [
        "accepted"]
    row = stored_event(hub_admin.engine, event["uuid"])
    assert row.clerk == "Nguyễn Thị Hoa"
    assert "Nguyễn Thị Hoa" in row.payload
    # The same event re-sent in NFC is the same content.
    event["clerk"] = "Nguyễn Thị Hoa"
    assert results(hub_client.post(PUSH, json={"events": [event]}, headers=device.headers)) == [
        "duplicate"]


def test_a_clock_an_hour_wrong_is_recorded_never_refused(hub_client, hub_admin):
    device = hub_admin.enroll(hub_admin.commune())
    wrong_now = clock.now() + timedelta(hours=1)
    event = received_event(at=wrong_now)

    response = hub_client.post(
        PUSH, json={"events": [event], "sent_at": wrong_now.isoformat(), "backlog": 12},
        headers=device.headers)

    assert results(response) == ["accepted"]
    skew = stored_event(hub_admin.engine, event["uuid"]).clock_skew_seconds
    assert 3590 < skew < 3610
    with reading(hub_admin.engine) as connection:
        row = connection.execute(select(devices.c.clock_skew_seconds, devices.c.backlog)).one()
    assert 3590 < row.clock_skew_seconds < 3610
    assert row.backlog == 12


def test_a_device_can_compare_its_counts_with_the_hub(hub_client, hub_admin):
    device = hub_admin.enroll(hub_admin.commune())
    today = [received_event(seq=n, at=AT + timedelta(minutes=n)) for n in (1, 2)]
    tomorrow = [received_event(seq=3, at=AT + timedelta(days=1))]
    hub_client.post(PUSH, json={"events": today + tomorrow}, headers=device.headers)

    summary = hub_client.get(f"{protocol.API_PREFIX}/device", params={"day": AT.date().isoformat()},
                             headers=device.headers).json()

    assert summary["events_stored"] == 3
    assert summary["events_on_day"] == 2
    assert summary["device_id"] == device.device_id


@pytest.mark.parametrize("where", ["document", "applicant"])
def test_a_payload_holding_a_nul_character_is_refused_alone(hub_client, hub_admin, where):
    """PostgreSQL's text refuses NUL: stored, such a payload failed every later push naming its
    dossier (its strings go into the dossier's view and the citizen's documents)."""
    device = hub_admin.enroll(hub_admin.commune())
    good = received_event(code="000.01.22.H56-261124-1001", seq=1)
    bad = received_event(code="000.01.22.H56-261124-1002", seq=2)
    if where == "document":
        bad["payload"]["documents"][0].update(
            name="Căn cước\x00", digitisation="scanned", file="a" * 64, pages=True)
    else:
        bad["payload"]["applicant"]["name"] = "Đặng\x00Thị Ánh"

    response = hub_client.post(PUSH, json={"events": [good, bad]}, headers=device.headers)

    assert results(response) == ["accepted", "invalid"]
    assert "NUL" in response.json()["results"][1]["reason"]
    assert hub_admin.count("events") == 1


def test_the_device_list_counts_only_what_was_stored(hub_client, hub_admin):
    """The count is kept by ingest, not counted at each request: a duplicate, a conflict or
    an invalid event adds nothing, and two devices' counts are their own."""
    commune = hub_admin.commune()
    device, other = hub_admin.enroll(commune), hub_admin.enroll(commune)
    first = received_event(code="000.01.22.H56-261124-1001", seq=1)
    hub_client.post(PUSH, json={"events": [first]}, headers=device.headers)
    changed = {**first, "payload": {**first["payload"], "request": "sửa lén"}}
    batch = [received_event(code="000.01.22.H56-261124-1002", seq=2), first, changed,
             {**received_event(seq=3), "status": "2"}]
    response = hub_client.post(PUSH, json={"events": batch}, headers=device.headers)
    assert results(response) == ["accepted", "duplicate", "conflict", "invalid"]
    hub_client.post(PUSH, json={"events": [received_event(code="000.01.22.H56-261124-1003")]},
                    headers=other.headers)

    listed = {d.id: d.events_stored for d in registry.list_devices(hub_admin.engine)}
    assert listed == {device.device_id: 2, other.device_id: 1}
    summary = hub_client.get(f"{protocol.API_PREFIX}/device", headers=device.headers).json()
    assert summary["events_stored"] == 2


@pytest.mark.parametrize("day", ["0", "20261124", "2026-11-31", "2026-11-24T00:00"])
def test_the_day_to_compare_is_a_yyyy_mm_dd_day_only(hub_client, hub_admin, day):
    device = hub_admin.enroll(hub_admin.commune())
    response = hub_client.get(f"{protocol.API_PREFIX}/device", params={"day": day},
                              headers=device.headers)
    assert response.status_code == 422, response.text
    assert response.json()["error"] == protocol.ERROR_INVALID_REQUEST


def test_a_batch_longer_than_max_batch_is_refused_whole(hub_client, hub_admin):
    device = hub_admin.enroll(hub_admin.commune())
    batch = [received_event(seq=n) for n in range(protocol.MAX_BATCH + 1)]

    response = hub_client.post(PUSH, json={"events": batch}, headers=device.headers)

    assert response.status_code == 422
    assert response.json()["error"] == protocol.ERROR_INVALID_REQUEST
    assert "events" in response.json()["detail"]
    assert hub_admin.count("events") == 0


def test_a_code_past_the_999th_of_a_day_is_stored_whole(hub_client, hub_admin):
    # Circular 04/2025/TT-VPCP: the daily sequence may grow past four digits (core.codes).
    device = hub_admin.enroll(hub_admin.commune())
    longer = received_event(code="000.01.22.H56-261124-11000")
    assert results(hub_client.post(PUSH, json={"events": [longer]},
                                    headers=device.headers)) == ["accepted"]
    with reading(hub_admin.engine) as connection:
        assert connection.execute(select(dossiers.c.code)).scalar_one() == (
            "000.01.22.H56-261124-11000")


def test_a_dossier_refused_at_the_counter_syncs_without_a_code(hub_client, hub_admin):
    device = hub_admin.enroll(hub_admin.commune())
    sample = received_event()["payload"]
    refused = {
        **next_event(received_event(), "refused", 3, seq=1, minutes_later=0, payload={
            "reason": "Không thuộc thẩm quyền của xã", "at_counter": True,
            "refused_at": AT.isoformat(timespec="seconds"),
            **{k: sample[k] for k in ("procedure", "applicant", "request", "sets", "documents",
                                      "channel", "notes")},
        }),
    }
    assert results(hub_client.post(PUSH, json={"events": [refused]},
                                    headers=device.headers)) == ["accepted"]
    with reading(hub_admin.engine) as connection:
        row = connection.execute(select(dossiers)).one()
    assert (row.uuid, row.code, row.status, row.due_at) == (
        refused["dossier_uuid"], None, 3, None)
    assert row.applicant_name == "Đặng Thị Ánh" and row.procedure_code == "1.004194"


def test_a_push_whose_events_are_all_refused_is_not_a_sync(hub_client, hub_admin, hub_engine):
    device = hub_admin.enroll(hub_admin.commune())
    bad = {**received_event(), "status": 9}
    response = hub_client.post(PUSH, json={"events": [bad], "backlog": 3}, headers=device.headers)
    assert results(response) == ["invalid"]
    with reading(hub_engine) as connection:
        row = connection.execute(select(devices.c.last_push_at, devices.c.backlog)).one()
    assert (row.last_push_at, row.backlog) == (None, None)


def test_a_commune_cannot_issue_another_communes_dossier_codes(hub_client, hub_admin):
    ours = hub_admin.enroll(hub_admin.commune("Xã Tân Lập", "000.17.22.H56"))
    hub_admin.commune("Xã Đông Sơn", "000.18.22.H56")
    theirs = received_event(code="000.18.22.H56-261124-1001")
    shapeless = received_event(code="HS-0001")
    response = hub_client.post(PUSH, json={"events": [theirs, shapeless]}, headers=ours.headers)
    assert results(response) == ["invalid", "invalid"]
    first, second = (r["reason"] for r in response.json()["results"])
    assert first.startswith("forbidden:") and "000.18.22.H56" in first
    assert second.startswith("forbidden:") and "not a dossier code" in second
    assert hub_admin.count("dossiers") == 0


def test_a_communes_codes_follow_its_agency_codes_days(hub_client, hub_admin):
    commune = hub_admin.commune("Xã Tân Lập", "000.17.22.H56")
    device = hub_admin.enroll(commune)
    publishing.set_agency_code(hub_admin.engine, commune, "000.00.31.H56", AT.date())
    day_before = (AT - timedelta(days=1)).strftime("%y%m%d")
    batch = [received_event(code=f"000.00.31.H56-{day_before}-1001"),  # before its day
             received_event(code=f"000.00.31.H56-{AT:%y%m%d}-1001"),
             # A counter that has not pulled the new code yet goes on with the old one.
             received_event(code=f"000.17.22.H56-{AT:%y%m%d}-1002")]
    response = hub_client.post(PUSH, json={"events": batch}, headers=device.headers)
    assert results(response) == ["invalid", "accepted", "accepted"]
    assert "before its first day" in response.json()["results"][0]["reason"]
    # The commune's old code cannot be given to another commune.
    with pytest.raises(AdminError, match="already belongs"):
        hub_admin.commune("Xã Mới", "000.17.22.H56")


def test_digitised_documents_reach_the_hub_without_moving_the_dossier(hub_client, hub_admin):
    """A received event naming its scans, and a document digitised later (issue 16), are
    accepted; the later one leaves the dossier where it was. Older counters' payloads, without
    the digitisation keys, are still accepted beside them."""
    device = hub_admin.enroll(hub_admin.commune())
    sha, later_sha = "a" * 64, "b" * 64
    received = received_event(seq=1)
    received["payload"]["documents"][0].update(
        digitisation="scanned", file=sha, pages=2, reused_from="")
    received["payload"]["files"] = [sha]
    handed = next_event(received, "handed_over", 4, seq=2,
                        payload={"unit": "Tư pháp", "giver_name": "Hoa", "receiver_name": "Hùng"})
    digitised = next_event(handed, "document_digitised", 4, seq=3, payload={
        "document": "Giấy xác nhận", "stage": "supplement", "file": later_sha, "pages": 1,
        "version": 1, "files": [later_sha]})
    old = received_event(code="000.01.22.H56-261124-1002", seq=4)

    response = hub_client.post(PUSH, json={"events": [received, handed, digitised, old]},
                               headers=device.headers)

    assert results(response) == ["accepted"] * 4
    with reading(hub_admin.engine) as connection:
        status = connection.execute(select(dossiers.c.status).where(
            dossiers.c.uuid == received["dossier_uuid"])).scalar_one()
    assert status == 4
