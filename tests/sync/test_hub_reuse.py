"""Reuse across counters on the hub (sync.protocol, "Reuse across counters"): the documents
digitised for a citizen are indexed as the events arrive, answered to a device of the same
commune only, only once their file is whole, newest first and each once; every ask is
recorded; a revoked device, a malformed ID number and another commune get nothing. Against
the real hub on loopback (and PostgreSQL where the hub tests run on it)."""

from __future__ import annotations

import hashlib
import os
from datetime import datetime

import pytest
import requests
from sqlalchemy import select

from sync import protocol
from sync.client import HubClient, HubRefused, HubUnauthorised
from sync.server import registry
from sync.server.database import reading
from sync.server.tables import document_lookups
from tests.sync.samples import next_event, received_event

CITIZEN = "025190012345"  # the applicant of samples.received_event
OTHER_CITIZEN = "001090099999"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def scanned_event(commune_n: int, number: int, files: dict[str, bytes], *,
                  id_number: str = CITIZEN, day: int = 24) -> dict:
    """A received event whose lines (one per document name) were scanned into `files`."""
    at = datetime.fromisoformat(f"2026-11-{day:02d}T09:30:00+07:00")
    event = received_event(code=f"000.{commune_n:02d}.22.H56-2611{day:02d}-{number}", at=at)
    payload = event["payload"]
    payload["applicant"]["id_number"] = id_number
    payload["documents"] = [
        {"name": name, "mandatory": True, "provided": True, "originals": 1, "certified": 0,
         "copies": 0, "digitisation": "scanned", "file": sha(data), "pages": 2,
         "reused_from": ""} for name, data in files.items()]
    payload["files"] = [sha(data) for data in files.values()]
    return event


class Device:
    """An enrolled device's client, pushing and uploading as a counter does."""

    def __init__(self, live_hub, commune_id: int, name: str = "Quầy 1"):
        self.enrolled = live_hub.admin.enroll(commune_id, name)
        self.client = HubClient(live_hub.url, self.enrolled.token)
        self._seq = 0

    def push(self, *events: dict) -> None:
        for event in events:
            self._seq += 1
            event["device_seq"] = self._seq
        reply = self.client.push(list(events), sent_at=events[0]["device_time"])
        assert [ack.result for ack in reply.acks] == ["accepted"] * len(events), reply

    def upload(self, *files: bytes) -> None:
        for data in files:
            assert self.client.upload_chunk(sha(data), 0, len(data), data).complete


@pytest.fixture
def commune(live_hub) -> int:
    return live_hub.admin.commune()  # agency code 000.01.22.H56


@pytest.fixture
def counters(live_hub, commune):
    made = [Device(live_hub, commune, "Quầy 1"), Device(live_hub, commune, "Quầy 2")]
    yield made
    for device in made:
        device.client.close()


def lookups(engine) -> list[tuple[int, str, int]]:
    with reading(engine) as connection:
        return [(row.device_id, row.id_number, row.answered) for row in connection.execute(
            select(document_lookups).order_by(document_lookups.c.id))]


def test_a_citizens_documents_are_found_by_another_counter_of_the_commune(live_hub,
                                                                          counters):
    first, second = counters
    form, card = os.urandom(3000), os.urandom(2000)
    received = scanned_event(1, 1001, {"Tờ khai": form, "Căn cước công dân": card})
    first.push(received)
    first.upload(form, card)

    found = second.client.find_documents(CITIZEN)

    assert {(d.document, d.sha256, d.pages, d.size, d.dossier_code) for d in found} == {
        ("Tờ khai", sha(form), 2, len(form), received["payload"]["code"]),
        ("Căn cước công dân", sha(card), 2, len(card), received["payload"]["code"])}
    assert {d.digitised_at for d in found} == {
        datetime.fromisoformat(received["device_time"])}
    # What it found it may fetch (its commune named the file).
    assert second.client.fetch_file(sha(form)) == form
    assert second.client.find_documents(OTHER_CITIZEN) == []
    assert lookups(live_hub.admin.engine) == [
        (second.enrolled.device_id, CITIZEN, 2), (second.enrolled.device_id, OTHER_CITIZEN, 0)]


def test_only_files_the_hub_holds_whole_are_answered(live_hub, counters):
    first, second = counters
    whole, partial, never = (os.urandom(n) for n in (1000, 300_000, 500))
    first.push(scanned_event(1, 1001, {"A": whole, "B": partial, "C": never}))
    first.upload(whole)
    first.client.upload_chunk(sha(partial), 0, len(partial), partial[:100_000])

    assert [d.document for d in second.client.find_documents(CITIZEN)] == ["A"]
    first.upload(partial)  # now whole: answered from then on, with no new event
    assert sorted(d.document for d in second.client.find_documents(CITIZEN)) == ["A", "B"]


