"""Digitised documents (docs/domain.md, "Digitisation"): keeping a PDF/A file, the files named by
a dossier's lines at receipt (receiving.receive), documents digitised later into the same
dossier (and the pages spooled for them that a power cut left unsaved), opening a file for
viewing (recorded: who, when), and the files an applicant's earlier dossiers offer for reuse."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from desk_app.core.accounts import Permission
from desk_app.core.changes import DOSSIERS
from desk_app.core.clock import iso, to_vn
from desk_app.core.digitisation import DossierFile, FileUse, Reusable, Stage
from desk_app.core.lifecycle import DOCUMENT_DIGITISED, later_stages
from desk_app.core.model import Digitisation, DossierDraft
from desk_app.core.payloads import digitised_payload
from desk_app.core.text import clean
from desk_app.core.validation import error
from desk_app.scanning.spool import DOSSIER_SPOOLS, Leftover, Spool, spool_folder, spools
from desk_app.services.context import Context, use_case
from desk_app.services.errors import ServiceError, ValidationFailed
from desk_app.store import dossiers, events, file_queue, files

# Pages spooled for a document digitised later and never saved are offered back only by that
# dossier's dialog, which may never open again: they are kept this long after their last change,
# then removed (scans of personal papers are not left in the data folder for ever with nothing
# naming them, Decree 356/2025/NĐ-CP). A power cut is noticed the same day; a month is ample.
UNSAVED_SCAN_DAYS = 30


def pdf_pages(data: bytes) -> int:
    """The page count of a PDF; ValidationFailed for what is not a readable, unlocked PDF."""
    # Imported here: pypdf is needed only when a file is kept, not at every start.
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    problem = "Tệp số hóa không phải tệp PDF đọc được."
    if not data.startswith(b"%PDF-"):
        raise ValidationFailed([error("file", problem)])
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ValidationFailed([error("file", "Tệp PDF có mật khẩu: không lưu được.")])
        pages = len(reader.pages)
    except (PyPdfError, ValueError, OSError) as exc:
        raise ValidationFailed([error("file", problem)]) from exc
    if pages < 1:
        raise ValidationFailed([error("file", "Tệp PDF không có trang nào.")])
    return pages


@use_case(Permission.RECEIVE)
def keep_pdf(ctx: Context, data: bytes) -> str:
    """Keep a document's PDF/A file in the data folder under its SHA-256, which it returns for
    a document line or `digitise_document`. The file is written before its row: a disk that
    fills up raises StoreError with neither (store.files); the same bytes kept twice are one
    file."""
    pages = pdf_pages(data)
    sha = files.write(ctx.data_dir, data)
    files.record(ctx.db, sha, len(data), pages, iso(ctx.now()))
    return sha


@use_case(Permission.RECEIVE)
def keep_fetched(ctx: Context, sha256: str, data: bytes) -> int:
    """Keep a file fetched from the province (another counter of the commune digitised it) as
    a local scan is kept, and record that the hub holds it, so that a dossier naming it does
    not send it back up. Returns its page count. ServiceError when the bytes are not the
    file's (damaged on the way), ValidationFailed when they are not a readable PDF."""
    if files.sha256_of(data) != sha256:
        raise ServiceError(FETCHED_DAMAGED)
    pages = pdf_pages(data)
    files.write(ctx.data_dir, data)
    at = ctx.now()
    files.record(ctx.db, sha256, len(data), pages, iso(at))
    file_queue.held_by_hub(ctx.db, sha256, len(data), at)
    return pages


FETCHED_DAMAGED = ("Tệp tải về từ máy chủ tỉnh không khớp mã băm SHA-256 của nó (hỏng trên "
                   "đường truyền): không dùng tệp này.")


def with_kept_files(ctx: Context, draft: DossierDraft) -> DossierDraft:
    """The draft with each digitised line's page count read from its kept file; ValidationFailed
    when a line names a file that is not kept here (or no longer on disk)."""
    lines, missing = [], []
    for line in draft.documents:
        if not line.file:
            lines.append(line)
            continue
        pages = files.pages_of(ctx.db, line.file)
        if pages is None or not files.path_of(ctx.data_dir, line.file).is_file():
            missing.append(line.name)
            lines.append(line)
        else:
            lines.append(replace(line, pages=pages))
    if missing:
        raise ValidationFailed([error("documents", (
            f"Không tìm thấy tệp số hóa của: {'; '.join(missing)}. Quét hoặc chọn lại tệp."))])
    return replace(draft, documents=tuple(lines))


