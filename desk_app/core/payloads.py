"""Event payloads, both ways: what each event's JSON content holds (written by the services,
synced to the hub as it is), and the one typed reader of it for everyone else.

The wire format does not change here: the hub and older or newer counters read the same keys.
The readers are lenient where an event may come from another version (a key missing reads as
empty), strict where the program itself wrote what it reads back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desk_app.core.clock import iso, parse_iso
from desk_app.core.digitisation import DossierFile, Stage, files_of
from desk_app.core.lifecycle import (
    Apology,
    ControlRow,
    Refusal,
    ResultReturn,
    Satisfaction,
    StopNotice,
    SupplementReceipt,
    SupplementRequest,
)
from desk_app.core.model import Dossier, Event
from desk_app.core.states import DossierState
from desk_app.core.timeliness import Timeliness


def received_payload(dossier: Dossier, missing_documents: list[str]) -> dict:
    d, a, delivery = dossier.draft, dossier.applicant, dossier.draft.delivery
    return {
        "code": dossier.code,
        "procedure": {
            "code": d.procedure_code,
            "version": dossier.procedure_version,
            "name": dossier.procedure_name,
            "time": {"value": dossier.processing_time.value,
                     "unit": dossier.processing_time.unit.value},
        },
        "applicant": {
            "type": int(a.type),
            "name": a.name,
            "id_number": a.id_number,
            "birth_date": a.birth_date.isoformat() if a.birth_date else None,
            "sex": a.sex.value,
            "phone": a.phone,
            "email": a.email,
            "address": a.address,
        },
        "request": d.request,
        "sets": d.sets,
        "documents": [
            {"name": doc.name, "mandatory": doc.mandatory, "provided": doc.provided,
             "originals": doc.originals, "certified": doc.certified, "copies": doc.copies,
             "digitisation": doc.digitisation.value, "file": doc.file, "pages": doc.pages,
             "reused_from": doc.reused_from}
            for doc in d.documents
        ],
        # The files the lines name, so the journal's chain covers the scans and the sync
        # uploads them after the event (docs/domain.md, "Digitisation").
        "files": files_of(d.documents),
        "missing_documents": missing_documents,
        "channel": int(d.channel),
        "delivery": {"method": int(delivery.method), "recipient": delivery.recipient,
                     "phone": delivery.phone, "address": delivery.address},
        "fee": d.fee,
        "notes": d.notes,
        "received_at": iso(dossier.received_at),
        "due_at": iso(dossier.due_at),
        "ledger": ({"book": dossier.ledger.book, "number": dossier.ledger.number}
                   if dossier.ledger else None),
    }


def digitised_payload(document: str, stage: Stage, sha256: str, pages: int,
                      version: int) -> dict:
    """A `document_digitised` event: one document digitised after reception (a supplement
    brought, or the dossier's result), version `version` of that document at that stage."""
    return {"document": document, "stage": stage.value, "file": sha256, "pages": pages,
            "version": version, "files": [sha256]}


def digitised(event: Event) -> DossierFile:
    p = event.payload
    return DossierFile(document=p["document"], stage=Stage(p["stage"]), sha256=p["file"],
                       version=int(p["version"]), pages=int(p.get("pages") or 0),
                       clerk=event.clerk, at=event.device_time)


def file_discarded_payload(sha256: str, document: str, size: int, reason: str,
                           note: str) -> dict:
    """A `file_discarded` event: the supervisor stopped trying to send this file (`reason`: why
    it kept failing; `note`: the supervisor's why). The hash is not under "files": the file is
    no longer to be sent."""
    return {"discarded_file": sha256, "document": document, "size": size, "reason": reason,
            "note": note}


def refused_at_counter_payload(dossier: Dossier, reason: str) -> dict:
    """A `refused` event for a dossier refused at the counter (form 03): what was brought and
    why it was not received; no code, ledger line or due time. `at_counter` tells it from a
    refusal after reception, whose payload is only the reason."""
    full = received_payload(dossier, [])
    kept = ("procedure", "applicant", "request", "sets", "documents", "channel", "notes")
    return {"reason": reason, "at_counter": True, "refused_at": iso(dossier.received_at),
            **{key: full[key] for key in kept}}


# --- After the receipt: what each event's payload holds, and the records read back from it ---


def control_payload(row: ControlRow) -> dict:
    return {
        "giver_unit": row.giver_unit, "giver_name": row.giver_name,
        "receiver_unit": row.receiver_unit, "receiver_name": row.receiver_name,
        "at": iso(row.at), "result": row.result, "note": row.note,
    }


def control_row(payload: dict) -> ControlRow | None:
    """The control-slip row an event's payload carries, if the event moved the dossier
    between the counter and a processing unit."""
    row = payload.get("control")
    if row is None:
        return None
    return ControlRow(**{**row, "at": parse_iso(row["at"])})


def supplement_request(event: Event) -> SupplementRequest:
    p = event.payload
    return SupplementRequest(
        missing=tuple(p["missing"]), reason=p["reason"], contact=p["contact"],
        requested_at=event.device_time, requested_by=p["requested_by"],
    )


def supplement_receipt(event: Event) -> SupplementReceipt:
    p = event.payload
    return SupplementReceipt(
        brought=tuple(p.get("brought", ())), note=p.get("note", ""), clerk=event.clerk,
        at=event.device_time, new_due_at=parse_iso(p["new_due_at"]),
    )


def refusal(event: Event) -> Refusal:
    return Refusal(reason=event.payload["reason"], at=event.device_time)


def missing_override(event: Event) -> tuple[list[str], str] | None:
    """The documents a dossier was received without and the clerk who decided so, if the
    received event records such an override."""
    override = event.payload.get("missing_override")
    if not override:
        return None
    return list(override["documents"]), override["clerk"]


def stop_notice(event: Event) -> StopNotice:
    """Form 05 from a withdrawal; one recorded before the applicant was named reads as ''."""
    p = event.payload
    return StopNotice(reason=p["reason"], requester=p.get("requester", ""), at=event.device_time)


def apology(event: Event) -> Apology:
    p = event.payload
    original = p.get("original_due_at")
    return Apology(
        reason=p["reason"], old_due_at=parse_iso(p["old_due_at"]),
        new_due_at=parse_iso(p["new_due_at"]), at=event.device_time,
        extra_working_days=p.get("extra_working_days"),
        document_number=p.get("document_number", ""),
        original_due_at=parse_iso(original) if original else None,
    )


def return_payload(ret: ResultReturn) -> dict:
    return {
        "collector_name": ret.collector_name,
        "collector_id_number": ret.collector_id_number,
        "authorised": ret.authorised,
        "by_post": ret.by_post,
        "tracking_number": ret.tracking_number,
        "satisfaction": int(ret.satisfaction) if ret.satisfaction else None,
        "satisfaction_label": ret.satisfaction.label if ret.satisfaction else "",
        "returned_at": iso(ret.at),
    }


def resume_in(request: Event) -> DossierState:
    """Where a dossier asked for a supplement goes back once it comes: where it was then."""
    return DossierState(request.payload["resume_in"])


def requested_by(request: Event) -> str:
    """The unit (or the counter) that asked for the supplement."""
    return request.payload.get("requested_by", "")


@dataclass(frozen=True)
class Handover:
    batch_uuid: str
    unit: str
    giver_name: str
    receiver_name: str


def handover(event: Event) -> Handover:
    p = event.payload
    return Handover(p["batch_uuid"], p["unit"], p["giver_name"], p["receiver_name"])


@dataclass(frozen=True)
class EventFacts:
    """What any event may record beyond its kind, each empty when the event does not say (or
    says it in a way this version does not know)."""

    due_at: datetime | None = None
    unit: str = ""
    giver_name: str = ""
    receiver_name: str = ""
    timeliness: Timeliness | None = None
    missing: tuple[str, ...] = ()
    reason: str = ""
    old_due_at: datetime | None = None
    new_due_at: datetime | None = None
    collector_name: str = ""
    authorised: bool = False
    collector_id_number: str = ""
    by_post: bool = False
    tracking_number: str = ""
    satisfaction: Satisfaction | None = None
    note: str = ""


def facts(event: Event) -> EventFacts:
    p = event.payload

    def time(key: str) -> datetime | None:
        return parse_iso(p[key]) if p.get(key) else None

    def text(key: str) -> str:
        return str(p.get(key) or "")

    known_timeliness = p.get("timeliness") in {t.value for t in Timeliness}
    known_satisfaction = p.get("satisfaction") in {int(s) for s in Satisfaction}
    return EventFacts(
        due_at=time("due_at"), unit=text("unit"), giver_name=text("giver_name"),
        receiver_name=text("receiver_name"),
        timeliness=Timeliness(p["timeliness"]) if known_timeliness else None,
        missing=tuple(p.get("missing") or ()), reason=text("reason"),
        old_due_at=time("old_due_at"), new_due_at=time("new_due_at"),
        collector_name=text("collector_name"), authorised=bool(p.get("authorised")),
        collector_id_number=text("collector_id_number"), by_post=bool(p.get("by_post")),
        tracking_number=text("tracking_number"),
        satisfaction=Satisfaction(p["satisfaction"]) if known_satisfaction else None,
        note=text("note"),
    )
