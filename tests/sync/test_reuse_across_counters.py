"""Reuse across counters (issue 16, "Sync to the province"): a counter asks the province for
the documents digitised for the ID number the clerk typed, at another counter of the
commune, fetches the one chosen, keeps it as a scan is kept and never sends it back up; its
received event names the file as a local reuse does. Two real counters (SQLite files) and the
real hub on loopback."""

from __future__ import annotations

import socket
import threading
from dataclasses import replace

import pytest
from sqlalchemy import select, update

from desk_app.core.model import Digitisation
from desk_app.services.app import Services
from desk_app.services.demo import DEMO_SETUP
from desk_app.services.province_copies import ProvinceCopies
from desk_app.services.sync import SyncService, SyncState
from desk_app.store import file_queue, files
from sync.client import HubError, HubProtocolError
from sync.server.database import reading
from sync.server.tables import document_lookups, file_chunks
from tests.accounts import ADMIN_NAME, ADMIN_USERNAME, PASSWORD
from tests.services.factories import digitised, full_draft, pdf_bytes
from tests.sync.counter_side import AGENCY, assert_hub_holds_files, enroll

CITIZEN = "025190012345"  # factories.full_draft's applicant


def counter(folder, number: int) -> Services:
    services = Services(folder)
    services.first_run(replace(DEMO_SETUP, counter_number=number), ADMIN_USERNAME,
                       ADMIN_NAME, PASSWORD)
    return services


@pytest.fixture
def commune(live_hub) -> int:
    return live_hub.admin.commune("UBND xã Tân Lập", AGENCY)


@pytest.fixture
def first(tmp_path, live_hub, commune):
    """Counter 1, which received the citizen's dossier with a scan and synced it."""
    services = counter(tmp_path / "quay-1", 1)
    sync = SyncService(services)
    enroll(sync, live_hub.url, live_hub.admin, commune)
    yield services, sync
    sync.close()
    services.close()


@pytest.fixture
def second(tmp_path, live_hub, commune):
    """Counter 2 of the same commune, and its province copies."""
    services = counter(tmp_path / "quay-2", 2)
    sync = SyncService(services)
    enroll(sync, live_hub.url, live_hub.admin, commune)
    copies = ProvinceCopies(services)
    yield services, sync, copies
    copies.close()
    sync.close()
    services.close()


def received_with_a_scan(services: Services, sync: SyncService):
    """The citizen's dossier received with its first document scanned, synced with its file."""
    draft = digitised(services, full_draft(services), [pdf_bytes(2, "Tờ khai")])
    dossier = services.receive(draft)
    assert sync.sync_now().state is SyncState.SYNCED
    line = services.dossier(dossier.uuid).draft.documents[0]
    return dossier, line


def test_a_document_scanned_at_one_counter_is_reused_at_another(first, second, live_hub):
    dossier, scanned = received_with_a_scan(*first)
    data = files.read(first[0].data_dir, scanned.file)
    services, sync, copies = second

    offers = copies.find("025 190 012 345")
    offer = offers[scanned.name]
    assert (offer.sha256, offer.pages, offer.dossier_code, offer.from_province) == (
        scanned.file, 2, dossier.code, True)
    assert services.reusable_files(CITIZEN, scanned.name) == []  # nothing of it here yet

    kept = copies.fetch(offer)

    assert (kept.sha256, kept.pages, kept.from_province) == (scanned.file, 2, False)
    path = files.path_of(services.data_dir, kept.sha256)
    assert path.read_bytes() == data and not path.stat().st_mode & 0o222  # read-only
    assert file_queue.state_of(services.db, kept.sha256) == file_queue.SENT
    draft = full_draft(services)
    reused = replace(draft.documents[0], digitisation=Digitisation.REUSED, file=kept.sha256,
                     pages=kept.pages, reused_from=kept.dossier_code)
    mine = services.receive(replace(draft, documents=(reused, *draft.documents[1:])))
    [event] = services.history(mine.uuid)
    assert event.payload["files"] == [scanned.file]
    assert event.payload["documents"][0]["reused_from"] == dossier.code

    sync.push()  # the event naming the file is acknowledged: the file is not queued
    assert sync.status().files_waiting == 0
    assert file_queue.state_of(services.db, kept.sha256) == file_queue.SENT
    status = sync.sync_now()

    assert status.state is SyncState.SYNCED, status.error
    assert (status.waiting, status.files_waiting) == (0, 0)
    assert_hub_holds_files(live_hub.admin.engine, {scanned.file: data})
    # The second counter's own dossier now offers it here too.
    assert [r.sha256 for r in services.reusable_files(CITIZEN, scanned.name)] == [scanned.file]


