"""Files in quarantine, handled by a supervisor (issue 16, "a file that keeps failing is
quarantined like an event"): sent again, it goes up at the next sync; given up, it is no longer
waiting nor counted, the file stays on the counter, and an event of its dossier tells the
province and the journal. Against the real hub on loopback."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desk_app.core.digitisation import Stage
from desk_app.core.lifecycle import FILE_DISCARDED
from desk_app.core.sync_records import QuarantinedFile
from desk_app.services.errors import ServiceError, ValidationFailed
from desk_app.store import file_queue
from desk_app.store.files import path_of
from sync.server.database import reading
from sync.server.tables import events as hub_event_rows
from tests.services.factories import pdf_bytes
from tests.sync.counter_side import assert_hub_holds_files, hub_files, receive


@pytest.fixture
def quarantined(counter, sync, tmp_path):
    """A supplement digitised into a dossier whose file was gone from the disk when the sync
    tried to send it (set aside at once), and another that went up: (the dossier, the file's bytes,
    its hash, where it was moved)."""
    (dossier,) = receive(counter, 1)
    data = pdf_bytes(2, "Giấy xác nhận")
    sha = counter.keep_pdf(data)
    counter.digitise_document(dossier.uuid, "Giấy xác nhận cư trú", Stage.SUPPLEMENT, sha)
    sent = counter.keep_pdf(pdf_bytes(1, "Đơn"))
    counter.digitise_document(dossier.uuid, "Đơn đề nghị", Stage.SUPPLEMENT, sent)
    sync.push()  # the events are acknowledged: their files are queued
    aside = tmp_path / "aside.pdf"
    path_of(counter.data_dir, sha).rename(aside)
    assert sync.push_files().quarantined == 1
    status = sync.status()
    assert (status.files_waiting, status.files_quarantined) == (0, 1)
    return dossier, data, sha, aside


def test_quarantined_files_are_listed_with_their_dossier_document_size_and_reason(
        counter, sync, quarantined):
    dossier, data, sha, _ = quarantined
    [listed] = sync.quarantined_files()
    assert isinstance(listed, QuarantinedFile)
    assert (listed.sha256, listed.size, listed.dossier_uuid, listed.dossier_code,
            listed.document) == (sha, len(data), dossier.uuid, dossier.code,
                                 "Giấy xác nhận cư trú")
    assert "Không đọc được" in listed.reason and listed.quarantined_at is not None


def test_a_file_sent_again_goes_up_at_the_next_sync(counter, sync, live_hub, quarantined):
    _, data, sha, aside = quarantined
    aside.rename(path_of(counter.data_dir, sha))  # the file is back (from a copy)
    assert sha not in hub_files(live_hub.admin.engine)

    sync.requeue_file(sha)
    assert (sync.status().files_waiting, sync.status().files_quarantined) == (1, 0)
    assert sync.quarantined_files() == []
    with pytest.raises(ServiceError):  # not in quarantine any more
        sync.requeue_file(sha)
    status = sync.sync_now()

    assert (status.files_waiting, status.files_quarantined) == (0, 0), status.error
    assert file_queue.state_of(counter.db, sha) == file_queue.SENT
    assert hub_files(live_hub.admin.engine)[sha] == data


def test_a_file_given_up_is_recorded_kept_and_no_longer_counted(
        counter, sync, live_hub, quarantined):
    dossier, data, sha, aside = quarantined
    aside.rename(path_of(counter.data_dir, sha))
    held_before = hub_files(live_hub.admin.engine)
    for blank in ("", "   "):  # only with a reason
        with pytest.raises(ValidationFailed):
            sync.discard_file(sha, blank)
    assert sync.status().files_quarantined == 1
    counter.hand_over([dossier.uuid], "Công chức Tư pháp - Hộ tịch", "Lê Văn Hùng")

    [audit] = sync.discard_file(sha, "Bản quét hỏng, đã quét lại thành bản 2")

    status = sync.status()
    assert (status.files_waiting, status.files_quarantined) == (0, 0)
    figures = sync.reconciliation(date.today())
    assert (figures.files_waiting, figures.files_quarantined) == (0, 0)
    assert sync.quarantined_files() == []
    assert file_queue.state_of(counter.db, sha) == file_queue.DISCARDED
    assert path_of(counter.data_dir, sha).read_bytes() == data  # the scan is never deleted
    assert counter.dossier_files(dossier.uuid)[0].sha256 == sha  # still the dossier's
    assert (audit.kind, audit.dossier_uuid) == (FILE_DISCARDED, dossier.uuid)
    assert audit.payload["discarded_file"] == sha
    assert audit.payload["document"] == "Giấy xác nhận cư trú"
    assert audit.payload["note"] == "Bản quét hỏng, đã quét lại thành bản 2"
    assert "files" not in audit.payload  # nothing queues it again
    assert counter.history(dossier.uuid)[-1].uuid == audit.uuid
    # Giving up a file is no action on the dossier: the hand-over is still what a correction
    # would reverse.
    assert counter.last_action_reversal(dossier.uuid).kind.value == "handed_over"
    with pytest.raises(ServiceError):
        sync.requeue_file(sha)

    again = sync.sync_now()  # the record goes to the province; the file does not

    assert (again.waiting, again.files_waiting, again.files_quarantined) == (0, 0, 0)
    with reading(live_hub.admin.engine) as connection:
        stored = connection.execute(select(hub_event_rows.c.kind).where(
            hub_event_rows.c.uuid == audit.uuid)).scalar_one()
    assert stored == FILE_DISCARDED
    assert hub_files(live_hub.admin.engine) == held_before
    assert_hub_holds_files(live_hub.admin.engine, held_before)


def test_only_a_supervisor_handles_quarantined_files(counter, sync, quarantined):
    from desk_app.core.accounts import Role
    from desk_app.services.errors import PermissionDenied
    from tests.accounts import login_as

    _, _, sha, _ = quarantined
    login_as(counter, Role.CLERK)
    for attempt in (sync.quarantined_files, lambda: sync.requeue_file(sha),
                    lambda: sync.discard_file(sha, "không gửi")):
        with pytest.raises(PermissionDenied):
            attempt()
    assert file_queue.state_of(counter.db, sha) == file_queue.QUARANTINED