def stamp_scans(ctx: Context, draft: DossierDraft, code: str) -> DossierDraft:
    """The draft with each line scanned for it carrying, instead of its file, that file with the
    dossier's code in its metadata (pdfa.with_dossier_code), kept: the code is issued only now,
    after the pages were assembled. The files before the code are removed once the receipt
    has committed, if nothing names them. A reused file keeps its own dossier's code."""
    from desk_app.scanning.pdfa import with_dossier_code  # pikepdf: loaded when first needed

    lines, stamped = [], {}
    for line in draft.documents:
        if line.digitisation is Digitisation.SCANNED:
            if line.file not in stamped:
                data = with_dossier_code(files.read(ctx.data_dir, line.file), code)
                stamped[line.file] = files.write(ctx.data_dir, data)
                files.record(ctx.db, stamped[line.file], len(data), line.pages, iso(ctx.now()))
            line = replace(line, file=stamped[line.file])
        lines.append(line)
    draft = replace(draft, documents=tuple(lines))
    forget(ctx, stamped)
    return draft


def forget(ctx: Context, shas: Iterable[str]) -> None:
    """Remove those of `shas` that no dossier or event names, rows now, files after the commit."""
    gone = files.forget_unnamed(ctx.db, ctx.data_dir, shas)
    if gone:
        ctx.after_commit(lambda: files.remove(gone))


@use_case(Permission.RECEIVE)
def discard_files(ctx: Context, shas: list[str]) -> None:
    """The receive form's scans that no dossier took (the form cleared or closed, a line scanned
    again, the dossier refused or saved with stamped copies): scans of personal papers are not
    kept with nothing to name them (Decree 356/2025/NĐ-CP). A file a dossier or an event names
    stays."""
    forget(ctx, shas)


def attach_received(ctx: Context, dossier_uuid: str, draft: DossierDraft, at: datetime) -> None:
    """The received dossier's scanned and reused files, as version 1 of each document's."""
    for line in draft.documents:
        if line.file:
            files.attach(ctx.db, dossier_uuid, line.name, Stage.RECEIVED, line.file,
                         ctx.clerk_name(), iso(at))


@use_case(Permission.HAND_OVER, changes=DOSSIERS)
def digitise_document(
    ctx: Context, dossier_uuid: str, document: str, stage: Stage, sha256: str, *,
    at: datetime | None = None,
) -> DossierFile:
    """Add a document digitised after reception to its dossier: a supplement brought later, or
    the dossier's result. A `document_digitised` event names the file (so the journal's chain
    covers it and the sync uploads it); an earlier version of the same document at the same
    stage stays, the new one numbered after it."""
    when = to_vn(at) if at else ctx.now()
    dossier = ctx.dossier(dossier_uuid)
    document = clean(document)
    if stage is Stage.RECEIVED:
        raise ServiceError("Giấy tờ khi tiếp nhận được số hóa cùng lúc tiếp nhận hồ sơ.")
    if dossier.refused_at_counter or stage not in later_stages(dossier.status):
        raise ServiceError(
            f"Hồ sơ đang ở trạng thái «{dossier.status.label}»: không số hóa "
            f"{stage.label.lower()} được.")
    if not document:
        raise ValidationFailed([error("document", "Nhập tên giấy tờ được số hóa.")])
    pages = files.pages_of(ctx.db, sha256)
    if pages is None:
        raise ValidationFailed([error("file", "Tệp số hóa chưa được lưu: quét lại.")])
    version = files.attach(ctx.db, dossier_uuid, document, stage, sha256, ctx.clerk_name(),
                           iso(when))
    events.append(
        ctx.db, dossier_uuid=dossier_uuid, kind=DOCUMENT_DIGITISED, status=dossier.status,
        payload=digitised_payload(document, stage, sha256, pages, version),
        clerk=ctx.clerk_name(), device_id=ctx.device_id(), at=when,
    )
    return DossierFile(document, stage, sha256, version, pages, ctx.clerk_name(), when)


def later_spool(data_dir: str | Path, dossier_uuid: str, stage: Stage, draft: str,
                document: str = "") -> Spool:
    """Where the dialog digitising a document later spools its pages as they arrive: one
    spool per dialog (`draft`, so two runs cut short never overwrite each other's pages),
    named by its dossier and stage, so the dossier's dialog finds it again."""
    key = f"{dossier_uuid}_{stage}_{draft}"
    return Spool(spool_folder(data_dir, DOSSIER_SPOOLS, key), document)


