"""Receiving a dossier at the counter: the checks shown while the clerk types, and the receipt's
code, ledger number and due time given in one transaction."""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import replace
from datetime import datetime

from desk_app.core import drafts
from desk_app.core.accounts import Permission
from desk_app.core.changes import DOSSIERS
from desk_app.core.clock import to_vn
from desk_app.core.codes import make_code
from desk_app.core.digitisation import undigitised
from desk_app.core.lifecycle import EventKind, reason_issues
from desk_app.core.model import Dossier, DossierDraft, LedgerEntry
from desk_app.core.payloads import received_payload, refused_at_counter_payload
from desk_app.core.states import DossierState
from desk_app.core.text import clean_multiline
from desk_app.core.validation import (
    MISSING_DOCUMENTS_FIELD,
    Issue,
    MissingChoice,
    Severity,
    error,
    missing_mandatory,
    validate_draft,
)
from desk_app.services import digitisation, lifecycle
from desk_app.services.context import Context, use_case
from desk_app.services.errors import ValidationFailed
from desk_app.store import catalogue, dossiers, events, issued_codes, sequences

SUPPLEMENT_AT_RECEIPT = "Hồ sơ thiếu giấy tờ bắt buộc khi tiếp nhận."


@use_case(Permission.LOOK_UP)
def check(ctx: Context, draft: DossierDraft) -> list[Issue]:
    """What is wrong or doubtful in a draft. The receive form makes the same core call on the
    procedures it loaded, while the clerk types; this is for scripts and the tests."""
    draft = drafts.normalise(draft)
    return validate_draft(draft, catalogue.procedure(ctx.db, draft.procedure_code),
                          ctx.now().date())


@use_case(Permission.LOOK_UP)
def due_if_received_now(ctx: Context, procedure_code: str) -> datetime | None:
    procedure = catalogue.procedure(ctx.db, procedure_code)
    return ctx.calendar().due_time(ctx.now(), procedure.time) if procedure else None


@use_case(Permission.RECEIVE, changes=DOSSIERS)
def receive(
    ctx: Context, draft: DossierDraft, *, accept_warnings: bool = False,
    received_at: datetime | None = None, missing: MissingChoice | None = None,
) -> Dossier:
    """Receive a dossier: code, due time, dossier, documents, event and outbox entry in one
    transaction. Raises ValidationFailed on errors, and on warnings not yet accepted.

    A dossier missing mandatory documents is never received silently: `missing` says what the
    clerk chose (accepting the warnings is not enough). SUPPLEMENT asks for them at once (form
    02; the dossier waits in state 5); OVERRIDE receives it as it is and records who decided
    and which documents in the received event (`missing_override`), which the receipt prints.

    A scanned or reused line names a file kept by `digitisation.keep_pdf` (its page count is
    read from the file); the received event lists the files under "files", so the journal's
    chain covers the scans."""
    setup = ctx.setup()
    at = to_vn(received_at) if received_at else ctx.now()
    draft = digitisation.with_kept_files(ctx, drafts.normalise(draft))
    procedure = catalogue.procedure(ctx.db, draft.procedure_code)
    issues = validate_draft(draft, procedure, at.date())
    blocking = [
        i for i in issues if i.severity is Severity.ERROR or not accept_warnings
    ]
    if blocking:
        raise ValidationFailed(issues)
    assert procedure is not None  # validate_draft reports a missing procedure as an error
    missing_docs = missing_mandatory(draft.documents, procedure)
    if missing_docs and missing is None:
        raise ValidationFailed([error(MISSING_DOCUMENTS_FIELD, (
            f"Thiếu giấy tờ bắt buộc: {'; '.join(missing_docs)}. Chọn yêu cầu bổ sung "
            "(in phiếu mẫu 02), hoặc xác nhận tiếp nhận khi còn thiếu (ghi trên giấy tiếp nhận)."
        ))])
    device_id = ctx.device_id()
    # The code in force on the day received: a merged commune's new code starts on its day.
    agency = ctx.agency_code_on(at.date())
    sequence = sequences.next_code_sequence(
        ctx.db, agency, at.date(), setup.counter_number,
        issued_codes.highest_code(ctx.data_dir, agency, at.date(), setup.counter_number),
    )
    code = make_code(agency, at.date(), setup.counter_number, sequence)
    ledger = LedgerEntry(at.year, sequences.next_ledger_number(
        ctx.db, at.year, issued_codes.highest_ledger(ctx.data_dir, at.year)))
    due_at = ctx.calendar().due_time(at, procedure.time)
    dossier = Dossier(
        uuid=str(uuidlib.uuid4()),
        code=str(code),
        procedure_name=procedure.name,
        processing_time=procedure.time,
        draft=draft,
        received_at=at,
        due_at=due_at,
        status=DossierState.RECEIVED,
        clerk=ctx.clerk_name(),
        ledger=ledger,
        original_due_at=due_at,
        procedure_version=procedure.version,
    )
    dossiers.insert(ctx.db, dossier, device_id)
    digitisation.attach_received(ctx, dossier.uuid, draft, at)
    payload = received_payload(
        dossier, [d.name for d in draft.documents if d.mandatory and not d.provided])
    if missing_docs and missing is MissingChoice.OVERRIDE:
        payload["missing_override"] = {"clerk": ctx.clerk_name(), "documents": missing_docs}
    events.append(
        ctx.db,
        dossier_uuid=dossier.uuid,
        kind="received",
        status=DossierState.RECEIVED,
        payload=payload,
        clerk=ctx.clerk_name(),
        device_id=device_id,
        at=at,
    )
    # Reserved before the commit (so before the receipt can be printed): a kill at any instant
    # and a restore of an older backup cannot hand these out again.
    ctx.reserve(issued_codes.code_numbers(
        agency=agency, day=at.date(), counter=setup.counter_number, sequence=sequence,
        book=ledger.book, ledger_number=ledger.number,
    ))
    if missing_docs and missing is MissingChoice.SUPPLEMENT:
        lifecycle.supplement_requested(
            ctx, dossier.uuid, missing_docs, SUPPLEMENT_AT_RECEIPT, "", at=at)
        return ctx.dossier(dossier.uuid)
    return dossier


