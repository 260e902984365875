"""Digitisation at reception (issue 16): files kept by hash, named by the received event, added
later as supplements and results, viewed with a record, offered for reuse, and counted."""

import hashlib
import io
import os
import resource
import signal
from dataclasses import replace
from datetime import timedelta

import pytest

from desk_app.core.digitisation import FileUse, Stage
from desk_app.core.errors import StoreError
from desk_app.core.model import Digitisation
from desk_app.scanning.pages import Page
from desk_app.scanning.pdfa import PdfMeta, assemble, check, with_dossier_code
from desk_app.services.errors import ServiceError, ValidationFailed
from desk_app.store import files as file_store
from desk_app.store import journal
from tests.services.factories import digitised, full_draft, pdf_bytes


def _file(services, dossier, line: int = 0) -> str:
    """The file a received dossier's line names (kept again with its code at receipt)."""
    return services.dossier(dossier.uuid).draft.documents[line].file


def _kept(services):
    return sorted(p for p in (services.data_dir / "files").rglob("*") if p.is_file())


def test_a_kept_pdf_is_named_by_its_hash_and_kept_once(services):
    data = pdf_bytes(3)
    sha = services.keep_pdf(data)
    assert sha == hashlib.sha256(data).hexdigest()
    path = services.data_dir / "files" / sha[:2] / f"{sha}.pdf"
    assert path.read_bytes() == data
    assert services.keep_pdf(data) == sha
    assert _kept(services) == [path]
    assert services.db.execute("SELECT size, pages FROM files").fetchall() == [(len(data), 3)]


@pytest.mark.parametrize("data", [b"", b"not a pdf at all", b"%PDF-1.7\n garbage"])
def test_what_is_not_a_pdf_is_refused_and_nothing_kept(services, data):
    with pytest.raises(ValidationFailed):
        services.keep_pdf(data)
    assert not (services.data_dir / "files").exists() or not _kept(services)


def test_a_password_pdf_is_refused(services):
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(1))))
    writer.encrypt("mat-khau")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ValidationFailed, match="mật khẩu"):
        services.keep_pdf(out.getvalue())


def test_a_full_disk_while_saving_leaves_no_partial_file_no_row_and_loses_nothing(services):
    earlier = services.keep_pdf(pdf_bytes(1))
    big = pdf_bytes(400, "x" * 300)  # well over the limit below
    assert len(big) > 256 * 1024
    # The process may then write no file past 128 KB: what a disk that fills up mid-write
    # does to the file (EFBIG like ENOSPC); the database (already larger, written in place
    # or not at all) is not extended by a failed keep.
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (128 * 1024, hard))
    try:
        with pytest.raises(StoreError, match="Ổ đĩa đã đầy"):
            services.keep_pdf(big)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    assert [p.name for p in _kept(services)] == [f"{earlier}.pdf"]
    assert file_store.read(services.data_dir, earlier)  # intact
    assert [r[0] for r in services.db.execute("SELECT sha256 FROM files")] == [earlier]
    # Once there is room again, the same file is kept.
    assert services.keep_pdf(big) == hashlib.sha256(big).hexdigest()


def test_the_received_event_names_each_line_s_file_so_the_chain_covers_the_scans(services):
    pdfs = [pdf_bytes(2, "CCCD"), pdf_bytes(1, "Tờ khai")]
    draft = digitised(services, full_draft(services), pdfs)
    dossier = services.receive(draft)
    [event] = services.history(dossier.uuid)
    # The files kept with the dossier's code in them (test_a_scan_is_kept_with_the_code...).
    shas = [hashlib.sha256(with_dossier_code(p, dossier.code)).hexdigest() for p in pdfs]
    assert event.payload["files"] == shas
    documents = event.payload["documents"]
    assert [d["file"] for d in documents[:2]] == shas
    assert [d["pages"] for d in documents[:2]] == [2, 1]  # read from the files, not trusted
    assert documents[0]["digitisation"] == "scanned" and documents[2]["digitisation"] == "shown"
    assert all(d["reused_from"] == "" for d in documents)
    lines = services.dossier(dossier.uuid).draft.documents
    assert (lines[0].digitisation, lines[0].file, lines[0].pages) == (
        Digitisation.SCANNED, shas[0], 2)
    assert [(f.document, f.stage, f.version) for f in services.dossier_files(dossier.uuid)] == [
        (lines[0].name, Stage.RECEIVED, 1), (lines[1].name, Stage.RECEIVED, 1)]
    # The hash of the scan is part of what the chain hashes: changing it breaks the journal.
    assert journal.verify(services.db).ok
    services.db.execute("DROP TRIGGER events_immutable")  # as someone editing the file would
    services.db.execute("UPDATE events SET payload = replace(payload, ?, ?)",
                        [shas[0], "0" * 64])
    assert not journal.verify(services.db).ok


