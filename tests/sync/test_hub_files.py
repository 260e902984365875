"""The hub's file endpoints (sync.protocol, "Files") through the counter's HubClient, against
the real hub on loopback: a file named by an event of the device's commune goes up in chunks,
resumes from what the hub holds, is checked against its hash and comes back identical; one
copy per hash; every other case is refused before anything is kept."""

from __future__ import annotations

import contextlib
import hashlib
import os

import pytest
from fastapi.testclient import TestClient

from sync import protocol
from sync.client import HubClient, HubRefused
from sync.server.app import create_app
from sync.server.settings import HubSettings, Quotas
from tests.sync.counter_side import assert_hub_holds_files, hub_files
from tests.sync.samples import received_event

FILE_TABLES = ("files", "file_chunks")


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def named_event(commune_n: int, number: int, *shas: str) -> dict:
    event = received_event(code=f"000.{commune_n:02d}.22.H56-261124-{number}")
    event["payload"]["files"] = list(shas)
    return event


@pytest.fixture
def device(live_hub):
    """A device of the hub's first commune (agency code 000.01.22.H56) and its client."""
    enrolled = live_hub.admin.enroll(live_hub.admin.commune())
    client = HubClient(live_hub.url, enrolled.token)
    yield client
    client.close()


def push(client: HubClient, *events: dict) -> None:
    reply = client.push(list(events), sent_at=events[0]["device_time"])
    assert [ack.result for ack in reply.acks] == ["accepted"] * len(events), reply


def test_a_named_file_goes_up_in_chunks_resumes_and_comes_back_identical(live_hub, device):
    data = os.urandom(300_000)
    digest = sha(data)
    push(device, named_event(1, 1001, digest))

    assert device.file_held(digest, len(data)).offset == 0
    first = device.upload_chunk(digest, 0, len(data), data[:100_000])
    assert (first.offset, first.complete) == (100_000, False)
    # The connection was cut before the answer: the counter asks and resumes from there, and
    # a chunk sent twice is harmless.
    assert device.file_held(digest, len(data)).offset == 100_000
    again = device.upload_chunk(digest, 0, len(data), data[:100_000])
    assert again.offset == 100_000
    overlapping = device.upload_chunk(digest, 50_000, len(data), data[50_000:200_000])
    assert overlapping.offset == 200_000
    last = device.upload_chunk(digest, 200_000, len(data), data[200_000:])

    assert last.complete and last.offset == len(data)
    assert device.fetch_file(digest) == data
    assert_hub_holds_files(live_hub.admin.engine, {digest: data})


def test_a_file_the_hub_holds_is_had_at_once_by_another_counter_and_kept_once(live_hub,
                                                                             device):
    data = os.urandom(10_000)
    digest = sha(data)
    push(device, named_event(1, 1001, digest))
    device.upload_chunk(digest, 0, len(data), data)
    other = HubClient(live_hub.url, live_hub.admin.enroll(1, "Quầy 2").token)
    push(other, named_event(1, 1002, digest))

    held = other.file_held(digest, len(data))
    sent_again = other.upload_chunk(digest, 0, len(data), data)
    other.close()

    assert held.complete and sent_again.complete
    assert live_hub.admin.count("files") == 1
    assert_hub_holds_files(live_hub.admin.engine, {digest: data})


def refusal(call) -> HubRefused:
    with pytest.raises(HubRefused) as refused:
        call()
    return refused.value


def test_a_file_no_event_of_the_commune_names_is_refused(live_hub, device):
    data = os.urandom(5_000)
    digest = sha(data)
    push(device, named_event(1, 1001))  # an event naming no file

    asked = refusal(lambda: device.file_held(digest, len(data)))
    sent = refusal(lambda: device.upload_chunk(digest, 0, len(data), data))
    fetched = refusal(lambda: device.fetch_file(digest))

    assert (asked.status, asked.error) == (403, protocol.ERROR_FILE_NOT_NAMED)
    assert (sent.status, sent.error) == (403, protocol.ERROR_FILE_NOT_NAMED)
    assert (fetched.status, fetched.error) == (404, protocol.ERROR_UNKNOWN_FILE)
    assert [live_hub.admin.count(t) for t in FILE_TABLES] == [0, 0]