def test_the_ask_is_recorded_on_the_hub(first, second, live_hub):
    received_with_a_scan(*first)
    services, sync, copies = second
    device = sync.connection().hub_device_id

    copies.find(CITIZEN)
    copies.find("001090099999")

    with reading(live_hub.admin.engine) as connection:
        asked = [(row.device_id, row.id_number, row.answered) for row in connection.execute(
            select(document_lookups).order_by(document_lookups.c.id))]
    assert asked == [(device, CITIZEN, 1), (device, "001090099999", 0)]


def test_another_communes_counter_is_offered_nothing(first, tmp_path, live_hub):
    received_with_a_scan(*first)
    services = counter(tmp_path / "xa-khac", 1)
    other = live_hub.admin.commune("UBND xã Khác", "000.18.22.H56")
    sync = SyncService(services)
    enroll(sync, live_hub.url, live_hub.admin, other)
    copies = ProvinceCopies(services)
    try:
        assert copies.find(CITIZEN) == {}
    finally:
        copies.close()
        sync.close()
        services.close()


def test_not_enrolled_nothing_is_asked_and_an_invalid_number_is_not_sent(tmp_path, live_hub):
    services = counter(tmp_path / "quay", 1)
    copies = ProvinceCopies(services)
    try:
        assert copies.find(CITIZEN) is None
        assert copies.find("0251900") == {}
    finally:
        copies.close()
        services.close()
    assert live_hub.admin.count("document_lookups") == 0


def test_a_file_whose_bytes_come_back_wrong_is_refused_and_not_kept(first, second, live_hub):
    _, scanned = received_with_a_scan(*first)
    services, _, copies = second
    offer = copies.find(CITIZEN)[scanned.name]
    with live_hub.admin.engine.begin() as connection:  # the bytes changed on the way
        connection.execute(update(file_chunks).where(file_chunks.c.sha256 == scanned.file)
                           .values(data=pdf_bytes(2, "Giả mạo")))

    with pytest.raises(HubProtocolError, match="mã băm không khớp"):
        copies.fetch(offer)

    assert files.pages_of(services.db, scanned.file) is None
    assert not files.path_of(services.data_dir, scanned.file).exists()
    assert file_queue.state_of(services.db, scanned.file) is None


def test_offline_or_silent_hub_is_told_within_the_short_timeouts(second):
    services = second[0]
    # A hub address where nothing listens, then one that accepts and never answers.
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        refused_url = f"http://127.0.0.1:{closed.getsockname()[1]}"
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    accepted: list[socket.socket] = []
    threading.Thread(target=lambda: accepted.append(silent.accept()[0]), daemon=True).start()
    quick = ProvinceCopies(services, connect_timeout=0.5, read_timeout=0.5)
    try:
        for url in (refused_url, f"http://127.0.0.1:{silent.getsockname()[1]}"):
            services.db.execute("UPDATE sync_state SET hub_url = ?", [url])
            with pytest.raises(HubError) as failed:
                quick.find(CITIZEN)
            assert failed.value.offline, failed.value
    finally:
        quick.close()
        silent.close()
        for connection in accepted:
            connection.close()


def test_a_fetched_file_no_dossier_took_goes_with_the_forms_other_files(first, second):
    _, scanned = received_with_a_scan(*first)
    services, _, copies = second
    kept = copies.fetch(copies.find(CITIZEN)[scanned.name])

    services.discard_files([kept.sha256])  # the form was cleared without saving

    assert not files.path_of(services.data_dir, kept.sha256).exists()
    assert files.pages_of(services.db, kept.sha256) is None
    assert file_queue.state_of(services.db, kept.sha256) is None