def test_a_scan_is_kept_with_the_code_issued_at_save_and_the_copy_without_it_removed(
        services, clock):
    """The pages are assembled while the form is typed, before the dossier has a code."""
    import pikepdf
    import pikepdf.pdfa

    from tests.scanning.pictures import encoded, paper

    page = Page(encoded(paper("L"), "JPEG", quality=80, dpi=(200, 200)), 200, "gray")
    unstamped = services.keep_pdf(assemble([page, page], PdfMeta(
        dossier_code="", document_name="Tờ khai", clerk="Trần Thị Lan", created_at=clock.now)))
    draft = full_draft(services)
    first = replace(draft.documents[0], digitisation=Digitisation.SCANNED, file=unstamped,
                    pages=2)
    dossier = services.receive(replace(draft, documents=(first, *draft.documents[1:])))

    [event] = services.history(dossier.uuid)
    [sha] = event.payload["files"]
    assert sha != unstamped and services.dossier(dossier.uuid).draft.documents[0].file == sha
    data = file_store.read(services.data_dir, sha)
    assert check(data) == 2
    with pikepdf.open(io.BytesIO(data)) as pdf:
        xmp = pdf.open_metadata()
        assert xmp["dc:identifier"] == dossier.code
        assert xmp["pdf:Keywords"] == f"{dossier.code}; 2 trang; 200 dpi"
        assert pikepdf.pdfa.check(pdf, "2b").passed
        # The page is the captured JPEG, not encoded again.
        assert next(iter(pdf.pages[0].get_images().values())).read_raw_bytes() == page.data
    assert [f.sha256 for f in services.dossier_files(dossier.uuid)] == [sha]
    # The file without the code, named by no event, is gone from the disk and the records.
    assert not file_store.path_of(services.data_dir, unstamped).exists()
    assert _kept(services) == [file_store.path_of(services.data_dir, sha)]
    assert [r[0] for r in services.db.execute("SELECT sha256 FROM files")] == [sha]


def test_a_receipt_that_fails_removes_no_file(services):
    sha = services.keep_pdf(pdf_bytes(1))
    draft = full_draft(services, name="")  # no name: refused
    first = replace(draft.documents[0], digitisation=Digitisation.SCANNED, file=sha, pages=1)
    with pytest.raises(ValidationFailed):
        services.receive(replace(draft, documents=(first, *draft.documents[1:])))
    assert file_store.path_of(services.data_dir, sha).is_file()


def test_discarding_a_form_s_scans_removes_only_files_nothing_names(services):
    kept = services.receive(digitised(services, full_draft(services), [pdf_bytes(1, "CCCD")]))
    named = _file(services, kept)
    orphan = services.keep_pdf(pdf_bytes(2, "Tờ khai"))
    services.discard_files([orphan, named])
    assert not file_store.path_of(services.data_dir, orphan).exists()
    assert services.db.execute("SELECT 1 FROM files WHERE sha256 = ?", [orphan]).fetchone() is None
    assert file_store.read(services.data_dir, named)
    # A file an event names (a later digitisation) stays too.
    later = services.keep_pdf(pdf_bytes(1, "bổ sung"))
    services.digitise_document(kept.uuid, "Giấy xác nhận", Stage.SUPPLEMENT, later)
    services.discard_files([later])
    assert file_store.read(services.data_dir, later)