@dataclass(frozen=True)
class UnsavedScan:
    """Pages spooled by a dialog for this dossier that neither saved nor discarded them."""

    stage: Stage
    draft: str
    leftover: Leftover


def _spooled_for(spool: Spool) -> tuple[str, Stage, str] | None:
    """The dossier, stage and draft of a spool `later_spool` named; None for any other."""
    dossier_uuid, _, rest = spool.key.partition("_")
    stage, _, draft = rest.partition("_")
    return (dossier_uuid, Stage(stage), draft) if stage in set(Stage) and draft else None


@use_case(Permission.HAND_OVER, locked=False)
def unsaved_scans(ctx: Context, dossier_uuid: str) -> list[UnsavedScan]:
    """The pages a power cut left unsaved in this dossier's digitising dialog, to offer back
    when it opens. On the way, spools no dialog could ever offer back are removed: those of a
    dossier this database does not hold (an older backup restored) or that can no longer take
    a document at their stage (it was closed), and those unchanged for UNSAVED_SCAN_DAYS."""
    found = [(spool, named) for spool in spools(ctx.data_dir, DOSSIER_SPOOLS)
             if (named := _spooled_for(spool))]
    with ctx.reading():
        states = dossiers.statuses(ctx.db, {named[0] for _spool, named in found})
        oldest = (ctx.now() - timedelta(days=UNSAVED_SCAN_DAYS)).timestamp()
    unsaved = []
    for spool, (uuid, stage, draft) in found:
        status = states.get(uuid)
        changed = spool.changed_at()
        if changed is None:
            continue  # gone meanwhile
        if status is None or stage not in later_stages(status) or changed < oldest:
            spool.discard()
        elif uuid == dossier_uuid and (left := spool.leftover()):
            unsaved.append(UnsavedScan(stage, draft, left))
    return unsaved


@use_case(Permission.LOOK_UP)
def dossier_files(ctx: Context, dossier_uuid: str) -> list[DossierFile]:
    """Every file of a dossier, every version kept, by stage."""
    return files.of_dossier(ctx.db, dossier_uuid)


@use_case(Permission.LOOK_UP)
def open_file(ctx: Context, dossier_uuid: str, sha256: str) -> bytes:
    """A dossier's file to view or print, its bytes checked against its hash. The viewing is
    recorded (who, when, which document): scans of ID cards and personal papers are sensitive
    personal data (Decree 356/2025/NĐ-CP). StoreError when the file is missing or altered."""
    return _used(ctx, dossier_uuid, sha256, FileUse.VIEW)


@use_case(Permission.LOOK_UP)
def use_file(ctx: Context, dossier_uuid: str, sha256: str, use: FileUse) -> Path:
    """`open_file` for the dossier detail's viewer, which renders, prints and copies pages from
    the kept file itself: its path, once its bytes are checked and the use recorded (viewing,
    printing and saving a copy each take the papers somewhere: all three are recorded, before
    the UI does them). Kept files are read-only and never rewritten, so the path stays what was
    checked."""
    _used(ctx, dossier_uuid, sha256, use)
    return files.path_of(ctx.data_dir, sha256)


def _used(ctx: Context, dossier_uuid: str, sha256: str, use: FileUse) -> bytes:
    names = [f.document for f in files.of_dossier(ctx.db, dossier_uuid) if f.sha256 == sha256]
    if not names:
        raise ServiceError("Tệp này không thuộc hồ sơ đang xem.")
    data = files.read(ctx.data_dir, sha256)
    files.record_view(ctx.db, sha256, dossier_uuid, names[0], ctx.clerk_name(),
                      iso(ctx.now()), use.value)
    return data


@use_case(Permission.VERIFY_JOURNAL)
def file_views(ctx: Context, dossier_uuid: str) -> list[files.FileView]:
    """Who opened, printed or copied which of a dossier's files, and when: an audit record of
    who saw personal data, for those who check the journal (the leader, the admin), not for
    every clerk."""
    return files.views(ctx.db, dossier_uuid)


@use_case(Permission.RECEIVE)
def reusable_files(ctx: Context, id_number: str, document: str) -> list[Reusable]:
    """Files of a document of this name in the applicant's earlier dossiers here, newest
    first, which a new line may reuse instead of a new scan."""
    return files.reusable(ctx.db, clean(id_number).replace(" ", ""), clean(document))
