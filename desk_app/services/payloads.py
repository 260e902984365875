"""Dossiers as the JSON content of their events (what travels to the hub)."""

from __future__ import annotations

from desk_app.core.clock import iso, parse_iso
from desk_app.core.lifecycle import (
    Apology,
    ControlRow,
    Refusal,
    ResultReturn,
    SupplementRequest,
)
from desk_app.core.model import Dossier, Event


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
             "originals": doc.originals, "certified": doc.certified, "copies": doc.copies}
            for doc in d.documents
        ],
        "missing_documents": missing_documents,
        "channel": int(d.channel),
        "delivery": {"method": int(delivery.method), "recipient": delivery.recipient,
                     "phone": delivery.phone, "address": delivery.address},
        "fee": d.fee,
        "notes": d.notes,
        "received_at": iso(dossier.received_at),
        "due_at": iso(dossier.due_at),
        "ledger": {"book": dossier.ledger.book, "number": dossier.ledger.number},
    }


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


def refusal(event: Event) -> Refusal:
    return Refusal(reason=event.payload["reason"], at=event.device_time)


def apology(event: Event) -> Apology:
    p = event.payload
    return Apology(
        reason=p["reason"], old_due_at=parse_iso(p["old_due_at"]),
        new_due_at=parse_iso(p["new_due_at"]), at=event.device_time,
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