def test_a_scanned_line_must_name_a_kept_file(services):
    draft = full_draft(services)
    first = replace(draft.documents[0], digitisation=Digitisation.SCANNED, file="a" * 64,
                    pages=1)
    with pytest.raises(ValidationFailed, match="Không tìm thấy tệp số hóa"):
        services.receive(replace(draft, documents=(first, *draft.documents[1:])))
    assert services.dossier_rows() == []


def test_a_scanned_line_whose_file_left_the_disk_is_refused(services):
    draft = digitised(services, full_draft(services), [pdf_bytes(1)])
    path = file_store.path_of(services.data_dir, draft.documents[0].file)
    path.unlink()
    with pytest.raises(ValidationFailed, match="Không tìm thấy tệp số hóa"):
        services.receive(draft)


def test_a_scanned_line_without_a_file_is_refused(services):
    draft = full_draft(services)
    first = replace(draft.documents[0], digitisation=Digitisation.SCANNED)
    with pytest.raises(ValidationFailed, match="chưa có tệp số hóa"):
        services.receive(replace(draft, documents=(first, *draft.documents[1:])))


def test_supplements_and_results_are_digitised_into_the_same_dossier_keeping_versions(
        services, clock):
    dossier = services.receive(full_draft(services))
    first, second = services.keep_pdf(pdf_bytes(1, "v1")), services.keep_pdf(pdf_bytes(2, "v2"))
    one = services.digitise_document(dossier.uuid, "Giấy xác nhận", Stage.SUPPLEMENT, first)
    two = services.digitise_document(dossier.uuid, "Giấy xác nhận", Stage.SUPPLEMENT, second)
    assert (one.version, two.version, two.pages) == (1, 2, 2)
    with pytest.raises(ServiceError, match="không số hóa"):
        services.digitise_document(dossier.uuid, "Kết quả", Stage.RESULT, first)
    services.hand_over([dossier.uuid], "Công chức Tư pháp - Hộ tịch", "Lê Văn Hùng")
    services.record_result_ready(dossier.uuid, "Công chức Tư pháp - Hộ tịch", "Lê Văn Hùng")
    result = services.keep_pdf(pdf_bytes(1, "kết quả"))
    services.digitise_document(dossier.uuid, "Giấy xác nhận thường trú", Stage.RESULT, result)
    kept = services.dossier_files(dossier.uuid)
    assert [(f.stage, f.sha256, f.version) for f in kept] == [
        (Stage.SUPPLEMENT, first, 1), (Stage.SUPPLEMENT, second, 2), (Stage.RESULT, result, 1)]
    later = [e for e in services.history(dossier.uuid) if e.kind == "document_digitised"]
    assert [e.payload["files"] for e in later] == [[first], [second], [result]]
    assert [e.payload["stage"] for e in later] == ["supplement", "supplement", "result"]
    assert later[-1].status == services.dossier(dossier.uuid).status
    assert journal.verify(services.db).ok


def test_a_file_not_kept_cannot_be_digitised_later(services):
    dossier = services.receive(full_draft(services))
    with pytest.raises(ValidationFailed):
        services.digitise_document(dossier.uuid, "Giấy", Stage.SUPPLEMENT, "b" * 64)
    assert [e.kind for e in services.history(dossier.uuid)] == ["received"]


def test_opening_a_file_records_who_and_when(services, clock):
    draft = digitised(services, full_draft(services), [pdf_bytes(1, "CCCD")])
    dossier = services.receive(draft)
    sha = _file(services, dossier)
    assert services.file_views(dossier.uuid) == []
    assert services.open_file(dossier.uuid, sha) == file_store.read(services.data_dir, sha)
    [view] = services.file_views(dossier.uuid)
    assert (view.sha256, view.document, view.clerk) == (sha, draft.documents[0].name,
                                                        services.current_account().full_name)
    assert view.at == clock().isoformat()