def test_a_commune_can_neither_upload_nor_fetch_another_communes_file(live_hub, device):
    data = os.urandom(5_000)
    digest = sha(data)
    push(device, named_event(1, 1001, digest))
    stranger = HubClient(live_hub.url, live_hub.admin.enroll(live_hub.admin.commune()).token)
    push(stranger, named_event(2, 1001))  # its own commune's events name other files

    before_upload = refusal(lambda: stranger.upload_chunk(digest, 0, len(data), data))
    device.upload_chunk(digest, 0, len(data), data)
    asked = refusal(lambda: stranger.file_held(digest, len(data)))
    fetched = refusal(lambda: stranger.fetch_file(digest))
    stranger.close()

    assert (before_upload.status, before_upload.error) == (403, protocol.ERROR_FILE_NOT_NAMED)
    assert (asked.status, asked.error) == (403, protocol.ERROR_FILE_NOT_NAMED)
    assert (fetched.status, fetched.error) == (404, protocol.ERROR_UNKNOWN_FILE)
    assert device.fetch_file(digest) == data


LIMIT = 1024 * 1024  # a province that lowered the limit (--max-file-mib 1)


@contextlib.contextmanager
def hub_with_file_limit(hub_engine, hub_admin, digest: str):
    """A hub taking files up to LIMIT, and a device whose commune named `digest`."""
    device = hub_admin.enroll(hub_admin.commune())
    with TestClient(create_app(hub_engine, HubSettings(max_file_bytes=LIMIT))) as client:
        client.post(f"{protocol.API_PREFIX}/events", headers=device.headers,
                    json={"events": [named_event(1, 1001, digest)]})
        yield client, device


def test_a_file_over_the_limit_is_refused_before_any_byte_is_sent(hub_engine, hub_admin):
    digest = "ab" * 32
    path = f"{protocol.API_PREFIX}/files/{digest}"
    with hub_with_file_limit(hub_engine, hub_admin, digest) as (client, device):
        over = client.post(path, headers=device.headers, json={"size": LIMIT + 1})
        at_limit = client.post(path, headers=device.headers, json={"size": LIMIT})
        # Over the most any hub takes: the description says so (the counter never asks).
        past_protocol = client.post(path, headers=device.headers,
                                    json={"size": protocol.MAX_FILE_BYTES + 1})

    assert over.status_code == 413 and over.json()["error"] == protocol.ERROR_FILE_TOO_LARGE
    assert str(LIMIT) in over.json()["detail"]
    assert at_limit.status_code == 200 and at_limit.json()["offset"] == 0
    assert past_protocol.status_code == 422
    assert [hub_admin.count(t) for t in FILE_TABLES] == [0, 0]


def test_bytes_that_do_not_match_the_hash_are_refused_and_thrown_away(live_hub, device):
    data = os.urandom(200_000)
    digest = sha(data)
    push(device, named_event(1, 1001, digest))
    device.upload_chunk(digest, 0, len(data), data[:100_000])
    damaged = data[100_000:-1] + bytes([data[-1] ^ 1])

    refused = refusal(lambda: device.upload_chunk(digest, 100_000, len(data), damaged))

    assert (refused.status, refused.error) == (422, protocol.ERROR_HASH_MISMATCH)
    # Thrown away, so that sending it again from the start can succeed.
    assert device.file_held(digest, len(data)).offset == 0
    assert live_hub.admin.count("file_chunks") == 0
    assert device.upload_chunk(digest, 0, len(data), data).complete
    assert_hub_holds_files(live_hub.admin.engine, {digest: data})


def test_bytes_past_what_the_hub_holds_or_past_the_file_are_refused(live_hub, device):
    data = os.urandom(20_000)
    digest = sha(data)
    push(device, named_event(1, 1001, digest))

    gap = refusal(lambda: device.upload_chunk(digest, 10_000, len(data), data[10_000:]))
    beyond = refusal(lambda: device.upload_chunk(digest, 0, 100, data[:200]))

    assert (gap.status, gap.error) == (409, protocol.ERROR_OFFSET_MISMATCH)
    assert (beyond.status, beyond.error) == (422, protocol.ERROR_INVALID_REQUEST)
    assert hub_files(live_hub.admin.engine) == {}


