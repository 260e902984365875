"""Enrollment codes and device tokens: one-time, expiring, stored hashed; 401 with a reason."""

from __future__ import annotations

from datetime import timedelta

import requests
from sqlalchemy import select, update

from sync import protocol
from sync.server import clock, credentials, registry
from sync.server.database import reading
from sync.server.tables import devices, enrollment_codes

ENROLL = f"{protocol.API_PREFIX}/enroll"
CHANGES = f"{protocol.API_PREFIX}/changes"


def test_a_good_code_gives_a_token_that_works(live_hub):
    commune = live_hub.admin.commune("Xã Tân Lập", "000.17.22.H56")
    code = live_hub.admin.enrollment_code(commune)

    response = requests.post(f"{live_hub.api}/enroll",
                             json={"code": code, "device_name": "Quầy  1 "}, timeout=10)

    assert response.status_code == 200
    body = response.json()
    assert body["commune"] == {"id": commune, "name": "Xã Tân Lập", "agency_code": "000.17.22.H56"}
    pulled = requests.get(f"{live_hub.api}/changes",
                          headers={"Authorization": f"Bearer {body['token']}"}, timeout=10)
    assert pulled.status_code == 200
    with reading(live_hub.admin.engine) as connection:
        device = connection.execute(select(devices).where(devices.c.id == body["device_id"])).one()
    assert device.name == "Quầy 1"
    assert device.token_hash == credentials.digest(body["token"])


def test_codes_are_typeable_and_matched_loosely(hub_client, hub_admin):
    code = hub_admin.enrollment_code(hub_admin.commune())
    assert len(code.replace("-", "")) == credentials.CODE_LENGTH
    assert set(code.replace("-", "")) <= set(credentials.CODE_ALPHABET)
    typed = f" {code.lower().replace('-', ' ')} "

    assert hub_client.post(ENROLL, json={"code": typed, "device_name": "Q1"}).status_code == 200


def test_a_code_works_once(hub_client, hub_admin):
    code = hub_admin.enrollment_code(hub_admin.commune())
    assert hub_client.post(ENROLL, json={"code": code, "device_name": "Q1"}).status_code == 200

    again = hub_client.post(ENROLL, json={"code": code, "device_name": "Q2"})

    assert again.status_code == 401
    assert again.json()["error"] == protocol.ERROR_BAD_CODE
    assert "already used" in again.json()["detail"]
    assert hub_admin.count("devices") == 1


def test_an_expired_code_is_refused(hub_client, hub_admin):
    code = hub_admin.enrollment_code(hub_admin.commune(), expires_hours=1)
    with hub_admin.engine.begin() as connection:
        connection.execute(update(enrollment_codes).values(
            expires_at=clock.stamp(clock.now() - timedelta(minutes=1))))

    response = hub_client.post(ENROLL, json={"code": code, "device_name": "Q1"})

    assert response.status_code == 401
    assert "expired" in response.json()["detail"]
    assert hub_admin.count("devices") == 0


def test_a_wrong_code_is_refused(hub_client, hub_admin):
    hub_admin.enrollment_code(hub_admin.commune())

    response = hub_client.post(ENROLL, json={"code": "AAAAA-BBBBB", "device_name": "Q1"})

    assert response.status_code == 401
    assert response.json() == {"error": protocol.ERROR_BAD_CODE,
                               "detail": "unknown enrollment code: check it or ask the province "
                                         "for a new one"}


def test_codes_and_tokens_are_stored_only_hashed(hub_client, hub_admin):
    code = hub_admin.enrollment_code(hub_admin.commune())
    token = hub_client.post(ENROLL, json={"code": code, "device_name": "Q1"}).json()["token"]
    with reading(hub_admin.engine) as connection:
        dump = "\n".join(str(row) for table in (enrollment_codes, devices)
                         for row in connection.execute(select(table)))
    assert protocol.normalise_code(code) not in dump
    assert token not in dump


def test_missing_unknown_and_revoked_tokens_get_401_with_a_reason(hub_client, hub_admin):
    device = hub_admin.enroll(hub_admin.commune())
    cases = {
        protocol.ERROR_MISSING_TOKEN: {},
        protocol.ERROR_UNKNOWN_TOKEN: {"Authorization": "Bearer not-a-token"},
    }
    for error, headers in cases.items():
        response = hub_client.get(CHANGES, headers=headers)
        assert response.status_code == 401
        assert response.json()["error"] == error
        assert response.headers["WWW-Authenticate"] == "Bearer"
    assert hub_client.get(CHANGES, headers=device.headers).status_code == 200

    registry.revoke_device(hub_admin.engine, device.device_id)

    response = hub_client.post(f"{protocol.API_PREFIX}/events", json={"events": []},
                               headers=device.headers)
    assert response.status_code == 401
    assert response.json()["error"] == protocol.ERROR_REVOKED_TOKEN
    assert "revoked" in response.json()["detail"]


def test_another_scheme_than_bearer_counts_as_missing(hub_client):
    response = hub_client.get(CHANGES, headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert response.status_code == 401
    assert response.json()["error"] == protocol.ERROR_MISSING_TOKEN


KEY = "k3y-0f-th1s-r3qu3st_42"


def test_an_enrollment_sent_again_with_its_key_gets_the_same_device_back(hub_client, hub_admin):
    code = hub_admin.enrollment_code(hub_admin.commune())
    request = {"code": code, "device_name": "Quầy 1", "request_key": KEY}
    lost = hub_client.post(ENROLL, json=request)  # the answer that never reached the counter
    assert lost.status_code == 200

    again = hub_client.post(ENROLL, json={**request, "code": code.lower().replace("-", " ")})

    assert again.status_code == 200, again.text
    assert again.json()["device_id"] == lost.json()["device_id"]
    assert again.json()["token"] != lost.json()["token"]
    assert hub_client.get(CHANGES, headers=_bearer(again)).status_code == 200
    assert hub_client.get(CHANGES, headers=_bearer(lost)).status_code == 401
    assert hub_admin.count("devices") == 1


def test_the_code_stays_spent_for_another_key_no_key_or_after_it_expires(hub_client, hub_admin):
    code = hub_admin.enrollment_code(hub_admin.commune(), expires_hours=1)
    request = {"code": code, "device_name": "Quầy 1", "request_key": KEY}
    first = hub_client.post(ENROLL, json=request)
    assert first.status_code == 200
    for other in ({**request, "request_key": "another-key-of-16-chars"},
                  {"code": code, "device_name": "Quầy 1"}):
        refused = hub_client.post(ENROLL, json=other)
        assert refused.status_code == 401 and "already used" in refused.json()["detail"]
    with hub_admin.engine.begin() as connection:
        connection.execute(update(enrollment_codes).values(
            expires_at=clock.stamp(clock.now() - timedelta(minutes=1))))
    assert hub_client.post(ENROLL, json=request).status_code == 401
    assert hub_client.get(CHANGES, headers=_bearer(first)).status_code == 200


def test_a_revoked_device_is_not_brought_back_by_its_enrollment_key(hub_client, hub_admin):
    code = hub_admin.enrollment_code(hub_admin.commune())
    request = {"code": code, "device_name": "Quầy 1", "request_key": KEY}
    device_id = hub_client.post(ENROLL, json=request).json()["device_id"]
    registry.revoke_device(hub_admin.engine, device_id)
    assert hub_client.post(ENROLL, json=request).status_code == 401


def _bearer(response) -> dict[str, str]:
    return {"Authorization": f"Bearer {response.json()['token']}"}