def test_the_viewer_gets_the_checked_kept_file_and_each_use_is_recorded(services):
    draft = digitised(services, full_draft(services), [pdf_bytes(1, "CCCD")])
    dossier = services.receive(draft)
    sha = _file(services, dossier)
    for use in (FileUse.VIEW, FileUse.PRINT, FileUse.COPY):
        assert services.use_file(dossier.uuid, sha, use) == file_store.path_of(
            services.data_dir, sha)
    assert [(v.sha256, v.action) for v in services.file_views(dossier.uuid)] == [
        (sha, "view"), (sha, "print"), (sha, "copy")]
    other = services.receive(full_draft(services))
    with pytest.raises(ServiceError, match="không thuộc"):
        services.use_file(other.uuid, sha, FileUse.PRINT)
    assert len(services.file_views(dossier.uuid)) == 3


def test_a_file_of_another_dossier_is_not_opened_through_this_one(services):
    draft = digitised(services, full_draft(services), [pdf_bytes(1)])
    first = services.receive(draft)
    other = services.receive(full_draft(services))
    with pytest.raises(ServiceError, match="không thuộc"):
        services.open_file(other.uuid, _file(services, first))


def test_a_file_changed_on_disk_is_not_shown_as_the_record(services):
    draft = digitised(services, full_draft(services), [pdf_bytes(1)])
    dossier = services.receive(draft)
    path = file_store.path_of(services.data_dir, _file(services, dossier))
    os.chmod(path, 0o644)
    path.write_bytes(path.read_bytes().replace(b"Trang", b"Trung"))
    with pytest.raises(StoreError, match="đã bị thay đổi"):
        services.open_file(dossier.uuid, _file(services, dossier))
    assert services.file_views(dossier.uuid) == []


def test_an_earlier_dossier_s_file_is_offered_for_reuse_and_the_reuse_recorded(services, clock):
    draft = digitised(services, full_draft(services), [pdf_bytes(1, "CCCD")])
    earlier = services.receive(draft)
    name, sha = draft.documents[0].name, _file(services, earlier)
    clock.now = clock.now + timedelta(days=3)
    [offer] = services.reusable_files("025 190 012 345", name)
    assert (offer.sha256, offer.dossier_code, offer.pages) == (sha, earlier.code, 1)
    assert services.reusable_files("001090000001", name) == []
    assert services.reusable_files("025190012345", "Giấy khác") == []
    fresh = full_draft(services)
    reused = replace(fresh.documents[0], digitisation=Digitisation.REUSED, file=offer.sha256,
                     pages=offer.pages, reused_from=offer.dossier_code)
    dossier = services.receive(replace(fresh, documents=(reused, *fresh.documents[1:])))
    [event] = services.history(dossier.uuid)
    assert event.payload["documents"][0]["reused_from"] == earlier.code
    assert event.payload["files"] == [sha]
    # The reused file is now this dossier's too (the applicant may view it here), kept once.
    assert [f.sha256 for f in services.dossier_files(dossier.uuid)] == [sha]
    assert len(_kept(services)) == 1
    # Offered once though two dossiers now hold it.
    assert len(services.reusable_files("025190012345", name)) == 1


def test_a_reused_line_must_say_where_from(services):
    sha = services.keep_pdf(pdf_bytes(1))
    draft = full_draft(services)
    first = replace(draft.documents[0], digitisation=Digitisation.REUSED, file=sha, pages=1)
    with pytest.raises(ValidationFailed, match="không rõ từ hồ sơ nào"):
        services.receive(replace(draft, documents=(first, *draft.documents[1:])))


def test_the_end_of_day_the_board_and_the_ledger_count_digitisation(services, clock):
    full = services.receive(digitised(services, full_draft(services), [pdf_bytes(1)] * 2))
    draft = full_draft(services, name="Trần Văn Bình")
    first, *rest = draft.documents
    partial = services.receive(replace(draft, documents=(
        replace(first, digitisation=Digitisation.EXEMPT), *rest)))
    services.digitise_document(full.uuid, "Giấy xác nhận", Stage.SUPPLEMENT,
                               services.keep_pdf(pdf_bytes(1, "bổ sung")))
    documents = len(draft.documents)

    report = services.end_of_day()
    d = report.digitisation
    assert (d.dossiers, d.scanned, d.shown, d.exempt, d.reused) == (
        2, 2, documents - 2, 1, 0)
    assert (d.pending, d.incomplete) == (documents - 1, 1)
    [incomplete] = report.incomplete_digitisation
    assert (incomplete.code, incomplete.applicant_name) == (partial.code, "Trần Văn Bình")
    assert [(t.key, t.count) for t in report.digitised_later] == [("supplement", 1)]

    assert services.board_summary().digitisation == d

    lines = {line.code: line.digitisation for line in services.ledger(
        clock.now.date(), clock.now.date())}
    assert lines[full.code] == f"quét 2, xuất trình {documents - 2}"
    assert lines[partial.code] == f"miễn 1, chưa số hóa {documents - 1}"