def test_file_bytes_count_against_the_devices_daily_quota(hub_engine, hub_admin):
    settings = HubSettings(quotas=Quotas(daily_file_bytes=150_000))
    device = hub_admin.enroll(hub_admin.commune())
    files = [os.urandom(100_000) for _ in range(2)]
    path = f"{protocol.API_PREFIX}/files"
    with TestClient(create_app(hub_engine, settings)) as client:
        pushed = client.post(f"{protocol.API_PREFIX}/events", headers=device.headers, json={
            "events": [named_event(1, 1001, *map(sha, files))]})
        assert pushed.json()["results"][0]["result"] == "accepted"
        answers = [client.put(f"{path}/{sha(data)}", params={"offset": 0, "size": len(data)},
                              content=data, headers={**device.headers,
                                                     "Content-Type": "application/octet-stream"})
                   for data in files]

    assert answers[0].status_code == 200
    assert answers[1].status_code == 429
    assert answers[1].json()["error"] == protocol.ERROR_DAILY_QUOTA
    assert int(answers[1].headers["Retry-After"]) > 0
    assert set(hub_files(hub_engine)) == {sha(files[0])}


def test_the_batch_ask_answers_each_file_as_the_one_file_ask_would(live_hub, device):
    whole, partial, unknown = (os.urandom(n) for n in (4_000, 300_000, 6_000))
    theirs = os.urandom(5_000)
    push(device, named_event(1, 1001, sha(whole), sha(partial), sha(unknown)))
    device.upload_chunk(sha(whole), 0, len(whole), whole)
    device.upload_chunk(sha(partial), 0, len(partial), partial[:100_000])
    stranger = HubClient(live_hub.url, live_hub.admin.enroll(live_hub.admin.commune()).token)
    push(stranger, named_event(2, 1001, sha(theirs)))
    stranger.upload_chunk(sha(theirs), 0, len(theirs), theirs)
    stranger.close()
    asked = [(sha(whole), len(whole)), (sha(partial), len(partial)),
             (sha(unknown), len(unknown)), (sha(theirs), len(theirs)),
             (sha(whole), len(whole) + 1)]

    answers = device.files_held(asked)

    assert [(a.offset, a.complete) for a in answers[:3]] == [
        (len(whole), True), (100_000, False), (0, False)]
    # Another commune's file is refused alone, as if the hub did not hold it.
    assert (answers[3].status, answers[3].error) == (403, protocol.ERROR_FILE_NOT_NAMED)
    assert (answers[4].status, answers[4].error) == (422, protocol.ERROR_INVALID_REQUEST)
    # Each answer is the one-file ask's.
    assert [device.file_held(sha_, size) for sha_, size in asked[:3]] == answers[:3]


def test_the_batch_ask_has_its_limits_in_the_description(hub_engine, hub_admin):
    digest = "ab" * 32
    path = f"{protocol.API_PREFIX}/files/ask"
    with hub_with_file_limit(hub_engine, hub_admin, digest) as (client, device):
        def ask(*files):
            return client.post(path, headers=device.headers, json={"files": [
                {"sha256": sha_, "size": size} for sha_, size in files]})

        over = ask((digest, LIMIT + 1), (digest, LIMIT))
        most = ask(*[(digest, 10)] * protocol.MAX_FILES_ASKED)
        too_many = ask(*[(digest, 10)] * (protocol.MAX_FILES_ASKED + 1))
        empty = ask()
        not_a_hash = ask(("AB" * 32, 10))
        past_protocol = ask((digest, protocol.MAX_FILE_BYTES + 1))
        schema = client.get(f"{protocol.API_PREFIX}/openapi.json").json()

    assert over.status_code == 200
    assert [a["error"] for a in over.json()["files"]] == [protocol.ERROR_FILE_TOO_LARGE, None]
    assert most.status_code == 200 and len(most.json()["files"]) == protocol.MAX_FILES_ASKED
    assert [r.status_code for r in (too_many, empty, not_a_hash, past_protocol)] == [422] * 4
    asked = schema["components"]["schemas"]["FilesAsked"]["properties"]["files"]
    assert (asked["minItems"], asked["maxItems"]) == (1, protocol.MAX_FILES_ASKED)
    assert [hub_admin.count(t) for t in FILE_TABLES] == [0, 0]