@use_case(Permission.RECEIVE, changes=DOSSIERS)
def refuse_at_counter(
    ctx: Context, draft: DossierDraft, reason: str, *, at: datetime | None = None
) -> Dossier:
    """Refuse a dossier at the counter, straight from the receive form (form 03 is for a dossier
    that is not received): no code, no ledger line, no due time, nothing taken from their
    sequences. It is kept as a dossier in state 3 (the national portal's "Không được tiếp
    nhận") with a `refused` event (payloads.refused_at_counter_payload) that syncs; the
    refusal slip is printed from it. Only what names the request must be there: the procedure
    and the applicant's name; the reason is mandatory.

    Lines scanned before the refusal are recorded without their files
    (core.digitisation.undigitised): nothing digitised is kept with a dossier not received.

    Refusing a dossier already received stays lifecycle.refuse, with its own wording."""
    when = to_vn(at) if at else ctx.now()
    draft = drafts.normalise(draft)
    draft = replace(draft, documents=tuple(map(undigitised, draft.documents)))
    reason = clean_multiline(reason)
    procedure = catalogue.procedure(ctx.db, draft.procedure_code)
    issues = reason_issues(reason, "từ chối tiếp nhận hồ sơ")
    if procedure is None:
        issues.append(error("procedure", "Chọn thủ tục hành chính trong danh mục."))
    if not draft.applicant.name:
        issues.append(error("applicant.name", "Nhập họ tên người nộp hồ sơ."))
    if issues:
        raise ValidationFailed(issues)
    assert procedure is not None
    dossier = Dossier(
        uuid=str(uuidlib.uuid4()), code="", procedure_name=procedure.name,
        processing_time=procedure.time, draft=draft, received_at=when, due_at=when,
        status=DossierState.REFUSED, clerk=ctx.clerk_name(), ledger=None,
        procedure_version=procedure.version,
    )
    dossiers.insert(ctx.db, dossier, ctx.device_id())
    events.append(
        ctx.db, dossier_uuid=dossier.uuid, kind=EventKind.REFUSED.value,
        status=DossierState.REFUSED, payload=refused_at_counter_payload(dossier, reason),
        clerk=ctx.clerk_name(), device_id=ctx.device_id(), at=when,
    )
    return ctx.dossier(dossier.uuid)