def test_a_later_digitisation_does_not_hide_the_last_action_from_correction(services):
    dossier = services.receive(full_draft(services))
    services.hand_over([dossier.uuid], "Công chức Tư pháp - Hộ tịch", "Lê Văn Hùng")
    services.digitise_document(dossier.uuid, "Giấy xác nhận", Stage.SUPPLEMENT,
                               services.keep_pdf(pdf_bytes(1)))
    assert services.last_action_reversal(dossier.uuid).kind.value == "handed_over"
    services.correct_last_action(dossier.uuid, "Bàn giao nhầm đơn vị")
    assert services.dossier(dossier.uuid).status.value == 2
    # The file stays with the dossier: digitising is not what was corrected.
    assert len(services.dossier_files(dossier.uuid)) == 1


def test_a_dossier_refused_at_the_counter_keeps_no_scan_of_its_papers(services):
    draft = digitised(services, full_draft(services), [pdf_bytes(1, "CCCD")])
    dossier = services.refuse_at_counter(draft, "Không thuộc thẩm quyền của xã")
    [event] = services.history(dossier.uuid)
    assert "files" not in event.payload
    assert {d["digitisation"] for d in event.payload["documents"]} == {""}
    assert {d["file"] for d in event.payload["documents"]} == {""}
    assert {line.digitisation for line in services.dossier(dossier.uuid).draft.documents} == {
        Digitisation.PENDING}
    assert services.dossier_files(dossier.uuid) == []


def test_pages_left_unsaved_are_offered_to_their_dossier_and_those_none_can_take_removed(
        services, clock):
    from desk_app.scanning.pages import page_from_image
    from desk_app.services.digitisation import UNSAVED_SCAN_DAYS, later_spool
    from tests.scanning.pictures import paper

    page = page_from_image(paper("1"), 200, "bw")
    mine = services.receive(full_draft(services), accept_warnings=True)
    other = services.receive(full_draft(services, name="Lê Văn Hùng"), accept_warnings=True)

    def spooled(uuid, stage, draft, *, days_ago=0):
        spool = later_spool(services.data_dir, uuid, stage, draft, "Tờ khai")
        spool.add(page)
        moment = (clock.now - timedelta(days=days_ago)).timestamp()
        os.utime(spool.folder / "index.json", (moment, moment))
        return spool

    offered = spooled(mine.uuid, Stage.SUPPLEMENT, "a", days_ago=UNSAVED_SCAN_DAYS - 1)
    kept = spooled(other.uuid, Stage.SUPPLEMENT, "b")  # another dossier's: offered to it
    removed = [
        spooled(mine.uuid, Stage.SUPPLEMENT, "c", days_ago=UNSAVED_SCAN_DAYS + 1),  # old
        spooled(mine.uuid, Stage.RESULT, "d"),  # no result before the unit sends it back
        spooled("a-dossier-of-a-backup-restored-since", Stage.SUPPLEMENT, "e"),
    ]

    [unsaved] = services.unsaved_scans(mine.uuid)
    assert (unsaved.stage, unsaved.draft) == (Stage.SUPPLEMENT, "a")
    assert (unsaved.leftover.spool.folder, unsaved.leftover.pages) == (offered.folder, [page])
    assert unsaved.leftover.document == "Tờ khai"
    assert kept.pages() == [page]
    assert [spool.folder.exists() for spool in removed] == [False, False, False]
    assert [u.draft for u in services.unsaved_scans(other.uuid)] == ["b"]
