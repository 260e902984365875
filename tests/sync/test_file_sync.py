"""The counter's files to the hub (docs/domain.md, issue 16 "Sync to the province"): queued once
the events naming them are acknowledged, uploaded after the events a few at once, each resumed
from what the hub holds; a file too large is refused before upload, one that keeps failing is
quarantined without holding up the rest; the status and the reconciliation count the files
waiting. Against the real hub on loopback."""

from __future__ import annotations

import os
import threading
from datetime import date

import pytest

from desk_app.services.sync import SyncState
from desk_app.store import file_queue
from desk_app.store.files import path_of
from sync import exchange, protocol
from sync.server import tables as hub_tables
from tests.printing.pdf_checks import page_texts
from tests.sync.counter_side import (
    assert_hub_holds_files,
    digitise,
    hub_files,
    receive,
)


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


def queued(counter, sync, count: int, size: int) -> tuple[list[bytes], list[str]]:
    """`count` random files of `size` bytes, digitised into one dossier whose events the hub
    holds: the files wait in the queue."""
    (dossier,) = receive(counter, 1)
    files = [os.urandom(size) for _ in range(count)]
    shas = [digitise(counter, dossier, data) for data in files]
    sync.push()
    return files, shas


def test_files_go_up_several_at_once_each_in_order_and_marked_sent(counter, sync, live_hub,
                                                                   monkeypatch):
    files, shas = queued(counter, sync, exchange.FILE_UPLOADS_AT_ONCE + 2, 150_000)
    real = type(sync._hub()).upload_chunk
    calls = []
    # The first chunks of FILE_UPLOADS_AT_ONCE files meet here: sent one file at a time, the
    # first would wait alone and the barrier break (the timeout only ends a failing test).
    together = threading.Barrier(exchange.FILE_UPLOADS_AT_ONCE, timeout=60)

    def upload_chunk(client, sha256, offset, size, chunk):
        calls.append((sha256, offset))
        if len(calls) <= exchange.FILE_UPLOADS_AT_ONCE:
            together.wait()
        return real(client, sha256, offset, size, chunk)

    monkeypatch.setattr(type(sync._hub()), "upload_chunk", upload_chunk)
    report = sync.push_files()

    assert (report.sent, report.failed, together.broken) == (len(files), 0, False)
    assert {state for state, _, _ in files_state(counter).values()} == {"sent"}
    chunk = 64 * 1024
    for sha in shas:  # one file per request sequence: its chunks in order, each once
        assert [offset for s, offset in calls if s == sha] == [0, chunk, 2 * chunk]
    assert_hub_holds_files(live_hub.admin.engine, dict(zip(shas, files, strict=True)))


def test_a_cut_among_files_going_up_together_resends_no_finished_chunk(counter, sync, live_hub,
                                                                       monkeypatch):
    files, shas = queued(counter, sync, 6, 200_000)
    first, second = sync.files.waiting_files(2, [])  # in the order they go up
    real = type(sync._hub()).upload_chunk
    kept = []  # chunks the hub received
    cut = []

    def cut_once(client, sha256, offset, size, chunk):
        if sha256 == second and offset > 0 and not cut:
            cut.append(offset)
            raise exchange.HubProtocolError("cut")  # stands for any failure mid-file
        kept.append((sha256, offset))
        return real(client, sha256, offset, size, chunk)

    monkeypatch.setattr(type(sync._hub()), "upload_chunk", cut_once)
    with pytest.raises(exchange.HubProtocolError):
        sync.push_files()
    marked = {sha for sha, (state, _, _) in files_state(counter).items() if state == "sent"}
    sync.push_files()

    # The file before the cut one finished, in flight or not, and was marked in that round.
    assert first in marked and second not in marked
    assert len(kept) == len(set(kept))  # no chunk the hub had was sent again
    assert (second, cut[0]) in kept  # the cut file resumed where it stopped
    assert {state for state, _, _ in files_state(counter).values()} == {"sent"}
    assert_hub_holds_files(live_hub.admin.engine, dict(zip(shas, files, strict=True)))


def test_a_hub_without_the_batch_ask_is_asked_file_by_file(counter, sync, live_hub,
                                                          monkeypatch):
    files, shas = queued(counter, sync, 3, 3000)
    asked_one = []
    real = type(sync._hub()).file_held

    def older_hub(client, asked):
        # What a hub from before answers: "ask" is not a SHA-256.
        raise exchange.HubRefused("not a SHA-256", 422, protocol.ERROR_INVALID_REQUEST)

    def file_held(client, sha256, size):
        asked_one.append(sha256)
        return real(client, sha256, size)

    monkeypatch.setattr(type(sync._hub()), "files_held", older_hub)
    monkeypatch.setattr(type(sync._hub()), "file_held", file_held)
    report = sync.push_files()

    assert (report.sent, sorted(asked_one)) == (3, sorted(shas))
    assert_hub_holds_files(live_hub.admin.engine, dict(zip(shas, files, strict=True)))