def test_supplements_are_found_results_are_not_newest_first_each_file_once(live_hub,
                                                                           counters):
    first, second = counters
    old_form, new_form, proof, result = (os.urandom(n) for n in (900, 1100, 700, 800))
    earlier = scanned_event(1, 1001, {"Tờ khai": old_form}, day=20)
    later = scanned_event(1, 1002, {"Tờ khai": new_form}, day=24)
    # The same file reused in a later dossier (a reused line names it again): found once.
    again = scanned_event(1, 1003, {"Tờ khai": new_form}, day=25)
    again["payload"]["documents"][0].update(digitisation="reused",
                                            reused_from=later["payload"]["code"])
    supplement = next_event(earlier, "document_digitised", 2, seq=0, payload={
        "document": "Giấy xác nhận", "stage": "supplement", "file": sha(proof), "pages": 1,
        "version": 1, "files": [sha(proof)]})
    outcome = next_event(earlier, "document_digitised", 2, seq=0, payload={
        "document": "Kết quả", "stage": "result", "file": sha(result), "pages": 1,
        "version": 1, "files": [sha(result)]})
    # A supplement's event may come before its dossier's received event (another batch).
    first.push(supplement, outcome)
    first.push(earlier, later, again)
    first.upload(old_form, new_form, proof, result)

    found = second.client.find_documents(CITIZEN)

    assert [(d.document, d.sha256, d.dossier_code) for d in found] == [
        ("Tờ khai", sha(new_form), again["payload"]["code"]),
        ("Giấy xác nhận", sha(proof), earlier["payload"]["code"]),
        ("Tờ khai", sha(old_form), earlier["payload"]["code"])]


def test_another_commune_finds_nothing_of_this_communes_citizens(live_hub, counters):
    first, _ = counters
    form = os.urandom(1000)
    first.push(scanned_event(1, 1001, {"Tờ khai": form}))
    first.upload(form)
    stranger = Device(live_hub, live_hub.admin.commune())
    # Its own dossier for the same citizen, with another file.
    theirs = os.urandom(1200)
    stranger.push(scanned_event(2, 1001, {"Tờ khai": theirs}))
    stranger.upload(theirs)

    found = stranger.client.find_documents(CITIZEN)
    stranger.client.close()

    assert [d.sha256 for d in found] == [sha(theirs)]
    assert [d.sha256 for d in first.client.find_documents(CITIZEN)] == [sha(form)]


def test_a_revoked_device_and_a_malformed_id_number_are_refused_and_not_recorded(
        live_hub, counters):
    first, second = counters
    form = os.urandom(1000)
    first.push(scanned_event(1, 1001, {"Tờ khai": form}))
    first.upload(form)
    registry.revoke_device(live_hub.admin.engine, second.enrolled.device_id)

    with pytest.raises(HubUnauthorised) as revoked:
        second.client.find_documents(CITIZEN)
    malformed = []
    for number in ("02519001234", "0251900123456", "02519001234x", "٠٢٥١٩٠٠١٢٣٤٥", ""):
        with pytest.raises(HubRefused) as refused:
            first.client.find_documents(number)
        malformed.append((refused.value.status, refused.value.error))
    as_number = requests.post(f"{live_hub.api}/documents/find", json={"id_number": 25190012345},
                              headers=first.enrolled.headers, timeout=10)
    in_the_url = requests.post(f"{live_hub.api}/documents/find", params={"id_number": CITIZEN},
                               headers=first.enrolled.headers, timeout=10)

    assert revoked.value.error == protocol.ERROR_REVOKED_TOKEN
    assert malformed == [(422, protocol.ERROR_INVALID_REQUEST)] * 5
    assert as_number.status_code == 422 and in_the_url.status_code == 422
    assert lookups(live_hub.admin.engine) == []


def test_the_lookup_is_described_with_the_id_number_in_the_body(live_hub):
    schema = requests.get(f"{live_hub.api}/openapi.json", timeout=10).json()
    operation = schema["paths"][f"{protocol.API_PREFIX}/documents/find"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    asked = schema["components"]["schemas"][body.rsplit("/", 1)[1]]

    assert "parameters" not in operation or not operation["parameters"]
    assert asked["properties"]["id_number"]["pattern"] == protocol.ID_NUMBER_PATTERN
    assert {"401", "422"} <= set(operation["responses"])
    found = schema["components"]["schemas"]["DocumentFound"]["properties"]
    assert set(found) == {"document", "sha256", "pages", "size", "dossier_code",
                          "digitised_at"}
