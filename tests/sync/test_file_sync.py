"""The counter's files to the hub (docs/domain.md, issue 16 "Sync to the province"): queued once
the events naming them are acknowledged, uploaded after the events one at a time, resumed from
what the hub holds; a file too large is refused before upload, one that keeps failing is
quarantined without holding up the rest; the status and the reconciliation count the files
waiting. Against the real hub on loopback."""

from __future__ import annotations

import os
from datetime import date

import pytest

from desk_app.services.sync import SyncService, SyncState
from desk_app.store import file_queue
from desk_app.store.files import path_of
from sync import exchange, protocol
from sync.server import tables as hub_tables
from tests.printing.pdf_checks import page_texts
from tests.sync.counter_side import (
    assert_hub_holds_files,
    digitise,
    enroll,
    hub_files,
    receive,
)


@pytest.fixture
def sync(counter, live_hub):
    service = SyncService(counter, file_chunk_bytes=64 * 1024)
    enroll(service, live_hub.url, live_hub.admin)
    yield service
    service.close()


def files_state(counter) -> dict[str, tuple[str, int, str | None]]:
    return {sha: (state, attempts, error) for sha, state, attempts, error in counter.db.execute(
        "SELECT sha256, state, attempts, last_error FROM file_uploads").fetchall()}


def test_files_go_up_after_their_events_each_once_and_byte_identical(counter, sync, live_hub):
    first, second = receive(counter, 2)
    files = [os.urandom(n) for n in (150_000, 64 * 1024, 1)]
    shas = [digitise(counter, first, files[0]), digitise(counter, first, files[1]),
            digitise(counter, second, files[2])]
    digitise(counter, second, files[0])  # named again by another event: still one file
    assert files_state(counter) == {}  # nothing queued before the hub has the events

    status = sync.sync_now()

    assert status.state is SyncState.SYNCED, status.error
    assert (status.waiting, status.files_waiting, status.files_quarantined) == (0, 0, 0)
    assert {state for state, _, _ in files_state(counter).values()} == {"sent"}
    assert_hub_holds_files(live_hub.admin.engine, dict(zip(shas, files, strict=True)))


def test_files_waiting_are_counted_for_the_status_bar_and_the_slip(counter, sync):
    (dossier,) = receive(counter, 1)
    sizes = (300_000, 1_200_000)
    for size in sizes:
        digitise(counter, dossier, os.urandom(size))

    sync.push()  # the events are acknowledged; their files are not sent yet
    status = sync.status()
    figures = sync.reconciliation(date.today())

    assert (status.files_waiting, status.files_waiting_bytes) == (2, sum(sizes))
    assert (figures.files_waiting, figures.files_waiting_bytes) == (2, sum(sizes))
    slip = " ".join(page_texts(sync.reconciliation_pdf(date.today())))
    assert "Tệp số hóa đang chờ gửi (hiện tại) 2 (1,5 MB)" in " ".join(slip.split())
    sync.push_files()
    assert sync.status().files_waiting == 0


def test_a_file_over_the_limit_is_refused_before_upload_and_the_rest_still_go(
        counter, sync, live_hub):
    (dossier,) = receive(counter, 1)
    small = os.urandom(1000)
    huge = digitise(counter, dossier, os.urandom(protocol.MAX_FILE_BYTES + 1))
    fine = digitise(counter, dossier, small)
    sync.push()
    sent_before = sync.stats.bytes_sent

    report = sync.push_files()

    assert (report.sent, report.quarantined) == (1, 1)
    state, _, error = files_state(counter)[huge]
    assert state == "quarantined"
    assert "quá lớn" in error and "20 MB" in error
    assert sync.stats.bytes_sent - sent_before < 20_000  # nothing of it went on the wire
    assert sync.status().files_quarantined == 1
    assert_hub_holds_files(live_hub.admin.engine, {fine: small})


def test_a_file_the_hub_keeps_refusing_is_quarantined_without_blocking_the_others(
        counter, sync, live_hub):
    (dossier,) = receive(counter, 1)
    refused = digitise(counter, dossier, os.urandom(5000))
    later = [os.urandom(3000) for _ in range(2)]
    shas = [digitise(counter, dossier, data) for data in later]
    sync.push()
    # The hub forgets that the commune named the first file (as an older hub would never
    # have known): every attempt at it is refused.
    with live_hub.admin.engine.begin() as connection:
        connection.execute(hub_tables.file_names.delete()
                           .where(hub_tables.file_names.c.sha256 == refused))

    reports = [sync.push_files() for _ in range(file_queue.MAX_ATTEMPTS)]

    assert reports[0].sent == 2  # the others went in the first round
    assert [r.failed for r in reports] == [1] * file_queue.MAX_ATTEMPTS
    assert [r.quarantined for r in reports] == [0] * (file_queue.MAX_ATTEMPTS - 1) + [1]
    state, attempts, error = files_state(counter)[refused]
    assert (state, attempts) == ("quarantined", file_queue.MAX_ATTEMPTS)
    assert "chưa nhận sự kiện nào" in error
    assert sync.push_files().failed == 0  # set aside: not tried again
    assert_hub_holds_files(live_hub.admin.engine, dict(zip(shas, later, strict=True)))


def test_a_file_changed_or_gone_on_disk_is_quarantined_at_once(counter, sync, live_hub):
    (dossier,) = receive(counter, 1)
    changed = digitise(counter, dossier, os.urandom(2000))
    gone = digitise(counter, dossier, os.urandom(2000))
    sync.push()
    path = path_of(counter.data_dir, changed)
    path.write_bytes(path.read_bytes()[:-1] + b"!")
    path_of(counter.data_dir, gone).unlink()

    report = sync.push_files()

    assert report.quarantined == 2
    states = files_state(counter)
    assert states[changed][0] == "quarantined" and "đã bị thay đổi" in states[changed][2]
    assert states[gone][0] == "quarantined" and "Không đọc được" in states[gone][2]
    assert hub_files(live_hub.admin.engine) == {}


def test_a_cut_upload_resumes_from_the_hubs_offset(counter, sync, live_hub, monkeypatch):
    (dossier,) = receive(counter, 1)
    data = os.urandom(400_000)
    digest = digitise(counter, dossier, data)
    sync.push()
    real = type(sync._hub()).upload_chunk
    calls = []

    def cut_after_three(client, sha256, offset, size, chunk):
        calls.append(offset)
        if len(calls) == 4:
            raise exchange.HubProtocolError("cut")  # stands for any failure mid-file
        return real(client, sha256, offset, size, chunk)

    monkeypatch.setattr(type(sync._hub()), "upload_chunk", cut_after_three)
    with pytest.raises(exchange.HubProtocolError):
        sync.push_files()
    sync.push_files()

    chunk = 64 * 1024
    assert calls[:4] == [0, chunk, 2 * chunk, 3 * chunk]
    assert calls[4] == 3 * chunk  # resumed, not started again
    assert_hub_holds_files(live_hub.admin.engine, {digest: data})
